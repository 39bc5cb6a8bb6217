-- deputy daytime phone numbers: "Contact Telephone" of each migrated deputy, where there is one (blank, a
-- single space and '0' count as none), as a Work number.
SELECT
    d."casrec_row_id",
    'deputy_daytime_phonenumbers:' || d."Deputy No" AS "migration_key",
    d."Deputy No" AS "c_deputy_no",
    p."id" AS "person_id",
    d."Contact Telephone" AS "phone_number",
    'Work' AS "type",
    false AS "is_default",
    CAST(as_of_date() AS TIMESTAMP) AS "updateddate"
FROM t_deputy_persons p
JOIN deputy d ON d."casrec_row_id" = p."casrec_row_id"
WHERE d."Contact Telephone" NOT IN ('', ' ', '0')
ORDER BY d."casrec_row_id"
