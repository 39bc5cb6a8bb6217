-- Bonds of in-scope orders that bonds_dispensed.sql leaves out. A bond whose provider cannot be
-- named is quarantined: its Bond Co is in transform.exceptions, for a person to look at.
SELECT o."casrec_row_id",
       CASE WHEN c."casrec_row_id" IS NULL THEN 'its order was not migrated (still Open or a duplicate)'
            WHEN l."code" IS NULL THEN 'Bond Co is not a bond provider code: quarantined, not loaded without its provider'
            ELSE 'Bond Co names a bond provider Sirius does not hold: quarantined, not loaded without its provider' END AS "reason"
  FROM "order" o
  JOIN in_scope_cases s ON s."case_no" = o."Case"
  LEFT JOIN t_cases c ON c."casrec_row_id" = o."casrec_row_id"
  LEFT JOIN lookup_bond_provider l ON l."code" = o."Bond Co"
  LEFT JOIN t_bonds_dispensed t ON t."casrec_row_id" = o."casrec_row_id"
 WHERE o."Bond Rqd" = 'S' AND t."casrec_row_id" IS NULL
