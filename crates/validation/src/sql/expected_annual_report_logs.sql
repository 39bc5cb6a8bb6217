-- Annual report logs expected in Sirius from account, counted from the raw export: one per
-- account row of an in-scope case whose End Date is a date (validation's own parser; a blank or
-- unreadable one gives none). Each has its lodging details and its report type assignment.
SELECT count(*) FROM "casrec_csv"."account" a
  JOIN "scope"."cases" s ON s."case_no" = a."Case" AND s."in_scope"
 WHERE "validation"."casrec_date"(a."End Date") IS NOT NULL
