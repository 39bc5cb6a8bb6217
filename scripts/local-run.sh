#!/usr/bin/env bash
# A complete local migration on generated sample data, with no Docker: generates CasRec
# exports, starts PostgreSQL if needed, installs the Sirius stand-in, serves an embedded S3
# endpoint from .local/s3 and runs the pipeline.
# Usage: scripts/local-run.sh [--clients N] [--seed S] [--defects RATE] [--release]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CLIENTS=1000 SEED=1 DEFECTS=0 PROFILE=dev
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) CLIENTS="$2"; shift 2;;
    --seed) SEED="$2"; shift 2;;
    --defects) DEFECTS="$2"; shift 2;;
    --release) PROFILE=release; shift;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0;;
    *) die "unknown option $1 (see --help)";;
  esac
done


cd "$ROOT"
need_rust
eval "$("$ROOT/scripts/ensure-postgres.sh")"
export MIGRATION_ENVIRONMENT=local
say "building migrate and casrec-gen ($PROFILE)"
cargo build --profile "$PROFILE" -p migrate -p casrec-gen --quiet
bin="$CARGO_TARGET_DIR/$([ "$PROFILE" = dev ] && echo debug || echo release)"

say "generating $CLIENTS clients of CasRec data (seed $SEED) in .local/data"
rm -rf "$LOCAL_DIR/data"
"$bin/casrec-gen" generate --clients "$CLIENTS" --seed "$SEED" --defects "$DEFECTS" --out "$LOCAL_DIR/data"

say "installing the Sirius stand-in"
"$bin/migrate" sirius init --reset

say "running the whole pipeline"
"$bin/migrate" run
say "done: 'migrate status' shows the ledger, 'migrate scope show' the scope; the validation report is in .local/reports; Sirius is database api"
