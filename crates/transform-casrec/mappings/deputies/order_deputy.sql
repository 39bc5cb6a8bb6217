-- order_deputy: one row per deputyship of an in-scope case whose order and deputy were
-- migrated. A discharged deputyship (Joint 5) is CLOSED / DISCHARGED on the order.
SELECT
    ds."casrec_row_id",
    -- A deputy may hold the same order twice in CasRec: the n-th such deputyship is the n-th key.
    'order_deputy:' || ds."Order No" || ':' || ds."Deputy No" || ':'
        || CAST(row_number() OVER (PARTITION BY ds."Order No", ds."Deputy No" ORDER BY ds."casrec_row_id") AS VARCHAR) AS "migration_key",
    ds."Deputy No" AS "c_deputy_no",
    d."Stat" AS "c_stat",
    ds."Order No" AS "c_order_no",
    ds."Fee Payer" AS "c_fee_payer",
    ds."Case" AS "c_case",
    c."id" AS "order_id",
    p."id" AS "deputy_id",
    lookup('deputy_type', d."Dep Type", NULL, d."casrec_row_id", 'Dep Type') AS "deputytype",
    CASE WHEN ds."Joint" = '5' THEN 'CLOSED'
         ELSE lookup('deputy_status', d."Stat", NULL, d."casrec_row_id", 'Stat') END AS "statusoncase",
    lookup_partial('deputy_relationship', d."Dep Type") AS "relationshiptoclient",
    CASE WHEN ds."Joint" = '5' THEN 'DISCHARGED'
         ELSE lookup_partial('deputy_override', d."Stat") END AS "statusoncaseoverride",
    casrec_timestamp(conditional_lookup('discharge_date', d."Stat", 'Disch Death', d."Disch Death"), d."casrec_row_id", 'Disch Death') AS "statuschangedate"
FROM deputyship ds
JOIN in_scope_cases s ON s."case_no" = ds."Case"
JOIN t_deputy_persons p ON p."c_deputy_no" = ds."Deputy No"
JOIN deputy d ON d."casrec_row_id" = p."casrec_row_id"
JOIN t_cases c ON c."c_order_no" = ds."Order No"
ORDER BY ds."casrec_row_id"
