-- The target answers for every visit of an in-scope case.
SELECT v."casrec_row_id" FROM repvis v JOIN in_scope_cases s ON s."case_no" = v."Case"
