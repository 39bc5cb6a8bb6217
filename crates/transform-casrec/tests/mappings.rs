//! The mapping tests: for every target, `mappings/<entity>/<target>.slt` holds hand-written
//! CasRec rows and the Sirius rows expected from them, run with sqllogictest against the
//! target's own SQL, UDFs and lookups (no database needed). Each file is a test of its own,
//! named after its target (`cargo nextest run -p transform-casrec --test mappings cases`).
//!
//! Every file starts with the shared fixtures: an empty `scope_cases` (the run's scope, as the
//! engine registers it) and the mapping views. `RUN TARGET <name>` runs a target and makes its
//! output queryable as `t_<name>`, as later targets see it, the rows its `.excluded.sql` leaves
//! out as `excluded_<name>(casrec_row_id, reason)` and the values its functions recorded as
//! `exceptions_<name>(casrec_row_id, column, value, reason)`, as the engine writes them to
//! `transform.quarantine` and `transform.exceptions`. A coverage check fails when a column the
//! target writes is not named in any query of its file.
//!
//! `SLT_UPDATE=1` rewrites each file's expected results from what the mappings now give, for
//! review in the diff; the coverage check still runs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow::array::Array;
use arrow::datatypes::DataType;
use arrow::util::display::{ArrayFormatter, FormatOptions};
use async_trait::async_trait;
use chrono::NaiveDate;
use datafusion::datasource::MemTable;
use datafusion::prelude::SessionContext;
use sqllogictest::{AsyncDB, DBOutput, DefaultColumnType};
use transform_casrec::engine::{scope_schema, split_left_out, split_statements, with_ids, without_left_out};
use transform_casrec::lookups::{Lookups, MAPPINGS};
use transform_casrec::targets::{Mode, Target, TARGETS};
use transform_casrec::udf::{self, UdfEnv};

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct SltError(String);

struct MappingDb {
    ctx: SessionContext,
    views_created: bool,
    next_id: BTreeMap<String, i64>,
    /// The functions' environment, whose recorded exceptions each target run takes.
    env: Arc<UdfEnv>,
    /// Columns of each target run, for the coverage check.
    columns: Arc<std::sync::Mutex<BTreeMap<String, Vec<String>>>>,
}

/// The as-of date every mapping test runs with.
fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

impl MappingDb {
    fn new(columns: Arc<std::sync::Mutex<BTreeMap<String, Vec<String>>>>) -> MappingDb {
        let ctx = SessionContext::new();
        let scope = MemTable::try_new(scope_schema(), vec![vec![]]).unwrap();
        ctx.register_table("scope_cases", Arc::new(scope)).unwrap();
        let lookups = Lookups::load().unwrap();
        lookups.register(&ctx).unwrap();
        let env = UdfEnv::new(lookups, as_of());
        udf::register(&ctx, &env);
        MappingDb { ctx, views_created: false, next_id: BTreeMap::new(), env, columns }
    }

