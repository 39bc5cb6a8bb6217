-- The target answers for every in-scope order CasRec bills: Ord Type 1, 2, 40 or 41, not Open,
-- and a risk level (neither blank nor 0).
SELECT o."casrec_row_id" FROM "order" o JOIN in_scope_cases s ON s."case_no" = o."Case"
 WHERE o."Ord Type" IN ('1', '2', '40', '41') AND o."Ord Stat" <> 'Open'
   AND coalesce(btrim(o."Ord Risk Lvl"), '') NOT IN ('', '0')
