-- The rows of one CasRec table each target excluded, per reason; accounting.rs folds the reasons
-- into rules (migration_core::ledger::rule_of).
SELECT "target", "reason", count(*) FROM "transform"."quarantine" WHERE "source_table" = $1 GROUP BY 1, 2