    async fn run_target(&mut self, name: &str) -> Result<(), SltError> {
        let err = |e: datafusion::error::DataFusionError| SltError(format!("{name}: {e}"));
        if !self.views_created {
            let views = MAPPINGS.get_file("scope_views.sql").and_then(|f| f.contents_utf8()).unwrap();
            for stmt in split_statements(views) {
                self.ctx.sql(&stmt).await.map_err(err)?;
            }
            self.views_created = true;
        }
        let target: &Target = Target::by_name(name).ok_or_else(|| SltError(format!("no target {name}")))?;
        // What earlier statements recorded is not this target's.
        self.env.take_exceptions();
        let df = self.ctx.sql(target.sql().unwrap()).await.map_err(err)?;
        let (mut schema, left_out) = without_left_out(&Arc::new(df.schema().as_arrow().clone()));
        let mut batches = df.collect().await.map_err(err)?;
        // Rows the query leaves out itself (its `left_out` reason), as the engine splits them.
        let mut excluded: Vec<(i64, String)> = Vec::new();
        if let Some(i) = left_out {
            let mut kept = Vec::with_capacity(batches.len());
            for b in &batches {
                let (k, out) = split_left_out(b, i, &schema).map_err(|e| SltError(e.to_string()))?;
                kept.push(k);
                excluded.extend(out);
            }
            batches = kept;
        }
        if target.mode == Mode::Insert {
            let start = *self.next_id.get(target.destination).unwrap_or(&1);
            let (s, b) = with_ids(&schema, batches, start).map_err(|e| SltError(e.to_string()))?;
            let n: usize = b.iter().map(|x| x.num_rows()).sum();
            self.next_id.insert(target.destination.to_string(), start + n as i64);
            schema = s;
            batches = b;
        }
        self.columns
            .lock()
            .unwrap()
            .insert(name.to_string(), schema.fields().iter().map(|f| f.name().clone()).collect());
        let table = MemTable::try_new(schema, vec![batches]).map_err(err)?;
        let _ = self.ctx.deregister_table(format!("t_{name}"));
        self.ctx.register_table(format!("t_{name}"), Arc::new(table)).map_err(err)?;
        excluded.extend(match target.excluded_sql() {
            Some(sql) => {
                let df = self.ctx.sql(sql).await.map_err(err)?;
                let b = df.collect().await.map_err(err)?;
                let rows: Vec<(i64, String)> = b
                    .iter()
                    .flat_map(|b| {
                        let ids = arrow::compute::cast(b.column(0), &DataType::Int64).unwrap();
                        let reasons = arrow::compute::cast(b.column(1), &DataType::Utf8).unwrap();
                        let ids = ids.as_any().downcast_ref::<arrow::array::Int64Array>().unwrap().clone();
                        let reasons = reasons.as_any().downcast_ref::<arrow::array::StringArray>().unwrap().clone();
                        (0..b.num_rows()).map(move |i| (ids.value(i), reasons.value(i).to_string()))
                    })
                    .collect();
                rows
            }
            None => Vec::new(),
        });
        let exceptions = self.env.take_exceptions();
        let text = |v: Vec<String>| Arc::new(arrow::array::StringArray::from(v)) as arrow::array::ArrayRef;
        let ids = |v: Vec<i64>| Arc::new(arrow::array::Int64Array::from(v)) as arrow::array::ArrayRef;
        let excluded = arrow::record_batch::RecordBatch::try_from_iter([
            ("casrec_row_id", ids(excluded.iter().map(|e| e.0).collect())),
            ("reason", text(excluded.into_iter().map(|e| e.1).collect())),
        ])
        .map_err(|e| SltError(e.to_string()))?;
        let exceptions = arrow::record_batch::RecordBatch::try_from_iter([
            ("casrec_row_id", ids(exceptions.iter().map(|e| e.casrec_row_id).collect())),
            ("column", text(exceptions.iter().map(|e| e.column.clone()).collect())),
            ("value", text(exceptions.iter().map(|e| e.value.clone()).collect())),
            ("reason", text(exceptions.into_iter().map(|e| e.reason).collect())),
        ])
        .map_err(|e| SltError(e.to_string()))?;
        for (prefix, batch) in [("excluded", excluded), ("exceptions", exceptions)] {
            let table = MemTable::try_new(batch.schema(), vec![vec![batch]]).map_err(err)?;
            let _ = self.ctx.deregister_table(format!("{prefix}_{name}"));
            self.ctx.register_table(format!("{prefix}_{name}"), Arc::new(table)).map_err(err)?;
        }
        Ok(())
    }
}

#[async_trait]
impl AsyncDB for MappingDb {
    type Error = SltError;
    type ColumnType = DefaultColumnType;

