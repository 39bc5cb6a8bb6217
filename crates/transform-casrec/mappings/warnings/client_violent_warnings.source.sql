-- Every pat row of an in-scope case with "VWM" 4, the case's repeated rows included.
SELECT p."casrec_row_id" FROM pat p JOIN in_scope_cases s ON s."case_no" = p."Case" WHERE p."VWM" = '4'
