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

CREATE INDEX IF NOT EXISTS "step_runs_step_idx" ON "migration"."step_runs" ("step", "step_run_id");
