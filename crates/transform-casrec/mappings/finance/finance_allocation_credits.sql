-- finance_allocation_credits: the allocation of each migrated credit (finance_ledger_credits,
-- the same fee export row) to the invoice it reduces, Orig Invoice: integration finds that
-- invoice by its reference, as the two invoice targets number their rows apart. A credit the
-- fee check of credits lists was allocated on its GL date (the earliest, where listed twice);
-- one it does not list is still pending.
WITH checked AS (
    SELECT l."casrec_row_id",
           min(casrec_date(c."GL Date", l."casrec_row_id", 'GL Date (sop_feecheckcredits)')) AS "gl_date"
      FROM t_finance_ledger_credits l JOIN sop_feecheckcredits c ON c."Invoice Number" = l."c_invoice_no"
     GROUP BY l."casrec_row_id"
)
SELECT
    f."casrec_row_id",
    'allocation:' || f."Invoice No" AS "migration_key",
    f."Case" AS "c_case",
    l."c_orig_invoice" AS "c_invoice_reference",
    l."id" AS "ledger_entry_id",
    l."datetime",
    l."amount",
    CASE WHEN c."casrec_row_id" IS NOT NULL THEN 'ALLOCATED' ELSE 'PENDING' END AS "status",
    f."Invoice No" AS "reference",
    'Credit migrated from Casrec' AS "notes",
    c."gl_date" AS "allocateddate",
    CAST(NULL AS INT) AS "batchnumber",
    'CASRECMIGRATION_P3' AS "source",
    CASE WHEN l."id" IS NULL THEN 'its credit has no ledger entry (see finance_ledger_credits for why)' END AS "left_out"
FROM feeexport f
JOIN in_scope_cases s ON s."case_no" = f."Case"
LEFT JOIN t_finance_ledger_credits l ON l."casrec_row_id" = f."casrec_row_id"
LEFT JOIN checked c ON c."casrec_row_id" = f."casrec_row_id"
WHERE starts_with(btrim(f."Amount"), '-')
ORDER BY f."casrec_row_id"
