-- timeline_payload_ids (business rules §5.2, changed on purpose): every migrated timeline event's
-- NoteCreated payload names its person by Sirius id and uid. The original left personId and
-- personUid empty; here, once persons have their Sirius ids and uids, each event's payload takes
-- the id and uid (formatted as Sirius shows it, 7000-0000-0138) of the person person_timeline
-- links it to. An event with no linked person keeps them empty. The payload's text is edited in
-- place, so its key order and spacing stay as the transform wrote them. One row per event in
-- integration.timeline_payload_ids_decisions; a build without the timeline has none.
DROP TABLE IF EXISTS "integration"."timeline_payload_ids_decisions";
CREATE UNLOGGED TABLE "integration"."timeline_payload_ids_decisions" (
    "event_id" integer,
    "migration_key" text,
    "person_id" integer,
    "person_uid" text,
    "decision" text
);

DO $rule$
DECLARE
    "event_type" text;
BEGIN
    IF to_regclass('"integration"."timeline_event"') IS NULL OR to_regclass('"integration"."person_timeline"') IS NULL
       OR to_regclass('"integration"."persons"') IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO "integration"."timeline_payload_ids_decisions"
    SELECT e."id", e."migration_key", p."id",
           CASE WHEN p."uid" IS NOT NULL THEN
                substr(CAST(p."uid" AS text), 1, 4) || '-' || substr(CAST(p."uid" AS text), 5, 4) || '-'
                || substr(CAST(p."uid" AS text), 9) END,
           CASE WHEN p."id" IS NULL THEN 'no linked person'
                WHEN p."uid" IS NULL THEN 'person id written, the person has no uid'
                ELSE 'person id and uid written' END
      FROM "integration"."timeline_event" e
      -- An event has one link; were there several, the lowest person id names it. One grouped
      -- pass, hashed to the events (a per-event subquery scanned the links once per event).
      LEFT JOIN (
            SELECT pt."timelineevent_id", min(pt."person_id") AS "person_id"
              FROM "integration"."person_timeline" pt GROUP BY pt."timelineevent_id") l
        ON l."timelineevent_id" = e."id"
      LEFT JOIN "integration"."persons" p ON p."id" = l."person_id";

    -- The transform writes the payload as text; whatever type the column has, it keeps it.
    SELECT format_type(a.atttypid, a.atttypmod) INTO "event_type"
      FROM pg_attribute a
     WHERE a.attrelid = to_regclass('"integration"."timeline_event"') AND a.attname = 'event' AND NOT a.attisdropped;
    EXECUTE format(
        $sql$UPDATE "integration"."timeline_event" e
                SET "event" = CAST(regexp_replace(regexp_replace(CAST(e."event" AS text),
                        '"personId": *"[^"]*"', '"personId": "' || d."person_id" || '"'),
                        '"personUid": *"[^"]*"', '"personUid": "' || coalesce(d."person_uid", '') || '"') AS %s)
               FROM "integration"."timeline_payload_ids_decisions" d
              WHERE d."event_id" = e."id" AND d."person_id" IS NOT NULL$sql$,
        "event_type");
END
$rule$;
