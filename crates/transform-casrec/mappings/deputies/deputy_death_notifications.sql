-- deputy death notifications: one per migrated deputy CasRec records as deceased (Stat 99).
-- CasRec keeps no detail of how a deputy's death was notified, so the original's constants stand.
SELECT
    d."casrec_row_id",
    'deputy_death:' || d."Deputy No" AS "migration_key",
    d."Deputy No" AS "c_deputy_no",
    d."Stat" AS "c_stat",
    p."id" AS "person_id",
    true AS "proofofdeathreceived",
    'OTHER' AS "notifiedby",
    'Migration' AS "notifiedbyother",
    'Migrated' AS "notes"
FROM t_deputy_persons p
JOIN deputy d ON d."casrec_row_id" = p."casrec_row_id"
WHERE d."Stat" = '99'
ORDER BY d."casrec_row_id"
