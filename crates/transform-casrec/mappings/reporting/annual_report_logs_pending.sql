-- annual_report_logs_pending: the report CasRec expects next (pat "Report Due", the end of the
-- period being reported on) of each in-scope client, as a PENDING log with no review. One per
-- client: the original made one per Active CasRec order, and none for a client without account
-- history or without an Active order. The period starts the day after the latest account period
-- that ended before it, or a year before its end when CasRec holds none. A Report Due that is
-- already an account period's end is that report (left out by rule); one that is not a date is
-- left out with the value recorded.
WITH due AS (
    SELECT p."casrec_row_id", p."Case", p."Report Due",
           casrec_date(p."Report Due", p."casrec_row_id", 'Report Due') AS "end_date"
      FROM pat_in_scope p
     WHERE coalesce(btrim(p."Report Due"), '') NOT IN ('', 'NaT')
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
periods AS (
    SELECT d."casrec_row_id", d."Case", d."Report Due", d."end_date",
           max(CASE WHEN e."reportingperiodenddate" < d."end_date" THEN e."reportingperiodenddate" END) AS "previous_end",
           max(CASE WHEN e."reportingperiodenddate" = d."end_date" THEN 1 ELSE 0 END) AS "in_account"
      FROM due d
      -- The account periods are those annual_report_logs made (a row without a date makes none).
      LEFT JOIN t_annual_report_logs e ON e."c_case" = d."Case"
     WHERE d."end_date" IS NOT NULL
     GROUP BY d."casrec_row_id", d."Case", d."Report Due", d."end_date"
)
SELECT
    r."casrec_row_id",
    'report_pending:' || r."Case" AS "migration_key",
    r."Case" AS "c_case",
    o."c_order_no" AS "c_order_no",
    cp."id" AS "client_id",
    o."order_id" AS "order_id",
    r."end_date" AS "reportingperiodenddate",
    CASE WHEN r."previous_end" IS NOT NULL THEN r."previous_end" + INTERVAL '1 day'
         ELSE CAST(calculate_startdate(r."Report Due", r."casrec_row_id", 'Report Due') AS DATE) END AS "reportingperiodstartdate",
    due_date_for_case(r."Report Due", p."case_no" IS NOT NULL, r."casrec_row_id", 'Report Due') AS "duedate",
    CAST(NULL AS DATE) AS "revisedduedate",
    CAST(NULL AS DATE) AS "receiveddate",
    CAST(NULL AS DATE) AS "reviewdate",
    CAST(0 AS INT) AS "numberofchaseletters",
    CAST(NULL AS INT) AS "reviewedby_id",
    CAST(NULL AS INT) AS "lodgingchecklistdocument_id",
    'PENDING' AS "status",
    'NO_REVIEW' AS "reviewstatus"
FROM periods r
JOIN t_client_persons cp ON cp."caserecnumber" = r."Case"
LEFT JOIN report_order o ON o."c_case" = r."Case"
LEFT JOIN pa_pro p ON p."case_no" = r."Case"
WHERE r."in_account" = 0
ORDER BY r."casrec_row_id"
