-- The target answers for every migrated client whose case closed by death.
SELECT p."casrec_row_id" FROM t_client_persons cp JOIN pat p ON p."casrec_row_id" = cp."casrec_row_id" WHERE p."Term Type" = 'D'
