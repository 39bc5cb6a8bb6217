-- Every migrated client has its migration notice.
SELECT "casrec_row_id" FROM t_client_persons
