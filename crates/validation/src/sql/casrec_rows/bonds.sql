-- Bonds as CasRec says they are, recomputed from casrec_csv, the scope and prepare's copy of
-- Sirius's bond providers with the mappings' rules written again here: one per migrated order
-- (the first row of each Order No of an in-scope case, not Open) whose Bond Rqd is Y (active) or
-- S (dispensed), on that order itself (never another order of its CoP Case), unless its Bond Co
-- names no provider Sirius holds (quarantined, not expected). Codes by the mappings' lookups,
-- amounts in pounds to the penny (blank 0, not a number NULL), dates by validation's own
-- parser. registeredonsystemdate is not compared: a bond that is one Sirius held keeps its own.
WITH o AS (
    SELECT DISTINCT ON (o."Order No") o.*,
           CASE WHEN o."Bond Co" = '12' THEN 185 WHEN o."Bond Co" = '22' THEN 186 WHEN o."Bond Co" = '32' THEN 187
                WHEN o."Bond Co" IN ('0', '1', '3', '11', '15', '21', '27', '30', '31', '33', '34', '36', '42', '66',
                                     '71', '75', '77', '81', '91', '92') THEN 43757 END AS "provider"
      FROM "casrec_csv"."order" o
      JOIN "scope"."cases" s ON s."case_no" = o."Case" AND s."in_scope"
     ORDER BY o."Order No", o."casrec_row_id"
)
SELECT 'bond:' || o."Order No" AS "migration_key",
       (SELECT i."id" FROM "integration"."cases" i WHERE i."migration_key" = 'order:' || o."Order No") AS "order_id",
       NULLIF(o."Bond No.", '') AS "bondreferencenumber",
       CASE WHEN btrim(coalesce(o."Bond Amount", '')) = '' THEN 0
            WHEN btrim(o."Bond Amount") ~ '^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$'
                 THEN round(btrim(o."Bond Amount")::numeric, 2) END AS "requiredbondamount",
       CASE WHEN btrim(coalesce(o."Bond Amt OPG", '')) = '' THEN 0
            WHEN btrim(o."Bond Amt OPG") ~ '^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$'
                 THEN round(btrim(o."Bond Amt OPG")::numeric, 2) END AS "bondamounttaken",
       "validation"."casrec_date"(o."Bond Discharge") AS "dischargedate",
       CASE WHEN o."Bond Rqd" = 'S' THEN 'DISPENSED' END AS "status",
       p."id" AS "bond_provider_id",
       CASE o."Bond Co" WHEN '0' THEN 'No Fidelity CO. code input at this time.' WHEN '1' THEN 'Security dispensed with'
            WHEN '3' THEN 'ALBION INSURANCE CO LTD' WHEN '11' THEN 'CGA INSURANCE BROKERS LTD' WHEN '12' THEN 'Howden'
            WHEN '15' THEN 'CO-OPERATIVE INSURANCE SOCIETY LTD' WHEN '21' THEN 'CO-OPERATIVE INSURANCE SOCIETY LTD'
            WHEN '22' THEN 'Deputy Bond Services (DBS)' WHEN '27' THEN 'EAGLE STAR INSURANCE CO LTD'
            WHEN '30' THEN 'ECONOMIC INSURANCE CO LTD' WHEN '31' THEN 'GENERAL ACCIDENT' WHEN '32' THEN 'Marsh Brokers'
            WHEN '33' THEN 'THE GUARANTEE SOCIETY LTD' WHEN '34' THEN 'London & Edinburgh Insurance Co Ltd'
            WHEN '36' THEN 'GUARDIAN ROYAL EXCHANGE ASS. PLC' WHEN '42' THEN 'LEGAL & GENERAL ASS SOCIETY LTD'
            WHEN '66' THEN 'NORWICH UNION FIRE INS SOCIETY LTD' WHEN '71' THEN 'HCC Insurance Company PMG'
            WHEN '75' THEN 'ROYAL INSURANCE (UK) LTD' WHEN '77' THEN 'OTHER INSURANCE COMPANY'
            WHEN '81' THEN 'SUN ALLIANCE & LONDON INS PLC' WHEN '91' THEN 'Zurich Ltd.' WHEN '92' THEN 'Security Bonds Limited'
       END AS "bondcompanyname"
  FROM o
  LEFT JOIN "sirius_ref"."bond_providers" p ON p."id" = o."provider"
 WHERE o."Ord Stat" <> 'Open' AND o."Bond Rqd" IN ('Y', 'S') AND (coalesce(o."Bond Co", '') = '' OR p."id" IS NOT NULL)
