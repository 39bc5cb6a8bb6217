-- Each in-scope client's fee payer recomputed from casrec_csv: a deputy with a deputyship that
-- says Fee Payer = Y on one of the client's migrated orders, that is not a discharge (Joint 5),
-- whose deputy record (the first row of the Deputy No) is active (Stat 1; a deceased deputy is
-- Stat 99, so an active one has no death notification). Several: the lowest deputy number.
CREATE TABLE "validation"."casrec_fee_payer" AS
WITH "deputies" AS (
    SELECT DISTINCT ON ("Deputy No") "Deputy No" AS "deputy_no", "Stat"
      FROM "casrec_csv"."deputy" ORDER BY "Deputy No", "casrec_row_id"
), "qualifying" AS (
    SELECT DISTINCT o."case_no", ds."Deputy No" AS "deputy_no",
           CASE WHEN ds."Deputy No" ~ '^[0-9]{1,9}$' THEN CAST(ds."Deputy No" AS bigint) END AS "deputy_number"
      FROM "casrec_csv"."deputyship" ds
      JOIN "scope"."cases" s ON s."case_no" = ds."Case" AND s."in_scope"
      JOIN "validation"."casrec_orders" o ON o."order_no" = ds."Order No"
      JOIN "deputies" d ON d."deputy_no" = ds."Deputy No"
     WHERE ds."Fee Payer" = 'Y' AND ds."Joint" <> '5' AND d."Stat" = '1'
)
SELECT s."case_no", 'client:' || s."case_no" AS "migration_key",
       count(q."deputy_no") AS "candidates",
       'deputy:' || (array_agg(q."deputy_no" ORDER BY q."deputy_number" NULLS LAST, q."deputy_no")
                       FILTER (WHERE q."deputy_no" IS NOT NULL))[1] AS "feepayer_key"
  FROM "scope"."cases" s
  LEFT JOIN "qualifying" q ON q."case_no" = s."case_no"
 WHERE s."in_scope"
 GROUP BY s."case_no";
