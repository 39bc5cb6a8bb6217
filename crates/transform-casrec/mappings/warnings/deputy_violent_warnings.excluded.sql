-- A warning belongs to the deputy migrated from the Deputy No's first row; a repeated row, or a
-- deputy who was not migrated, gives none.
SELECT d."casrec_row_id",
       CASE WHEN dp."casrec_row_id" IS NOT NULL
            THEN 'repeated Deputy No: only the row the deputy is migrated from gives warnings'
            ELSE 'the deputy was not migrated' END AS "reason"
  FROM deputy d
  JOIN scope_deputies sd ON sd."deputy_no" = d."Deputy No"
  LEFT JOIN t_deputy_persons dp ON dp."c_deputy_no" = d."Deputy No"
 WHERE d."VWM" = '4'
   AND (dp."casrec_row_id" IS NULL OR dp."casrec_row_id" <> d."casrec_row_id")
