-- The transform schema is rebuilt by every transform run: its tables hold this run's output.
CREATE SCHEMA IF NOT EXISTS "transform";
DROP TABLE IF EXISTS "transform"."exceptions";
DROP TABLE IF EXISTS "transform"."quarantine";
-- Values a transformation could not handle: the row went on with the documented fallback.
CREATE TABLE "transform"."exceptions" (
    "target"        text   NOT NULL,
    "source_table"  text   NOT NULL,
    "casrec_row_id" bigint NOT NULL,
    "column"        text   NOT NULL,
    "value"         text,
    "reason"        text   NOT NULL
);
-- Source rows a target did not migrate, with the reason (out of scope is in scope.cases).
CREATE TABLE "transform"."quarantine" (
    "target"        text   NOT NULL,
    "source_table"  text   NOT NULL,
    "casrec_row_id" bigint NOT NULL,
    "reason"        text   NOT NULL
);
-- The run this schema's contents belong to: parts of another run, or with another as-of date,
-- refuse to add to it. numbered is set once part finish has numbered ids across targets.
CREATE TABLE "transform"."run" (
    "run_id"     bigint  NOT NULL,
    "as_of_date" date    NOT NULL,
    "numbered"   boolean NOT NULL DEFAULT false
);
-- Each target built so far, by which part, with the columns it wrote (later parts read it back),
-- the CasRec table its rows come from and the transform table holding them (with casrec_row_id
-- and casrec_target), so validation can account for every CasRec row without the transform's code.
CREATE TABLE "transform"."built_targets" (
    "target"       text     PRIMARY KEY,
    "part"         text     NOT NULL,
    "destination"  text     NOT NULL,
    "source_table" text     NOT NULL,
    "rows_table"   text     NOT NULL,
    "source_rows" bigint   NOT NULL,
    "rows_out"    bigint   NOT NULL,
    "excluded"    bigint   NOT NULL,
    -- Of the excluded, rows the target also recorded an exception for (quarantined, not a rule).
    "quarantined" bigint   NOT NULL,
    "exceptions"  bigint   NOT NULL,
    "columns"     text[]   NOT NULL
);
