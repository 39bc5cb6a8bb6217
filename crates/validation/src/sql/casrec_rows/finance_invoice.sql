-- Invoices as CasRec says they are: every migrated line of validation.casrec_fee_invoices (built
-- from casrec_csv, casrec_finance.sql), with the id integration gave the client of its case and
-- that client's billing account in prepare's copy of Sirius (the finance_person_ids rule: NULL
-- for a client Sirius has never billed). The batch number is Sirius's (finance.rs checks it).
SELECT i."migration_key",
       c."client_id" AS "person_id",
       c."finance_person_id",
       i."feetype",
       i."reference",
       i."startdate",
       i."enddate",
       i."amount",
       i."supervisionlevel",
       CAST(NULL AS integer) AS "finance_remission_exemption_id",
       i."confirmeddate",
       i."raiseddate",
       'CASRECMIGRATION_P3' AS "source"
  FROM "validation"."casrec_fee_invoices" i
  LEFT JOIN "validation"."casrec_finance_clients" c ON c."case_no" = i."case_no"
 WHERE i."rule" IS NULL
