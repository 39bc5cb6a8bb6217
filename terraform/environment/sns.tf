# Failure notifications: published by the state machine's Catch states (failure_topic_arn in
# the ASL) and by EventBridge when an execution fails, times out or is aborted outside them.
resource "aws_sns_topic" "failures" {
  name              = "${local.name}-failures"
  kms_master_key_id = aws_kms_key.migration.arn
}

resource "aws_sns_topic_subscription" "failure_emails" {
  for_each  = toset(var.failure_notification_emails)
  topic_arn = aws_sns_topic.failures.arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_sns_topic_policy" "failures" {
  arn    = aws_sns_topic.failures.arn
  policy = data.aws_iam_policy_document.failure_topic.json
}

data "aws_iam_policy_document" "failure_topic" {
  statement {
    sid       = "EventBridgeRulePublishes"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.failures.arn]
    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_cloudwatch_event_rule.execution_failed.arn]
    }
  }

  statement {
    sid       = "StateMachinePublishes"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.failures.arn]
    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.state_machine.arn]
    }
  }
}

resource "aws_cloudwatch_event_rule" "execution_failed" {
  name        = "${local.name}-execution-failed"
  description = "A ${local.name} state machine execution failed, timed out or was aborted."
  event_pattern = jsonencode({
    source        = ["aws.states"]
    "detail-type" = ["Step Functions Execution Status Change"]
    detail = {
      status          = ["FAILED", "TIMED_OUT", "ABORTED"]
      stateMachineArn = [aws_sfn_state_machine.migration.arn]
    }
  })
}

resource "aws_cloudwatch_event_target" "execution_failed" {
  rule      = aws_cloudwatch_event_rule.execution_failed.name
  target_id = "failure-topic"
  arn       = aws_sns_topic.failures.arn
}
