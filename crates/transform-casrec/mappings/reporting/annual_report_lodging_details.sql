-- annual_report_lodging_details: how each account report log was lodged, one per log, from the
-- same account row (joined by its line, so two rows of one case with the same End Date keep
-- their own details; the original joined on case and End Date text). Lodged status by the
-- original's decision table, last matching rule winning (written here in reverse order); then
-- the further-information rules: the last Further code that is set (an integer other than 0)
-- says whether the latest further-information date is a bank statement deadline (codes 1, 8) or
-- a report deadline (2-7, 99); the report was resubmitted on the latest later received date when
-- that date is the one answering the same request (same index), and for a bank statement request
-- bankstatementsreceived says whether it was. The mapping's own bankstatementsreceived
-- (any received date) was always overwritten by these rules in the original too.
WITH a AS (
    SELECT a.*, t."id" AS "annual_report_log_id", t."migration_key" AS "log_key"
      FROM account a JOIN t_annual_report_logs t ON t."casrec_row_id" = a."casrec_row_id"
),
d AS (
    SELECT a."casrec_row_id", a."annual_report_log_id", a."log_key", coalesce(a."Rev Stat", '') AS "rs",
           coalesce(a."Further Code", '') AS "fc",
           casrec_date(a."Lodge Date", a."casrec_row_id", 'Lodge Date') AS "lodged",
           casrec_date(a."Review Date", a."casrec_row_id", 'Review Date') AS "reviewed",
           casrec_date(a."Revise Date", a."casrec_row_id", 'Revise Date') AS "revised",
           casrec_date(a."Followup Date", a."casrec_row_id", 'Followup Date') AS "followup",
           casrec_date(a."Rcvd Date", a."casrec_row_id", 'Rcvd Date') AS "rcvd0",
           casrec_date(a."Rcvd Date1", a."casrec_row_id", 'Rcvd Date1') AS "rcvd1",
           casrec_date(a."Rcvd Date2", a."casrec_row_id", 'Rcvd Date2') AS "rcvd2",
           casrec_date(a."Rcvd Date3", a."casrec_row_id", 'Rcvd Date3') AS "rcvd3",
           casrec_date(a."Rcvd Date4", a."casrec_row_id", 'Rcvd Date4') AS "rcvd4",
           casrec_date(a."Rcvd Date5", a."casrec_row_id", 'Rcvd Date5') AS "rcvd5",
           casrec_date(a."Rcvd Date6", a."casrec_row_id", 'Rcvd Date6') AS "rcvd6",
           (casrec_date(a."Sent1", a."casrec_row_id", 'Sent1') IS NOT NULL
            OR casrec_date(a."Sent2", a."casrec_row_id", 'Sent2') IS NOT NULL
            OR casrec_date(a."Sent3", a."casrec_row_id", 'Sent3') IS NOT NULL
            OR casrec_date(a."Sent4", a."casrec_row_id", 'Sent4') IS NOT NULL
            OR casrec_date(a."Sent5", a."casrec_row_id", 'Sent5') IS NOT NULL
            OR casrec_date(a."Sent6", a."casrec_row_id", 'Sent6') IS NOT NULL) AS "sent",
           greatest(casrec_date(a."Further Date1", a."casrec_row_id", 'Further Date1'),
                    casrec_date(a."Further Date2", a."casrec_row_id", 'Further Date2'),
                    casrec_date(a."Further Date3", a."casrec_row_id", 'Further Date3'),
                    casrec_date(a."Further Date4", a."casrec_row_id", 'Further Date4'),
                    casrec_date(a."Further Date6", a."casrec_row_id", 'Further Date6'),
                    casrec_date(a."Further Date6.1", a."casrec_row_id", 'Further Date6.1')) AS "further_date",
           nullif(casrec_int(a."Further1", a."casrec_row_id", 'Further1'), 0) AS "f1",
           nullif(casrec_int(a."Further2", a."casrec_row_id", 'Further2'), 0) AS "f2",
           nullif(casrec_int(a."Further3", a."casrec_row_id", 'Further3'), 0) AS "f3",
           nullif(casrec_int(a."Further4", a."casrec_row_id", 'Further4'), 0) AS "f4",
           nullif(casrec_int(a."Further5", a."casrec_row_id", 'Further5'), 0) AS "f5",
           nullif(casrec_int(a."Further6", a."casrec_row_id", 'Further6'), 0) AS "f6"
      FROM a
),
e AS (
    SELECT d.*,
           (d."rcvd0" IS NOT NULL OR d."rcvd1" IS NOT NULL OR d."rcvd2" IS NOT NULL OR d."rcvd3" IS NOT NULL
            OR d."rcvd4" IS NOT NULL OR d."rcvd5" IS NOT NULL OR d."rcvd6" IS NOT NULL) AS "r",
           coalesce(d."f6", d."f5", d."f4", d."f3", d."f2", d."f1") AS "last_code",
           CASE WHEN d."f6" IS NOT NULL THEN 6 WHEN d."f5" IS NOT NULL THEN 5 WHEN d."f4" IS NOT NULL THEN 4
                WHEN d."f3" IS NOT NULL THEN 3 WHEN d."f2" IS NOT NULL THEN 2 WHEN d."f1" IS NOT NULL THEN 1 END AS "k",
           greatest(d."rcvd1", d."rcvd2", d."rcvd3", d."rcvd4", d."rcvd5", d."rcvd6") AS "latest_rcvd"
      FROM d
),
j AS (
    -- The index of the latest later received date (ties: the lowest index).
    SELECT e.*,
           CASE WHEN e."latest_rcvd" IS NULL THEN NULL
                WHEN e."rcvd1" = e."latest_rcvd" THEN 1 WHEN e."rcvd2" = e."latest_rcvd" THEN 2
                WHEN e."rcvd3" = e."latest_rcvd" THEN 3 WHEN e."rcvd4" = e."latest_rcvd" THEN 4
                WHEN e."rcvd5" = e."latest_rcvd" THEN 5 ELSE 6 END AS "j"
      FROM e
)
SELECT
    j."casrec_row_id",
    'lodging:' || j."log_key" AS "migration_key",
    j."annual_report_log_id" AS "annual_report_log_id",
    j."lodged" AS "datereportlodged",
    CAST(2657 AS INT) AS "lodgedby_id",
    CASE
        WHEN j."fc" = '' AND j."revised" IS NULL AND j."followup" IS NULL AND NOT j."r" AND NOT j."sent" THEN 'REFERRED_FOR_REVIEW'
        WHEN j."revised" IS NOT NULL AND j."fc" IN ('1', '8') AND j."r" AND j."followup" IS NULL THEN 'REFERRED_FOR_REVIEW'
        WHEN j."revised" IS NOT NULL AND j."fc" IN ('1', '8') AND NOT j."r" AND j."followup" IS NULL THEN 'REFERRED_FOR_REVIEW'
        WHEN j."revised" IS NOT NULL AND j."fc" IN ('2', '3', '4') AND j."r" AND NOT j."sent" AND j."followup" IS NOT NULL THEN 'INCOMPLETE'
        WHEN j."revised" IS NOT NULL AND j."fc" IN ('2', '3', '4') AND NOT j."r" AND NOT j."sent" AND j."followup" IS NOT NULL THEN 'INCOMPLETE'
        WHEN j."rs" IN ('R', 'G', 'M') AND j."r" AND j."lodged" IS NOT NULL AND j."reviewed" IS NOT NULL THEN 'REFERRED_FOR_REVIEW'
        WHEN j."rs" = 'S' AND j."r" AND j."lodged" IS NOT NULL THEN 'REFERRED_FOR_REVIEW'
        WHEN j."rs" = 'I' AND j."r" AND j."lodged" IS NOT NULL AND j."reviewed" IS NULL THEN 'INCOMPLETE'
        WHEN j."rs" = 'N' AND j."r" AND j."lodged" IS NOT NULL AND j."reviewed" IS NULL THEN 'ACKNOWLEDGED'
    END AS "lodgedstatus",
    CASE WHEN j."further_date" IS NOT NULL AND j."last_code" IN (1, 8) THEN j."further_date" END AS "bankstatementdeadlinedate",
    CASE WHEN j."further_date" IS NOT NULL AND j."last_code" IN (2, 3, 4, 5, 6, 7, 99) THEN j."further_date" END AS "deadlinedate",
    CASE WHEN j."j" = j."k" THEN j."latest_rcvd" END AS "resubmitteddate",
    CASE WHEN j."last_code" IN (1, 8) THEN coalesce(j."j" = j."k", false) END AS "bankstatementsreceived",
    CAST(NULL AS BOOLEAN) AS "digidepsreport",
    CAST(NULL AS VARCHAR) AS "reasonfordetermination"
FROM j
ORDER BY j."casrec_row_id"
