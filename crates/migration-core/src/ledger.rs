//! The run ledger (`migration.runs`, `migration.step_runs`) in the migration database.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use tokio_postgres::GenericClient;

use crate::config::Environment;
use crate::error::{CoreError, Result};
use crate::pipeline::Step;

pub type RunId = i64;

const SCHEMA_SQL: &str = include_str!("sql/ledger.sql");

/// Creates the ledger tables when missing. Serialised with an advisory lock because steps
/// started side by side would otherwise race on CREATE SCHEMA.
pub async fn ensure<C: GenericClient>(c: &C) -> Result<()> {
    c.batch_execute(&format!("SELECT pg_advisory_lock(7243901); {SCHEMA_SQL}; SELECT pg_advisory_unlock(7243901);"))
        .await
        .map_err(CoreError::db("creating the run ledger (migration.runs, migration.step_runs)"))
}

pub async fn create_run<C: GenericClient>(
    c: &C,
    environment: Environment,
    as_of: Option<NaiveDate>,
    settings: &serde_json::Value,
    from: Option<Step>,
    to: Option<Step>,
) -> Result<RunId> {
    let row = c
        .query_one(
            r#"INSERT INTO "migration"."runs" ("environment", "as_of_date", "settings", "from_step", "to_step")
               VALUES ($1, $2, $3, $4, $5) RETURNING "run_id""#,
            &[&environment.name(), &as_of, settings, &from.map(|s| s.name()), &to.map(|s| s.name())],
        )
        .await
        .map_err(CoreError::db("recording a new run in migration.runs"))?;
    Ok(row.get(0))
}

/// Records a run under an id chosen elsewhere (the state machine's execution), once.
pub async fn ensure_run<C: GenericClient>(
    c: &C,
    run: RunId,
    environment: Environment,
    as_of: Option<NaiveDate>,
) -> Result<()> {
    c.execute(
        r#"INSERT INTO "migration"."runs" ("run_id", "environment", "as_of_date") OVERRIDING SYSTEM VALUE
           VALUES ($1, $2, $3) ON CONFLICT ("run_id") DO NOTHING"#,
        &[&run, &environment.name(), &as_of],
    )
    .await
    .map_err(CoreError::db(format!("recording run {run} in migration.runs")))?;
    Ok(())
}

pub async fn finish_run<C: GenericClient>(c: &C, run: RunId, succeeded: bool) -> Result<()> {
    c.execute(
        r#"UPDATE "migration"."runs" SET "finished_at" = now(), "status" = $2 WHERE "run_id" = $1"#,
        &[&run, &if succeeded { "succeeded" } else { "failed" }],
    )
    .await
    .map_err(CoreError::db(format!("finishing run {run} in migration.runs")))?;
    Ok(())
}

pub async fn run_exists<C: GenericClient>(c: &C, run: RunId) -> Result<bool> {
    Ok(c.query_opt(r#"SELECT 1 FROM "migration"."runs" WHERE "run_id" = $1"#, &[&run])
        .await
        .map_err(CoreError::db("reading migration.runs"))?
        .is_some())
}

pub async fn start_step<C: GenericClient>(c: &C, run: RunId, step: Step, part: Option<&str>) -> Result<i64> {
    let row = c
        .query_one(
            r#"INSERT INTO "migration"."step_runs" ("run_id", "step", "part") VALUES ($1, $2, $3) RETURNING "step_run_id""#,
            &[&run, &step.name(), &part],
        )
        .await
        .map_err(CoreError::db(format!("recording the start of {step} in migration.step_runs")))?;
    Ok(row.get(0))
}

/// What a step reports about its work. Rows a step did not carry through are told apart,
/// because they mean different things to whoever reads the summary: a rule's exclusion is the
/// migration working as designed, a quarantined row needs a person, a rejected line is bad input.
#[derive(Debug, Clone, Default, Serialize)]
pub struct StepCounts {
    pub rows_in: u64,
    pub rows_out: u64,
    /// Left out on purpose by a rule (a client without a phone number, an older crec row).
    pub rows_excluded: u64,
    /// A bad value or a broken reference: a person must look (value exceptions, orphans).
    pub rows_quarantined: u64,
    /// Lines rejected at load (load-casrec's rejects).
    pub rows_rejected: u64,
    /// The rules behind `rows_excluded`, each with its rows, most rows first.
    pub excluded_by_rule: Vec<(String, u64)>,
    pub details: serde_json::Value,
}

/// A rule's reason as one rule, whatever row it was given for: runs of digits (an order
/// number, a case) become `N`, so "duplicate Order No 30000001" and "... 30000002" are one rule.
pub fn rule_of(reason: &str) -> String {
    let mut out = String::with_capacity(reason.len());
    let mut in_digits = false;
    for c in reason.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('N');
            }
            in_digits = true;
        } else {
            out.push(c);
            in_digits = false;
        }
    }
    out
}

/// Where a step run's details keep the rules behind its exclusions.
const EXCLUDED_BY_RULE: &str = "excluded_by_rule";

