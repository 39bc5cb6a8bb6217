-- Order ↔ task links as CasRec says they are: each task recomputed in tasks.sql whose Order No is
-- a migrated order (its first row in scope, not Open) of the task's own case. caseitem_id and
-- task_id are the ids integration gave the order and the task of the same CasRec keys.
WITH "a" AS (
    SELECT DISTINCT ON (a."SupID") a."SupID", a."Case", a."Order No" FROM "casrec_csv"."sup_activity" a
     WHERE a."SupID" <> '' ORDER BY a."SupID", a."casrec_row_id"
),
"orders" AS (
    SELECT DISTINCT ON (o."Order No") o."Order No", o."Case", o."Ord Stat" FROM "casrec_csv"."order" o
      JOIN "scope"."cases" s ON s."case_no" = o."Case" AND s."in_scope"
     ORDER BY o."Order No", o."casrec_row_id"
)
SELECT 'caseitem_task:' || t."migration_key" AS "migration_key",
       c."id" AS "caseitem_id",
       i."id" AS "task_id"
  FROM "validation"."casrec_tasks" t
  JOIN "a" a ON 'task:' || a."SupID" = t."migration_key"
  JOIN "orders" o ON o."Order No" = a."Order No" AND o."Case" = a."Case" AND o."Ord Stat" <> 'Open'
  LEFT JOIN "integration"."cases" c ON c."migration_key" = 'order:' || o."Order No"
  LEFT JOIN "integration"."tasks" i ON i."migration_key" = t."migration_key"
