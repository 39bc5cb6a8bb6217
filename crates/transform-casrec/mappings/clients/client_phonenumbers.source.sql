SELECT "casrec_row_id" FROM t_client_persons
