-- Orders of in-scope cases that cases.sql does not migrate, with the reason.
SELECT "casrec_row_id", "reason" FROM (
    SELECT o."casrec_row_id",
           CASE WHEN o."rn" > 1 THEN 'duplicate Order No: its first row is migrated'
                WHEN o."Ord Stat" = 'Open' THEN 'order still Open (not yet made): not migrated' END AS "reason"
      FROM (SELECT o.*, row_number() OVER (PARTITION BY o."Order No" ORDER BY o."casrec_row_id") AS "rn"
              FROM "order" o JOIN in_scope_cases s ON s."case_no" = o."Case") o
) x WHERE "reason" IS NOT NULL
