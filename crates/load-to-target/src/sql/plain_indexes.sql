-- A Sirius table's indexes that only speed up reads: not unique (a duplicate must still refuse
-- its own row, by name), not backing a constraint, valid, with the statement that builds each
-- again. $1: the table's qualified name.
SELECT i."indexrelid"::regclass::text,
       pg_get_indexdef(i."indexrelid")
  FROM "pg_index" i
 WHERE i."indrelid" = to_regclass($1)
   AND NOT i."indisunique" AND NOT i."indisprimary" AND NOT i."indisexclusion" AND i."indisvalid"
   AND NOT EXISTS (SELECT 1 FROM "pg_constraint" c WHERE c."conindid" = i."indexrelid")
 ORDER BY 1
