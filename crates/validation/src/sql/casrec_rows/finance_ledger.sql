-- Ledger credits as CasRec says they are: every migrated credit line of
-- validation.casrec_fee_credits (casrec_finance.sql), its billing account that of the client of
-- the invoice it reduces. The reference is a UUID the migration makes, which is not recomputed
-- here: finance.rs checks it is 36 characters and unique. The batch number is Sirius's.
SELECT r."migration_key",
       r."datetime",
       'Data migration' AS "method",
       r."amount",
       'Credit migrated from Casrec' AS "notes",
       r."type",
       'APPROVED' AS "status",
       c."finance_person_id",
       CAST(NULL AS integer) AS "parent_id",
       CAST(NULL AS integer) AS "finance_remission_exemption_id",
       CAST(NULL AS date) AS "confirmeddate",
       r."bankdate",
       'CASRECMIGRATION_P3' AS "source"
  FROM "validation"."casrec_fee_credits" r
  LEFT JOIN "validation"."casrec_finance_clients" c ON c."case_no" = r."invoice_case"
 WHERE r."rule" IS NULL
