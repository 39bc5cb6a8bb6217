INSERT INTO "casrec_csv"."load_summary"
    ("file", "table_name", "rows_read", "rows_loaded", "rows_rejected", "rows_windows_1252", "blank_lines",
     "sha256", "etag", "size_bytes", "run_id", "loaded_at", "lines_read", "lines_loaded", "lines_rejected", "missing")
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now(), $12, $13, $14, $15)
ON CONFLICT ("file") DO UPDATE SET
    "table_name" = EXCLUDED."table_name", "rows_read" = EXCLUDED."rows_read",
    "rows_loaded" = EXCLUDED."rows_loaded", "rows_rejected" = EXCLUDED."rows_rejected",
    "rows_windows_1252" = EXCLUDED."rows_windows_1252", "blank_lines" = EXCLUDED."blank_lines",
    "sha256" = EXCLUDED."sha256", "etag" = EXCLUDED."etag", "size_bytes" = EXCLUDED."size_bytes",
    "run_id" = EXCLUDED."run_id", "loaded_at" = now(), "lines_read" = EXCLUDED."lines_read",
    "lines_loaded" = EXCLUDED."lines_loaded", "lines_rejected" = EXCLUDED."lines_rejected",
    "missing" = EXCLUDED."missing"
