-- Integration, in the migration database, once the Sirius facts are copied in
-- (integration.sirius_max, sirius_persons, sirius_cases, previously_loaded).
-- Each table: the transform rows plus transform_id, migration_key, method and sirius_id; then
-- existing Sirius rows are matched, ids and uids allocated and foreign keys rewritten.

-- @each persons cases addresses phonenumbers order_deputy supervision_level_log
CREATE TABLE "integration"."{table}" AS SELECT t.*, t."id" AS "transform_id" FROM "transform"."{table}" t;
ALTER TABLE "integration"."{table}" ADD COLUMN "migration_key" text, ADD COLUMN "method" text NOT NULL DEFAULT 'INSERT',
    ADD COLUMN "sirius_id" integer;
-- @end
CREATE TABLE "integration"."person_caseitem" AS SELECT t.* FROM "transform"."person_caseitem" t;

ALTER TABLE "integration"."persons" ADD COLUMN "uid" bigint;
ALTER TABLE "integration"."cases" ADD COLUMN "uid" bigint, ADD COLUMN "client_id" integer, ADD COLUMN "oldcaseid" integer;
ALTER TABLE "integration"."person_caseitem" ADD COLUMN "migration_key" text, ADD COLUMN "method" text NOT NULL DEFAULT 'INSERT';

-- What each row is, in CasRec's terms: the same source gives the same key in every run.
UPDATE "integration"."persons" SET "migration_key" = CASE "casrec_target"
    WHEN 'client_persons' THEN 'client:' || "caserecnumber" ELSE 'deputy:' || "c_deputy_no" END;
UPDATE "integration"."cases" SET "migration_key" = 'order:' || "c_order_no",
    "oldcaseid" = CASE WHEN "c_order_no" ~ '^[0-9]{1,9}$' THEN CAST("c_order_no" AS integer) END;
UPDATE "integration"."addresses" a SET "migration_key" = CASE a."casrec_target"
    WHEN 'client_addresses' THEN 'client_address:' || a."c_case"
    ELSE 'deputy_address:' || a."c_dep_addr_no" || ':' || p."c_deputy_no" END
  FROM "integration"."persons" p WHERE p."transform_id" = a."person_id";
UPDATE "integration"."phonenumbers" SET "migration_key" = "casrec_target" || ':' || coalesce("c_case", "c_deputy_no");
UPDATE "integration"."order_deputy" o SET "migration_key" = k."key"
  FROM (SELECT "transform_id", 'order_deputy:' || "c_order_no" || ':' || "c_deputy_no" || ':' ||
               row_number() OVER (PARTITION BY "c_order_no", "c_deputy_no" ORDER BY "casrec_row_id") AS "key"
          FROM "integration"."order_deputy") k
 WHERE k."transform_id" = o."transform_id";
UPDATE "integration"."supervision_level_log" SET "migration_key" = 'supervision_level_log:' || "c_order_no";
UPDATE "integration"."person_caseitem" SET "migration_key" = 'person_caseitem:' || "c_order_no";

-- The joins below go through these keys.
CREATE INDEX ON "integration"."persons" ("transform_id");
CREATE INDEX ON "integration"."persons" ("migration_key");
CREATE INDEX ON "integration"."persons" ("caserecnumber");
CREATE INDEX ON "integration"."cases" ("transform_id");
CREATE INDEX ON "integration"."cases" ("migration_key");
CREATE INDEX ON "integration"."cases" ("caserecnumber");
-- @each addresses phonenumbers order_deputy supervision_level_log
CREATE INDEX ON "integration"."{table}" ("migration_key");
-- @end
CREATE INDEX ON "integration"."previously_loaded" ("table_name", "migration_key");
CREATE INDEX ON "integration"."sirius_persons" ("id");
CREATE INDEX ON "integration"."sirius_cases" ("id");
-- @each persons cases addresses phonenumbers order_deputy supervision_level_log
ANALYZE "integration"."{table}";
-- @end
ANALYZE "integration"."previously_loaded";
ANALYZE "integration"."sirius_persons";
ANALYZE "integration"."sirius_cases";

-- 1. Rows an earlier run loaded (and that are still in Sirius) are updated in place.
-- @each persons cases addresses phonenumbers order_deputy supervision_level_log
UPDATE "integration"."{table}" t SET "method" = 'UPDATE', "sirius_id" = l."id" FROM "integration"."previously_loaded" l
 WHERE l."table_name" = '{table}' AND l."migration_key" = t."migration_key";
-- @end

-- 2. Records Sirius already holds: clients by case number, deputies by deputy number (the
-- lowest id where Sirius holds more than one), orders by case number and CasRec order number
-- (kept in cases.oldcaseid), or else the one order of the case with the same subtype and date.
UPDATE "integration"."persons" t SET "method" = 'UPDATE', "sirius_id" = e."id"
  FROM (SELECT DISTINCT ON ("caserecnumber") "caserecnumber", "id" FROM "integration"."sirius_persons"
         WHERE "type" = 'actor_client' ORDER BY "caserecnumber", "id") e
 WHERE t."sirius_id" IS NULL AND t."type" = 'actor_client' AND e."caserecnumber" = t."caserecnumber";
UPDATE "integration"."persons" t SET "method" = 'UPDATE', "sirius_id" = e."id"
  FROM (SELECT DISTINCT ON ("deputynumber") "deputynumber", "id" FROM "integration"."sirius_persons"
         WHERE "type" = 'actor_deputy' AND "deputynumber" IS NOT NULL ORDER BY "deputynumber", "id") e
 WHERE t."sirius_id" IS NULL AND t."type" = 'actor_deputy' AND e."deputynumber" = t."deputynumber";
