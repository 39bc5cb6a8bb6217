-- A warning belongs to the client migrated from the case's deciding pat row; a repeated row of the
-- case, or a case whose client was not migrated, gives none.
SELECT p."casrec_row_id",
       CASE WHEN p."casrec_row_id" <> s."casrec_row_id"
            THEN 'repeated case number: only the row the client is migrated from gives warnings'
            ELSE 'the client was not migrated' END AS "reason"
  FROM pat p JOIN in_scope_cases s ON s."case_no" = p."Case"
 WHERE p."SAAR Check" = 'Y'
   AND NOT EXISTS (SELECT 1 FROM t_client_persons cp WHERE cp."casrec_row_id" = p."casrec_row_id")
