-- Visits as CasRec says they are, recomputed from casrec_csv and the scope with the mapping's
-- rules written again here: one per Report No whose first repvis row is of an in-scope case.
-- Codes by the mapping's lookups (blank, unknown and the lookups' empty entries NULL), dates by
-- validation's own parser, the subtype from Req By and Report Type read as numbers.
WITH v AS (
    SELECT DISTINCT ON (v."Report No") v.*,
           CASE WHEN btrim(v."Req By") ~ '^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$' THEN btrim(v."Req By")::numeric END AS "req_by",
           CASE WHEN btrim(v."Report Type") ~ '^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$' THEN btrim(v."Report Type")::numeric END AS "report_type"
      FROM "casrec_csv"."repvis" v
     WHERE v."Report No" <> ''
     ORDER BY v."Report No", v."casrec_row_id"
)
SELECT 'visit:' || v."Report No" AS "migration_key",
       (SELECT i."id" FROM "integration"."persons" i WHERE i."migration_key" = 'client:' || v."Case") AS "client_id",
       CASE WHEN v."Req By" IN ('1', '2', '4', '5', '6', '7') THEN 'VT-SUP' WHEN v."Req By" = '3' THEN 'VT-INV'
            WHEN v."Req By" IN ('8', '9', '10', '11', '12', '13', '14') THEN 'VT-ASS' END AS "visittype",
       "validation"."casrec_date"(v."Create")::timestamp AS "visitcreateddate",
       "validation"."casrec_date"(v."Report Due")::timestamp AS "visitreportduedate",
       CASE v."Outcome" WHEN '1' THEN 'CANCELLED' WHEN '2' THEN 'SUCCESSFUL' WHEN '3' THEN 'ABORTED' END AS "visitoutcome",
       "validation"."casrec_date"(v."Date Completed")::timestamp AS "visitcompleteddate",
       "validation"."casrec_date"(v."Report Rcvd.")::timestamp AS "visitreportreceiveddate",
       CASE v."Categ" WHEN 'Red' THEN 'RED' WHEN 'Green' THEN 'GREEN' WHEN 'Amber' THEN 'AMBER' END AS "visitreportmarkedas",
       "validation"."casrec_date"(v."Review Date")::timestamp AS "visitreportrevieweddate",
       CASE v."Reason" WHEN '4' THEN 'CR-MISC' WHEN '5' THEN 'CR-CANC' WHEN '6' THEN 'CR-REF' WHEN '7' THEN 'CR-DOC'
            WHEN '8' THEN 'CR-DOD' WHEN '9' THEN 'CR-CONF' WHEN '10' THEN 'CR-DUPE' WHEN '11' THEN 'CR-AREA' END AS "visitcancellationreason",
       "validation"."casrec_date"(v."Commission Dated")::timestamp AS "visitcommissiondate",
       "validation"."casrec_date"(v."Extension 1")::timestamp AS "firstextendedvisitreportduedate",
       "validation"."casrec_date"(v."Extension 2")::timestamp AS "secondextendedvisitreportduedate",
       CASE WHEN v."Rep On" IN ('D', 'O') THEN 'VPT-DEPUTY' WHEN v."Rep On" IN ('N', 'C') THEN 'VPT-CLIENT' END AS "whotovisit",
       'VU-STAN' AS "visiturgency",
       CASE WHEN v."req_by" IN (1, 2, 4, 5, 6, 7) AND v."report_type" = 1 THEN 'VST-LAY'
            WHEN v."req_by" IN (1, 2, 4, 5, 6, 7) AND v."report_type" = 2 THEN 'VST-HW'
            WHEN v."req_by" IN (1, 2, 4, 5, 6, 7) AND v."report_type" = 3 THEN 'VST-MED'
            WHEN v."req_by" = 3 AND v."report_type" IN (1, 2) THEN 'VST-DEP'
            WHEN v."req_by" = 3 AND v."report_type" = 3 THEN 'VST-MLPA'
            WHEN v."req_by" BETWEEN 8 AND 14 AND v."report_type" IN (1, 2, 3) THEN 'VST-PRO' END AS "visitsubtype"
  FROM v
  JOIN "scope"."cases" s ON s."case_no" = v."Case" AND s."in_scope"
