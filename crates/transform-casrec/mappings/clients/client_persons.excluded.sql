SELECT p."casrec_row_id", 'duplicate case number ' || p."Case" || ': the row at line ' || CAST(s."casrec_row_id" AS VARCHAR) || ' is migrated' AS "reason"
  FROM pat p JOIN in_scope_cases s ON s."case_no" = p."Case"
 WHERE p."casrec_row_id" <> s."casrec_row_id"
