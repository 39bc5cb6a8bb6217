//! A PostgreSQL table as a DataFusion table: when a query scans it, only the columns the query
//! uses are read, with binary COPY, into Arrow batches that stream into the plan as they arrive
//! (a bounded channel of a few batches), so a scan holds a few batches, never the table: what
//! the transform keeps in memory is what its plans keep (sorts, joins' build sides), not its
//! inputs.

use std::sync::Arc;

use arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use async_trait::async_trait;
use datafusion::catalog::Session;
use datafusion::datasource::{TableProvider, TableType};
use datafusion::error::{DataFusionError, Result as DfResult};
use datafusion::execution::{SendableRecordBatchStream, TaskContext};
use datafusion::logical_expr::Expr;
use datafusion::physical_plan::stream::RecordBatchStreamAdapter;
use datafusion::physical_plan::streaming::{PartitionStream, StreamingTableExec};
use datafusion::physical_plan::ExecutionPlan;
use migration_core::config::DbSettings;
use migration_core::db::{quote_ident, Database};

const BATCH_ROWS: usize = 64 * 1024;
/// Batches read ahead of the plan: the COPY waits while the plan has not taken them.
const READ_AHEAD: usize = 2;

#[derive(Debug)]
pub struct PgTable {
    settings: DbSettings,
    schema_name: String,
    table: String,
    schema: SchemaRef,
    /// Only the rows whose column equals the value: (column, value).
    filter: Option<(String, String)>,
}

impl PgTable {
    /// A table whose columns are all text, as in `casrec_csv`, plus its integer row id.
    pub fn casrec(settings: &DbSettings, table: &str, columns: &[&str]) -> PgTable {
        let mut fields = vec![Field::new("casrec_row_id", DataType::Int64, false)];
        fields.extend(columns.iter().map(|c| Field::new(*c, DataType::Utf8, true)));
        PgTable {
            settings: settings.clone(),
            schema_name: "casrec_csv".into(),
            table: table.into(),
            schema: Arc::new(Schema::new(fields)),
            filter: None,
        }
    }

    /// Any table, with the Arrow schema the caller knows it has.
    pub fn with_schema(settings: &DbSettings, schema_name: &str, table: &str, schema: SchemaRef) -> PgTable {
        PgTable {
            settings: settings.clone(),
            schema_name: schema_name.into(),
            table: table.into(),
            schema,
            filter: None,
        }
    }

    /// The same table, limited to the rows whose `column` is `value`.
    pub fn filtered(mut self, column: &str, value: &str) -> PgTable {
        self.filter = Some((column.into(), value.into()));
        self
    }
}

#[async_trait]
impl TableProvider for PgTable {
    fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    fn table_type(&self) -> TableType {
        TableType::Base
    }

    async fn scan(
        &self,
        _state: &dyn Session,
        projection: Option<&Vec<usize>>,
        _filters: &[Expr],
        _limit: Option<usize>,
    ) -> DfResult<Arc<dyn ExecutionPlan>> {
        let indices: Vec<usize> = match projection {
            Some(p) => p.clone(),
            None => (0..self.schema.fields().len()).collect(),
        };
        let projected = Arc::new(self.schema.project(&indices)?);
        // A scan that needs no column (count(*)) still needs the rows.
        let select = if indices.is_empty() {
            "NULL".to_string()
        } else {
            projected.fields().iter().map(|f| quote_ident(f.name())).collect::<Vec<_>>().join(", ")
        };
        let source = format!("{}.{}", quote_ident(&self.schema_name), quote_ident(&self.table));
        let filter = match &self.filter {
            Some((c, v)) => format!(" WHERE {} = '{}'", quote_ident(c), v.replace('\'', "''")),
            None => String::new(),
        };
        let sql = format!("SELECT {select} FROM {source}{filter} ORDER BY 1");
        let scan = CopyScan {
            settings: self.settings.clone(),
            source,
            sql,
            schema: projected.clone(),
            empty: indices.is_empty(),
        };
        Ok(Arc::new(StreamingTableExec::try_new(projected, vec![Arc::new(scan)], None, vec![], false, None)?))
    }
}

/// One scan of a table: connects and reads when the plan runs, not when it is planned.
#[derive(Debug)]
struct CopyScan {
    settings: DbSettings,
    source: String,
    sql: String,
    schema: SchemaRef,
    /// No column is read (count(*)): batches keep only their row count.
    empty: bool,
}

impl PartitionStream for CopyScan {
    fn schema(&self) -> &SchemaRef {
        &self.schema
    }

    fn execute(&self, _ctx: Arc<TaskContext>) -> SendableRecordBatchStream {
        let (tx, rx) = tokio::sync::mpsc::channel::<DfResult<arrow::record_batch::RecordBatch>>(READ_AHEAD);
        let (settings, source, sql, schema, empty) =
            (self.settings.clone(), self.source.clone(), self.sql.clone(), self.schema.clone(), self.empty);
        let external = |e: migration_core::CoreError| DataFusionError::External(Box::new(e));
        tokio::spawn(async move {
            let read = async {
                let client = migration_core::db::connect(&settings, Database::Migration).await.map_err(external)?;
                migration_core::pgcopy::query_each(&client, &source, &sql, BATCH_ROWS, |b| {
                    let batch = if empty {
                        b.project(&[]).map_err(DataFusionError::from)
                    } else {
                        arrow::record_batch::RecordBatch::try_new(schema.clone(), b.columns().to_vec())
                            .map_err(DataFusionError::from)
                    };
                    let tx = tx.clone();
                    // A plan that stopped reading (an error elsewhere, a LIMIT) closes the channel.
                    async move { tx.send(batch).await.is_ok() }
                })
                .await
                .map_err(external)?;
                Ok::<(), DataFusionError>(())
            };
            if let Err(e) = read.await {
                let _ = tx.send(Err(e)).await;
            }
        });
        let stream = futures::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|item| (item, rx)) });
        Box::pin(RecordBatchStreamAdapter::new(self.schema.clone(), stream))
    }
}
