-- Every priority remark warning needs its person link.
SELECT "casrec_row_id" FROM t_p1_client_remarks_warnings
