//! The DataFusion session a target's SQL runs in: every CasRec table (read lazily from
//! PostgreSQL), the run's scope, the lookups, the UDFs, the mapping views and the output of the
//! targets already built, read back from the `transform` schema.

use std::sync::Arc;

use arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use datafusion::prelude::{SessionConfig, SessionContext};

use super::{df_err, Engine};
use crate::lookups::MAPPINGS;
use crate::source::PgTable;
use crate::targets::Target;
use crate::udf::{self, UdfEnv};
use crate::TransformError;

/// A target an earlier part built, as later targets read it back.
#[derive(Debug, Clone)]
pub(super) struct Built {
    pub(super) target: &'static Target,
    pub(super) schema: SchemaRef,
}

impl Engine {
    /// A session with every source, the scope, the lookups, the UDFs and the output of the
    /// targets built so far.
    pub(super) async fn session(&self, env: &Arc<UdfEnv>, built: &[Built]) -> Result<SessionContext, TransformError> {
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
        // What Sirius holds of the tables the migration only reads, as prepare copied it.
        for (table, columns) in migration_core::registry::REFERENCE_COLUMNS {
            let fields: Vec<arrow::datatypes::Field> = columns
                .iter()
                .map(|c| {
                    let ty = match migration_core::registry::reference_type(c) {
                        "bigint" => arrow::datatypes::DataType::Int64,
                        _ => arrow::datatypes::DataType::Utf8,
                    };
                    arrow::datatypes::Field::new(*c, ty, true)
                })
                .collect();
            let schema = Arc::new(arrow::datatypes::Schema::new(fields));
            ctx.register_table(
                format!("sirius_{table}"),
                Arc::new(PgTable::with_schema(&self.db, "sirius_ref", table, schema)),
            )
            .map_err(reg)?;
        }
        self.lookups.register(&ctx).map_err(reg)?;
        udf::register(&ctx, env);
        let views = MAPPINGS.get_file("scope_views.sql").and_then(|f| f.contents_utf8()).unwrap_or_default();
        for stmt in split_statements(views) {
            ctx.sql(&stmt).await.map_err(df_err("scope views", "mappings/scope_views.sql".into()))?;
        }
        for b in built {
            let table = PgTable::with_schema(&self.db, "transform", &super::rows_table(b.target), b.schema.clone())
                .filtered("casrec_target", b.target.name);
            ctx.register_table(format!("t_{}", b.target.name), Arc::new(table)).map_err(reg)?;
        }
        Ok(ctx)
    }
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

pub fn split_statements(sql: &str) -> Vec<String> {
    let without_comments: String =
        sql.lines().filter(|l| !l.trim_start().starts_with("--")).collect::<Vec<_>>().join("\n");
    without_comments.split(';').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_split_without_comments() {
        let s = split_statements("-- a\nCREATE VIEW a AS SELECT 1;\n-- b\nCREATE VIEW b AS SELECT 2;\n");
        assert_eq!(s, vec!["CREATE VIEW a AS SELECT 1", "CREATE VIEW b AS SELECT 2"]);
    }
}
