-- crec persons: each migrated client's risk score, from the case's latest crec row (by Modify
-- then at). Applied to the client's person row by id; the person keeps its own bookkeeping.
-- Modify and at are parsed, never compared as text: a blank, NaT or unparseable stamp (the
-- last recorded in transform.exceptions) ranks after every real one, and ties go to the later line.
WITH latest AS (
    SELECT c.*, row_number() OVER (PARTITION BY c."Case"
               ORDER BY casrec_timestamp(c."Modify", c."casrec_row_id", 'Modify') DESC NULLS LAST,
                        casrec_time(c."at.1", c."casrec_row_id", 'at.1') DESC NULLS LAST,
                        c."casrec_row_id" DESC) AS "rn"
      FROM crec c
)
SELECT
    l."casrec_row_id",
    l."Case" AS "c_case",
    cp."id",
    casrec_int(l."Score", l."casrec_row_id", 'Score') AS "risk_score"
FROM latest l
JOIN t_client_persons cp ON cp."caserecnumber" = l."Case"
WHERE l."rn" = 1
ORDER BY l."casrec_row_id"
