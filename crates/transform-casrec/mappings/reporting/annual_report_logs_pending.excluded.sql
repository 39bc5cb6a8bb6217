-- A Report Due that ends an account period already is that period's report log; one that is not
-- a date is left out with the value recorded (quarantined).
SELECT p."casrec_row_id",
       CASE WHEN cp."caserecnumber" IS NULL THEN 'client not migrated'
            WHEN casrec_date(p."Report Due", p."casrec_row_id", 'Report Due') IS NULL
                THEN 'Report Due is not a date: no pending report (the value is recorded)'
            ELSE 'Report Due ends an account period: that period is already a report log' END AS "reason"
  FROM pat_in_scope p
  LEFT JOIN t_client_persons cp ON cp."caserecnumber" = p."Case"
  LEFT JOIN t_annual_report_logs_pending t ON t."casrec_row_id" = p."casrec_row_id"
 WHERE coalesce(btrim(p."Report Due"), '') NOT IN ('', 'NaT') AND t."casrec_row_id" IS NULL
