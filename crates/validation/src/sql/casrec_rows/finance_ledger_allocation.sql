-- Allocations as CasRec says they are: one per migrated credit line of
-- validation.casrec_fee_credits (casrec_finance.sql). Its two links are compared by what they
-- name, not by id (casrec_rows.rs, LINKS): invoice_reference is the reference of the Sirius
-- invoice its invoice_id points at, ledger_entry_key the migration key of its ledger entry.
SELECT r."allocation_key" AS "migration_key",
       r."orig_invoice" AS "invoice_reference",
       r."migration_key" AS "ledger_entry_key",
       r."datetime",
       r."amount",
       r."status",
       r."invoice_no" AS "reference",
       'Credit migrated from Casrec' AS "notes",
       r."allocateddate",
       'CASRECMIGRATION_P3' AS "source"
  FROM "validation"."casrec_fee_credits" r
 WHERE r."allocation_rule" IS NULL
