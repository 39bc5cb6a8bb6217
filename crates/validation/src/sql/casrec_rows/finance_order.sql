-- Billed orders as CasRec says they are: every migrated row of validation.casrec_billed_orders
-- (casrec_finance.sql), with the id integration gave the order. A finance_order Sirius already
-- held keeps its own billing account (the registry's keep): the account Sirius had when
-- integration read it (integration.sirius_finance_order, Sirius's facts, by the row it matched)
-- unless it had none; otherwise the billing account of the order's client.
SELECT b."migration_key",
       o."id" AS "order_id",
       coalesce(f."finance_person_id", c."finance_person_id") AS "finance_person_id",
       b."billing_start_date"
  FROM "validation"."casrec_billed_orders" b
  LEFT JOIN "integration"."cases" o ON o."migration_key" = 'order:' || b."order_no"
  LEFT JOIN "validation"."casrec_finance_clients" c ON c."case_no" = b."case_no"
  LEFT JOIN "integration"."finance_order" i ON i."migration_key" = b."migration_key"
  LEFT JOIN "integration"."sirius_finance_order" f ON f."id" = i."sirius_id"
 WHERE b."rule" IS NULL
