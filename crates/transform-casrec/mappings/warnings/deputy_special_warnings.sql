-- deputy_special_warnings: a special interest marker (SIM 3), for each migrated deputy whose deputy
-- row has "SIM" 3. The warning is the deputy's from the run's as-of date; person_warning links it
-- to the deputy.
SELECT
    d."casrec_row_id",
    'deputy_special_warning:' || d."Deputy No" AS "migration_key",
    d."Deputy No" AS "c_deputy_no",
    d."SIM" AS "c_sim",
    CAST(2657 AS INT) AS "added_by",
    'REM - Special Interest Markers' AS "warningtype",
    'Casrec Migration - Special Interest Warning' AS "warningtext",
    CAST(as_of_date() AS TIMESTAMP) AS "dateadded",
    true AS "systemstatus"
FROM t_deputy_persons dp
JOIN deputy d ON d."casrec_row_id" = dp."casrec_row_id"
WHERE d."SIM" = '3'
ORDER BY d."casrec_row_id"
