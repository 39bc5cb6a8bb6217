-- Tasks as CasRec says they are, recomputed from casrec_csv and the scope with the mapping's
-- rules written again here: the first row of each SupID that is an active activity of an
-- in-scope case with a migrated (not Open) order, whose assignee Sirius holds (prepare's copy).
-- The type by description (blank or unknown CWGN), the assignee by Term By (blank or unknown
-- 2657), the due date the Target or, when it is blank, the Start Date, the created time the
-- Date Create or, when it is not a date, the run's as-of date.
WITH "as_of" AS (SELECT CAST("as_of_date" AS timestamp) AS "d" FROM "transform"."run"),
"orders" AS (
    SELECT DISTINCT ON (o."Order No") o."Order No", o."Case", o."Ord Stat" FROM "casrec_csv"."order" o
      JOIN "scope"."cases" s ON s."case_no" = o."Case" AND s."in_scope"
     ORDER BY o."Order No", o."casrec_row_id"
),
"tasks" AS (
    SELECT a.*, "validation"."casrec_assignee"(a."Term By") AS "assignee"
      FROM (SELECT DISTINCT ON (a."SupID") a.* FROM "casrec_csv"."sup_activity" a
             WHERE a."SupID" <> '' ORDER BY a."SupID", a."casrec_row_id") a
      JOIN "scope"."cases" s ON s."case_no" = a."Case" AND s."in_scope"
     WHERE a."Status" = 'ACTIVE'
       AND a."Case" IN (SELECT o."Case" FROM "orders" o WHERE o."Ord Stat" <> 'Open')
)
SELECT 'task:' || t."SupID" AS "migration_key",
       t."assignee" AS "assignee_id",
       "validation"."casrec_task_type"(t."Sup Desc") AS "type",
       'Not started' AS "status",
       CASE WHEN btrim(t."Target") <> '' THEN "validation"."casrec_timestamp"(t."Target")
            ELSE "validation"."casrec_timestamp"(t."Start Date") END AS "duedate",
       nullif(t."Comment", '') AS "description",
       coalesce("validation"."casrec_timestamp"(t."Date Create"), a."d") AS "createdtime"
  FROM "tasks" t CROSS JOIN "as_of" a
 WHERE t."assignee" IN (SELECT r."id" FROM "sirius_ref"."assignees" r)
