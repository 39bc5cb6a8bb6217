SELECT r."casrec_row_id",
       CASE WHEN p."c_deputy_no" IS NULL THEN 'deputy not migrated'
            ELSE 'log date blank or not a date: Sirius needs a created time' END AS "reason"
  FROM deputy_remarks r
  JOIN scope_deputies s ON s."deputy_no" = r."Deputy No"
  LEFT JOIN t_deputy_persons p ON p."c_deputy_no" = r."Deputy No"
  LEFT JOIN t_deputy_notes t ON t."casrec_row_id" = r."casrec_row_id"
 WHERE t."casrec_row_id" IS NULL
