-- Person ↔ warning links expected in Sirius: every expected warning, client or deputy, linked to
-- its one person, counted from the raw export as the two warning counts are.
SELECT (SELECT count(*) FILTER (WHERE p."VWM" = '4') + count(*) FILTER (WHERE p."SIM" = '3')
               + count(*) FILTER (WHERE p."SAAR Check" = 'Y') + count(*) FILTER (WHERE p."Debt chase" = '1')
          FROM "casrec_csv"."pat" p
          JOIN "scope"."cases" s ON s."casrec_row_id" = p."casrec_row_id" AND s."in_scope")
     + (SELECT count(*) FROM "casrec_csv"."remarks" r
          JOIN "scope"."cases" s ON s."case_no" = r."Case" AND s."in_scope"
         WHERE r."Pri" = '1')
     + (SELECT count(*) FILTER (WHERE x."VWM" = '4') + count(*) FILTER (WHERE x."SIM" = '3') FROM (
            SELECT DISTINCT ON (d."Deputy No") d."VWM", d."SIM" FROM "casrec_csv"."deputy" d
             WHERE d."Deputy No" IN (SELECT ds."Deputy No" FROM "casrec_csv"."deputyship" ds
                                       JOIN "scope"."cases" s ON s."case_no" = ds."Case" AND s."in_scope")
             ORDER BY d."Deputy No", d."casrec_row_id") x)
