terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }

  # State lives in S3, one state per workspace (env:/<workspace>/<key>). The bucket, key,
  # region, lock table and role are given at init time (CI: TF_CLI_ARGS_init; see README.md):
  #   terraform init -backend-config=bucket=... -backend-config=key=casrec-migration/environment.tfstate ...
  backend "s3" {}
}

provider "aws" {
  region = var.aws_region

  dynamic "assume_role" {
    for_each = var.assume_role_arn == "" ? [] : [var.assume_role_arn]
    content {
      role_arn     = assume_role.value
      session_name = "casrec-migration-terraform"
    }
  }

  default_tags {
    tags = local.default_tags
  }
}
