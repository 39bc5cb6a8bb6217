SELECT p."casrec_row_id", 'duplicate case number: the row the case scope chose is migrated' AS "reason"
  FROM pat p JOIN in_scope_cases s ON s."case_no" = p."Case"
 WHERE p."casrec_row_id" <> s."casrec_row_id"
