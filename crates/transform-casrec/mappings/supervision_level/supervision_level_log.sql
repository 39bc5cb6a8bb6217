-- supervision_level_log: one entry per migrated order, from its risk level.
SELECT
    c."casrec_row_id",
    'supervision_level_log:' || c."c_order_no" AS "migration_key",
    c."c_case",
    c."c_order_no",
    c."id" AS "order_id",
    as_of_date() AS "appliesfrom",
    CAST(as_of_date() AS TIMESTAMP) AS "createddate",
    lookup('supervision_level', o."Ord Risk Lvl", NULL, o."casrec_row_id", 'Ord Risk Lvl') AS "supervisionlevel",
    'placeholder note' AS "notes",
    lookup('asset_level', o."Ord Risk Lvl", NULL, o."casrec_row_id", 'Ord Risk Lvl') AS "assetlevel"
FROM t_cases c
JOIN "order" o ON o."casrec_row_id" = c."casrec_row_id"
ORDER BY c."casrec_row_id"
