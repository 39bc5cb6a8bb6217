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
        let excluded: u64 = reports.iter().map(|r| r.excluded).sum();
        let mut details = serde_json::json!({ "targets": reports });
        if let Some(scope) = scope {
            details["scope"] = serde_json::json!({ "in_scope": scope.0, "out_of_scope": scope.1, "orphans": scope.2 });
        }
        if let Some(p) = part {
            details["part"] = serde_json::json!(p.to_string());
        }
        Ok(StepCounts { rows_in, rows_out, rows_quarantined: excluded, details })
    })
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
