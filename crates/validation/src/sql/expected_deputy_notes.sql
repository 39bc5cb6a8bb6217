-- Deputy notes expected in Sirius: one per remark of a deputy of an in-scope case (by a
-- deputyship) who is in deputy.csv, with a usable log date and time as for client notes, counted
-- from the raw export. Materialized, as for client notes.
WITH r AS MATERIALIZED (
    SELECT CASE WHEN rtrim(left(r."Log Date", 10)) ~ '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$'
                THEN string_to_array(rtrim(left(r."Log Date", 10)), '-') END AS "d",
           CASE WHEN coalesce(btrim(r."Log Time"), '') IN ('', 'NaT', 'nan') THEN ARRAY['0', '0', '0']
                WHEN btrim(split_part(r."Log Time", '.', 1)) ~ '^[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}$'
                THEN string_to_array(btrim(split_part(r."Log Time", '.', 1)), ':') END AS "t"
      FROM "casrec_csv"."deputy_remarks" r
     WHERE r."Deputy No" IN (SELECT ds."Deputy No" FROM "casrec_csv"."deputyship" ds
                               JOIN "scope"."cases" s ON s."case_no" = ds."Case" AND s."in_scope")
       AND r."Deputy No" IN (SELECT d."Deputy No" FROM "casrec_csv"."deputy" d)
)
SELECT count(*) FROM r
 WHERE CASE WHEN "d" IS NULL OR "t" IS NULL OR "d"[1]::int < 1972 OR "d"[2]::int NOT BETWEEN 1 AND 12 THEN false
            ELSE "d"[3]::int BETWEEN 1 AND extract(day FROM make_date("d"[1]::int, "d"[2]::int, 1) + interval '1 month' - interval '1 day')
                 AND "t"[1]::int <= 23 AND "t"[2]::int <= 59 AND "t"[3]::int <= 59 END
