//! Runs the targets: each one's SQL in a DataFusion session over the `casrec_csv` tables (read
//! lazily from PostgreSQL), the run's scope, the lookups, the UDFs and the earlier waves' output
//! (read back from the `transform` schema); then checks that every source row it answers for is
//! migrated or excluded with a reason, and writes rows, exclusions and exceptions to the
//! `transform` schema by binary COPY.
//!
//! The work is split into parts (`crate::parts`) so that each entity group can run in a task of
//! its own: a group numbers its targets' rows from 1 and records what it built in
//! `transform.built_targets`; `finish` then moves each target's ids on past the destination's
//! earlier targets, and every declared reference with them, so the result is the same whichever
//! order, process or machine the groups ran in.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use arrow::array::{Array, ArrayRef, Int32Array, Int64Array, StringArray};
use arrow::datatypes::{DataType, Field, Schema, SchemaRef, TimeUnit};
use arrow::record_batch::RecordBatch;
use chrono::NaiveDate;
use datafusion::datasource::MemTable;
use datafusion::prelude::{SessionConfig, SessionContext};
use migration_core::config::DbSettings;
use migration_core::db::{quote_ident, Database};
use migration_core::pgcopy::RowEncoder;
use migration_core::RunId;
use tokio_postgres::Client;

use crate::lookups::{Lookups, MAPPINGS};
use crate::parts::{self, Part};
use crate::source::PgTable;
use crate::targets::{Mode, Target, TARGETS};
use crate::udf::{self, UdfEnv, ValueException};
use crate::TransformError;

const TRANSFORM_SCHEMA_SQL: &str = include_str!("sql/transform_schema.sql");

/// What one target did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct TargetReport {
    pub target: String,
    pub destination: String,
    pub source_rows: u64,
    pub rows_out: u64,
    pub excluded: u64,
    pub exceptions: u64,
}

/// A target's own output while its part checks it.
type Outputs = BTreeMap<String, (SchemaRef, Vec<RecordBatch>)>;

/// A target an earlier part built, as later targets read it back.
#[derive(Debug, Clone)]
struct Built {
    target: &'static Target,
    schema: SchemaRef,
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

    /// A session with every source, the scope, the lookups, the UDFs, the earlier parts'
    /// output and the part's own.
    async fn session(
        &self,
        env: &Arc<UdfEnv>,
        built: &[Built],
        outputs: &Outputs,
    ) -> Result<SessionContext, TransformError> {
        let config = SessionConfig::new().with_target_partitions(2).with_information_schema(false);
        let ctx = SessionContext::new_with_config(config);
        let reg = |e: datafusion::error::DataFusionError| TransformError::Query {
            target: "session".into(),
            file: "engine".into(),
            message: e.to_string(),
        };
        for f in casrec_catalog::FILES {
            ctx.register_table(f.table, Arc::new(PgTable::casrec(&self.db, f.table, f.columns))).map_err(reg)?;
        }
        let scope_schema = scope_schema();
        ctx.register_table("scope_cases", Arc::new(PgTable::with_schema(&self.db, "scope", "cases", scope_schema)))
            .map_err(reg)?;
        self.lookups.register(&ctx).map_err(reg)?;
        udf::register(&ctx, env);
        let views = MAPPINGS.get_file("scope_views.sql").and_then(|f| f.contents_utf8()).unwrap_or_default();
        for stmt in split_statements(views) {
            ctx.sql(&stmt).await.map_err(df_err("scope views", "mappings/scope_views.sql".into()))?;
        }
        for b in built {
            let table = PgTable::with_schema(&self.db, "transform", b.target.destination, b.schema.clone())
                .filtered("casrec_target", b.target.name);
            ctx.register_table(format!("t_{}", b.target.name), Arc::new(table)).map_err(reg)?;
        }
        for (name, (schema, batches)) in outputs {
            let table = MemTable::try_new(schema.clone(), vec![batches.clone()]).map_err(reg)?;
            ctx.register_table(format!("t_{name}"), Arc::new(table)).map_err(reg)?;
        }
        Ok(ctx)
    }

