-- deputy notes: each remark of a migrated deputy becomes a Sirius supervision note on the deputy.
-- The text is copied as it is; a blank remark becomes '-' (the original's entity did so, the
-- mapping has no default). Log Date and Log Time are London wall-clock time, stored as UTC; a
-- remark without a usable log date is left out (Sirius needs a created time). Its key is its place
-- among the deputy's remarks in the file.
WITH r AS (
    SELECT r.*, row_number() OVER (PARTITION BY r."Deputy No" ORDER BY r."casrec_row_id") AS "nth"
      FROM deputy_remarks r
),
n AS (
    SELECT
        r."casrec_row_id",
        'deputy_note:' || r."Deputy No" || ':' || CAST(r."nth" AS VARCHAR) AS "migration_key",
        r."Deputy No" AS "c_deputy_no",
        p."id" AS "person_id",
        lookup('note_type', r."Log Type", 'not mapped', r."casrec_row_id", 'Log Type') AS "notetype",
        -- An unknown Log Type is recorded once, by notetype.
        lookup_partial('note_direction', r."Log Type") AS "direction",
        coalesce(nullif(r."Remarks", ''), '-') AS "description",
        convert_to_timestamp(r."Log Date", r."Log Time", r."casrec_row_id", 'Log Date/Log Time') AS "createdtime",
        CAST(lookup('assignee', r."by", '2657', r."casrec_row_id", 'by') AS INT) AS "createdbyuser_id"
    FROM r
    JOIN scope_deputies s ON s."deputy_no" = r."Deputy No"
    JOIN t_deputy_persons p ON p."c_deputy_no" = r."Deputy No"
)
SELECT * FROM n WHERE "createdtime" IS NOT NULL
ORDER BY "casrec_row_id"
