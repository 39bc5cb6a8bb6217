-- Money per client (the issue's "done when"): for each client, the totals CasRec says Sirius
-- should hold beside those Sirius holds for this run, in exact numeric arithmetic.
--
-- CasRec (casrec_finance.sql): the client's migrated invoices' amounts in pence; the migrated
-- credits' and allocations' amounts in pounds, each credit counted for the client of the
-- invoice it reduces (its Orig Invoice), as Sirius links it.
-- Sirius (validation.sirius_<table>, the rows of this run lib.rs copied): finance_invoice.amount
-- of the client's person; finance_ledger.amount of each credit allocated to the client's
-- invoices, once per credit; finance_ledger_allocation.amount on the client's invoices. A
-- person is the client of the case integration gave it (validation.casrec_finance_clients);
-- an invoice of any other person, or of none, is listed under no case.
CREATE TABLE "validation"."money_per_client" AS
WITH "casrec" AS (
    SELECT "case_no", sum("amount") AS "invoiced", 0 AS "credited", 0 AS "allocated"
      FROM "validation"."casrec_fee_invoices" WHERE "rule" IS NULL GROUP BY 1
    UNION ALL
    SELECT "invoice_case", 0, coalesce(sum("amount") FILTER (WHERE "rule" IS NULL), 0),
           coalesce(sum("amount") FILTER (WHERE "allocation_rule" IS NULL), 0)
      FROM "validation"."casrec_fee_credits" WHERE "rule" IS NULL OR "allocation_rule" IS NULL GROUP BY 1
),
"casrec_sums" AS (
    SELECT "case_no", sum("invoiced") AS "invoiced", sum("credited") AS "credited", sum("allocated") AS "allocated"
      FROM "casrec" GROUP BY 1
),
"invoices" AS (
    SELECT a."key" AS "invoice", CAST(a."doc" ->> 'person_id' AS integer) AS "person_id",
           CAST(a."doc" ->> 'amount' AS numeric) AS "amount"
      FROM "validation"."sirius_finance_invoice" a
),
"allocations" AS (
    SELECT i."person_id", x."doc" ->> 'ledger_entry_id' AS "ledger", CAST(x."doc" ->> 'amount' AS numeric) AS "amount"
      FROM "validation"."sirius_finance_ledger_allocation" x
      JOIN "invoices" i ON i."invoice" = x."doc" ->> 'invoice_id'
),
"sirius" AS (
    SELECT "person_id", sum("amount") AS "invoiced", 0 AS "credited", 0 AS "allocated" FROM "invoices" GROUP BY 1
    UNION ALL
    SELECT c."person_id", 0, sum(CAST(l."doc" ->> 'amount' AS numeric)), 0
      FROM (SELECT DISTINCT "person_id", "ledger" FROM "allocations") c
      JOIN "validation"."sirius_finance_ledger" l ON l."key" = c."ledger"
     GROUP BY 1
    UNION ALL
    SELECT "person_id", 0, 0, sum("amount") FROM "allocations" GROUP BY 1
),
"sirius_sums" AS (
    SELECT s."person_id", c."case_no", sum(s."invoiced") AS "invoiced", sum(s."credited") AS "credited",
           sum(s."allocated") AS "allocated"
      FROM "sirius" s
      LEFT JOIN "validation"."casrec_finance_clients" c ON c."client_id" = s."person_id"
     GROUP BY 1, 2
)
SELECT coalesce(k."case_no", s."case_no") AS "case_no", s."person_id",
       coalesce(k."invoiced", 0) AS "casrec_invoiced", coalesce(s."invoiced", 0) AS "sirius_invoiced",
       coalesce(k."credited", 0) AS "casrec_credited", coalesce(s."credited", 0) AS "sirius_credited",
       coalesce(k."allocated", 0) AS "casrec_allocated", coalesce(s."allocated", 0) AS "sirius_allocated",
       coalesce(k."invoiced", 0) = coalesce(s."invoiced", 0) AND coalesce(k."credited", 0) = coalesce(s."credited", 0)
           AND coalesce(k."allocated", 0) = coalesce(s."allocated", 0) AS "agree"
  FROM "casrec_sums" k
  FULL JOIN "sirius_sums" s ON s."case_no" = k."case_no";
