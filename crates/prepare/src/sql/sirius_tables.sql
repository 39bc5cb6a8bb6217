-- Which of the expected Sirius tables exist, and whether each has an "id" column.
SELECT t."table_name",
       EXISTS (SELECT 1 FROM "information_schema"."columns" c
                WHERE c."table_schema" = 'public' AND c."table_name" = t."table_name" AND c."column_name" = 'id') AS "has_id"
  FROM "information_schema"."tables" t
 WHERE t."table_schema" = 'public' AND t."table_name" = ANY($1)
