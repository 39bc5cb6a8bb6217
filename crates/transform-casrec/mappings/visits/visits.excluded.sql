SELECT v."casrec_row_id",
       CASE WHEN cp."caserecnumber" IS NULL THEN 'client not migrated'
            WHEN v."Report No" = '' THEN 'no Report No'
            ELSE 'duplicate Report No: its first row is migrated' END AS "reason"
  FROM repvis v
  JOIN in_scope_cases s ON s."case_no" = v."Case"
  LEFT JOIN t_client_persons cp ON cp."caserecnumber" = v."Case"
  LEFT JOIN t_visits t ON t."casrec_row_id" = v."casrec_row_id"
 WHERE t."casrec_row_id" IS NULL
