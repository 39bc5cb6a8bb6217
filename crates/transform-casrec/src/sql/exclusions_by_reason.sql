-- The rows the targets of this invocation excluded, per target and reason; the step's summary
-- folds the reasons into rules (migration_core::ledger::rule_of).
SELECT "target", "reason", count(*) FROM "transform"."quarantine" WHERE "target" = ANY($1) GROUP BY 1, 2
