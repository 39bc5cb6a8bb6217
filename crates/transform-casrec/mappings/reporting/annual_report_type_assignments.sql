-- annual_report_type_assignments: the report type of each account report log, from the supervision
-- level (Ord Risk Lvl) of the log's report order: 3 (minimal) the short report OPG103, 1, 2 and
-- 2A (general) the full report OPG102; any other level, or a log without an ACTIVE order, no
-- type. The original took the first Active order in table order; here it is the order the log
-- names, so the type and the order agree in every run. type is the original's '-'.
SELECT
    l."casrec_row_id",
    'report_type:' || l."migration_key" AS "migration_key",
    l."id" AS "annualreport_id",
    CASE WHEN o."Ord Risk Lvl" = '3' THEN 'OPG103'
         WHEN o."Ord Risk Lvl" IN ('1', '2', '2A') THEN 'OPG102' END AS "reporttype",
    CAST(NULL AS VARCHAR) AS "reporttypeoverride",
    '-' AS "type"
FROM t_annual_report_logs l
LEFT JOIN (SELECT o."Order No", o."Ord Risk Lvl",
                  row_number() OVER (PARTITION BY o."Order No" ORDER BY o."casrec_row_id") AS "rn"
             FROM "order" o) o ON o."Order No" = l."c_order_no" AND o."rn" = 1
ORDER BY l."casrec_row_id"
