#!/usr/bin/env bash
# Runs the whole test suite: formatting and clippy, then every crate's unit and integration tests with
# cargo-nextest against a real PostgreSQL (started if none answers) and in-process S3 endpoints,
# then the delivery lint (hadolint, checkov, asl-validator, YAML, shellcheck).
# Usage: scripts/test.sh [extra nextest arguments]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
  sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
cd "$ROOT"
need_rust
need_nextest
need_moto
need_chromium
eval "$("$ROOT/scripts/ensure-postgres.sh")"
say "checking formatting and lints"
cargo fmt --all -- --check
# The UDF files are modules declared by a macro, which cargo fmt does not reach.
rustfmt --edition 2021 --check crates/transform-casrec/src/udf/*.rs
cargo clippy --workspace --all-targets --quiet -- -D warnings
say "running the tests (target dir $CARGO_TARGET_DIR)"
cargo nextest run --workspace --all-targets --no-fail-fast "$@"
say "linting the delivery files (Dockerfile, terraform, state machines, CI config, scripts)"
"$ROOT/scripts/lint-delivery.sh"
