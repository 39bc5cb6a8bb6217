-- The orders CasRec says are migrated, as validation reads the export on its own: the first row
-- of each Order No of an in-scope case, unless still Open (applied for, not yet made); with the
-- status and subtype the mapping gives them (business rules §1, its lineage to CasRec), its line
-- and its Ord Risk Lvl (which the reporting targets read).
CREATE TABLE "validation"."casrec_orders" AS
SELECT o."Case" AS "case_no", o."Order No" AS "order_no",
       CASE WHEN o."Order No" ~ '^[0-9]{1,9}$' THEN CAST(o."Order No" AS bigint) END AS "order_number",
       "validation"."casrec_date"(o."Made Date") AS "made",
       CASE WHEN o."Ord Stat" = 'Closed' THEN 'CLOSED'
            WHEN o."Ord Stat" = 'Active' AND o."Ord Type" IN ('26', '43', '45') THEN 'OPEN'
            WHEN o."Ord Stat" = 'Active' THEN 'ACTIVE' END AS "status",
       CASE o."Ord Type" WHEN '1' THEN 'NEW DEPUTY' WHEN '2' THEN 'NEW DEPUTY' WHEN '26' THEN 'SUPPLEMENTARY'
                         WHEN '40' THEN 'REPLACEMENT' WHEN '41' THEN 'INTERIM ORDER' WHEN '43' THEN 'DIRECTION'
                         WHEN '45' THEN 'TENANCY' END AS "subtype",
       o."casrec_row_id", o."Ord Risk Lvl" AS "risk"
  FROM (SELECT o.*, row_number() OVER (PARTITION BY o."Order No" ORDER BY o."casrec_row_id") AS "rn"
          FROM "casrec_csv"."order" o JOIN "scope"."cases" s ON s."case_no" = o."Case" AND s."in_scope") o
 WHERE o."rn" = 1 AND o."Ord Stat" <> 'Open';
