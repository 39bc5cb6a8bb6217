-- The target answers for every remark of an in-scope deputy.
SELECT r."casrec_row_id" FROM deputy_remarks r JOIN scope_deputies s ON s."deputy_no" = r."Deputy No"
