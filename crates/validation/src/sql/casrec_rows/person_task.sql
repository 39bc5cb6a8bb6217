-- Client ↔ task links as CasRec says they are: each task recomputed in tasks.sql belongs to the
-- client of its case. person_id and task_id are the ids integration gave the client and the
-- task of the same CasRec keys.
WITH "a" AS (
    SELECT DISTINCT ON (a."SupID") a."SupID", a."Case" FROM "casrec_csv"."sup_activity" a
     WHERE a."SupID" <> '' ORDER BY a."SupID", a."casrec_row_id"
)
SELECT 'person_task:' || t."migration_key" AS "migration_key",
       p."id" AS "person_id",
       i."id" AS "task_id"
  FROM "validation"."casrec_tasks" t
  JOIN "a" a ON 'task:' || a."SupID" = t."migration_key"
  LEFT JOIN "integration"."persons" p ON p."migration_key" = 'client:' || a."Case"
  LEFT JOIN "integration"."tasks" i ON i."migration_key" = t."migration_key"
