-- Every migrated client's pat row with an Away Date (blank, or NaT, is never put away).
SELECT p."casrec_row_id" FROM t_client_persons cp JOIN pat p ON p."casrec_row_id" = cp."casrec_row_id"
 WHERE coalesce(btrim(p."Away Date"), '') NOT IN ('', 'NaT')
