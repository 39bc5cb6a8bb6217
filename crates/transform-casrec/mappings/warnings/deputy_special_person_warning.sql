-- deputy_special_person_warning: the deputy each deputy special interest warning is about, by
-- Deputy No. Every warning was made for a migrated deputy, so an inner join leaves none without its
-- person (the original's left join could write a NULL person_id).
SELECT
    w."casrec_row_id",
    'person_warning:' || w."migration_key" AS "migration_key",
    w."c_deputy_no",
    p."id" AS "person_id",
    w."id" AS "warning_id"
FROM t_deputy_special_warnings w
JOIN t_deputy_persons p ON p."c_deputy_no" = w."c_deputy_no"
ORDER BY w."casrec_row_id"
