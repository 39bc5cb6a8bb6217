-- person_timeline_migration_events: each timeline_migration_events event linked to its client by case number,
-- the link keyed by its event's key. Every event was made for a migrated client.
SELECT
    e."casrec_row_id",
    'person_timeline:' || e."migration_key" AS "migration_key",
    e."c_case",
    p."id" AS "person_id",
    e."id" AS "timelineevent_id"
FROM t_timeline_migration_events e
JOIN t_client_persons p ON p."caserecnumber" = e."c_case"
ORDER BY e."casrec_row_id"
