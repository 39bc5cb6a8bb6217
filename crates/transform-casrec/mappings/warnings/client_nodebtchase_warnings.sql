-- client_nodebtchase_warnings: a warning that no debt is to be chased, for each migrated client
-- whose pat row has "Debt chase" 1. The warning is the client's from the run's as-of date;
-- person_warning links it to the client.
SELECT
    p."casrec_row_id",
    'client_nodebtchase_warning:' || p."Case" AS "migration_key",
    p."Case" AS "c_case",
    p."Debt chase" AS "c_debt_chase",
    CAST(2657 AS INT) AS "added_by",
    'Other' AS "warningtype",
    'Casrec Migration - No Debt to be chased' AS "warningtext",
    CAST(as_of_date() AS TIMESTAMP) AS "dateadded",
    true AS "systemstatus"
FROM t_client_persons cp
JOIN pat p ON p."casrec_row_id" = cp."casrec_row_id"
WHERE p."Debt chase" = '1'
ORDER BY p."casrec_row_id"
