SELECT d."casrec_row_id" FROM deputy d JOIN scope_deputies sd ON sd."deputy_no" = d."Deputy No"
