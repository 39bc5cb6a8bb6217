# casrec-migration, environment "preproduction". Use with the workspace of the same name:
#   terraform workspace select preproduction && terraform plan -var-file=env/preproduction.tfvars
# image_tag is not here: CI passes the promoted image (TF_VAR_image_tag).
#
# Values marked REPLACE are the account's existing network, databases and secrets; they fail
# the variables' validation until set, so a plan cannot run against a placeholder.

environment   = "preproduction"
is_production = false

aws_region      = "eu-west-1"
assume_role_arn = "" # REPLACE: arn:aws:iam::<account>:role/<ci-role> for this environment's account

vpc_id     = "REPLACE-vpc-id"
subnet_ids = ["REPLACE-private-subnet-ids"]

ecr_repository_url = "REPLACE.dkr.ecr.eu-west-1.amazonaws.com/casrec-migration"

migration_db = {
  host = "REPLACE-migration-db-host"
}

sirius_db = {
  host = "REPLACE-sirius-db-host"
}

migration_db_password_secret_arn = "REPLACE-migration-db-password-secret-arn"
sirius_db_password_secret_arn    = "REPLACE-sirius-db-password-secret-arn"

# load-s3 uploads CSVs to the bucket: development only.
enable_load_s3 = false

log_retention_days                 = 365
noncurrent_version_expiration_days = 90

failure_notification_emails = []

task_sizes = {
  "load-s3"          = { cpu = 512, memory = 1024 }
  "prepare"          = { cpu = 512, memory = 1024 }
  "load-casrec"      = { cpu = 2048, memory = 8192 }
  "transform-casrec" = { cpu = 4096, memory = 16384 }
  "integration"      = { cpu = 2048, memory = 8192 }
  "load-to-target"   = { cpu = 2048, memory = 8192 }
  "validation"       = { cpu = 1024, memory = 2048 }
}