    /// The whole step in this process: the parts in order, a wave's groups concurrently.
    /// The scope must already be decided (`crate::scope::compute`).
    pub async fn run(&self, client: &Client, run_id: RunId) -> Result<Vec<TargetReport>, TransformError> {
        self.reset(client, run_id).await?;
        let stages = parts::stages();
        let bar = migration_core::telemetry::progress_bar(TARGETS.len() as u64, "transform-casrec");
        for stage in &stages[1..stages.len() - 1] {
            let built = futures::future::try_join_all(stage.iter().map(|p| self.build(run_id, *p))).await?;
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
        let results = futures::future::try_join_all(targets.iter().map(|t| self.query_target(t, &earlier))).await?;
        let mut reports = Vec::new();
        for (target, (env, schema, batches)) in targets.into_iter().zip(results) {
            let report = self.finish_target(&client, part, target, env, schema, batches, &earlier).await?;
            tracing::info!(
                target = target.name,
                rows_out = report.rows_out,
                excluded = report.excluded,
                exceptions = report.exceptions,
                "target built"
            );
            reports.push(report);
        }
        Ok(reports)
    }

    /// Part `finish`: every target built in this run, then ids numbered across targets: each
    /// destination's ids run on from its earlier targets (in `TARGETS` order), and every column
    /// that refers to a target's ids moves with them. Done once, in one transaction.
    pub async fn finish(&self, client: &Client, run_id: RunId) -> Result<Vec<TargetReport>, TransformError> {
        let numbered = self.check_run(client, run_id, Part::Finish).await?;
        let rows = client
            .query(
                r#"SELECT "target", "source_rows", "rows_out", "excluded", "exceptions" FROM "transform"."built_targets""#,
                &[],
            )
            .await
            .map_err(db_err("reading transform.built_targets".into()))?;
        let mut reports: BTreeMap<String, TargetReport> = BTreeMap::new();
        for r in rows {
            let name: String = r.get(0);
            let destination = Target::by_name(&name).map(|t| t.destination).unwrap_or_default();
            let n = |i: usize| r.get::<_, i64>(i) as u64;
            reports.insert(
                name.clone(),
                TargetReport {
                    target: name,
                    destination: destination.into(),
                    source_rows: n(1),
                    rows_out: n(2),
                    excluded: n(3),
                    exceptions: n(4),
                },
            );
        }
        let missing: Vec<String> = TARGETS
            .iter()
            .filter(|t| !reports.contains_key(t.name))
            .map(|t| format!("{} (part {})", t.name, Part::of(t)))
            .collect();
        if !missing.is_empty() {
            return Err(part_err(Part::Finish, format!("run {run_id} has not built {}", missing.join(", "))));
        }
        if !numbered {
            let mut offset: BTreeMap<&str, i64> = BTreeMap::new();
            let mut next: BTreeMap<&str, i64> = BTreeMap::new();
            for t in TARGETS.iter().filter(|t| t.mode == Mode::Insert) {
                let start = *next.get(t.destination).unwrap_or(&0);
                offset.insert(t.name, start);
                next.insert(t.destination, start + reports[t.name].rows_out as i64);
            }
            let mut sql = String::from("BEGIN;\n");
            // Staged values applied by id (UpdateById) keep the id they were applied to, moved
            // like any reference.
            for t in TARGETS {
                let mut sets = Vec::new();
                if offset.get(t.name).is_some_and(|o| *o > 0) {
                    sets.push(format!("\"id\" = \"id\" + {}", offset[t.name]));
                }
                for (col, other) in t.refs {
                    if let Some(o) = offset.get(other).filter(|o| **o > 0) {
                        sets.push(format!("{0} = {0} + {o}", quote_ident(col)));
                    }
                }
                if !sets.is_empty() {
                    sql.push_str(&format!(
                        "UPDATE {} SET {} WHERE \"casrec_target\" = '{}';\n",
                        qualified(&rows_table(t)),
                        sets.join(", "),
                        t.name
                    ));
                }
            }
            sql.push_str("UPDATE \"transform\".\"run\" SET \"numbered\" = true;\nCOMMIT;");
            client.batch_execute(&sql).await.map_err(db_err("numbering the transform's ids across targets".into()))?;
        }
        Ok(TARGETS.iter().map(|t| reports[t.name].clone()).collect())
    }

    /// Runs a target's SQL; its exceptions stay in the returned environment.
    async fn query_target(
        &self,
        target: &Target,
        built: &[Built],
    ) -> Result<(Arc<UdfEnv>, SchemaRef, Vec<RecordBatch>), TransformError> {
        let env = UdfEnv::new(self.lookups.clone(), self.as_of);
        let ctx = self.session(&env, built, &Outputs::new()).await?;
        let df = ctx.sql(target.sql()?).await.map_err(df_err(target.name, target.path()))?;
        let schema: SchemaRef = Arc::new(df.schema().as_arrow().clone());
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
        let batches = df.collect().await.map_err(df_err(target.name, target.path()))?;
        Ok((env, schema, batches))
    }

    /// Numbers a target's rows from 1, checks that it accounts for its source rows, and writes
    /// them with its exclusions and exceptions, recording the target as built.
    #[allow(clippy::too_many_arguments)]
    async fn finish_target(
        &self,
        client: &Client,
        part: Part,
        target: &'static Target,
        env: Arc<UdfEnv>,
        schema: SchemaRef,
        mut batches: Vec<RecordBatch>,
        built: &[Built],
    ) -> Result<TargetReport, TransformError> {
        let mut schema = schema;
        if target.mode == Mode::Insert {
            let (s, b) = with_ids(&schema, batches, 1)?;
            schema = s;
            batches = b;
        }
        let rows_out: usize = batches.iter().map(|b| b.num_rows()).sum();
        let mut outputs = Outputs::new();
        outputs.insert(target.name.to_string(), (schema.clone(), batches.clone()));
        // Which target made each row, so integration can key rows of a shared destination.
        let (schema, batches) = with_target_column(&schema, batches, target.name)?;

        // Accounting: every source row the target answers for is migrated or excluded with a reason.
        let ctx = self.session(&env, built, &outputs).await?;
        let source_file = format!("mappings/{}/{}.source.sql", target.entity, target.name);
        let source_rows = ids_of(&ctx, target.source_sql()?, target.name, &source_file).await?;
        let output_rows: BTreeSet<i64> = row_ids(&batches)?;
        let mut excluded: Vec<(i64, String)> = Vec::new();
        if let Some(sql) = target.excluded_sql() {
            let file = format!("mappings/{}/{}.excluded.sql", target.entity, target.name);
            let df = ctx.sql(sql).await.map_err(df_err(target.name, file.clone()))?;
            for b in df.collect().await.map_err(df_err(target.name, file.clone()))? {
                let ids = arrow::compute::cast(b.column(0), &DataType::Int64)?;
                let ids = ids.as_any().downcast_ref::<Int64Array>().expect("cast to int64");
                let reasons = arrow::compute::cast(b.column(1), &DataType::Utf8)?;
                let reasons = reasons.as_any().downcast_ref::<StringArray>().expect("cast to utf8");
                for i in 0..b.num_rows() {
                    excluded.push((ids.value(i), reasons.value(i).to_string()));
                }
            }
        }
        let excluded_ids: BTreeSet<i64> = excluded.iter().map(|e| e.0).collect();
        let both: Vec<i64> = excluded_ids.intersection(&output_rows).take(10).copied().collect();
        if !both.is_empty() {
            return Err(TransformError::Accounting {
                target: target.name.into(),
                message: format!("rows both migrated and excluded (first lines: {both:?})"),
            });
        }
        let missing: Vec<i64> = source_rows
            .iter()
            .filter(|r| !output_rows.contains(r) && !excluded_ids.contains(r))
            .take(10)
            .copied()
            .collect();
        if !missing.is_empty() {
            return Err(TransformError::Accounting {
                target: target.name.into(),
                message: format!(
                    "{} source rows of {} neither migrated nor excluded with a reason (first lines: {missing:?})",
                    source_rows.iter().filter(|r| !output_rows.contains(r) && !excluded_ids.contains(r)).count(),
                    target.source_table
                ),
            });
        }

        let exceptions = env.take_exceptions();
        self.write_rows(client, target, &schema, &batches).await?;
        write_quarantine(client, target, &excluded).await?;
        write_exceptions(client, target, &exceptions).await?;
        let report = TargetReport {
            target: target.name.into(),
            destination: target.destination.into(),
            source_rows: source_rows.len() as u64,
            rows_out: rows_out as u64,
            excluded: excluded.len() as u64,
            exceptions: exceptions.len() as u64,
        };
        let columns: Vec<String> =
            schema.fields().iter().map(|f| f.name().clone()).filter(|c| c != "casrec_target").collect();
        let n = |v: u64| v as i64;
        client
            .execute(
                r#"INSERT INTO "transform"."built_targets"
                     ("target", "part", "destination", "source_table", "rows_table", "source_rows", "rows_out",
                      "excluded", "exceptions", "columns")
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"#,
                &[
                    &target.name,
                    &part.to_string(),
                    &target.destination,
                    &target.source_table,
                    &rows_table(target),
                    &n(report.source_rows),
                    &n(report.rows_out),
                    &n(report.excluded),
                    &n(report.exceptions),
                    &columns,
                ],
            )
            .await
            .map_err(db_err(format!("recording {} in transform.built_targets", target.name)))?;
        Ok(report)
    }

    /// Adds the columns `schema` needs to a transform table, under a lock so that groups
    /// writing the same destination from other tasks take turns; a column another target
    /// already wrote with another type is an error.
    async fn add_columns(
        &self,
        client: &Client,
        target: &Target,
        table: &str,
        schema: &SchemaRef,
    ) -> Result<(), TransformError> {
        let q = qualified(table);
        let ctx = format!("adding {}'s columns to {q}", target.name);
        client
            .batch_execute(&format!("BEGIN; LOCK TABLE {q} IN SHARE ROW EXCLUSIVE MODE;"))
            .await
            .map_err(db_err(ctx.clone()))?;
        let result = async {
            let existing: BTreeMap<String, String> = client
                .query(
                    r#"SELECT "attname"::text, format_type("atttypid", "atttypmod") FROM "pg_attribute"
                        WHERE "attrelid" = $1::text::regclass AND "attnum" > 0 AND NOT "attisdropped""#,
                    &[&q],
                )
                .await
                .map_err(db_err(ctx.clone()))?
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect();
            let mut ddl = String::new();
            for f in schema.fields() {
                let wanted = pg_type(f.data_type());
                match existing.get(f.name()) {
                    Some(t) if t != wanted => {
                        return Err(TransformError::Accounting {
                            target: target.name.into(),
                            message: format!(
                                "column {} is {wanted} here but {t} in an earlier target of {table}",
                                f.name()
                            ),
                        })
                    }
                    Some(_) => {}
                    None => ddl.push_str(&format!("ALTER TABLE {q} ADD COLUMN {} {wanted};", quote_ident(f.name()))),
                }
            }
            if !ddl.is_empty() {
                client.batch_execute(&ddl).await.map_err(db_err(ctx.clone()))?;
            }
            Ok(())
        }
        .await;
        let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
        client.batch_execute(end).await.map_err(db_err(ctx))?;
        result
    }

    async fn write_rows(
        &self,
        client: &Client,
        target: &Target,
        schema: &SchemaRef,
        batches: &[RecordBatch],
    ) -> Result<(), TransformError> {
        if target.mode != Mode::UpdateById {
            self.add_columns(client, target, target.destination, schema).await?;
            migration_core::pgcopy::copy_in_batches(client, "transform", target.destination, batches).await?;
            return Ok(());
        }
        // Values for rows another target made: staged, then applied to that target's rows.
        let Some((_, owner)) = target.refs.iter().find(|(c, _)| *c == "id") else {
            return Err(TransformError::Mapping {
                file: target.path(),
                message: "an update by id names the target whose rows it updates in refs (\"id\", target)".into(),
            });
        };
        let staging = rows_table(target);
        let staged = qualified(&staging);
        let defs: Vec<String> =
            schema.fields().iter().map(|f| format!("{} {}", quote_ident(f.name()), pg_type(f.data_type()))).collect();
        client
            .batch_execute(&format!("DROP TABLE IF EXISTS {staged}; CREATE TABLE {staged} ({});", defs.join(", ")))
            .await
            .map_err(db_err(format!("creating {staged}")))?;
        migration_core::pgcopy::copy_in_batches(client, "transform", &staging, batches).await?;
        let values: Vec<Arc<Field>> = schema
            .fields()
            .iter()
            .filter(|f| {
                !["id", "casrec_row_id", "casrec_target"].contains(&f.name().as_str()) && !f.name().starts_with("c_")
            })
            .cloned()
            .collect();
        self.add_columns(client, target, target.destination, &Arc::new(Schema::new(values.clone()))).await?;
        let sets: Vec<String> = values.iter().map(|f| format!("{0} = u.{0}", quote_ident(f.name()))).collect();
        let dest = qualified(target.destination);
        client
            .batch_execute(&format!(
                "UPDATE {dest} d SET {} FROM {staged} u WHERE d.\"id\" = u.\"id\" AND d.\"casrec_target\" = '{owner}';",
                sets.join(", ")
            ))
            .await
            .map_err(db_err(format!("applying {} to {dest}", target.name)))?;
        Ok(())
    }
}

/// The transform table holding a target's rows: its destination, or for values applied to
/// another target's rows, the staged values (kept, so each CasRec row they came from is on record).
pub fn rows_table(target: &Target) -> String {
    match target.mode {
        Mode::UpdateById => format!("{}__{}", target.destination, target.name),
        _ => target.destination.to_string(),
    }
}

/// Prepends `id` numbered from `start` in row order.
pub fn with_ids(
    schema: &SchemaRef,
    batches: Vec<RecordBatch>,
    start: i64,
) -> Result<(SchemaRef, Vec<RecordBatch>), TransformError> {
    let mut fields = vec![Arc::new(Field::new("id", DataType::Int32, false))];
    fields.extend(schema.fields().iter().filter(|f| f.name() != "id").cloned());
    let new_schema = Arc::new(Schema::new(fields));
    let mut next = start;
    let mut out = Vec::with_capacity(batches.len());
    for b in batches {
        let n = b.num_rows() as i64;
        let ids: ArrayRef = Arc::new(Int32Array::from_iter_values((next..next + n).map(|v| v as i32)));
        next += n;
        let mut cols = vec![ids];
        for (i, f) in b.schema().fields().iter().enumerate() {
            if f.name() != "id" {
                cols.push(b.column(i).clone());
            }
        }
        out.push(RecordBatch::try_new(new_schema.clone(), cols)?);
    }
    Ok((new_schema, out))
}

fn with_target_column(
    schema: &SchemaRef,
    batches: Vec<RecordBatch>,
    target: &str,
) -> Result<(SchemaRef, Vec<RecordBatch>), TransformError> {
    let mut fields: Vec<Arc<Field>> = schema.fields().iter().cloned().collect();
    fields.push(Arc::new(Field::new("casrec_target", DataType::Utf8, false)));
    let new_schema = Arc::new(Schema::new(fields));
    let mut out = Vec::with_capacity(batches.len());
    for b in batches {
        let mut cols = b.columns().to_vec();
        cols.push(Arc::new(StringArray::from_iter_values(std::iter::repeat_n(target, b.num_rows()))));
        out.push(RecordBatch::try_new(new_schema.clone(), cols)?);
    }
    Ok((new_schema, out))
}

fn row_ids(batches: &[RecordBatch]) -> Result<BTreeSet<i64>, TransformError> {
    let mut out = BTreeSet::new();
    for b in batches {
        let idx = b.schema().index_of("casrec_row_id")?;
        let ids = arrow::compute::cast(b.column(idx), &DataType::Int64)?;
        let ids = ids.as_any().downcast_ref::<Int64Array>().expect("cast to int64");
        out.extend((0..ids.len()).filter(|i| ids.is_valid(*i)).map(|i| ids.value(i)));
    }
    Ok(out)
}

async fn ids_of(ctx: &SessionContext, sql: &str, target: &str, file: &str) -> Result<BTreeSet<i64>, TransformError> {
    let df = ctx.sql(sql).await.map_err(df_err(target, file.to_string()))?;
    let mut out = BTreeSet::new();
    for b in df.collect().await.map_err(df_err(target, file.to_string()))? {
        let ids = arrow::compute::cast(b.column(0), &DataType::Int64)?;
        let ids = ids.as_any().downcast_ref::<Int64Array>().expect("cast to int64");
        out.extend((0..ids.len()).filter(|i| ids.is_valid(*i)).map(|i| ids.value(i)));
    }
    Ok(out)
}

/// `scope_cases`, as every mapping reads the run's `scope.cases`.
pub fn scope_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("case_no", DataType::Utf8, false),
        Field::new("in_scope", DataType::Boolean, false),
        Field::new("reason", DataType::Utf8, false),
        Field::new("lay_team", DataType::Utf8, false),
        Field::new("corref", DataType::Utf8, false),
        Field::new("casrec_row_id", DataType::Int64, false),
    ]))
}

