-- Warnings as CasRec says they are, recomputed from casrec_csv and the scope with the mappings'
-- rules written again here. A client's flags come from the deciding pat row of an in-scope case
-- (VWM 4, SIM 3, SAAR Check Y, Debt chase 1) and a deputy's from the first row of a deputy of an
-- in-scope case (VWM 4, SIM 3): those are dated the as-of date the run transformed with. Each
-- priority remark (Pri 1) of an in-scope case is a warning saying the remark (blank as NULL),
-- dated its Logdate (read here on its own: validation's casrec_date and the time of day after it).
WITH "as_of" AS (SELECT CAST("as_of_date" AS timestamp) AS "d" FROM "transform"."run"),
"clients" AS (
    SELECT p.* FROM "casrec_csv"."pat" p
      JOIN "scope"."cases" s ON s."casrec_row_id" = p."casrec_row_id" AND s."in_scope"
),
"deputies" AS (
    SELECT DISTINCT ON (d."Deputy No") d.* FROM "casrec_csv"."deputy" d
     WHERE d."Deputy No" IN (SELECT ds."Deputy No" FROM "casrec_csv"."deputyship" ds
                               JOIN "scope"."cases" s ON s."case_no" = ds."Case" AND s."in_scope")
     ORDER BY d."Deputy No", d."casrec_row_id"
),
"flags" AS (
    SELECT 'client_violent_warning:' || c."Case" AS "key", 'REM - Violence Warnings' AS "type",
           'Casrec Migration - Violent Warning' AS "text"
      FROM "clients" c WHERE c."VWM" = '4'
    UNION ALL
    SELECT 'client_special_warning:' || c."Case", 'REM - Special Interest Markers', 'Casrec Migration - Special Interest Warning'
      FROM "clients" c WHERE c."SIM" = '3'
    UNION ALL
    SELECT 'client_saarcheck_warning:' || c."Case", 'Other', 'Casrec Migration - SAAR Check Warning'
      FROM "clients" c WHERE c."SAAR Check" = 'Y'
    UNION ALL
    SELECT 'client_nodebtchase_warning:' || c."Case", 'Other', 'Casrec Migration - No Debt to be chased'
      FROM "clients" c WHERE c."Debt chase" = '1'
    UNION ALL
    SELECT 'deputy_violent_warning:' || d."Deputy No", 'REM - Violence Warnings', 'Casrec Migration - Violent Warning'
      FROM "deputies" d WHERE d."VWM" = '4'
    UNION ALL
    SELECT 'deputy_special_warning:' || d."Deputy No", 'REM - Special Interest Markers', 'Casrec Migration - Special Interest Warning'
      FROM "deputies" d WHERE d."SIM" = '3'
),
"remarks" AS (
    SELECT r."Case", r."casrec_row_id", r."Remarks", btrim(coalesce(r."Logdate", '')) AS "logdate"
      FROM "casrec_csv"."remarks" r
      JOIN "scope"."cases" s ON s."case_no" = r."Case" AND s."in_scope"
     WHERE r."Pri" = '1'
),
"logged" AS (
    SELECT r.*, "validation"."casrec_date"(r."logdate") AS "day",
           CASE WHEN r."logdate" ~ '\s' THEN regexp_replace(r."logdate", '^\S+\s+', '')
                WHEN length(r."logdate") > 10 AND substr(r."logdate", 11, 1) = 'T' THEN substr(r."logdate", 12)
           END AS "tail"
      FROM "remarks" r
),
"timed" AS (
    SELECT l.*, CASE WHEN l."tail" ~ '^\d{1,2}:\d{2}(:\d{2}(\.\d{1,9})?)?$' THEN string_to_array(l."tail", ':') END AS "t" FROM "logged" l
)
SELECT f."key" AS "migration_key", 2657 AS "added_by", f."type" AS "warningtype", f."text" AS "warningtext",
       a."d" AS "dateadded", true AS "systemstatus"
  FROM "flags" f CROSS JOIN "as_of" a
UNION ALL
SELECT 'client_remarks_warning:' || r."Case" || ':' || row_number() OVER (PARTITION BY r."Case" ORDER BY r."casrec_row_id"),
       2657, 'Other',
       CASE WHEN btrim(r."Remarks") = '' THEN NULL ELSE r."Remarks" END,
       -- A time of day that is not one makes the whole Logdate unreadable, as in the mapping.
       CASE WHEN r."tail" IS NULL THEN CAST(r."day" AS timestamp)
            WHEN r."t" IS NULL OR r."t"[1]::int > 23 OR r."t"[2]::int > 59 OR coalesce(r."t"[3], '0')::numeric >= 60 THEN NULL
            ELSE CAST(r."day" AS timestamp)
                 + make_interval(hours => r."t"[1]::int, mins => r."t"[2]::int, secs => coalesce(r."t"[3], '0')::double precision)
       END,
       true
  FROM "timed" r
