-- A Sirius table's foreign keys: name, MATCH type (s: simple), the referenced table as a name
-- to write in SQL, and both sides' columns in the key's order.
SELECT c."conname"::text,
       c."confmatchtype"::text,
       c."confrelid"::regclass::text,
       ARRAY(SELECT a."attname"::text
               FROM unnest(c."conkey") WITH ORDINALITY k("attnum", "i")
               JOIN "pg_attribute" a ON a."attrelid" = c."conrelid" AND a."attnum" = k."attnum"
              ORDER BY k."i"),
       ARRAY(SELECT a."attname"::text
               FROM unnest(c."confkey") WITH ORDINALITY k("attnum", "i")
               JOIN "pg_attribute" a ON a."attrelid" = c."confrelid" AND a."attnum" = k."attnum"
              ORDER BY k."i")
  FROM "pg_constraint" c
 WHERE c."contype" = 'f' AND c."conrelid" = to_regclass($1)
 ORDER BY c."conname"
