-- The target answers for every account row of an in-scope case.
SELECT a."casrec_row_id" FROM account a JOIN in_scope_cases s ON s."case_no" = a."Case"
