-- Person ↔ timeline links as CasRec says they are: each event recomputed in timeline_event.sql
-- belongs to the client of its case. person_id and timelineevent_id are the ids integration gave
-- the client and the event of the same CasRec keys.
SELECT 'person_timeline:' || e."migration_key" AS "migration_key",
       (SELECT i."id" FROM "integration"."persons" i
         WHERE i."migration_key" = 'client:' || split_part(e."migration_key", ':', 2)) AS "person_id",
       (SELECT i."id" FROM "integration"."timeline_event" i WHERE i."migration_key" = e."migration_key") AS "timelineevent_id"
  FROM "validation"."casrec_timeline_event" e
