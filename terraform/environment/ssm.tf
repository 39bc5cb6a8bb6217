# What scripts/run-ecs-task.sh needs to start one step by hand, so operators need neither
# Terraform state nor hand-copied subnet and security group ids. Nothing secret.
resource "aws_ssm_parameter" "run_task" {
  #checkov:skip=CKV2_AWS_34:Holds only resource identifiers (cluster, task definition ARNs, subnets, security group), no secret; a String keeps it readable without KMS access.
  name        = "/casrec-migration/${local.environment}/run-task"
  description = "casrec-migration ${local.environment}: cluster, network and task definitions for scripts/run-ecs-task.sh"
  type        = "String"
  value = jsonencode({
    cluster         = aws_ecs_cluster.migration.arn
    subnets         = var.subnet_ids
    securityGroups  = [aws_security_group.tasks.id]
    logGroup        = aws_cloudwatch_log_group.tasks.name
    stateMachine    = aws_sfn_state_machine.migration.arn
    taskDefinitions = { for s in local.steps : s => aws_ecs_task_definition.step[s].arn }
  })
}
