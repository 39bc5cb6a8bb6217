//! The `prepare` step: creates the migration database's schemas, checks the Sirius database the
//! run will write to (reachable, the expected tables present) and records where Sirius stood
//! (max ids, row counts, max uid) against the run in the ledger.

use futures::future::BoxFuture;
use migration_core::db::quote_ident;
use migration_core::step::BoxError;
use migration_core::{RunId, StepContext, StepCounts};

const SCHEMAS_SQL: &str = include_str!("sql/schemas.sql");
const SIRIUS_TABLES_SQL: &str = include_str!("sql/sirius_tables.sql");

/// The Sirius tables the migration writes (the registry) and reads; prepare refuses a Sirius
/// without any of them.
pub fn sirius_tables() -> Vec<&'static str> {
    let registry = migration_core::registry::TABLES.iter().map(|t| t.name);
    registry.chain(migration_core::registry::READS.iter().copied()).collect()
}

#[derive(Debug, thiserror::Error)]
pub enum PrepareError {
    #[error("the Sirius database {target} lacks tables the migration writes: {}", .missing.join(", "))]
    MissingTables { target: String, missing: Vec<String> },
    #[error("{context}: {source}")]
    Db {
        context: String,
        #[source]
        source: tokio_postgres::Error,
    },
    #[error(transparent)]
    Core(#[from] migration_core::CoreError),
}

fn db_err(context: impl Into<String>) -> impl FnOnce(tokio_postgres::Error) -> PrepareError {
    let context = context.into();
    move |source| PrepareError::Db { context, source }
}

/// Sirius's starting point for one run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiriusSnapshot {
    pub tables: Vec<(String, Option<i64>, i64)>,
    pub max_uid: Option<i64>,
}

pub fn entry<'a, 'b>(ctx: &'a StepContext<'b>) -> BoxFuture<'a, Result<StepCounts, BoxError>> {
    Box::pin(async move {
        let snapshot = run(ctx).await?;
        let rows: i64 = snapshot.tables.iter().map(|t| t.2).sum();
        Ok(StepCounts {
            rows_in: snapshot.tables.len() as u64,
            rows_out: snapshot.tables.len() as u64,
            details: serde_json::json!({
                "sirius_rows": rows,
                "max_uid": snapshot.max_uid,
                "max_ids": snapshot.tables.iter().map(|(t, m, _)| (t.clone(), serde_json::json!(m))).collect::<serde_json::Map<_, _>>(),
            }),
            ..Default::default()
        })
    })
}

pub async fn run(ctx: &StepContext<'_>) -> Result<SiriusSnapshot, PrepareError> {
    let m = ctx.rt.migration_db().await?;
    m.batch_execute(SCHEMAS_SQL).await.map_err(db_err("creating the migration schemas"))?;
    let s = ctx.rt.sirius_db().await?;
    let snapshot = snapshot(&s, &ctx.settings().sirius_db.describe()).await?;
    record(&m, ctx.run_id, &snapshot).await?;
    copy_references(&s, &m).await?;
    tracing::info!(
        tables = snapshot.tables.len(),
        max_uid = snapshot.max_uid,
        environment = ctx.settings().environment.name(),
        "Sirius checked and its starting point recorded"
    );
    Ok(snapshot)
}

/// Checks that every expected table exists and reads max ids, row counts and the max uid.
pub async fn snapshot(sirius: &tokio_postgres::Client, target: &str) -> Result<SiriusSnapshot, PrepareError> {
    let wanted: Vec<String> = sirius_tables().iter().map(|s| s.to_string()).collect();
    let present = sirius.query(SIRIUS_TABLES_SQL, &[&wanted]).await.map_err(db_err("listing Sirius tables"))?;
    let missing: Vec<String> =
        wanted.iter().filter(|t| !present.iter().any(|r| r.get::<_, String>(0) == **t)).cloned().collect();
    if !missing.is_empty() {
        return Err(PrepareError::MissingTables { target: target.to_string(), missing });
    }
    let mut tables = Vec::new();
    for t in &wanted {
        let has_id = present.iter().find(|r| r.get::<_, String>(0) == *t).map(|r| r.get::<_, bool>(1)).unwrap_or(false);
        let table = format!("\"public\".{}", quote_ident(t));
        let sql = if has_id {
            format!("SELECT max(\"id\")::bigint, count(*) FROM {table}")
        } else {
            format!("SELECT NULL::bigint, count(*) FROM {table}")
        };
        let row = sirius.query_one(&sql, &[]).await.map_err(db_err(format!("reading {table}")))?;
        tables.push((t.to_string(), row.get(0), row.get(1)));
    }
    let max_uid = sirius
        .query_one(&migration_core::registry::largest_uid_sql(), &[])
        .await
        .map_err(db_err("reading the largest uid"))?
        .get(0);
    Ok(SiriusSnapshot { tables, max_uid })
}

/// Copies the columns of the tables the migration only reads that migrated rows may name
/// (`registry::REFERENCE_COLUMNS`) into `sirius_ref`, replacing the last copy.
pub async fn copy_references(s: &tokio_postgres::Client, m: &tokio_postgres::Client) -> Result<(), PrepareError> {
    use migration_core::registry::{reference_type, REFERENCE_COLUMNS};
    for (table, columns) in REFERENCE_COLUMNS {
        let t = format!("\"sirius_ref\".{}", quote_ident(table));
        let defs = columns.iter().map(|c| format!("{} {}", quote_ident(c), reference_type(c))).collect::<Vec<_>>();
        m.batch_execute(&format!("DROP TABLE IF EXISTS {t}; CREATE TABLE {t} ({});", defs.join(", ")))
            .await
            .map_err(db_err(format!("creating {t}")))?;
        let select = columns
            .iter()
            .map(|c| format!("CAST({} AS {})", quote_ident(c), reference_type(c)))
            .collect::<Vec<_>>()
            .join(", ");
        let list = columns.iter().map(|c| quote_ident(c)).collect::<Vec<_>>().join(", ");
        let rows = migration_core::pgcopy::pipe(
            s,
            &format!("SELECT {select} FROM \"public\".{} ORDER BY 1", quote_ident(table)),
            m,
            &format!("{t} ({list})"),
        )
        .await?;
        tracing::info!(table = *table, rows, "copied from Sirius for the transform");
    }
    Ok(())
}

async fn record(m: &tokio_postgres::Client, run: RunId, snap: &SiriusSnapshot) -> Result<(), PrepareError> {
    for (table, max_id, count) in &snap.tables {
        m.execute(
            r#"INSERT INTO "migration"."sirius_snapshots" ("run_id", "table_name", "max_id", "row_count") VALUES ($1, $2, $3, $4)
               ON CONFLICT ("run_id", "table_name") DO UPDATE SET "max_id" = EXCLUDED."max_id", "row_count" = EXCLUDED."row_count", "taken_at" = now()"#,
            &[&run, table, max_id, count],
        )
        .await
        .map_err(db_err("recording the Sirius snapshot"))?;
    }
    Ok(())
}
