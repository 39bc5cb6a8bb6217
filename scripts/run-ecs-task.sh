#!/usr/bin/env bash
# Runs one casrec-migration step as an ECS task in an AWS environment, waits for it to stop
# and prints its exit code (and exits with it).
# Usage: scripts/run-ecs-task.sh --environment ENV --step STEP [--run-id N] [--as-of YYYY-MM-DD]
#          [--part PART] [--allow-production-load --confirm-environment production] [--no-wait]
#          [--region R] [-- extra arguments for the step binary]
# --part runs one part of transform-casrec (scope, wave<N>/<group>, finish) as the state
# machine does; parts after scope need the --run-id of the run whose scope ran.
# Cluster, network and task definitions come from the SSM parameter
# /casrec-migration/ENV/run-task that terraform/environment writes. Needs the aws CLI (v2) and
# credentials for the environment's account.
set -euo pipefail

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "run-ecs-task: $*" >&2; exit 2; }

ENVIRONMENT="" STEP="" RUN_ID="" AS_OF="" PART="" ALLOW_PROD=false CONFIRM="" WAIT=true
REGION="${AWS_REGION:-${AWS_DEFAULT_REGION:-eu-west-1}}"
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    -e|--environment) ENVIRONMENT="${2:?}"; shift 2;;
    -s|--step) STEP="${2:?}"; shift 2;;
    --run-id) RUN_ID="${2:?}"; shift 2;;
    --as-of) AS_OF="${2:?}"; shift 2;;
    --part) PART="${2:?}"; shift 2;;
    --allow-production-load) ALLOW_PROD=true; shift;;
    --confirm-environment) CONFIRM="${2:?}"; shift 2;;
    --no-wait) WAIT=false; shift;;
    --region) REGION="${2:?}"; shift 2;;
    -h|--help) usage; exit 0;;
    --) shift; EXTRA=("$@"); break;;
    *) die "unknown option $1 (see --help)";;
  esac
done

case "$ENVIRONMENT" in development|preproduction|qa|production) ;; *) die "--environment must be development, preproduction, qa or production";; esac
case "$STEP" in load-s3|prepare|load-casrec|transform-casrec|integration|load-to-target|validation) ;; *) die "--step must be one of the pipeline's steps";; esac
[ -z "$RUN_ID" ] || [[ "$RUN_ID" =~ ^[0-9]+$ ]] || die "--run-id must be a number"
[ -z "$AS_OF" ] || [[ "$AS_OF" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || die "--as-of must be YYYY-MM-DD"
if $ALLOW_PROD; then
  [ "$STEP" = load-to-target ] || die "--allow-production-load applies to load-to-target only"
  [ "$CONFIRM" = "$ENVIRONMENT" ] || die "--allow-production-load needs --confirm-environment $ENVIRONMENT"
  EXTRA=(--allow-production-load --confirm-environment "$CONFIRM" "${EXTRA[@]}")
fi
if [ -n "$PART" ]; then
  [ "$STEP" = transform-casrec ] || die "--part applies to transform-casrec only"
  [ "$PART" = scope ] || [ -n "$RUN_ID" ] || die "part $PART needs the --run-id whose scope ran"
  EXTRA=(--part "$PART" "${EXTRA[@]}")
fi
command -v aws >/dev/null || die "the aws CLI is not installed"

export AWS_REGION="$REGION" AWS_DEFAULT_REGION="$REGION"
param="/casrec-migration/${ENVIRONMENT}/run-task"
cfg="$(aws ssm get-parameter --name "$param" --query Parameter.Value --output text)" \
  || die "cannot read SSM parameter $param (is terraform/environment applied in $ENVIRONMENT?)"
field() { python3 -c 'import json,sys; v=json.loads(sys.argv[1])[sys.argv[2]]; print(v if isinstance(v,str) else json.dumps(v))' "$cfg" "$1"; }
CLUSTER="$(field cluster)"
TASK_DEF="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["taskDefinitions"].get(sys.argv[2],""))' "$cfg" "$STEP")"
[ -n "$TASK_DEF" ] || die "$STEP has no task definition in $ENVIRONMENT"
SUBNETS="$(field subnets)"
GROUPS_JSON="$(field securityGroups)"

# Container overrides: the run and the as-of date as environment, extra arguments as the command.
OVERRIDES="$(python3 - "$STEP" "$RUN_ID" "$AS_OF" "${EXTRA[@]}" <<'PY'
import json, sys
step, run_id, as_of, *args = sys.argv[1:]
env = []
if run_id: env.append({"name": "MIGRATION_RUN_ID", "value": run_id})
if as_of: env.append({"name": "MIGRATION__RUN__AS_OF_DATE", "value": as_of})
c = {"name": step, "environment": env}
if args: c["command"] = args
print(json.dumps({"containerOverrides": [c]}))
PY
)"
NETWORK="{\"awsvpcConfiguration\":{\"subnets\":${SUBNETS},\"securityGroups\":${GROUPS_JSON},\"assignPublicIp\":\"DISABLED\"}}"

echo "starting $STEP in $ENVIRONMENT ($TASK_DEF)" >&2
TASK_ARN="$(aws ecs run-task --cluster "$CLUSTER" --task-definition "$TASK_DEF" --launch-type FARGATE \
  --network-configuration "$NETWORK" --overrides "$OVERRIDES" --started-by "run-ecs-task:${USER:-ci}" \
  --query 'tasks[0].taskArn' --output text)"
if [ -z "$TASK_ARN" ] || [ "$TASK_ARN" = None ]; then die "ECS did not start the task"; fi
echo "task: $TASK_ARN" >&2
echo "logs: scripts/tail-logs.sh --environment $ENVIRONMENT --step $STEP --task ${TASK_ARN##*/}" >&2
$WAIT || exit 0

# `ecs wait tasks-stopped` gives up after 10 minutes; steps run for hours, so wait again.
until aws ecs wait tasks-stopped --cluster "$CLUSTER" --tasks "$TASK_ARN" 2>/dev/null; do
  status="$(aws ecs describe-tasks --cluster "$CLUSTER" --tasks "$TASK_ARN" --query 'tasks[0].lastStatus' --output text)"
  [ "$status" = STOPPED ] && break
  echo "still $status ..." >&2
done

read -r EXIT_CODE STOP_CODE < <(aws ecs describe-tasks --cluster "$CLUSTER" --tasks "$TASK_ARN" \
  --query "tasks[0].[containers[?name=='${STEP}'].exitCode | [0], stopCode]" --output text)
REASON="$(aws ecs describe-tasks --cluster "$CLUSTER" --tasks "$TASK_ARN" --query 'tasks[0].stoppedReason' --output text)"
echo "stopped: $STOP_CODE ($REASON)" >&2
if [ -z "$EXIT_CODE" ] || [ "$EXIT_CODE" = None ]; then
  echo "exit code: none (the container never ran)"
  exit 1
fi
echo "exit code: $EXIT_CODE"
exit "$EXIT_CODE"
