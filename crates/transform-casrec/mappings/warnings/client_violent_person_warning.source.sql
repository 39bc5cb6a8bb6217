-- Every client violence warning needs its person link.
SELECT "casrec_row_id" FROM t_client_violent_warnings
