SELECT d."casrec_row_id", 'no daytime phone number' AS "reason"
  FROM t_deputy_persons p JOIN deputy d ON d."casrec_row_id" = p."casrec_row_id"
 WHERE d."Contact Telephone" IN ('', ' ', '0')
