//! The row ids a target answers for, migrated and excluded: the engine checks that every source
//! row is one or the other, never both and never neither. An excluded row the target also
//! recorded an exception for is quarantined rather than excluded by a rule: the target left it
//! out because a value could not be transformed, and a person must look.

use std::collections::BTreeSet;

use arrow::array::{Array, Int64Array};
use arrow::datatypes::DataType;
use arrow::record_batch::RecordBatch;
use datafusion::prelude::SessionContext;

use super::df_err;
use crate::udf::ValueException;
use crate::TransformError;

/// How many of the excluded rows have an exception of the same target (each row once, however
/// many of its values were recorded): the target's quarantined rows.
pub(super) fn excluded_with_exceptions(excluded: &BTreeSet<i64>, exceptions: &[ValueException]) -> u64 {
    let bad: BTreeSet<i64> = exceptions.iter().map(|e| e.casrec_row_id).collect();
    excluded.intersection(&bad).count() as u64
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn exception(row: i64, column: &str) -> ValueException {
        ValueException { casrec_row_id: row, column: column.into(), value: "99".into(), reason: "unknown".into() }
    }

    #[test]
    fn an_excluded_row_with_an_exception_is_quarantined_once() {
        let excluded: BTreeSet<i64> = [5, 6, 8].into();
        // Row 5: two values recorded; row 12 was migrated with a bad value; rows 6 and 8 are
        // excluded by a rule, with nothing recorded.
        let exceptions = [exception(5, "Bond Co"), exception(5, "Bond Amount"), exception(12, "Bond Amount")];
        assert_eq!(excluded_with_exceptions(&excluded, &exceptions), 1);
        assert_eq!(excluded_with_exceptions(&excluded, &[]), 0);
        assert_eq!(excluded_with_exceptions(&BTreeSet::new(), &exceptions), 0);
    }
}
