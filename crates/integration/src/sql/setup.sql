-- The integration schema is rebuilt by every run: it holds this run's Sirius-ready rows.
DROP SCHEMA IF EXISTS "integration" CASCADE;
CREATE SCHEMA "integration";

-- Facts copied from Sirius (which may be another server) for matching and allocation.
CREATE TABLE "integration"."sirius_persons" ("id" integer, "type" text, "caserecnumber" text, "deputynumber" integer,
    "uid" bigint, "createddate" timestamp(0));
CREATE TABLE "integration"."sirius_cases" ("id" integer, "caserecnumber" text, "oldcaseid" integer, "casesubtype" text,
    "orderdate" date, "uid" bigint, "createddate" timestamp(0));
CREATE TABLE "integration"."sirius_person_caseitem" ("person_id" integer, "caseitem_id" integer);
CREATE TABLE "integration"."sirius_max" ("table_name" text PRIMARY KEY, "max_id" bigint NOT NULL);
CREATE TABLE "integration"."sirius_uid" ("next_payload" bigint NOT NULL);
-- Rows earlier runs loaded that are still in Sirius: updated in place, never added twice.
CREATE TABLE "integration"."previously_loaded" ("table_name" text, "migration_key" text, "id" bigint);
CREATE TABLE "integration"."new_uids" ("tbl" text, "transform_id" integer, "uid" bigint);

-- Sirius's uid check digit: Luhn over the 11-digit sequence number, doubling every second digit
-- from the right.
CREATE FUNCTION "integration"."luhn_digit"("payload" bigint) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
    SELECT CAST((10 - sum(CASE WHEN r."i" % 2 = 1 THEN (2 * r."d") / 10 + (2 * r."d") % 10 ELSE r."d" END) % 10) % 10 AS integer)
      FROM (SELECT x."i", CAST(x."c" AS integer) AS "d"
              FROM unnest(string_to_array(reverse(CAST("payload" AS text)), NULL)) WITH ORDINALITY AS x("c", "i")) r
$$;
