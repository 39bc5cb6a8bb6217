-- The target answers for every invoice row (not a credit: the Amount is not negative) of an
-- in-scope case's fee export whose Invoice No is an assessment deposit's (AD).
SELECT f."casrec_row_id" FROM feeexport f JOIN in_scope_cases s ON s."case_no" = f."Case"
 WHERE NOT starts_with(btrim(f."Amount"), '-') AND left(f."Invoice No", 2) = 'AD'
