//! Runs the targets: each one's SQL in a DataFusion session over the `casrec_csv` tables (read
//! lazily from PostgreSQL), the run's scope, the lookups, the UDFs and the earlier waves' output
//! (read back from the `transform` schema). Its rows stream to the `transform` schema by binary
//! COPY as the plan produces them, and so do its exclusions; then PostgreSQL checks that every
//! source row it answers for is migrated or excluded with a reason. No target's output is held
//! in the process: memory is what the plans hold.
//!
//! The work is split into parts (`crate::parts`) so that each entity group can run in a task of
//! its own: a group numbers its targets' rows from 1 and records what it built in
//! `transform.built_targets`; `finish` then moves each target's ids on past the destination's
//! earlier targets, and every declared reference with them, so the result is the same whichever
//! order, process or machine the groups ran in.

mod accounting;
mod numbering;
mod session;
mod write;

use std::collections::BTreeSet;
use std::sync::Arc;

use arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use futures::{StreamExt, TryStreamExt};
use migration_core::config::DbSettings;
use migration_core::db::{quote_ident, Database};
use migration_core::RunId;
use tokio_postgres::Client;

use crate::lookups::Lookups;
use crate::parts::{self, Part};
use crate::targets::{Mode, Target, TARGETS};
use crate::udf::UdfEnv;
use crate::TransformError;

pub use accounting::{split_left_out, without_left_out, LEFT_OUT};
pub use numbering::with_ids;
pub use session::{scope_schema, split_statements};
pub use write::{pg_type, rows_table};

use session::Built;
use write::{drop_transform_tables, with_target_column, write_exceptions};

/// How many parts of a wave `run` builds at once.
const PARTS_AT_ONCE: usize = 2;

const TRANSFORM_SCHEMA_SQL: &str = include_str!("../sql/transform_schema.sql");

/// What one target did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct TargetReport {
    pub target: String,
    pub destination: String,
    pub source_rows: u64,
    pub rows_out: u64,
    /// Source rows left out, with a reason (`transform.quarantine`).
    pub excluded: u64,
    /// Of the excluded rows, those the target also recorded a value of in
    /// `transform.exceptions`: left out because a value could not be transformed (a bond
    /// provider that cannot be named), not by a rule, so quarantined: a person must look.
    pub quarantined: u64,
    pub exceptions: u64,
}

pub struct Engine {
    db: DbSettings,
    lookups: Lookups,
    as_of: NaiveDate,
}

fn df_err(target: &str, file: String) -> impl FnOnce(datafusion::error::DataFusionError) -> TransformError + '_ {
    move |e| TransformError::Query { target: target.to_string(), file, message: e.to_string() }
}

fn db_err(context: String) -> impl FnOnce(tokio_postgres::Error) -> TransformError {
    move |source| TransformError::Db { context, source }
}

fn part_err(part: Part, message: String) -> TransformError {
    TransformError::Part { part: part.to_string(), message }
}

fn qualified(table: &str) -> String {
    format!("\"transform\".{}", quote_ident(table))
}

impl Engine {
    pub fn new(db: &DbSettings, as_of: NaiveDate) -> Result<Engine, TransformError> {
        Ok(Engine { db: db.clone(), lookups: Lookups::load()?, as_of })
    }

    async fn connect(&self) -> Result<Client, TransformError> {
        Ok(migration_core::db::connect(&self.db, Database::Migration).await?)
    }

    /// The whole step in this process: the parts in order, a wave's groups concurrently.
    /// The scope must already be decided (`crate::scope::compute`).
    pub async fn run(&self, client: &Client, run_id: RunId) -> Result<Vec<TargetReport>, TransformError> {
        self.reset(client, run_id).await?;
        let stages = parts::stages();
        let bar = migration_core::telemetry::progress_bar(
            TARGETS.len() as u64,
            "transform-casrec",
            migration_core::telemetry::Unit::Targets,
        );
        for stage in &stages[1..stages.len() - 1] {
            // Two parts at a time: a part's targets run one by one, each scan holding a
            // connection while it streams, so connections and memory stay bounded however
            // many groups a wave has (and two is what two cores can use).
            let parts: Vec<_> = stage.iter().copied().map(|p| self.build(run_id, p)).collect();
            let built: Vec<Vec<TargetReport>> =
                futures::stream::iter(parts).buffer_unordered(PARTS_AT_ONCE).try_collect().await?;
            bar.inc(built.iter().map(|b| b.len() as u64).sum());
        }
        bar.finish_and_clear();
        self.finish(client, run_id).await
    }

