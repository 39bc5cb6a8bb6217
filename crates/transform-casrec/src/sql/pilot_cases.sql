-- Cases Sirius already holds from the pilot migration: later phases leave them alone. Persons
-- this migration itself loaded ($1: their ids, from migration.loaded_rows) are not pilot cases,
-- though the client mapping gives them the same caseactorgroup.
SELECT DISTINCT "caserecnumber" FROM "public"."persons"
 WHERE "caseactorgroup" = 'CLIENT-PILOT-ONE' AND "caserecnumber" IS NOT NULL
   AND NOT ("id"::bigint = ANY($1))
