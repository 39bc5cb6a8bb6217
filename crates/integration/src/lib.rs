//! The `integration` step: makes the transform rows Sirius-ready in the `integration` schema.
//! Sirius's facts are copied in (it may be another server); then rows an earlier run loaded are
//! matched by their CasRec source (`migration_key`), records Sirius already holds are matched
//! (clients by case number, deputies by deputy number, orders by case and order number), new
//! rows get ids above Sirius's maximum and uids after its largest, foreign keys are rewritten,
//! and the business rules run. Nothing is written to Sirius.

use futures::future::BoxFuture;
use migration_core::db::{quote_ident, Database};
use migration_core::pgcopy;
use migration_core::step::BoxError;
use migration_core::{StepContext, StepCounts};
use tokio_postgres::Client;

const SETUP_SQL: &str = include_str!("sql/setup.sql");
const INTEGRATE_SQL: &str = include_str!("sql/integrate.sql");
const RULES_SQL: &str = include_str!("sql/rules.sql");

/// Tables integration prepares, in the order they load (parents first).
pub const TABLES: &[&str] =
    &["persons", "cases", "addresses", "phonenumbers", "person_caseitem", "order_deputy", "supervision_level_log"];

/// The business rules, by name, as `rules.sql` applies them.
pub const RULES: &[&str] = &["deputy_fee_payer", "client_status"];

