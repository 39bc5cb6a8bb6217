-- deputy evening phone numbers: "Contact Tele2" of each migrated deputy, where there is one (blank, a
-- single space and '0' count as none), as a Home number.
SELECT
    d."casrec_row_id",
    'deputy_evening_phonenumbers:' || d."Deputy No" AS "migration_key",
    d."Deputy No" AS "c_deputy_no",
    p."id" AS "person_id",
    d."Contact Tele2" AS "phone_number",
    'Home' AS "type",
    false AS "is_default",
    CAST(as_of_date() AS TIMESTAMP) AS "updateddate"
FROM t_deputy_persons p
JOIN deputy d ON d."casrec_row_id" = p."casrec_row_id"
WHERE d."Contact Tele2" NOT IN ('', ' ', '0')
ORDER BY d."casrec_row_id"
