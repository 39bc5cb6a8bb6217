-- Views every mapping may use. scope_cases is the run's scope.cases; a case's first pat row
-- decides it (casrec_row_id), later rows with the same case number are duplicates.
CREATE VIEW in_scope_cases AS
SELECT "case_no", "casrec_row_id" FROM scope_cases WHERE "in_scope";

-- A deputy is in scope when a deputyship links them to an in-scope case.
CREATE VIEW scope_deputies AS
SELECT DISTINCT ds."Deputy No" AS "deputy_no"
  FROM deputyship ds JOIN in_scope_cases s ON s."case_no" = ds."Case";

-- The one pat row of each in-scope case.
CREATE VIEW pat_in_scope AS
SELECT p.* FROM pat p JOIN in_scope_cases s ON s."casrec_row_id" = p."casrec_row_id";
