-- The target answers for every remark of an in-scope case.
SELECT r."casrec_row_id" FROM remarks r JOIN in_scope_cases s ON s."case_no" = r."Case"
