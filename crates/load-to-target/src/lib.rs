//! The `load-to-target` step: moves the integration rows into Sirius `public` (which may be on
//! another server), tables in foreign-key order, all in one Sirius transaction. Rows stream by
//! binary COPY into staging tables on the Sirius side; new rows are inserted from there and
//! matched rows updated, after their before-images are read. Every row written is recorded in
//! `migration.loaded_rows`, so `rollback` can undo the run exactly: the before-images and keys
//! stream by COPY from Sirius into the ledger as each table loads, so a load's memory does not
//! grow with its rows, and the ledger's transaction commits just before Sirius's. Sequences are moved past the
//! new ids afterwards and statistics refreshed. A constraint violation rolls everything back and
//! names the table, constraint and offending key.

use futures::future::BoxFuture;
use futures::StreamExt;
use migration_core::db::{quote_ident, Database};
use migration_core::registry::{self, Key, SiriusTable};
use migration_core::step::BoxError;
use migration_core::{RunId, StepContext, StepCounts};
use tokio_postgres::{Client, GenericClient};

mod foreign_keys;
mod indexes;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{context}: {source}")]
    Db {
        context: String,
        #[source]
        source: tokio_postgres::Error,
    },
    #[error("Sirius refused the rows of {table}: {message}; nothing was loaded (the whole load rolled back)")]
    Refused { table: String, message: String },
    #[error("nothing to load: {0}")]
    NoIntegration(String),
    #[error("run {0} is not in the run ledger (migrate status lists runs)")]
    UnknownRun(RunId),
    #[error(
        "Sirius's finance_counter has no row {key:?} to take a batch number for {table} from; nothing was loaded \
         (Sirius's finance module creates it)"
    )]
    NoFinanceCounter { key: &'static str, table: String },
    #[error(transparent)]
    Core(#[from] migration_core::CoreError),
}

fn db_err(context: impl Into<String>) -> impl FnOnce(tokio_postgres::Error) -> LoadError {
    let context = context.into();
    move |source| LoadError::Db { context, source }
}

/// The message of a database error with the parts that name the offending rows.
fn refusal(table: &str, e: tokio_postgres::Error) -> LoadError {
    let message = match e.as_db_error() {
        Some(d) => {
            let mut m = d.message().to_string();
            if let Some(c) = d.constraint() {
                m.push_str(&format!(" (constraint {c})"));
            }
            if let Some(detail) = d.detail() {
                m.push_str(&format!(": {detail}"));
            }
            m
        }
        None => e.to_string(),
    };
    LoadError::Refused { table: table.to_string(), message }
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct TableLoad {
    pub table: String,
    pub inserted: u64,
    pub updated: u64,
    /// Rows an earlier run loaded that someone changed in Sirius since (kept, or overwritten
    /// with `--overwrite-sirius-edits`), listed in `migration.sirius_edits`.
    pub edited_in_sirius: u64,
    /// The finance batch number the table's new rows took, if it takes them and any needed one.
    pub batch_number: Option<i32>,
}

pub fn entry<'a, 'b>(ctx: &'a StepContext<'b>) -> BoxFuture<'a, Result<StepCounts, BoxError>> {
    Box::pin(async move {
        let loads = run(ctx).await?;
        let total: u64 = loads.iter().map(|l| l.inserted + l.updated).sum();
        let edited: u64 = loads.iter().map(|l| l.edited_in_sirius).sum();
        let summary = summary(ctx, total, edited).await?;
        tracing::info!("{summary}");
        Ok(StepCounts {
            rows_in: total,
            rows_out: total,
            details: serde_json::json!({ "tables": loads, "summary": summary }),
            ..Default::default()
        })
    })
}

/// One sentence for the operator: what the load changed, or that it changed nothing and since
/// which run Sirius has held every row.
async fn summary(ctx: &StepContext<'_>, written: u64, edited: u64) -> Result<String, LoadError> {
    let kept = if edited == 0 {
        String::new()
    } else if ctx.rt.options.overwrite_sirius_edits {
        format!("; {edited} rows changed in Sirius since they were loaded were overwritten (migration.sirius_edits)")
    } else {
        format!(
            "; {edited} rows changed in Sirius since they were loaded were kept as Sirius has them \
             (migration.sirius_edits; --overwrite-sirius-edits overwrites them)"
        )
    };
    if written > 0 {
        return Ok(format!("{written} rows inserted or updated in Sirius{kept}"));
    }
    let m = ctx.rt.migration_db().await?;
    let last: Option<RunId> = m
        .query_one(
            r#"SELECT max("run_id") FROM "migration"."loaded_rows" WHERE NOT "rolled_back" AND "run_id" <> $1"#,
            &[&ctx.run_id],
        )
        .await
        .map_err(db_err("reading the ledger"))?
        .get(0);
    Ok(match last {
        Some(run) => {
            format!("nothing changed since run {run}: Sirius already holds every row as this run would write it{kept}")
        }
        None => format!("nothing to write: Sirius already holds every row as this run would write it{kept}"),
    })
}

/// Sirius's columns of a table, with their exact types, that integration also has.
async fn shared_columns(m: &Client, s: &impl GenericClient, table: &str) -> Result<Vec<(String, String)>, LoadError> {
    let ours: Vec<String> =
        migration_core::db::table_columns(m, "integration", table).await?.into_iter().map(|(c, _)| c).collect();
    if ours.is_empty() {
        return Err(LoadError::NoIntegration(format!("integration.{table}")));
    }
    let sirius = migration_core::db::table_columns(s, "public", table).await?;
    Ok(sirius.into_iter().filter(|(c, _)| ours.contains(c)).collect())
}

/// `ROW(p.a, ...) IS DISTINCT FROM ROW(s.a, ...)` over the columns an update writes: Sirius's
/// own trigger stamps `updateddate` on every UPDATE, so rows that would not change are left
/// alone and a second run over the same data changes nothing.
fn differs(cols: &[(String, String)]) -> String {
    let side = |alias: &str| {
        // updateddate is Sirius's: its trigger stamps it on update, whatever we send.
        cols.iter()
            .filter(|(c, _)| c != "id" && c != "updateddate")
            .map(|(c, t)| {
                // json has no equality operator; its text does.
                if t == "json" {
                    format!("{alias}.{}::text", quote_ident(c))
                } else {
                    format!("{alias}.{}", quote_ident(c))
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!("ROW({}) IS DISTINCT FROM ROW({})", side("p"), side("s"))
}

/// The ledger's columns, in the order the ledger selects below produce them.
const LEDGER: &str = r#""migration"."loaded_rows" ("run_id", "table_name", "id", "migration_key", "action", "before_image", "after_hash")"#;

/// `md5(ROW(…)::text)` of the columns a load writes into a row (not `id`, not Sirius's own
/// `updateddate`), as `alias` holds them: the same text for a staged row and the Sirius row it
/// became, since both have Sirius's types.
fn row_hash(cols: &[(String, String)], alias: &str) -> String {
    let list = cols
        .iter()
        .filter(|(c, _)| c != "id" && c != "updateddate")
        .map(|(c, _)| format!("{alias}.{}", quote_ident(c)))
        .collect::<Vec<_>>()
        .join(", ");
    format!("md5(ROW({list})::text)")
}

/// The names of the written columns whose values differ between `a` and `b`.
fn changed_columns(cols: &[(String, String)], a: &str, b: &str) -> String {
    let each = cols
        .iter()
        .filter(|(c, _)| c != "id" && c != "updateddate")
        .map(|(c, t)| {
            let (x, y) = if t == "json" {
                (format!("{a}.{}::text", quote_ident(c)), format!("{b}.{}::text", quote_ident(c)))
            } else {
                (format!("{a}.{}", quote_ident(c)), format!("{b}.{}", quote_ident(c)))
            };
            format!("CASE WHEN {x} IS DISTINCT FROM {y} THEN {} END", literal(c))
        })
        .collect::<Vec<_>>()
        .join(", ");
    format!("array_remove(ARRAY[{each}]::text[], NULL)")
}

/// Rows edited in Sirius since the run that loaded them, per table, and whether they were
/// overwritten.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct SiriusEdits {
    pub table: String,
    pub rows: u64,
    pub overwritten: bool,
}

/// A string as an SQL literal.
fn literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// A link's ledger key, `table:{"a":1,"b":2}`: the compact JSON of its pair with the names in
/// byte order, as earlier runs wrote it, so a rerun matches their keys.
fn link_key(table: &str, keys: [&str; 2]) -> String {
    let mut names = keys.to_vec();
    names.sort_unstable();
    let parts = names
        .iter()
        .enumerate()
        .map(|(i, k)| {
            format!(
                "{} || coalesce({}::text, 'null')",
                literal(&format!("{}\"{k}\":", if i == 0 { "{" } else { "," })),
                quote_ident(k)
            )
        })
        .collect::<Vec<_>>()
        .join(" || ");
    format!("{} || {parts} || '}}'", literal(&format!("{table}:")))
}

/// Streams the rows of a Sirius statement (`COPY`-able, producing the ledger's columns) into the
/// ledger as they come, frame by frame: the ledger of a large load is never held in memory.
/// `error` says what a failure of the statement means.
async fn to_ledger(
    s: &Client,
    statement: &str,
    ledger: &Client,
    error: impl Fn(tokio_postgres::Error) -> LoadError,
) -> Result<u64, LoadError> {
    let out = s.copy_out(&format!("COPY ({statement}) TO STDOUT (FORMAT binary)")).await.map_err(&error)?;
    let mut w = migration_core::pgcopy::CopyWriter::start_piped(ledger, LEDGER).await?;
    futures::pin_mut!(out);
    while let Some(chunk) = out.next().await {
        w.raw(&chunk.map_err(&error)?).await?;
    }
    Ok(w.finish().await?)
}

pub async fn run(ctx: &StepContext<'_>) -> Result<Vec<TableLoad>, LoadError> {
    let settings = ctx.settings();
    let m = migration_core::db::connect(&settings.migration_db, Database::Migration).await?;
    match load(ctx, &m).await {
        Err(LoadError::Refused { table, message }) => Err(name_source(&m, table, message).await),
        other => other,
    }
}

/// Adds the CasRec source of the refused row, found by the key PostgreSQL names.
async fn name_source(m: &Client, table: String, message: String) -> LoadError {
    let id = message.split("(id)=(").nth(1).and_then(|rest| rest.split(')').next()).and_then(|v| v.parse::<i32>().ok());
    let Some(id) = id else { return LoadError::Refused { table, message } };
    let source = m
        .query_opt(
            &format!(
                "SELECT \"migration_key\", CAST(\"casrec_row_id\" AS text), \"casrec_target\" FROM \"integration\".{} WHERE \"id\" = $1",
                quote_ident(&table)
            ),
            &[&id],
        )
        .await
        .ok()
        .flatten();
    let message = match source {
        Some(r) => format!(
            "{message} [source {}: {} line {}]",
            r.get::<_, Option<String>>(0).unwrap_or_default(),
            r.get::<_, Option<String>>(2).unwrap_or_default(),
            r.get::<_, Option<String>>(1).unwrap_or_default()
        ),
        None => message,
    };
    LoadError::Refused { table, message }
}

async fn load(ctx: &StepContext<'_>, m: &Client) -> Result<Vec<TableLoad>, LoadError> {
    // One load into a Sirius at a time, whichever environment it comes from.
    let _sirius =
        migration_core::lock::claim_sirius(m, &ctx.settings().sirius_db, ctx.run_id, "load-to-target").await?;
    let settings = ctx.settings();
    let (integrated_run, tables) = registry::integrated(m).await?.map_err(LoadError::NoIntegration)?;
    tracing::info!(run = integrated_run, tables = tables.len(), "loading what integration prepared");
    let mut s = migration_core::db::connect(&settings.sirius_db, Database::Sirius).await?;
    let may_skip_triggers = foreign_keys::may_skip_triggers(&s).await;
    // Tables analysed inside the transaction (`analyse`); the rest are after it commits.
    let mut analysed: Vec<&'static str> = Vec::new();
    let tx = s.transaction().await.map_err(db_err("starting the Sirius transaction"))?;
    // The ledger rows stream in as each table loads, in a transaction of their own: a load
    // that fails leaves none, and they commit just before Sirius does.
    let mut l = migration_core::db::connect(&settings.migration_db, Database::Migration).await?;
    let ledger_may_skip_triggers = foreign_keys::may_skip_triggers(&l).await;
    let ledger = l.transaction().await.map_err(db_err("starting the ledger transaction"))?;
    let run = ctx.run_id;
    if ledger_may_skip_triggers {
        ledger_without_row_checks(&ledger, run).await?;
    }
    let mut loads = Vec::new();
    // The batch number each group of finance tables took in this load (registry::BATCH_NUMBERED).
    let mut batches: std::collections::BTreeMap<u8, i32> = Default::default();
    for t in &tables {
        let table = &t.name;
        let cols = shared_columns(m, &tx, table).await?;
        let stage = quote_ident(&format!("stage_{table}"));
        let col_list = cols.iter().map(|(c, _)| quote_ident(c)).collect::<Vec<_>>().join(", ");
        tx.batch_execute(&format!(
            "CREATE TEMP TABLE {stage} ON COMMIT DROP AS SELECT {col_list} FROM \"public\".{} WITH NO DATA;
             ALTER TABLE {stage} ADD COLUMN \"migration_key\" text, ADD COLUMN \"load_action\" text;",
            quote_ident(table)
        ))
        .await
        .map_err(db_err(format!("staging {table} in Sirius")))?;

        // Bytes pass straight from one server's COPY to the other's: the SELECT casts every
        // column to Sirius's own type, so the binary forms agree.
        let select =
            cols.iter().map(|(c, t)| format!("CAST({} AS {t})", quote_ident(c))).collect::<Vec<_>>().join(", ");
        migration_core::pgcopy::pipe(
            m,
            &format!("SELECT {select}, \"migration_key\", \"load_action\" FROM \"integration\".{}", quote_ident(table)),
            tx.client(),
            &format!("{stage} ({col_list}, \"migration_key\", \"load_action\")"),
        )
        .await?;
        let counted = tx
            .query_one(
                &format!(
                    "SELECT count(*) FILTER (WHERE \"load_action\" = 'INSERT'), count(*) FILTER (WHERE \"load_action\" = 'UPDATE') FROM {stage}"
                ),
                &[],
            )
            .await
            .map_err(db_err(format!("counting the staged rows of {table}")))?;
        let (new_rows, updates): (i64, i64) = (counted.get(0), counted.get(1));
        // Temporary tables get no statistics by themselves: without them the planner joins the
        // staged rows to Sirius by nested loops, minutes for a few thousand rows. The index
        // serves only the joins of matched rows to Sirius's by id (before-images, updates).
        let index =
            if updates > 0 && !t.is_link() { format!("CREATE INDEX ON {stage} (\"id\"); ") } else { String::new() };
        tx.batch_execute(&format!("{index}ANALYZE {stage};"))
            .await
            .map_err(db_err(format!("indexing the staged {table}")))?;

        let mut load = TableLoad { table: table.to_string(), ..Default::default() };
        load.batch_number = batch_number(&tx, ledger.client(), run, table, &stage, &mut batches).await?;
        // New rows' foreign keys checked in one pass each after the INSERT (foreign_keys.rs).
        let fks = match may_skip_triggers {
            true => foreign_keys::checked_after_insert(&tx, table, &cols).await?,
            false => None,
        };
        let name = literal(table);
        let min_share = settings.load_to_target.rebuild_indexes_min_share;
        if let Key::Link(keys) = t.key {
            // A link Sirius already has is left alone; only new links are inserted.
            let dropped = indexes::drop_for_insert(&tx, table, new_rows as u64, min_share).await?;
            if fks.is_some() {
                foreign_keys::triggers(&tx, false).await?;
            }
            load.inserted = to_ledger(
                tx.client(),
                &format!(
                    "INSERT INTO \"public\".{t} ({col_list}) SELECT {col_list} FROM {stage} WHERE \"load_action\" = 'INSERT'
                     ON CONFLICT DO NOTHING
                     RETURNING {run}::bigint, {name}::text, NULL::bigint, {key}, 'INSERT'::text,
                               jsonb_build_object('{k0}', {k0q}, '{k1}', {k1q}), NULL::text",
                    t = quote_ident(table),
                    key = link_key(table, keys),
                    k0 = keys[0],
                    k1 = keys[1],
                    k0q = quote_ident(keys[0]),
                    k1q = quote_ident(keys[1]),
                ),
                ledger.client(),
                |e| refusal(table, e),
            )
            .await?;
            indexes::rebuild(&tx, table, &dropped).await?;
            after_insert(&tx, t.name, &stage, fks.as_deref(), load.inserted, &mut analysed).await?;
        } else {
            // Only matched rows are updated, and only they can have been edited since an earlier
            // load: without any, neither the ledger's history of the table (every earlier run's
            // rows) nor Sirius's rows are read.
            if updates > 0 {
                load.edited_in_sirius = edits_since_loaded(ctx, m, &tx, ledger.client(), table, &stage, &cols).await?;
                // Before-images go to the ledger straight from Sirius, before the update overwrites them.
                to_ledger(
                    tx.client(),
                    &format!(
                        "SELECT {run}::bigint, {name}::text, p.\"id\"::bigint, s.\"migration_key\", 'UPDATE'::text,
                                to_jsonb(p.*), {after}
                           FROM {stage} s JOIN \"public\".{t} p ON p.\"id\" = s.\"id\"
                          WHERE s.\"load_action\" = 'UPDATE' AND {d}",
                        t = quote_ident(table),
                        d = differs(&cols),
                        after = row_hash(&cols, "s"),
                    ),
                    ledger.client(),
                    |e| db_err(format!("reading before-images of {table}"))(e),
                )
                .await?;
            }
            let dropped = indexes::drop_for_insert(&tx, table, new_rows as u64, min_share).await?;
            if fks.is_some() {
                foreign_keys::triggers(&tx, false).await?;
            }
            load.inserted = tx
                .execute(
                    &format!(
                        "INSERT INTO \"public\".{t} ({col_list}) SELECT {col_list} FROM {stage} WHERE \"load_action\" = 'INSERT'",
                        t = quote_ident(table)
                    ),
                    &[],
                )
                .await
                .map_err(|e| refusal(table, e))?;
            indexes::rebuild(&tx, table, &dropped).await?;
            after_insert(&tx, t.name, &stage, fks.as_deref(), load.inserted, &mut analysed).await?;
            if updates > 0 {
                let sets = cols
                    .iter()
                    .filter(|(c, _)| c != "id")
                    .map(|(c, _)| format!("{0} = s.{0}", quote_ident(c)))
                    .collect::<Vec<_>>()
                    .join(", ");
                load.updated = tx
                    .execute(
                        &format!(
                            "UPDATE \"public\".{t} p SET {sets} FROM {stage} s
                              WHERE s.\"load_action\" = 'UPDATE' AND p.\"id\" = s.\"id\" AND {d}",
                            t = quote_ident(table),
                            d = differs(&cols)
                        ),
                        &[],
                    )
                    .await
                    .map_err(|e| refusal(table, e))?;
            }
            to_ledger(
                tx.client(),
                &format!(
                    "SELECT {run}::bigint, {name}::text, s.\"id\"::bigint, s.\"migration_key\", 'INSERT'::text, NULL::jsonb, {after}
                       FROM {stage} s WHERE s.\"load_action\" = 'INSERT'",
                    after = row_hash(&cols, "s"),
                ),
                ledger.client(),
                |e| db_err(format!("recording the keys of {table}"))(e),
            )
            .await?;
        }
        tracing::info!(
            table = *table,
            inserted = load.inserted,
            updated = load.updated,
            edited_in_sirius = load.edited_in_sirius,
            "loaded"
        );
        // Gone with the commit anyway; dropped now so the staged rows of the tables still to
        // load have the session's temporary buffers to themselves.
        tx.batch_execute(&format!("DROP TABLE {stage}"))
            .await
            .map_err(db_err(format!("dropping the staged {table}")))?;
        loads.push(load);
    }
    move_sequences(&tx, &tables).await?;

    // The ledger first: a crash after Sirius commits must not leave rows nobody can roll back.
    ledger.commit().await.map_err(db_err("committing the ledger of the load"))?;
    if let Err(e) = tx.commit().await {
        m.execute(r#"DELETE FROM "migration"."loaded_rows" WHERE "run_id" = $1"#, &[&ctx.run_id]).await.ok();
        return Err(db_err("committing the load into Sirius")(e));
    }
    for t in tables.iter().filter(|t| !analysed.contains(&t.name)) {
        analyse(&s, t.name).await?;
    }
    Ok(loads)
}

/// Every row the load writes into the ledger (loaded_rows, sirius_edits, counter_changes) names
/// this run, their only foreign key: checked here once, and the ledger's transaction then writes
/// without PostgreSQL's per-row check (a trigger looking the run up for each of millions of
/// rows: 44 s of ledger COPY for 3.1M rows with it, 23 s without).
async fn ledger_without_row_checks(ledger: &tokio_postgres::Transaction<'_>, run: RunId) -> Result<(), LoadError> {
    let known: bool = ledger
        .query_one(r#"SELECT EXISTS (SELECT 1 FROM "migration"."runs" WHERE "run_id" = $1)"#, &[&run])
        .await
        .map_err(db_err("finding the run in the ledger"))?
        .get(0);
    if !known {
        return Err(LoadError::UnknownRun(run));
    }
    foreign_keys::triggers(ledger, false).await
}

/// After a table's INSERT: its statistics refreshed when it took new rows (see [`analyse`]), and,
/// when it went in with triggers off, triggers back on and its foreign keys checked.
async fn after_insert(
    tx: &impl GenericClient,
    table: &'static str,
    stage: &str,
    fks: Option<&[foreign_keys::ForeignKey]>,
    inserted: u64,
    analysed: &mut Vec<&'static str>,
) -> Result<(), LoadError> {
    if inserted > 0 {
        analyse(tx, table).await?;
        analysed.push(table);
    }
    if let Some(fks) = fks {
        foreign_keys::triggers(tx, true).await?;
        let has_id = registry::table(table).is_some_and(|t| !t.is_link());
        foreign_keys::check(tx, table, stage, fks, has_id).await?;
    }
    Ok(())
}

/// Refreshes a table's statistics. Inside the load's transaction (which counts its own new
/// rows) for a table that took new rows: the foreign-key checks of this table and of the tables
/// loaded after it join it, and with the statistics of an empty table the planner chose a
/// nested loop over a sequential scan, minutes for addresses against 200,000 new persons.
async fn analyse(s: &impl GenericClient, table: &str) -> Result<(), LoadError> {
    s.batch_execute(&format!("ANALYZE \"public\".{}", quote_ident(table)))
        .await
        .map_err(db_err(format!("refreshing statistics of {table}")))
}

/// Gives the staged rows of a finance table that have no batch number (new rows: a matched row
/// keeps Sirius's) one number for the table's group, taken from Sirius's finance counter the
/// first time the group needs one in this load and recorded in the ledger's transaction. A
/// load with nothing new takes none, so a rerun leaves the counter as it is.
async fn batch_number(
    tx: &tokio_postgres::Transaction<'_>,
    ledger: &Client,
    run: RunId,
    table: &str,
    stage: &str,
    batches: &mut std::collections::BTreeMap<u8, i32>,
) -> Result<Option<i32>, LoadError> {
    let Some(group) = registry::batch_group(table) else { return Ok(None) };
    let lacking: i64 = tx
        .query_one(&format!("SELECT count(*) FROM {stage} WHERE \"batchnumber\" IS NULL"), &[])
        .await
        .map_err(db_err(format!("counting the rows of {table} without a batch number")))?
        .get(0);
    if lacking == 0 {
        return Ok(None);
    }
    let number = match batches.get(&group) {
        Some(n) => *n,
        None => {
            let rows = tx
                .query(
                    r#"UPDATE "public"."finance_counter" SET "counter" = "counter" + 1 WHERE "key" = $1 RETURNING "counter""#,
                    &[&registry::BATCH_COUNTER_KEY],
                )
                .await
                .map_err(db_err("taking a batch number from finance_counter"))?;
            let [row] = rows.as_slice() else {
                return Err(LoadError::NoFinanceCounter { key: registry::BATCH_COUNTER_KEY, table: table.to_string() });
            };
            let n: i32 = row.get(0);
            let group_tables: Vec<&str> =
                registry::BATCH_NUMBERED.iter().filter(|(_, g)| *g == group).map(|(t, _)| *t).collect();
            ledger
                .execute(
                    r#"INSERT INTO "migration"."counter_changes" ("run_id", "counter_key", "before", "after", "tables")
                       VALUES ($1, $2, $3, $4, $5)"#,
                    &[&run, &registry::BATCH_COUNTER_KEY, &(n - 1), &n, &group_tables],
                )
                .await
                .map_err(db_err("recording the batch number in the ledger"))?;
            batches.insert(group, n);
            n
        }
    };
    tx.execute(&format!("UPDATE {stage} SET \"batchnumber\" = $1 WHERE \"batchnumber\" IS NULL"), &[&number])
        .await
        .map_err(db_err(format!("numbering the batch of {table}")))?;
    tracing::info!(table, batch_number = number, rows = lacking, "new finance rows take a batch number");
    Ok(Some(number))
}

/// Finds the staged updates of rows an earlier run loaded that were changed in Sirius since
/// (Sirius's row no longer hashes to what that run wrote), records them in
/// `migration.sirius_edits` with the ledger's transaction and, unless the operator said
/// `--overwrite-sirius-edits`, takes them out of this load so Sirius keeps them as they are.
/// Rows loaded before the ledger kept hashes cannot be told apart and are updated as before.
async fn edits_since_loaded(
    ctx: &StepContext<'_>,
    m: &Client,
    tx: &tokio_postgres::Transaction<'_>,
    ledger: &Client,
    table: &str,
    stage: &str,
    cols: &[(String, String)],
) -> Result<u64, LoadError> {
    let prior = quote_ident(&format!("prior_{table}"));
    let edited = quote_ident(&format!("edited_{table}"));
    let t = quote_ident(table);
    let name = literal(table);
    tx.batch_execute(&format!(
        "CREATE TEMP TABLE {prior} (\"id\" bigint, \"after_hash\" text, \"run_id\" bigint) ON COMMIT DROP"
    ))
    .await
    .map_err(db_err(format!("staging what earlier runs wrote into {table}")))?;
    // The last write of each row this load would update, from the ledger (another server).
    migration_core::pgcopy::pipe(
        m,
        &format!(
            "SELECT l.\"id\", l.\"after_hash\", l.\"run_id\"
               FROM (SELECT DISTINCT ON (\"id\") \"id\", \"after_hash\", \"run_id\" FROM \"migration\".\"loaded_rows\"
                      WHERE \"table_name\" = {name} AND NOT \"rolled_back\" AND \"id\" IS NOT NULL
                      ORDER BY \"id\", \"run_id\" DESC) l
               JOIN \"integration\".{t} i ON i.\"id\" = l.\"id\" AND i.\"load_action\" = 'UPDATE'
              WHERE l.\"after_hash\" IS NOT NULL"
        ),
        tx.client(),
        &format!("{prior} (\"id\", \"after_hash\", \"run_id\")"),
    )
    .await?;
    tx.batch_execute(&format!(
        "ANALYZE {prior};
         CREATE TEMP TABLE {edited} ON COMMIT DROP AS
         SELECT s.\"id\", s.\"migration_key\", pr.\"run_id\" AS \"loaded_by_run\", {changed} AS \"columns\",
                {hash_s} = pr.\"after_hash\" AS \"input_unchanged\",
                CAST(to_jsonb(p.*) ->> 'updateddate' AS timestamp) AS \"edited_at\"
           FROM {stage} s JOIN {prior} pr ON pr.\"id\" = s.\"id\" JOIN \"public\".{t} p ON p.\"id\" = s.\"id\"
          WHERE s.\"load_action\" = 'UPDATE' AND {hash_p} <> pr.\"after_hash\"",
        changed = changed_columns(cols, "p", "s"),
        hash_s = row_hash(cols, "s"),
        hash_p = row_hash(cols, "p"),
    ))
    .await
    .map_err(db_err(format!("comparing {table} in Sirius with what earlier runs wrote")))?;
    let overwrite = ctx.rt.options.overwrite_sirius_edits;
    let found = migration_core::pgcopy::pipe(
        tx.client(),
        &format!(
            "SELECT {run}::bigint, {name}::text, \"id\"::bigint, \"migration_key\"::text, \"loaded_by_run\"::bigint,
                    \"columns\"::text[], \"input_unchanged\"::boolean, \"edited_at\"::timestamp, {overwrite}::boolean
               FROM {edited} ORDER BY \"id\"",
            run = ctx.run_id
        ),
        ledger,
        "\"migration\".\"sirius_edits\" (\"run_id\", \"table_name\", \"id\", \"migration_key\", \"loaded_by_run\", \"columns\", \"input_unchanged\", \"edited_at\", \"overwritten\")",
    )
    .await?;
    if found == 0 {
        return Ok(0);
    }
    let examples: Vec<String> = tx
        .query(&format!("SELECT \"id\"::bigint, \"columns\" FROM {edited} ORDER BY \"id\" LIMIT 5"), &[])
        .await
        .map_err(db_err(format!("reading the edited rows of {table}")))?
        .iter()
        .map(|r| format!("id {} ({})", r.get::<_, i64>(0), r.get::<_, Vec<String>>(1).join(", ")))
        .collect();
    if overwrite {
        tracing::warn!(
            table,
            rows = found,
            examples = %examples.join("; "),
            "overwriting rows changed in Sirius since the run that loaded them, as --overwrite-sirius-edits asks \
             (listed in migration.sirius_edits; their edited values are the ledger's before-images)"
        );
    } else {
        tx.batch_execute(&format!(
            "UPDATE {stage} SET \"load_action\" = 'KEPT' WHERE \"id\" IN (SELECT \"id\" FROM {edited})"
        ))
        .await
        .map_err(db_err(format!("keeping the edited rows of {table}")))?;
        tracing::warn!(
            table,
            rows = found,
            examples = %examples.join("; "),
            "kept rows changed in Sirius since the run that loaded them, not overwritten (listed in \
             migration.sirius_edits); run again with --overwrite-sirius-edits to overwrite them"
        );
    }
    Ok(found)
}

/// Each table's id sequence past its largest id, and the uid sequence past the largest uid of
/// every table that has one.
async fn move_sequences(tx: &impl GenericClient, tables: &[&SiriusTable]) -> Result<(), LoadError> {
    for t in tables {
        let Some(sequence) = t.sequence() else { continue };
        let seq = format!("\"public\".{}", quote_ident(sequence));
        tx.execute(
            &format!(
                "SELECT setval(to_regclass($1), GREATEST((SELECT coalesce(max(\"id\"), 1) FROM \"public\".{}), (SELECT last_value FROM {seq})))
                  WHERE to_regclass($1) IS NOT NULL",
                quote_ident(t.name)
            ),
            &[&seq],
        )
        .await
        .map_err(db_err(format!("moving the id sequence of {}", t.name)))?;
    }
    let uids: Vec<String> = registry::TABLES
        .iter()
        .filter_map(|t| {
            t.uid.map(|u| format!("SELECT {} AS u FROM \"public\".{}", quote_ident(u), quote_ident(t.name)))
        })
        .collect();
    tx.execute(
        &format!(
            r#"SELECT setval('"public"."global_uid_seq"', GREATEST(
                   (SELECT last_value FROM "public"."global_uid_seq"),
                   (SELECT coalesce(max(u / 10), 70000000000) - 70000000000 FROM ({}) x)))
                WHERE to_regclass('"public"."global_uid_seq"') IS NOT NULL"#,
            uids.join(" UNION ALL ")
        ),
        &[],
    )
    .await
    .map_err(db_err("moving the uid sequence"))?;
    Ok(())
}

/// Undoes a run: deletes the rows it inserted and restores the before-images of the rows it
/// updated, children before parents, in one Sirius transaction.
/// Puts Sirius's finance counter back to where it was before the run took its batch numbers,
/// unless Sirius has taken numbers since (the counter moved on): a number must never be issued
/// twice, so the counter is then left as it is and the rollback says so.
async fn give_back_batch_numbers(
    m: &Client,
    tx: &tokio_postgres::Transaction<'_>,
    run: RunId,
) -> Result<(), LoadError> {
    let taken = m
        .query(
            r#"SELECT "counter_key", min("before"), max("after") FROM "migration"."counter_changes"
                WHERE "run_id" = $1 AND NOT "rolled_back" GROUP BY "counter_key""#,
            &[&run],
        )
        .await
        .map_err(db_err("reading the run's batch numbers"))?;
    for r in taken {
        let (key, before, after): (String, i32, i32) = (r.get(0), r.get(1), r.get(2));
        let n = tx
            .execute(
                r#"UPDATE "public"."finance_counter" SET "counter" = $2 WHERE "key" = $1 AND "counter" = $3"#,
                &[&key, &before, &after],
            )
            .await
            .map_err(db_err("giving the batch numbers back"))?;
        if n == 1 {
            tracing::info!(counter = %key, from = after, to = before, "batch numbers given back");
        } else {
            tracing::warn!(
                counter = %key, run_took_up_to = after,
                "Sirius has taken batch numbers since this run: the finance counter is left as it is"
            );
        }
    }
    Ok(())
}

pub async fn rollback(
    migration: &migration_core::config::DbSettings,
    sirius: &migration_core::config::DbSettings,
    run: RunId,
) -> Result<(u64, u64), LoadError> {
    let m = migration_core::db::connect(migration, Database::Migration).await?;
    let _sirius = migration_core::lock::claim_sirius(&m, sirius, run, "rollback").await?;
    let mut s = migration_core::db::connect(sirius, Database::Sirius).await?;
    let rows = m
        .query(
            r#"SELECT "table_name", "id", "action", "before_image" FROM "migration"."loaded_rows"
                WHERE "run_id" = $1 AND NOT "rolled_back""#,
            &[&run],
        )
        .await
        .map_err(db_err("reading the run's loaded rows"))?;
    if rows.is_empty() {
        if !migration_core::ledger::run_exists(&m, run).await? {
            return Err(LoadError::UnknownRun(run));
        }
        // A run that changed nothing (or was already rolled back) has nothing to undo.
        tracing::info!(run, "nothing to roll back");
        return Ok((0, 0));
    }
    // Sirius stamps updateddate on every UPDATE by trigger; restoring a before-image exactly
    // needs triggers off for this transaction, which a superuser (or rds_superuser) may do.
    let may_skip_triggers = foreign_keys::may_skip_triggers(&s).await;
    let tx = s.transaction().await.map_err(db_err("starting the rollback transaction"))?;
    if may_skip_triggers {
        tx.batch_execute("SET LOCAL session_replication_role = replica")
            .await
            .map_err(db_err("turning triggers off"))?;
    } else {
        tracing::warn!("not allowed to turn triggers off: restored rows get Sirius's own updateddate stamp");
    }
    let (mut deleted, mut restored) = (0u64, 0u64);
    let in_ledger: Vec<String> = rows.iter().map(|r| r.get::<_, String>(0)).collect();
    if let Some(unknown) = in_ledger.iter().find(|n| registry::table(n).is_none()) {
        return Err(LoadError::NoIntegration(format!(
            "run {run} loaded {unknown}, which this build's registry does not describe: roll it back with the build that loaded it"
        )));
    }
    for entry in registry::in_load_order(&in_ledger).into_iter().rev() {
        let table = &entry.name;
        let t = quote_ident(table);
        let mine = rows.iter().filter(|r| r.get::<_, &str>(0) == *table);
        let inserted_ids: Vec<i64> = mine
            .clone()
            .filter(|r| r.get::<_, &str>(2) == "INSERT")
            .filter_map(|r| r.get::<_, Option<i64>>(1))
            .collect();
        if let Key::Link(keys) = entry.key {
            let links: Vec<serde_json::Value> = mine
                .clone()
                .filter(|r| r.get::<_, &str>(2) == "INSERT")
                .filter_map(|r| r.get::<_, Option<serde_json::Value>>(3))
                .collect();
            deleted += tx
                .execute(
                    &format!(
                        "DELETE FROM \"public\".{t} p USING json_to_recordset($1::json) AS k({k0} integer, {k1} integer)
                          WHERE p.{k0} = k.{k0} AND p.{k1} = k.{k1}",
                        k0 = quote_ident(keys[0]),
                        k1 = quote_ident(keys[1])
                    ),
                    &[&serde_json::Value::Array(links)],
                )
                .await
                .map_err(db_err(format!("rolling back {table}")))?;
            continue;
        }
        deleted += tx
            .execute(&format!("DELETE FROM \"public\".{t} WHERE \"id\"::bigint = ANY($1)"), &[&inserted_ids])
            .await
            .map_err(db_err(format!("rolling back {table}")))?;
        let befores: Vec<serde_json::Value> = mine
            .filter(|r| r.get::<_, &str>(2) == "UPDATE")
            .filter_map(|r| r.get::<_, Option<serde_json::Value>>(3))
            .collect();
        if befores.is_empty() {
            continue;
        }
        let cols: Vec<String> = tx
            .query(
                r#"SELECT a."attname"::text FROM "pg_attribute" a
                    WHERE a."attrelid" = to_regclass($1) AND a."attnum" > 0 AND NOT a."attisdropped" AND a."attname" <> 'id'
                    ORDER BY a."attnum""#,
                &[&format!("\"public\".{t}")],
            )
            .await
            .map_err(db_err(format!("reading the columns of {table}")))?
            .iter()
            .map(|r| quote_ident(r.get::<_, &str>(0)))
            .collect();
        let sets = cols.iter().map(|c| format!("{c} = b.{c}")).collect::<Vec<_>>().join(", ");
        restored += tx
            .execute(
                &format!(
                    "UPDATE \"public\".{t} p SET {sets}
                       FROM json_populate_recordset(NULL::\"public\".{t}, $1::json) b WHERE p.\"id\" = b.\"id\""
                ),
                &[&serde_json::Value::Array(befores)],
            )
            .await
            .map_err(db_err(format!("restoring {table}")))?;
    }
    give_back_batch_numbers(&m, &tx, run).await?;
    tx.commit().await.map_err(db_err("committing the rollback"))?;
    m.execute(r#"UPDATE "migration"."loaded_rows" SET "rolled_back" = true WHERE "run_id" = $1"#, &[&run])
        .await
        .map_err(db_err("marking the run rolled back"))?;
    m.execute(r#"UPDATE "migration"."counter_changes" SET "rolled_back" = true WHERE "run_id" = $1"#, &[&run])
        .await
        .map_err(db_err("marking the run's batch numbers given back"))?;
    Ok((deleted, restored))
}