    async fn run(&mut self, sql: &str) -> Result<DBOutput<Self::ColumnType>, Self::Error> {
        if let Some(name) = sql.trim().strip_prefix("RUN TARGET ") {
            self.run_target(name.trim()).await?;
            return Ok(DBOutput::StatementComplete(0));
        }
        let df = self.ctx.sql(sql).await.map_err(|e| SltError(e.to_string()))?;
        let is_query = sql.trim_start().to_ascii_uppercase().starts_with("SELECT")
            || sql.trim_start().to_ascii_uppercase().starts_with("WITH");
        let batches = df.collect().await.map_err(|e| SltError(e.to_string()))?;
        if !is_query {
            return Ok(DBOutput::StatementComplete(0));
        }
        let opts = FormatOptions::default().with_null("NULL");
        let mut rows = Vec::new();
        let mut types = Vec::new();
        for b in &batches {
            types = b
                .schema()
                .fields()
                .iter()
                .map(|f| match f.data_type() {
                    DataType::Int16 | DataType::Int32 | DataType::Int64 => DefaultColumnType::Integer,
                    DataType::Float32 | DataType::Float64 => DefaultColumnType::FloatingPoint,
                    DataType::Utf8 | DataType::Utf8View | DataType::LargeUtf8 => DefaultColumnType::Text,
                    _ => DefaultColumnType::Any,
                })
                .collect();
            let fmts: Vec<ArrayFormatter> =
                b.columns().iter().map(|c| ArrayFormatter::try_new(c.as_ref(), &opts).unwrap()).collect();
            for r in 0..b.num_rows() {
                rows.push(
                    b.columns()
                        .iter()
                        .zip(&fmts)
                        .map(|(c, f)| {
                            let s = f.value(r).to_string();
                            if c.is_valid(r) && s.is_empty() {
                                "(empty)".to_string()
                            } else {
                                s
                            }
                        })
                        .collect(),
                );
            }
        }
        Ok(DBOutput::Rows { types, rows })
    }

    async fn shutdown(&mut self) {}

    fn engine_name(&self) -> &str {
        "casrec-mappings"
    }
}

fn slt_path(t: &Target) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings").join(t.entity).join(format!("{}.slt", t.name))
}

/// The SQL of every `query` block in an slt file.
fn query_text(slt: &str) -> String {
    let mut out = String::new();
    let mut in_query = false;
    for line in slt.lines() {
        if line.starts_with("query") {
            in_query = true;
            continue;
        }
        if line.starts_with("----") || line.trim().is_empty() {
            in_query = false;
        }
        if in_query {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Runs one target's file (or rewrites its expectations) and checks that every column the
/// target writes is named in one of its queries.
async fn check_file(t: &'static Target) -> Result<(), String> {
    let path = slt_path(t);
    let columns = Arc::new(std::sync::Mutex::new(BTreeMap::new()));
    let c2 = columns.clone();
    let mut runner = sqllogictest::Runner::new(move || {
        let c = c2.clone();
        async move { Ok(MappingDb::new(c)) }
    });
    if std::env::var_os("SLT_UPDATE").is_some() {
        runner
            .update_test_file(
                &path,
                " ",
                sqllogictest::default_validator,
                sqllogictest::default_normalizer,
                sqllogictest::default_column_validator,
            )
            .await
            .map_err(|e| format!("{}: {e}", path.display()))?;
    } else {
        runner.run_file_async(&path).await.map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let text = query_text(&std::fs::read_to_string(&path).unwrap());
    let written = columns.lock().unwrap().get(t.name).cloned().unwrap_or_default();
    if written.is_empty() {
        return Err(format!("{}: never runs RUN TARGET {}", path.display(), t.name));
    }
    let uncovered: Vec<String> = written.into_iter().filter(|c| !text.contains(&format!("\"{c}\""))).collect();
    if !uncovered.is_empty() {
        return Err(format!("{}: columns of {} with no expectation: {uncovered:?}", path.display(), t.name));
    }
    Ok(())
}

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let mut trials: Vec<libtest_mimic::Trial> = TARGETS
        .iter()
        .filter(|t| slt_path(t).exists())
        .map(|t| {
            libtest_mimic::Trial::test(t.name, move || {
                let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
                rt.block_on(check_file(t)).map_err(Into::into)
            })
        })
        .collect();
    trials.push(libtest_mimic::Trial::test("every_target_has_a_mapping_test", || {
        let missing: Vec<String> = TARGETS.iter().filter(|t| !slt_path(t).exists()).map(|t| t.path()).collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(format!("targets without an .slt mapping test: {missing:?}").into())
        }
    }));
    libtest_mimic::run(&args, trials).exit();
}
