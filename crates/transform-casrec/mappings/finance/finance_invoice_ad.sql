-- finance_invoice_ad: each assessment deposit (AD) invoice of an in-scope client's fee export,
-- billed for the year from the day it was raised. finance_invoice_non_ad takes the other
-- invoices; a negative Amount is a credit (finance_ledger_credits). An invoice is migrated
-- when it was raised from April 2019 or is still outstanding in the aged debt report; Sirius
-- holds one invoice per reference, so a repeated Invoice No keeps its first line. A value
-- Sirius needs that is blank or unreadable (Invoice No, Amount, Create) leaves the invoice out
-- with the value recorded. The original multiplied an invoice under one id for each of its fee
-- check or aged debt rows; here each side file is read as a set.
WITH inv AS (
    SELECT f."casrec_row_id", f."Case", f."Invoice No", f."GL Code", f."Create",
           required(f."Invoice No", f."Invoice No", f."casrec_row_id", 'Invoice No') AS "reference",
           CAST(required(CAST(multiply_by_100(f."Amount", f."casrec_row_id", 'Amount') AS VARCHAR), f."Amount",
                         f."casrec_row_id", 'Amount') AS BIGINT) AS "pence"
      FROM feeexport f
      JOIN in_scope_cases s ON s."case_no" = f."Case"
     WHERE NOT starts_with(btrim(f."Amount"), '-') AND left(f."Invoice No", 2) = 'AD'
),
judged AS (
    SELECT i.*, cp."id" AS "person_id", o."Trx Number" IS NOT NULL AS "outstanding",
           -- Create is read only where the amount leaves the invoice in question (a zero
           -- amount is left out by rule, whatever its date).
           CASE WHEN i."pence" IS NULL OR i."pence" <> 0 THEN
                CAST(required(CAST(casrec_date(i."Create", i."casrec_row_id", 'Create') AS VARCHAR), i."Create",
                              i."casrec_row_id", 'Create') AS DATE) END AS "created"
      FROM inv i
      LEFT JOIN (SELECT DISTINCT "Trx Number" FROM sop_aged_debt WHERE btrim("Outstanding Amount") <> '') o
        ON o."Trx Number" = i."Invoice No"
      LEFT JOIN t_client_persons cp ON cp."caserecnumber" = i."Case"
),
reasoned AS (
    SELECT j.*,
           CASE WHEN j."reference" IS NULL THEN 'Invoice No is blank: Sirius needs the invoice reference (quarantined)'
                WHEN j."pence" IS NULL THEN 'Amount is blank or not a number (quarantined)'
                WHEN j."pence" = 0 THEN 'Amount is zero: nothing was billed'
                WHEN j."created" IS NULL THEN 'Create is blank or not a date (quarantined)'
                WHEN j."created" < DATE '2019-04-01' AND NOT j."outstanding"
                    THEN 'raised before April 2019 and not outstanding in the aged debt report: settled before the migration'
                WHEN j."person_id" IS NULL THEN 'its client was not migrated'
           END AS "reason"
      FROM judged j
),
ranked AS (
    SELECT r.*,
           CASE WHEN r."reason" IS NOT NULL THEN r."reason"
                WHEN row_number() OVER (PARTITION BY r."reference", r."reason" IS NULL ORDER BY r."casrec_row_id") > 1
                    THEN 'Invoice No repeats the invoice of line '
                         || CAST(min(r."casrec_row_id") OVER (PARTITION BY r."reference", r."reason" IS NULL) AS VARCHAR)
                         || ': Sirius holds one invoice per reference'
           END AS "left_out"
      FROM reasoned r
),
confirmed AS (
    -- The fee check's GL date (the earliest, where an invoice was checked twice); an invoice
    -- in the aged debt report without one counts as confirmed on the run's as-of date.
    SELECT k."casrec_row_id", min(casrec_date(c."GL Date", k."casrec_row_id", 'GL Date (sop_feecheck)')) AS "gl_date"
      FROM ranked k JOIN sop_feecheck c ON c."Invoice Number" = k."Invoice No"
     WHERE k."left_out" IS NULL
     GROUP BY k."casrec_row_id"
)
SELECT
    k."casrec_row_id",
    'invoice:' || k."reference" AS "migration_key",
    k."Case" AS "c_case",
    k."person_id",
    CAST(NULL AS INT) AS "finance_person_id",
    'AD' AS "feetype",
    k."reference",
    k."created" AS "startdate",
    CASE WHEN k."left_out" IS NULL THEN CAST(add_one_year(k."Create", k."casrec_row_id", 'Create') AS DATE) END AS "enddate",
    CAST(k."pence" AS INT) AS "amount",
    CASE WHEN k."left_out" IS NULL THEN lookup('inv_supervision_level', k."GL Code", NULL, k."casrec_row_id", 'GL Code') END
        AS "supervisionlevel",
    CAST(NULL AS INT) AS "finance_remission_exemption_id",
    coalesce(c."gl_date", CASE WHEN d."Trx Number" IS NOT NULL THEN as_of_date() END) AS "confirmeddate",
    CAST(NULL AS INT) AS "batchnumber",
    k."created" AS "raiseddate",
    'CASRECMIGRATION_P3' AS "source",
    k."left_out"
FROM ranked k
LEFT JOIN confirmed c ON c."casrec_row_id" = k."casrec_row_id"
LEFT JOIN (SELECT DISTINCT "Trx Number" FROM sop_aged_debt) d ON d."Trx Number" = k."Invoice No"
ORDER BY k."casrec_row_id"
