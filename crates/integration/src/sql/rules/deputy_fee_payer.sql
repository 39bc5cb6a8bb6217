-- deputy_fee_payer (business rules §2, with its two missing checks put back): a client's fee
-- payer is a deputy who, on one of the client's orders (person_caseitem),
--   * holds a deputyship that says Fee Payer = Y (c_fee_payer),
--   * is ACTIVE on that order (deputy Stat 1 and the deputyship not a discharge, Joint 5), and
--   * has no death notification.
-- The original checked neither of the last two. Where several deputies qualify, the one with the
-- lowest CasRec deputy number pays: it is stable across runs and exports, where the original's
-- UPDATE … FROM took whichever row came first. A client with none keeps NULL and is counted.
-- NOT EXISTS rather than NOT IN: one NULL person_id must not disqualify every deputy.
DROP TABLE IF EXISTS "integration"."fee_payer_decisions";
CREATE UNLOGGED TABLE "integration"."fee_payer_decisions" AS
WITH "qualifying" AS (
    SELECT pc."person_id" AS "client_id", od."deputy_id", d."deputynumber"
      FROM "integration"."order_deputy" od
      JOIN "integration"."person_caseitem" pc ON pc."caseitem_id" = od."order_id"
      JOIN "integration"."persons" d ON d."id" = od."deputy_id"
     WHERE od."c_fee_payer" = 'Y'
       AND od."statusoncase" = 'ACTIVE'
       AND NOT EXISTS (SELECT 1 FROM "integration"."death_notifications" dn WHERE dn."person_id" = od."deputy_id")
), "per_client" AS (
    SELECT "client_id", count(DISTINCT "deputy_id") AS "candidates",
           (array_agg("deputy_id" ORDER BY "deputynumber" NULLS LAST, "deputy_id"))[1] AS "deputy_id",
           (array_agg("deputynumber" ORDER BY "deputynumber" NULLS LAST, "deputy_id"))[1] AS "deputynumber"
      FROM "qualifying" GROUP BY "client_id"
)
SELECT c."id" AS "client_id", c."migration_key", c."caserecnumber",
       coalesce(q."candidates", 0) AS "candidates",
       q."deputy_id" AS "feepayer_id", q."deputynumber" AS "feepayer_deputynumber",
       CASE WHEN q."candidates" IS NULL THEN 'no qualifying deputy: NULL'
            WHEN q."candidates" = 1 THEN 'one qualifying deputy'
            ELSE 'several qualifying deputies: the lowest deputy number' END AS "decision"
  FROM "integration"."persons" c
  LEFT JOIN "per_client" q ON q."client_id" = c."id"
 WHERE c."type" = 'actor_client';

UPDATE "integration"."persons" c SET "feepayer_id" = f."feepayer_id"
  FROM "integration"."fee_payer_decisions" f
 WHERE c."id" = f."client_id" AND c."feepayer_id" IS DISTINCT FROM f."feepayer_id";
