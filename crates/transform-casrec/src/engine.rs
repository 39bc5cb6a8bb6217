//! Runs the targets: each one's SQL in a DataFusion session over the `casrec_csv` tables (read
//! lazily from PostgreSQL), the run's scope, the lookups, the UDFs and the earlier targets'
//! output; then checks that every source row it answers for is migrated or excluded with a
//! reason, and writes rows, exclusions and exceptions to the `transform` schema by binary COPY.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use arrow::array::{Array, ArrayRef, Int32Array, Int64Array, StringArray};
use arrow::datatypes::{DataType, Field, Schema, SchemaRef, TimeUnit};
use arrow::record_batch::RecordBatch;
use chrono::NaiveDate;
use datafusion::datasource::MemTable;
use datafusion::prelude::{SessionConfig, SessionContext};
use migration_core::config::DbSettings;
use migration_core::db::quote_ident;
use migration_core::pgcopy::RowEncoder;
use tokio_postgres::Client;

use crate::lookups::{Lookups, MAPPINGS};
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

/// The outputs so far, by target, for later targets to read.
type Outputs = BTreeMap<String, (SchemaRef, Vec<RecordBatch>)>;

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

impl Engine {
    pub fn new(db: &DbSettings, as_of: NaiveDate) -> Result<Engine, TransformError> {
        Ok(Engine { db: db.clone(), lookups: Lookups::load()?, as_of })
    }

    /// A session with every source, the scope, the lookups, the UDFs and earlier outputs.
    async fn session(&self, env: &Arc<UdfEnv>, outputs: &Outputs) -> Result<SessionContext, TransformError> {
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
        let scope_schema = Arc::new(Schema::new(vec![
            Field::new("case_no", DataType::Utf8, false),
            Field::new("in_scope", DataType::Boolean, false),
            Field::new("reason", DataType::Utf8, false),
            Field::new("lay_team", DataType::Utf8, false),
            Field::new("corref", DataType::Utf8, false),
            Field::new("casrec_row_id", DataType::Int64, false),
        ]));
        ctx.register_table("scope_cases", Arc::new(PgTable::with_schema(&self.db, "scope", "cases", scope_schema)))
            .map_err(reg)?;
        self.lookups.register(&ctx).map_err(reg)?;
        udf::register(&ctx, env);
        let views = MAPPINGS.get_file("scope_views.sql").and_then(|f| f.contents_utf8()).unwrap_or_default();
        for stmt in split_statements(views) {
            ctx.sql(&stmt).await.map_err(df_err("scope views", "mappings/scope_views.sql".into()))?;
        }
        for (name, (schema, batches)) in outputs {
            let table = MemTable::try_new(schema.clone(), vec![batches.clone()]).map_err(reg)?;
            ctx.register_table(format!("t_{name}"), Arc::new(table)).map_err(reg)?;
        }
        Ok(ctx)
    }

    /// Runs every target in order, writing each one's rows to `transform` as it completes.
    pub async fn run(&self, client: &Client) -> Result<Vec<TargetReport>, TransformError> {
        client.batch_execute(&drop_transform_tables()).await.map_err(db_err("clearing the transform schema".into()))?;
        client.batch_execute(TRANSFORM_SCHEMA_SQL).await.map_err(db_err("creating the transform schema".into()))?;
        let mut outputs: Outputs = BTreeMap::new();
        let mut next_id: HashMap<&str, i64> = HashMap::new();
        let mut created: HashMap<String, BTreeMap<String, DataType>> = HashMap::new();
        let mut reports = Vec::new();
        let bar = migration_core::telemetry::progress_bar(TARGETS.len() as u64, "transform-casrec");
        // Targets of a wave read only CasRec and earlier waves, so their queries run together;
        // numbering and writing then follow the fixed target order, so ids do not depend on
        // which query finished first.
        let mut waves: Vec<u8> = TARGETS.iter().map(|t| t.wave).collect();
        waves.sort();
        waves.dedup();
        for wave in waves {
            let targets: Vec<&Target> = TARGETS.iter().filter(|t| t.wave == wave).collect();
            let results = futures::future::try_join_all(targets.iter().map(|t| self.query_target(t, &outputs))).await?;
            for (target, (env, schema, batches)) in targets.into_iter().zip(results) {
                let report = self
                    .finish_target(client, target, env, schema, batches, &mut outputs, &mut next_id, &mut created)
                    .await?;
                tracing::info!(
                    target = target.name,
                    rows_out = report.rows_out,
                    excluded = report.excluded,
                    exceptions = report.exceptions,
                    "target built"
                );
                reports.push(report);
                bar.inc(1);
            }
        }
        bar.finish_and_clear();
        Ok(reports)
    }

    /// Runs a target's SQL; its exceptions stay in the returned environment.
    async fn query_target(
        &self,
        target: &Target,
        outputs: &Outputs,
    ) -> Result<(Arc<UdfEnv>, SchemaRef, Vec<RecordBatch>), TransformError> {
        let env = UdfEnv::new(self.lookups.clone(), self.as_of);
        let ctx = self.session(&env, outputs).await?;
        let df = ctx.sql(target.sql()?).await.map_err(df_err(target.name, target.path()))?;
        let schema: SchemaRef = Arc::new(df.schema().as_arrow().clone());
        let batches = df.collect().await.map_err(df_err(target.name, target.path()))?;
        Ok((env, schema, batches))
    }

