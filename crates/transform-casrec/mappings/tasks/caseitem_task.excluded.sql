SELECT t."casrec_row_id",
       CASE WHEN coalesce(t."c_order_no", '') = '' THEN 'the task names no order (blank Order No)'
            ELSE 'its order is not a migrated order of its case' END AS "reason"
  FROM t_tasks t
  LEFT JOIN t_caseitem_task l ON l."casrec_row_id" = t."casrec_row_id"
 WHERE l."casrec_row_id" IS NULL
