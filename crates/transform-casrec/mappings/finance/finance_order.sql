-- finance_order: each migrated order CasRec bills (Ord Type 1, 2, 40 or 41, not Open, with a
-- risk level), with the day billing starts: the earliest Start Date of the order's risk
-- assessments. Sirius needs that day, so an order without one is left out and recorded for a
-- person to supply (the original wrote NULL and the load failed). Each order row is joined to
-- its own migrated order; the original's chunked inner join silently skipped every later chunk
-- after one that matched nothing. integration's finance_person_ids rule gives it the client's
-- billing account.
WITH billable AS (
    SELECT o."casrec_row_id", o."Case", o."Order No", c."id" AS "order_id"
      FROM "order" o
      JOIN in_scope_cases s ON s."case_no" = o."Case"
      LEFT JOIN t_cases c ON c."casrec_row_id" = o."casrec_row_id"
     WHERE o."Ord Type" IN ('1', '2', '40', '41') AND o."Ord Stat" <> 'Open'
       AND coalesce(btrim(o."Ord Risk Lvl"), '') NOT IN ('', '0')
),
started AS (
    -- Each risk assessment date is read against the order row it bills, so what cannot be read
    -- is recorded on that row.
    SELECT b."casrec_row_id",
           min(casrec_date(r."Start Date", b."casrec_row_id", 'Start Date (risk_assessment)')) AS "start"
      FROM billable b JOIN risk_assessment r ON r."Order No" = b."Order No"
     WHERE b."order_id" IS NOT NULL
     GROUP BY b."casrec_row_id"
),
judged AS (
    SELECT b.*,
           CASE WHEN b."order_id" IS NOT NULL THEN
                CAST(required(CAST(st."start" AS VARCHAR), b."Order No", b."casrec_row_id",
                              'Start Date (risk_assessment of the order)') AS DATE) END AS "billing_start_date"
      FROM billable b
      LEFT JOIN started st ON st."casrec_row_id" = b."casrec_row_id"
)
SELECT
    j."casrec_row_id",
    'finance_order:' || j."Order No" AS "migration_key",
    j."Case" AS "c_case",
    j."Order No" AS "c_order_no",
    CAST(NULL AS INT) AS "finance_person_id",
    j."order_id",
    j."billing_start_date",
    CASE WHEN j."order_id" IS NULL THEN 'its order was not migrated'
         WHEN j."billing_start_date" IS NULL
             THEN 'no risk assessment of the order has a Start Date: Sirius needs the day billing starts (quarantined)'
    END AS "left_out"
FROM judged j
ORDER BY j."casrec_row_id"
