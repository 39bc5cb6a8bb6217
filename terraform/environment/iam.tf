data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:ecs:${local.region}:${local.account_id}:*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

# ------------------------------------------------------------------------------------------
# Execution role (ECS itself): pull the images, write the logs, read the two password secrets.
resource "aws_iam_role" "execution" {
  name               = "${local.name}-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy" "execution" {
  name   = "pull-log-secrets"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

data "aws_iam_policy_document" "execution" {
  statement {
    sid = "EcrAuthorizationTokenIsAccountWide"
    #checkov:skip=CKV_AWS_356:ecr:GetAuthorizationToken has no resource-level permissions; AWS requires "*".
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "PullTheMigrationImages"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer",
    ]
    resources = [local.ecr_repository_arn]
  }

  statement {
    sid       = "WriteTaskLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.tasks.arn}:log-stream:*"]
  }

  statement {
    sid     = "ReadTheDatabasePasswords"
    actions = ["secretsmanager:GetSecretValue"]
    resources = [
      var.migration_db_password_secret_arn,
      var.sirius_db_password_secret_arn,
    ]
  }

  dynamic "statement" {
    for_each = length(var.secrets_kms_key_arns) == 0 ? [] : [1]
    content {
      sid       = "DecryptTheDatabasePasswords"
      actions   = ["kms:Decrypt"]
      resources = var.secrets_kms_key_arns
      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["secretsmanager.${local.region}.amazonaws.com"]
      }
    }
  }
}

# ------------------------------------------------------------------------------------------
# Task roles (the binaries): one per step, holding only the S3 access that step uses. Steps
# that use no AWS service (prepare, transform-casrec, integration, load-to-target) get a role
# with no policy at all: their databases are reached with passwords, not IAM.
resource "aws_iam_role" "task" {
  for_each           = toset(local.steps)
  name               = "${local.name}-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

locals {
  s3_steps = { for s in local.steps : s => local.step_access[s] if local.step_access[s].s3_read || local.step_access[s].s3_write || local.step_access[s].s3_reports }
}

resource "aws_iam_role_policy" "task_s3" {
  for_each = local.s3_steps
  name     = "s3"
  role     = aws_iam_role.task[each.key].id
  policy   = data.aws_iam_policy_document.task_s3[each.key].json
}

data "aws_iam_policy_document" "task_s3" {
  for_each = local.s3_steps

  # HeadBucket (the reachability check) and ListObjectsV2 under the step's own prefix.
  statement {
    sid       = "ListOwnPrefix"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.migration.arn]
    condition {
      test     = "StringLikeIfExists"
      variable = "s3:prefix"
      values = each.value.s3_reports ? [var.s3_reports_prefix, "${var.s3_reports_prefix}/*"] : [
        var.s3_prefix, "${var.s3_prefix}/*",
      ]
    }
  }

  dynamic "statement" {
    for_each = each.value.s3_read ? [1] : []
    content {
      sid       = "ReadCasrecCsvs"
      actions   = ["s3:GetObject"]
      resources = ["${aws_s3_bucket.migration.arn}/${var.s3_prefix}/*"]
    }
  }

  dynamic "statement" {
    for_each = each.value.s3_write ? [1] : []
    content {
      sid = "WriteCasrecCsvs"
      actions = [
        "s3:PutObject",
        "s3:DeleteObject",
        "s3:AbortMultipartUpload",
        "s3:ListMultipartUploadParts",
      ]
      resources = ["${aws_s3_bucket.migration.arn}/${var.s3_prefix}/*"]
    }
  }

  dynamic "statement" {
    for_each = each.value.s3_reports ? [1] : []
    content {
      sid = "WriteValidationReports"
      actions = [
        "s3:PutObject",
        "s3:AbortMultipartUpload",
        "s3:ListMultipartUploadParts",
      ]
      resources = ["${aws_s3_bucket.migration.arn}/${var.s3_reports_prefix}/*"]
    }
  }

  # SSE-KMS objects: writing needs GenerateDataKey, reading (and multipart writes) Decrypt.
  statement {
    sid       = "UseTheBucketKeyThroughS3"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.migration.arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${local.region}.amazonaws.com"]
    }
  }
}
