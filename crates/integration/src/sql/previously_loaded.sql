-- Rows earlier runs loaded and did not roll back: the latest run's id for each CasRec key.
INSERT INTO "integration"."previously_loaded" ("table_name", "migration_key", "id")
SELECT DISTINCT ON ("table_name", "migration_key") "table_name", "migration_key", "id"
  FROM "migration"."loaded_rows" WHERE NOT "rolled_back" AND "id" IS NOT NULL
 ORDER BY "table_name", "migration_key", "run_id" DESC;
CREATE INDEX ON "integration"."previously_loaded" ("table_name", "migration_key");
ANALYZE "integration"."previously_loaded";
