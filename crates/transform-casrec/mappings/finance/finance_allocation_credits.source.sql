-- The target answers, like finance_ledger_credits, for every credit (a negative Amount) of an in-scope case's fee export.
SELECT f."casrec_row_id" FROM feeexport f JOIN in_scope_cases s ON s."case_no" = f."Case"
 WHERE starts_with(btrim(f."Amount"), '-')
