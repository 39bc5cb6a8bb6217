SELECT d."casrec_row_id", 'no evening phone number' AS "reason"
  FROM t_deputy_persons p JOIN deputy d ON d."casrec_row_id" = p."casrec_row_id"
 WHERE d."Contact Tele2" IN ('', ' ', '0')
