data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

data "aws_vpc" "this" {
  id = var.vpc_id
}

locals {
  environment = var.environment
  name        = "casrec-migration-${local.environment}"
  account_id  = data.aws_caller_identity.current.account_id
  partition   = data.aws_partition.current.partition
  region      = var.aws_region

  # The pipeline, in order (crates/migration-core/src/pipeline.rs). load-s3 exists only where
  # enabled (development); every other step exists in every environment.
  all_steps = ["load-s3", "prepare", "load-casrec", "transform-casrec", "integration", "load-to-target", "validation"]
  steps     = [for s in local.all_steps : s if s != "load-s3" || (var.enable_load_s3 && !var.is_production)]

  # What each step touches: the least privilege of its task role and the secrets it receives.
  step_access = {
    "load-s3"          = { sirius = false, s3_read = true, s3_write = true, s3_reports = false }
    "prepare"          = { sirius = true, s3_read = false, s3_write = false, s3_reports = false }
    "load-casrec"      = { sirius = false, s3_read = true, s3_write = false, s3_reports = false }
    "transform-casrec" = { sirius = true, s3_read = false, s3_write = false, s3_reports = false } # part scope reads Sirius's pilot cases
    "integration"      = { sirius = true, s3_read = false, s3_write = false, s3_reports = false }
    "load-to-target"   = { sirius = true, s3_read = false, s3_write = false, s3_reports = false }
    "validation"       = { sirius = true, s3_read = false, s3_write = false, s3_reports = true }
  }

  bucket_name = "casrec-migration-${local.environment}"

  # ECR: <registry>/<namespace>; repositories <namespace>/<binary>.
  ecr_parts          = regex("^([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com/(.+)$", var.ecr_repository_url)
  ecr_repository_arn = "arn:${local.partition}:ecr:${local.ecr_parts[1]}:${local.ecr_parts[0]}:repository/${local.ecr_parts[2]}/*"

  default_tags = merge({
    application      = "casrec-migration"
    environment-name = local.environment
    is-production    = tostring(var.is_production)
    source-code      = "casrec-migration/terraform/environment"
    managed-by       = "terraform"
  }, var.tags)
}

# Fails the plan when the selected workspace and the tfvars file disagree, so a development
# tfvars can never be applied to the production state (or the other way round).
resource "terraform_data" "environment_guard" {
  input = local.environment

  lifecycle {
    precondition {
      condition     = terraform.workspace == var.environment
      error_message = "Workspace ${terraform.workspace} does not match environment ${var.environment}: run terraform workspace select ${var.environment} and pass -var-file=env/${var.environment}.tfvars."
    }
    precondition {
      condition     = var.is_production == (var.environment == "production")
      error_message = "is_production must be true exactly in the production environment."
    }
  }
}
