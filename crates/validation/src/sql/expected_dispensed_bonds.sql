-- Dispensed bonds expected in Sirius, counted from the raw export: one per migrated order whose
-- bond was dispensed with (Bond Rqd S; the first row of each Order No of an in-scope case, not
-- Open), except a bond whose Bond Co names no provider Sirius holds (a code the bond provider
-- lookup does not list, or one whose provider is missing from sirius_ref.bond_providers,
-- prepare's copy of Sirius's): those are quarantined. A blank Bond Co is a bond without a
-- provider.
WITH o AS (
    SELECT DISTINCT ON (o."Order No") o.*
      FROM "casrec_csv"."order" o
      JOIN "scope"."cases" s ON s."case_no" = o."Case" AND s."in_scope"
     ORDER BY o."Order No", o."casrec_row_id"
)
SELECT count(*)
  FROM o
  LEFT JOIN "sirius_ref"."bond_providers" p
    ON p."id" = CASE WHEN o."Bond Co" = '12' THEN 185 WHEN o."Bond Co" = '22' THEN 186 WHEN o."Bond Co" = '32' THEN 187
                     WHEN o."Bond Co" IN ('0', '1', '3', '11', '15', '21', '27', '30', '31', '33', '34', '36', '42', '66',
                                          '71', '75', '77', '81', '91', '92') THEN 43757 END
 WHERE o."Ord Stat" <> 'Open' AND o."Bond Rqd" = 'S' AND (coalesce(o."Bond Co", '') = '' OR p."id" IS NOT NULL)
