-- Put away notices expected in Sirius: one per in-scope case whose deciding pat row has an Away
-- Date that is a date (validation's own parser; a blank or unreadable one gives none).
SELECT count(*) FROM "casrec_csv"."pat" p
  JOIN "scope"."cases" s ON s."casrec_row_id" = p."casrec_row_id" AND s."in_scope"
 WHERE "validation"."casrec_date"(p."Away Date") IS NOT NULL
