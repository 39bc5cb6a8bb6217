#!/usr/bin/env bash
# Benchmarks the pipeline on generated CasRec data, step by step, with release binaries.
# Usage: scripts/bench.sh [--clients N ...] [--seed S] [--keep] [--until STEP] [--no-baselines]
#   --clients N     a scale to run (repeatable; default: 10000 and 100000)
#   --seed S        the generator's seed (default 1)
#   --keep          keep the generated data in .local/bench/data-<N> (removed by default)
#   --until STEP    stop after STEP (the later steps are reported as not run), to profile it
#   --no-baselines  skip the plain-PostgreSQL baselines
# Per scale: generate (timed), reset the local databases, run every built step with
# `migrate step <name>` under /usr/bin/time -v, then the baselines (psql \copy of the CSVs,
# INSERT … SELECT and a COPY round trip of the transform rows). Results are printed and
# written to bench/results/<timestamp>-<scales>.{json,md}. See bench/README.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SCALES=() SEED=1 KEEP=0 UNTIL="" BASELINES=1
while [ $# -gt 0 ]; do
  case "$1" in
    --clients)
      [ $# -ge 2 ] || die "--clients needs a number"
      case "$2" in ''|*[!0-9]*) die "--clients needs a positive number, not '$2'";; esac
      [ "$2" -gt 0 ] || die "--clients needs a positive number, not '$2'"
      SCALES+=("$2"); shift 2;;
    --seed)
      [ $# -ge 2 ] || die "--seed needs a number"
      SEED="$2"; shift 2;;
    --keep) KEEP=1; shift;;
    --until)
      [ $# -ge 2 ] || die "--until needs a step name"
      UNTIL="$2"; shift 2;;
    --no-baselines) BASELINES=0; shift;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0;;
    *) die "unknown option $1 (see --help)";;
  esac
