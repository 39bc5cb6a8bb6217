-- Task ↔ order links expected in Sirius: each expected task (as expected_tasks.sql counts them)
-- whose Order No is a migrated order of its own case.
-- The migrated orders are validation.casrec_orders (sql/rules/migrated_orders.sql, analysed).
WITH "migrated_orders" AS (SELECT "order_no" AS "Order No", "case_no" AS "Case" FROM "validation"."casrec_orders"),
"tasks" AS (
    SELECT a.* FROM (SELECT DISTINCT ON (a."SupID") a.* FROM "casrec_csv"."sup_activity" a
                      WHERE a."SupID" <> '' ORDER BY a."SupID", a."casrec_row_id") a
      JOIN "scope"."cases" s ON s."case_no" = a."Case" AND s."in_scope"
     WHERE a."Status" = 'ACTIVE'
       AND a."Case" IN (SELECT "Case" FROM "migrated_orders")
       AND "validation"."casrec_assignee"(a."Term By")
           IN (SELECT r."id" FROM "sirius_ref"."assignees" r)
)
SELECT count(*) FROM "tasks" t
 WHERE EXISTS (SELECT 1 FROM "migrated_orders" o WHERE o."Order No" = t."Order No" AND o."Case" = t."Case")
