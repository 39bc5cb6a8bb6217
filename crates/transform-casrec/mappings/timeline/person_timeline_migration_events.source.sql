-- Every migration event needs its person link.
SELECT "casrec_row_id" FROM t_timeline_migration_events
