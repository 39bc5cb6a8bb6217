-- person_task: the client each task is about, by case number. Every task was made for a
-- migrated client, so every one finds its person (the original's left join could leave a NULL
-- person and abort the run, §6.19).
SELECT
    t."casrec_row_id",
    'person_task:' || t."migration_key" AS "migration_key",
    t."c_case",
    p."id" AS "person_id",
    t."id" AS "task_id"
FROM t_tasks t
JOIN t_client_persons p ON p."caserecnumber" = t."c_case"
ORDER BY t."casrec_row_id"
