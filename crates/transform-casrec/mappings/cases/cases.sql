-- cases: one Sirius order per CasRec order of an in-scope case. Orders still 'Open' (applied
-- for, not yet made) are not migrated; a repeated Order No keeps its first row.
WITH ranked AS (
    SELECT o.*, row_number() OVER (PARTITION BY o."Order No" ORDER BY o."casrec_row_id") AS "rn"
      FROM "order" o JOIN in_scope_cases s ON s."case_no" = o."Case"
),
-- How the deputies were appointed: the latest deputyship of the order that is not a
-- discharge (Joint 5), latest by Create then at, both parsed: a blank, NaT or unparseable stamp
-- (the last recorded in transform.exceptions under the deputyship line, the column named with
-- its file) ranks after every real one; ties: the later line.
appointed AS (
    SELECT "Order No" AS "order_no",
           CASE "Joint" WHEN '1' THEN 'SOLE' WHEN '2' THEN 'JOINT'
                        WHEN '3' THEN 'JOINTANDSEVERALLY' WHEN '4' THEN 'JOINTANDSEVERALLY' END AS "howdeputyappointed"
      FROM (SELECT ds.*, row_number() OVER (PARTITION BY ds."Order No"
                                            ORDER BY casrec_timestamp(ds."Create", ds."casrec_row_id", 'deputyship.Create') DESC NULLS LAST,
                                                     casrec_time(ds."at", ds."casrec_row_id", 'deputyship.at') DESC NULLS LAST,
                                                     ds."casrec_row_id" DESC) AS "rn"
              FROM deputyship ds WHERE ds."Joint" <> '5') latest
     WHERE "rn" = 1
)
SELECT
    o."casrec_row_id",
    'order:' || o."Order No" AS "migration_key",
    o."Case" AS "c_case",
    o."Order No" AS "c_order_no",
    o."CoP Case" AS "c_cop_case",
    o."Bond No." AS "c_bond_no",
    CAST(0 AS INT) AS "applicationtype",
    'ORDER' AS "casetype",
    lookup('order_type', o."Ord Type", NULL, o."casrec_row_id", 'Ord Type') AS "casesubtype",
    false AS "caseattorneysingular",
    false AS "caseattorneyjointlyandseverally",
    false AS "caseattorneyjointly",
    false AS "caseattorneyjointlyandjointlyandseverally",
    false AS "caseattorneyactionadditionalinfo",
    false AS "repeatapplication",
    'order' AS "type",
    CAST(1 AS INT) AS "ascertained_by",
    false AS "donorsignaturewitnessed",
    false AS "donorhaspreviouslpas",
    CAST(as_of_date() AS TIMESTAMP) AS "createddate",
    CAST(1 AS INT) AS "trustcorporationsignedas",
    false AS "hasrelativetonotice",
    false AS "areallattorneysapplyingtoregister",
    false AS "donorhasotherepas",
    false AS "usesnotifiedpersons",
    false AS "nonoticegiven",
    CAST(1 AS INT) AS "notifiedpersonpermissionby",
    CAST(0 AS INT) AS "paymentbydebitcreditcard",
    CAST(0 AS INT) AS "paymentbycheque",
    CAST(0 AS INT) AS "haveappliedforfeeremission",
    false AS "anyotherinfo",
    false AS "additionalinfodonorsignature",
    CAST(0 AS INT) AS "paymentremission",
    CAST(0 AS INT) AS "paymentexemption",
    CAST(1 AS INT) AS "attorneypartydeclaration",
    CAST(1 AS INT) AS "attorneyapplicationassertion",
    CAST(1 AS INT) AS "attorneymentalactpermission",
    false AS "attorneydeclarationsignaturewitness",
    CAST(1 AS INT) AS "correspondentcomplianceassertion",
    CAST(1 AS INT) AS "applicantsdeclaration",
    false AS "applicationhasrestrictions",
    false AS "applicationhasguidance",
    false AS "applicationhascharges",
    casrec_date(o."Made Date", o."casrec_row_id", 'Made Date') AS "orderdate",
    casrec_date(o."Issue Date", o."casrec_row_id", 'Issue Date') AS "orderissuedate",
    CAST(lookup('bond_required', o."Bond Rqd", NULL, o."casrec_row_id", 'Bond Rqd') AS BOOLEAN) AS "securitybond",
    -- set_cases_orderstatus: Active orders of types 26, 43 and 45 stay OPEN; other statuses are NULL.
    CASE WHEN o."Ord Stat" = 'Closed' THEN 'CLOSED'
         WHEN o."Ord Stat" = 'Active' AND o."Ord Type" IN ('26', '43', '45') THEN 'OPEN'
         WHEN o."Ord Stat" = 'Active' THEN 'ACTIVE' END AS "orderstatus",
    o."Case" AS "caserecnumber",
    -- Sirius keeps CasRec's order number here, which later runs match orders by.
    CASE WHEN length(o."Order No") BETWEEN 1 AND 9 AND btrim(o."Order No", '0123456789') = ''
         THEN CAST(o."Order No" AS INT) END AS "oldcaseid",
    casrec_timestamp(o."Spvn Received", o."casrec_row_id", 'Spvn Received') AS "receiptdate",
    a."howdeputyappointed",
    casrec_date(o."Expiry Date", o."casrec_row_id", 'Expiry Date') AS "orderexpirydate",
    lookup('order_subtype', o."Ord Type", NULL, o."casrec_row_id", 'Ord Type') AS "ordersubtype",
    CAST(as_of_date() AS TIMESTAMP) AS "updateddate",
    casrec_timestamp(o."Clause Expiry", o."casrec_row_id", 'Clause Expiry') AS "clauseexpirydate"
FROM ranked o
LEFT JOIN appointed a ON a."order_no" = o."Order No"
WHERE o."rn" = 1 AND o."Ord Stat" <> 'Open'
ORDER BY o."casrec_row_id"
