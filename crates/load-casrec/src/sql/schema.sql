-- What load-casrec owns besides the one table per CasRec file.
CREATE SCHEMA IF NOT EXISTS "casrec_csv";

-- Rows that could not be loaded, with the reason and the bytes exactly as they were in the file.
-- "line" is the first physical line the reject covers, "last_line" its last.
CREATE TABLE IF NOT EXISTS "casrec_csv"."rejects" (
    "file"        text        NOT NULL,
    "line"        bigint      NOT NULL,
    "last_line"   bigint,
    "reason"      text        NOT NULL,
    "raw_bytes"   bytea       NOT NULL,
    "run_id"      bigint,
    "rejected_at" timestamptz NOT NULL DEFAULT now()
);
-- A database loaded before rejects had a line range gets the column; its old rows have none
-- until their file is loaded again.
ALTER TABLE "casrec_csv"."rejects" ADD COLUMN IF NOT EXISTS "last_line" bigint;
CREATE INDEX IF NOT EXISTS "rejects_file_line_idx" ON "casrec_csv"."rejects" ("file", "line");

-- One row per file as last loaded: rows_read = rows_loaded + rows_rejected, and every physical
-- line after the header is a loaded record's, a reject's or blank, always.
CREATE TABLE IF NOT EXISTS "casrec_csv"."load_summary" (
    "file"              text PRIMARY KEY,
    "table_name"        text        NOT NULL,
    "rows_read"         bigint      NOT NULL,
    "rows_loaded"       bigint      NOT NULL,
    "rows_rejected"     bigint      NOT NULL,
    "rows_windows_1252" bigint      NOT NULL,
    "blank_lines"       bigint      NOT NULL,
    "sha256"            text        NOT NULL,
    "etag"              text,
    "size_bytes"        bigint      NOT NULL,
    "run_id"            bigint,
    "loaded_at"         timestamptz NOT NULL DEFAULT now(),
    "lines_read"        bigint,
    "lines_loaded"      bigint,
    "lines_rejected"    bigint,
    CONSTRAINT "load_summary_adds_up" CHECK ("rows_read" = "rows_loaded" + "rows_rejected")
);
ALTER TABLE "casrec_csv"."load_summary" ADD COLUMN IF NOT EXISTS "lines_read" bigint;
ALTER TABLE "casrec_csv"."load_summary" ADD COLUMN IF NOT EXISTS "lines_loaded" bigint;
ALTER TABLE "casrec_csv"."load_summary" ADD COLUMN IF NOT EXISTS "lines_rejected" bigint;
-- Rows from before lines were counted hold NULLs, which the check lets through.
ALTER TABLE "casrec_csv"."load_summary" DROP CONSTRAINT IF EXISTS "load_summary_lines_add_up";
ALTER TABLE "casrec_csv"."load_summary" ADD CONSTRAINT "load_summary_lines_add_up"
    CHECK ("lines_read" = "lines_loaded" + "lines_rejected" + "blank_lines");
-- An optional extract the export did not have is recorded as missing, with an empty table.
ALTER TABLE "casrec_csv"."load_summary" ADD COLUMN IF NOT EXISTS "missing" boolean NOT NULL DEFAULT false;
