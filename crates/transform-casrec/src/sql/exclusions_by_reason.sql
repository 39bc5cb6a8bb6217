-- The rows the targets of this invocation excluded by a rule, per target and reason; the step's
-- summary folds the reasons into rules (migration_core::ledger::rule_of). A row the target also
-- recorded an exception for was left out because a value could not be transformed: it is
-- quarantined, counted with the exceptions, not here.
SELECT q."target", q."reason", count(*)
  FROM "transform"."quarantine" q
  LEFT JOIN (SELECT DISTINCT "target", "casrec_row_id" FROM "transform"."exceptions") e
    ON e."target" = q."target" AND e."casrec_row_id" = q."casrec_row_id"
 WHERE q."target" = ANY($1) AND e."casrec_row_id" IS NULL
 GROUP BY 1, 2
