-- Every deputy violence warning needs its person link.
SELECT "casrec_row_id" FROM t_deputy_violent_warnings
