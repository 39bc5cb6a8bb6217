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
