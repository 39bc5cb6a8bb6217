-- Orders expected in Sirius: each made (not Open) order of an in-scope case, once per Order No.
SELECT count(DISTINCT o."Order No") FROM "casrec_csv"."order" o
  JOIN "scope"."cases" s ON s."case_no" = o."Case" AND s."in_scope"
 WHERE o."Ord Stat" <> 'Open'
