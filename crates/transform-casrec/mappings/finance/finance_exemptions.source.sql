-- The target answers for every in-scope client whose exemption flag (Exempt) is set.
SELECT p."casrec_row_id" FROM pat_in_scope p WHERE coalesce(btrim(p."Exempt"), '') NOT IN ('', '0')