#[derive(Debug, thiserror::Error)]
pub enum IntegrationError {
    #[error("{context}: {source}")]
    Db {
        context: String,
        #[source]
        source: tokio_postgres::Error,
    },
    #[error("transform has not run: {0} is missing (run transform-casrec first)")]
    NoTransform(String),
    #[error("transform-casrec has not finished run {0}: its ids are not numbered yet (run its part finish, or the whole step)")]
    TransformUnfinished(i64),
    #[error("{file}: {message}")]
    Sql { file: &'static str, message: String },
    #[error(transparent)]
    Core(#[from] migration_core::CoreError),
}

/// Expands `-- @each t1 t2 …` … `-- @end` blocks: the lines between are repeated for each table
/// named, with `{table}` replaced by it. The statements that are the same for every table are
/// written once, and the tables each applies to are listed where it is applied.
pub fn expand_each(file: &'static str, sql: &str) -> Result<String, IntegrationError> {
    let err = |line: usize, message: &str| IntegrationError::Sql { file, message: format!("line {line}: {message}") };
    let mut out = String::with_capacity(sql.len() * 2);
    let mut block: Option<(usize, Vec<&str>, Vec<&str>)> = None;
    for (i, line) in sql.lines().enumerate() {
        let n = i + 1;
        let directive = line.trim().strip_prefix("-- @");
        match (directive, &mut block) {
            (Some(d), None) if d.starts_with("each ") => {
                let tables: Vec<&str> = d["each ".len()..].split_whitespace().collect();
                if tables.is_empty() {
                    return Err(err(n, "@each names no table"));
                }
                block = Some((n, tables, Vec::new()));
            }
            (Some(d), Some(_)) if d.starts_with("each ") => return Err(err(n, "@each inside @each")),
            (Some("end"), None) => return Err(err(n, "@end without @each")),
            (Some("end"), Some((_, tables, body))) => {
                for t in tables.iter() {
                    for l in body.iter() {
                        out.push_str(&l.replace("{table}", t));
                        out.push('\n');
                    }
                }
                block = None;
            }
            (_, Some((_, _, body))) => body.push(line),
            (_, None) => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    match block {
        Some((start, _, _)) => Err(err(start, "@each without @end")),
        None => Ok(out),
    }
}

fn db_err(context: impl Into<String>) -> impl FnOnce(tokio_postgres::Error) -> IntegrationError {
    let context = context.into();
    move |source| IntegrationError::Db { context, source }
}

/// Rows per table and method.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct TableCounts {
    pub table: String,
    pub inserts: i64,
    pub updates: i64,
}

pub fn entry<'a, 'b>(ctx: &'a StepContext<'b>) -> BoxFuture<'a, Result<StepCounts, BoxError>> {
    Box::pin(async move {
        let counts = run(ctx).await?;
        let total: i64 = counts.iter().map(|c| c.inserts + c.updates).sum();
        Ok(StepCounts {
            rows_in: total as u64,
            rows_out: total as u64,
            rows_quarantined: 0,
            details: serde_json::json!({ "tables": counts, "rules": RULES }),
        })
    })
}

async fn copy_query(sirius: &Client, migration: &Client, sql: &str, into: &str) -> Result<(), IntegrationError> {
    let (_, batches) = pgcopy::query_batches(sirius, into, sql, 64 * 1024).await?;
    pgcopy::copy_in_batches(migration, "integration", into, &batches).await?;
    Ok(())
}

pub async fn run(ctx: &StepContext<'_>) -> Result<Vec<TableCounts>, IntegrationError> {
    let settings = ctx.settings();
    let m = migration_core::db::connect(&settings.migration_db, Database::Migration).await?;
    let s = ctx.rt.sirius_db().await?;
    for t in TABLES {
        let exists: bool = m
            .query_one("SELECT to_regclass($1) IS NOT NULL", &[&format!("\"transform\".{}", quote_ident(t))])
            .await
            .map_err(db_err("looking for the transform tables"))?
            .get(0);
        if !exists {
            return Err(IntegrationError::NoTransform(format!("transform.{t}")));
        }
    }
    // A transform run in parts is complete only once `finish` has numbered its ids; before
    // that, ids repeat across the groups of a table.
    let finished: Option<(i64, bool)> = m
        .query_opt(r#"SELECT "run_id", "numbered" FROM "transform"."run""#, &[])
        .await
        .or_else(|e| match e.code() {
            Some(&tokio_postgres::error::SqlState::UNDEFINED_TABLE) => Ok(None),
            _ => Err(db_err("reading transform.run")(e)),
        })?
        .map(|r| (r.get(0), r.get(1)));
    match finished {
        None => return Err(IntegrationError::NoTransform("transform.run".into())),
        Some((run, false)) => return Err(IntegrationError::TransformUnfinished(run)),
        Some(_) => {}
    }
    m.batch_execute(SETUP_SQL).await.map_err(db_err("creating the integration schema"))?;

    copy_query(
        &s,
        &m,
        r#"SELECT "id", CAST("type" AS text) AS "type", CAST("caserecnumber" AS text) AS "caserecnumber", "deputynumber", "uid", "createddate"
             FROM "public"."persons" WHERE "type" IN ('actor_client', 'actor_deputy')"#,
        "sirius_persons",
    )
    .await?;
    copy_query(
        &s,
        &m,
        r#"SELECT "id", CAST("caserecnumber" AS text) AS "caserecnumber", "oldcaseid", CAST("casesubtype" AS text) AS "casesubtype",
                  "orderdate", "uid", "createddate"
             FROM "public"."cases" WHERE "type" = 'order'"#,
        "sirius_cases",
    )
    .await?;
    copy_query(
        &s,
        &m,
        r#"SELECT "person_id", "caseitem_id" FROM "public"."person_caseitem""#,
        "sirius_person_caseitem",
    )
    .await?;
    for t in TABLES.iter().filter(|t| **t != "person_caseitem") {
        let max: i64 = s
            .query_one(&format!("SELECT coalesce(max(\"id\"), 0)::bigint FROM \"public\".{}", quote_ident(t)), &[])
            .await
            .map_err(db_err(format!("reading the largest id of Sirius {t}")))?
            .get(0);
        m.execute(r#"INSERT INTO "integration"."sirius_max" ("table_name", "max_id") VALUES ($1, $2)"#, &[t, &max])
            .await
            .map_err(db_err("recording Sirius's largest ids"))?;
    }
    let max_uid: Option<i64> = s
        .query_one(
            r#"SELECT GREATEST((SELECT max("uid") FROM "public"."persons"), (SELECT max("uid") FROM "public"."cases"))"#,
            &[],
        )
        .await
        .map_err(db_err("reading Sirius's largest uid"))?
        .get(0);
    // The 11-digit sequence number starts at 70000000000; a uid is it and its check digit.
    let next_payload = max_uid.map(|u| u / 10 + 1).unwrap_or(70_000_000_000).max(70_000_000_000);
    m.execute(r#"INSERT INTO "integration"."sirius_uid" VALUES ($1)"#, &[&next_payload])
        .await
        .map_err(db_err("recording the next uid"))?;

    // Rows earlier runs loaded, if they are still in Sirius: copied in one statement, then
    // those Sirius no longer has are dropped, a query per table.
    m.batch_execute(
        r#"INSERT INTO "integration"."previously_loaded" ("table_name", "migration_key", "id")
           SELECT DISTINCT ON ("table_name", "migration_key") "table_name", "migration_key", "id"
             FROM "migration"."loaded_rows" WHERE NOT "rolled_back" AND "id" IS NOT NULL
            ORDER BY "table_name", "migration_key", "run_id" DESC"#,
    )
    .await
    .map_err(db_err("reading the rows earlier runs loaded"))?;
    for t in TABLES.iter().filter(|t| **t != "person_caseitem") {
        let ids: Vec<i64> = m
            .query(r#"SELECT "id" FROM "integration"."previously_loaded" WHERE "table_name" = $1"#, &[t])
            .await
            .map_err(db_err("reading the rows earlier runs loaded"))?
            .iter()
            .map(|r| r.get(0))
            .collect();
        if ids.is_empty() {
            continue;
        }
        let present: Vec<i64> = s
            .query(
                &format!("SELECT \"id\"::bigint FROM \"public\".{} WHERE \"id\"::bigint = ANY($1)", quote_ident(t)),
                &[&ids],
            )
            .await
            .map_err(db_err(format!("checking earlier runs' rows in Sirius {t}")))?
            .iter()
            .map(|r| r.get(0))
            .collect();
        m.execute(
            r#"DELETE FROM "integration"."previously_loaded" WHERE "table_name" = $1 AND NOT ("id" = ANY($2))"#,
            &[t, &present],
        )
        .await
        .map_err(db_err("dropping rows Sirius no longer has"))?;
    }
    drop(s);

    let integrate = expand_each("sql/integrate.sql", INTEGRATE_SQL)?;
    m.batch_execute(&integrate).await.map_err(db_err("integrating (sql/integrate.sql)"))?;
    m.batch_execute(RULES_SQL).await.map_err(db_err("applying the business rules (sql/rules.sql)"))?;

    let mut counts = Vec::new();
    for t in TABLES {
        let row = m
            .query_one(
                &format!(
                    "SELECT count(*) FILTER (WHERE \"method\" = 'INSERT'), count(*) FILTER (WHERE \"method\" = 'UPDATE') FROM \"integration\".{}",
                    quote_ident(t)
                ),
                &[],
            )
            .await
            .map_err(db_err(format!("counting integration.{t}")))?;
        counts.push(TableCounts { table: t.to_string(), inserts: row.get(0), updates: row.get(1) });
    }
    tracing::info!(?counts, "integration ready");
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_block_repeats_for_every_table_named() {
        let sql = "A;\n-- @each x y\nUPDATE \"{table}\" SET k = '{table}';\n-- @end\nB;\n";
        assert_eq!(
            expand_each("t.sql", sql).unwrap(),
            "A;\nUPDATE \"x\" SET k = 'x';\nUPDATE \"y\" SET k = 'y';\nB;\n"
        );
    }

    #[test]
    fn unbalanced_each_blocks_are_errors_naming_the_line() {
        let e = expand_each("t.sql", "A;\n-- @each x\nB;\n").unwrap_err().to_string();
        assert_eq!(e, "t.sql: line 2: @each without @end");
        let e = expand_each("t.sql", "-- @end\n").unwrap_err().to_string();
        assert_eq!(e, "t.sql: line 1: @end without @each");
        let e = expand_each("t.sql", "-- @each x\n-- @each y\n").unwrap_err().to_string();
        assert!(e.contains("line 2: @each inside @each"), "{e}");
    }

    /// Every table integration prepares gets the statements every numbered table needs.
    #[test]
    fn the_integration_sql_treats_every_numbered_table_alike() {
        let sql = expand_each("sql/integrate.sql", INTEGRATE_SQL).unwrap();
        assert!(!sql.contains("{table}") && !sql.contains("-- @"));
        for t in TABLES.iter().filter(|t| **t != "person_caseitem") {
            for needed in [
                format!("CREATE TABLE \"integration\".\"{t}\" AS"),
                format!("WHERE l.\"table_name\" = '{t}' AND l.\"migration_key\" = t.\"migration_key\""),
                format!("m.\"table_name\" = '{t}'"),
                format!("ANALYZE \"integration\".\"{t}\""),
            ] {
                assert!(sql.contains(&needed), "{t}: {needed}");
            }
        }
    }
}
