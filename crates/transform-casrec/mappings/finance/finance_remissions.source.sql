-- The target answers for every in-scope client whose remission flag (Remis) is set.
SELECT p."casrec_row_id" FROM pat_in_scope p WHERE coalesce(btrim(p."Remis"), '') NOT IN ('', '0')
