-- caseitem_task: the order each task is about (its Order No), when that order was migrated and
-- is an order of the task's own case (the original joined on the Order No alone, so an Order No
-- of another case would have linked the task to another client's order).
SELECT
    t."casrec_row_id",
    'caseitem_task:' || t."migration_key" AS "migration_key",
    t."c_order_no",
    c."id" AS "caseitem_id",
    t."id" AS "task_id"
FROM t_tasks t
JOIN t_cases c ON c."c_order_no" = t."c_order_no" AND c."caserecnumber" = t."c_case"
ORDER BY t."casrec_row_id"