/// The PostgreSQL type a transform column is stored as: Sirius's own types.
pub fn pg_type(t: &DataType) -> &'static str {
    match t {
        DataType::Boolean => "boolean",
        DataType::Int16 => "smallint",
        DataType::Int32 => "integer",
        DataType::Int64 => "bigint",
        DataType::Float32 => "real",
        DataType::Float64 => "double precision",
        DataType::Date32 => "date",
        DataType::Timestamp(
            TimeUnit::Second | TimeUnit::Millisecond | TimeUnit::Microsecond | TimeUnit::Nanosecond,
            _,
        ) => "timestamp(0) without time zone",
        DataType::Decimal128(_, _) => "numeric",
        _ => "text",
    }
}

pub fn split_statements(sql: &str) -> Vec<String> {
    let without_comments: String =
        sql.lines().filter(|l| !l.trim_start().starts_with("--")).collect::<Vec<_>>().join("\n");
    without_comments.split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

fn drop_transform_tables() -> String {
    // Every table a previous run left, whatever its targets were.
    r#"DO $$ DECLARE t record; BEGIN
         FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'transform' LOOP
           EXECUTE format('DROP TABLE "transform".%I CASCADE', t.tablename);
         END LOOP; END $$;"#
        .to_string()
}

async fn write_quarantine(client: &Client, target: &Target, rows: &[(i64, String)]) -> Result<(), TransformError> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut enc = RowEncoder::new();
    for (id, reason) in rows {
        enc.begin_row(4);
        enc.bytes(target.name.as_bytes());
        enc.bytes(target.source_table.as_bytes());
        enc.int8(*id);
        enc.bytes(reason.as_bytes());
    }
    migration_core::pgcopy::copy_rows(
        client,
        r#""transform"."quarantine" ("target", "source_table", "casrec_row_id", "reason")"#,
        enc,
    )
    .await?;
    Ok(())
}

