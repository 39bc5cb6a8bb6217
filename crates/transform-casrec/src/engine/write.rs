//! Writing a target's output to the `transform` schema: columns added to the shared
//! destination table under a lock (groups in other tasks may write the same table), rows by
//! binary COPY, values of an update-by-id target staged and applied, exclusions and exceptions.

use std::collections::BTreeMap;
use std::sync::Arc;

use arrow::array::StringArray;
use arrow::datatypes::{DataType, Field, Schema, SchemaRef, TimeUnit};
use arrow::record_batch::RecordBatch;
use migration_core::db::quote_ident;
use migration_core::pgcopy::RowEncoder;
use tokio_postgres::Client;

use super::{db_err, qualified, Engine};
use crate::targets::{Mode, Target};
use crate::udf::ValueException;
use crate::TransformError;

impl Engine {
    /// Adds the columns `schema` needs to a transform table, under a lock so that groups
    /// writing the same destination from other tasks take turns; a column another target
    /// already wrote with another type is an error.
    pub(super) async fn add_columns(
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

    /// Makes the transform table ready for a target's rows (`schema` with `casrec_target`) and
    /// returns the COPY target naming it and its columns: the destination with the columns
    /// added, or for values applied to another target's rows, a staging table of their own.
    pub(super) async fn prepare_rows(
        &self,
        client: &Client,
        target: &Target,
        schema: &SchemaRef,
    ) -> Result<String, TransformError> {
        let table = rows_table(target);
        if target.mode == Mode::UpdateById {
            let staged = qualified(&table);
            let defs: Vec<String> = schema
                .fields()
                .iter()
                .map(|f| format!("{} {}", quote_ident(f.name()), pg_type(f.data_type())))
                .collect();
            client
                .batch_execute(&format!("DROP TABLE IF EXISTS {staged}; CREATE TABLE {staged} ({});", defs.join(", ")))
                .await
                .map_err(db_err(format!("creating {staged}")))?;
        } else {
            self.add_columns(client, target, &table, schema).await?;
        }
        let cols = schema.fields().iter().map(|f| quote_ident(f.name())).collect::<Vec<_>>().join(", ");
        Ok(format!("{} ({cols})", qualified(&table)))
    }

    /// For values of rows another target made (an update by id), applies the staged values to
    /// that target's rows; other targets' rows are in place already.
    pub(super) async fn apply_updates(
        &self,
        client: &Client,
        target: &Target,
        schema: &SchemaRef,
    ) -> Result<(), TransformError> {
        if target.mode != Mode::UpdateById {
            return Ok(());
        }
        let Some((_, owner)) = target.refs.iter().find(|(c, _)| *c == "id") else {
            return Err(TransformError::Mapping {
                file: target.path(),
                message: "an update by id names the target whose rows it updates in refs (\"id\", target)".into(),
            });
        };
        let staged = qualified(&rows_table(target));
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

pub(super) fn with_target_column(
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

pub(super) fn drop_transform_tables() -> String {
    // Every table a previous run left, whatever its targets were.
    r#"DO $$ DECLARE t record; BEGIN
         FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'transform' LOOP
           EXECUTE format('DROP TABLE "transform".%I CASCADE', t.tablename);
         END LOOP; END $$;"#
        .to_string()
}

pub(super) async fn write_exceptions(
    client: &Client,
    target: &Target,
    rows: &[ValueException],
) -> Result<(), TransformError> {
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
