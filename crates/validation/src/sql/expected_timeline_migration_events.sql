-- Migration notices expected in Sirius: one per migrated client, i.e. per in-scope case of pat,
-- counted from the raw export.
SELECT count(DISTINCT p."Case") FROM "casrec_csv"."pat" p
  JOIN "scope"."cases" s ON s."case_no" = p."Case" AND s."in_scope"
