-- The target answers for every supervision activity of an in-scope case.
SELECT a."casrec_row_id" FROM sup_activity a JOIN in_scope_cases s ON s."case_no" = a."Case"
