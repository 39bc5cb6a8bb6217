-- tasks: each active supervision activity (sup_activity, Status ACTIVE) of a migrated client
-- whose case has a migrated order (the original kept only tasks of cases it migrated), keyed by
-- CasRec's own activity number (SupID); a repeated SupID keeps its first row. The task type is
-- the activity's description by lookup (blank or unknown: the general CWGN, unknown recorded);
-- the assignee is the user who last acted on it (Term By) by the assignee lookup, blank or
-- unknown the migration user 2657. Sirius's assignees are a table the migration only reads: a
-- task whose assignee Sirius does not hold is left out and recorded (quarantined) instead of
-- failing the load. The due date is the activity's Target date, or its Start Date when Target
-- is blank (an impossible date is NULL and recorded). Sirius needs a created time: Date Create,
-- or the run's as-of date when it is blank or not a date (the latter recorded).
WITH a AS (
    SELECT a.*, row_number() OVER (PARTITION BY a."SupID" ORDER BY a."casrec_row_id") AS "rn"
      FROM sup_activity a
),
cases_migrated AS (SELECT DISTINCT "caserecnumber" FROM t_cases),
candidate AS (
    SELECT a.*,
           CAST(lookup('assignee', a."Term By", '2657', a."casrec_row_id", 'Term By') AS BIGINT) AS "assignee"
      FROM a
      JOIN in_scope_cases s ON s."case_no" = a."Case"
      JOIN t_client_persons cp ON cp."caserecnumber" = a."Case"
      JOIN cases_migrated c ON c."caserecnumber" = a."Case"
     WHERE a."Status" = 'ACTIVE' AND a."SupID" <> '' AND a."rn" = 1
),
held AS (
    SELECT t.*, held_by_sirius(t."assignee", sa."id" IS NOT NULL, t."casrec_row_id", 'Term By (assignee id)') AS "held_assignee"
      FROM candidate t
      LEFT JOIN sirius_assignees sa ON sa."id" = t."assignee"
)
SELECT
    "casrec_row_id",
    'task:' || "SupID" AS "migration_key",
    "Case" AS "c_case",
    "Order No" AS "c_order_no",
    CAST("held_assignee" AS INT) AS "assignee_id",
    lookup('task_type', "Sup Desc", 'CWGN', "casrec_row_id", 'Sup Desc') AS "type",
    'Not started' AS "status",
    CASE WHEN btrim("Target") <> '' THEN casrec_timestamp("Target", "casrec_row_id", 'Target')
         ELSE casrec_timestamp("Start Date", "casrec_row_id", 'Start Date') END AS "duedate",
    nullif("Comment", '') AS "description",
    coalesce(casrec_timestamp("Date Create", "casrec_row_id", 'Date Create'),
             arrow_cast(as_of_date(), 'Timestamp(Microsecond, None)')) AS "createdtime"
FROM held
WHERE "held_assignee" IS NOT NULL
ORDER BY "casrec_row_id"
