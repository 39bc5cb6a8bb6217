-- Each finance target's source rows by what became of them, as validation reads CasRec
-- (validation.casrec_finance_account, casrec_finance.sql): one line per rule that left rows
-- out, or one line without a rule for a target that left none out. Every target is listed, in
-- the contract's order, even one without source rows.
WITH "targets" ("ord", "target", "sirius_table", "source_table") AS (VALUES
    (1, 'finance_invoice_ad', 'finance_invoice', 'feeexport'),
    (2, 'finance_invoice_non_ad', 'finance_invoice', 'feeexport'),
    (3, 'finance_ledger_credits', 'finance_ledger', 'feeexport'),
    (4, 'finance_allocation_credits', 'finance_ledger_allocation', 'feeexport'),
    (5, 'finance_remissions', 'finance_remission_exemption', 'pat'),
    (6, 'finance_exemptions', 'finance_remission_exemption', 'pat'),
    (7, 'finance_order', 'finance_order', 'order')
),
"judged" AS (
    SELECT a."target", a."rule", r."outcome", r."outcome" || ': ' || r."why" AS "why"
      FROM "validation"."casrec_finance_account" a
      LEFT JOIN "validation"."casrec_finance_rules" r ON r."rules" = a."rules" AND r."rule" = a."rule"
),
"totals" AS (
    SELECT "target", count(*) AS "rows", count(*) FILTER (WHERE "rule" IS NULL) AS "migrated",
           count(*) FILTER (WHERE "outcome" = 'excluded') AS "excluded",
           count(*) FILTER (WHERE "outcome" = 'quarantined') AS "quarantined"
      FROM "judged" GROUP BY 1
),
"per_rule" AS (
    SELECT "target", "why", count(*) AS "n" FROM "judged" WHERE "rule" IS NOT NULL GROUP BY 1, 2
)
SELECT t."target", t."sirius_table", t."source_table", coalesce(s."rows", 0), coalesce(s."migrated", 0),
       coalesce(s."excluded", 0), coalesce(s."quarantined", 0), p."why", p."n"
  FROM "targets" t
  LEFT JOIN "totals" s ON s."target" = t."target"
  LEFT JOIN "per_rule" p ON p."target" = t."target"
 ORDER BY t."ord", p."n" DESC, p."why"
