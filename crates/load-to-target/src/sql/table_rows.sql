-- The rows a Sirius table holds as its statistics say: -1 when it has never been analysed.
-- $1: the table's qualified name.
SELECT c."reltuples"::float8 FROM "pg_class" c WHERE c."oid" = to_regclass($1)
