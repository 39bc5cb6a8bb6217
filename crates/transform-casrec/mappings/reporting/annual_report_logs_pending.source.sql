-- The target answers for every in-scope client whose Report Due is filled in.
SELECT p."casrec_row_id" FROM pat_in_scope p WHERE coalesce(btrim(p."Report Due"), '') NOT IN ('', 'NaT')
