//! A failing comparison said only "values differ" over two JSON documents of up to a hundred
//! keys. Here each difference is taken apart into one row per column that differs, with the
//! row's key and the expected and actual values, in `validation.differences_<comparison>`, and
//! the report shows a few examples per column.

use tokio_postgres::Client;

use crate::{db_err, ValidationError};

/// How many example rows the report shows per column that differs.
pub const EXAMPLES: i64 = 3;

/// One column that differs in one comparison, with how many rows and a few of them.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ColumnDifference {
    /// The comparison's table of exceptions (`exceptions_persons`, `casrec_exceptions_visits`).
    pub comparison: String,
    pub column: String,
    pub rows: i64,
    /// `key: expected → actual`, for the first rows by key.
    pub examples: Vec<String>,
}

/// Splits `validation.<exceptions>` (columns `key_column`, `expected`, `actual` as JSON and
/// `problem`) into `validation.differences_<comparison>` (`key`, `column`, `expected`,
/// `actual`) for the rows whose values differ, and returns the columns with examples.
pub async fn split(
    m: &Client,
    exceptions: &str,
    key_column: &str,
    comparison: &str,
) -> Result<Vec<ColumnDifference>, ValidationError> {
    let table = format!("\"validation\".\"differences_{comparison}\"");
    m.batch_execute(&format!(
        "CREATE TABLE {table} AS
         SELECT x.\"{key_column}\" AS \"key\", k AS \"column\", x.\"expected\" -> k AS \"expected\", x.\"actual\" -> k AS \"actual\"
           FROM \"validation\".\"{exceptions}\" x, jsonb_object_keys(x.\"expected\") k
          WHERE x.\"problem\" = 'values differ' AND (x.\"expected\" -> k) IS DISTINCT FROM (x.\"actual\" -> k)"
    ))
    .await
    .map_err(db_err(format!("taking validation.{exceptions} apart column by column")))?;
    let rows = m
        .query(
            &format!(
                "SELECT \"column\", count(*),
                        (array_agg(\"key\" || ': ' || coalesce(\"expected\"::text, 'NULL') || ' → ' || coalesce(\"actual\"::text, 'NULL')
                                   ORDER BY \"key\"))[1:{EXAMPLES}]
                   FROM {table} GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
            &[],
        )
        .await
        .map_err(db_err(format!("reading {table}")))?;
    Ok(rows
        .iter()
        .map(|r| ColumnDifference {
            comparison: exceptions.to_string(),
            column: r.get(0),
            rows: r.get(1),
            examples: r.get(2),
        })
        .collect())
}
