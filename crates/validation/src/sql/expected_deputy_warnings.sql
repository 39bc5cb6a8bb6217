-- Deputy warnings expected in Sirius, counted from the raw export: one per flag set on the first
-- row of each deputy of an in-scope case (by a deputyship): VWM 4, SIM 3.
SELECT count(*) FILTER (WHERE x."VWM" = '4') + count(*) FILTER (WHERE x."SIM" = '3') FROM (
    SELECT DISTINCT ON (d."Deputy No") d."VWM", d."SIM" FROM "casrec_csv"."deputy" d
     WHERE d."Deputy No" IN (SELECT ds."Deputy No" FROM "casrec_csv"."deputyship" ds
                               JOIN "scope"."cases" s ON s."case_no" = ds."Case" AND s."in_scope")
     ORDER BY d."Deputy No", d."casrec_row_id") x
