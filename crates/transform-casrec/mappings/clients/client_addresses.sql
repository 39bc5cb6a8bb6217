-- client addresses: one Primary address per migrated client, even when every part is blank.
SELECT
    p."casrec_row_id",
    'client_address:' || p."Case" AS "migration_key",
    p."Case" AS "c_case",
    cp."id" AS "person_id",
    squash_columns(p."Adrs1", p."Adrs2") AS "address_lines",
    NULLIF(p."Adrs3", '') AS "town",
    NULLIF(p."Adrs4", '') AS "county",
    NULLIF(p."Postcode", '') AS "postcode",
    NULLIF(p."Adrs5", '') AS "country",
    'Primary' AS "type",
    convert_to_bool(p."Foreign") AS "isairmailrequired"
FROM t_client_persons cp
JOIN pat p ON p."casrec_row_id" = cp."casrec_row_id"
ORDER BY p."casrec_row_id"
