-- p1_client_remarks_person_warning: the client each priority remark warning is about, by case
-- number. Every warning was made for a migrated client, so every one finds its person (the inner
-- join the original used).
SELECT
    w."casrec_row_id",
    'person_warning:' || w."migration_key" AS "migration_key",
    w."c_case",
    p."id" AS "person_id",
    w."id" AS "warning_id"
FROM t_p1_client_remarks_warnings w
JOIN t_client_persons p ON p."caserecnumber" = w."c_case"
ORDER BY w."casrec_row_id"
