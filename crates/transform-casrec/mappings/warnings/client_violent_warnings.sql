-- client_violent_warnings: a violence warning (VWM 4), for each migrated client whose pat row has
-- "VWM" 4. The warning is the client's from the run's as-of date; person_warning links it to the
-- client.
SELECT
    p."casrec_row_id",
    'client_violent_warning:' || p."Case" AS "migration_key",
    p."Case" AS "c_case",
    p."VWM" AS "c_vwm",
    CAST(2657 AS INT) AS "added_by",
    'REM - Violence Warnings' AS "warningtype",
    'Casrec Migration - Violent Warning' AS "warningtext",
    CAST(as_of_date() AS TIMESTAMP) AS "dateadded",
    true AS "systemstatus"
FROM t_client_persons cp
JOIN pat p ON p."casrec_row_id" = cp."casrec_row_id"
WHERE p."VWM" = '4'
ORDER BY p."casrec_row_id"
