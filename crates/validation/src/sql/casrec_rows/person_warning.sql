-- Person ↔ warning links as CasRec says they are: each warning recomputed in warnings.sql belongs
-- to the client of its case or the deputy of its Deputy No (the key says which). person_id and
-- warning_id are the ids integration gave the person and the warning of the same CasRec keys.
WITH "w" AS (SELECT "migration_key" FROM "validation"."casrec_warnings"),
"owner" AS (
    SELECT w."migration_key",
           CASE WHEN w."migration_key" LIKE 'deputy\_%' THEN 'deputy:' || split_part(w."migration_key", ':', 2)
                ELSE 'client:' || split_part(w."migration_key", ':', 2) END AS "person_key"
      FROM "w" w
)
SELECT 'person_warning:' || o."migration_key" AS "migration_key",
       (SELECT i."id" FROM "integration"."persons" i WHERE i."migration_key" = o."person_key") AS "person_id",
       (SELECT i."id" FROM "integration"."warnings" i WHERE i."migration_key" = o."migration_key") AS "warning_id"
  FROM "owner" o
