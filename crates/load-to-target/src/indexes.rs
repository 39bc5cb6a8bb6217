//! A table's read-only indexes built once after its new rows instead of row by row.
//!
//! Sirius's tables carry many indexes that only speed up its own reads (supervision notes:
//! twelve). PostgreSQL updates each of them for every inserted row, and at 100,000 clients that
//! maintenance was most of load-to-target's time. When a load's new rows are a large share of
//! a table (a Sirius being filled, not one in daily use), those indexes are dropped inside the
//! load's transaction, the rows inserted, and the indexes built again from their own
//! definitions, one sorted pass each. DDL is transactional in PostgreSQL: a load that fails
//! rolls back to the indexes as they were. Unique indexes and those backing constraints stay,
//! so a duplicate or a missing parent still refuses its own row by name. Dropping an index
//! locks its table against other sessions until the load commits, which is why a table in use
//! (new rows a small share of it) keeps its indexes: `load_to_target.rebuild_indexes_min_share`.

use tokio_postgres::GenericClient;

use crate::{db_err, LoadError};

const PLAIN_INDEXES_SQL: &str = include_str!("sql/plain_indexes.sql");
const TABLE_ROWS_SQL: &str = include_str!("sql/table_rows.sql");

/// An index dropped for the INSERT, and the statement that builds it again.
#[derive(Debug, Clone)]
pub(crate) struct Dropped {
    pub name: String,
    pub definition: String,
}

/// Whether `new_rows` make up at least `min_share` of the table once inserted.
pub(crate) fn worth_rebuilding(existing: f64, new_rows: u64, min_share: f64) -> bool {
    if new_rows == 0 {
        return false;
    }
    let new = new_rows as f64;
    new / (existing.max(0.0) + new) >= min_share
}

/// The rows `table` holds before the load: its statistics, or a count when it has none.
async fn existing_rows(s: &impl GenericClient, table: &str) -> Result<f64, LoadError> {
    let name = migration_core::db::qualified("public", table);
    let estimate: f64 =
        s.query_one(TABLE_ROWS_SQL, &[&name]).await.map_err(db_err(format!("reading the size of {table}")))?.get(0);
    if estimate >= 0.0 {
        return Ok(estimate);
    }
    let counted: i64 = s
        .query_one(&format!("SELECT count(*) FROM {name}"), &[])
        .await
        .map_err(db_err(format!("counting the rows of {table}")))?
        .get(0);
    Ok(counted as f64)
}

/// Drops `table`'s read-only indexes when its `new_rows` are at least `min_share` of it after
/// the load, returning what to build again after the INSERT ([`rebuild`]).
pub(crate) async fn drop_for_insert(
    s: &impl GenericClient,
    table: &str,
    new_rows: u64,
    min_share: f64,
) -> Result<Vec<Dropped>, LoadError> {
    if new_rows == 0 || min_share > 1.0 {
        return Ok(Vec::new());
    }
    if !worth_rebuilding(existing_rows(s, table).await?, new_rows, min_share) {
        return Ok(Vec::new());
    }
    let name = migration_core::db::qualified("public", table);
    let dropped: Vec<Dropped> = s
        .query(PLAIN_INDEXES_SQL, &[&name])
        .await
        .map_err(db_err(format!("reading the indexes of {table}")))?
        .iter()
        .map(|r| Dropped { name: r.get(0), definition: r.get(1) })
        .collect();
    if dropped.is_empty() {
        return Ok(dropped);
    }
    // regclass text is already quoted where it needs to be, and schema-qualified when the
    // schema is not on the search path.
    let drops = dropped.iter().map(|d| format!("DROP INDEX {};", d.name)).collect::<String>();
    s.batch_execute(&drops).await.map_err(db_err(format!("dropping the read-only indexes of {table}")))?;
    Ok(dropped)
}

/// Builds the dropped indexes again, over the table with its new rows.
pub(crate) async fn rebuild(s: &impl GenericClient, table: &str, dropped: &[Dropped]) -> Result<(), LoadError> {
    if dropped.is_empty() {
        return Ok(());
    }
    let started = std::time::Instant::now();
    let builds = dropped.iter().map(|d| format!("{};", d.definition)).collect::<String>();
    s.batch_execute(&builds).await.map_err(db_err(format!("building the indexes of {table} again")))?;
    tracing::info!(
        table,
        indexes = dropped.len(),
        ms = started.elapsed().as_millis() as u64,
        "read-only indexes built again after the new rows"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_are_rebuilt_only_when_new_rows_are_a_large_enough_share() {
        assert!(worth_rebuilding(0.0, 10, 0.5), "an empty table");
        assert!(worth_rebuilding(-1.0, 10, 0.5), "never analysed and counted as empty");
        assert!(worth_rebuilding(100.0, 100, 0.5), "half new");
        assert!(!worth_rebuilding(1_000_000.0, 10_000, 0.5), "a table in use");
        assert!(!worth_rebuilding(0.0, 0, 0.0), "nothing new");
        assert!(worth_rebuilding(1_000_000.0, 1, 0.0), "0 means always");
    }
}
