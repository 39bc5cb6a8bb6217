-- Person ↔ timeline links expected in Sirius: every expected event, migration or put away notice,
-- linked to its one client.
SELECT (SELECT count(DISTINCT p."Case") FROM "casrec_csv"."pat" p
          JOIN "scope"."cases" s ON s."case_no" = p."Case" AND s."in_scope")
     + (SELECT count(*) FROM "casrec_csv"."pat" p
          JOIN "scope"."cases" s ON s."casrec_row_id" = p."casrec_row_id" AND s."in_scope"
         WHERE "validation"."casrec_date"(p."Away Date") IS NOT NULL)
