-- Every migrated task may have its order link.
SELECT "casrec_row_id" FROM t_tasks
