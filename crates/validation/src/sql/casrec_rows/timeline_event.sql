-- Timeline events as CasRec says they are, recomputed from casrec_csv and the scope: for the
-- deciding pat row of every in-scope case a Migration Notice dated the as-of date the run
-- transformed with, and with an Away Date that is a date a Put Away Notice dated that day. The
-- payload is compared as JSON (key order and spacing aside); its name is the title by code,
-- the forename's first word (words split by any whitespace, leading whitespace skipped, as the
-- mapping's first_word) and the surname, each word capitalised (PostgreSQL's initcap, written
-- here on its own), runs of spaces collapsed. personId and personUid are the id and uid
-- integration gave the client of the case (client:<case>), the uid in groups of four.
WITH "as_of" AS (SELECT CAST("as_of_date" AS date) AS "d" FROM "transform"."run"),
"titles" ("code", "title") AS (VALUES
    ('1', 'Mr'), ('2', 'Mrs'), ('3', 'Miss'), ('4', 'Ms'), ('5', 'Master'), ('6', 'Doctor'), ('7', 'Sir'), ('8', 'Lady'),
    ('9', 'Professor'), ('10', 'Lord'), ('11', 'Right Honourable'), ('12', 'Reverend'), ('13', 'Father'), ('14', 'Rabbi'),
    ('15', 'Baron'), ('16', 'Baroness'), ('17', 'Right Honourable Mr'), ('18', 'Right Honourable Mrs'),
    ('19', 'The Honourable'), ('20', 'Canon'), ('21', 'Sister'), ('22', 'Messrs'), ('23', 'The Holder of The Office of'),
    ('24', 'Trust Corporation'), ('25', 'Reverend Mrs'), ('26', 'Captain'), ('27', 'Dame'), ('28', 'Major'),
    ('29', 'Colonel'), ('30', 'The Authorised Officer for'), ('90', 'Monsignor'), ('31', 'His Honour'), ('32', 'Eur Ing'),
    ('33', 'Sergeant'), ('34', 'Brigadier')
),
"clients" AS (
    SELECT p."Case", "validation"."casrec_date"(p."Away Date") AS "away",
           btrim(regexp_replace(coalesce(t."title", '') || ' ' || initcap(coalesce(substring(p."Forename" FROM '\S+'), ''))
                 || ' ' || initcap(coalesce(p."Surname", '')), ' {2,}', ' ', 'g')) AS "name",
           i."id" AS "person_id", CAST(i."uid" AS text) AS "uid"
      FROM "casrec_csv"."pat" p
      JOIN "scope"."cases" s ON s."casrec_row_id" = p."casrec_row_id" AND s."in_scope"
      LEFT JOIN "titles" t ON t."code" = p."Title"
      LEFT JOIN "integration"."persons" i ON i."migration_key" = 'client:' || p."Case"
),
"events" AS (
    SELECT 'timeline_migration:' || c."Case" AS "migration_key", c.*, a."d" AS "day", 'Migration Notice' AS "subject",
           E'\n            <p>This case was migrated from casrec, all case notes before this date\n            (migrated remarks) are in the case notes tab only</p>\n        ' AS "notes"
      FROM "clients" c CROSS JOIN "as_of" a
    UNION ALL
    SELECT 'timeline_archive:' || c."Case", c.*, c."away", 'Put Away Notice',
           E'\n            <p>This case has a put away date and is archived</p>\n        '
      FROM "clients" c WHERE c."away" IS NOT NULL
)
SELECT e."migration_key", 2657 AS "user_id", CAST(e."day" AS timestamp) AS "timestamp",
       'Opg\Core\Model\Event\Common\NoteCreated' AS "eventtype",
       json_build_object('class', 'Opg\Core\Model\Event\Common\NoteCreated', 'payload', json_build_object(
           'isPersonAndCaseEvent', false, 'isPersonEvent', true, 'isCaseEvent', false, 'courtReference', e."Case",
           'type', 'Case note', 'eventDate', to_char(e."day", 'YYYY-MM-DD') || 'T00:00:00+00:00', 'subject', e."subject",
           'notes', e."notes", 'personType', 'Client', 'personId', coalesce(CAST(e."person_id" AS text), ''),
           'personUid', coalesce(substr(e."uid", 1, 4) || '-' || substr(e."uid", 5, 4) || '-' || substr(e."uid", 9), ''),
           'personName', e."name", 'personCourtRef', e."Case")) AS "event"
  FROM "events" e
