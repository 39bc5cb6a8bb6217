-- finance_person_ids (business rules §4.1): the migration never creates a billing account
-- (finance_person); it links its finance rows to the account Sirius keeps for the client, as
-- prepare copied them (sirius_ref.finance_person), the lowest where a client has several:
--   invoices by their client (person_id); ledger entries by the invoice their allocation
--   reduces; remissions and exemptions by their client's case number; billable orders by the
--   order's client, only where Sirius's own finance_order did not already name one (kept by
--   matching).
-- A client new to Sirius has no account, so its rows keep NULL and their decision says so;
-- validation counts them, and Sirius's finance module is expected to link them when it opens
-- the client's account. One row per finance row in integration.finance_person_ids_decisions.
DROP TABLE IF EXISTS "integration"."finance_person_ids_decisions";
CREATE UNLOGGED TABLE "integration"."finance_person_ids_decisions" (
    "table_name" text,
    "id" integer,
    "migration_key" text,
    "finance_person_id" integer,
    "decision" text
);

DROP TABLE IF EXISTS "integration"."billing_accounts";
CREATE UNLOGGED TABLE "integration"."billing_accounts" ("person_id" integer, "finance_person_id" integer);

DO $rule$
BEGIN
    -- prepare copies Sirius's accounts; a database prepared before it did has none to link.
    IF to_regclass('"sirius_ref"."finance_person"') IS NOT NULL THEN
        INSERT INTO "integration"."billing_accounts"
        SELECT CAST("person_id" AS integer), CAST(min("id") AS integer)
          FROM "sirius_ref"."finance_person" WHERE "person_id" IS NOT NULL GROUP BY "person_id";
    END IF;
    CREATE INDEX ON "integration"."billing_accounts" ("person_id");
    ANALYZE "integration"."billing_accounts";

    IF to_regclass('"integration"."finance_invoice"') IS NOT NULL THEN
        UPDATE "integration"."finance_invoice" i SET "finance_person_id" = b."finance_person_id"
          FROM "integration"."billing_accounts" b WHERE b."person_id" = i."person_id";
        INSERT INTO "integration"."finance_person_ids_decisions"
        SELECT 'finance_invoice', i."id", i."migration_key", i."finance_person_id",
               CASE WHEN i."finance_person_id" IS NOT NULL THEN 'the client''s billing account'
                    ELSE 'no billing account: the client is new to Sirius' END
          FROM "integration"."finance_invoice" i;
    END IF;

    IF to_regclass('"integration"."finance_ledger"') IS NOT NULL THEN
        IF to_regclass('"integration"."finance_ledger_allocation"') IS NOT NULL
           AND to_regclass('"integration"."finance_invoice"') IS NOT NULL THEN
            UPDATE "integration"."finance_ledger" l SET "finance_person_id" = x."finance_person_id"
              FROM (SELECT a."ledger_entry_id", min(i."finance_person_id") AS "finance_person_id"
                      FROM "integration"."finance_ledger_allocation" a
                      JOIN "integration"."finance_invoice" i ON i."id" = a."invoice_id"
                     GROUP BY a."ledger_entry_id") x
             WHERE x."ledger_entry_id" = l."id";
        END IF;
        INSERT INTO "integration"."finance_person_ids_decisions"
        SELECT 'finance_ledger', l."id", l."migration_key", l."finance_person_id",
               CASE WHEN l."finance_person_id" IS NOT NULL THEN 'the billing account of the invoice it reduces'
                    ELSE 'no billing account: the invoice it reduces has none' END
          FROM "integration"."finance_ledger" l;
    END IF;

    IF to_regclass('"integration"."finance_remission_exemption"') IS NOT NULL THEN
        UPDATE "integration"."finance_remission_exemption" r SET "finance_person_id" = x."finance_person_id"
          FROM (SELECT p."caserecnumber", min(b."finance_person_id") AS "finance_person_id"
                  FROM "integration"."persons" p
                  JOIN "integration"."billing_accounts" b ON b."person_id" = p."id"
                 WHERE p."type" = 'actor_client'
                 GROUP BY p."caserecnumber") x
         WHERE x."caserecnumber" = r."c_case";
        INSERT INTO "integration"."finance_person_ids_decisions"
        SELECT 'finance_remission_exemption', r."id", r."migration_key", r."finance_person_id",
               CASE WHEN r."finance_person_id" IS NOT NULL THEN 'the client''s billing account'
                    ELSE 'no billing account: the client is new to Sirius' END
          FROM "integration"."finance_remission_exemption" r;
    END IF;

    IF to_regclass('"integration"."finance_order"') IS NOT NULL THEN
        UPDATE "integration"."finance_order" o SET "finance_person_id" = b."finance_person_id"
          FROM "integration"."cases" c
          JOIN "integration"."billing_accounts" b ON b."person_id" = c."client_id"
         WHERE c."id" = o."order_id" AND o."finance_person_id" IS NULL;
        -- Decided by what the row holds now, so that applying the rule again decides the same.
        INSERT INTO "integration"."finance_person_ids_decisions"
        SELECT 'finance_order', o."id", o."migration_key", o."finance_person_id",
               CASE WHEN o."finance_person_id" IS NULL THEN 'no billing account: the order''s client is new to Sirius'
                    WHEN o."finance_person_id" = b."finance_person_id" THEN 'the billing account of the order''s client'
                    ELSE 'kept: Sirius''s finance order names another account' END
          FROM "integration"."finance_order" o
          LEFT JOIN "integration"."cases" c ON c."id" = o."order_id"
          LEFT JOIN "integration"."billing_accounts" b ON b."person_id" = c."client_id";
    END IF;
END
$rule$;
