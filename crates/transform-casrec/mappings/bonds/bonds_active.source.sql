-- The target answers for every order row of an in-scope case that requires a bond.
SELECT o."casrec_row_id" FROM "order" o JOIN in_scope_cases s ON s."case_no" = o."Case" WHERE o."Bond Rqd" = 'Y'
