-- timeline_migration_events: a "Migration Notice" on the timeline of every migrated client, dated
-- the run's as-of date. The event is the NoteCreated JSON Sirius shows (the original's shape and
-- key order); personId and personUid are left empty here and written by integration's
-- timeline_payload_ids rule once the client has its Sirius id and uid. The name is the client's
-- title, first forename word and title-cased surname as client_persons made them, joined by
-- spaces, trimmed, runs of spaces collapsed (DataFusion has no regexp here: halving passes).
WITH c AS (
    SELECT cp."casrec_row_id", cp."caserecnumber" AS "case",
           btrim(replace(replace(replace(replace(replace(replace(
               coalesce(cp."salutation", '') || ' ' || coalesce(cp."firstname", '') || ' ' || coalesce(cp."surname", ''),
               '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' ')) AS "name"
      FROM t_client_persons cp
),
j AS (
    -- JSON string bodies: backslash, quote and the control characters a name may hold escaped.
    SELECT c.*,
           replace(replace(replace(replace(replace(c."case", '\', '\\'), '"', '\"'), chr(10), '\n'), chr(13), '\r'), chr(9), '\t') AS "case_json",
           replace(replace(replace(replace(replace(c."name", '\', '\\'), '"', '\"'), chr(10), '\n'), chr(13), '\r'), chr(9), '\t') AS "name_json"
      FROM c
)
SELECT
    j."casrec_row_id",
    'timeline_migration:' || j."case" AS "migration_key",
    j."case" AS "c_case",
    CAST(2657 AS INT) AS "user_id",
    CAST(as_of_date() AS TIMESTAMP) AS "timestamp",
    'Opg\Core\Model\Event\Common\NoteCreated' AS "eventtype",
    '{"class": "Opg\\Core\\Model\\Event\\Common\\NoteCreated", "payload": {"isPersonAndCaseEvent": false, '
      || '"isPersonEvent": true, "isCaseEvent": false, "courtReference": "' || j."case_json" || '", '
      || '"type": "Case note", "eventDate": "' || format_date(as_of_date()) || 'T00:00:00+00:00", '
      || '"subject": "Migration Notice", "notes": "\n            <p>This case was migrated from casrec, all case notes before this date\n            (migrated remarks) are in the case notes tab only</p>\n        ", '
      || '"personType": "Client", "personId": "", "personUid": "", "personName": "' || j."name_json" || '", '
      || '"personCourtRef": "' || j."case_json" || '"}}' AS "event"
FROM j
ORDER BY j."casrec_row_id"
