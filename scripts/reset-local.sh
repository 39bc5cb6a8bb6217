#!/usr/bin/env bash
# Resets the local environment: drops the local migration and Sirius databases and removes
# generated data and the embedded S3 folder (.local/data, .local/s3). The private PostgreSQL
# cluster, if any, is stopped with --all.
# Usage: scripts/reset-local.sh [--all]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ALL=0
case "${1:-}" in
  --all) ALL=1;;
  -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0;;
  "") ;;
  *) die "unknown option $1 (see --help)";;
esac
eval "$("$ROOT/scripts/ensure-postgres.sh")"
for db in casrecmigration api; do
  say "dropping database $db"
  psql -h "$TEST_PG_HOST" -p "$TEST_PG_PORT" -U postgres -q -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" postgres
done
rm -rf "$LOCAL_DIR/data" "$LOCAL_DIR/s3"
if [ "$ALL" = 1 ] && [ -f "$LOCAL_DIR/pg/data/PG_VERSION" ]; then
  bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)"
  say "stopping the private PostgreSQL"
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bindir/pg_ctl" -D "$LOCAL_DIR/pg/data" stop || true
  else "$bindir/pg_ctl" -D "$LOCAL_DIR/pg/data" stop || true; fi
fi
say "local environment reset"
