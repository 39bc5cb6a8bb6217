-- visits: each visit CasRec commissioned for a migrated client (repvis), by its Report No; a
-- repeated Report No keeps its first row. Who asked for it (Req By) gives the visit type and, with
-- the Report Type, the subtype: supervisory requests (1, 2, 4-7) by report type, the deputy's (3)
-- and the assurance visits (8-14); both codes are read as integers, as the original's table
-- transform cast them, and any other pair has no subtype. Dates are CasRec dates at midnight
-- (microseconds, so that every year a date can have fits). Every visit is of standard urgency.
WITH v AS (
    SELECT v.*, row_number() OVER (PARTITION BY v."Report No" ORDER BY v."casrec_row_id") AS "rn"
      FROM repvis v
),
typed AS (
    SELECT v.*, cp."id" AS "client_id",
           coerce_int(v."Req By", v."casrec_row_id", 'Req By') AS "req_by",
           coerce_int(v."Report Type", v."casrec_row_id", 'Report Type') AS "report_type"
      FROM v
      JOIN in_scope_cases s ON s."case_no" = v."Case"
      JOIN t_client_persons cp ON cp."caserecnumber" = v."Case"
     WHERE v."rn" = 1 AND v."Report No" <> ''
)
SELECT
    "casrec_row_id",
    'visit:' || "Report No" AS "migration_key",
    "Case" AS "c_case",
    "req_by" AS "c_req_by",
    "report_type" AS "c_report_type",
    "client_id",
    lookup('visit_type', "Req By", NULL, "casrec_row_id", 'Req By') AS "visittype",
    arrow_cast(casrec_date("Create", "casrec_row_id", 'Create'), 'Timestamp(Microsecond, None)') AS "visitcreateddate",
    arrow_cast(casrec_date("Report Due", "casrec_row_id", 'Report Due'), 'Timestamp(Microsecond, None)') AS "visitreportduedate",
    lookup('visit_outcome', "Outcome", NULL, "casrec_row_id", 'Outcome') AS "visitoutcome",
    arrow_cast(casrec_date("Date Completed", "casrec_row_id", 'Date Completed'), 'Timestamp(Microsecond, None)') AS "visitcompleteddate",
    arrow_cast(casrec_date("Report Rcvd.", "casrec_row_id", 'Report Rcvd.'), 'Timestamp(Microsecond, None)') AS "visitreportreceiveddate",
    lookup('visit_marked', "Categ", NULL, "casrec_row_id", 'Categ') AS "visitreportmarkedas",
    arrow_cast(casrec_date("Review Date", "casrec_row_id", 'Review Date'), 'Timestamp(Microsecond, None)') AS "visitreportrevieweddate",
    lookup('visit_cancellation_reason', "Reason", NULL, "casrec_row_id", 'Reason') AS "visitcancellationreason",
    arrow_cast(casrec_date("Commission Dated", "casrec_row_id", 'Commission Dated'), 'Timestamp(Microsecond, None)') AS "visitcommissiondate",
    arrow_cast(casrec_date("Extension 1", "casrec_row_id", 'Extension 1'), 'Timestamp(Microsecond, None)') AS "firstextendedvisitreportduedate",
    arrow_cast(casrec_date("Extension 2", "casrec_row_id", 'Extension 2'), 'Timestamp(Microsecond, None)') AS "secondextendedvisitreportduedate",
    lookup('who_to_visit', "Rep On", NULL, "casrec_row_id", 'Rep On') AS "whotovisit",
    'VU-STAN' AS "visiturgency",
    CASE WHEN "req_by" IN (1, 2, 4, 5, 6, 7) AND "report_type" = 1 THEN 'VST-LAY'
         WHEN "req_by" IN (1, 2, 4, 5, 6, 7) AND "report_type" = 2 THEN 'VST-HW'
         WHEN "req_by" IN (1, 2, 4, 5, 6, 7) AND "report_type" = 3 THEN 'VST-MED'
         WHEN "req_by" = 3 AND "report_type" IN (1, 2) THEN 'VST-DEP'
         WHEN "req_by" = 3 AND "report_type" = 3 THEN 'VST-MLPA'
         WHEN "req_by" BETWEEN 8 AND 14 AND "report_type" IN (1, 2, 3) THEN 'VST-PRO'
    END AS "visitsubtype"
FROM typed
ORDER BY "casrec_row_id"
