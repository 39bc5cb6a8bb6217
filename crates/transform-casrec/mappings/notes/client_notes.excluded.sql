SELECT r."casrec_row_id",
       CASE WHEN cp."caserecnumber" IS NULL THEN 'client not migrated'
            ELSE 'log date blank or not a date: Sirius needs a created time' END AS "reason"
  FROM remarks r
  JOIN in_scope_cases s ON s."case_no" = r."Case"
  LEFT JOIN t_client_persons cp ON cp."caserecnumber" = r."Case"
  LEFT JOIN t_client_notes t ON t."casrec_row_id" = r."casrec_row_id"
 WHERE t."casrec_row_id" IS NULL