    /// Part `scope` (after the scope is decided): an empty transform schema belonging to the run.
    pub async fn reset(&self, client: &Client, run_id: RunId) -> Result<(), TransformError> {
        client.batch_execute(&drop_transform_tables()).await.map_err(db_err("clearing the transform schema".into()))?;
        client.batch_execute(TRANSFORM_SCHEMA_SQL).await.map_err(db_err("creating the transform schema".into()))?;
        // Every destination exists before any group writes, so groups in separate tasks only
        // ever add columns to it (under a lock) and never race to create it.
        let mut ddl = String::new();
        let mut seen = BTreeSet::new();
        for t in TARGETS.iter().filter(|t| t.mode != Mode::UpdateById) {
            if !seen.insert(t.destination) {
                continue;
            }
            let numbered = TARGETS.iter().any(|o| o.destination == t.destination && o.mode == Mode::Insert);
            let id = if numbered { "\"id\" integer, " } else { "" };
            ddl.push_str(&format!(
                "CREATE TABLE {} ({id}\"casrec_row_id\" bigint, \"casrec_target\" text NOT NULL);\n",
                qualified(t.destination)
            ));
        }
        client.batch_execute(&ddl).await.map_err(db_err("creating the transform tables".into()))?;
        client
            .execute(
                r#"INSERT INTO "transform"."run" ("run_id", "as_of_date") VALUES ($1, $2)"#,
                &[&run_id, &self.as_of],
            )
            .await
            .map_err(db_err("recording the run in transform.run".into()))?;
        Ok(())
    }

    /// Checks that the transform schema was reset for this run, with this as-of date, and not
    /// yet numbered.
    async fn check_run(&self, client: &Client, run_id: RunId, part: Part) -> Result<bool, TransformError> {
        // No transform.run table means no scope part has run; any other error is the database's.
        let row =
            match client.query_opt(r#"SELECT "run_id", "as_of_date", "numbered" FROM "transform"."run""#, &[]).await {
                Ok(row) => row,
                Err(e) if e.code() == Some(&tokio_postgres::error::SqlState::UNDEFINED_TABLE) => None,
                Err(e) => return Err(db_err("reading transform.run".into())(e)),
            };
        let Some(row) = row else {
            return Err(part_err(
                part,
                format!("the transform schema is not prepared: run part scope of run {run_id} first"),
            ));
        };
        let (owner, as_of, numbered): (RunId, NaiveDate, bool) = (row.get(0), row.get(1), row.get(2));
        if owner != run_id {
            return Err(part_err(
                part,
                format!("the transform schema belongs to run {owner}: run part scope of run {run_id} first"),
            ));
        }
        if as_of != self.as_of {
            return Err(part_err(
                part,
                format!("run {run_id} transforms as of {as_of} but this part was given {}", self.as_of),
            ));
        }
        Ok(numbered)
    }

