-- Report type assignments as CasRec says they are: one per log of validation.casrec_report_logs
-- (account-based and pending), typed by the Ord Risk Lvl of the log's report order: 3 OPG103;
-- 1, 2 or 2A OPG102; anything else, or no report order, none.
SELECT 'report_type:' || l."migration_key" AS "migration_key",
       (SELECT i."id" FROM "integration"."annual_report_logs" i WHERE i."migration_key" = l."migration_key") AS "annualreport_id",
       '-' AS "type",
       CAST(NULL AS text) AS "reporttypeoverride",
       CASE WHEN l."risk" = '3' THEN 'OPG103' WHEN l."risk" IN ('1', '2', '2A') THEN 'OPG102' END AS "reporttype"
  FROM "validation"."casrec_report_logs" l
