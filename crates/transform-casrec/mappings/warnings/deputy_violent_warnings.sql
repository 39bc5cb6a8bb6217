-- deputy_violent_warnings: a violence warning (VWM 4), for each migrated deputy whose deputy row
-- has "VWM" 4. The warning is the deputy's from the run's as-of date; person_warning links it to
-- the deputy.
SELECT
    d."casrec_row_id",
    'deputy_violent_warning:' || d."Deputy No" AS "migration_key",
    d."Deputy No" AS "c_deputy_no",
    d."VWM" AS "c_vwm",
    CAST(2657 AS INT) AS "added_by",
    'REM - Violence Warnings' AS "warningtype",
    'Casrec Migration - Violent Warning' AS "warningtext",
    CAST(as_of_date() AS TIMESTAMP) AS "dateadded",
    true AS "systemstatus"
FROM t_deputy_persons dp
JOIN deputy d ON d."casrec_row_id" = dp."casrec_row_id"
WHERE d."VWM" = '4'
ORDER BY d."casrec_row_id"
