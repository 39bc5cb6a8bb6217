-- The run's case scope, replaced whole each time it is computed.
CREATE SCHEMA IF NOT EXISTS "scope";
DROP TABLE IF EXISTS "scope"."cases";
DROP TABLE IF EXISTS "scope"."orphans";
DROP TABLE IF EXISTS "scope"."exceptions";
CREATE TABLE "scope"."cases" (
    "case_no"       text PRIMARY KEY,
    "in_scope"      boolean NOT NULL,
    "reason"        text    NOT NULL,
    "lay_team"      text    NOT NULL,
    "corref"        text    NOT NULL,
    "casrec_row_id" bigint  NOT NULL
);
CREATE TABLE "scope"."orphans" (
    "file"    text   NOT NULL,
    "line"    bigint NOT NULL,
    "case_no" text
);
-- Values the scope rules could not read (an Away Date that is not a date).
CREATE TABLE "scope"."exceptions" (
    "case_no"       text   NOT NULL,
    "casrec_row_id" bigint NOT NULL,
    "column"        text   NOT NULL,
    "value"         text,
    "reason"        text   NOT NULL
);
