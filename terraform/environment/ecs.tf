resource "aws_ecs_cluster" "migration" {
  name = local.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "migration" {
  cluster_name       = aws_ecs_cluster.migration.name
  capacity_providers = ["FARGATE"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }
}

locals {
  # Passwords never appear here: they are ECS secrets (below), read by the execution role.
  common_environment = {
    MIGRATION_ENVIRONMENT           = local.environment
    MIGRATION__MIGRATION_DB__HOST   = var.migration_db.host
    MIGRATION__MIGRATION_DB__PORT   = tostring(var.migration_db.port)
    MIGRATION__MIGRATION_DB__USER   = var.migration_db.user
    MIGRATION__MIGRATION_DB__DBNAME = var.migration_db.dbname
    MIGRATION__SIRIUS_DB__HOST      = var.sirius_db.host
    MIGRATION__SIRIUS_DB__PORT      = tostring(var.sirius_db.port)
    MIGRATION__SIRIUS_DB__USER      = var.sirius_db.user
    MIGRATION__SIRIUS_DB__DBNAME    = var.sirius_db.dbname
    MIGRATION__S3__BUCKET           = aws_s3_bucket.migration.id
    MIGRATION__S3__PREFIX           = var.s3_prefix
    MIGRATION__S3__REGION           = local.region
    MIGRATION__S3__ENDPOINT         = ""
    MIGRATION__S3__FORCE_PATH_STYLE = "false"
    MIGRATION__LOGGING__FORMAT      = "json"
  }

  migration_db_password_from = var.migration_db_password_json_key == "" ? var.migration_db_password_secret_arn : "${var.migration_db_password_secret_arn}:${var.migration_db_password_json_key}::"
  sirius_db_password_from    = var.sirius_db_password_json_key == "" ? var.sirius_db_password_secret_arn : "${var.sirius_db_password_secret_arn}:${var.sirius_db_password_json_key}::"

  # MIGRATION_RUN_ID and MIGRATION__RUN__AS_OF_DATE come from the execution input, as
  # container overrides set by the state machine (or scripts/run-ecs-task.sh).
  container_definitions = {
    for step in local.steps : step => [{
      name                   = step
      image                  = "${var.ecr_repository_url}/${step}:${var.image_tag}"
      essential              = true
      readonlyRootFilesystem = true
      user                   = "10001:10001"
      environment = [
        for k, v in merge(local.common_environment, step == "load-casrec" ? {
          MIGRATION__LOAD_CASREC__SKIP_UNCHANGED = tostring(var.load_casrec_skip_unchanged)
        } : {}) : { name = k, value = v }
      ]
      secrets = concat(
        [{ name = "MIGRATION_DB_PASSWORD", valueFrom = local.migration_db_password_from }],
        local.step_access[step].sirius ? [{ name = "SIRIUS_DB_PASSWORD", valueFrom = local.sirius_db_password_from }] : [],
      )
      # The root filesystem is read-only; these task-local volumes are the only writable places.
      mountPoints = [
        { sourceVolume = "tmp", containerPath = "/tmp", readOnly = false },
        { sourceVolume = "data", containerPath = "/data", readOnly = false },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.tasks.name
          awslogs-region        = local.region
          awslogs-stream-prefix = step
        }
      }
    }]
  }
}

resource "aws_ecs_task_definition" "step" {
  for_each = toset(local.steps)

  family                   = "${local.name}-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.task_sizes[each.key].cpu
  memory                   = var.task_sizes[each.key].memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task[each.key].arn
  container_definitions    = jsonencode(local.container_definitions[each.key])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  volume {
    name = "tmp"
  }

  volume {
    name = "data"
  }
}
