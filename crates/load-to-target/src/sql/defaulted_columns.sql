-- A Sirius table's columns that have a default (or are generated): a column a load leaves out
-- takes it, any other is NULL. $1: the table's qualified name.
SELECT a."attname"::text
  FROM "pg_attribute" a
 WHERE a."attrelid" = to_regclass($1) AND a."attnum" > 0 AND NOT a."attisdropped"
   AND (a."atthasdef" OR a."attgenerated" <> '' OR a."attidentity" <> '')
