-- client_special_warnings: a special interest marker (SIM 3), for each migrated client whose pat
-- row has "SIM" 3. The warning is the client's from the run's as-of date; person_warning links it
-- to the client.
SELECT
    p."casrec_row_id",
    'client_special_warning:' || p."Case" AS "migration_key",
    p."Case" AS "c_case",
    p."SIM" AS "c_sim",
    CAST(2657 AS INT) AS "added_by",
    'REM - Special Interest Markers' AS "warningtype",
    'Casrec Migration - Special Interest Warning' AS "warningtext",
    CAST(as_of_date() AS TIMESTAMP) AS "dateadded",
    true AS "systemstatus"
FROM t_client_persons cp
JOIN pat p ON p."casrec_row_id" = cp."casrec_row_id"
WHERE p."SIM" = '3'
ORDER BY p."casrec_row_id"
