-- An Away Date that is not a date says nothing of when the case was put away: the event is left
-- out and the value recorded in transform.exceptions (quarantined), instead of aborting the run.
SELECT p."casrec_row_id", 'Away Date is not a date: no put away event (the value is recorded)' AS "reason"
  FROM t_client_persons cp
  JOIN pat p ON p."casrec_row_id" = cp."casrec_row_id"
  LEFT JOIN t_timeline_archive_events t ON t."casrec_row_id" = p."casrec_row_id"
 WHERE coalesce(btrim(p."Away Date"), '') NOT IN ('', 'NaT') AND t."casrec_row_id" IS NULL
