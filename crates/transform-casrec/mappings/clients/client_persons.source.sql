-- Every pat row of an in-scope case.
SELECT p."casrec_row_id" FROM pat p JOIN in_scope_cases s ON s."case_no" = p."Case"
