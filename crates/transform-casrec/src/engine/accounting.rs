//! The row ids a target answers for, migrated and excluded: the engine checks that every source
//! row is one or the other, never both and never neither.

use std::collections::BTreeSet;

use arrow::array::{Array, Int64Array};
use arrow::datatypes::DataType;
use arrow::record_batch::RecordBatch;
use datafusion::prelude::SessionContext;

use super::df_err;
use crate::TransformError;

pub(super) fn row_ids(batches: &[RecordBatch]) -> Result<BTreeSet<i64>, TransformError> {
    let mut out = BTreeSet::new();
    for b in batches {
        let idx = b.schema().index_of("casrec_row_id")?;
        let ids = arrow::compute::cast(b.column(idx), &DataType::Int64)?;
        let ids = ids.as_any().downcast_ref::<Int64Array>().expect("cast to int64");
        out.extend((0..ids.len()).filter(|i| ids.is_valid(*i)).map(|i| ids.value(i)));
    }
    Ok(out)
}

pub(super) async fn ids_of(
    ctx: &SessionContext,
    sql: &str,
    target: &str,
    file: &str,
) -> Result<BTreeSet<i64>, TransformError> {
    let df = ctx.sql(sql).await.map_err(df_err(target, file.to_string()))?;
    let mut out = BTreeSet::new();
    for b in df.collect().await.map_err(df_err(target, file.to_string()))? {
        let ids = arrow::compute::cast(b.column(0), &DataType::Int64)?;
        let ids = ids.as_any().downcast_ref::<Int64Array>().expect("cast to int64");
        out.extend((0..ids.len()).filter(|i| ids.is_valid(*i)).map(|i| ids.value(i)));
    }
    Ok(out)
}
