-- finance_exemptions: the fee exemption of each in-scope client CasRec marks with one (Exempt set:
-- neither blank nor 0), awarded from 2 April 2021, running from 1 April 2021 to the 31 March
-- that ends the financial year of its Award Date. A blank flag is no exemption (the original
-- made one of it). An Award Date that is not a date leaves the exemption out with the value
-- recorded; integration's finance_person_ids rule links it to the client's billing account.
WITH awarded AS (
    SELECT p."casrec_row_id", p."Case", p."Award Date", cp."caserecnumber" AS "client_case",
           casrec_date(p."Award Date", p."casrec_row_id", 'Award Date') AS "award"
      FROM pat_in_scope p
      LEFT JOIN t_client_persons cp ON cp."caserecnumber" = p."Case"
     WHERE coalesce(btrim(p."Exempt"), '') NOT IN ('', '0')
)
SELECT
    a."casrec_row_id",
    'exemption:' || a."Case" AS "migration_key",
    a."Case" AS "c_case",
    CAST(NULL AS INT) AS "finance_person_id",
    'EXEMPTION' AS "discounttype",
    CAST(NULL AS VARCHAR) AS "evidencetype",
    DATE '2021-04-01' AS "startdate",
    CASE WHEN a."award" >= DATE '2021-04-02' THEN
         CAST(fee_reduction_end_date(a."Award Date", a."casrec_row_id", 'Award Date') AS DATE) END AS "enddate",
    'Migrated from Casrec' AS "notes",
    false AS "deleted",
    CASE WHEN coalesce(btrim(a."Award Date"), '') = '' THEN 'no Award Date: not an exemption awarded from April 2021'
         WHEN a."award" IS NULL THEN 'Award Date is not a date (quarantined)'
         WHEN a."award" < DATE '2021-04-02' THEN 'awarded before 2 April 2021'
         WHEN a."client_case" IS NULL THEN 'its client was not migrated'
    END AS "left_out"
FROM awarded a
ORDER BY a."casrec_row_id"
