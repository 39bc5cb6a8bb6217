-- Whatever tasks.sql leaves out, in the order it decides: the last reason is an assignee Sirius
-- does not hold, which tasks.sql also records in transform.exceptions (quarantined).
SELECT a."casrec_row_id",
       CASE WHEN cp."caserecnumber" IS NULL THEN 'client not migrated'
            WHEN c."caserecnumber" IS NULL THEN 'the case has no migrated order'
            WHEN a."Status" <> 'ACTIVE' THEN 'not an active task (Status is not ACTIVE)'
            WHEN a."SupID" = '' THEN 'no SupID'
            WHEN a."rn" > 1 THEN 'duplicate SupID: its first row is migrated'
            ELSE 'its assignee (Term By) is not an assignee Sirius holds: quarantined' END AS "reason"
  FROM (SELECT a.*, row_number() OVER (PARTITION BY a."SupID" ORDER BY a."casrec_row_id") AS "rn"
          FROM sup_activity a) a
  JOIN in_scope_cases s ON s."case_no" = a."Case"
  LEFT JOIN t_client_persons cp ON cp."caserecnumber" = a."Case"
  LEFT JOIN (SELECT DISTINCT "caserecnumber" FROM t_cases) c ON c."caserecnumber" = a."Case"
  LEFT JOIN t_tasks t ON t."casrec_row_id" = a."casrec_row_id"
 WHERE t."casrec_row_id" IS NULL
