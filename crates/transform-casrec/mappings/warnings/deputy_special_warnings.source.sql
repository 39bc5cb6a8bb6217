-- Every deputy row of an in-scope deputy with "SIM" 3, repeated Deputy Nos included.
SELECT d."casrec_row_id" FROM deputy d JOIN scope_deputies sd ON sd."deputy_no" = d."Deputy No" WHERE d."SIM" = '3'
