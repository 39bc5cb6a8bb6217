-- finance_ledger_credits: each credit of an in-scope client's fee export (a negative Amount: a
-- remission, credit memo or write-off, named by its Invoice No) against an invoice the migration
-- loads (Orig Invoice), as an approved ledger entry of the credit's absolute amount in pounds.
-- finance_allocation_credits allocates it to that invoice. The reference is made from the
-- credit's Invoice No, so a rerun finds the entry it loaded (the original drew a random UUID
-- each run), and the source is this migration's like the invoices' (the original wrote an
-- earlier phase's, so its batch numbering skipped the ledger). An unreadable Amount or Create,
-- or an Invoice No that names no kind of credit, leaves the credit out with the value recorded.
WITH cr AS (
    SELECT f."casrec_row_id", f."Case", f."Invoice No", f."Orig Invoice", f."Create",
           absolute_value(f."Amount", f."casrec_row_id", 'Amount') AS "pounds"
      FROM feeexport f
      JOIN in_scope_cases s ON s."case_no" = f."Case"
     WHERE starts_with(btrim(f."Amount"), '-')
),
invoices AS (
    SELECT "reference" FROM t_finance_invoice_ad
    UNION ALL
    SELECT "reference" FROM t_finance_invoice_non_ad
),
judged AS (
    -- The credit's type and date are read only for a credit of a migrated invoice.
    SELECT c.*, i."reference" IS NOT NULL AS "invoiced",
           CASE WHEN i."reference" IS NOT NULL THEN
                required(credit_type_from_invoice_ref(c."Invoice No"), c."Invoice No", c."casrec_row_id",
                         'Invoice No (credit type)') END AS "type",
           CASE WHEN i."reference" IS NOT NULL THEN
                CAST(required(CAST(casrec_timestamp(c."Create", c."casrec_row_id", 'Create') AS VARCHAR), c."Create",
                              c."casrec_row_id", 'Create') AS TIMESTAMP) END AS "at"
      FROM cr c
      LEFT JOIN invoices i ON i."reference" = c."Orig Invoice"
),
reasoned AS (
    SELECT j.*,
           CASE WHEN j."pounds" IS NULL THEN 'Amount is not a number (quarantined)'
                WHEN NOT j."invoiced" THEN 'its original invoice (Orig Invoice) is not migrated'
                WHEN j."type" IS NULL THEN 'Invoice No names no kind of credit (Z, CR or WO) (quarantined)'
                WHEN j."at" IS NULL THEN 'Create is blank or not a date (quarantined)'
           END AS "reason"
      FROM judged j
)
SELECT
    r."casrec_row_id",
    'credit:' || r."Invoice No" AS "migration_key",
    r."Case" AS "c_case",
    r."Invoice No" AS "c_invoice_no",
    r."Orig Invoice" AS "c_orig_invoice",
    uuid_from('finance_ledger:' || r."Invoice No") AS "reference",
    r."at" AS "datetime",
    'Data migration' AS "method",
    r."pounds" AS "amount",
    'Credit migrated from Casrec' AS "notes",
    r."type",
    'APPROVED' AS "status",
    CAST(NULL AS INT) AS "finance_person_id",
    CAST(NULL AS INT) AS "parent_id",
    CAST(NULL AS INT) AS "finance_remission_exemption_id",
    CAST(NULL AS DATE) AS "confirmeddate",
    CAST(r."at" AS DATE) AS "bankdate",
    CAST(NULL AS INT) AS "batchnumber",
    'CASRECMIGRATION_P3' AS "source",
    CASE WHEN r."reason" IS NOT NULL THEN r."reason"
         WHEN row_number() OVER (PARTITION BY r."Invoice No", r."reason" IS NULL ORDER BY r."casrec_row_id") > 1
             THEN 'Invoice No repeats the credit of line '
                  || CAST(min(r."casrec_row_id") OVER (PARTITION BY r."Invoice No", r."reason" IS NULL) AS VARCHAR)
                  || ': Sirius holds one ledger entry per credit'
    END AS "left_out"
FROM reasoned r
ORDER BY r."casrec_row_id"
