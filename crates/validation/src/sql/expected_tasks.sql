-- Tasks expected in Sirius, counted from the raw export: the first row of each SupID that is an
-- active activity of an in-scope case (each has a migrated client) with a migrated (not Open)
-- order, whose assignee (Term By by the assignee lookup, blank or unknown 2657) is one Sirius
-- holds (prepare's copy, sirius_ref). Every such task has its client link (person_task). The
-- assignee lookup is validation's own (sql/casrec_functions.sql).
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
SELECT count(*) FROM "tasks"
