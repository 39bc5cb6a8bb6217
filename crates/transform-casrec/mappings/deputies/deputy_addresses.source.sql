-- Every deputy_address row is answered for: migrated, or excluded with its reason.
SELECT "casrec_row_id" FROM deputy_address
