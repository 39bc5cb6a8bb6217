-- The schemas the migration database holds, one per stage of the data's journey.
CREATE SCHEMA IF NOT EXISTS "casrec_csv";
CREATE SCHEMA IF NOT EXISTS "transform";
CREATE SCHEMA IF NOT EXISTS "integration";
CREATE SCHEMA IF NOT EXISTS "validation";
-- Copies of what the migration reads from Sirius (registry::REFERENCE_COLUMNS), taken by prepare.
CREATE SCHEMA IF NOT EXISTS "sirius_ref";

-- Where Sirius stood when a run began: the ids and uids the migration must allocate above.
CREATE TABLE IF NOT EXISTS "migration"."sirius_snapshots" (
    "run_id"     bigint NOT NULL REFERENCES "migration"."runs" ("run_id"),
    "table_name" text   NOT NULL,
    "max_id"     bigint,
    "row_count"  bigint NOT NULL,
    "taken_at"   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY ("run_id", "table_name")
);
