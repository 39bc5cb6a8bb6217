SELECT ds."casrec_row_id",
       CASE WHEN c."c_order_no" IS NULL
                 THEN 'its order was not migrated (still Open, duplicate or missing)'
            ELSE 'its deputy was not migrated (missing from deputy.csv)' END AS "reason"
  FROM deputyship ds
  JOIN in_scope_cases s ON s."case_no" = ds."Case"
  LEFT JOIN (SELECT DISTINCT "c_order_no" FROM t_cases) c ON c."c_order_no" = ds."Order No"
  LEFT JOIN t_order_deputy t ON t."casrec_row_id" = ds."casrec_row_id"
 WHERE t."casrec_row_id" IS NULL
