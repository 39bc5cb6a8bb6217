//! What this run changed in rows an earlier run loaded, column by column, with the as-of dates
//! of both runs. A rerun on the same export with the same as-of date changes nothing; with
//! another as-of date only the columns that depend on it (statuses and dates decided by "today":
//! report statuses, creation stamps, the migration notice's date) should change, and this is
//! where the report shows that they did and that nothing else did.
//!
//! Read from the ledger (`migration.loaded_rows`: the rows this run's load updated and each one's
//! before-image, taken from Sirius just before the update) and from the rows Sirius holds now
//! (`validation.sirius_<table>`, the columns the load writes), never from the transform.

use migration_core::db::quote_ident;
use migration_core::registry::SiriusTable;
use migration_core::RunId;
use tokio_postgres::Client;

use crate::{db_err, ValidationError};

/// One column of one table that this run's load changed in rows an earlier run had loaded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ColumnChange {
    pub table: String,
    pub column: String,
    pub rows: i64,
    /// The as-of dates of the runs that had loaded those rows, e.g. `2026-11-01`.
    pub earlier_as_of: String,
    /// This run's as-of date.
    pub as_of: String,
}

/// Every column this run's load (runs from `since` on) changed in rows an earlier run loaded, in
/// `validation.changes_since_earlier_runs` and returned for the report. Needs
/// `validation.sirius_<table>` for each table (built by the comparison in `lib.rs`).
pub async fn since_earlier_runs(
    m: &Client,
    tables: &[&SiriusTable],
    since: RunId,
) -> Result<Vec<ColumnChange>, ValidationError> {
    m.batch_execute(
        r#"CREATE TABLE "validation"."changes_since_earlier_runs" (
               "table_name" text, "column_name" text, "rows" bigint, "earlier_as_of" text, "as_of" text)"#,
    )
    .await
    .map_err(db_err("creating validation.changes_since_earlier_runs"))?;
    // Only tables with rows this run updated: the comparison reads validation.sirius_<table>,
    // which builds integration's JSON of every row of the table, and a first run updates
    // almost nothing (24 s at 100,000 clients for 12 updated persons).
    let updated: Vec<String> = m
        .query(
            r#"SELECT DISTINCT "table_name" FROM "migration"."loaded_rows"
                WHERE "run_id" >= $1 AND "action" = 'UPDATE' AND NOT "rolled_back""#,
            &[&since],
        )
        .await
        .map_err(db_err("finding the tables this run's load updated rows of"))?
        .iter()
        .map(|r| r.get(0))
        .collect();
    for t in tables.iter().filter(|t| !t.is_link() && updated.iter().any(|u| u == t.name)) {
        let sirius = quote_ident(&format!("sirius_{}", t.name));
        // The earlier load of each updated row is the latest one before this run; its as-of
        // date says what "today" was when the row was written.
        m.execute(
            &format!(
                r#"WITH "earlier" AS (
                       -- Each row's latest load before this run, in one sorted pass.
                       SELECT DISTINCT ON (e."id") e."id", r."as_of_date"
                         FROM "migration"."loaded_rows" e
                         JOIN "migration"."runs" r ON r."run_id" = e."run_id"
                        WHERE e."table_name" = $1::text AND e."run_id" < $2 AND NOT e."rolled_back"
                        ORDER BY e."id", e."run_id" DESC)
                   INSERT INTO "validation"."changes_since_earlier_runs"
                   SELECT $1::text, c."key", count(*),
                          string_agg(DISTINCT coalesce(to_char(er."as_of_date", 'YYYY-MM-DD'), 'not recorded'), ', '),
                          string_agg(DISTINCT coalesce(to_char(r."as_of_date", 'YYYY-MM-DD'), 'not recorded'), ', ')
                     FROM "migration"."loaded_rows" l
                     JOIN "migration"."runs" r ON r."run_id" = l."run_id"
                     JOIN "validation".{sirius} a ON a."key" = CAST(l."id" AS text)
                     CROSS JOIN LATERAL jsonb_each(a."doc") c
                     LEFT JOIN "earlier" er ON er."id" = l."id"
                    WHERE l."table_name" = $1::text AND l."run_id" >= $2 AND l."action" = 'UPDATE' AND NOT l."rolled_back"
                      AND l."before_image" -> c."key" IS DISTINCT FROM c."value"
                    GROUP BY c."key""#
            ),
            &[&t.name, &since],
        )
        .await
        .map_err(db_err(format!("reading what this run changed in {}", t.name)))?;
    }
    let rows = m
        .query(
            r#"SELECT "table_name", "column_name", "rows", "earlier_as_of", "as_of"
                 FROM "validation"."changes_since_earlier_runs" ORDER BY 1, 2"#,
            &[],
        )
        .await
        .map_err(db_err("reading validation.changes_since_earlier_runs"))?;
    Ok(rows
        .iter()
        .map(|r| ColumnChange {
            table: r.get(0),
            column: r.get(1),
            rows: r.get(2),
            earlier_as_of: r.get(3),
            as_of: r.get(4),
        })
        .collect())
}
