//! A PostgreSQL table as a DataFusion table: when a query scans it, only the columns the query
//! uses are read, with binary COPY, into Arrow batches.

use std::sync::Arc;

use arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use async_trait::async_trait;
use datafusion::catalog::Session;
use datafusion::datasource::memory::MemorySourceConfig;
use datafusion::datasource::{TableProvider, TableType};
use datafusion::error::{DataFusionError, Result as DfResult};
use datafusion::logical_expr::Expr;
use datafusion::physical_plan::ExecutionPlan;
use migration_core::config::DbSettings;
use migration_core::db::{quote_ident, Database};

const BATCH_ROWS: usize = 64 * 1024;

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
        let client = migration_core::db::connect(&self.settings, Database::Migration)
            .await
            .map_err(|e| DataFusionError::External(Box::new(e)))?;
        let (_, batches) = migration_core::pgcopy::query_batches(&client, &source, &sql, BATCH_ROWS)
            .await
            .map_err(|e| DataFusionError::External(Box::new(e)))?;
        let batches = if indices.is_empty() {
            batches.into_iter().map(|b| b.project(&[])).collect::<Result<Vec<_>, _>>()?
        } else {
            batches
                .into_iter()
                .map(|b| arrow::record_batch::RecordBatch::try_new(projected.clone(), b.columns().to_vec()))
                .collect::<Result<Vec<_>, _>>()?
        };
        Ok(MemorySourceConfig::try_new_exec(&[batches], projected, None)?)
    }
}
