-- annual_report_logs: each account row (a reporting period CasRec asked a deputy to account for)
-- of an in-scope case becomes a Sirius report log on the case's client. Keyed by case, period end
-- and its place among the case's rows with that end (CasRec numbers no account row). A row whose
-- End Date is blank or not a date is left out: Sirius needs the period's end (a value that is
-- not a date is recorded).
--
-- Status and review status follow the original's decision table, last matching rule winning
-- (written here in reverse order), with "today" the run's as-of date, never the clock, and
-- "fifteen / seventy-one working days ago" counted in working days less bank holidays. Received
-- means any received date or, failing one, the lodge date.
--
-- The order is the case's report order: its ACTIVE order made last (undated last, ties to the
-- later line). The original picked an arbitrary ACTIVE order. reviewedby_id and the checklist
-- document are left NULL, as the original did.
WITH acc AS (
    SELECT a.*, casrec_date(a."End Date", a."casrec_row_id", 'End Date') AS "end_date"
      FROM account a JOIN in_scope_cases s ON s."case_no" = a."Case"
),
keyed AS (
    SELECT acc.*, row_number() OVER (PARTITION BY acc."Case", acc."end_date" ORDER BY acc."casrec_row_id") AS "nth"
      FROM acc WHERE acc."end_date" IS NOT NULL
),
pa_pro AS (
    SELECT DISTINCT ds."Case" AS "case_no"
      FROM deputyship ds JOIN deputy d ON d."Deputy No" = ds."Deputy No"
     WHERE is_active_pa_pro_deputy(d."Dep Type", d."Stat")
),
report_order AS (
    SELECT "c_case", "order_id", "c_order_no"
      FROM (SELECT c."c_case", c."id" AS "order_id", c."c_order_no",
                   row_number() OVER (PARTITION BY c."c_case" ORDER BY c."orderdate" DESC NULLS LAST, c."casrec_row_id" DESC) AS "rn"
              FROM t_cases c WHERE c."orderstatus" = 'ACTIVE') o
     WHERE "rn" = 1
),
facts AS (
    SELECT k.*,
           casrec_date(k."Lodge Date", k."casrec_row_id", 'Lodge Date') AS "lodged",
           casrec_date(k."Review Date", k."casrec_row_id", 'Review Date') AS "reviewed",
           casrec_date(k."Rcvd Date", k."casrec_row_id", 'Rcvd Date') AS "rcvd",
           (casrec_date(k."Rcvd Date1", k."casrec_row_id", 'Rcvd Date1') IS NOT NULL
            OR casrec_date(k."Rcvd Date2", k."casrec_row_id", 'Rcvd Date2') IS NOT NULL
            OR casrec_date(k."Rcvd Date3", k."casrec_row_id", 'Rcvd Date3') IS NOT NULL
            OR casrec_date(k."Rcvd Date4", k."casrec_row_id", 'Rcvd Date4') IS NOT NULL
            OR casrec_date(k."Rcvd Date5", k."casrec_row_id", 'Rcvd Date5') IS NOT NULL
            OR casrec_date(k."Rcvd Date6", k."casrec_row_id", 'Rcvd Date6') IS NOT NULL) AS "rcvd_later",
           as_of_date() AS "now",
           working_days_before(as_of_date(), 15) AS "fifteen_ago",
           working_days_before(as_of_date(), 71) AS "seventy_one_ago"
      FROM keyed k
),
flags AS (
    SELECT f.*,
           (f."rcvd" IS NOT NULL OR f."rcvd_later" OR f."lodged" IS NOT NULL) AS "r",
           f."lodged" IS NOT NULL AS "l",
           f."reviewed" IS NOT NULL AS "v",
           coalesce(f."Rev Stat", '') AS "rs"
      FROM facts f
),
decided AS (
    SELECT g.*,
           CASE
               WHEN g."rs" = '' AND NOT g."v" AND g."end_date" > g."now" AND g."Next Yr" = 'Y' THEN 18
               WHEN g."rs" = 'X' THEN 17
               WHEN g."rs" IN ('S', 'R', 'G', 'M') AND g."r" AND g."l" AND g."v" THEN 16
               WHEN g."rs" = 'G' AND g."r" AND g."l" AND NOT g."v" THEN 15
               WHEN g."rs" = 'S' AND g."r" AND NOT g."l" AND NOT g."v" THEN 14
               WHEN g."rs" = 'S' AND NOT g."r" AND NOT g."l" THEN 13
               WHEN g."rs" = 'S' AND g."r" AND g."l" AND NOT g."v" THEN 12
               WHEN g."rs" = 'R' AND NOT g."r" AND NOT g."l" AND NOT g."v" THEN 11
               WHEN g."rs" = 'R' AND g."r" AND NOT g."l" AND NOT g."v" THEN 10
               WHEN g."rs" = 'R' AND g."r" AND g."l" AND NOT g."v" THEN 9
               WHEN g."rs" = 'I' AND g."r" AND g."l" THEN 8
               WHEN g."rs" = 'N' AND g."r" AND g."l" AND g."v" THEN 7
               WHEN g."rs" = 'N' AND g."r" AND g."l" AND NOT g."v" THEN 6
               WHEN g."rs" = 'N' AND g."r" AND NOT g."l" AND NOT g."v" THEN 5
               WHEN g."rs" = 'N' AND NOT g."r" AND NOT g."l" AND NOT g."v" AND g."end_date" <= g."seventy_one_ago" THEN 4
               WHEN g."rs" = 'N' AND NOT g."r" AND NOT g."l" AND NOT g."v" AND g."end_date" <= g."fifteen_ago" THEN 3
               WHEN g."rs" = 'N' AND NOT g."r" AND NOT g."l" AND NOT g."v" AND g."end_date" <= g."now" THEN 2
               WHEN g."rs" = 'N' AND NOT g."r" AND NOT g."l" AND NOT g."v" THEN 1
           END AS "rule"
      FROM flags g
)
SELECT
    d."casrec_row_id",
    'report:' || d."Case" || ':' || format_date(d."end_date") || ':' || CAST(d."nth" AS VARCHAR) AS "migration_key",
    d."Case" AS "c_case",
    o."c_order_no" AS "c_order_no",
    cp."id" AS "client_id",
    o."order_id" AS "order_id",
    d."end_date" AS "reportingperiodenddate",
    CAST(calculate_startdate(d."End Date", d."casrec_row_id", 'End Date') AS DATE) AS "reportingperiodstartdate",
    due_date_for_case(d."End Date", p."case_no" IS NOT NULL, d."casrec_row_id", 'End Date') AS "duedate",
    casrec_date(d."Revise Date", d."casrec_row_id", 'Revise Date') AS "revisedduedate",
    coalesce(d."rcvd", d."lodged") AS "receiveddate",
    d."reviewed" AS "reviewdate",
    CAST(0 AS INT) AS "numberofchaseletters",
    CAST(NULL AS INT) AS "reviewedby_id",
    CAST(NULL AS INT) AS "lodgingchecklistdocument_id",
    CASE d."rule" WHEN 1 THEN 'PENDING' WHEN 2 THEN 'DUE' WHEN 3 THEN 'OVERDUE' WHEN 4 THEN 'NON_COMPLIANT'
                  WHEN 5 THEN 'RECEIVED' WHEN 6 THEN 'LODGED' WHEN 7 THEN 'LODGED' WHEN 8 THEN 'INCOMPLETE'
                  WHEN 9 THEN 'OVERDUE' WHEN 10 THEN 'DUE' WHEN 11 THEN 'OVERDUE' WHEN 12 THEN 'LODGED'
                  WHEN 13 THEN 'OVERDUE' WHEN 14 THEN 'DUE' WHEN 15 THEN 'LODGED' WHEN 16 THEN 'LODGED'
                  WHEN 17 THEN 'ABANDONED' WHEN 18 THEN 'PENDING' END AS "status",
    CASE WHEN d."rule" IN (10, 12, 14, 15) THEN 'STAFF_REFERRED'
         WHEN d."rule" = 16 THEN 'REVIEWED'
         WHEN d."rule" = 18 THEN 'STAFF_PRESELECTED'
         WHEN d."rule" IS NOT NULL THEN 'NO_REVIEW' END AS "reviewstatus"
FROM decided d
JOIN t_client_persons cp ON cp."caserecnumber" = d."Case"
LEFT JOIN report_order o ON o."c_case" = d."Case"
LEFT JOIN pa_pro p ON p."case_no" = d."Case"
ORDER BY d."casrec_row_id"
