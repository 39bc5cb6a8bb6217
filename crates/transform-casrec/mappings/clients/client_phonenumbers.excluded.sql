SELECT p."casrec_row_id", 'no client phone number' AS "reason"
  FROM t_client_persons cp JOIN pat p ON p."casrec_row_id" = cp."casrec_row_id"
 WHERE p."Client Phone" IN ('', ' ', '0')
