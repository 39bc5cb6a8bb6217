-- The integration schema is rebuilt by every run: it holds this run's Sirius-ready rows, one
-- table per registered Sirius table, and the Sirius facts they were matched against
-- (sirius_<table>, copied because Sirius may be another server).
DROP SCHEMA IF EXISTS "integration" CASCADE;
CREATE SCHEMA "integration";

-- The run whose rows these are and the tables it prepared, in load order; finished once every
-- table and rule is done. load-to-target refuses an unfinished integration; both it and
-- validation take their tables from here.
CREATE TABLE "integration"."run" ("run_id" bigint NOT NULL, "tables" text[] NOT NULL, "finished" boolean NOT NULL DEFAULT false);
CREATE TABLE "integration"."sirius_max" ("table_name" text PRIMARY KEY, "max_id" bigint NOT NULL);
CREATE TABLE "integration"."sirius_uid" ("next_payload" bigint NOT NULL);
-- Rows earlier runs loaded that are still in Sirius: updated in place, never added twice.
CREATE TABLE "integration"."previously_loaded" ("table_name" text, "migration_key" text, "id" bigint);

-- Sirius's uid check digit: Luhn over the 11-digit sequence number, doubling every second digit
-- from the right.
CREATE FUNCTION "integration"."luhn_digit"("payload" bigint) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
    SELECT CAST((10 - sum(CASE WHEN r."i" % 2 = 1 THEN (2 * r."d") / 10 + (2 * r."d") % 10 ELSE r."d" END) % 10) % 10 AS integer)
      FROM (SELECT x."i", CAST(x."c" AS integer) AS "d"
              FROM unnest(string_to_array(reverse(CAST("payload" AS text)), NULL)) WITH ORDINALITY AS x("c", "i")) r
$$;
