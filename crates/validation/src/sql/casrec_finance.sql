-- Finance (issue 19) as CasRec says Sirius should hold it, recomputed from casrec_csv, the scope,
-- the migrated orders (validation.casrec_orders), prepare's copy of Sirius's billing accounts
-- (sirius_ref.finance_person) and the run's as-of date, with the finance contract's rules written
-- again here (never the transform's code or tables), so that a transform mistake shows as a
-- difference. One row per source row of each finance target, with the first rule that left it
-- out (NULL: migrated) and, for a migrated row, its values. The comparisons with Sirius
-- (casrec_rows/finance_*.sql), the counts, the CasRec-rows account and the money per client all
-- read these tables.

-- Every rule that leaves a finance source row out, by rule set and number (the order the rules
-- are tried in), and whether it is the mapping working as designed (excluded) or a value a
-- person must look at (quarantined).
CREATE TABLE "validation"."casrec_finance_rules" (
    "rules"   text    NOT NULL,
    "rule"    integer NOT NULL,
    "outcome" text    NOT NULL CHECK ("outcome" IN ('excluded', 'quarantined')),
    "why"     text    NOT NULL,
    PRIMARY KEY ("rules", "rule")
);
INSERT INTO "validation"."casrec_finance_rules" ("rules", "rule", "outcome", "why") VALUES
    ('invoice', 1, 'quarantined', 'Invoice No blank'),
    ('invoice', 2, 'quarantined', 'Amount blank or not a number'),
    ('invoice', 3, 'excluded', 'nothing was billed (Amount is zero)'),
    ('invoice', 4, 'quarantined', 'Create blank or not a date'),
    ('invoice', 5, 'excluded', 'raised before 1 April 2019 and not outstanding in the aged debt (settled before the migration)'),
    ('invoice', 6, 'excluded', 'client not migrated'),
    ('invoice', 7, 'excluded', 'an earlier line of the same Invoice No is migrated (one invoice per reference)'),
    ('credit', 1, 'quarantined', 'Amount not a number'),
    ('credit', 2, 'excluded', 'Orig Invoice is not a migrated invoice'),
    ('credit', 3, 'quarantined', 'Invoice No names no credit type (Z, CR or WO at its start or end)'),
    ('credit', 4, 'quarantined', 'Create blank or not a date'),
    ('credit', 5, 'excluded', 'an earlier line of the same Invoice No is migrated (one credit per reference)'),
    ('allocation', 1, 'excluded', 'the credit has no ledger entry'),
    ('discount', 1, 'excluded', 'no Award Date'),
    ('discount', 2, 'quarantined', 'Award Date not a date'),
    ('discount', 3, 'excluded', 'awarded before 2 April 2021'),
    ('discount', 4, 'excluded', 'client not migrated'),
    ('order', 1, 'excluded', 'the order was not migrated (this line made no order)'),
    ('order', 2, 'quarantined', 'no risk assessment of the order has a Start Date (Sirius needs billing_start_date)');

-- The end of a fee reduction awarded on a day: the 31 March ending the financial year the
-- award falls in, 1 April counting as the last day of the year before.
CREATE FUNCTION "validation"."fee_reduction_end_date"("d" date) RETURNS date LANGUAGE sql IMMUTABLE AS $$
SELECT CASE WHEN "d" IS NULL THEN NULL
            WHEN to_char("d", 'MM-DD') = '03-31' THEN "d"
            WHEN to_char("d", 'MM-DD') = '04-01' THEN make_date(CAST(extract(year FROM "d") AS integer), 3, 31)
            WHEN "d" < make_date(CAST(extract(year FROM "d") AS integer), 3, 31)
                 THEN make_date(CAST(extract(year FROM "d") AS integer), 3, 31)
            ELSE make_date(CAST(extract(year FROM "d") AS integer) + 1, 3, 31) END
$$;

-- The year whose 1 April starts the UK tax year a day falls in (1 April Y to 31 March Y+1).
CREATE FUNCTION "validation"."tax_year"("d" date) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
SELECT CAST(extract(year FROM "d") AS integer) - CASE WHEN to_char("d", 'MM-DD') < '04-01' THEN 1 ELSE 0 END
$$;

-- The clients CasRec says are migrated (one per in-scope case of pat, as expected_clients.sql
-- counts them), with the ids Sirius knows them by: the person integration gave the case and
-- that person's billing account, the lowest of several, none for a client Sirius has not billed.
CREATE TABLE "validation"."casrec_finance_clients" AS
SELECT c."case_no", p."id" AS "client_id", f."id" AS "finance_person_id"
  FROM (SELECT DISTINCT p."Case" AS "case_no" FROM "casrec_csv"."pat" p
          JOIN "scope"."cases" s ON s."case_no" = p."Case" AND s."in_scope") c
  LEFT JOIN "integration"."persons" p ON p."migration_key" = 'client:' || c."case_no"
  LEFT JOIN (SELECT "person_id", min("id") AS "id" FROM "sirius_ref"."finance_person" GROUP BY 1) f
    ON f."person_id" = p."id";
CREATE UNIQUE INDEX ON "validation"."casrec_finance_clients" ("case_no");
ANALYZE "validation"."casrec_finance_clients";

-- The fee export's lines of in-scope cases, read once: a line whose Amount starts with '-' is a
-- credit, any other an invoice line.
CREATE TABLE "validation"."casrec_fee_rows" AS
SELECT f."casrec_row_id", f."Case" AS "case_no", f."Invoice No" AS "invoice_no", f."Orig Invoice" AS "orig_invoice",
       f."GL Code" AS "gl_code",
       CASE WHEN btrim(f."Amount") ~ '^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$'
            THEN CAST(btrim(f."Amount") AS numeric) END AS "amount",
       left(btrim(coalesce(f."Amount", '')), 1) = '-' AS "credit",
       "validation"."casrec_date"(f."Create") AS "created",
       "validation"."casrec_timestamp"(f."Create") AS "created_at"
  FROM "casrec_csv"."feeexport" f
  JOIN "scope"."cases" s ON s."case_no" = f."Case" AND s."in_scope";
ANALYZE "validation"."casrec_fee_rows";

-- Invoices (targets finance_invoice_ad and finance_invoice_non_ad). The tax year of a non-AD
-- invoice is the one its Create falls in; an AD invoice runs a calendar year from its Create
-- (29 February to 28 February). An invoice is confirmed on its earliest fee-check GL date, else
-- on the as-of date when finance's aged debt lists it.
CREATE TABLE "validation"."casrec_fee_invoices" AS
WITH "as_of" AS (SELECT CAST("as_of_date" AS date) AS "d" FROM "transform"."run"),
"aged" AS (
    SELECT "Trx Number" AS "reference", bool_or(btrim(coalesce("Outstanding Amount", '')) <> '') AS "outstanding"
      FROM "casrec_csv"."sop_aged_debt" GROUP BY 1
),
"checked" AS (
    SELECT "Invoice Number" AS "reference", min("validation"."casrec_date"("GL Date")) AS "gl_date"
      FROM "casrec_csv"."sop_feecheck" GROUP BY 1
),
"levels" ("code", "level") AS (VALUES
    ('60-VW510-115252-000-0000', 'GENERAL'), ('60-VW510-115257-000-0000', 'MINIMAL'),
    ('60-VW510-115152-000-0000', 'GENERAL'), ('60-VW510-115157-000-0000', 'MINIMAL'),
    ('7-00-1-53-20', 'GENERAL'), ('7-00-1-53-30', 'GENERAL'), ('7-00-1-53-50', 'GENERAL'),
    ('7-00-1-55-20', 'GENERAL'), ('7-00-1-55-30', 'GENERAL'), ('7-00-1-55-50', 'GENERAL'), ('7-00-1-55-70', 'MINIMAL'),
    ('7-00-2-53-20', 'GENERAL'), ('7-00-2-53-30', 'GENERAL'), ('7-00-2-53-50', 'GENERAL'),
    ('7-00-2-55-20', 'GENERAL'), ('7-00-2-55-30', 'GENERAL'), ('7-00-2-55-50', 'GENERAL'), ('7-00-2-55-70', 'MINIMAL'),
    ('J-00-1-55-20', 'GENERAL'), ('J-00-1-55-30', 'GENERAL'), ('J-00-1-55-50', 'GENERAL'), ('J-00-1-55-70', 'MINIMAL'),
    ('J-00-2-55-20', 'GENERAL'), ('J-00-2-55-30', 'GENERAL'), ('J-00-2-55-50', 'GENERAL'), ('J-00-2-55-70', 'MINIMAL')
    -- 60-VW510-115251-000-0000 and 60-VW510-115151-000-0000 are listed without a level, as
    -- are blank and unknown codes: NULL.
),
"judged" AS (
    SELECT r.*, left(r."invoice_no", 2) = 'AD' AS "ad", a."reference" IS NOT NULL AS "aged_debt", k."gl_date",
           l."level",
           CASE WHEN btrim(coalesce(r."invoice_no", '')) = '' THEN 1
                WHEN r."amount" IS NULL THEN 2
                WHEN r."amount" = 0 THEN 3
                WHEN r."created" IS NULL THEN 4
                WHEN r."created" < DATE '2019-04-01' AND NOT coalesce(a."outstanding", false) THEN 5
                WHEN c."case_no" IS NULL THEN 6 END AS "first_rule"
      FROM "validation"."casrec_fee_rows" r
      LEFT JOIN "aged" a ON a."reference" = r."invoice_no"
      LEFT JOIN "checked" k ON k."reference" = r."invoice_no"
      LEFT JOIN "levels" l ON l."code" = r."gl_code"
      LEFT JOIN "validation"."casrec_finance_clients" c ON c."case_no" = r."case_no"
     WHERE NOT r."credit"
),
"ranked" AS (
    SELECT j.*, row_number() OVER (PARTITION BY j."invoice_no", j."first_rule" IS NULL ORDER BY j."casrec_row_id") AS "n"
      FROM "judged" j
)
SELECT r."casrec_row_id", r."case_no",
       CASE WHEN r."ad" THEN 'finance_invoice_ad' ELSE 'finance_invoice_non_ad' END AS "target",
       coalesce(r."first_rule", CASE WHEN r."n" > 1 THEN 7 END) AS "rule",
       'invoice:' || r."invoice_no" AS "migration_key",
       r."invoice_no" AS "reference",
       CASE WHEN r."ad" THEN 'AD' ELSE left(r."invoice_no", 2) END AS "feetype",
       CASE WHEN r."ad" THEN r."created" ELSE make_date("validation"."tax_year"(r."created"), 4, 1) END AS "startdate",
       CASE WHEN r."ad" THEN CAST(r."created" + interval '1 year' AS date)
            ELSE make_date("validation"."tax_year"(r."created") + 1, 3, 31) END AS "enddate",
       r."created" AS "raiseddate",
       -- Pounds to pence exactly; numeric's round takes a half away from zero.
       round(r."amount" * 100) AS "amount",
       r."level" AS "supervisionlevel",
       coalesce(r."gl_date", CASE WHEN r."aged_debt" THEN x."d" END) AS "confirmeddate"
  FROM "ranked" r CROSS JOIN "as_of" x;
CREATE INDEX ON "validation"."casrec_fee_invoices" ("reference") WHERE "rule" IS NULL;
ANALYZE "validation"."casrec_fee_invoices";

-- Credits (target finance_ledger_credits) and their allocations (finance_allocation_credits,
-- one per ledger credit, from the same line). A credit belongs to the client of the invoice it
-- reduces (its Orig Invoice), which the money per client reads. The type is the first of Z, CR
-- and WO that the Invoice No starts or ends with, case and all.
CREATE TABLE "validation"."casrec_fee_credits" AS
WITH "invoices" AS (
    SELECT "reference", "case_no" FROM "validation"."casrec_fee_invoices" WHERE "rule" IS NULL
),
"checked" AS (
    SELECT "Invoice Number" AS "reference", min("validation"."casrec_date"("GL Date")) AS "gl_date"
      FROM "casrec_csv"."sop_feecheckcredits" GROUP BY 1
),
"judged" AS (
    SELECT r.*, i."case_no" AS "invoice_case", k."reference" IS NOT NULL AS "checked", k."gl_date",
           CASE WHEN left(r."invoice_no", 1) = 'Z' OR right(r."invoice_no", 1) = 'Z' THEN 'CREDIT REMISSION'
                WHEN left(r."invoice_no", 2) = 'CR' OR right(r."invoice_no", 2) = 'CR' THEN 'CREDIT MEMO'
                WHEN left(r."invoice_no", 2) = 'WO' OR right(r."invoice_no", 2) = 'WO' THEN 'CREDIT WRITE OFF'
           END AS "type"
      FROM "validation"."casrec_fee_rows" r
      LEFT JOIN "invoices" i ON i."reference" = r."orig_invoice"
      LEFT JOIN "checked" k ON k."reference" = r."invoice_no"
     WHERE r."credit"
),
"ruled" AS (
    SELECT j.*, CASE WHEN j."amount" IS NULL THEN 1
                     WHEN j."invoice_case" IS NULL THEN 2
                     WHEN j."type" IS NULL THEN 3
                     WHEN j."created" IS NULL THEN 4 END AS "first_rule"
      FROM "judged" j
),
"ranked" AS (
    SELECT r.*, row_number() OVER (PARTITION BY r."invoice_no", r."first_rule" IS NULL ORDER BY r."casrec_row_id") AS "n"
      FROM "ruled" r
)
SELECT r."casrec_row_id", r."case_no", r."invoice_case", r."orig_invoice", r."invoice_no",
       coalesce(r."first_rule", CASE WHEN r."n" > 1 THEN 5 END) AS "rule",
       CASE WHEN coalesce(r."first_rule", CASE WHEN r."n" > 1 THEN 5 END) IS NOT NULL THEN 1 END AS "allocation_rule",
       'credit:' || r."invoice_no" AS "migration_key",
       'allocation:' || r."invoice_no" AS "allocation_key",
       r."type",
       r."created_at" AS "datetime",
       r."created" AS "bankdate",
       -- Pounds to the penny as numeric(12,2) holds them, exactly.
       round(abs(r."amount"), 2) AS "amount",
       r."gl_date" AS "allocateddate",
       CASE WHEN r."checked" THEN 'ALLOCATED' ELSE 'PENDING' END AS "status"
  FROM "ranked" r;
ANALYZE "validation"."casrec_fee_credits";

-- Remissions and exemptions (targets finance_remissions, finance_exemptions): one per flag set
-- (neither blank nor 0) on the deciding pat row of an in-scope case, from 1 April 2021 to the
-- end of the financial year of the award.
CREATE TABLE "validation"."casrec_fee_reductions" AS
SELECT p."casrec_row_id", p."Case" AS "case_no", d."target", d."discounttype",
       d."prefix" || p."Case" AS "migration_key",
       CASE WHEN btrim(coalesce(p."Award Date", '')) = '' THEN 1
            WHEN "validation"."casrec_date"(p."Award Date") IS NULL THEN 2
            WHEN "validation"."casrec_date"(p."Award Date") < DATE '2021-04-02' THEN 3
            WHEN c."case_no" IS NULL THEN 4 END AS "rule",
       DATE '2021-04-01' AS "startdate",
       "validation"."fee_reduction_end_date"("validation"."casrec_date"(p."Award Date")) AS "enddate"
  FROM "casrec_csv"."pat" p
  JOIN "scope"."cases" s ON s."casrec_row_id" = p."casrec_row_id" AND s."in_scope"
  LEFT JOIN "validation"."casrec_finance_clients" c ON c."case_no" = p."Case"
 CROSS JOIN LATERAL (VALUES ('finance_remissions', 'REMISSION', 'remission:', p."Remis"),
                            ('finance_exemptions', 'EXEMPTION', 'exemption:', p."Exempt"))
       AS d ("target", "discounttype", "prefix", "flag")
 WHERE btrim(coalesce(d."flag", '')) NOT IN ('', '0');
ANALYZE "validation"."casrec_fee_reductions";

-- Billed orders (target finance_order): each order line of an in-scope case of type 1, 2, 40 or
-- 41, not Open, with a risk level; billed from the earliest Start Date among the order's risk
-- assessments. Only the line that made the order (validation.casrec_orders) can bill it.
CREATE TABLE "validation"."casrec_billed_orders" AS
WITH "starts" AS (
    SELECT "Order No" AS "order_no", min("validation"."casrec_date"("Start Date")) AS "start"
      FROM "casrec_csv"."risk_assessment" GROUP BY 1
)
SELECT o."casrec_row_id", o."Case" AS "case_no", o."Order No" AS "order_no",
       'finance_order:' || o."Order No" AS "migration_key",
       CASE WHEN m."casrec_row_id" IS NULL THEN 1 WHEN st."start" IS NULL THEN 2 END AS "rule",
       st."start" AS "billing_start_date"
  FROM "casrec_csv"."order" o
  JOIN "scope"."cases" s ON s."case_no" = o."Case" AND s."in_scope"
  LEFT JOIN "validation"."casrec_orders" m ON m."casrec_row_id" = o."casrec_row_id"
  LEFT JOIN "starts" st ON st."order_no" = o."Order No"
 WHERE o."Ord Type" IN ('1', '2', '40', '41') AND o."Ord Stat" <> 'Open'
   AND btrim(coalesce(o."Ord Risk Lvl", '')) NOT IN ('', '0');
ANALYZE "validation"."casrec_billed_orders";

-- Every source row of every finance target once, with the rule that left it out (NULL:
-- migrated): the report's account and the expected counts read it. A credit line is a source
-- row of both the ledger and the allocation target.
CREATE TABLE "validation"."casrec_finance_account" AS
SELECT "target", 'finance_invoice' AS "sirius_table", 'feeexport' AS "source_table", 'invoice' AS "rules",
       "casrec_row_id", "case_no", "rule"
  FROM "validation"."casrec_fee_invoices"
UNION ALL
SELECT 'finance_ledger_credits', 'finance_ledger', 'feeexport', 'credit', "casrec_row_id", "case_no", "rule"
  FROM "validation"."casrec_fee_credits"
UNION ALL
SELECT 'finance_allocation_credits', 'finance_ledger_allocation', 'feeexport', 'allocation', "casrec_row_id", "case_no",
       "allocation_rule"
  FROM "validation"."casrec_fee_credits"
UNION ALL
SELECT "target", 'finance_remission_exemption', 'pat', 'discount', "casrec_row_id", "case_no", "rule"
  FROM "validation"."casrec_fee_reductions"
UNION ALL
SELECT 'finance_order', 'finance_order', 'order', 'order', "casrec_row_id", "case_no", "rule"
  FROM "validation"."casrec_billed_orders";
ANALYZE "validation"."casrec_finance_account";
