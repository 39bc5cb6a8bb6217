-- Deputy death notifications expected in Sirius: one per deputy of an in-scope case (by a
-- deputyship) whose first deputy row has Stat 99 (deceased), counted from the raw export.
SELECT count(*) FROM (
    SELECT DISTINCT ON (d."Deputy No") d."Stat" FROM "casrec_csv"."deputy" d
     WHERE d."Deputy No" IN (SELECT ds."Deputy No" FROM "casrec_csv"."deputyship" ds
                               JOIN "scope"."cases" s ON s."case_no" = ds."Case" AND s."in_scope")
     ORDER BY d."Deputy No", d."casrec_row_id") x
 WHERE x."Stat" = '99'
