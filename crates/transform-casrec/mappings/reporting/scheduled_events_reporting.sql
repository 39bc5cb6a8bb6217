-- scheduled_events_reporting: for each pending report log, the event Sirius runs when the next
-- reporting period ends (a year after this one): due a year less a day after the period end, its
-- payload naming the client, the report log and the next period's end. clientId and
-- reportingPeriodId are written by integration's scheduled_event_payload_ids rule once the log
-- and the client have their Sirius ids (the payload is the event's only link to them); here they
-- are null, never transform ids a later renumbering would leave stale. c_report_log_key names
-- the log for that rule.
SELECT
    l."casrec_row_id",
    'report_event:' || l."c_case" AS "migration_key",
    l."c_case" AS "c_case",
    l."migration_key" AS "c_report_log_key",
    CAST(l."reportingperiodenddate" + INTERVAL '1 year' - INTERVAL '1 day' AS TIMESTAMP) AS "dueby",
    '{"class": "Opg\\Core\\Model\\Event\\DeputyshipReporting\\ScheduledReportingPeriodEndDate", "payload": '
      || '{"clientId": null, "reportingPeriodId": null, "endDate": "'
      || format_date(CAST(l."reportingperiodenddate" + INTERVAL '1 year' AS DATE)) || 'T00:00:00+00:00"}}' AS "event",
    false AS "processed",
    CAST(1 AS INT) AS "version",
    CAST(NULL AS VARCHAR) AS "processedmessage"
FROM t_annual_report_logs_pending l
ORDER BY l."casrec_row_id"
