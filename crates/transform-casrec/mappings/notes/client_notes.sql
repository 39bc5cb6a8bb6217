-- client notes: each remark of a migrated client becomes a Sirius supervision note on the client.
-- The text is copied as it is (quotes, line breaks, accented characters); a blank remark gets the
-- mapping's default. The log date and time are London wall-clock time, stored as UTC. A remark
-- without a usable log date is left out (Sirius needs a created time; an impossible date is also
-- an exception). CasRec keeps no number for a remark, so its key is its place among the case's
-- remarks in the file.
WITH r AS (
    SELECT r.*, row_number() OVER (PARTITION BY r."Case" ORDER BY r."casrec_row_id") AS "nth"
      FROM remarks r
),
n AS (
    SELECT
        r."casrec_row_id",
        'client_note:' || r."Case" || ':' || CAST(r."nth" AS VARCHAR) AS "migration_key",
        r."Case" AS "c_case",
        cp."id" AS "person_id",
        lookup('note_type', r."Log Type", 'not mapped', r."casrec_row_id", 'Log Type') AS "notetype",
        -- An unknown Log Type is recorded once, by notetype.
        lookup_partial('note_direction', r."Log Type") AS "direction",
        coalesce(nullif(r."Remarks", ''), 'no description migrated') AS "description",
        convert_to_timestamp(r."Logdate", r."Logtime", r."casrec_row_id", 'Logdate/Logtime') AS "createdtime",
        CAST(lookup('assignee', r."by", '2657', r."casrec_row_id", 'by') AS INT) AS "createdbyuser_id"
    FROM r
    JOIN in_scope_cases s ON s."case_no" = r."Case"
    JOIN t_client_persons cp ON cp."caserecnumber" = r."Case"
)
SELECT * FROM n WHERE "createdtime" IS NOT NULL
ORDER BY "casrec_row_id"
