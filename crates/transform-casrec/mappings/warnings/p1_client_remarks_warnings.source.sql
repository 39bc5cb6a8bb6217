-- Every priority remark (Pri 1) of an in-scope case.
SELECT r."casrec_row_id" FROM remarks r JOIN in_scope_cases s ON s."case_no" = r."Case" WHERE r."Pri" = '1'
