SELECT a."casrec_row_id",
       CASE WHEN a."rn" > 1 THEN 'duplicate Dep Addr No: its first row is migrated'
            ELSE 'no migrated deputy uses this address' END AS "reason"
  FROM (SELECT a.*, row_number() OVER (PARTITION BY a."Dep Addr No" ORDER BY a."casrec_row_id") AS "rn"
          FROM deputy_address a) a
 WHERE a."rn" > 1
    OR NOT EXISTS (SELECT 1 FROM t_deputy_addresses t WHERE t."casrec_row_id" = a."casrec_row_id")