async fn write_exceptions(client: &Client, target: &Target, rows: &[ValueException]) -> Result<(), TransformError> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut enc = RowEncoder::new();
    for e in rows {
        enc.begin_row(6);
        enc.bytes(target.name.as_bytes());
        enc.bytes(target.source_table.as_bytes());
        enc.int8(e.casrec_row_id);
        enc.bytes(e.column.as_bytes());
        enc.bytes(e.value.as_bytes());
        enc.bytes(e.reason.as_bytes());
    }
    migration_core::pgcopy::copy_rows(
        client,
        r#""transform"."exceptions" ("target", "source_table", "casrec_row_id", "column", "value", "reason")"#,
        enc,
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_split_without_comments() {
        let s = split_statements("-- a\nCREATE VIEW a AS SELECT 1;\n-- b\nCREATE VIEW b AS SELECT 2;\n");
        assert_eq!(s, vec!["CREATE VIEW a AS SELECT 1", "CREATE VIEW b AS SELECT 2"]);
    }

    #[test]
    fn ids_continue_from_the_destinations_previous_targets() {
        let schema = Arc::new(Schema::new(vec![Field::new("casrec_row_id", DataType::Int64, false)]));
        let b = RecordBatch::try_new(schema.clone(), vec![Arc::new(Int64Array::from(vec![5, 9]))]).unwrap();
        let (s, out) = with_ids(&schema, vec![b.clone(), b], 11).unwrap();
        assert_eq!(s.field(0).name(), "id");
        let ids: Vec<i32> = out
            .iter()
            .flat_map(|b| b.column(0).as_any().downcast_ref::<Int32Array>().unwrap().values().to_vec())
            .collect();
        assert_eq!(ids, vec![11, 12, 13, 14]);
    }
}
