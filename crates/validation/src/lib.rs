//! The `validation` step: checks Sirius after a load, independently of the transform's code.
//!
//! - **Counts**: per table, the rows expected (clients and orders recomputed from `casrec_csv`
//!   and `scope.cases` with the same rules; the rest from `integration`) against the rows Sirius
//!   holds with those ids.
//! - **Field by field**: every migrated row of integration against the same row in Sirius, over
//!   the columns both have (Sirius's own `updateddate` stamp aside); differences are kept in
//!   `validation.exceptions_<table>`.
//! - **Post-migration checks**: sequences ahead of max ids, uids unique and with their Luhn digit,
//!   new ids above the ids Sirius had when the run began, address lines a JSON array of text.
//! - **Finance** (`finance.rs`, `money.rs`): every finance target's source rows recomputed from
//!   `casrec_csv` (migrated, excluded, quarantined) and compared with Sirius row by row, by count
//!   and as money per client.
//! - **CasRec rows** (`accounting.rs`): every row of every loaded file, as rejected at load,
//!   migrated, excluded with a reason, an orphan, of a case out of scope, or not migrated by this
//!   build and why; and a check that the rows read equal the rows loaded plus those rejected.
//! - **Report**: Markdown and HTML, per check pass or fail with counts, written to
//!   `validation.report_dir/run-<id>/` and to S3 under `<prefix>/reports/run-<id>/`; the step
//!   fails when any check fails.

pub mod accounting;
pub mod casrec_rows;
pub mod changes;
pub mod differences;
pub mod finance;
pub mod money;
pub mod rules;
mod sirius_rows;

use std::fmt::Write as _;

use aws_sdk_s3::primitives::ByteStream;
use futures::future::BoxFuture;
use futures::StreamExt;
use migration_core::db::quote_ident;
use migration_core::registry::{self, SiriusTable};
use migration_core::step::BoxError;
use migration_core::{RunId, StepContext, StepCounts};
use tokio_postgres::Client;