UPDATE "integration"."cases" t SET "method" = 'UPDATE', "sirius_id" = e."id"
  FROM (SELECT DISTINCT ON ("caserecnumber", "oldcaseid") "caserecnumber", "oldcaseid", "id" FROM "integration"."sirius_cases"
         WHERE "oldcaseid" IS NOT NULL ORDER BY "caserecnumber", "oldcaseid", "id") e
 WHERE t."sirius_id" IS NULL AND e."caserecnumber" = t."caserecnumber" AND e."oldcaseid" = t."oldcaseid";
UPDATE "integration"."cases" t SET "method" = 'UPDATE', "sirius_id" = e."id"
  FROM (SELECT "caserecnumber", "casesubtype", "orderdate", min("id") AS "id" FROM "integration"."sirius_cases"
         WHERE "oldcaseid" IS NULL GROUP BY 1, 2, 3 HAVING count(*) = 1) e
 WHERE t."sirius_id" IS NULL AND e."caserecnumber" = t."caserecnumber" AND e."casesubtype" = t."casesubtype"
   AND e."orderdate" = t."orderdate";

-- 3. Ids: matched rows keep Sirius's; new rows are numbered on from Sirius's maximum.
-- @each persons cases addresses phonenumbers order_deputy supervision_level_log
UPDATE "integration"."{table}" t SET "id" = coalesce(t."sirius_id", m."max_id" + n."n")
  FROM (SELECT "transform_id", row_number() OVER (ORDER BY "sirius_id" IS NOT NULL, "transform_id") AS "n" FROM "integration"."{table}") n,
       "integration"."sirius_max" m
 WHERE n."transform_id" = t."transform_id" AND m."table_name" = '{table}';
-- @end

-- 4. Uids: matched persons and orders keep theirs (and their createddate); new ones continue
-- after the largest uid in Sirius, persons first, unique across both tables.
UPDATE "integration"."persons" t SET "uid" = e."uid", "createddate" = e."createddate"
  FROM "integration"."sirius_persons" e WHERE t."sirius_id" = e."id";
UPDATE "integration"."cases" t SET "uid" = e."uid", "createddate" = e."createddate"
  FROM "integration"."sirius_cases" e WHERE t."sirius_id" = e."id";
WITH new_uids AS (
    SELECT 'persons' AS "tbl", "transform_id", row_number() OVER (ORDER BY "transform_id") AS "n"
      FROM "integration"."persons" WHERE "uid" IS NULL
), offset_cases AS (
    SELECT 'cases' AS "tbl", "transform_id", (SELECT count(*) FROM new_uids) + row_number() OVER (ORDER BY "transform_id") AS "n"
      FROM "integration"."cases" WHERE "uid" IS NULL
), all_new AS (
    SELECT * FROM new_uids UNION ALL SELECT * FROM offset_cases
), payloads AS (
    SELECT a."tbl", a."transform_id", u."next_payload" + a."n" - 1 AS "payload" FROM all_new a, "integration"."sirius_uid" u
)
INSERT INTO "integration"."new_uids" ("tbl", "transform_id", "uid")
SELECT "tbl", "transform_id", "payload" * 10 + "integration".luhn_digit("payload") FROM payloads;
UPDATE "integration"."persons" t SET "uid" = n."uid" FROM "integration"."new_uids" n
 WHERE n."tbl" = 'persons' AND n."transform_id" = t."transform_id";
UPDATE "integration"."cases" t SET "uid" = n."uid" FROM "integration"."new_uids" n
 WHERE n."tbl" = 'cases' AND n."transform_id" = t."transform_id";

-- 5. Foreign keys between migrated rows, from transform ids to Sirius ids.
CREATE INDEX ON "integration"."persons" ("id");
CREATE INDEX ON "integration"."cases" ("id");
UPDATE "integration"."cases" c SET "client_id" = p."id" FROM "integration"."persons" p
 WHERE p."type" = 'actor_client' AND p."caserecnumber" = c."caserecnumber";
UPDATE "integration"."addresses" a SET "person_id" = p."id" FROM "integration"."persons" p WHERE p."transform_id" = a."person_id";
UPDATE "integration"."phonenumbers" a SET "person_id" = p."id" FROM "integration"."persons" p WHERE p."transform_id" = a."person_id";
UPDATE "integration"."order_deputy" o SET "order_id" = c."id", "deputy_id" = p."id"
  FROM "integration"."cases" c, "integration"."persons" p
 WHERE c."transform_id" = o."order_id" AND p."transform_id" = o."deputy_id";
UPDATE "integration"."supervision_level_log" s SET "order_id" = c."id" FROM "integration"."cases" c WHERE c."transform_id" = s."order_id";
UPDATE "integration"."person_caseitem" pc SET "person_id" = p."id", "caseitem_id" = c."id"
  FROM "integration"."persons" p, "integration"."cases" c
 WHERE p."transform_id" = pc."person_id" AND c."transform_id" = pc."caseitem_id";
-- A link that already exists in Sirius is left as it is.
UPDATE "integration"."person_caseitem" pc SET "method" = 'UPDATE' FROM "integration"."sirius_person_caseitem" e
 WHERE e."person_id" = pc."person_id" AND e."caseitem_id" = pc."caseitem_id";
