-- Every client SAAR check warning needs its person link.
SELECT "casrec_row_id" FROM t_client_saarcheck_warnings