    /// What earlier parts of the run built, with the columns each target wrote.
    async fn built(&self, client: &Client) -> Result<Vec<Built>, TransformError> {
        let rows = client
            .query(r#"SELECT "target", "columns" FROM "transform"."built_targets""#, &[])
            .await
            .map_err(db_err("reading transform.built_targets".into()))?;
        let mut out = Vec::new();
        for r in rows {
            let name: String = r.get(0);
            let columns: Vec<String> = r.get(1);
            let target = Target::by_name(&name).ok_or_else(|| TransformError::Accounting {
                target: name.clone(),
                message: "recorded in transform.built_targets but not a target of this build".into(),
            })?;
            let select = columns.iter().map(|c| quote_ident(c)).collect::<Vec<_>>().join(", ");
            let stmt = client
                .prepare(&format!("SELECT {select} FROM {} LIMIT 0", qualified(target.destination)))
                .await
                .map_err(db_err(format!("reading the columns of {}", target.name)))?;
            let mut fields = Vec::new();
            for c in stmt.columns() {
                let t = migration_core::pgcopy::arrow_type_for(c.type_()).unwrap_or(DataType::Utf8);
                fields.push(Field::new(c.name(), t, true));
            }
            out.push(Built { target, schema: Arc::new(Schema::new(fields)) });
        }
        Ok(out)
    }

    /// Part `wave<N>/<group>`: builds the group's targets. Running it again replaces what it
    /// wrote before, so a retried task does no harm.
    pub async fn build(&self, run_id: RunId, part: Part) -> Result<Vec<TargetReport>, TransformError> {
        let targets = part.targets();
        if targets.is_empty() {
            return Err(part_err(part, "builds no target: name a group, e.g. wave1/cases".into()));
        }
        let client = self.connect().await?;
        if self.check_run(&client, run_id, part).await? {
            return Err(part_err(
                part,
                format!("run {run_id}'s ids are already numbered (part finish ran): start again from part scope"),
            ));
        }
        let built = self.built(&client).await?;
        for t in &targets {
            for needed in t.reads()? {
                if !built.iter().any(|b| b.target.name == needed.name) {
                    return Err(part_err(
                        part,
                        format!(
                            "target {} reads t_{}, which run {run_id} has not built: run part {} first",
                            t.name,
                            needed.name,
                            Part::of(needed)
                        ),
                    ));
                }
            }
        }
        // Targets built from the output about to be replaced are out of date: they are forgotten
        // too, so that finish names their parts until they are built again.
        let mut stale: Vec<&'static Target> = Vec::new();
        let mut changed: Vec<&'static Target> = targets.clone();
        while let Some(c) = changed.pop() {
            for b in &built {
                let d = b.target;
                if !targets.iter().chain(&stale).any(|x| x.name == d.name)
                    && d.reads()?.iter().any(|r| r.name == c.name)
                {
                    tracing::warn!(target = d.name, part = %Part::of(d), "built from output being rebuilt; run its part again");
                    stale.push(d);
                    changed.push(d);
                }
            }
        }
        for t in targets.iter().chain(&stale) {
            let context = || format!("clearing {}'s earlier output", t.name);
            let mut forget = vec![
                r#"DELETE FROM "transform"."built_targets" WHERE "target" = $1"#.to_string(),
                r#"DELETE FROM "transform"."quarantine" WHERE "target" = $1"#.to_string(),
                r#"DELETE FROM "transform"."exceptions" WHERE "target" = $1"#.to_string(),
            ];
            if t.mode == Mode::UpdateById {
                // Its staged values; those it applied belong to rows their own target replaces.
                client
                    .batch_execute(&format!("DROP TABLE IF EXISTS {}", qualified(&rows_table(t))))
                    .await
                    .map_err(db_err(context()))?;
            } else {
                forget.push(format!("DELETE FROM {} WHERE \"casrec_target\" = $1", qualified(t.destination)));
            }
            for stmt in &forget {
                client.execute(stmt.as_str(), &[&t.name]).await.map_err(db_err(context()))?;
            }
        }
        let earlier: Vec<Built> = built.into_iter().filter(|b| b.target.wave() < targets[0].wave()).collect();
        let mut reports = Vec::with_capacity(targets.len());
        for t in &targets {
            reports.push(self.build_target(part, t, &earlier).await?);
        }
        for report in &reports {
            tracing::info!(
                target = report.target.as_str(),
                rows_out = report.rows_out,
                excluded = report.excluded,
                exceptions = report.exceptions,
                "target built"
            );
        }
        Ok(reports)
    }

    /// Builds one target on a connection of its own: runs its SQL and streams the rows, numbered
    /// from 1, into its transform table; then its exclusions (which may read its rows back as
    /// `t_<target>`) and exceptions; then checks in PostgreSQL that it accounts for its source
    /// rows, and records it as built.
    async fn build_target(
        &self,
        part: Part,
        target: &'static Target,
        built: &[Built],
    ) -> Result<TargetReport, TransformError> {
        let client = self.connect().await?;
        let env = UdfEnv::new(self.lookups.clone(), self.as_of);
        let ctx = self.session(&env, built).await?;
        let df = ctx.sql(target.sql()?).await.map_err(df_err(target.name, target.path()))?;
        let produced: SchemaRef = Arc::new(df.schema().as_arrow().clone());
        // Rows the query itself leaves out (a `left_out` reason) go to the quarantine table as
        // they come, by COPY on a connection of their own beside the rows' COPY.
        let (schema, left_out) = accounting::without_left_out(&produced);
        // The transform contract (migration_core::registry): every row names its CasRec line,
        // and every new row what it is in CasRec's terms.
        let mut needed = vec!["casrec_row_id"];
        if target.mode != Mode::UpdateById {
            needed.push("migration_key");
        }
        if let Some(missing) = needed.iter().find(|c| schema.index_of(c).is_err()) {
            return Err(TransformError::Mapping {
                file: target.path(),
                message: format!("selects no {missing} column, which every target's rows carry"),
            });
        }
        let numbered = if target.mode == Mode::Insert { with_ids(&schema, Vec::new(), 1)?.0 } else { schema.clone() };
        // Which target made each row, so integration can key rows of a shared destination.
        let stored = with_target_column(&numbered, Vec::new(), target.name)?.0;
        let into = self.prepare_rows(&client, target, &stored).await?;
        let mut writer = migration_core::pgcopy::CopyWriter::start(&client, &into).await?;
        let out_client = match left_out {
            Some(_) => Some(self.connect().await?),
            None => None,
        };
        let mut out_writer = match &out_client {
            Some(c) => Some(accounting::quarantine_writer(c).await?),
            None => None,
        };
        let mut left_out_rows = 0u64;
        let mut stream = df.execute_stream().await.map_err(df_err(target.name, target.path()))?;
        let mut rows_out = 0i64;
        while let Some(batch) = stream.next().await {
            let batch = batch.map_err(df_err(target.name, target.path()))?;
            let batch = match (left_out, out_writer.as_mut()) {
                (Some(i), Some(w)) => {
                    let (kept, out) = accounting::split_left_out(&batch, i, &schema)?;
                    accounting::write_left_out(w, target, &out).await?;
                    left_out_rows += out.len() as u64;
                    kept
                }
                _ => batch,
            };
            let n = batch.num_rows() as i64;
            let batch = if target.mode == Mode::Insert {
                with_ids(&schema, vec![batch], rows_out + 1)?.1.remove(0)
            } else {
                batch
            };
            let batch = with_target_column(&numbered, vec![batch], target.name)?.1.remove(0);
            writer.batch(&batch).await?;
            rows_out += n;
        }
        writer.finish().await?;
        if let Some(w) = out_writer {
            w.finish().await?;
        }
        drop(out_client);
        self.apply_updates(&client, target, &stored).await?;

        // Accounting: every source row the target answers for is migrated or excluded with a
        // reason. Its own rows are read back from the transform table, as later targets read them.
        let mine = Built { target, schema: numbered.clone() };
        let all: Vec<Built> = built.iter().cloned().chain(std::iter::once(mine)).collect();
        let ctx = self.session(&env, &all).await?;
        accounting::load_source_ids(&client, &ctx, target).await?;
        let excluded = left_out_rows + accounting::write_exclusions(&client, &ctx, target).await?;
        let exceptions = env.take_exceptions();
        write_exceptions(&client, target, &exceptions).await?;
        let (source_rows, quarantined) = accounting::check(&client, target).await?;
        let report = TargetReport {
            target: target.name.into(),
            destination: target.destination.into(),
            source_rows,
            rows_out: rows_out as u64,
            excluded,
            quarantined,
            exceptions: exceptions.len() as u64,
        };
        let columns: Vec<String> = numbered.fields().iter().map(|f| f.name().clone()).collect();
        let n = |v: u64| v as i64;
        client
            .execute(
                r#"INSERT INTO "transform"."built_targets"
                     ("target", "part", "destination", "source_table", "rows_table", "source_rows", "rows_out",
                      "excluded", "quarantined", "exceptions", "columns")
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"#,
                &[
                    &target.name,
                    &part.to_string(),
                    &target.destination,
                    &target.source_table,
                    &rows_table(target),
                    &n(report.source_rows),
                    &n(report.rows_out),
                    &n(report.excluded),
                    &n(report.quarantined),
                    &n(report.exceptions),
                    &columns,
                ],
            )
            .await
            .map_err(db_err(format!("recording {} in transform.built_targets", target.name)))?;
        Ok(report)
    }
}
