-- Cases Sirius already holds from the pilot migration: later phases leave them alone.
SELECT DISTINCT "caserecnumber" FROM "public"."persons"
 WHERE "caseactorgroup" = 'CLIENT-PILOT-ONE' AND "caserecnumber" IS NOT NULL
