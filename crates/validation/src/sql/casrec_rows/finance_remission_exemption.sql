-- Remissions and exemptions as CasRec says they are: every migrated row of
-- validation.casrec_fee_reductions (casrec_finance.sql), with its client's billing account.
SELECT r."migration_key",
       c."finance_person_id",
       r."discounttype",
       CAST(NULL AS text) AS "evidencetype",
       r."startdate",
       r."enddate",
       'Migrated from Casrec' AS "notes",
       false AS "deleted"
  FROM "validation"."casrec_fee_reductions" r
  LEFT JOIN "validation"."casrec_finance_clients" c ON c."case_no" = r."case_no"
 WHERE r."rule" IS NULL
