-- Annual report logs as CasRec says they are: every log of validation.casrec_report_logs (built
-- from casrec_csv, the scope and the migrated orders, casrec_report_logs.sql), account-based and
-- pending, with the ids integration gave the client of its case (client:<case>) and its report
-- order (order:<Order No>; NULL when the case has no ACTIVE migrated order).
SELECT l."migration_key",
       l."end" AS "reportingperiodenddate",
       l."start" AS "reportingperiodstartdate",
       l."due" AS "duedate",
       l."revised" AS "revisedduedate",
       l."received" AS "receiveddate",
       l."review" AS "reviewdate",
       0 AS "numberofchaseletters",
       CAST(NULL AS integer) AS "reviewedby_id",
       CAST(NULL AS integer) AS "lodgingchecklistdocument_id",
       (SELECT i."id" FROM "integration"."persons" i WHERE i."migration_key" = 'client:' || l."case_no") AS "client_id",
       (SELECT i."id" FROM "integration"."cases" i WHERE i."migration_key" = 'order:' || l."order_no") AS "order_id",
       l."status",
       l."reviewstatus"
  FROM "validation"."casrec_report_logs" l
