//! The `transform-casrec` step: CasRec rows (`casrec_csv`) become Sirius-shaped rows in the
//! `transform` schema. First the run's case scope is decided (`scope.cases`); then each Sirius
//! target's SQL (`mappings/<entity>/<target>.sql`) runs in DataFusion over the CasRec tables,
//! streamed from PostgreSQL, with the standard transformations as UDFs and the lookups as
//! tables. Every source row a target answers for is migrated or excluded with a reason
//! (`transform.quarantine`); values that cannot be transformed go on with their documented
//! fallback and are recorded in `transform.exceptions`.

pub mod docs;
pub mod engine;
pub mod functions;
pub mod lookups;
pub mod parts;
pub mod scope;
pub mod source;
pub mod targets;
pub mod udf;

use futures::future::BoxFuture;
use migration_core::step::BoxError;
use migration_core::{StepContext, StepCounts};

#[derive(Debug, thiserror::Error)]
pub enum TransformError {
    #[error("{file}: {message}")]
    Mapping { file: String, message: String },
    #[error("target {target} ({file}): {message}")]
    Query { target: String, file: String, message: String },
    #[error("target {target}: {message}")]
    Accounting { target: String, message: String },
    #[error("part {part}: {message}")]
    Part { part: String, message: String },
    #[error("{context}: {source}")]
    Db {
        context: String,
        #[source]
        source: tokio_postgres::Error,
    },
    #[error("arrow: {0}")]
    Arrow(#[from] arrow::error::ArrowError),
    #[error(transparent)]
    Value(#[from] functions::TransformError),
    #[error(transparent)]
    Core(#[from] migration_core::CoreError),
}

pub fn entry<'a, 'b>(ctx: &'a StepContext<'b>) -> BoxFuture<'a, Result<StepCounts, BoxError>> {
    Box::pin(async move {
        let part = ctx.part().map(str::parse::<parts::Part>).transpose()?;
        let (scope, reports) = run(ctx, part).await?;
        let (mut rows_in, mut rows_out): (u64, u64) =
            (reports.iter().map(|r| r.source_rows).sum(), reports.iter().map(|r| r.rows_out).sum());
        if let (Some(parts::Part::Scope), Some((in_scope, out_of_scope, _))) = (part, scope) {
            // The scope part's work is deciding cases: every pat case in, those in scope out.
            (rows_in, rows_out) = (in_scope + out_of_scope, in_scope);
        }
        // A row left out because a value could not be transformed (it has an exception of the
        // same target) is quarantined, not excluded by a rule: counted once, with the exceptions.
        let mut excluded: u64 = reports.iter().map(|r| r.excluded - r.quarantined).sum();
        let mut excluded_by_rule = exclusion_rules(ctx, &reports).await?;
        // Quarantined is what a person must look at: values that could not be transformed
        // (transform.exceptions) and rows whose case is not in pat (scope.orphans). Rows a rule
        // leaves out are the mapping working as designed, and are counted apart.
        let exceptions: u64 = reports.iter().map(|r| r.exceptions).sum();
        let orphans = scope.map(|s| s.2).unwrap_or(0);
        if let (Some(parts::Part::Scope), Some((_, out_of_scope, _))) = (part, scope) {
            excluded = out_of_scope;
            excluded_by_rule = vec![("scope: case out of scope".to_string(), out_of_scope)];
        }
        let mut details = serde_json::json!({ "targets": reports });
        if let Some(scope) = scope {
            details["scope"] = serde_json::json!({ "in_scope": scope.0, "out_of_scope": scope.1, "orphans": scope.2 });
        }
        if let Some(p) = part {
            details["part"] = serde_json::json!(p.to_string());
        }
        if matches!(part, None | Some(parts::Part::Scope)) {
            details["missing_extracts"] = serde_json::json!(missing_extracts(ctx).await?);
        }
        Ok(StepCounts {
            rows_in,
            rows_out,
            rows_excluded: excluded,
            rows_quarantined: exceptions + orphans,
            rows_rejected: 0,
            excluded_by_rule: excluded_by_rule.into_iter().filter(|(_, n)| *n > 0).collect(),
            details,
        })
    })
}

/// The rules behind the exclusions of the targets reported, `target: rule`, most rows first.
async fn exclusion_rules(
    ctx: &StepContext<'_>,
    reports: &[engine::TargetReport],
) -> Result<Vec<(String, u64)>, TransformError> {
    let targets: Vec<&str> = reports.iter().filter(|r| r.excluded > r.quarantined).map(|r| r.target.as_str()).collect();
    if targets.is_empty() {
        return Ok(Vec::new());
    }
    let m = ctx.rt.migration_db().await?;
    let rows = m
        .query(include_str!("sql/exclusions_by_reason.sql"), &[&targets])
        .await
        .map_err(|source| TransformError::Db { context: "reading transform.quarantine".into(), source })?;
    let mut rules: std::collections::BTreeMap<String, u64> = Default::default();
    for r in rows {
        let (target, reason, n): (String, String, i64) = (r.get(0), r.get(1), r.get(2));
        *rules.entry(format!("{target}: {}", migration_core::ledger::rule_of(&reason))).or_default() += n as u64;
    }
    let mut rules: Vec<(String, u64)> = rules.into_iter().collect();
    rules.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(rules)
}

/// An optional extract the export lacked (load-casrec left its table empty) and the targets that
/// read it, which go without its rows.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MissingExtract {
    pub file: String,
    pub table: String,
    pub targets: Vec<&'static str>,
}

/// The optional extracts the export lacked, each warned of with the targets it leaves without
/// data (an invoice then has no fee check date, a credit no allocation date).
async fn missing_extracts(ctx: &StepContext<'_>) -> Result<Vec<MissingExtract>, TransformError> {
    let m = ctx.rt.migration_db().await?;
    // A summary written before extracts could be missing has no such column: nothing is.
    let rows = m
        .query(
            r#"SELECT "file", "table_name" FROM "casrec_csv"."load_summary" s
                WHERE coalesce(CAST(to_jsonb(s) ->> 'missing' AS boolean), false) ORDER BY "file""#,
            &[],
        )
        .await
        .map_err(|source| TransformError::Db { context: "reading casrec_csv.load_summary".into(), source })?;
    let mut out = Vec::new();
    for r in rows {
        let (file, table): (String, String) = (r.get(0), r.get(1));
        let targets: Vec<&'static str> = targets::TARGETS
            .iter()
            .filter(|t| t.sql().map(|sql| targets::mentions(sql, &table)).unwrap_or(false))
            .map(|t| t.name)
            .collect();
        tracing::warn!(
            file = %file,
            targets = %if targets.is_empty() { "none".to_string() } else { targets.join(", ") },
            "an optional extract is missing from the export: these targets go without its rows"
        );
        out.push(MissingExtract { file, table, targets });
    }
    Ok(out)
}

/// Runs the step, or one part of it (`crate::parts`). Returns the scope counts (in scope, out of
/// scope, orphans) where the scope was decided, and one report per target built or numbered.
pub async fn run(
    ctx: &StepContext<'_>,
    part: Option<parts::Part>,
) -> Result<(Option<(u64, u64, u64)>, Vec<engine::TargetReport>), TransformError> {
    let settings = ctx.settings();
    let as_of = settings.as_of_date()?;
    let mut migration = ctx.rt.migration_db().await?;
    let engine = engine::Engine::new(&settings.migration_db, as_of)?;
    let scope = match part {
        None | Some(parts::Part::Scope) => {
            let sirius = ctx.rt.sirius_db().await?;
            let own = scope::own_person_ids(&migration).await?;
            let pilots = scope::pilot_cases(&sirius, &own).await?;
            drop(sirius);
            let scope = scope::compute(&mut migration, &pilots, &settings.scope, as_of).await?;
            tracing::info!(in_scope = scope.0, out_of_scope = scope.1, orphans = scope.2, "case scope decided");
            Some(scope)
        }
        _ => None,
    };
    let reports = match part {
        None => engine.run(&migration, ctx.run_id).await?,
        Some(parts::Part::Scope) => {
            engine.reset(&migration, ctx.run_id).await?;
            Vec::new()
        }
        Some(p @ parts::Part::Group { .. }) => engine.build(ctx.run_id, p).await?,
        Some(parts::Part::Finish) => engine.finish(&migration, ctx.run_id).await?,
    };
    Ok((scope, reports))
}
