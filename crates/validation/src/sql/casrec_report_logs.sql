-- The annual report logs CasRec says Sirius should hold, recomputed from casrec_csv, the scope and
-- validation.casrec_orders with the reporting rules written again here (never the transform's
-- code); every reporting comparison (logs, lodging details, type assignments, scheduled events)
-- and the expected counts read this one table. One row per log, with what the comparisons need
-- beyond the Sirius columns: its kind (account or pending), case, source line and report order.
--
-- - account: one per account row of an in-scope case whose End Date is a date, keyed
--   report:<case>:<end>:<n> (n numbering the rows of one case and end date by line).
-- - pending: one per in-scope case whose deciding pat row has a Report Due that is a date, unless
--   an account row of the case ends that day (that period is already an account log), keyed
--   report_pending:<case>.
--
-- The report order of a case is its migrated ACTIVE order with the latest Made Date (no date
-- last), ties to the later line. The due date is validation.report_due_date, by whether the case
-- has an active PA or professional deputy. Statuses of account logs by the decision table, the
-- last matching rule winning, against the run's as-of date; "fifteen" and "seventy_one" are the
-- as-of date (moved forward to a working day) less 15 and 71 working days.
CREATE TABLE "validation"."casrec_report_logs" AS
WITH "as_of" AS MATERIALIZED (
    SELECT CAST("as_of_date" AS date) AS "now",
           "validation"."add_working_days"("validation"."working_day_on_or_after"(CAST("as_of_date" AS date)), -15) AS "fifteen",
           "validation"."add_working_days"("validation"."working_day_on_or_after"(CAST("as_of_date" AS date)), -71) AS "seventy_one"
      FROM "transform"."run"
),
"report_orders" AS (
    SELECT DISTINCT ON (o."case_no") o."case_no", o."order_no", o."risk"
      FROM "validation"."casrec_orders" o
     WHERE o."status" = 'ACTIVE'
     ORDER BY o."case_no", o."made" DESC NULLS LAST, o."casrec_row_id" DESC
),
"pa_or_pro" AS (
    SELECT DISTINCT ds."Case" AS "case_no"
      FROM "casrec_csv"."deputyship" ds
      JOIN "casrec_csv"."deputy" d ON d."Deputy No" = ds."Deputy No"
     WHERE d."Dep Type" IN ('20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '60', '73', '90') AND d."Stat" = '1'
),
"accounts" AS (
    SELECT a.*, "validation"."casrec_date"(a."End Date") AS "end",
           "validation"."casrec_date"(a."Lodge Date") IS NOT NULL AS "l",
           "validation"."casrec_date"(a."Review Date") IS NOT NULL AS "v",
           coalesce("validation"."casrec_date"(a."Rcvd Date"), "validation"."casrec_date"(a."Rcvd Date1"),
                    "validation"."casrec_date"(a."Rcvd Date2"), "validation"."casrec_date"(a."Rcvd Date3"),
                    "validation"."casrec_date"(a."Rcvd Date4"), "validation"."casrec_date"(a."Rcvd Date5"),
                    "validation"."casrec_date"(a."Rcvd Date6"), "validation"."casrec_date"(a."Lodge Date")) IS NOT NULL AS "r"
      FROM "casrec_csv"."account" a
      JOIN "scope"."cases" s ON s."case_no" = a."Case" AND s."in_scope"
),
"account_logs" AS (
    SELECT a.*, row_number() OVER (PARTITION BY a."Case", a."end" ORDER BY a."casrec_row_id") AS "n",
           CASE
               WHEN coalesce(a."Rev Stat", '') = '' AND NOT a."v" AND a."end" > x."now" AND a."Next Yr" = 'Y' THEN 18
               WHEN a."Rev Stat" = 'X' THEN 17
               WHEN a."Rev Stat" IN ('S', 'R', 'G', 'M') AND a."r" AND a."l" AND a."v" THEN 16
               WHEN a."Rev Stat" = 'G' AND a."r" AND a."l" AND NOT a."v" THEN 15
               WHEN a."Rev Stat" = 'S' AND a."r" AND NOT a."l" AND NOT a."v" THEN 14
               WHEN a."Rev Stat" = 'S' AND NOT a."r" AND NOT a."l" THEN 13
               WHEN a."Rev Stat" = 'S' AND a."r" AND a."l" AND NOT a."v" THEN 12
               WHEN a."Rev Stat" = 'R' AND NOT a."r" AND NOT a."l" AND NOT a."v" THEN 11
               WHEN a."Rev Stat" = 'R' AND a."r" AND NOT a."l" AND NOT a."v" THEN 10
               WHEN a."Rev Stat" = 'R' AND a."r" AND a."l" AND NOT a."v" THEN 9
               WHEN a."Rev Stat" = 'I' AND a."r" AND a."l" THEN 8
               WHEN a."Rev Stat" = 'N' AND a."r" AND a."l" AND a."v" THEN 7
               WHEN a."Rev Stat" = 'N' AND a."r" AND a."l" AND NOT a."v" THEN 6
               WHEN a."Rev Stat" = 'N' AND a."r" AND NOT a."l" AND NOT a."v" THEN 5
               WHEN a."Rev Stat" = 'N' AND NOT a."r" AND NOT a."l" AND NOT a."v" AND a."end" <= x."seventy_one" THEN 4
               WHEN a."Rev Stat" = 'N' AND NOT a."r" AND NOT a."l" AND NOT a."v"
                    AND a."end" > x."seventy_one" AND a."end" <= x."fifteen" THEN 3
               WHEN a."Rev Stat" = 'N' AND NOT a."r" AND NOT a."l" AND NOT a."v"
                    AND a."end" > x."fifteen" AND a."end" <= x."now" THEN 2
               WHEN a."Rev Stat" = 'N' AND NOT a."r" AND NOT a."l" AND NOT a."v" AND a."end" > x."now" THEN 1
           END AS "rule"
      FROM "accounts" a CROSS JOIN "as_of" x
     WHERE a."end" IS NOT NULL
),
"statuses" ("rule", "status", "reviewstatus") AS (VALUES
    (1, 'PENDING', 'NO_REVIEW'), (2, 'DUE', 'NO_REVIEW'), (3, 'OVERDUE', 'NO_REVIEW'), (4, 'NON_COMPLIANT', 'NO_REVIEW'),
    (5, 'RECEIVED', 'NO_REVIEW'), (6, 'LODGED', 'NO_REVIEW'), (7, 'LODGED', 'NO_REVIEW'), (8, 'INCOMPLETE', 'NO_REVIEW'),
    (9, 'OVERDUE', 'NO_REVIEW'), (10, 'DUE', 'STAFF_REFERRED'), (11, 'OVERDUE', 'NO_REVIEW'),
    (12, 'LODGED', 'STAFF_REFERRED'), (13, 'OVERDUE', 'NO_REVIEW'), (14, 'DUE', 'STAFF_REFERRED'),
    (15, 'LODGED', 'STAFF_REFERRED'), (16, 'LODGED', 'REVIEWED'), (17, 'ABANDONED', 'NO_REVIEW'),
    (18, 'PENDING', 'STAFF_PRESELECTED')
),
"pending" AS MATERIALIZED (
    SELECT p."Case", p."casrec_row_id", "validation"."casrec_date"(p."Report Due") AS "end"
      FROM "casrec_csv"."pat" p
      JOIN "scope"."cases" s ON s."casrec_row_id" = p."casrec_row_id" AND s."in_scope"
     WHERE "validation"."casrec_date"(p."Report Due") IS NOT NULL
),
-- The latest account period of each such case that ends before its Report Due.
"previous" AS (
    SELECT p."Case", max(a."end") AS "end"
      FROM "pending" p JOIN "accounts" a ON a."Case" = p."Case" AND a."end" < p."end"
     GROUP BY p."Case"
)
SELECT 'report:' || a."Case" || ':' || to_char(a."end", 'YYYY-MM-DD') || ':' || a."n" AS "migration_key",
       'account' AS "kind", a."Case" AS "case_no", a."casrec_row_id", a."end",
       CAST(a."end" - interval '1 year' AS date) + 1 AS "start",
       "validation"."report_due_date"(a."end", a."Case" IN (SELECT "case_no" FROM "pa_or_pro")) AS "due",
       "validation"."casrec_date"(a."Revise Date") AS "revised",
       coalesce("validation"."casrec_date"(a."Rcvd Date"), "validation"."casrec_date"(a."Lodge Date")) AS "received",
       "validation"."casrec_date"(a."Review Date") AS "review",
       a."rule", st."status", st."reviewstatus", o."order_no", o."risk"
  FROM "account_logs" a
  LEFT JOIN "statuses" st ON st."rule" = a."rule"
  LEFT JOIN "report_orders" o ON o."case_no" = a."Case"
UNION ALL
SELECT 'report_pending:' || p."Case", 'pending', p."Case", p."casrec_row_id", p."end",
       coalesce(b."end" + 1, CAST(p."end" - interval '1 year' AS date) + 1),
       "validation"."report_due_date"(p."end", p."Case" IN (SELECT "case_no" FROM "pa_or_pro")),
       NULL, NULL, NULL, NULL, 'PENDING', 'NO_REVIEW', o."order_no", o."risk"
  FROM "pending" p
  LEFT JOIN "previous" b ON b."Case" = p."Case"
  LEFT JOIN "report_orders" o ON o."case_no" = p."Case"
 WHERE NOT EXISTS (SELECT 1 FROM "accounts" a WHERE a."Case" = p."Case" AND a."end" = p."end");
CREATE UNIQUE INDEX ON "validation"."casrec_report_logs" ("migration_key");
ANALYZE "validation"."casrec_report_logs";