/// Rows expected in Sirius, recomputed from `casrec_csv` and the scope with the mappings' rules
/// written again in plain SQL (never the transform's code), against the rows integration
/// prepared: `(entity, Sirius table, expected SQL, integration SQL)`.
const EXPECTED: &[(&str, &str, &str, &str)] = &[
    (
        "clients",
        "persons",
        include_str!("sql/expected_clients.sql"),
        r#"SELECT count(*) FROM "integration"."persons" WHERE "type" = 'actor_client'"#,
    ),
    ("orders", "cases", include_str!("sql/expected_orders.sql"), r#"SELECT count(*) FROM "integration"."cases""#),
    (
        "client death notifications",
        "death_notifications",
        include_str!("sql/expected_client_deaths.sql"),
        r#"SELECT count(*) FROM "integration"."death_notifications" WHERE "casrec_target" = 'client_death_notifications'"#,
    ),
    (
        "deputy death notifications",
        "death_notifications",
        include_str!("sql/expected_deputy_deaths.sql"),
        r#"SELECT count(*) FROM "integration"."death_notifications" WHERE "casrec_target" = 'deputy_death_notifications'"#,
    ),
    (
        "client notes",
        "supervision_notes",
        include_str!("sql/expected_client_notes.sql"),
        r#"SELECT count(*) FROM "integration"."supervision_notes" WHERE "casrec_target" = 'client_notes'"#,
    ),
    (
        "deputy notes",
        "supervision_notes",
        include_str!("sql/expected_deputy_notes.sql"),
        r#"SELECT count(*) FROM "integration"."supervision_notes" WHERE "casrec_target" = 'deputy_notes'"#,
    ),
    ("visits", "visits", include_str!("sql/expected_visits.sql"), r#"SELECT count(*) FROM "integration"."visits""#),
    (
        "client warnings",
        "warnings",
        include_str!("sql/expected_client_warnings.sql"),
        r#"SELECT count(*) FROM "integration"."warnings" WHERE "casrec_target" IN ('client_violent_warnings',
             'client_special_warnings', 'client_saarcheck_warnings', 'client_nodebtchase_warnings', 'p1_client_remarks_warnings')"#,
    ),
    (
        "deputy warnings",
        "warnings",
        include_str!("sql/expected_deputy_warnings.sql"),
        r#"SELECT count(*) FROM "integration"."warnings" WHERE "casrec_target" IN ('deputy_violent_warnings', 'deputy_special_warnings')"#,
    ),
    (
        "person warnings",
        "person_warning",
        include_str!("sql/expected_person_warnings.sql"),
        r#"SELECT count(*) FROM "integration"."person_warning""#,
    ),
    (
        "active bonds",
        "bonds",
        include_str!("sql/expected_active_bonds.sql"),
        r#"SELECT count(*) FROM "integration"."bonds" WHERE "casrec_target" = 'bonds_active'"#,
    ),
    (
        "dispensed bonds",
        "bonds",
        include_str!("sql/expected_dispensed_bonds.sql"),
        r#"SELECT count(*) FROM "integration"."bonds" WHERE "casrec_target" = 'bonds_dispensed'"#,
    ),
    ("tasks", "tasks", include_str!("sql/expected_tasks.sql"), r#"SELECT count(*) FROM "integration"."tasks""#),
    (
        // Every expected task has its client link.
        "person tasks",
        "person_task",
        include_str!("sql/expected_tasks.sql"),
        r#"SELECT count(*) FROM "integration"."person_task""#,
    ),
    (
        "caseitem tasks",
        "caseitem_task",
        include_str!("sql/expected_caseitem_tasks.sql"),
        r#"SELECT count(*) FROM "integration"."caseitem_task""#,
    ),
    (
        "migration notices",
        "timeline_event",
        include_str!("sql/expected_timeline_migration_events.sql"),
        r#"SELECT count(*) FROM "integration"."timeline_event" WHERE "casrec_target" = 'timeline_migration_events'"#,
    ),
    (
        "put away notices",
        "timeline_event",
        include_str!("sql/expected_timeline_archive_events.sql"),
        r#"SELECT count(*) FROM "integration"."timeline_event" WHERE "casrec_target" = 'timeline_archive_events'"#,
    ),
    (
        "person timeline links",
        "person_timeline",
        include_str!("sql/expected_person_timeline.sql"),
        r#"SELECT count(*) FROM "integration"."person_timeline""#,
    ),
    (
        "annual report logs",
        "annual_report_logs",
        include_str!("sql/expected_annual_report_logs.sql"),
        r#"SELECT count(*) FROM "integration"."annual_report_logs" WHERE "casrec_target" = 'annual_report_logs'"#,
    ),
    (
        "pending annual report logs",
        "annual_report_logs",
        include_str!("sql/expected_annual_report_logs_pending.sql"),
        r#"SELECT count(*) FROM "integration"."annual_report_logs" WHERE "casrec_target" = 'annual_report_logs_pending'"#,
    ),
    (
        // One per log from account.
        "annual report lodging details",
        "annual_report_lodging_details",
        include_str!("sql/expected_annual_report_logs.sql"),
        r#"SELECT count(*) FROM "integration"."annual_report_lodging_details""#,
    ),
    (
        "report type assignments",
        "annual_report_type_assignments",
        include_str!("sql/expected_annual_report_logs.sql"),
        r#"SELECT count(*) FROM "integration"."annual_report_type_assignments" WHERE "casrec_target" = 'annual_report_type_assignments'"#,
    ),
    (
        "pending report type assignments",
        "annual_report_type_assignments",
        include_str!("sql/expected_annual_report_logs_pending.sql"),
        r#"SELECT count(*) FROM "integration"."annual_report_type_assignments"
            WHERE "casrec_target" = 'annual_report_type_assignments_pending'"#,
    ),
    (
        // One per pending log.
        "reporting scheduled events",
        "scheduled_events",
        include_str!("sql/expected_annual_report_logs_pending.sql"),
        r#"SELECT count(*) FROM "integration"."scheduled_events" WHERE "casrec_target" = 'scheduled_events_reporting'"#,
    ),
];

/// The Sirius tables of the reporting targets, which read `validation.casrec_report_logs`.
const REPORTING_TABLES: &[&str] =
    &["annual_report_logs", "annual_report_lodging_details", "annual_report_type_assignments", "scheduled_events"];

#[derive(Debug, thiserror::Error)]
pub enum ValidationError {
    #[error("{context}: {source}")]
    Db {
        context: String,
        #[source]
        source: tokio_postgres::Error,
    },
    #[error("writing the report to {path}: {source}")]
    Report {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("S3 PutObject of the report to s3://{bucket}/{key}: {message}")]
    S3 { bucket: String, key: String, message: String },
    #[error("validation failed: {failed} of {total} checks failed; see {report}")]
    Failed { failed: usize, total: usize, report: String },
    #[error("{file}: {message}")]
    Definition { file: String, message: String },
    #[error("nothing to validate: {0}")]
    NoIntegration(String),
    #[error(transparent)]
    Core(#[from] migration_core::CoreError),
}

pub(crate) fn db_err(context: impl Into<String>) -> impl FnOnce(tokio_postgres::Error) -> ValidationError {
    let context = context.into();
    move |source| ValidationError::Db { context, source }
}

/// One check's outcome.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Check {
    pub entity: String,
    pub check: String,
    pub expected: i64,
    pub actual: i64,
    pub passed: bool,
    pub detail: String,
}

impl Check {
    pub(crate) fn counts(entity: &str, check: &str, expected: i64, actual: i64, detail: impl Into<String>) -> Check {
        Check {
            entity: entity.into(),
            check: check.into(),
            expected,
            actual,
            passed: expected == actual,
            detail: detail.into(),
        }
    }
}

/// Sirius's uid check digit, computed here on its own so validation can catch a wrong one.
pub fn luhn_ok(uid: i64) -> bool {
    if !(100_000_000_000..=999_999_999_999).contains(&uid) {
        return false;
    }
    let digits: Vec<u32> = uid.to_string().chars().rev().map(|c| c.to_digit(10).unwrap_or(0)).collect();
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                *d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

pub fn entry<'a, 'b>(ctx: &'a StepContext<'b>) -> BoxFuture<'a, Result<StepCounts, BoxError>> {
    Box::pin(async move {
        let checks = run(ctx).await?;
        let failed = checks.iter().filter(|c| !c.passed).count();
        let report = report_location(ctx);
        if failed > 0 {
            return Err(Box::new(ValidationError::Failed { failed, total: checks.len(), report }) as BoxError);
        }
        Ok(StepCounts {
            rows_in: checks.len() as u64,
            rows_out: checks.len() as u64,
            details: serde_json::json!({ "checks": checks, "report": report }),
            ..Default::default()
        })
    })
}

fn report_location(ctx: &StepContext<'_>) -> String {
    format!("{}/run-{}/validation.md", ctx.settings().validation.report_dir.display(), ctx.run_id)
}

pub(crate) async fn one(c: &Client, sql: &str, context: &str) -> Result<i64, ValidationError> {
    let row = c.query_one(sql, &[]).await.map_err(db_err(context))?;
    // count(*) is bigint, a CASE of literals is integer: either is a count here.
    Ok(row.try_get::<_, i64>(0).or_else(|_| row.try_get::<_, i32>(0).map(i64::from)).unwrap_or_default())
}

/// Sirius's columns of a table and their types, that integration also has (but `updateddate`,
/// which Sirius's trigger owns, and the batch number of a batch-numbered table, which
/// load-to-target takes from Sirius's counter in the Sirius transaction, after integration:
/// `finance.rs` checks it in Sirius).
async fn shared_columns(m: &Client, s: &Client, entry: &SiriusTable) -> Result<Vec<(String, String)>, ValidationError> {
    let table = entry.name;
    let ours: Vec<String> =
        migration_core::db::table_columns(m, "integration", table).await?.into_iter().map(|(c, _)| c).collect();
    let sirius = migration_core::db::table_columns(s, "public", table).await?;
    let numbered = registry::BATCH_NUMBERED.iter().any(|(t, _)| *t == table);
    Ok(sirius
        .into_iter()
        .filter(|(c, _)| ours.contains(c) && c != "updateddate" && !(numbered && c == "batchnumber"))
        .collect())
}

pub async fn run(ctx: &StepContext<'_>) -> Result<Vec<Check>, ValidationError> {
    let m = ctx.rt.migration_db().await?;
    let s = ctx.rt.sirius_db().await?;
    m.batch_execute(r#"DROP SCHEMA IF EXISTS "validation" CASCADE; CREATE SCHEMA "validation";"#)
        .await
        .map_err(db_err("creating the validation schema"))?;
    m.batch_execute(casrec_rows::FUNCTIONS_SQL).await.map_err(db_err("creating validation's CasRec functions"))?;
    sirius_rows::print_alike(&m, &s).await?;
    let mut checks = Vec::new();
    let mut diffs = Vec::new();

    let (integrated_run, tables) = registry::integrated(&m).await?.map_err(ValidationError::NoIntegration)?;
    let mut phase = Phase::start("recomputing from casrec_csv");
    // The migrated orders as the export says them, with statistics: the expected counts, the
    // rules and the CasRec rows all join them.
    m.batch_execute(rules::ORDERS_SQL)
        .await
        .map_err(db_err("reading the migrated orders from casrec_csv (sql/rules/migrated_orders.sql)"))?;
    m.batch_execute(r#"ANALYZE "validation"."casrec_orders""#)
        .await
        .map_err(db_err("analysing validation.casrec_orders"))?;
    let built: Vec<&str> = tables.iter().map(|t| t.name).collect();
    // The annual report logs as the export says them, which the CasRec rows of every reporting
    // table read (the expected counts are written on their own); and finance as the export says
    // it, which the finance comparisons, counts, account and money per client read. Neither
    // reads the other: both at once, each on a connection of its own.
    let report_logs =
        async {
            if built.iter().any(|t| REPORTING_TABLES.contains(t)) {
                ctx.rt.migration_db().await?.batch_execute(casrec_rows::REPORT_LOGS_SQL).await.map_err(db_err(
                    "recomputing the annual report logs from casrec_csv (sql/casrec_report_logs.sql)",
                ))?;
            }
            Ok::<(), ValidationError>(())
        };
    let finance_rows = async {
        if finance::any_built(&tables) {
            ctx.rt
                .migration_db()
                .await?
                .batch_execute(finance::CASREC_SQL)
                .await
                .map_err(db_err("recomputing finance from casrec_csv (sql/casrec_finance.sql)"))?;
        }
        Ok::<(), ValidationError>(())
    };
    tokio::try_join!(report_logs, finance_rows)?;
    phase.next("the expected counts");
    // An entity whose table this build does not migrate has nothing to compare.
    let wanted: Vec<_> = EXPECTED.iter().filter(|(_, table, _, _)| built.contains(table)).collect();
    // Each count once (several entities share one recomputation: a log and its lodging
    // details), two at a time on connections of their own.
    let mut queries: Vec<(&str, String)> = Vec::new();
    for (entity, _, expected_sql, actual_sql) in &wanted {
        for (sql, what) in [(expected_sql, "expected"), (actual_sql, "integration's")] {
            if !queries.iter().any(|(q, _)| q == sql) {
                queries.push((sql, format!("counting {what} {entity}")));
            }
        }
    }
    // The futures are made first and only then streamed: a closure making them inside the
    // stream is not general enough over lifetimes for a Send future.
    let counting: Vec<_> = queries.iter().map(|(sql, what)| count_on_own_connection(ctx, sql, what)).collect();
    let counts: Vec<i64> = futures::stream::iter(counting)
        .buffered(migration_core::schedule::AT_ONCE)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect::<Result<_, _>>()?;
    let count_of = |sql: &str| queries.iter().position(|(q, _)| *q == sql).map(|i| counts[i]).unwrap_or_default();
    for (entity, _, expected_sql, actual_sql) in &wanted {
        checks.push(Check::counts(
            entity,
            "expected from casrec_csv and scope",
            count_of(expected_sql),
            count_of(actual_sql),
            format!("integration of run {integrated_run}"),
        ));
    }

    // Rows someone changed in Sirius after an earlier run loaded them, which this run's load
    // kept as Sirius has them (load-to-target, without --overwrite-sirius-edits): they differ
    // from integration's rows on purpose, so they are counted apart instead of compared.
    m.batch_execute(&format!(
        r#"CREATE TABLE "validation"."kept_edits" AS
           SELECT "table_name", "id", "columns", "loaded_by_run" FROM "migration"."sirius_edits"
            WHERE "run_id" >= {integrated_run} AND NOT "overwritten""#
    ))
    .await
    .map_err(db_err("reading the rows load-to-target kept as Sirius has them"))?;
    phase.next("comparing with Sirius");
    // Tables are independent: two at a time, each on connections of its own, keep both cores
    // busy (one server builds digests while the other stores them); results in table order.
    let comparing: Vec<_> = tables.iter().map(|entry| compare_table(ctx, entry)).collect();
    let compared: Vec<(Vec<Check>, Vec<differences::ColumnDifference>)> = futures::stream::iter(comparing)
        .buffered(migration_core::schedule::AT_ONCE)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect::<Result<_, _>>()?;
    for (table_checks, table_diffs) in compared {
        checks.extend(table_checks);
        diffs.extend(table_diffs);
    }
    // Two lanes at once, each on connections of its own: what reads the CasRec rows (finance
    // reads their exceptions) beside what reads neither them nor finance. One lane alone left a
    // core idle through every single-statement phase. Checks keep their order in the report.
    phase.next(
        "comparing with CasRec's rows, finance, money per client | changes, rules, post-migration checks, accounting",
    );
    let casrec_lane = async {
        let (mut checks, mut diffs) = (Vec::new(), Vec::new());
        let started = std::time::Instant::now();
        casrec_rows::compare(ctx, &tables, &mut checks, &mut diffs).await?;
        log_done("validation: comparing with CasRec's rows done", started);
        // Taken only now: held through the comparison, they left the Sirius pool (4) one
        // connection short of the comparison's two, which then ran one table at a time.
        let (m, s) = (ctx.rt.migration_db().await?, ctx.rt.sirius_db().await?);
        let started = std::time::Instant::now();
        let finance = finance::check(&m, &s, &tables, &mut checks).await?;
        log_done("validation: finance done", started);
        let started = std::time::Instant::now();
        let money = money::per_client(&m, &tables, &mut checks).await?;
        log_done("validation: money per client done", started);
        Ok::<_, ValidationError>((checks, diffs, finance, money))
    };
    let other_lane = async {
        let (m, s) = (ctx.rt.migration_db().await?, ctx.rt.sirius_db().await?);
        let mut checks = Vec::new();
        let started = std::time::Instant::now();
        let changes = changes::since_earlier_runs(&m, &tables, integrated_run).await?;
        log_done("validation: what this run changed in rows earlier runs loaded done", started);
        let started = std::time::Instant::now();
        let rules = rules::compare(&m, &mut checks).await?;
        log_done("validation: the business rules done", started);
        let started = std::time::Instant::now();
        post_migration_checks(&m, &s, &tables, &mut checks).await?;
        log_done("validation: post-migration checks done", started);
        let started = std::time::Instant::now();
        let scope: Vec<(String, i64)> = m
            .query(r#"SELECT "reason", count(*) FROM "scope"."cases" GROUP BY 1 ORDER BY 2 DESC, 1"#, &[])
            .await
            .map_err(db_err("reading the case scope"))?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let files = accounting::by_file(&m).await?;
        log_done("validation: accounting for every CasRec row done", started);
        Ok::<_, ValidationError>((checks, changes, rules, scope, files))
    };
    let ((casrec_checks, casrec_diffs, finance, money), (other_checks, changes, rules, scope, files)) =
        tokio::try_join!(casrec_lane, other_lane)?;
    checks.extend(casrec_checks);
    diffs.extend(casrec_diffs);
    checks.extend(other_checks);
    checks.push(Check::counts(
        "casrec export",
        "rows read = rows in casrec_csv + rejected at load",
        files.iter().map(|f| f.read).sum(),
        files.iter().map(|f| f.loaded + f.rejected).sum(),
        "per file under CasRec rows",
    ));
    // A line lost or read twice would hide in the record counts: lines are accounted apart.
    let counted: Vec<&accounting::FileRows> = files.iter().filter(|f| f.lines.is_some()).collect();
    checks.push(Check::counts(
        "casrec export",
        "lines read = lines of loaded records + of rejected records + blank",
        counted.iter().filter_map(|f| f.lines).sum(),
        counted.iter().map(|f| f.lines_loaded.unwrap_or(0) + f.lines_rejected.unwrap_or(0) + f.blank_lines).sum(),
        format!("{} of {} files counted by line", counted.len(), files.len()),
    ));
    phase.next("writing the report");
    let found = Findings {
        checks: &checks,
        scope: &scope,
        files: &files,
        rules: &rules,
        diffs: &diffs,
        changes: &changes,
        finance: &finance,
        money: money.as_ref(),
    };
    write_report(ctx, &found, integrated_run).await?;
    phase.done();
    Ok(checks)
}

/// [`one`] on a connection of its own.
async fn count_on_own_connection(ctx: &StepContext<'_>, sql: &str, what: &str) -> Result<i64, ValidationError> {
    let c = ctx.rt.migration_db().await?;
    one(&c, sql, what).await
}

/// Compares one migrated table with Sirius (sirius_rows.rs) on connections of its own, and
/// splits the rows that differ into columns: its checks and differences.
async fn compare_table(
    ctx: &StepContext<'_>,
    entry: &SiriusTable,
) -> Result<(Vec<Check>, Vec<differences::ColumnDifference>), ValidationError> {
    let m = ctx.rt.migration_db().await?;
    let s = ctx.rt.sirius_db().await?;
    sirius_rows::print_alike(&m, &s).await?;
    let mut checks = Vec::new();
    let table = &entry.name;
    let started = std::time::Instant::now();
    let kept = one(
        &m,
        &format!(r#"SELECT count(*) FROM "validation"."kept_edits" WHERE "table_name" = '{table}'"#),
        "counting kept edits",
    )
    .await?;
    if kept > 0 {
        checks.push(Check::counts(
            table,
            "rows changed in Sirius since loaded, kept as Sirius has them (not compared)",
            kept,
            kept,
            "listed in migration.sirius_edits",
        ));
    }
    let cols = shared_columns(&m, &s, entry).await?;
    let key_cols = entry.key_columns();
    // Integration's rows as Sirius would hold them: each column cast to Sirius's type.
    // jsonb_build_object takes at most 100 arguments: wide tables are built in parts.
    let doc = cols
        .chunks(40)
        .map(|part| {
            let pairs = part
                .iter()
                .map(|(c, ty)| format!("'{c}', CAST({} AS {ty})", quote_ident(c)))
                .collect::<Vec<_>>()
                .join(", ");
            format!("jsonb_build_object({pairs})")
        })
        .collect::<Vec<_>>()
        .join(" || ");
    let key =
        key_cols.iter().map(|k| format!("CAST({} AS text)", quote_ident(k))).collect::<Vec<_>>().join(" || ':' || ");
    let record = format!(
        "ROW({})",
        cols.iter().map(|(c, ty)| format!("CAST({} AS {ty})", quote_ident(c))).collect::<Vec<_>>().join(", ")
    );
    let compared = sirius_rows::compare_with_sirius(&m, &s, table, &key, &record, &doc).await?;
    checks.push(Check::counts(table, "rows in Sirius", compared.expected as i64, compared.in_sirius as i64, ""));

    let exc = quote_ident(&format!("exceptions_{table}"));
    m.batch_execute(&format!(
        "CREATE UNLOGGED TABLE \"validation\".{exc} AS
         SELECT e.\"key\", e.\"doc\" AS \"expected\", a.\"doc\" AS \"actual\",
                CASE WHEN a.\"key\" IS NULL THEN 'missing from Sirius' ELSE 'values differ' END AS \"problem\"
           FROM \"validation\".{exp} e LEFT JOIN \"validation\".{act} a ON a.\"key\" = e.\"key\"
          WHERE (a.\"key\" IS NULL OR a.\"doc\" <> e.\"doc\")
            AND NOT EXISTS (SELECT 1 FROM \"validation\".\"kept_edits\" k
                             WHERE k.\"table_name\" = '{table}' AND CAST(k.\"id\" AS text) = e.\"key\")",
        exp = quote_ident(&format!("expected_rows_{table}")),
        act = quote_ident(&format!("sirius_rows_{table}")),
    ))
    .await
    .map_err(db_err(format!("comparing {table}")))?;
    let differing = one(&m, &format!("SELECT count(*) FROM \"validation\".{exc}"), "counting exceptions").await?;
    let split = differences::split(&m, &format!("exceptions_{table}"), "key", table).await?;
    checks.push(Check::counts(
        table,
        "rows that differ field by field from integration's",
        0,
        differing,
        format!("each column that differs in validation.differences_{table} (key, column, expected, actual)"),
    ));
    log_done(&format!("compared {table} with Sirius ({} rows)", compared.expected), started);
    Ok((checks, split))
}

/// A part of the step, logged with its time when the next begins: where a long validation
/// spends its time, without a profiler.
struct Phase {
    name: &'static str,
    started: std::time::Instant,
}

impl Phase {
    fn start(name: &'static str) -> Phase {
        tracing::info!("validation: {name}");
        Phase { name, started: std::time::Instant::now() }
    }

    fn next(&mut self, name: &'static str) {
        self.done();
        *self = Phase::start(name);
    }

    fn done(&self) {
        log_done(&format!("validation: {} done", self.name), self.started);
    }
}

/// Logs what was done with its time: a number of seconds for machines (JSON), words for people
/// at a terminal, where a float's digits are noise.
pub(crate) fn log_done(what: &str, started: std::time::Instant) {
    let seconds = started.elapsed().as_secs_f64();
    if migration_core::telemetry::is_human() {
        tracing::info!(took = %migration_core::telemetry::human_duration(seconds), "{what}");
    } else {
        tracing::info!(seconds, "{what}");
    }
}

async fn post_migration_checks(
    m: &Client,
    s: &Client,
    tables: &[&SiriusTable],
    checks: &mut Vec<Check>,
) -> Result<(), ValidationError> {
    for entry in tables {
        let table = &entry.name;
        let Some(sequence) = entry.sequence() else { continue };
        let behind = one(
            s,
            &format!(
                "SELECT CASE WHEN to_regclass('\"public\".{seq}') IS NULL THEN 0 ELSE
                   CASE WHEN (SELECT last_value FROM \"public\".{seq}) >= (SELECT coalesce(max(\"id\"), 0) FROM \"public\".{t}) THEN 0 ELSE 1 END END",
                seq = quote_ident(sequence),
                t = quote_ident(table)
            ),
            "checking sequences",
        )
        .await?;
        checks.push(Check::counts(table, "id sequence ahead of the largest id", 0, behind, ""));
        // New rows must not take ids Sirius already had when the run began.
        let snapshot: Option<i64> = m
            .query_opt(
                r#"SELECT "max_id" FROM "migration"."sirius_snapshots" WHERE "table_name" = $1 ORDER BY "run_id" DESC LIMIT 1"#,
                &[table],
            )
            .await
            .map_err(db_err("reading the Sirius snapshot"))?
            .and_then(|r| r.get(0));
        if let Some(max) = snapshot {
            let clashes = one(
                m,
                &format!(
                    "SELECT count(*) FROM \"integration\".{} WHERE \"load_action\" = 'INSERT' AND \"id\" <= {max}",
                    quote_ident(table)
                ),
                "checking id collisions",
            )
            .await?;
            checks.push(Check::counts(
                table,
                "new ids above those Sirius had",
                0,
                clashes,
                format!("Sirius's max id was {max}"),
            ));
        }
    }
    // Uids are unique across every table that has one, and each migrated uid carries its digit.
    let uid_tables: Vec<(&str, &str)> = registry::TABLES.iter().filter_map(|t| t.uid.map(|u| (t.name, u))).collect();
    let union = |schema: &str, only: &[&str]| {
        uid_tables
            .iter()
            .filter(|(t, _)| only.is_empty() || only.contains(t))
            .map(|(t, u)| {
                format!("SELECT {} AS \"uid\" FROM {}.{}", quote_ident(u), quote_ident(schema), quote_ident(t))
            })
            .collect::<Vec<_>>()
            .join(" UNION ALL ")
    };
    let label = uid_tables.iter().map(|(t, _)| *t).collect::<Vec<_>>().join(", ");
    let dup = one(
        s,
        &format!("SELECT count(*) - count(DISTINCT \"uid\") FROM ({}) u", union("public", &[])),
        "checking uid uniqueness",
    )
    .await?;
    checks.push(Check::counts(&label, "uids unique across all of them", 0, dup, ""));
    let migrated: Vec<&str> = tables.iter().filter(|t| t.uid.is_some()).map(|t| t.name).collect();
    if !migrated.is_empty() {
        // Streamed row by row: the uids are checked as they arrive, never held.
        let rows = m
            .query_raw(&union("integration", &migrated), std::iter::empty::<i64>())
            .await
            .map_err(db_err("reading migrated uids"))?;
        futures::pin_mut!(rows);
        let mut bad = 0i64;
        while let Some(row) = rows.next().await {
            let uid: Option<i64> = row.map_err(db_err("reading migrated uids"))?.get(0);
            bad += i64::from(uid.is_some_and(|u| !luhn_ok(u)));
        }
        checks.push(Check::counts(&migrated.join(", "), "migrated uids carry their Luhn digit", 0, bad, ""));
    }
    let malformed = one(
        s,
        r#"SELECT count(*) FROM "public"."addresses"
            WHERE "address_lines" IS NOT NULL AND (json_typeof("address_lines") <> 'array'
               OR EXISTS (SELECT 1 FROM json_array_elements("address_lines") e WHERE json_typeof(e) <> 'string'))"#,
        "checking address lines",
    )
    .await?;
    checks.push(Check::counts("addresses", "address lines are a JSON array of text", 0, malformed, ""));
    // Every migrated timeline event's payload names a person the migration loaded
    // (timeline_payload_ids), and every scheduled event's a loaded client and a report log of
    // that client (scheduled_event_payload_ids). Read from the Sirius rows the comparison above
    // holds (validation.sirius_<table>; persons and logs by their digests and the columns
    // read, not their rows' JSON), by joins: nothing is held here, whatever the count.
    if tables.iter().any(|t| t.name == "timeline_event") && tables.iter().any(|t| t.name == "persons") {
        let row = m
            .query_one(
                r#"SELECT count(*), count(*) FILTER (WHERE p."key" IS NULL)
                     FROM "validation"."sirius_timeline_event" e
                     LEFT JOIN "validation"."sirius_digests_persons" p ON p."key" = e."doc" -> 'event' -> 'payload' ->> 'personId'"#,
                &[],
            )
            .await
            .map_err(db_err("checking the persons the timeline payloads name"))?;
        checks.push(Check::counts(
            "timeline_event",
            "payloads whose personId is not a Sirius person",
            0,
            row.get::<_, i64>(1),
            format!("{} migrated events", row.get::<_, i64>(0)),
        ));
    }
    if tables.iter().any(|t| t.name == "scheduled_events") && tables.iter().any(|t| t.name == "annual_report_logs") {
        let logs = sirius_rows::columns_as_held("annual_report_logs", "CAST(i.\"id\" AS text)", &["client_id"]);
        let row = m
            .query_one(
                &format!(
                    r#"SELECT count(*), count(*) FILTER (WHERE p."key" IS NULL), count(*) FILTER (WHERE l."key" IS NULL)
                         FROM "validation"."sirius_scheduled_events" e
                         LEFT JOIN "validation"."sirius_digests_persons" p ON p."key" = e."doc" -> 'event' -> 'payload' ->> 'clientId'
                         LEFT JOIN {logs} l
                           ON l."key" = e."doc" -> 'event' -> 'payload' ->> 'reportingPeriodId'
                          AND l."client_id" = e."doc" -> 'event' -> 'payload' ->> 'clientId'"#
                ),
                &[],
            )
            .await
            .map_err(db_err("checking the clients and report logs the scheduled events name"))?;
        let detail = format!("{} migrated events", row.get::<_, i64>(0));
        checks.push(Check::counts(
            "scheduled_events",
            "payloads whose clientId is not a Sirius person",
            0,
            row.get::<_, i64>(1),
            detail.clone(),
        ));
        checks.push(Check::counts(
            "scheduled_events",
            "payloads whose reportingPeriodId is not a Sirius report log of that client",
            0,
            row.get::<_, i64>(2),
            detail,
        ));
    }
    Ok(())
}

/// One table of the report, rendered the same way as Markdown and as HTML.
struct Table {
    title: Option<&'static str>,
    intro: String,
    header: &'static [&'static str],
    /// Columns of counts, right-aligned.
    numeric: &'static [usize],
    /// Each row's cells, and whether it marks a failure.
    rows: Vec<(Vec<String>, bool)>,
}

/// What the report says the run was, before any figure: environment, as-of date, run, times, scope.
pub type RunFacts = Vec<(String, String)>;

/// Counts with thousands separators, as the report prints them.
fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

fn tables(found: &Findings<'_>, facts: &[(String, String)]) -> Vec<Table> {
    let Findings { checks, scope, files, rules, diffs, changes, finance, money } = *found;
    let sum = |f: fn(&accounting::FileRows) -> i64| files.iter().map(f).sum::<i64>();
    let read = sum(|f| f.read);
    let share = |n: i64| if read > 0 { format!("{:.1}%", 100.0 * n as f64 / read as f64) } else { "—".into() };
    let totals = [
        ("read from the export", read, ""),
        ("migrated", sum(|f| f.migrated), "by some target"),
        ("excluded by a rule", sum(|f| f.excluded), "the mapping working as designed; rules per file below"),
        (
            "quarantined",
            sum(|f| f.quarantined()),
            "orphans, and rows with a bad value, migrated or left out for it: a person must look",
        ),
        ("rejected at load", sum(|f| f.rejected), "bad lines (casrec_csv.rejects)"),
        ("of a case out of scope", sum(|f| f.out_of_scope), "the case scope below"),
        ("not migrated", sum(|f| f.not_migrated), "no target in this build takes them; why per file below"),
    ];
    vec![
        Table {
            title: Some("Run"),
            intro: "".into(),
            header: &["", ""],
            numeric: &[],
            rows: facts.iter().map(|(k, v)| (vec![k.clone(), v.clone()], false)).collect(),
        },
        Table {
            title: Some("CasRec rows in total"),
            intro: "Every row of the export counted once, file by file under CasRec rows.".into(),
            header: &["rows", "count", "share", ""],
            numeric: &[1, 2],
            rows: totals
                .iter()
                .map(|(what, n, note)| (vec![what.to_string(), thousands(*n), share(*n), note.to_string()], false))
                .collect(),
        },
        Table {
            title: Some("Checks"),
            intro: "".into(),
            header: &["entity", "check", "expected", "actual", "result", "detail"],
            numeric: &[],
            rows: checks
                .iter()
                .map(|c| {
                    let result = if c.passed { "pass" } else { "FAIL" };
                    let cells =
                        [&c.entity, &c.check, &c.expected.to_string(), &c.actual.to_string(), result, &c.detail];
                    (cells.iter().map(|s| s.to_string()).collect(), !c.passed)
                })
                .collect(),
        },
        Table {
            title: Some("Case scope"),
            intro: "".into(),
            header: &["reason", "cases"],
            numeric: &[],
            rows: scope.iter().map(|(reason, n)| (vec![reason.clone(), n.to_string()], false)).collect(),
        },
        Table {
            title: Some("Business rules"),
            intro: "Each client's status and fee payer, by the decision that set it: the clients integration's rule \
                    gave it (integration.client_status_decisions, integration.fee_payer_decisions) and the clients \
                    CasRec says should get it (recomputed here from casrec_csv). Clients where Sirius disagrees with \
                    CasRec are listed in validation.rule_exceptions_client_status and \
                    validation.rule_exceptions_deputy_fee_payer.".into(),
            header: &["rule", "decision", "clients (integration)", "clients (CasRec)"],
            numeric: &[2, 3],
            rows: rules
                .iter()
                .map(|r| {
                    let cells = vec![r.rule.clone(), r.decision.clone(), r.integration.to_string(), r.casrec.to_string()];
                    (cells, r.integration != r.casrec)
                })
                .collect(),
        },
        Table {
            title: Some("Differences field by field"),
            intro: "Each column that differs, with the rows it differs in and the first few: key: expected → actual. \
                    Every such row is in validation.differences_<comparison>.".into(),
            header: &["comparison", "column", "rows", "examples"],
            numeric: &[2],
            rows: diffs
                .iter()
                .map(|d| {
                    (vec![d.comparison.clone(), d.column.clone(), thousands(d.rows), d.examples.join("; ")], true)
                })
                .collect(),
        },
        Table {
            title: Some("Changed since earlier runs"),
            intro: "Columns this run's load changed in rows an earlier run had loaded (the ledger's before-images \
                    against the rows Sirius holds now), with the as-of date of the run that had loaded them and of \
                    this one. On the same export and as-of date there are none; with another as-of date only the \
                    columns decided by \"today\" change (report statuses, creation and status dates, the migration \
                    notice). Sirius stamps updateddate itself. Every such column is in \
                    validation.changes_since_earlier_runs.".into(),
            header: &["table", "column", "rows changed", "as-of date then", "as-of date now"],
            numeric: &[2],
            rows: changes
                .iter()
                .map(|c| {
                    let cells =
                        vec![c.table.clone(), c.column.clone(), thousands(c.rows), c.earlier_as_of.clone(), c.as_of.clone()];
                    (cells, false)
                })
                .collect(),
        },
        money_table(money),
        Table {
            title: Some("Finance: CasRec rows by target"),
            intro: "Each finance target's source rows as validation reads them from casrec_csv on its own \
                    (feeexport lines of in-scope cases for invoices, credits and allocations, a credit line being \
                    a source row of both; the deciding pat row of each in-scope case for remissions and exemptions; \
                    order lines for billed orders): migrated, excluded by a rule (the mapping working as designed) \
                    or quarantined (a value a person must look at), with the rules. Each row is in \
                    validation.casrec_finance_account; the checks above compare the migrated ones with Sirius."
                .into(),
            header: &["target", "Sirius table", "source", "source rows", "migrated", "excluded", "quarantined", "rules"],
            numeric: &[3, 4, 5, 6],
            rows: finance
                .account
                .iter()
                .map(|t| {
                    let counts = [t.rows, t.migrated, t.excluded, t.quarantined].map(thousands);
                    let mut cells = vec![t.target.clone(), t.table.clone(), t.source.clone()];
                    cells.extend(counts);
                    cells.push(t.rules_text());
                    (cells, false)
                })
                .collect(),
        },
        Table {
            title: Some("Finance rows without a billing account"),
            intro: "Rows of this run whose finance_person_id is NULL: their client had no billing account \
                    (finance_person) in Sirius when prepare copied them, which the migration never creates. \
                    Expected, not a failure: the migration expects Sirius's finance module to create the client's \
                    finance_person when the client is first billed, and then to link these rows to it. The \
                    expected column counts the rows whose client had none (the field-by-field comparison checks \
                    each row)."
                .into(),
            header: &["table", "rows of this run", "finance_person_id NULL", "expected NULL (client without one)"],
            numeric: &[1, 2, 3],
            rows: finance
                .without_billing
                .iter()
                .map(|w| {
                    let cells = vec![w.table.clone(), thousands(w.rows), thousands(w.without), thousands(w.expected)];
                    (cells, false)
                })
                .collect(),
        },
        Table {
            title: Some("CasRec rows"),
            intro: "Every row of every file, counted once: migrated by some target, else excluded by a rule \
                    (`transform.quarantine`; the mapping working as designed, its rules listed), else an orphan \
                    (`scope.orphans`), else of a case out of scope, else not migrated. Quarantined rows need a \
                    person: the orphans, migrated rows with a value that went on with its fallback \
                    (`transform.exceptions`), and rows a target left out because of such a value (excluded \
                    with an exception of the same target, e.g. a bond whose provider cannot be named; its \
                    reason is among the rules). Rejected at load are bad lines (`casrec_csv.rejects`); lines are counted apart from \
                    records, as a record may span lines.".into(),
            header: &[
                "file",
                "lines",
                "lines rejected at load",
                "read",
                "rejected at load",
                "migrated",
                "excluded by a rule",
                "quarantined",
                "of them orphans (case not in pat)",
                "of them migrated with a bad value",
                "of them left out for a bad value",
                "case out of scope",
                "not migrated",
                "why",
                "rules that excluded rows (rows each)",
            ],
            numeric: &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
            rows: files
                .iter()
                .map(|f| {
                    let counts = [
                        f.read,
                        f.rejected,
                        f.migrated,
                        f.excluded,
                        f.quarantined(),
                        f.orphans,
                        f.bad_values,
                        f.held_back,
                        f.out_of_scope,
                        f.not_migrated,
                    ];
                    let mut cells = vec![f.file.clone()];
                    let lines = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_else(|| "not counted".into());
                    cells.push(lines(f.lines));
                    cells.push(lines(f.lines_rejected));
                    cells.extend(counts.iter().map(i64::to_string));
                    cells.push(f.why.clone());
                    cells.push(f.rules_text());
                    (cells, false)
                })
                .collect(),
        },
    ]
}

/// The money per client: all clients' totals first, then each client that disagrees.
fn money_table(money: Option<&money::Money>) -> Table {
    let row = |c: &money::ClientMoney| {
        vec![
            c.client.clone(),
            c.casrec_invoiced.clone(),
            c.sirius_invoiced.clone(),
            c.casrec_credited.clone(),
            c.sirius_credited.clone(),
            c.casrec_allocated.clone(),
            c.sirius_allocated.clone(),
        ]
    };
    let (intro, rows) = match money {
        None => (String::new(), Vec::new()),
        Some(money) => {
            let disagree = money.clients - money.agree;
            let listed = if disagree > money.disagree.len() as i64 {
                format!(" The first {} of them by case are listed.", money.disagree.len())
            } else {
                String::new()
            };
            let intro = format!(
                "Per client (case): the totals CasRec says Sirius should hold (recomputed from casrec_csv: \
                 invoice amounts in pence, credits and allocations in pounds, a credit counted for the client \
                 of the invoice it reduces) beside those Sirius holds for this run (finance_invoice.amount of \
                 the client's person, finance_ledger.amount of the credits allocated to the client's invoices, \
                 finance_ledger_allocation.amount on them), in exact arithmetic. {} of {} clients agree on all \
                 three; {} do not.{listed} Every client is in validation.money_per_client.",
                thousands(money.agree),
                thousands(money.clients),
                thousands(disagree),
            );
            let mut rows = vec![(row(&money.totals), disagree > 0)];
            rows.extend(money.disagree.iter().map(|c| (row(c), true)));
            (intro, rows)
        }
    };
    Table {
        title: Some("Money per client"),
        intro,
        header: &[
            "client (case)",
            "invoices CasRec (pence)",
            "invoices Sirius (pence)",
            "credits CasRec (£)",
            "credits Sirius (£)",
            "allocations CasRec (£)",
            "allocations Sirius (£)",
        ],
        numeric: &[1, 2, 3, 4, 5, 6],
        rows,
    }
}

fn summary(checks: &[Check]) -> (&'static str, usize) {
    let failed = checks.iter().filter(|c| !c.passed).count();
    (if failed == 0 { "PASS" } else { "FAIL" }, checks.len() - failed)
}

fn markdown(run: RunId, checks: &[Check], tables: &[Table]) -> String {
    let (verdict, passed) = summary(checks);
    let mut out = format!("# Validation of run {run}\n\n**{verdict}**: {passed} of {} checks passed.\n", checks.len());
    for t in tables.iter().filter(|t| !t.rows.is_empty()) {
        out.push('\n');
        if let Some(title) = t.title {
            let _ = writeln!(out, "## {title}\n");
        }
        if !t.intro.is_empty() {
            let _ = writeln!(out, "{}\n", t.intro);
        }
        let _ = writeln!(out, "| {} |", t.header.join(" | "));
        let rule: Vec<&str> =
            (0..t.header.len()).map(|i| if t.numeric.contains(&i) { "---:" } else { "---" }).collect();
        let _ = writeln!(out, "|{}|", rule.join("|"));
        for (cells, _) in &t.rows {
            let cells: Vec<String> =
                cells.iter().map(|c| if c == "FAIL" { "**FAIL**".to_string() } else { c.clone() }).collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
    }
    out
}

/// Markdown's `code` spans as HTML <code> elements (the text is already escaped).
fn code_spans(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{part}</code>");
        } else {
            out.push_str(part);
        }
    }
    out
}

fn html(run: RunId, checks: &[Check], tables: &[Table]) -> String {
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let (verdict, passed) = summary(checks);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Validation of run {run}</title>\
         <style>body{{font-family:sans-serif;margin:2em}}td,th{{border:1px solid #bbb;padding:4px 8px}}\
         table{{border-collapse:collapse}}.fail{{background:#fdd}}.n{{text-align:right}}</style></head><body>\n\
         <h1>Validation of run {run}: {verdict}</h1><p>{passed} of {} checks passed.</p>\n",
        checks.len()
    );
    for t in tables.iter().filter(|t| !t.rows.is_empty()) {
        if let Some(title) = t.title {
            let _ = writeln!(out, "<h2>{}</h2>", esc(title));
        }
        if !t.intro.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", code_spans(&esc(&t.intro)));
        }
        out.push_str("<table><tr>");
        for h in t.header {
            let _ = write!(out, "<th>{}</th>", esc(h));
        }
        out.push_str("</tr>\n");
        for (cells, failed) in &t.rows {
            let _ = write!(out, "<tr class=\"{}\">", if *failed { "fail" } else { "pass" });
            for (i, c) in cells.iter().enumerate() {
                let class = if t.numeric.contains(&i) { " class=\"n\"" } else { "" };
                let _ = write!(out, "<td{class}>{}</td>", code_spans(&esc(c)));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</table>\n");
    }
    out.push_str("</body></html>\n");
    out
}

/// The run's identity for the report's first lines.
async fn run_facts(
    ctx: &StepContext<'_>,
    integrated_run: RunId,
    scope: &[(String, i64)],
) -> Result<RunFacts, ValidationError> {
    let settings = ctx.settings();
    let m = ctx.rt.migration_db().await?;
    let row = m
        .query_opt(
            r#"SELECT to_char("started_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'),
                      to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'), "from_step", "to_step"
                 FROM "migration"."runs" WHERE "run_id" = $1"#,
            &[&ctx.run_id],
        )
        .await
        .map_err(db_err("reading the run from the ledger"))?;
    let (started, validated) = row
        .as_ref()
        .map(|r| (r.get::<_, String>(0), r.get::<_, String>(1)))
        .unwrap_or_else(|| ("unknown".into(), "unknown".into()));
    let in_scope: i64 = scope.iter().filter(|(r, _)| r == "in scope").map(|(_, n)| n).sum();
    let cases: i64 = scope.iter().map(|(_, n)| n).sum();
    let s = &settings.scope;
    Ok(vec![
        ("environment".into(), settings.environment.name().to_string()),
        ("as-of date".into(), settings.as_of_date().map(|d| d.to_string()).unwrap_or_else(|_| "not set".into())),
        ("run".into(), format!("{} (validating the integration of run {integrated_run})", ctx.run_id)),
        ("run started".into(), started),
        ("validated".into(), validated),
        (
            "scope".into(),
            format!(
                "{} of {} cases in scope; lay team {}, correfs {}, pilot cases {}, put away more than {} years ago out",
                thousands(in_scope),
                thousands(cases),
                if s.lay_team.trim().is_empty() { "all" } else { s.lay_team.trim() },
                if s.correfs.trim().is_empty() { "all" } else { s.correfs.trim() },
                if s.exclude_pilot { "out" } else { "in" },
                s.put_away_years
            ),
        ),
    ])
}

/// What validation found, as the report shows it.
struct Findings<'a> {
    checks: &'a [Check],
    scope: &'a [(String, i64)],
    files: &'a [accounting::FileRows],
    rules: &'a [rules::RuleRow],
    diffs: &'a [differences::ColumnDifference],
    changes: &'a [changes::ColumnChange],
    finance: &'a finance::Findings,
    money: Option<&'a money::Money>,
}

async fn write_report(
    ctx: &StepContext<'_>,
    found: &Findings<'_>,
    integrated_run: RunId,
) -> Result<(), ValidationError> {
    let settings = ctx.settings();
    let Findings { checks, scope, .. } = *found;
    let facts = run_facts(ctx, integrated_run, scope).await?;
    let dir = settings.validation.report_dir.join(format!("run-{}", ctx.run_id));
    std::fs::create_dir_all(&dir)
        .map_err(|source| ValidationError::Report { path: dir.display().to_string(), source })?;
    let client = ctx.rt.s3().await;
    let tables = tables(found, &facts);
    for (name, text, kind) in [
        ("validation.md", markdown(ctx.run_id, checks, &tables), "text/markdown"),
        ("validation.html", html(ctx.run_id, checks, &tables), "text/html"),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, &text)
            .map_err(|source| ValidationError::Report { path: path.display().to_string(), source })?;
        let key = settings.s3.key(&format!("reports/run-{}/{name}", ctx.run_id));
        client
            .put_object()
            .bucket(&settings.s3.bucket)
            .key(&key)
            .content_type(kind)
            .body(ByteStream::from(text.into_bytes()))
            .send()
            .await
            .map_err(|e| ValidationError::S3 {
                bucket: settings.s3.bucket.clone(),
                key: key.clone(),
                message: migration_core::s3::error_text(&e),
            })?;
    }
    tracing::info!(report = %dir.display(), "validation report written");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The report's findings over the given checks, scope and files, nothing else.
    fn found<'a>(
        checks: &'a [Check],
        scope: &'a [(String, i64)],
        files: &'a [accounting::FileRows],
        finance: &'a finance::Findings,
        money: Option<&'a money::Money>,
    ) -> Findings<'a> {
        Findings { checks, scope, files, rules: &[], diffs: &[], changes: &[], finance, money }
    }

    #[test]
    fn luhn_accepts_sirius_uids_and_rejects_a_wrong_digit() {
        assert!(luhn_ok(700000000013));
        assert!(luhn_ok(700000000245));
        assert!(!luhn_ok(700000000014));
        assert!(!luhn_ok(13));
    }

    #[test]
    fn the_report_says_fail_when_any_check_fails() {
        let checks = vec![
            Check::counts("persons", "rows in Sirius", 3, 3, ""),
            Check::counts("cases", "rows in Sirius", 2, 1, "one missing"),
        ];
        let scope = vec![("in scope".to_string(), 10), ("put away".to_string(), 2)];
        let files = vec![accounting::FileRows {
            file: "remarks.csv".into(),
            table: "remarks".into(),
            read: 5,
            loaded: 5,
            lines: Some(6),
            lines_loaded: Some(6),
            lines_rejected: Some(0),
            not_migrated: 5,
            why: accounting::NO_TARGET.into(),
            ..Default::default()
        }];
        let none = finance::Findings::default();
        let tables = tables(&found(&checks, &scope, &files, &none, None), &[]);
        let md = markdown(7, &checks, &tables);
        assert!(md.contains("**FAIL**: 1 of 2 checks passed"), "{md}");
        assert!(md.contains("| put away | 2 |"), "{md}");
        assert!(
            md.contains(
                "| remarks.csv | 6 | 0 | 5 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 5 | no target reads this file in this build |  |"
            ),
            "{md}"
        );
        let files = vec![accounting::FileRows {
            file: "pat.csv".into(),
            read: 10,
            loaded: 9,
            rejected: 1,
            migrated: 5,
            bad_values: 1,
            held_back: 1,
            excluded: 2,
            rules: vec![
                ("client_phonenumbers: no phone number".into(), 2),
                ("bonds_active: Bond Co is not a bond provider code: quarantined".into(), 1),
            ],
            orphans: 1,
            ..Default::default()
        }];
        let md = markdown(7, &checks, &crate::tables(&found(&checks, &scope, &files, &none, None), &[]));
        assert!(
            md.contains(
                "| pat.csv | not counted | not counted | 10 | 1 | 5 | 2 | 3 | 1 | 1 | 1 | 0 | 0 |  | client_phonenumbers: no phone number (2); bonds_active: Bond Co is not a bond provider code: quarantined (1) |"
            ),
            "excluded, quarantined and rejected are three numbers, the rules named: {md}"
        );
        let page = html(7, &checks, &tables);
        assert!(page.contains("class=\"fail\"") && page.contains("<td>remarks.csv</td>"), "{page}");
        assert!(!md.contains("Money per client") && !md.contains("Finance"), "no finance in this run: {md}");
    }

    #[test]
    fn the_report_shows_the_finance_account_the_rows_without_a_billing_account_and_the_money_per_client() {
        let checks = vec![Check::counts("money per client", "clients whose totals differ", 0, 1, "")];
        let finance = finance::Findings {
            account: vec![finance::TargetRows {
                target: "finance_invoice_ad".into(),
                table: "finance_invoice".into(),
                source: "feeexport".into(),
                rows: 1200,
                migrated: 1000,
                excluded: 150,
                quarantined: 50,
                rules: vec![
                    ("excluded: client not migrated".into(), 150),
                    ("quarantined: Invoice No blank".into(), 50),
                ],
            }],
            without_billing: vec![finance::WithoutBilling {
                table: "finance_invoice".into(),
                rows: 1000,
                without: 40,
                expected: 40,
            }],
        };
        let money = money::Money {
            clients: 3,
            agree: 2,
            totals: money::ClientMoney {
                client: "all 3 clients".into(),
                casrec_invoiced: "30000".into(),
                sirius_invoiced: "30100".into(),
                casrec_credited: "12.50".into(),
                sirius_credited: "12.50".into(),
                casrec_allocated: "12.50".into(),
                sirius_allocated: "12.50".into(),
            },
            disagree: vec![money::ClientMoney {
                client: "10000002".into(),
                casrec_invoiced: "10000".into(),
                sirius_invoiced: "10100".into(),
                casrec_credited: "0.00".into(),
                sirius_credited: "0.00".into(),
                casrec_allocated: "0.00".into(),
                sirius_allocated: "0.00".into(),
            }],
        };
        let md = markdown(7, &checks, &tables(&found(&checks, &[], &[], &finance, Some(&money)), &[]));
        assert!(md.contains("## Money per client"), "{md}");
        assert!(md.contains("2 of 3 clients agree on all three; 1 do not."), "{md}");
        assert!(md.contains("| all 3 clients | 30000 | 30100 | 12.50 | 12.50 | 12.50 | 12.50 |"), "{md}");
        assert!(md.contains("| 10000002 | 10000 | 10100 | 0.00 | 0.00 | 0.00 | 0.00 |"), "{md}");
        assert!(
            md.contains(
                "| finance_invoice_ad | finance_invoice | feeexport | 1,200 | 1,000 | 150 | 50 | excluded: client not migrated (150); quarantined: Invoice No blank (50) |"
            ),
            "{md}"
        );
        assert!(md.contains("| finance_invoice | 1,000 | 40 | 40 |"), "{md}");
        assert!(md.contains("create the client's finance_person when the client is first billed"), "{md}");
    }
}
