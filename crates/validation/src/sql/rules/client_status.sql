-- Each in-scope client's status recomputed from casrec_csv (the deciding pat row and the
-- migrated orders), with the decision table of business rules §1 written again here: the
-- integration rule's tables are not read, so a mistake in either shows as a difference.
-- The latest order is the latest with a Made Date, ties to the higher order number. CasRec has
-- no closure reason and no DUPLICATE status, so rows 6 and 8 cannot hold here.
CREATE TABLE "validation"."casrec_client_status" AS
WITH "per_case" AS (
    SELECT "case_no", bool_or(coalesce("status" = 'ACTIVE', false)) AS "has_active",
           bool_and(coalesce("status" IN ('CLOSED', 'DUPLICATE'), false)) AS "all_closed"
      FROM "validation"."casrec_orders" GROUP BY "case_no"
), "latest" AS (
    SELECT DISTINCT ON ("case_no") "case_no", "status", "subtype"
      FROM "validation"."casrec_orders" WHERE "made" IS NOT NULL
     ORDER BY "case_no", "made" DESC, "order_number" DESC NULLS LAST, "order_no" DESC
), "facts" AS (
    SELECT s."case_no",
           p."Term Type" = 'D' AND p."Proof" = 'Y' AS "death_proof",
           p."Term Type" = 'D' AND "validation"."casrec_date"(p."Notified") IS NOT NULL AS "death_notified",
           coalesce(c."has_active", false) AS "has_active", coalesce(c."all_closed", false) AS "all_closed",
           l."status" AS "latest_status", l."subtype" AS "latest_subtype"
      FROM "scope"."cases" s
      JOIN "casrec_csv"."pat" p ON p."casrec_row_id" = s."casrec_row_id"
      LEFT JOIN "per_case" c ON c."case_no" = s."case_no"
      LEFT JOIN "latest" l ON l."case_no" = s."case_no"
     WHERE s."in_scope"
)
SELECT "case_no", 'client:' || "case_no" AS "migration_key", "rule",
       CASE "rule" WHEN 1 THEN 'DEATH_CONFIRMED' WHEN 2 THEN 'DEATH_NOTIFIED' WHEN 3 THEN 'ACTIVE' WHEN 4 THEN 'OPEN'
                   WHEN 5 THEN 'CLOSED' WHEN 7 THEN 'INACTIVE' END AS "clientstatus"
  FROM (SELECT f."case_no", CASE
            WHEN f."death_proof" THEN 1
            WHEN f."death_notified" THEN 2
            WHEN f."has_active" THEN 3
            WHEN f."latest_status" = 'OPEN' THEN 4
            WHEN f."all_closed" AND f."latest_subtype" IN ('NEW DEPUTY', 'INTERIM ORDER', 'REPLACEMENT', 'SUPPLEMENTARY') THEN 5
            WHEN f."latest_status" = 'CLOSED' THEN 7
            ELSE 9 END AS "rule"
          FROM "facts" f) d;
