SELECT c."casrec_row_id", 'an older crec row of the case: the latest one sets the risk score' AS "reason"
  FROM crec c JOIN in_scope_cases s ON s."case_no" = c."Case"
 WHERE NOT EXISTS (SELECT 1 FROM t_crec_persons t WHERE t."casrec_row_id" = c."casrec_row_id")
