-- client death notifications: one per migrated client whose case CasRec closed by death (Term
-- Type D), with how and when the death was notified and whether proof arrived.
SELECT
    p."casrec_row_id",
    'client_death:' || p."Case" AS "migration_key",
    p."Case" AS "c_case",
    p."Term Type" AS "c_term_type",
    cp."id" AS "person_id",
    CAST(lookup('proof_boolean', p."Proof", NULL, p."casrec_row_id", 'Proof') AS BOOLEAN) AS "proofofdeathreceived",
    casrec_date(p."Letter Sent", p."casrec_row_id", 'Letter Sent') AS "datelettersentout",
    casrec_date(p."Notified", p."casrec_row_id", 'Notified') AS "datenotified",
    lookup('termby', p."Term by", NULL, p."casrec_row_id", 'Term by') AS "notifiedby",
    lookup('notify_type', p."Notify", NULL, p."casrec_row_id", 'Notify') AS "notificationmethod",
    'Migrated' AS "notes"
FROM t_client_persons cp
JOIN pat p ON p."casrec_row_id" = cp."casrec_row_id"
WHERE p."Term Type" = 'D'
ORDER BY p."casrec_row_id"