pub async fn finish_step<C: GenericClient>(
    c: &C,
    step_run: i64,
    counts: Option<&StepCounts>,
    seconds: f64,
    error: Option<&str>,
) -> Result<()> {
    let status = if error.is_some() { "failed" } else { "succeeded" };
    let n = |v: u64| Some(v as i64);
    let (rin, rout, rx, rq, rr, details) = match counts {
        Some(k) => {
            let mut details = if k.details.is_null() { serde_json::json!({}) } else { k.details.clone() };
            if !k.excluded_by_rule.is_empty() {
                details[EXCLUDED_BY_RULE] = serde_json::json!(k.excluded_by_rule);
            }
            (n(k.rows_in), n(k.rows_out), n(k.rows_excluded), n(k.rows_quarantined), n(k.rows_rejected), details)
        }
        None => (None, None, None, None, None, serde_json::json!({})),
    };
    c.execute(
        r#"UPDATE "migration"."step_runs"
              SET "finished_at" = now(), "status" = $2, "rows_in" = $3, "rows_out" = $4,
                  "rows_excluded" = $5, "rows_quarantined" = $6, "rows_rejected" = $7,
                  "seconds" = $8, "details" = $9, "error" = $10
            WHERE "step_run_id" = $1"#,
        &[&step_run, &status, &rin, &rout, &rx, &rq, &rr, &seconds, &details, &error],
    )
    .await
    .map_err(CoreError::db(format!("recording the end of step run {step_run}")))?;
    Ok(())
}

#[derive(Debug, Clone, Serialize)]
pub struct RunRow {
    pub run_id: RunId,
    pub environment: String,
    pub as_of_date: Option<NaiveDate>,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub status: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepRunRow {
    pub run_id: RunId,
    pub step: String,
    /// The part of a fanned-out step this row records; None for a whole step.
    pub part: Option<String>,
    pub status: String,
    pub started_at: DateTime<Utc>,
    pub rows_in: Option<i64>,
    pub rows_out: Option<i64>,
    pub rows_excluded: Option<i64>,
    pub rows_quarantined: Option<i64>,
    pub rows_rejected: Option<i64>,
    /// The rules behind `rows_excluded`, as the step recorded them.
    pub excluded_by_rule: Vec<(String, i64)>,
    pub seconds: Option<f64>,
    pub error: Option<String>,
}

pub async fn recent_runs<C: GenericClient>(c: &C, limit: i64) -> Result<Vec<RunRow>> {
    let rows = c
        .query(
            r#"SELECT "run_id", "environment", "as_of_date", "started_at", "finished_at", "status"
                 FROM "migration"."runs" ORDER BY "run_id" DESC LIMIT $1"#,
            &[&limit],
        )
        .await
        .map_err(CoreError::db("reading migration.runs"))?;
    Ok(rows
        .iter()
        .map(|r| RunRow {
            run_id: r.get(0),
            environment: r.get(1),
            as_of_date: r.get(2),
            started_at: r.get(3),
            finished_at: r.get(4),
            status: r.get(5),
        })
        .collect())
}

pub async fn step_runs<C: GenericClient>(c: &C, run: RunId) -> Result<Vec<StepRunRow>> {
    let rows = c
        .query(
            r#"SELECT "run_id", "step", "status", "started_at", "rows_in", "rows_out", "rows_quarantined", "seconds", "error", "part",
                      "rows_excluded", "rows_rejected", "details" -> 'excluded_by_rule'
                 FROM "migration"."step_runs" WHERE "run_id" = $1 ORDER BY "step_run_id""#,
            &[&run],
        )
        .await
        .map_err(CoreError::db("reading migration.step_runs"))?;
    Ok(rows.iter().map(step_run_row).collect())
}

fn step_run_row(r: &tokio_postgres::Row) -> StepRunRow {
    StepRunRow {
        run_id: r.get(0),
        step: r.get(1),
        status: r.get(2),
        started_at: r.get(3),
        rows_in: r.get(4),
        rows_out: r.get(5),
        rows_quarantined: r.get(6),
        seconds: r.get(7),
        error: r.get(8),
        part: r.get(9),
        rows_excluded: r.get(10),
        rows_rejected: r.get(11),
        excluded_by_rule: r
            .get::<_, Option<serde_json::Value>>(12)
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default(),
    }
}

/// The latest record of a step, whatever its run: resume asks whether the step before the
/// resume point last succeeded. Of a fanned-out step only the completing part counts: its
/// other parts succeeding does not make the step done.
pub async fn latest_step_run<C: GenericClient>(c: &C, step: Step) -> Result<Option<StepRunRow>> {
    let row = c
        .query_opt(
            r#"SELECT "run_id", "step", "status", "started_at", "rows_in", "rows_out", "rows_quarantined", "seconds", "error", "part",
                      "rows_excluded", "rows_rejected", "details" -> 'excluded_by_rule'
                 FROM "migration"."step_runs"
                WHERE "step" = $1 AND "status" <> 'running' AND ("part" IS NULL OR "part" = $2)
                ORDER BY "step_run_id" DESC LIMIT 1"#,
            &[&step.name(), &crate::pipeline::COMPLETING_PART],
        )
        .await
        .map_err(CoreError::db("reading migration.step_runs"))?;
    Ok(row.as_ref().map(step_run_row))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_given_for_each_row_is_one_rule() {
        assert_eq!(
            rule_of("duplicate Order No 30000001: its first row is migrated"),
            rule_of("duplicate Order No 4: its first row is migrated")
        );
        assert_eq!(rule_of("no phone number"), "no phone number");
        assert_eq!(rule_of("case 1000 line 12"), "case N line N");
    }
}
