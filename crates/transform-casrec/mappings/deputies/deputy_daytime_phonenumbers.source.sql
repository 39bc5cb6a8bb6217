SELECT p."casrec_row_id" FROM t_deputy_persons p
