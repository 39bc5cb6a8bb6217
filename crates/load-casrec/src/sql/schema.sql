-- What load-casrec owns besides the one table per CasRec file.
CREATE SCHEMA IF NOT EXISTS "casrec_csv";

-- Rows that could not be loaded, with the reason and the bytes exactly as they were in the file.
CREATE TABLE IF NOT EXISTS "casrec_csv"."rejects" (
    "file"        text        NOT NULL,
    "line"        bigint      NOT NULL,
    "reason"      text        NOT NULL,
    "raw_bytes"   bytea       NOT NULL,
    "run_id"      bigint,
    "rejected_at" timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS "rejects_file_line_idx" ON "casrec_csv"."rejects" ("file", "line");

-- One row per file as last loaded: rows_read = rows_loaded + rows_rejected, always.
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
    CONSTRAINT "load_summary_adds_up" CHECK ("rows_read" = "rows_loaded" + "rows_rejected")
);
