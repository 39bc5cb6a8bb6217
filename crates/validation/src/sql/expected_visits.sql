-- Visits expected in Sirius: one per Report No whose first repvis row is of an in-scope case
-- (each has a migrated client), counted from the raw export.
SELECT count(*) FROM (
    SELECT DISTINCT ON (v."Report No") v."Case" FROM "casrec_csv"."repvis" v
     WHERE v."Report No" <> ''
     ORDER BY v."Report No", v."casrec_row_id") f
  JOIN "scope"."cases" s ON s."case_no" = f."Case" AND s."in_scope"
