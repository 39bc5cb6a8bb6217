-- bonds_dispensed: the bond a migrated order had dispensed with (Bond Rqd S), as a bond of
-- status DISPENSED, built as bonds_active builds a required one. Each bond is its own
-- order's: joined to the migrated order by the order row itself, never by CoP Case (the original
-- joined on CoP Case alone, so every order of a case got one order's bond under one id).
-- The provider is Bond Co by the bond provider lookup, and must be a provider Sirius holds: a
-- bond whose code is unknown, or names a provider Sirius lacks, is left out and recorded
-- (bonds_dispensed.excluded.sql) rather than loaded without its provider. A blank Bond Co is no
-- provider recorded in CasRec: the bond is migrated without one, as the original did.
WITH b AS (
    SELECT o.*, c."id" AS "order_id", c."c_case", c."c_order_no",
           CAST(lookup('bond_provider', o."Bond Co", NULL, o."casrec_row_id", 'Bond Co') AS BIGINT) AS "mapped"
      FROM t_cases c
      JOIN "order" o ON o."casrec_row_id" = c."casrec_row_id"
     WHERE o."Bond Rqd" = 'S'
),
p AS (
    SELECT b.*, held_by_sirius(b."mapped", sp."id" IS NOT NULL, b."casrec_row_id", 'Bond Co (bond provider id)') AS "provider"
      FROM b LEFT JOIN sirius_bond_providers sp ON sp."id" = b."mapped"
)
SELECT
    p."casrec_row_id",
    'bond:' || p."c_order_no" AS "migration_key",
    p."c_case",
    p."c_order_no",
    p."CoP Case" AS "c_cop_case",
    p."Bond Rqd" AS "c_bond_rqd",
    p."Ord Stat" AS "c_ord_stat",
    -- The mapping's renewaldateofbond: Sirius's bonds have no such column, so it is only carried.
    NULLIF(p."Bond Renewal", '') AS "c_bond_renewal",
    p."order_id",
    NULLIF(p."Bond No.", '') AS "bondreferencenumber",
    money_pound_pence(p."Bond Amount", p."casrec_row_id", 'Bond Amount') AS "requiredbondamount",
    money_pound_pence(p."Bond Amt OPG", p."casrec_row_id", 'Bond Amt OPG') AS "bondamounttaken",
    casrec_date(p."Bond Discharge", p."casrec_row_id", 'Bond Discharge') AS "dischargedate",
    CAST(NULL AS DATE) AS "registeredonsystemdate",
    'DISPENSED' AS "status",
    CAST(p."provider" AS INT) AS "bond_provider_id",
    lookup('bond_provider_freetext', p."Bond Co", NULL, p."casrec_row_id", 'Bond Co') AS "bondcompanyname"
FROM p
WHERE p."provider" IS NOT NULL OR coalesce(p."Bond Co", '') = ''
ORDER BY p."casrec_row_id"
