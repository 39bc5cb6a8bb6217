-- Pending annual report logs expected in Sirius, counted from the raw export: one per in-scope
-- case whose deciding pat row has a Report Due that is a date, unless an account row of the case
-- has that End Date (the period is already a log from account). Each has its report type
-- assignment and its scheduled reporting event.
SELECT count(*) FROM "casrec_csv"."pat" p
  JOIN "scope"."cases" s ON s."casrec_row_id" = p."casrec_row_id" AND s."in_scope"
 WHERE "validation"."casrec_date"(p."Report Due") IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM "casrec_csv"."account" a
                    WHERE a."Case" = p."Case"
                      AND "validation"."casrec_date"(a."End Date") = "validation"."casrec_date"(p."Report Due"))
