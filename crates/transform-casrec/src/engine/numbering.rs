//! Ids across the groups of a run: each group numbers its targets' rows from 1 (so groups can
//! run in tasks of their own); `finish` then moves each target's ids on past the destination's
//! earlier targets (in `TARGETS` order), and every declared reference with them, once, in one
//! transaction, so the result is the same whichever order, process or machine the groups ran in.

use std::collections::BTreeMap;
use std::sync::Arc;

use arrow::array::{ArrayRef, Int32Array};
use arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use arrow::record_batch::RecordBatch;
use migration_core::db::quote_ident;
use migration_core::RunId;
use tokio_postgres::Client;

use super::write::rows_table;
use super::{db_err, part_err, qualified, Engine, TargetReport};
use crate::parts::Part;
use crate::targets::{Mode, Target, TARGETS};
use crate::TransformError;

impl Engine {
    /// Part `finish`: every target built in this run, then ids numbered across targets: each
    /// destination's ids run on from its earlier targets (in `TARGETS` order), and every column
    /// that refers to a target's ids moves with them. Done once, in one transaction.
    pub async fn finish(&self, client: &Client, run_id: RunId) -> Result<Vec<TargetReport>, TransformError> {
        let numbered = self.check_run(client, run_id, Part::Finish).await?;
        let rows = client
            .query(
                r#"SELECT "target", "source_rows", "rows_out", "excluded", "exceptions", "quarantined" FROM "transform"."built_targets""#,
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
                    quarantined: n(5),
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

#[cfg(test)]
mod tests {
    use super::*;
    use arrow::array::Int64Array;

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
