//! The `integration` step: makes the transform rows Sirius-ready in the `integration` schema,
//! table by table as the registry (`migration_core::registry`) describes them, parents first.
//! Sirius's facts are copied in (it may be another server); rows an earlier run loaded are
//! matched by their CasRec source (`migration_key`), records Sirius already holds by the
//! registry's natural keys; foreign keys are rewritten to Sirius ids, new rows get ids above
//! Sirius's maximum and uids after its largest, and then the business rules run. Nothing is
//! written to Sirius. The statements are generated in `plan.rs`; only the business rules are
//! SQL of their own (`sql/rules/<rule>.sql`), each keeping the decision it took for every
//! client in `integration.<…>_decisions`.

pub mod plan;

use futures::future::BoxFuture;
use migration_core::db::quote_ident;
use migration_core::registry::{self, Fill, Key, SiriusTable};
use migration_core::step::BoxError;
use migration_core::{StepContext, StepCounts};
use tokio_postgres::Client;

const SETUP_SQL: &str = include_str!("sql/setup.sql");
const PREVIOUSLY_LOADED_SQL: &str = include_str!("sql/previously_loaded.sql");

/// The business rules in the order they run: name (as the registry's `Fill::Rule` names it), SQL,
/// and the table of decisions it keeps with the column that says which decision.
pub const RULES: &[Rule] = &[
    Rule {
        name: "deputy_fee_payer",
        sql: include_str!("sql/rules/deputy_fee_payer.sql"),
        optional: &[],
        decisions: "fee_payer_decisions",
        decision: "decision",
    },
    Rule {
        name: "client_status",
        sql: include_str!("sql/rules/client_status.sql"),
        optional: &[("cases", "orderclosurereason")],
        decisions: "client_status_decisions",
        decision: "'row ' || \"rule\" || ': ' || coalesce(\"clientstatus\", 'NULL')",
    },
    Rule {
        name: "timeline_payload_ids",
        sql: include_str!("sql/rules/timeline_payload_ids.sql"),
        optional: &[],
        decisions: "timeline_payload_ids_decisions",
        decision: "decision",
    },
    Rule {
        name: "finance_person_ids",
        sql: include_str!("sql/rules/finance_person_ids.sql"),
        optional: &[],
        decisions: "finance_person_ids_decisions",
        decision: "\"table_name\" || ': ' || \"decision\"",
    },
    Rule {
        name: "scheduled_event_payload_ids",
        sql: include_str!("sql/rules/scheduled_event_payload_ids.sql"),
        optional: &[],
        decisions: "scheduled_event_payload_ids_decisions",
        decision: "decision",
    },
];

#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub name: &'static str,
    pub sql: &'static str,
    /// Columns of integration tables the SQL reads as `{table.column}` that no target may write
    /// yet: the column where integration has it, else NULL. Reading such a column through the
    /// row's JSON instead turned every row into JSON (9 s at 100,000 clients, 82 s at 1M).
    pub optional: &'static [(&'static str, &'static str)],
    /// `integration.<decisions>`: one row per client with the facts and the decision.
    pub decisions: &'static str,
    /// An SQL expression over that table naming the decision, for the counts.
    pub decision: &'static str,
}

/// How many clients each decision of a rule took.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct RuleCounts {
    pub rule: String,
    pub decisions: Vec<(String, i64)>,
}

