-- Swaps a freshly loaded table in for the old one, with its rejects and summary, atomically.
-- {table}, {loading} and {rejects} are quoted identifiers substituted by the loader;
-- $1 = file, and the summary values follow.
DROP TABLE IF EXISTS "casrec_csv".{table};
ALTER TABLE "casrec_csv".{loading} RENAME TO {table};
ALTER TABLE "casrec_csv".{table} RENAME CONSTRAINT {loading_pkey} TO {pkey};
DELETE FROM "casrec_csv"."rejects" WHERE "file" = {file};
INSERT INTO "casrec_csv"."rejects" ("file", "line", "last_line", "reason", "raw_bytes", "run_id")
    SELECT "file", "line", "last_line", "reason", "raw_bytes", "run_id" FROM "casrec_csv".{rejects} ORDER BY "line";
DROP TABLE "casrec_csv".{rejects};
