-- Per business rule and decision: the clients integration's rule gave it and the clients CasRec
-- says should get it (validation's recomputation), side by side for the report.
WITH "integration" AS (
    SELECT 'client_status' AS "rule", 'row ' || "rule" || ': ' || coalesce("clientstatus", 'NULL') AS "decision", count(*) AS "n"
      FROM "integration"."client_status_decisions" GROUP BY 2
    UNION ALL
    SELECT 'deputy_fee_payer', "decision", count(*) FROM "integration"."fee_payer_decisions" GROUP BY 2
), "casrec" AS (
    SELECT 'client_status' AS "rule", 'row ' || "rule" || ': ' || coalesce("clientstatus", 'NULL') AS "decision", count(*) AS "n"
      FROM "validation"."casrec_client_status" GROUP BY 2
    UNION ALL
    SELECT 'deputy_fee_payer', CASE WHEN "candidates" = 0 THEN 'no qualifying deputy: NULL'
                                    WHEN "candidates" = 1 THEN 'one qualifying deputy'
                                    ELSE 'several qualifying deputies: the lowest deputy number' END, count(*)
      FROM "validation"."casrec_fee_payer" GROUP BY 2
)
SELECT coalesce(i."rule", c."rule"), coalesce(i."decision", c."decision"), coalesce(i."n", 0), coalesce(c."n", 0)
  FROM "integration" i FULL JOIN "casrec" c ON c."rule" = i."rule" AND c."decision" = i."decision"
 ORDER BY 1, 2
