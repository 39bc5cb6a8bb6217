SELECT ds."casrec_row_id" FROM deputyship ds JOIN in_scope_cases s ON s."case_no" = ds."Case"
