//! The row ids a target answers for, migrated and excluded: the engine checks that every source
//! row is one or the other, never both and never neither. An excluded row the target also
//! recorded an exception for is quarantined rather than excluded by a rule: the target left it
//! out because a value could not be transformed, and a person must look.
//!
//! Checked in PostgreSQL, where the target's rows already are: the ids its `.source.sql` names go
//! to a temporary table and its exclusions to `transform.quarantine`, both by COPY as the queries
//! produce them, so no set of ids is held in the process whatever the target's size.

use arrow::array::{Array, Int64Array, RecordBatch, StringArray};
use arrow::datatypes::{DataType, SchemaRef};
use datafusion::prelude::SessionContext;
use futures::StreamExt;
use migration_core::pgcopy::CopyWriter;
use tokio_postgres::Client;

use super::{db_err, df_err, qualified, rows_table};
use crate::targets::Target;
use crate::TransformError;

/// Runs the target's `.source.sql` into `pg_temp.source_ids` of this connection.
pub(super) async fn load_source_ids(
    client: &Client,
    ctx: &SessionContext,
    target: &Target,
) -> Result<(), TransformError> {
    let file = format!("mappings/{}/{}.source.sql", target.entity, target.name);
    client
        .batch_execute(r#"DROP TABLE IF EXISTS pg_temp."source_ids"; CREATE TEMP TABLE "source_ids" ("id" bigint)"#)
        .await
        .map_err(db_err(format!("preparing {}'s source rows", target.name)))?;
    let df = ctx.sql(target.source_sql()?).await.map_err(df_err(target.name, file.clone()))?;
    let mut stream = df.execute_stream().await.map_err(df_err(target.name, file.clone()))?;
    let mut w = CopyWriter::start(client, r#"pg_temp."source_ids" ("id")"#).await?;
    while let Some(b) = stream.next().await {
        let b = b.map_err(df_err(target.name, file.clone()))?;
        let ids = arrow::compute::cast(b.column(0), &DataType::Int64)?;
        let ids = ids.as_any().downcast_ref::<Int64Array>().expect("cast to int64");
        for i in (0..ids.len()).filter(|i| ids.is_valid(*i)) {
            w.begin_row(1);
            w.int8(ids.value(i));
            w.end_row().await?;
        }
    }
    w.finish().await?;
    client
        .batch_execute(r#"ANALYZE pg_temp."source_ids""#)
        .await
        .map_err(db_err(format!("preparing {}'s source rows", target.name)))?;
    Ok(())
}

/// The column a target's SQL may select to leave rows out in the query that makes its rows: the
/// reason, NULL on every row it migrates. Where a target's rows and its exclusions come from the
/// same reasoning, this keeps that reasoning in one place instead of repeating it in an
/// `.excluded.sql`.
pub const LEFT_OUT: &str = "left_out";

/// The target's row schema without [`LEFT_OUT`], and where that column was.
pub fn without_left_out(schema: &SchemaRef) -> (SchemaRef, Option<usize>) {
    match schema.index_of(LEFT_OUT) {
        Ok(i) => {
            let keep: Vec<usize> = (0..schema.fields().len()).filter(|j| *j != i).collect();
            (std::sync::Arc::new(schema.project(&keep).expect("indices of the schema")), Some(i))
        }
        Err(_) => (schema.clone(), None),
    }
}

/// Splits a batch of a target's SQL on its [`LEFT_OUT`] column (at `i`): the rows it migrates
/// (without the column) and `(casrec_row_id, reason)` of the rows it leaves out.
pub fn split_left_out(
    batch: &RecordBatch,
    i: usize,
    rows: &SchemaRef,
) -> Result<(RecordBatch, Vec<(i64, String)>), TransformError> {
    let reasons = arrow::compute::cast(batch.column(i), &DataType::Utf8)?;
    let migrated = arrow::compute::is_null(&reasons)?;
    let keep: Vec<usize> = (0..batch.num_columns()).filter(|j| *j != i).collect();
    let kept = arrow::compute::filter_record_batch(&batch.project(&keep)?, &migrated)?;
    let kept = RecordBatch::try_new(rows.clone(), kept.columns().to_vec())?;
    let out = arrow::compute::not(&migrated)?;
    let id_at = batch.schema().index_of("casrec_row_id")?;
    let ids = arrow::compute::cast(&arrow::compute::filter(batch.column(id_at), &out)?, &DataType::Int64)?;
    let ids = ids.as_any().downcast_ref::<Int64Array>().expect("cast to int64");
    let reasons = arrow::compute::filter(&reasons, &out)?;
    let reasons = reasons.as_any().downcast_ref::<StringArray>().expect("utf8");
    Ok((kept, (0..ids.len()).map(|r| (ids.value(r), reasons.value(r).to_string())).collect()))
}

/// Starts the COPY of a target's exclusions into `transform.quarantine`.
pub(super) async fn quarantine_writer(client: &Client) -> Result<CopyWriter, TransformError> {
    CopyWriter::start(client, r#""transform"."quarantine" ("target", "source_table", "casrec_row_id", "reason")"#)
        .await
        .map_err(TransformError::from)
}

/// Writes exclusions of a target to its quarantine COPY.
pub(super) async fn write_left_out(
    w: &mut CopyWriter,
    target: &Target,
    rows: &[(i64, String)],
) -> Result<(), TransformError> {
    for (id, reason) in rows {
        w.begin_row(4);
        w.bytes(target.name.as_bytes());
        w.bytes(target.source_table.as_bytes());
        w.int8(*id);
        w.bytes(reason.as_bytes());
        w.end_row().await?;
    }
    Ok(())
}

/// Runs the target's `.excluded.sql` (if it has one) into `transform.quarantine`; returns how
/// many rows it left out.
pub(super) async fn write_exclusions(
    client: &Client,
    ctx: &SessionContext,
    target: &Target,
) -> Result<u64, TransformError> {
    let Some(sql) = target.excluded_sql() else { return Ok(0) };
    let file = format!("mappings/{}/{}.excluded.sql", target.entity, target.name);
    let df = ctx.sql(sql).await.map_err(df_err(target.name, file.clone()))?;
    let mut stream = df.execute_stream().await.map_err(df_err(target.name, file.clone()))?;
    let mut w = quarantine_writer(client).await?;
    let mut n = 0u64;
    while let Some(b) = stream.next().await {
        let b = b.map_err(df_err(target.name, file.clone()))?;
        let ids = arrow::compute::cast(b.column(0), &DataType::Int64)?;
        let ids = ids.as_any().downcast_ref::<Int64Array>().expect("cast to int64");
        let reasons = arrow::compute::cast(b.column(1), &DataType::Utf8)?;
        let reasons = reasons.as_any().downcast_ref::<StringArray>().expect("cast to utf8");
        let rows: Vec<(i64, String)> =
            (0..b.num_rows()).map(|i| (ids.value(i), reasons.value(i).to_string())).collect();
        write_left_out(&mut w, target, &rows).await?;
        n += rows.len() as u64;
    }
    w.finish().await?;
    Ok(n)
}

/// Checks that every source row is migrated or excluded, never both and never neither (the
/// first lines of either mistake name it), once the target's rows, exclusions and exceptions
/// are written. Returns the source rows it answers for and, of the excluded rows, those with an
/// exception of the same target (quarantined; each row once).
pub(super) async fn check(client: &Client, target: &Target) -> Result<(u64, u64), TransformError> {
    let rows = qualified(&rows_table(target));
    let context = || format!("accounting for {}'s source rows", target.name);
    // The tables were just written: without statistics the planner guesses them empty and
    // joins them row by row (minutes at 100,000 clients). Every join below is by hash.
    client
        .batch_execute(&format!(
            r#"ANALYZE {rows}; ANALYZE "transform"."quarantine"; ANALYZE "transform"."exceptions"; SET enable_nestloop = off;"#
        ))
        .await
        .map_err(db_err(context()))?;
    let both: Vec<i64> = client
        .query(
            &format!(
                r#"SELECT DISTINCT q."casrec_row_id"
                     FROM "transform"."quarantine" q
                     JOIN (SELECT DISTINCT "casrec_row_id" FROM {rows} WHERE "casrec_target" = $1) r
                       ON r."casrec_row_id" = q."casrec_row_id"
                    WHERE q."target" = $1
                    ORDER BY 1 LIMIT 10"#
            ),
            &[&target.name],
        )
        .await
        .map_err(db_err(context()))?
        .iter()
        .map(|r| r.get(0))
        .collect();
    if !both.is_empty() {
        return Err(TransformError::Accounting {
            target: target.name.into(),
            message: format!("rows both migrated and excluded (first lines: {both:?})"),
        });
    }
    let row = client
        .query_one(
            &format!(
                r#"WITH "source" AS MATERIALIZED (SELECT DISTINCT "id" FROM pg_temp."source_ids"),
                   "excluded" AS MATERIALIZED (
                       SELECT DISTINCT "casrec_row_id" FROM "transform"."quarantine" WHERE "target" = $1),
                   "missing" AS MATERIALIZED (
                       SELECT s."id" FROM "source" s
                         LEFT JOIN (SELECT DISTINCT "casrec_row_id" FROM {rows} WHERE "casrec_target" = $1) r
                           ON r."casrec_row_id" = s."id"
                         LEFT JOIN "excluded" q ON q."casrec_row_id" = s."id"
                        WHERE r."casrec_row_id" IS NULL AND q."casrec_row_id" IS NULL)
                   SELECT (SELECT count(*) FROM "source"),
                          (SELECT count(*) FROM "missing"),
                          (SELECT coalesce(array_agg("id" ORDER BY "id"), '{{}}') FROM (SELECT "id" FROM "missing" ORDER BY "id" LIMIT 10) m),
                          (SELECT count(*) FROM "excluded" q
                             JOIN (SELECT DISTINCT "casrec_row_id" FROM "transform"."exceptions" WHERE "target" = $1) e
                               ON e."casrec_row_id" = q."casrec_row_id")"#
            ),
            &[&target.name],
        )
        .await
        .map_err(db_err(context()))?;
    let (source, missing, first, quarantined): (i64, i64, Vec<i64>, i64) =
        (row.get(0), row.get(1), row.get(2), row.get(3));
    if missing > 0 {
        return Err(TransformError::Accounting {
            target: target.name.into(),
            message: format!(
                "{missing} source rows of {} neither migrated nor excluded with a reason (first lines: {first:?})",
                target.source_table
            ),
        });
    }
    Ok((source as u64, quarantined as u64))
}
