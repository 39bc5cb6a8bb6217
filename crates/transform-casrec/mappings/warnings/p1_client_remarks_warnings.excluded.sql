-- A priority remark of an in-scope case whose client was not migrated has no one to warn about.
SELECT r."casrec_row_id", 'the client was not migrated' AS "reason"
  FROM remarks r JOIN in_scope_cases s ON s."case_no" = r."Case"
 WHERE r."Pri" = '1'
   AND NOT EXISTS (SELECT 1 FROM t_client_persons cp WHERE cp."caserecnumber" = r."Case")
