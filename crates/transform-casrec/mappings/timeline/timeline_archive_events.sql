-- timeline_archive_events: a "Put Away Notice" for each migrated client whose pat row has an Away
-- Date, dated that day. The original parsed it strictly and aborted the whole run on a blank or
-- other format; here a blank Away Date is no put-away (not this target's row) and one that is not
-- a date is left out and recorded (timeline_archive_events.excluded.sql). Name and JSON as in
-- timeline_migration_events.sql; personId and personUid are integration's.
WITH a AS (
    SELECT cp."casrec_row_id", cp."caserecnumber" AS "case", cp."salutation", cp."firstname", cp."surname",
           casrec_date(p."Away Date", p."casrec_row_id", 'Away Date') AS "away"
      FROM t_client_persons cp
      JOIN pat p ON p."casrec_row_id" = cp."casrec_row_id"
     WHERE coalesce(btrim(p."Away Date"), '') NOT IN ('', 'NaT')
),
c AS (
    SELECT a."casrec_row_id", a."case", a."away",
           btrim(replace(replace(replace(replace(replace(replace(
               coalesce(a."salutation", '') || ' ' || coalesce(a."firstname", '') || ' ' || coalesce(a."surname", ''),
               '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' ')) AS "name"
      FROM a WHERE a."away" IS NOT NULL
),
j AS (
    SELECT c.*,
           replace(replace(replace(replace(replace(c."case", '\', '\\'), '"', '\"'), chr(10), '\n'), chr(13), '\r'), chr(9), '\t') AS "case_json",
           replace(replace(replace(replace(replace(c."name", '\', '\\'), '"', '\"'), chr(10), '\n'), chr(13), '\r'), chr(9), '\t') AS "name_json"
      FROM c
)
SELECT
    j."casrec_row_id",
    'timeline_archive:' || j."case" AS "migration_key",
    j."case" AS "c_case",
    CAST(2657 AS INT) AS "user_id",
    CAST(j."away" AS TIMESTAMP) AS "timestamp",
    'Opg\Core\Model\Event\Common\NoteCreated' AS "eventtype",
    '{"class": "Opg\\Core\\Model\\Event\\Common\\NoteCreated", "payload": {"isPersonAndCaseEvent": false, '
      || '"isPersonEvent": true, "isCaseEvent": false, "courtReference": "' || j."case_json" || '", '
      || '"type": "Case note", "eventDate": "' || format_date(j."away") || 'T00:00:00+00:00", '
      || '"subject": "Put Away Notice", "notes": "\n            <p>This case has a put away date and is archived</p>\n        ", '
      || '"personType": "Client", "personId": "", "personUid": "", "personName": "' || j."name_json" || '", '
      || '"personCourtRef": "' || j."case_json" || '"}}' AS "event"
FROM j
ORDER BY j."casrec_row_id"