    /// Numbers a target's rows, checks that it accounts for its source rows, and writes them.
    #[allow(clippy::too_many_arguments)]
    async fn finish_target(
        &self,
        client: &Client,
        target: &Target,
        env: Arc<UdfEnv>,
        schema: SchemaRef,
        mut batches: Vec<RecordBatch>,
        outputs: &mut Outputs,
        next_id: &mut HashMap<&'static str, i64>,
        created: &mut HashMap<String, BTreeMap<String, DataType>>,
    ) -> Result<TargetReport, TransformError> {
        let mut schema = schema;
        if target.mode == Mode::Insert {
            let start = *next_id.entry(target.destination).or_insert(1);
            let (s, b) = with_ids(&schema, batches, start)?;
            let n: usize = b.iter().map(|x| x.num_rows()).sum();
            next_id.insert(target.destination, start + n as i64);
            schema = s;
            batches = b;
        }
        let rows_out: usize = batches.iter().map(|b| b.num_rows()).sum();
        outputs.insert(target.name.to_string(), (schema.clone(), batches.clone()));
        // Which target made each row, so integration can key rows of a shared destination.
        let (schema, batches) = with_target_column(&schema, batches, target.name)?;

        // Accounting: every source row the target answers for is migrated or excluded with a reason.
        let ctx = self.session(&env, outputs).await?;
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
        self.write_rows(client, target, &schema, &batches, created).await?;
        write_quarantine(client, target, &excluded).await?;
        write_exceptions(client, target, &exceptions).await?;
        Ok(TargetReport {
            target: target.name.into(),
            destination: target.destination.into(),
            source_rows: source_rows.len() as u64,
            rows_out: rows_out as u64,
            excluded: excluded.len() as u64,
            exceptions: exceptions.len() as u64,
        })
    }

    async fn write_rows(
        &self,
        client: &Client,
        target: &Target,
        schema: &SchemaRef,
        batches: &[RecordBatch],
        created: &mut HashMap<String, BTreeMap<String, DataType>>,
    ) -> Result<(), TransformError> {
        let table = match target.mode {
            Mode::UpdateById => format!("{}__{}", target.destination, target.name),
            _ => target.destination.to_string(),
        };
        let cols = created.entry(table.clone()).or_default();
        let qualified = format!("\"transform\".{}", quote_ident(&table));
        let mut ddl = String::new();
        if cols.is_empty() {
            let defs: Vec<String> = schema
                .fields()
                .iter()
                .map(|f| format!("{} {}", quote_ident(f.name()), pg_type(f.data_type())))
                .collect();
            ddl.push_str(&format!("CREATE TABLE {qualified} ({})", defs.join(", ")));
        } else {
            for f in schema.fields() {
                match cols.get(f.name()) {
                    Some(t) if pg_type(t) != pg_type(f.data_type()) => {
                        return Err(TransformError::Accounting {
                            target: target.name.into(),
                            message: format!(
                                "column {} is {} here but {} in an earlier target of {table}",
                                f.name(),
                                pg_type(f.data_type()),
                                pg_type(t)
                            ),
                        })
                    }
                    Some(_) => {}
                    None => ddl.push_str(&format!(
                        "ALTER TABLE {qualified} ADD COLUMN {} {};",
                        quote_ident(f.name()),
                        pg_type(f.data_type())
                    )),
                }
            }
        }
        for f in schema.fields() {
            cols.insert(f.name().clone(), f.data_type().clone());
        }
        if !ddl.is_empty() {
            client.batch_execute(&ddl).await.map_err(db_err(format!("creating {qualified}")))?;
        }
        migration_core::pgcopy::copy_in_batches(client, "transform", &table, batches).await?;
        if target.mode == Mode::UpdateById {
            let dest = format!("\"transform\".{}", quote_ident(target.destination));
            let sets: Vec<String> = schema
                .fields()
                .iter()
                .filter(|f| {
                    !["id", "casrec_row_id", "casrec_target"].contains(&f.name().as_str())
                        && !f.name().starts_with("c_")
                })
                .map(|f| format!("{0} = u.{0}", quote_ident(f.name())))
                .collect();
            let mut alter = String::new();
            for f in schema.fields().iter().filter(|f| {
                !["id", "casrec_row_id", "casrec_target"].contains(&f.name().as_str()) && !f.name().starts_with("c_")
            }) {
                alter.push_str(&format!(
                    "ALTER TABLE {dest} ADD COLUMN IF NOT EXISTS {} {};",
                    quote_ident(f.name()),
                    pg_type(f.data_type())
                ));
            }
            client
                .batch_execute(&format!(
                    "{alter} UPDATE {dest} d SET {} FROM {qualified} u WHERE d.\"id\" = u.\"id\"; DROP TABLE {qualified};",
                    sets.join(", ")
                ))
                .await
                .map_err(db_err(format!("applying {} to {dest}", target.name)))?;
        }
        Ok(())
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
    copy_raw(client, r#""transform"."quarantine" ("target", "source_table", "casrec_row_id", "reason")"#, enc).await
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
    copy_raw(
        client,
        r#""transform"."exceptions" ("target", "source_table", "casrec_row_id", "column", "value", "reason")"#,
        enc,
    )
    .await
}

async fn copy_raw(client: &Client, into: &str, enc: RowEncoder) -> Result<(), TransformError> {
    use futures::SinkExt;
    let sink = client
        .copy_in::<_, bytes::Bytes>(&format!("COPY {into} FROM STDIN (FORMAT binary)"))
        .await
        .map_err(db_err(format!("writing {into}")))?;
    futures::pin_mut!(sink);
    sink.send(enc.finish()).await.map_err(db_err(format!("writing {into}")))?;
    sink.finish().await.map_err(db_err(format!("writing {into}")))?;
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