done
[ ${#SCALES[@]} -gt 0 ] || SCALES=(10000 100000)
mapfile -t SCALES < <(printf '%s\n' "${SCALES[@]}" | sort -n -u)

cd "$ROOT"
need_rust
eval "$("$ROOT/scripts/ensure-postgres.sh")"
export MIGRATION_ENVIRONMENT=local
command -v psql >/dev/null || apt_install postgresql-client || die "psql is missing (apt-get install postgresql-client)"
[ -x /usr/bin/time ] || apt_install time || die "GNU time is missing (apt-get install time)"
command -v python3 >/dev/null || die "python3 is needed for the report"

# The bench has its own data, S3 folder and S3 port, so it never serves or uploads someone
# else's .local/data; the databases are the local environment's (casrecmigration, api).
BENCH_DIR="$LOCAL_DIR/bench"
S3_PORT="${BENCH_S3_PORT:-9190}"
export MIGRATION__S3__ENDPOINT="http://127.0.0.1:$S3_PORT"
export MIGRATION__S3__EMBEDDED_ROOT="$BENCH_DIR/s3"
export MIGRATION__LOGGING__FORMAT=json
PGH="$MIGRATION__MIGRATION_DB__HOST" PGP="$MIGRATION__MIGRATION_DB__PORT"
MIGDB=casrecmigration
SCRATCH_COPY=bench_scratch_copy SCRATCH_INSERT=bench_scratch_insert SCRATCH_ROUNDTRIP=bench_scratch_roundtrip

WORK="$(mktemp -d "${TMPDIR:-/tmp}/casrec-bench.XXXXXX")"
RECORDS="$WORK/records.tsv"
: >"$RECORDS"
CURRENT_DATA=""

psql_mig() { psql -h "$PGH" -p "$PGP" -U postgres -d "$MIGDB" -X -q -v ON_ERROR_STOP=1 "$@"; }
psql_admin() { psql -h "$PGH" -p "$PGP" -U postgres -d postgres -X -q -v ON_ERROR_STOP=1 "$@"; }

drop_scratch() {
  psql_mig -c "DROP SCHEMA IF EXISTS $SCRATCH_COPY CASCADE; DROP SCHEMA IF EXISTS $SCRATCH_INSERT CASCADE;
               DROP SCHEMA IF EXISTS $SCRATCH_ROUNDTRIP CASCADE;" >/dev/null 2>&1 || true
}

cleanup() {
  local rc=$?
  if [ "${REPORTED:-1}" = 0 ] && [ -s "$RECORDS" ]; then
    say "the run stopped early (exit $rc): writing the report of what it recorded"
    write_report "run stopped early (exit $rc): the steps after the last recorded one did not run" || true
  fi
  drop_scratch
  if [ "$KEEP" = 0 ] && [ -n "$CURRENT_DATA" ]; then rm -rf "$CURRENT_DATA"; fi
  rm -rf "$WORK" "$BENCH_DIR/s3"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
# One line of the records: scale, kind, name, status, rows_in, rows_out, rows_quarantined,
# wall_s, ledger_s, peak_rss_kb, user_s, sys_s, note (tabs and newlines flattened).
record() {
  local note="${13:-}"
  note="$(printf '%s' "$note" | tr '\t\n\r' '   ' | cut -c1-500)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7" "$8" "$9" \
    "${10}" "${11}" "${12}" "$note" >>"$RECORDS"
}
# The disk after a step: kind "disk", rows in = the Sirius database's bytes, rows out = the
# migration database's, rows quarantined = the bytes free on PostgreSQL's disk, note = the
# migration database's largest schemas. Validation ran out of disk at a million clients once.
PG_DATA_DIR=""
disk_record() {
  local scale="$1" step="$2" sirius mig free schemas
  [ -n "$PG_DATA_DIR" ] || PG_DATA_DIR="$(psql_admin -At -c 'SHOW data_directory' 2>/dev/null || true)"
  sirius="$(psql_admin -At -c "SELECT pg_database_size('api')" 2>/dev/null || true)"
  mig="$(psql_mig -At -c 'SELECT pg_database_size(current_database())' 2>/dev/null || true)"
  free=""
  if [ -n "$PG_DATA_DIR" ]; then free="$(df -B1 --output=avail "$PG_DATA_DIR" 2>/dev/null | tail -n1 | tr -d ' ' || true)"; fi
  schemas="$(psql_mig -At -c "
    SELECT string_agg(format('%s %s', nspname, pg_size_pretty(bytes)), ', ' ORDER BY bytes DESC)
      FROM (SELECT n.nspname, sum(pg_total_relation_size(c.oid)) AS bytes
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
             GROUP BY 1 ORDER BY 2 DESC LIMIT 6) t" 2>/dev/null || true)"
  record "$scale" disk "$step" succeeded "$sirius" "$mig" "$free" "" "" "" "" "" "$schemas"
}
# Whether a step succeeded at a scale.
succeeded() { awk -F'\t' -v s="$1" -v n="$2" '$1 == s && $2 == "step" && $3 == n && $4 == "succeeded" { f = 1 } END { exit !f }' "$RECORDS"; }
# A value from a GNU time -v report.
tv() { sed -n "s/^[[:space:]]*$2: //p" "$1" | head -n1; }

# Runs a command under /usr/bin/time -v; sets T_WALL, T_RSS (kB), T_USER, T_SYS, T_RC.
timed() {
  local label="$1"; shift
  local t0 t1
  t0="$(now)"
  set +e
  /usr/bin/time -v -o "$WORK/$label.time" "$@" >"$WORK/$label.out" 2>"$WORK/$label.err"
  T_RC=$?
  set -e
  t1="$(now)"
  T_WALL="$(elapsed "$t0" "$t1")"
  T_RSS="$(tv "$WORK/$label.time" 'Maximum resident set size (kbytes)')"
  T_USER="$(tv "$WORK/$label.time" 'User time (seconds)')"
  T_SYS="$(tv "$WORK/$label.time" 'System time (seconds)')"
}

# BENCH_BIN_DIR: use the binaries already built there (no cargo build), e.g. to try the script.
if [ -n "${BENCH_BIN_DIR:-}" ]; then
  BIN="$BENCH_BIN_DIR"
  say "using the binaries in $BIN (BENCH_BIN_DIR; no build)"
else
  say "building migrate and casrec-gen (release)"
  cargo build --release -p migrate -p casrec-gen --quiet
  BIN="$CARGO_TARGET_DIR/release"
fi
{ [ -x "$BIN/migrate" ] && [ -x "$BIN/casrec-gen" ]; } || die "no migrate and casrec-gen in $BIN"
MIGRATE="$BIN/migrate" GEN="$BIN/casrec-gen"
mapfile -t STEPS < <("$MIGRATE" steps | grep -v 'not in this environment' | awk '{print $2}')
[ ${#STEPS[@]} -gt 0 ] || die "migrate steps listed no steps"
say "steps: ${STEPS[*]}"
if [ -n "$UNTIL" ]; then
  printf '%s\n' "${STEPS[@]}" | grep -qx "$UNTIL" || die "--until $UNTIL: not one of the steps (${STEPS[*]})"
fi

# Baseline 1: psql \copy of the same CSV files into tables of the same shape (all text).
copy_baseline() {
  local scale="$1" data="$2" script="$WORK/copy-$1.sql" rows=0 t0 t1 manifest_rows
  drop_scratch
  psql_mig -c "CREATE SCHEMA $SCRATCH_COPY" >/dev/null
  # One CREATE TABLE per loaded table, with its columns as load-casrec made them (less casrec_row_id).
  psql_mig -At -c "
    SELECT format('CREATE TABLE %I.%I (%s);', '$SCRATCH_COPY', c.table_name,
                  string_agg(format('%I text', c.column_name), ', ' ORDER BY c.ordinal_position))
      FROM information_schema.columns c
     WHERE c.table_schema = 'casrec_csv' AND c.column_name <> 'casrec_row_id'
       AND c.table_name IN (SELECT table_name FROM casrec_csv.load_summary)
     GROUP BY c.table_name" | psql_mig >/dev/null
  : >"$script"
  while IFS=$'\t' read -r file table; do
    [ -f "$data/$file" ] || die "$data/$file is missing for the \\copy baseline"
    printf "\\\\copy %s.%s FROM '%s' WITH (FORMAT csv, HEADER true, ENCODING 'WIN1252')\n" \
      "$SCRATCH_COPY" "\"$table\"" "$data/$file" >>"$script"
  done < <(python3 -c 'import json,sys; [print(f["file"]+"\t"+f["table"]) for f in json.load(open(sys.argv[1]))["files"]]' \
             "$data/manifest.json")
  manifest_rows="$(python3 -c 'import json,sys; print(sum(f["rows"] for f in json.load(open(sys.argv[1]))["files"]))' \
                   "$data/manifest.json")"
  say "[$scale] baseline: psql \\copy of $(wc -l <"$script") files"
  t0="$(now)"
  if ! psql_mig -f "$script" >"$WORK/copy-$scale.out" 2>&1; then
    record "$scale" baseline copy failed "$manifest_rows" "" "" "$(elapsed "$t0" "$(now)")" "" "" "" "" \
      "$(tail -n3 "$WORK/copy-$scale.out")"
    drop_scratch
    return 0
  fi
  t1="$(now)"
  rows="$(psql_mig -At -c "
    SELECT string_agg(format('SELECT count(*) FROM %I.%I', schemaname, tablename), ' UNION ALL ')
      FROM pg_tables WHERE schemaname = '$SCRATCH_COPY'" | sed 's/^/SELECT sum(count) FROM (/; s/$/) t/' | psql_mig -At)"
  record "$scale" baseline copy succeeded "$manifest_rows" "$rows" "" "$(elapsed "$t0" "$t1")" "" "" "" "" \
    "psql \\copy of the CSVs, one session, files one after another"
  drop_scratch
}

# Baseline 2, for load-to-target volumes: the transform schema's rows into a scratch copy by
# INSERT … SELECT, then by a COPY round trip through psql (TO STDOUT | FROM STDIN, binary).
target_baselines() {
  local scale="$1" tables rows t0 t1 t
  mapfile -t tables < <(psql_mig -At -c "
    SELECT tablename FROM pg_tables WHERE schemaname = 'transform'
       AND tablename NOT IN ('exceptions', 'quarantine') ORDER BY tablename")
  if [ ${#tables[@]} -eq 0 ]; then
    record "$scale" baseline insert-select "not run" "" "" "" "" "" "" "" "" "no tables in the transform schema"
    record "$scale" baseline copy-roundtrip "not run" "" "" "" "" "" "" "" "" "no tables in the transform schema"
    return 0
  fi
  rows="$(for t in "${tables[@]}"; do printf 'SELECT count(*) FROM transform.%s\n' "\"$t\""; done |
          paste -sd'|' | sed 's/|/ UNION ALL /g; s/^/SELECT sum(count) FROM (/; s/$/) t/' | psql_mig -At)"
  drop_scratch
  for s in "$SCRATCH_INSERT" "$SCRATCH_ROUNDTRIP"; do
    { printf 'CREATE SCHEMA %s;\n' "$s"
      for t in "${tables[@]}"; do printf 'CREATE TABLE %s."%s" (LIKE transform."%s" INCLUDING DEFAULTS);\n' "$s" "$t" "$t"; done
    } | psql_mig >/dev/null
  done
  say "[$scale] baseline: INSERT … SELECT of $rows transform rows (${#tables[@]} tables)"
  t0="$(now)"
  for t in "${tables[@]}"; do printf 'INSERT INTO %s."%s" SELECT * FROM transform."%s";\n' "$SCRATCH_INSERT" "$t" "$t"; done |
    psql_mig >/dev/null
  t1="$(now)"
  record "$scale" baseline insert-select succeeded "$rows" "$rows" "" "$(elapsed "$t0" "$t1")" "" "" "" "" \
    "INSERT INTO scratch SELECT * FROM transform.<table>, one session"
  # Two copies of the transform's rows at once (9 GB each at a million clients) left 3 GB of disk.
  psql_mig -c "DROP SCHEMA $SCRATCH_INSERT CASCADE" >/dev/null
  say "[$scale] baseline: COPY round trip of the same rows"
  t0="$(now)"
  for t in "${tables[@]}"; do
    psql_mig -c "COPY transform.\"$t\" TO STDOUT (FORMAT binary)" |
      psql_mig -c "COPY $SCRATCH_ROUNDTRIP.\"$t\" FROM STDIN (FORMAT binary)" >/dev/null
  done
  t1="$(now)"
  record "$scale" baseline copy-roundtrip succeeded "$rows" "$rows" "" "$(elapsed "$t0" "$t1")" "" "" "" "" \
    "psql COPY TO STDOUT | psql COPY FROM STDIN (binary), per table"
  drop_scratch
}

run_scale() {
  local scale="$1" data="$BENCH_DIR/data-$1" step rin rout rq lsec err failed="" ledger
  mkdir -p "$BENCH_DIR"
  CURRENT_DATA="$data"
  rm -rf "$data"
  say "[$scale] generating $scale clients (seed $SEED) into $data"
  timed "gen-$scale" "$GEN" generate --clients "$scale" --seed "$SEED" --out "$data"
  if [ "$T_RC" != 0 ]; then cat "$WORK/gen-$scale.err" >&2; die "casrec-gen failed at $scale clients"; fi
  local csv_rows
  csv_rows="$(python3 -c 'import json,sys; print(sum(f["rows"] for f in json.load(open(sys.argv[1]))["files"]))' "$data/manifest.json")"
  cp "$data/manifest.json" "$WORK/manifest-$scale.json"
  record "$scale" generate casrec-gen succeeded "" "$csv_rows" "" "$T_WALL" "" "$T_RSS" "$T_USER" "$T_SYS" \
    "$(cat "$WORK/gen-$scale.out")"

  say "[$scale] resetting the local databases (api, $MIGDB)"
  "$MIGRATE" sirius init --reset >/dev/null
  psql_admin -c "DROP DATABASE IF EXISTS $MIGDB WITH (FORCE)" -c "CREATE DATABASE $MIGDB" >/dev/null
  # BENCH_EXPLAIN_MS=N: every statement of the steps slower than N ms goes to PostgreSQL's log
  # with its plan, as run (auto_explain, EXPLAIN (ANALYZE, BUFFERS)); see bench/README.md.
  # BENCH_EXPLAIN_TIMING=off leaves out the per-node clock readings (rows and buffers are still
  # counted), so a run that is also measured is hardly slowed.
  if [ -n "${BENCH_EXPLAIN_MS:-}" ]; then
    psql_admin -c "ALTER DATABASE $MIGDB SET session_preload_libraries = 'auto_explain'" \
      -c "ALTER DATABASE $MIGDB SET auto_explain.log_min_duration = '${BENCH_EXPLAIN_MS}ms'" \
      -c "ALTER DATABASE $MIGDB SET auto_explain.log_analyze = on" \
      -c "ALTER DATABASE $MIGDB SET auto_explain.log_timing = ${BENCH_EXPLAIN_TIMING:-on}" \
      -c "ALTER DATABASE $MIGDB SET auto_explain.log_buffers = on" >/dev/null
  fi
  rm -rf "$BENCH_DIR/s3"
  mkdir -p "$BENCH_DIR/s3"
  export MIGRATION__LOAD_S3__SOURCE_DIR="$data"

  local stopped=""
  for step in "${STEPS[@]}"; do
    if [ -n "$failed" ]; then
      record "$scale" step "$step" skipped "" "" "" "" "" "" "" "" "$failed failed"
      continue
    fi
    if [ -n "$stopped" ]; then
      record "$scale" step "$step" "not run" "" "" "" "" "" "" "" "" "--until $UNTIL"
      continue
    fi
    say "[$scale] step $step"
    timed "$step-$scale" "$MIGRATE" step "$step"
    ledger="$(psql_mig -At -F $'\t' -c "
      SELECT status, coalesce(rows_in::text, ''), coalesce(rows_out::text, ''), coalesce(rows_quarantined::text, ''),
             coalesce(round(seconds::numeric, 3)::text, ''), coalesce(replace(replace(error, E'\t', ' '), E'\n', ' '), '')
        FROM migration.step_runs WHERE step = '$step' ORDER BY step_run_id DESC LIMIT 1" 2>/dev/null || true)"
    IFS=$'\t' read -r _ rin rout rq lsec err <<<"$ledger" || true
    if [ "$T_RC" = 0 ]; then
      record "$scale" step "$step" succeeded "$rin" "$rout" "$rq" "$T_WALL" "$lsec" "$T_RSS" "$T_USER" "$T_SYS" ""
    elif grep -q "is not built yet" "$WORK/$step-$scale.err" || [[ "${err:-}" == *"is not built yet"* ]]; then
      say "[$scale] $step is not built yet"
      record "$scale" step "$step" "not built" "" "" "" "$T_WALL" "$lsec" "$T_RSS" "$T_USER" "$T_SYS" \
        "$(grep -m1 -o "$step is not built yet[^\"]*" "$WORK/$step-$scale.err" || echo "$err")"
    else
      printf '%s\n' "--- $step failed (exit $T_RC); last lines of its output:" >&2
      tail -n 15 "$WORK/$step-$scale.err" >&2
      record "$scale" step "$step" failed "$rin" "$rout" "$rq" "$T_WALL" "$lsec" "$T_RSS" "$T_USER" "$T_SYS" \
        "${err:-$(tail -n1 "$WORK/$step-$scale.err")}"
      failed="$step"
    fi
    # The embedded S3's copy of the CSVs is read by load-casrec alone: emptied after it, it is
    # disk the later steps can use (4.2 GB at a million clients). The \copy baseline reads the
    # generated files, which stay.
    if [ "$step" = load-casrec ]; then find "$BENCH_DIR/s3" -type f -name '*.csv' -exec truncate -s 0 {} +; fi
    disk_record "$scale" "$step"
    if [ "$step" = "$UNTIL" ]; then stopped="$step"; fi
  done

  # The rows of every target, as the transform counted them and as loaded into Sirius: kind
  # "target", name "<target> → <table>", rows in = the source rows it answers for, rows out = the
  # rows it made, rows quarantined = the rows it left out (excluded counts the quarantined among them).
  if succeeded "$scale" transform-casrec; then
    while IFS=$'\t' read -r target dest src out excl; do
      [ -n "$target" ] || continue
      record "$scale" target "$target → $dest" succeeded "$src" "$out" "$excl" "" "" "" "" "" ""
    done < <(psql_mig -At -F $'\t' -c "
      SELECT target, destination, source_rows, rows_out, excluded
        FROM transform.built_targets ORDER BY destination, target" 2>/dev/null || true)
  fi
  if succeeded "$scale" load-to-target; then
    while IFS=$'\t' read -r table loaded; do
      [ -n "$table" ] || continue
      record "$scale" loaded "$table" succeeded "" "$loaded" "" "" "" "" "" "" ""
    done < <(psql_mig -At -F $'\t' -c "
      SELECT table_name, count(*) FROM migration.loaded_rows WHERE NOT rolled_back GROUP BY 1 ORDER BY 1" 2>/dev/null || true)
  fi

  if [ "$BASELINES" = 0 ]; then
    for b in copy insert-select copy-roundtrip; do
      record "$scale" baseline "$b" "not run" "" "" "" "" "" "" "" "" "--no-baselines"
    done
  else
    if succeeded "$scale" load-casrec; then
      copy_baseline "$scale" "$data"
    else
      record "$scale" baseline copy "not run" "" "" "" "" "" "" "" "" "load-casrec did not succeed"
    fi
    if succeeded "$scale" transform-casrec; then
      target_baselines "$scale"
    else
      record "$scale" baseline insert-select "not run" "" "" "" "" "" "" "" "" "transform-casrec did not succeed"
      record "$scale" baseline copy-roundtrip "not run" "" "" "" "" "" "" "" "" "transform-casrec did not succeed"
    fi
  fi
  if [ "$KEEP" = 0 ]; then rm -rf "$data"; fi
  CURRENT_DATA=""
}

# Machine and source, for the report. It is also written, with what was recorded and marked as
# such, when the run stops early (a step's database out of disk, an interrupt), so a long run's
# figures outlive its work folder. $1: why the run is incomplete, if it is.
REPORTED=0
write_report() {
  REPORTED=1
  local commit cpu mem_kb pgver stamp base
  commit="$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)"
  if [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ]; then commit="$commit (with uncommitted changes)"; fi
  if [ -n "${1:-}" ]; then commit="$commit ($1)"; fi
  cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)"
  mem_kb="$(sed -n 's/^MemTotal:[[:space:]]*\([0-9]*\) kB/\1/p' /proc/meminfo)"
  pgver="$(psql_admin -At -c 'SHOW server_version' 2>/dev/null || echo unknown)"
  stamp="$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$ROOT/bench/results"
  base="$ROOT/bench/results/$stamp-$(IFS=-; echo "${SCALES[*]}")"
  python3 "$ROOT/scripts/bench_report.py" \
    --records "$RECORDS" --manifests "$WORK" --out "$base" --date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    --commit "$commit" --cores "$(nproc)" --mem-kb "$mem_kb" --cpu "$cpu" --postgres "$pgver" --seed "$SEED"
  say "results: ${base#"$ROOT"/}.json and ${base#"$ROOT"/}.md"
}

for scale in "${SCALES[@]}"; do run_scale "$scale"; done

write_report
if awk -F'\t' '$4 == "failed" { f = 1 } END { exit !f }' "$RECORDS"; then die "a step or a baseline failed (see the table)"; fi
