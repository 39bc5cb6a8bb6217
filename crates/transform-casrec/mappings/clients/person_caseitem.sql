-- person_caseitem: links each migrated order to its client (by case number).
SELECT
    c."casrec_row_id",
    'person_caseitem:' || c."c_order_no" AS "migration_key",
    c."c_case",
    c."c_order_no",
    cp."id" AS "person_id",
    c."id" AS "caseitem_id"
FROM t_cases c
JOIN t_client_persons cp ON cp."caserecnumber" = c."caserecnumber"
ORDER BY c."casrec_row_id"
