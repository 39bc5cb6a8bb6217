-- Business rules, applied to integration rows after matching and before load.

-- deputy_fee_payer: a client's fee payer is the deputy whose deputyship says Fee Payer = Y on
-- one of the client's orders (the lowest person id when several do).
UPDATE "integration"."persons" c SET "feepayer_id" = f."deputy_id"
  FROM (SELECT cs."client_id", min(od."deputy_id") AS "deputy_id"
          FROM "integration"."order_deputy" od JOIN "integration"."cases" cs ON cs."id" = od."order_id"
         WHERE od."c_fee_payer" = 'Y' GROUP BY cs."client_id") f
 WHERE c."type" = 'actor_client' AND c."id" = f."client_id";

-- client_status: a client with a date of death is DEATH_CONFIRMED; a client whose orders are
-- all closed is CLOSED; every other migrated client stays ACTIVE.
UPDATE "integration"."persons" c SET "clientstatus" = CASE
        WHEN c."dateofdeath" IS NOT NULL THEN 'DEATH_CONFIRMED'
        WHEN o."orders" > 0 AND o."open_orders" = 0 THEN 'CLOSED'
        ELSE 'ACTIVE' END
  FROM "integration"."persons" p
  LEFT JOIN (SELECT "client_id", count(*) AS "orders",
                    count(*) FILTER (WHERE coalesce("orderstatus", '') <> 'CLOSED') AS "open_orders"
               FROM "integration"."cases" GROUP BY "client_id") o ON o."client_id" = p."id"
 WHERE c."type" = 'actor_client' AND p."transform_id" = c."transform_id";
