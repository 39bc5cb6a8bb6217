-- Every client no-debt-chase warning needs its person link.
SELECT "casrec_row_id" FROM t_client_nodebtchase_warnings
