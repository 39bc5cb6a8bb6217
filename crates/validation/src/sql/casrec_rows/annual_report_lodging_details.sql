-- Lodging details as CasRec says they are: one per account-based log of
-- validation.casrec_report_logs, from its account row, with the rules written again here.
-- lodgedstatus by the decision table, the last matching rule winning (R: a received date, Rcvd
-- Date or Rcvd Date1..6, is a date, without the logs' lodge-date default; Sent: one of Sent1..6
-- is; Further Code by exact text). The deadline dates from the latest of Further Date1..4, 6 and
-- 6.1 that are dates, by the last of Further1..6 that is an integer other than 0 (k, its code;
-- a whole number as text, spaces aside, `8`, `8.0` or `8e0`, within 32 bits; anything else none):
-- 1 or 8 a bank statement deadline, 2–7 or 99 a deadline. The latest of Rcvd Date1..6 that is a
-- date (its index j, the lowest on a tie) is the resubmitted date when j = k; bank statements
-- received when the code is 1 or 8, whether j = k.
WITH "rows" AS (
    SELECT l."migration_key" AS "log_key", a.*,
           "validation"."casrec_date"(a."Lodge Date") IS NOT NULL AS "l",
           "validation"."casrec_date"(a."Review Date") IS NOT NULL AS "v",
           "validation"."casrec_date"(a."Revise Date") IS NOT NULL AS "revise",
           "validation"."casrec_date"(a."Followup Date") IS NOT NULL AS "followup",
           coalesce("validation"."casrec_date"(a."Rcvd Date"), "validation"."casrec_date"(a."Rcvd Date1"),
                    "validation"."casrec_date"(a."Rcvd Date2"), "validation"."casrec_date"(a."Rcvd Date3"),
                    "validation"."casrec_date"(a."Rcvd Date4"), "validation"."casrec_date"(a."Rcvd Date5"),
                    "validation"."casrec_date"(a."Rcvd Date6")) IS NOT NULL AS "r",
           coalesce("validation"."casrec_date"(a."Sent1"), "validation"."casrec_date"(a."Sent2"),
                    "validation"."casrec_date"(a."Sent3"), "validation"."casrec_date"(a."Sent4"),
                    "validation"."casrec_date"(a."Sent5"), "validation"."casrec_date"(a."Sent6")) IS NOT NULL AS "sent",
           greatest("validation"."casrec_date"(a."Further Date1"), "validation"."casrec_date"(a."Further Date2"),
                    "validation"."casrec_date"(a."Further Date3"), "validation"."casrec_date"(a."Further Date4"),
                    "validation"."casrec_date"(a."Further Date6"), "validation"."casrec_date"(a."Further Date6.1")) AS "further",
           f."k", f."code", m."j", m."received"
      FROM "validation"."casrec_report_logs" l
      JOIN "casrec_csv"."account" a ON a."casrec_row_id" = l."casrec_row_id"
      LEFT JOIN LATERAL (
          SELECT v."i" AS "k", v."n" AS "code"
            FROM (SELECT w."i", CASE WHEN btrim(w."c") ~ '^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,3})?$'
                                     THEN CAST(btrim(w."c") AS numeric) END AS "n"
                    FROM (VALUES (1, a."Further1"), (2, a."Further2"), (3, a."Further3"), (4, a."Further4"),
                                 (5, a."Further5"), (6, a."Further6")) w ("i", "c")) v
           WHERE v."n" = trunc(v."n") AND v."n" <> 0 AND abs(v."n") < 2147483648
           ORDER BY v."i" DESC LIMIT 1) f ON true
      LEFT JOIN LATERAL (
          SELECT v."i" AS "j", v."d" AS "received"
            FROM (VALUES (1, "validation"."casrec_date"(a."Rcvd Date1")), (2, "validation"."casrec_date"(a."Rcvd Date2")),
                         (3, "validation"."casrec_date"(a."Rcvd Date3")), (4, "validation"."casrec_date"(a."Rcvd Date4")),
                         (5, "validation"."casrec_date"(a."Rcvd Date5")), (6, "validation"."casrec_date"(a."Rcvd Date6"))) v ("i", "d")
           WHERE v."d" IS NOT NULL
           ORDER BY v."d" DESC, v."i" LIMIT 1) m ON true
     WHERE l."kind" = 'account'
)
SELECT 'lodging:' || r."log_key" AS "migration_key",
       (SELECT i."id" FROM "integration"."annual_report_logs" i WHERE i."migration_key" = r."log_key") AS "annual_report_log_id",
       "validation"."casrec_date"(r."Lodge Date") AS "datereportlodged",
       2657 AS "lodgedby_id",
       CAST(NULL AS boolean) AS "digidepsreport",
       CAST(NULL AS text) AS "reasonfordetermination",
       CASE
           WHEN coalesce(r."Further Code", '') = '' AND NOT r."revise" AND NOT r."followup" AND NOT r."r" AND NOT r."sent"
                THEN 'REFERRED_FOR_REVIEW'
           WHEN r."revise" AND r."Further Code" IN ('1', '8') AND r."r" AND NOT r."followup" THEN 'REFERRED_FOR_REVIEW'
           WHEN r."revise" AND r."Further Code" IN ('1', '8') AND NOT r."r" AND NOT r."followup" THEN 'REFERRED_FOR_REVIEW'
           WHEN r."revise" AND r."Further Code" IN ('2', '3', '4') AND r."r" AND NOT r."sent" AND r."followup" THEN 'INCOMPLETE'
           WHEN r."revise" AND r."Further Code" IN ('2', '3', '4') AND NOT r."r" AND NOT r."sent" AND r."followup" THEN 'INCOMPLETE'
           WHEN r."Rev Stat" IN ('R', 'G', 'M') AND r."r" AND r."l" AND r."v" THEN 'REFERRED_FOR_REVIEW'
           WHEN r."Rev Stat" = 'S' AND r."r" AND r."l" THEN 'REFERRED_FOR_REVIEW'
           WHEN r."Rev Stat" = 'I' AND r."r" AND r."l" AND NOT r."v" THEN 'INCOMPLETE'
           WHEN r."Rev Stat" = 'N' AND r."r" AND r."l" AND NOT r."v" THEN 'ACKNOWLEDGED'
       END AS "lodgedstatus",
       CASE WHEN r."code" IN (1, 8) THEN r."further" END AS "bankstatementdeadlinedate",
       CASE WHEN r."code" IN (2, 3, 4, 5, 6, 7, 99) THEN r."further" END AS "deadlinedate",
       CASE WHEN r."j" = r."k" THEN r."received" END AS "resubmitteddate",
       CASE WHEN r."code" IN (1, 8) THEN coalesce(r."j" = r."k", false) END AS "bankstatementsreceived"
  FROM "rows" r
