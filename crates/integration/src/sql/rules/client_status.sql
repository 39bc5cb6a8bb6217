-- client_status (business rules §1): the original's decision table over the client's migrated
-- orders (integration.cases, linked by client_id) and death notifications; the first row that
-- holds decides. Every client gets a row in integration.client_status_decisions with its facts,
-- the deciding row and the status, and every client's status is set from it, NULL included.
--
--   1 some death notification has proof of death            DEATH_CONFIRMED
--   2 some death notification has a date notified           DEATH_NOTIFIED
--   3 some order is ACTIVE                                  ACTIVE
--   4 the latest order is OPEN                              OPEN
--   5 every order CLOSED or DUPLICATE, and the latest order
--     NEW DEPUTY, INTERIM ORDER, REPLACEMENT or SUPPLEMENTARY CLOSED
--   6 the latest order CLOSED for REGAINED_CAPACITY         REGAINED_CAPACITY
--   7 the latest order CLOSED (any other reason)            INACTIVE
--   8 every order with a status is DUPLICATE                DUPLICATE
--   9 otherwise (no orders, no dated order, …)              NULL
--
-- One difference on purpose: the latest order is the latest order WITH a date. The original
-- sorted by date descending, where PostgreSQL puts NULL first, so an undated order was always
-- "latest". Orders of the same date: the higher CasRec order number (the later order) is latest.
-- Rows 6 and 8 cannot hold for migrated orders today (no closure reason, no DUPLICATE status).
DROP TABLE IF EXISTS "integration"."client_status_decisions";
CREATE UNLOGGED TABLE "integration"."client_status_decisions" AS
WITH "orders" AS (
    SELECT "client_id",
           count(*) AS "orders",
           bool_or(coalesce("orderstatus" = 'ACTIVE', false)) AS "has_active",
           -- A NULL status is neither closed nor a duplicate, so it breaks "every".
           bool_and(coalesce("orderstatus" IN ('CLOSED', 'DUPLICATE'), false)) AS "all_closed",
           coalesce(min("orderstatus") = 'DUPLICATE' AND max("orderstatus") = 'DUPLICATE', false) AS "all_duplicate"
      FROM "integration"."cases" WHERE "client_id" IS NOT NULL GROUP BY "client_id"
), "latest" AS (
    SELECT DISTINCT ON ("client_id") "client_id", "c_order_no" AS "latest_order_no", "orderstatus" AS "latest_status",
           -- CasRec records no closure reason (the mapping leaves orderclosurereason empty, so
           -- the transform writes no such column and row 6 cannot hold today). The placeholder
           -- is the column wherever a target supplies one, and NULL until then (lib.rs).
           {cases.orderclosurereason} AS "latest_closure_reason", "ordersubtype" AS "latest_subtype"
      FROM "integration"."cases" c
     WHERE "client_id" IS NOT NULL AND "orderdate" IS NOT NULL
     ORDER BY "client_id", "orderdate" DESC, "oldcaseid" DESC NULLS LAST, "c_order_no" DESC
), "deaths" AS (
    SELECT "person_id", bool_or(coalesce("proofofdeathreceived", false)) AS "death_proof",
           bool_or("datenotified" IS NOT NULL) AS "death_notified"
      FROM "integration"."death_notifications" GROUP BY "person_id"
), "facts" AS (
    SELECT c."id" AS "person_id", c."migration_key", c."caserecnumber",
           coalesce(d."death_proof", false) AS "death_proof", coalesce(d."death_notified", false) AS "death_notified",
           coalesce(o."orders", 0) AS "orders", coalesce(o."has_active", false) AS "has_active",
           coalesce(o."all_closed", false) AS "all_closed", coalesce(o."all_duplicate", false) AS "all_duplicate",
           l."latest_order_no", l."latest_status", l."latest_closure_reason", l."latest_subtype"
      FROM "integration"."persons" c
      LEFT JOIN "orders" o ON o."client_id" = c."id"
      LEFT JOIN "latest" l ON l."client_id" = c."id"
      LEFT JOIN "deaths" d ON d."person_id" = c."id"
     WHERE c."type" = 'actor_client'
), "decided" AS (
    SELECT f.*, CASE
            WHEN f."death_proof" THEN 1
            WHEN f."death_notified" THEN 2
            WHEN f."has_active" THEN 3
            WHEN f."latest_status" = 'OPEN' THEN 4
            WHEN f."all_closed" AND f."latest_subtype" IN ('NEW DEPUTY', 'INTERIM ORDER', 'REPLACEMENT', 'SUPPLEMENTARY') THEN 5
            WHEN f."latest_status" = 'CLOSED' AND f."latest_closure_reason" = 'REGAINED_CAPACITY' THEN 6
            WHEN f."latest_status" = 'CLOSED' THEN 7
            WHEN f."all_duplicate" THEN 8
            ELSE 9 END AS "rule"
      FROM "facts" f
)
SELECT d.*, r."clientstatus"
  FROM "decided" d
  JOIN (VALUES (1, 'DEATH_CONFIRMED'), (2, 'DEATH_NOTIFIED'), (3, 'ACTIVE'), (4, 'OPEN'), (5, 'CLOSED'),
               (6, 'REGAINED_CAPACITY'), (7, 'INACTIVE'), (8, 'DUPLICATE'), (9, NULL)) r ("rule", "clientstatus")
    ON r."rule" = d."rule";

UPDATE "integration"."persons" c SET "clientstatus" = d."clientstatus"
  FROM "integration"."client_status_decisions" d
 WHERE c."id" = d."person_id" AND c."clientstatus" IS DISTINCT FROM d."clientstatus";
