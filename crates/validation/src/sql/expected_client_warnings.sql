-- Client warnings expected in Sirius, counted from the raw export: one per flag set on an
-- in-scope case's deciding pat row (scope.cases.casrec_row_id): VWM 4, SIM 3, SAAR Check Y,
-- Debt chase 1; and one per priority remark (Pri 1) of an in-scope case.
SELECT (SELECT count(*) FILTER (WHERE p."VWM" = '4') + count(*) FILTER (WHERE p."SIM" = '3')
               + count(*) FILTER (WHERE p."SAAR Check" = 'Y') + count(*) FILTER (WHERE p."Debt chase" = '1')
          FROM "casrec_csv"."pat" p
          JOIN "scope"."cases" s ON s."casrec_row_id" = p."casrec_row_id" AND s."in_scope")
     + (SELECT count(*) FROM "casrec_csv"."remarks" r
          JOIN "scope"."cases" s ON s."case_no" = r."Case" AND s."in_scope"
         WHERE r."Pri" = '1')
