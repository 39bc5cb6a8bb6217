# The tasks' only security group: no ingress; egress to PostgreSQL inside the VPC and to HTTPS
# (S3, ECR, CloudWatch Logs, Secrets Manager).
resource "aws_security_group" "tasks" {
  #checkov:skip=CKV2_AWS_5:Attached at run time: the state machine (security_group_id in the ASL) and scripts/run-ecs-task.sh pass it to ecs:RunTask; there is no long-running ECS service to attach it to.
  name_prefix = "${local.name}-tasks-"
  description = "casrec-migration ${local.environment} Fargate tasks: egress to PostgreSQL in the VPC and HTTPS only"
  vpc_id      = data.aws_vpc.this.id

  tags = {
    Name = "${local.name}-tasks"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_egress_rule" "postgres" {
  security_group_id = aws_security_group.tasks.id
  description       = "PostgreSQL: the migration and Sirius databases, inside the VPC"
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = data.aws_vpc.this.cidr_block
}

resource "aws_vpc_security_group_egress_rule" "https" {
  for_each          = toset(var.https_egress_cidr_blocks)
  security_group_id = aws_security_group.tasks.id
  description       = "HTTPS: S3, ECR, CloudWatch Logs, Secrets Manager"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = each.value
}
