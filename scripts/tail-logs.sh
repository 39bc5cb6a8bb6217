#!/usr/bin/env bash
# Tails a casrec-migration step's CloudWatch logs in an AWS environment (aws logs tail).
# Usage: scripts/tail-logs.sh --environment ENV [--step STEP] [--task TASK_ID] [--since 1h]
#          [--no-follow] [--state-machine] [--region R]
# Without --step, every step's streams; --state-machine tails the execution history instead.
# Streams are <step>/<step>/<task id> in log group casrec-migration-ENV.
set -euo pipefail

usage() { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "tail-logs: $*" >&2; exit 2; }

ENVIRONMENT="" STEP="" TASK="" SINCE=1h FOLLOW=(--follow) STATE_MACHINE=false
REGION="${AWS_REGION:-${AWS_DEFAULT_REGION:-eu-west-1}}"
while [ $# -gt 0 ]; do
  case "$1" in
    -e|--environment) ENVIRONMENT="${2:?}"; shift 2;;
    -s|--step) STEP="${2:?}"; shift 2;;
    --task) TASK="${2:?}"; shift 2;;
    --since) SINCE="${2:?}"; shift 2;;
    --no-follow) FOLLOW=(); shift;;
    --state-machine) STATE_MACHINE=true; shift;;
    --region) REGION="${2:?}"; shift 2;;
    -h|--help) usage; exit 0;;
    *) die "unknown option $1 (see --help)";;
  esac
done

case "$ENVIRONMENT" in development|preproduction|qa|production) ;; *) die "--environment must be development, preproduction, qa or production";; esac
[ -z "$STEP" ] || case "$STEP" in load-s3|prepare|load-casrec|transform-casrec|integration|load-to-target|validation) ;; *) die "--step must be one of the pipeline's steps";; esac
[ -z "$TASK" ] || [ -n "$STEP" ] || die "--task needs --step"
command -v aws >/dev/null || die "the aws CLI is not installed"

args=(--region "$REGION" --since "$SINCE" --format short "${FOLLOW[@]}")
if $STATE_MACHINE; then
  exec aws logs tail "/aws/vendedlogs/states/casrec-migration-${ENVIRONMENT}" "${args[@]}"
fi
prefix=()
if [ -n "$STEP" ]; then prefix=(--log-stream-name-prefix "${STEP}/${STEP}/${TASK}"); fi
exec aws logs tail "casrec-migration-${ENVIRONMENT}" "${prefix[@]}" "${args[@]}"
