-- A report log needs its period's end: a row whose End Date is blank is left out by rule; one
-- whose End Date is not a date is left out with the value recorded (quarantined).
SELECT a."casrec_row_id",
       CASE WHEN cp."caserecnumber" IS NULL THEN 'client not migrated'
            WHEN coalesce(btrim(a."End Date"), '') IN ('', 'NaT') THEN 'End Date blank: a report log needs its period end'
            ELSE 'End Date is not a date: no report log (the value is recorded)' END AS "reason"
  FROM account a
  JOIN in_scope_cases s ON s."case_no" = a."Case"
  LEFT JOIN t_client_persons cp ON cp."caserecnumber" = a."Case"
  LEFT JOIN t_annual_report_logs t ON t."casrec_row_id" = a."casrec_row_id"
 WHERE t."casrec_row_id" IS NULL
