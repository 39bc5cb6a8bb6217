-- Every archive event needs its person link.
SELECT "casrec_row_id" FROM t_timeline_archive_events
