-- client phone numbers: the Client Phone of each migrated client, where there is one (blank, a
-- single space and '0' count as none), as a Home number.
SELECT
    p."casrec_row_id",
    'client_phonenumbers:' || p."Case" AS "migration_key",
    p."Case" AS "c_case",
    cp."id" AS "person_id",
    p."Client Phone" AS "phone_number",
    'Home' AS "type",
    false AS "is_default",
    CAST(as_of_date() AS TIMESTAMP) AS "updateddate"
FROM t_client_persons cp
JOIN pat p ON p."casrec_row_id" = cp."casrec_row_id"
WHERE p."Client Phone" NOT IN ('', ' ', '0')
ORDER BY p."casrec_row_id"
