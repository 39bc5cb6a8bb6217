-- deputy addresses: the addresses of migrated deputies. Professional deputies get their main
-- address (deplink "Main Addr" = 1); every other deputy (lay, PA, unknown type) gets the
-- address of each of their deputyships. An address shared by several deputies is one row per
-- deputy; a repeated Dep Addr No keeps its first row.
WITH dep AS (
    SELECT p."id" AS "person_id", d."Deputy No" AS "deputy_no", d."Dep Type" AS "dep_type"
      FROM t_deputy_persons p JOIN deputy d ON d."casrec_row_id" = p."casrec_row_id"
),
pairs AS (
    SELECT DISTINCT "person_id", "deputy_no", "addr_no" FROM (
        SELECT dep."person_id", dep."deputy_no", dl."Dep Addr No" AS "addr_no"
          FROM dep JOIN deplink dl ON dl."Deputy No" = dep."deputy_no" AND dl."Main Addr" = '1'
         WHERE dep."dep_type" IN ('20', '21', '22', '24', '25', '26', '27', '28', '29', '63', '71')
        UNION ALL
        SELECT dep."person_id", dep."deputy_no", ds."Dep Addr No" AS "addr_no"
          FROM dep JOIN deputyship ds ON ds."Deputy No" = dep."deputy_no"
         WHERE dep."dep_type" NOT IN ('20', '21', '22', '24', '25', '26', '27', '28', '29', '63', '71')
    ) x WHERE "addr_no" <> ''
),
a AS (
    SELECT a.*, row_number() OVER (PARTITION BY a."Dep Addr No" ORDER BY a."casrec_row_id") AS "rn" FROM deputy_address a
)
SELECT
    a."casrec_row_id",
    'deputy_address:' || a."Dep Addr No" || ':' || pairs."deputy_no" AS "migration_key",
    a."Dep Addr No" AS "c_dep_addr_no",
    pairs."person_id",
    squash_columns(a."Dep Adrs1", a."Dep Adrs2") AS "address_lines",
    NULLIF(a."Dep Adrs3", '') AS "town",
    NULLIF(a."Dep Adrs4", '') AS "county",
    NULLIF(a."Dep Postcode", '') AS "postcode",
    NULLIF(a."Dep Adrs5", '') AS "country",
    'Primary' AS "type",
    convert_to_bool(a."Foreign") AS "isairmailrequired"
FROM a JOIN pairs ON pairs."addr_no" = a."Dep Addr No"
WHERE a."rn" = 1
ORDER BY a."casrec_row_id", pairs."person_id"
