-- Every deputy special interest warning needs its person link.
SELECT "casrec_row_id" FROM t_deputy_special_warnings
