-- Client notes expected in Sirius: one per remark of an in-scope case (each such case has a
-- migrated client) whose log date is a YYYY-MM-DD date from 1972 on and whose log time is blank
-- or H:MM:SS, counted from the raw export. Parts are cut out with `~` and string_to_array, as
-- casrec_date does (regexp_match cost 7 µs and more a call). Materialized: inlined, the parts
-- were cut once per use below, 11 times a row.
WITH r AS MATERIALIZED (
    SELECT CASE WHEN rtrim(left(r."Logdate", 10)) ~ '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$'
                THEN string_to_array(rtrim(left(r."Logdate", 10)), '-') END AS "d",
           CASE WHEN coalesce(btrim(r."Logtime"), '') IN ('', 'NaT', 'nan') THEN ARRAY['0', '0', '0']
                WHEN btrim(split_part(r."Logtime", '.', 1)) ~ '^[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}$'
                THEN string_to_array(btrim(split_part(r."Logtime", '.', 1)), ':') END AS "t"
      FROM "casrec_csv"."remarks" r
      JOIN "scope"."cases" s ON s."case_no" = r."Case" AND s."in_scope"
)
SELECT count(*) FROM r
 WHERE CASE WHEN "d" IS NULL OR "t" IS NULL OR "d"[1]::int < 1972 OR "d"[2]::int NOT BETWEEN 1 AND 12 THEN false
            ELSE "d"[3]::int BETWEEN 1 AND extract(day FROM make_date("d"[1]::int, "d"[2]::int, 1) + interval '1 month' - interval '1 day')
                 AND "t"[1]::int <= 23 AND "t"[2]::int <= 59 AND "t"[3]::int <= 59 END
