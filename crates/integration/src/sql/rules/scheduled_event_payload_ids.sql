-- scheduled_event_payload_ids (business rules §5.1): a reporting event's payload is its only link
-- to its client and its report log (Sirius's scheduled_events has no foreign keys), so once ids
-- are allocated each event's clientId and reportingPeriodId become the Sirius ids of the pending
-- report log it was made for (named by c_report_log_key) and of that log's client, as JSON
-- numbers. The original matched on frozen transform ids and kept stale ids silently where none
-- matched; here an event whose log is missing keeps nulls and its decision says so, and
-- validation checks every payload names a Sirius person and that person's report log. The
-- payload's text is edited in place, so its key order and spacing stay as the transform wrote
-- them. One row per event in integration.scheduled_event_payload_ids_decisions.
DROP TABLE IF EXISTS "integration"."scheduled_event_payload_ids_decisions";
CREATE UNLOGGED TABLE "integration"."scheduled_event_payload_ids_decisions" (
    "event_id" integer,
    "migration_key" text,
    "report_log_id" integer,
    "client_id" integer,
    "decision" text
);

DO $rule$
DECLARE
    "event_type" text;
BEGIN
    IF to_regclass('"integration"."scheduled_events"') IS NULL OR to_regclass('"integration"."annual_report_logs"') IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO "integration"."scheduled_event_payload_ids_decisions"
    SELECT e."id", e."migration_key", l."id", l."client_id",
           CASE WHEN l."id" IS NULL THEN 'no report log'
                WHEN l."client_id" IS NULL THEN 'report log id written, the log has no client'
                ELSE 'client and report log ids written' END
      FROM "integration"."scheduled_events" e
      LEFT JOIN "integration"."annual_report_logs" l ON l."migration_key" = e."c_report_log_key";

    SELECT format_type(a.atttypid, a.atttypmod) INTO "event_type"
      FROM pg_attribute a
     WHERE a.attrelid = to_regclass('"integration"."scheduled_events"') AND a.attname = 'event' AND NOT a.attisdropped;
    EXECUTE format(
        $sql$UPDATE "integration"."scheduled_events" e
                SET "event" = CAST(regexp_replace(regexp_replace(CAST(e."event" AS text),
                        '"clientId": *(null|-?[0-9]+)', '"clientId": ' || coalesce(CAST(d."client_id" AS text), 'null')),
                        '"reportingPeriodId": *(null|-?[0-9]+)', '"reportingPeriodId": ' || d."report_log_id") AS %s)
               FROM "integration"."scheduled_event_payload_ids_decisions" d
              WHERE d."event_id" = e."id" AND d."report_log_id" IS NOT NULL$sql$,
        "event_type");
END
$rule$;
