-- Client death notifications expected in Sirius: one per in-scope case whose deciding pat row
-- (scope.cases.casrec_row_id) says the case closed by death, counted from the raw export.
SELECT count(*) FROM "casrec_csv"."pat" p
  JOIN "scope"."cases" s ON s."casrec_row_id" = p."casrec_row_id" AND s."in_scope"
 WHERE p."Term Type" = 'D'
