-- Reporting scheduled events as CasRec says they are: one per pending log of
-- validation.casrec_report_logs, due the day before the period's first anniversary, its payload
-- naming the ids integration gave the client (client:<case>) and the log, and the day after the
-- period a year on. Compared as JSON (key order and spacing aside); the class has single
-- backslashes, which JSON escapes. correlationid is not the migration's (Sirius sets it when it
-- processes the event).
SELECT 'report_event:' || l."case_no" AS "migration_key",
       CAST(CAST(l."end" + interval '1 year' AS date) - 1 AS timestamp) AS "dueby",
       false AS "processed",
       1 AS "version",
       CAST(NULL AS text) AS "processedmessage",
       json_build_object('class', 'Opg\Core\Model\Event\DeputyshipReporting\ScheduledReportingPeriodEndDate',
           'payload', json_build_object(
               'clientId', (SELECT i."id" FROM "integration"."persons" i WHERE i."migration_key" = 'client:' || l."case_no"),
               'reportingPeriodId', (SELECT i."id" FROM "integration"."annual_report_logs" i WHERE i."migration_key" = l."migration_key"),
               'endDate', to_char(l."end" + interval '1 year', 'YYYY-MM-DD') || 'T00:00:00+00:00')) AS "event"
  FROM "validation"."casrec_report_logs" l
 WHERE l."kind" = 'pending'
