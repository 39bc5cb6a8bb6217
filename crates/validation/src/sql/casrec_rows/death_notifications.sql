-- Death notifications as CasRec says they are, recomputed from casrec_csv and the scope with
-- the mapping's rules written again here: one per in-scope case whose deciding pat row closed
-- it by death (Term Type D), and one per in-scope deputy whose first row says deceased (Stat 99).
-- person_id is the id integration gave the person of the same CasRec key.
SELECT 'client_death:' || p."Case" AS "migration_key",
       (SELECT i."id" FROM "integration"."persons" i WHERE i."migration_key" = 'client:' || p."Case") AS "person_id",
       CASE p."Proof" WHEN 'Y' THEN true WHEN 'N' THEN false END AS "proofofdeathreceived",
       "validation"."casrec_date"(p."Letter Sent") AS "datelettersentout",
       "validation"."casrec_date"(p."Notified") AS "datenotified",
       CASE p."Term by" WHEN 'D' THEN 'DEPUTY' WHEN 'E' THEN 'EXECUTOR' WHEN 'O' THEN 'OTHER' END AS "notifiedby",
       NULL::text AS "notifiedbyother",
       CASE p."Notify" WHEN '1' THEN 'Phone' WHEN '2' THEN 'Email' WHEN '3' THEN 'Letter' WHEN '4' THEN 'Fax' END AS "notificationmethod",
       'Migrated' AS "notes"
  FROM "casrec_csv"."pat" p
  JOIN "scope"."cases" s ON s."casrec_row_id" = p."casrec_row_id" AND s."in_scope"
 WHERE p."Term Type" = 'D'
UNION ALL
SELECT 'deputy_death:' || d."Deputy No",
       (SELECT i."id" FROM "integration"."persons" i WHERE i."migration_key" = 'deputy:' || d."Deputy No"),
       true, NULL, NULL, 'OTHER', 'Migration', NULL, 'Migrated'
  FROM (SELECT DISTINCT ON (d."Deputy No") d.* FROM "casrec_csv"."deputy" d
         WHERE d."Deputy No" IN (SELECT ds."Deputy No" FROM "casrec_csv"."deputyship" ds
                                   JOIN "scope"."cases" s ON s."case_no" = ds."Case" AND s."in_scope")
         ORDER BY d."Deputy No", d."casrec_row_id") d
 WHERE d."Stat" = '99'
