-- Every migrated task needs its client link.
SELECT "casrec_row_id" FROM t_tasks
