# Per-environment values live in env/<environment>.tfvars; the workspace selects the state.
# Both must name the same environment (checked by terraform_data.environment_guard).

variable "environment" {
  description = "Environment name; must equal the Terraform workspace. Becomes MIGRATION_ENVIRONMENT."
  type        = string
  validation {
    condition     = contains(["development", "preproduction", "qa", "production"], var.environment)
    error_message = "environment must be one of development, preproduction, qa, production."
  }
}

variable "is_production" {
  description = <<-EOT
    The production flag. true only in env/production.tfvars. It: keeps the bucket from being
    destroyed with objects in it, keeps logs longer (log_retention_days), never creates the
    load-s3 task, and documents intent. It does NOT by itself allow loading into Sirius: the
    generated production state machine passes --allow-production-load --confirm-environment
    production to load-to-target only when the execution input has "allow_load_to_target": true,
    and config/production.toml refuses the load otherwise.
  EOT
  type        = bool
  default     = false
}

variable "aws_region" {
  description = "AWS region for every resource."
  type        = string
  default     = "eu-west-1"
}

variable "assume_role_arn" {
  description = "Role the AWS provider assumes in the environment's account (empty: use the caller's credentials)."
  type        = string
  default     = ""
}

variable "vpc_id" {
  description = "VPC the tasks run in (the one that reaches both databases)."
  type        = string
  validation {
    condition     = can(regex("^vpc-[0-9a-f]{8,17}$", var.vpc_id))
    error_message = "vpc_id must be a VPC id (vpc-...): set it in env/<environment>.tfvars."
  }
}

variable "subnet_ids" {
  description = "Private subnets for the Fargate tasks (no public IP is assigned)."
  type        = list(string)
  validation {
    condition     = length(var.subnet_ids) > 0 && alltrue([for s in var.subnet_ids : can(regex("^subnet-[0-9a-f]{8,17}$", s))])
    error_message = "subnet_ids must be a non-empty list of subnet ids (subnet-...): set them in env/<environment>.tfvars."
  }
}

variable "https_egress_cidr_blocks" {
  description = "Where tasks may open HTTPS (443): S3, ECR, CloudWatch Logs and Secrets Manager, via VPC endpoints or NAT."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "ecr_repository_url" {
  description = "Registry plus repository namespace; the image of binary B is <ecr_repository_url>/<B>:<image_tag>, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/casrec-migration."
  type        = string
  validation {
    condition     = can(regex("^[0-9]{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com/[a-z0-9._/-]+$", var.ecr_repository_url))
    error_message = "ecr_repository_url must look like 123456789012.dkr.ecr.eu-west-1.amazonaws.com/casrec-migration."
  }
}

variable "image_tag" {
  description = "Image tag every task runs (CI passes the promoted commit SHA: TF_VAR_image_tag)."
  type        = string
  validation {
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.image_tag)) && var.image_tag != "latest"
    error_message = "image_tag must be a real tag (a commit SHA), not latest."
  }
}

variable "migration_db" {
  description = "The migration database (casrecmigration): host, port, user, database name."
  type = object({
    host   = string
    port   = optional(number, 5432)
    user   = optional(string, "casrec")
    dbname = optional(string, "casrecmigration")
  })
  validation {
    condition     = var.migration_db.host != "" && !startswith(var.migration_db.host, "REPLACE")
    error_message = "migration_db.host must be the database's endpoint: set it in env/<environment>.tfvars."
  }
}

variable "sirius_db" {
  description = "The Sirius database: host, port, user, database name."
  type = object({
    host   = string
    port   = optional(number, 5432)
    user   = optional(string, "api")
    dbname = optional(string, "api")
  })
  validation {
    condition     = var.sirius_db.host != "" && !startswith(var.sirius_db.host, "REPLACE")
    error_message = "sirius_db.host must be the database's endpoint: set it in env/<environment>.tfvars."
  }
}

variable "migration_db_password_secret_arn" {
  description = "Secrets Manager secret holding the migration database password (becomes MIGRATION_DB_PASSWORD)."
  type        = string
  validation {
    condition     = can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$", var.migration_db_password_secret_arn))
    error_message = "migration_db_password_secret_arn must be a Secrets Manager secret ARN: set it in env/<environment>.tfvars."
  }
}

variable "sirius_db_password_secret_arn" {
  description = "Secrets Manager secret holding the Sirius database password (becomes SIRIUS_DB_PASSWORD)."
  type        = string
  validation {
    condition     = can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$", var.sirius_db_password_secret_arn))
    error_message = "sirius_db_password_secret_arn must be a Secrets Manager secret ARN: set it in env/<environment>.tfvars."
  }
}

variable "migration_db_password_json_key" {
  description = "When the migration secret is JSON, the key holding the password (empty: the whole secret string is the password)."
  type        = string
  default     = ""
}

variable "sirius_db_password_json_key" {
  description = "When the Sirius secret is JSON, the key holding the password (empty: the whole secret string is the password)."
  type        = string
  default     = ""
}

variable "secrets_kms_key_arns" {
  description = "Customer-managed KMS keys that encrypt the two secrets (empty when they use the AWS-managed key)."
  type        = list(string)
  default     = []
}

variable "s3_prefix" {
  description = "Key prefix of the CasRec CSVs in the bucket (MIGRATION__S3__PREFIX)."
  type        = string
  default     = "casrec"
}

variable "s3_reports_prefix" {
  description = "Key prefix validation writes its report under."
  type        = string
  default     = "reports"
}

variable "enable_load_s3" {
  description = "Create the load-s3 task (development only: it uploads CSVs to the bucket)."
  type        = bool
  default     = false
}

variable "log_retention_days" {
  description = "Days CloudWatch keeps task and state machine logs."
  type        = number
  default     = 365
  validation {
    condition     = contains([365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a CloudWatch retention value of at least 365."
  }
}

variable "noncurrent_version_expiration_days" {
  description = "Days the bucket keeps object versions that were overwritten or deleted."
  type        = number
  default     = 90
}

variable "task_sizes" {
  description = "Fargate CPU units and memory (MiB) per step; valid Fargate combinations only."
  type = map(object({
    cpu    = number
    memory = number
  }))
  default = {
    "load-s3"          = { cpu = 512, memory = 1024 }
    "prepare"          = { cpu = 512, memory = 1024 }
    "load-casrec"      = { cpu = 2048, memory = 8192 }
    "transform-casrec" = { cpu = 4096, memory = 16384 }
    "integration"      = { cpu = 2048, memory = 8192 }
    "load-to-target"   = { cpu = 2048, memory = 8192 }
    "validation"       = { cpu = 1024, memory = 2048 }
  }
}

variable "failure_notification_emails" {
  description = "Addresses subscribed to the failure topic (each must confirm by email)."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}

variable "load_casrec_skip_unchanged" {
  description = "Sets MIGRATION__LOAD_CASREC__SKIP_UNCHANGED in the load-casrec task: keep tables whose CSV object is unchanged. CI sets it for a run whose commit message has ~nr."
  type        = bool
  default     = false
}
