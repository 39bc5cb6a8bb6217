#!/usr/bin/env bash
# Makes sure a PostgreSQL answers, and prints the environment that points the project at it:
#   eval "$(scripts/ensure-postgres.sh)"
# 1. the configured one (PGHOST/PGPORT, default 127.0.0.1:5432) if it answers;
# 2. else the system cluster, started with pg_ctlcluster;
# 3. else a private cluster under .local/pg on port 55432 (PostgreSQL installed from Debian's
#    packages if it is missing), trust auth, user postgres.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if [ "${1:-}" = "--help" ] || [ "${1:-}" = "-h" ]; then
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi

HOST="${PGHOST:-127.0.0.1}"
PORT="${PGPORT:-5432}"
PRIVATE_PORT=55432

answers() { pg_isready -q -h "$1" -p "$2" -t 3 >/dev/null 2>&1; }

emit() {
  cat <<ENV
export TEST_PG_HOST=$1 TEST_PG_PORT=$2 TEST_PG_USER=postgres
export MIGRATION__MIGRATION_DB__HOST=$1 MIGRATION__MIGRATION_DB__PORT=$2
export MIGRATION__SIRIUS_DB__HOST=$1 MIGRATION__SIRIUS_DB__PORT=$2
ENV
}

command -v pg_isready >/dev/null || apt_install postgresql-client || true
command -v pg_isready >/dev/null || die "pg_isready is missing and could not be installed (apt-get install postgresql-client)"

if answers "$HOST" "$PORT"; then emit "$HOST" "$PORT"; exit 0; fi

if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ] && [ -n "$(ls /etc/postgresql 2>/dev/null)" ]; then
  ver="$(ls /etc/postgresql | sort -V | tail -n1)"
  say "starting the system PostgreSQL $ver cluster"
  as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main start >&2 || true
  for _ in $(seq 1 20); do answers 127.0.0.1 5432 && { emit 127.0.0.1 5432; exit 0; }; sleep 0.5; done
fi

if answers 127.0.0.1 "$PRIVATE_PORT"; then emit 127.0.0.1 "$PRIVATE_PORT"; exit 0; fi

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
if [ -z "$bindir" ]; then
  apt_install postgresql || die "no PostgreSQL server found and it could not be installed"
  bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)"
fi
data="$LOCAL_DIR/pg/data"
mkdir -p "$LOCAL_DIR/pg"
run_pg() {
  # initdb and postgres refuse to run as root.
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown -R postgres "$LOCAL_DIR/pg"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
if [ ! -f "$data/PG_VERSION" ]; then
  say "creating a private PostgreSQL cluster in $data"
  run_pg "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 >/dev/null
fi
say "starting the private PostgreSQL on 127.0.0.1:$PRIVATE_PORT"
run_pg "$bindir/pg_ctl" -D "$data" -l "$LOCAL_DIR/pg/server.log" -w \
  -o "-p $PRIVATE_PORT -c listen_addresses=127.0.0.1 -k /tmp -c fsync=off" start >&2
answers 127.0.0.1 "$PRIVATE_PORT" || die "the private PostgreSQL did not start; see $LOCAL_DIR/pg/server.log"
emit 127.0.0.1 "$PRIVATE_PORT"
