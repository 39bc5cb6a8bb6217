-- The target answers for every migrated deputy recorded as deceased.
SELECT d."casrec_row_id" FROM t_deputy_persons p JOIN deputy d ON d."casrec_row_id" = p."casrec_row_id" WHERE d."Stat" = '99'
