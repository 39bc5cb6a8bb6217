-- The run ledger: every run and every step of it, written by the steps themselves so that the
-- CLI, resume and the reports read one truth whichever process ran the step.
CREATE SCHEMA IF NOT EXISTS "migration";

CREATE TABLE IF NOT EXISTS "migration"."runs" (
    "run_id"       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "environment"  text        NOT NULL,
    "as_of_date"   date,
    "settings"     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    "from_step"    text,
    "to_step"      text,
    "started_at"   timestamptz NOT NULL DEFAULT now(),
    "finished_at"  timestamptz,
    "status"       text        NOT NULL DEFAULT 'running'
        CHECK ("status" IN ('running', 'succeeded', 'failed'))
);

CREATE TABLE IF NOT EXISTS "migration"."step_runs" (
    "step_run_id"      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "run_id"           bigint      NOT NULL REFERENCES "migration"."runs" ("run_id"),
    "step"             text        NOT NULL,
    "started_at"       timestamptz NOT NULL DEFAULT now(),
    "finished_at"      timestamptz,
    "status"           text        NOT NULL DEFAULT 'running'
        CHECK ("status" IN ('running', 'succeeded', 'failed')),
    "rows_in"          bigint,
    "rows_out"         bigint,
    "rows_quarantined" bigint,
    "seconds"          double precision,
    "details"          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    "error"            text
);

-- A step that fans out (transform-casrec on Step Functions) records each part it ran; the part
-- that completes it is pipeline::COMPLETING_PART. A whole step has no part.
ALTER TABLE "migration"."step_runs" ADD COLUMN IF NOT EXISTS "part" text;

-- Rows a step did not carry through, told apart: excluded by a rule (the rules in
-- details.excluded_by_rule), quarantined (a bad value or broken reference: a person must look)
-- and rejected at load. Runs recorded before these columns counted exclusions as quarantined.
ALTER TABLE "migration"."step_runs" ADD COLUMN IF NOT EXISTS "rows_excluded" bigint;
ALTER TABLE "migration"."step_runs" ADD COLUMN IF NOT EXISTS "rows_rejected" bigint;

CREATE INDEX IF NOT EXISTS "step_runs_step_idx" ON "migration"."step_runs" ("step", "step_run_id");

-- Every Sirius row a run wrote: what load-to-target did to it and, for updates, the row as it
-- was, so `migrate rollback` can undo the run exactly. migration_key names the CasRec source of
-- the row, so a later run updates the row it made instead of adding another.
CREATE TABLE IF NOT EXISTS "migration"."loaded_rows" (
    "run_id"        bigint  NOT NULL REFERENCES "migration"."runs" ("run_id"),
    "table_name"    text    NOT NULL,
    "id"            bigint,
    "migration_key" text    NOT NULL,
    "action"        text    NOT NULL CHECK ("action" IN ('INSERT', 'UPDATE')),
    "before_image"  jsonb,
    "rolled_back"   boolean NOT NULL DEFAULT false
);
-- What the load wrote into the row (an md5 of the columns it writes, as Sirius holds them), so a
-- later run can tell a row someone changed in Sirius since from one it may update. NULL for link
-- rows and for rows loaded before it was kept.
ALTER TABLE "migration"."loaded_rows" ADD COLUMN IF NOT EXISTS "after_hash" text;
-- No index on ("table_name", "migration_key"): nothing looks rows up by key (integration reads
-- every row's latest load in one sorted pass), and keeping one cost half of load-to-target's
-- ledger writes, more with every run, its entries landing all over an index that outgrew memory
-- (3.1M rows: 22.7 s with it, 11.5 s without, over a 12.5M-row ledger).
DROP INDEX IF EXISTS "migration"."loaded_rows_key_idx";
CREATE INDEX IF NOT EXISTS "loaded_rows_id_idx" ON "migration"."loaded_rows" ("table_name", "id");

-- Rows an earlier run loaded that were changed in Sirius before this run's load: kept as Sirius
-- has them unless the operator said --overwrite-sirius-edits. `columns` are those where Sirius
-- differs from what this run would write (exactly the edits when `input_unchanged`: this run
-- would write what the earlier run wrote); `edited_at` is the row's updateddate where Sirius
-- keeps one.
CREATE TABLE IF NOT EXISTS "migration"."sirius_edits" (
    "run_id"          bigint  NOT NULL REFERENCES "migration"."runs" ("run_id"),
    "table_name"      text    NOT NULL,
    "id"              bigint  NOT NULL,
    "migration_key"   text    NOT NULL,
    "loaded_by_run"   bigint  NOT NULL,
    "columns"         text[]  NOT NULL,
    "input_unchanged" boolean NOT NULL,
    "edited_at"       timestamp,
    "overwritten"     boolean NOT NULL
);
CREATE INDEX IF NOT EXISTS "sirius_edits_run_idx" ON "migration"."sirius_edits" ("run_id");

-- Batch numbers a run took from Sirius's finance_counter (business rules §4.3): the counter as
-- it was and as the load left it, so `migrate rollback` can give the numbers back while nobody
-- has taken one since.
CREATE TABLE IF NOT EXISTS "migration"."counter_changes" (
    "run_id"      bigint  NOT NULL REFERENCES "migration"."runs" ("run_id"),
    "counter_key" text    NOT NULL,
    "before"      integer NOT NULL,
    "after"       integer NOT NULL,
    "tables"      text[]  NOT NULL,
    "rolled_back" boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS "loaded_rows_run_idx" ON "migration"."loaded_rows" ("run_id");

-- Who holds an environment's lock (migration-core's lock.rs): the lock itself is a session-level
-- advisory lock, so a row whose backend no longer holds it is stale and is never believed.
CREATE TABLE IF NOT EXISTS "migration"."locks" (
    "lock_key"     integer     NOT NULL,
    "backend_pid"  integer     NOT NULL,
    "run_id"       bigint,
    "step"         text        NOT NULL,
    "host"         text        NOT NULL,
    "pid"          integer     NOT NULL,
    "started_at"   timestamptz NOT NULL DEFAULT now(),
    "environment"  text        NOT NULL,
    PRIMARY KEY ("lock_key", "backend_pid")
);
