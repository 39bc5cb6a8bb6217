SELECT c."casrec_row_id" FROM crec c JOIN in_scope_cases s ON s."case_no" = c."Case"