/// Applies every business rule to the integration rows and counts their decisions.
pub async fn apply_rules(m: &Client) -> Result<Vec<RuleCounts>, IntegrationError> {
    let mut all = Vec::new();
    for rule in RULES {
        let mut sql = rule.sql.to_string();
        for (table, column) in rule.optional {
            let present =
                migration_core::db::table_columns(m, "integration", table).await?.iter().any(|(c, _)| c == column);
            let value = if present { quote_ident(column) } else { "CAST(NULL AS text)".to_string() };
            sql = sql.replace(&format!("{{{table}.{column}}}"), &value);
        }
        m.batch_execute(&sql)
            .await
            .map_err(db_err(format!("applying the business rule {} (sql/rules/{}.sql)", rule.name, rule.name)))?;
        let decisions = m
            .query(
                &format!(
                    "SELECT {d} AS \"decision\", count(*) FROM \"integration\".{t} GROUP BY 1 ORDER BY 1",
                    d = rule.decision,
                    t = quote_ident(rule.decisions)
                ),
                &[],
            )
            .await
            .map_err(db_err(format!("counting the decisions of {}", rule.name)))?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        all.push(RuleCounts { rule: rule.name.to_string(), decisions });
    }
    Ok(all)
}

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
    #[error("the transform wrote {0}, which the Sirius table registry does not describe (migration_core::registry)")]
    Unregistered(String),
    #[error("transform.{table} breaks the transform contract: {message}")]
    Contract { table: String, message: String },
    #[error(transparent)]
    Core(#[from] migration_core::CoreError),
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
        let (counts, rules) = run(ctx).await?;
        let total: i64 = counts.iter().map(|c| c.inserts + c.updates).sum();
        Ok(StepCounts {
            rows_in: total as u64,
            rows_out: total as u64,
            details: serde_json::json!({ "tables": counts, "rules": rules }),
            ..Default::default()
        })
    })
}

/// The registered tables this run's transform built, in load order. A built destination the
/// registry does not know is an error: nothing would integrate or load it.
pub async fn built_tables(m: &Client) -> Result<Vec<&'static SiriusTable>, IntegrationError> {
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
        // A transform run in parts is complete only once `finish` has numbered its ids; before
        // that, ids repeat across the groups of a table.
        Some((run, false)) => return Err(IntegrationError::TransformUnfinished(run)),
        Some(_) => {}
    }
    let destinations: Vec<String> = m
        .query(r#"SELECT DISTINCT "destination" FROM "transform"."built_targets""#, &[])
        .await
        .map_err(db_err("reading transform.built_targets"))?
        .iter()
        .map(|r| r.get(0))
        .collect();
    if let Some(unknown) = destinations.iter().find(|d| registry::table(d).is_none()) {
        return Err(IntegrationError::Unregistered(format!("transform.{unknown}")));
    }
    let tables = registry::in_load_order(&destinations);
    for t in &tables {
        let exists: bool = m
            .query_one("SELECT to_regclass($1) IS NOT NULL", &[&format!("\"transform\".{}", quote_ident(t.name))])
            .await
            .map_err(db_err("looking for the transform tables"))?
            .get(0);
        if !exists {
            return Err(IntegrationError::NoTransform(format!("transform.{}", t.name)));
        }
    }
    Ok(tables)
}

