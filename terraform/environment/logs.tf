# Task logs: stream <step>/<container>/<task id> (awslogs-stream-prefix = the step).
resource "aws_cloudwatch_log_group" "tasks" {
  name              = local.name
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.migration.arn
}

# State machine execution history. /aws/vendedlogs/ keeps the logs resource policy small.
resource "aws_cloudwatch_log_group" "state_machine" {
  name              = "/aws/vendedlogs/states/${local.name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.migration.arn
}
