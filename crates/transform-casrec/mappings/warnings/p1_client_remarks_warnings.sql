-- p1_client_remarks_warnings: a warning for each priority remark (Pri 1) on a migrated client's
-- case, saying what the remark says (as CasRec holds it; blank as NULL) from the day it was logged.
SELECT
    r."casrec_row_id",
    -- A case has any number of priority remarks: the n-th in the file is the n-th key.
    'client_remarks_warning:' || r."Case" || ':'
        || CAST(row_number() OVER (PARTITION BY r."Case" ORDER BY r."casrec_row_id") AS VARCHAR) AS "migration_key",
    r."Case" AS "c_case",
    r."Pri" AS "c_pri",
    CAST(2657 AS INT) AS "added_by",
    'Other' AS "warningtype",
    CASE WHEN btrim(r."Remarks") = '' THEN NULL ELSE r."Remarks" END AS "warningtext",
    casrec_timestamp(r."Logdate", r."casrec_row_id", 'Logdate') AS "dateadded",
    true AS "systemstatus"
FROM t_client_persons cp
JOIN remarks r ON r."Case" = cp."caserecnumber"
WHERE r."Pri" = '1'
ORDER BY r."casrec_row_id"
