SELECT "casrec_row_id", 'duplicate Deputy No: its first row is migrated' AS "reason"
  FROM (SELECT d."casrec_row_id", d."Deputy No",
               row_number() OVER (PARTITION BY d."Deputy No" ORDER BY d."casrec_row_id") AS "rn"
          FROM deputy d JOIN scope_deputies sd ON sd."deputy_no" = d."Deputy No") x
 WHERE "rn" > 1
