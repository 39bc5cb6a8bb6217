-- client_saarcheck_warnings: a SAAR check warning, for each migrated client whose pat row has "SAAR
-- Check" Y. The warning is the client's from the run's as-of date; person_warning links it to the
-- client.
SELECT
    p."casrec_row_id",
    'client_saarcheck_warning:' || p."Case" AS "migration_key",
    p."Case" AS "c_case",
    p."SAAR Check" AS "c_saar_check",
    CAST(2657 AS INT) AS "added_by",
    'Other' AS "warningtype",
    'Casrec Migration - SAAR Check Warning' AS "warningtext",
    CAST(as_of_date() AS TIMESTAMP) AS "dateadded",
    true AS "systemstatus"
FROM t_client_persons cp
JOIN pat p ON p."casrec_row_id" = cp."casrec_row_id"
WHERE p."SAAR Check" = 'Y'
ORDER BY p."casrec_row_id"
