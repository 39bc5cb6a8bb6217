-- Supervision notes as CasRec says they are, recomputed from casrec_csv and the scope with the
-- mappings' rules written again here: each remark of an in-scope case, and each remark of an
-- in-scope deputy in deputy.csv, with a usable log date and time (London, stored as UTC). The
-- text is CasRec's own, so comparing it shows it reached Sirius byte for byte. Keys number a
-- case's (a deputy's) remarks in file order; person_id is the id integration gave the person.
WITH note_type("code", "notetype", "direction") AS (VALUES
    ('R1', 'IMPORTANT_COMMENTS', 'INTERNAL'), ('R2', 'GENERAL_COMMENTS', 'INTERNAL'),
    ('R3', 'MINOR_COMMENTS', 'INTERNAL'), ('R4', 'OBSERVATION', 'INTERNAL'), ('R5', 'PANEL', 'INTERNAL'),
    ('R6', 'VISITS', 'INTERNAL'), ('R7', 'HW_SPECIAL_CASE', 'INTERNAL'), ('R8', 'TELEPHONE_COMPLAINT', 'INCOMING'),
    ('R9', 'BOND_PROVIDER_CHANGE', 'INTERNAL'), ('RA', 'ANNUAL_REPORTS', 'INTERNAL'),
    ('RB', 'FINANCE_TRACKING', 'INTERNAL'), ('RD', 'DEPUTY_DECEASED_DISCHARGED', 'INTERNAL')
),
client AS (
    SELECT 'client_note:' || r."Case" || ':'
               || row_number() OVER (PARTITION BY r."Case" ORDER BY r."casrec_row_id") AS "migration_key",
           'client:' || r."Case" AS "person_key", r."Log Type", r."by",
           CASE WHEN r."Remarks" IS NULL OR r."Remarks" = '' THEN 'no description migrated' ELSE r."Remarks" END AS "description",
           "validation"."casrec_london_utc"(r."Logdate", r."Logtime") AS "createdtime",
           r."Case" IN (SELECT s."case_no" FROM "scope"."cases" s WHERE s."in_scope") AS "migrated"
      FROM "casrec_csv"."remarks" r
),
deputy AS (
    SELECT 'deputy_note:' || r."Deputy No" || ':'
               || row_number() OVER (PARTITION BY r."Deputy No" ORDER BY r."casrec_row_id") AS "migration_key",
           'deputy:' || r."Deputy No" AS "person_key", r."Log Type", r."by",
           CASE WHEN r."Remarks" IS NULL OR r."Remarks" = '' THEN '-' ELSE r."Remarks" END AS "description",
           "validation"."casrec_london_utc"(r."Log Date", r."Log Time") AS "createdtime",
           r."Deputy No" IN (SELECT ds."Deputy No" FROM "casrec_csv"."deputyship" ds
                               JOIN "scope"."cases" s ON s."case_no" = ds."Case" AND s."in_scope")
               AND r."Deputy No" IN (SELECT d."Deputy No" FROM "casrec_csv"."deputy" d) AS "migrated"
      FROM "casrec_csv"."deputy_remarks" r
)
SELECT n."migration_key",
       (SELECT i."id" FROM "integration"."persons" i WHERE i."migration_key" = n."person_key") AS "person_id",
       coalesce(t."notetype", 'not mapped') AS "notetype",
       t."direction",
       n."description",
       n."createdtime",
       "validation"."casrec_assignee"(n."by") AS "createdbyuser_id"
  FROM (SELECT * FROM client UNION ALL SELECT * FROM deputy) n
  LEFT JOIN note_type t ON t."code" = n."Log Type"
 WHERE n."migrated" AND n."createdtime" IS NOT NULL
