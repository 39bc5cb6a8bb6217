output "cluster_arn" {
  value = aws_ecs_cluster.migration.arn
}

output "state_machine_arn" {
  value = aws_sfn_state_machine.migration.arn
}

output "state_machine_name" {
  value = aws_sfn_state_machine.migration.name
}

output "task_definition_arns" {
  value = { for s in local.steps : s => aws_ecs_task_definition.step[s].arn }
}

output "task_role_arns" {
  value = { for s in local.steps : s => aws_iam_role.task[s].arn }
}

output "bucket" {
  value = aws_s3_bucket.migration.id
}

output "task_log_group" {
  value = aws_cloudwatch_log_group.tasks.name
}

output "state_machine_log_group" {
  value = aws_cloudwatch_log_group.state_machine.name
}

output "failure_topic_arn" {
  value = aws_sns_topic.failures.arn
}

output "security_group_id" {
  value = aws_security_group.tasks.id
}

output "run_task_parameter" {
  value = aws_ssm_parameter.run_task.name
}
