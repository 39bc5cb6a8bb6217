-- Every client special interest warning needs its person link.
SELECT "casrec_row_id" FROM t_client_special_warnings