pub async fn run(ctx: &StepContext<'_>) -> Result<(Vec<TableCounts>, Vec<RuleCounts>), IntegrationError> {
    let m = ctx.rt.migration_db().await?;
    let s = ctx.rt.sirius_db().await?;
    let tables = built_tables(&m).await?;
    m.batch_execute(SETUP_SQL).await.map_err(db_err("creating the integration schema"))?;
    // The tables are unlogged (plan::create says why), so their run record is too: a crash
    // empties both, and load-to-target then asks for integration to run again instead of
    // loading the emptied tables as if they were the run's.
    m.batch_execute(r#"ALTER TABLE "integration"."run" SET UNLOGGED"#)
        .await
        .map_err(db_err("creating the integration schema"))?;
    let names: Vec<String> = tables.iter().map(|t| t.name.to_string()).collect();
    m.execute(r#"INSERT INTO "integration"."run" ("run_id", "tables") VALUES ($1, $2)"#, &[&ctx.run_id, &names])
        .await
        .map_err(db_err("recording the run in integration.run"))?;
    sirius_starting_point(&m, &s, &tables).await?;
    m.batch_execute(PREVIOUSLY_LOADED_SQL).await.map_err(db_err("reading the rows earlier runs loaded"))?;
    forget_rows_sirius_lost(&m, &s, &tables).await?;
    for t in &tables {
        copy_facts(&m, &s, t).await?;
    }
    drop(s);

    integrate_all(ctx, &tables).await?;
    let rules = apply_rules(&m).await?;

    let mut counts = Vec::new();
    for t in &tables {
        let row = m
            .query_one(
                &format!(
                    "SELECT count(*) FILTER (WHERE \"load_action\" = 'INSERT'), count(*) FILTER (WHERE \"load_action\" = 'UPDATE') FROM \"integration\".{}",
                    quote_ident(t.name)
                ),
                &[],
            )
            .await
            .map_err(db_err(format!("counting integration.{}", t.name)))?;
        counts.push(TableCounts { table: t.name.to_string(), inserts: row.get(0), updates: row.get(1) });
    }
    m.batch_execute(r#"UPDATE "integration"."run" SET "finished" = true"#)
        .await
        .map_err(db_err("recording integration as finished"))?;
    let summary: Vec<String> =
        counts.iter().map(|c| format!("{} {} new, {} matched", c.table, c.inserts, c.updates)).collect();
    let (new, matched): (i64, i64) = counts.iter().fold((0, 0), |(n, m), c| (n + c.inserts, m + c.updates));
    // "Matched" is not "changed": a matched row is written at load only where it differs.
    let said = if new == 0 && matched > 0 {
        format!(
            "integration ready: no new rows; all {matched} rows match rows Sirius holds (an earlier run's or its own), \
             which load-to-target updates only where they differ"
        )
    } else {
        format!("integration ready: {new} new rows, {matched} matched to rows Sirius holds (updated at load only where they differ)")
    };
    for r in &rules {
        let decided: Vec<String> = r.decisions.iter().map(|(d, n)| format!("{d}: {n}")).collect();
        tracing::info!(rule = %r.rule, decisions = %decided.join("; "), "business rule applied");
    }
    tracing::info!(tables = %summary.join(", "), "{said}");
    Ok((counts, rules))
}

/// Sirius's largest id of every table the run writes, and the next uid sequence number.
async fn sirius_starting_point(m: &Client, s: &Client, tables: &[&SiriusTable]) -> Result<(), IntegrationError> {
    for t in tables.iter().filter(|t| !t.is_link()) {
        let max: i64 = s
            .query_one(&format!("SELECT coalesce(max(\"id\"), 0)::bigint FROM \"public\".{}", quote_ident(t.name)), &[])
            .await
            .map_err(db_err(format!("reading the largest id of Sirius {}", t.name)))?
            .get(0);
        m.execute(
            r#"INSERT INTO "integration"."sirius_max" ("table_name", "max_id") VALUES ($1, $2)"#,
            &[&t.name, &max],
        )
        .await
        .map_err(db_err("recording Sirius's largest ids"))?;
    }
    // Uids are unique across every table that has them, migrated or not.
    let max_uid: Option<i64> =
        s.query_one(&registry::largest_uid_sql(), &[]).await.map_err(db_err("reading Sirius's largest uid"))?.get(0);
    // The 11-digit sequence number starts at 70000000000; a uid is it and its check digit.
    let next_payload = max_uid.map(|u| u / 10 + 1).unwrap_or(70_000_000_000).max(70_000_000_000);
    m.execute(r#"INSERT INTO "integration"."sirius_uid" VALUES ($1)"#, &[&next_payload])
        .await
        .map_err(db_err("recording the next uid"))?;
    Ok(())
}

/// Rows earlier runs loaded that Sirius no longer holds (deleted since) are new again. The ids go
/// to Sirius and the ones it still holds come back by COPY through temporary tables, so neither
/// list is ever held here, however many rows earlier runs loaded.
async fn forget_rows_sirius_lost(m: &Client, s: &Client, tables: &[&SiriusTable]) -> Result<(), IntegrationError> {
    for t in tables.iter().filter(|t| !t.is_link()) {
        let name = t.name.replace('\'', "''");
        s.batch_execute(r#"DROP TABLE IF EXISTS pg_temp."earlier_ids"; CREATE TEMP TABLE "earlier_ids" ("id" bigint)"#)
            .await
            .map_err(db_err("preparing the check of earlier runs' rows"))?;
        let sent = migration_core::pgcopy::pipe(
            m,
            &format!(r#"SELECT "id" FROM "integration"."previously_loaded" WHERE "table_name" = '{name}'"#),
            s,
            r#"pg_temp."earlier_ids" ("id")"#,
        )
        .await?;
        if sent == 0 {
            continue;
        }
        m.batch_execute(r#"DROP TABLE IF EXISTS pg_temp."present_ids"; CREATE TEMP TABLE "present_ids" ("id" bigint)"#)
            .await
            .map_err(db_err("preparing the check of earlier runs' rows"))?;
        migration_core::pgcopy::pipe(
            s,
            &format!(
                r#"SELECT e."id" FROM pg_temp."earlier_ids" e JOIN "public".{} p ON CAST(p."id" AS bigint) = e."id""#,
                quote_ident(t.name)
            ),
            m,
            r#"pg_temp."present_ids" ("id")"#,
        )
        .await?;
        m.batch_execute(&format!(
            r#"ANALYZE pg_temp."present_ids";
               DELETE FROM "integration"."previously_loaded" l
                WHERE l."table_name" = '{name}'
                  AND NOT EXISTS (SELECT 1 FROM pg_temp."present_ids" p WHERE p."id" = l."id")"#
        ))
        .await
        .map_err(db_err(format!("dropping rows Sirius no longer has in {}", t.name)))?;
    }
    Ok(())
}

/// The Sirius facts a table is matched against: its key and the registry's facts (links: every
/// pair), streamed from Sirius.
async fn copy_facts(m: &Client, s: &Client, t: &SiriusTable) -> Result<(), IntegrationError> {
    let wanted: Vec<&str> = match t.key {
        Key::Id { .. } if t.matching.facts.is_empty() => return Ok(()),
        Key::Id { .. } => std::iter::once("id").chain(t.matching.facts.iter().copied()).collect(),
        Key::Link(pair) => pair.to_vec(),
    };
    let sirius = migration_core::db::table_columns(s, "public", t.name).await?;
    let mut columns = Vec::new();
    for c in &wanted {
        let ty = sirius.iter().find(|(n, _)| n == c).map(|(_, ty)| ty.clone()).ok_or_else(|| {
            IntegrationError::Contract {
                table: t.name.into(),
                message: format!("the registry matches on {c}, which Sirius's {} lacks", t.name),
            }
        })?;
        columns.push((c.to_string(), ty));
    }
    m.batch_execute(&plan::facts_create(t, &columns))
        .await
        .map_err(db_err(format!("creating the Sirius facts of {}", t.name)))?;
    let into = format!(
        "{} ({})",
        plan::facts_table(t),
        columns.iter().map(|(c, _)| quote_ident(c)).collect::<Vec<_>>().join(", ")
    );
    migration_core::pgcopy::pipe(s, &plan::facts_select(t, &columns), m, &into).await?;
    let index: Vec<String> = match t.key {
        Key::Id { .. } => vec!["\"id\"".into()],
        Key::Link(pair) => vec![pair.iter().map(|c| quote_ident(c)).collect::<Vec<_>>().join(", ")],
    };
    m.batch_execute(&format!(
        "CREATE INDEX ON {} ({}); ANALYZE {};",
        plan::facts_table(t),
        index[0],
        plan::facts_table(t)
    ))
    .await
    .map_err(db_err(format!("indexing the Sirius facts of {}", t.name)))?;
    Ok(())
}

/// One table, after its parents: rows, contract checks, foreign keys, matching, ids, uids.
/// Integrates every table, a few at a time (migration_core::schedule), each on a connection of
/// its own: a table starts once every parent it takes ids from is integrated and, if it
/// allocates uids, once every earlier table that allocates them is, so ids and uids come out as
/// they would one table after another (the list is in foreign-key order).
async fn integrate_all(ctx: &StepContext<'_>, tables: &[&'static SiriusTable]) -> Result<(), IntegrationError> {
    let after: Vec<Vec<usize>> = tables
        .iter()
        .enumerate()
        .map(|(i, t)| {
            (0..i)
                .filter(|&j| {
                    let earlier = tables[j];
                    t.parents.iter().any(|p| p.table == earlier.name && p.table != t.name)
                        || (t.uid.is_some() && earlier.uid.is_some())
                })
                .collect()
        })
        .collect();
    migration_core::schedule::by_dependencies(&after, |i, wanted: &[Option<i64>]| {
        // The uids earlier tables took: all of them are done (this table waits for them).
        let taken: i64 = (0..i).filter(|&j| tables[j].uid.is_some()).filter_map(|j| wanted[j]).sum();
        let t = tables[i];
        async move {
            let m = ctx.rt.migration_db().await?;
            integrate(&m, t, taken).await
        }
    })
    .await?;
    Ok(())
}

/// Integrates one table, given how many uids earlier tables took; returns how many it takes.
async fn integrate(m: &Client, t: &SiriusTable, uids_taken: i64) -> Result<i64, IntegrationError> {
    let ctx = |what: &str| format!("integrating {} ({what})", t.name);
    let columns = migration_core::db::table_columns(m, "transform", t.name).await?;
    let have: Vec<String> = columns.iter().map(|(c, _)| c.clone()).collect();
    for needed in ["casrec_row_id", "casrec_target", "migration_key"].iter().chain(t.key_columns().iter()) {
        if !have.iter().any(|c| c == needed) {
            return Err(IntegrationError::Contract {
                table: t.name.into(),
                message: format!("it has no column {needed}"),
            });
        }
    }
    // Columns integration fills that the transform does not carry, typed as Sirius types them:
    // the uid and parents found by natural key or by a rule.
    let sirius_types = |c: &str| match c {
        "uid" => "bigint",
        _ => "integer",
    };
    let missing: Vec<(String, String)> = t
        .uid
        .into_iter()
        .chain(t.parents.iter().filter(|p| p.fill != Fill::Transform).map(|p| p.column))
        .filter(|c| !have.iter().any(|h| h == c))
        .map(|c| (c.to_string(), sirius_types(c).to_string()))
        .collect();
    let mut wanted = 0i64;
    for p in t.parents.iter().filter(|p| p.fill == Fill::Transform && p.table != t.name) {
        let orphans: i64 = m
            .query_one(&plan::orphans(t, p.column, p.table), &[])
            .await
            .map_err(db_err(ctx("checking parents")))?
            .get(0);
        if orphans > 0 {
            return Err(IntegrationError::Contract {
                table: t.name.into(),
                message: format!("{orphans} rows' {} names no row of transform.{}", p.column, p.table),
            });
        }
    }
    m.batch_execute(&plan::create(t, &columns, &missing)).await.map_err(db_err(ctx("copying the transform rows")))?;
    let problems = m.query_one(&plan::key_problems(t), &[]).await.map_err(db_err(ctx("checking keys")))?;
    let (no_key, twice): (i64, i64) = (problems.get(0), problems.get(1));
    if no_key > 0 || twice > 0 {
        return Err(IntegrationError::Contract {
            table: t.name.into(),
            message: format!("{no_key} rows without a migration_key and {twice} repeating another row's"),
        });
    }
    m.batch_execute(&plan::index(t)).await.map_err(db_err(ctx("indexing")))?;
    for statement in plan::rewrite_natural_key_parents(t) {
        m.batch_execute(&statement).await.map_err(db_err(ctx("rewriting foreign keys")))?;
    }
    match t.key {
        Key::Link(pair) => {
            m.batch_execute(&plan::match_links(t, pair)).await.map_err(db_err(ctx("matching links")))?;
        }
        Key::Id { .. } => {
            let sql = [plan::match_previously_loaded(t), plan::match_sirius(t)].concat();
            m.batch_execute(&sql).await.map_err(db_err(ctx("matching")))?;
            let uid = match t.uid {
                Some(column) => {
                    wanted = m
                        .query_one(&plan::uids_wanted(t, column), &[])
                        .await
                        .map_err(db_err(ctx("counting the rows needing uids")))?
                        .get(0);
                    Some((column, uids_taken))
                }
                None => None,
            };
            m.batch_execute(&plan::allocate_ids(t, uid)).await.map_err(db_err(ctx("allocating ids and uids")))?;
        }
    }
    m.batch_execute(&format!("ANALYZE \"integration\".{}", quote_ident(t.name)))
        .await
        .map_err(db_err(ctx("refreshing statistics")))?;
    Ok(wanted)
}
