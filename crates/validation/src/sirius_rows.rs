//! The Sirius rows of one migrated table against integration's, without a copy of either.
//!
//! A full JSON copy of every row on both sides took about 1.3 KB a row: 2.78 GB each for the
//! 2.1 million persons of a million clients, tens of GB for the whole run, and the disk ran out
//! (bench/README.md, issue 21). So Sirius sends back one digest a row (an md5 of the row's
//! text as a record of its columns, each cast to Sirius's type, the same form integration's row
//! takes); only the rows whose digests differ, or that Sirius lacks, are fetched whole and
//! compared as JSON, which also keeps a difference the text shows but the values do not (`1.5`
//! against `1.50`) from being reported. The record's text, not the JSON's: building a wide row's
//! JSON cost 8 times as much (persons: 25 µs a row), and equal digests need only equal text.
//! Both sessions print values alike ([`print_alike`]), so equal text means equal values.
//!
//! `validation.sirius_<table>` stays what the later checks read (the CasRec rows, finance, the
//! rules, the payloads, the changes since earlier runs): a view giving, for every migrated row
//! Sirius holds, Sirius's JSON, which is integration's where the digests agree and the fetched
//! row where they do not. Working tables are `UNLOGGED`: they are rebuilt by every run, and at a
//! million clients their WAL forced a checkpoint every 20 seconds.

use migration_core::db::quote_ident;
use tokio_postgres::Client;

use crate::{db_err, ValidationError};

/// What the comparison of one table found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Compared {
    /// Integration's rows (all of them are this run's).
    pub expected: u64,
    /// Of those, the rows Sirius holds.
    pub in_sirius: u64,
}

/// The settings a value's text depends on.
const OUTPUT_SETTINGS: &[&str] = &["DateStyle", "IntervalStyle", "TimeZone", "extra_float_digits", "bytea_output"];

/// Gives the Sirius session the migration session's output settings, so that the same value
/// prints as the same text on both: a Sirius server configured otherwise would print a date or
/// a number differently, and every row would be fetched whole.
pub(crate) async fn print_alike(m: &Client, s: &Client) -> Result<(), ValidationError> {
    for name in OUTPUT_SETTINGS {
        let value: String = m
            .query_one("SELECT current_setting($1)", &[name])
            .await
            .map_err(db_err(format!("reading the setting {name}")))?
            .get(0);
        s.execute("SELECT set_config($1, $2, false)", &[name, &value])
            .await
            .map_err(db_err(format!("setting {name} on the Sirius session")))?;
    }
    Ok(())
}

/// Compares integration's rows of `table` with Sirius's by digest, given the SQL of a row's
/// `key`, of its `record` (`ROW(...)` over the table's own columns, each cast to Sirius's type,
/// so the same text on both sides) and of its JSON `doc` (the same columns). Leaves, in
/// `validation`:
/// - `expected_rows_<table>` (`key`, `doc`): integration's rows whose digest Sirius does not
///   match, as JSON;
/// - `sirius_rows_<table>` (`key`, `doc`): Sirius's rows of those keys, as JSON;
/// - `sirius_digests_<table>` (`key`, `digest`): one digest per migrated row Sirius holds;
/// - the view `sirius_<table>` (`key`, `doc`): every migrated row as Sirius holds it.
pub(crate) async fn compare_with_sirius(
    m: &Client,
    s: &Client,
    table: &str,
    key: &str,
    record: &str,
    doc: &str,
) -> Result<Compared, ValidationError> {
    let t = quote_ident(table);
    let digests = quote_ident(&format!("sirius_digests_{table}"));
    let expected_rows = quote_ident(&format!("expected_rows_{table}"));
    let sirius_rows = quote_ident(&format!("sirius_rows_{table}"));
    let view = quote_ident(&format!("sirius_{table}"));
    let digest_of = |record: &str| format!("CAST(md5(CAST({record} AS text)) AS uuid)");
    let digest = digest_of(record);
    let ours_digest = digest_of("e.\"record\"");
    // Integration's rows as JSON, and Sirius's rows of the keys last sent.
    let ours =
        format!("(SELECT {key} AS \"key\", {record} AS \"record\", ({doc}) AS \"doc\" FROM \"integration\".{t}) e");
    let theirs = format!("FROM \"public\".{t} WHERE ({key}) IN (SELECT \"key\" FROM pg_temp.\"validation_keys\")");

    m.batch_execute(&format!(
        "CREATE UNLOGGED TABLE \"validation\".{digests} (\"key\" text, \"digest\" uuid);
         CREATE UNLOGGED TABLE \"validation\".{sirius_rows} (\"key\" text, \"doc\" jsonb);"
    ))
    .await
    .map_err(db_err(format!("creating validation's tables of {table}")))?;
    let expected = send_keys(m, s, &format!("SELECT {key} FROM \"integration\".{t}"), table).await?;
    let in_sirius = migration_core::pgcopy::pipe(
        s,
        &format!("SELECT {key}, {digest} {theirs}"),
        m,
        &format!("\"validation\".{digests} (\"key\", \"digest\")"),
    )
    .await?;
    // Integration's doc is built only for the rows whose digests differ.
    m.batch_execute(&format!(
        "ANALYZE \"validation\".{digests};
         CREATE UNLOGGED TABLE \"validation\".{expected_rows} AS
         SELECT e.\"key\", e.\"doc\" FROM {ours}
          WHERE NOT EXISTS (SELECT 1 FROM \"validation\".{digests} d
                             WHERE d.\"key\" = e.\"key\" AND d.\"digest\" = {ours_digest});
         ANALYZE \"validation\".{expected_rows};"
    ))
    .await
    .map_err(db_err(format!("finding the rows of {table} whose digests differ from Sirius's")))?;
    send_keys(m, s, &format!("SELECT \"key\" FROM \"validation\".{expected_rows}"), table).await?;
    migration_core::pgcopy::pipe(
        s,
        &format!("SELECT {key}, {doc} {theirs}"),
        m,
        &format!("\"validation\".{sirius_rows} (\"key\", \"doc\")"),
    )
    .await?;
    // Joins, not a UNION: PostgreSQL then builds a row's JSON only once a reader's own joins
    // have picked the row (the changes since earlier runs read a dozen updated persons, and
    // the UNION built the JSON of all 213,000 first: 8 s at 100,000 clients).
    m.batch_execute(&format!(
        "ANALYZE \"validation\".{sirius_rows};
         CREATE VIEW \"validation\".{view} AS
         SELECT d.\"key\", coalesce(r.\"doc\", e.\"doc\") AS \"doc\"
           FROM \"validation\".{digests} d
           JOIN {ours} ON e.\"key\" = d.\"key\"
           LEFT JOIN \"validation\".{sirius_rows} r ON r.\"key\" = d.\"key\";"
    ))
    .await
    .map_err(db_err(format!("creating the view validation.sirius_{table}")))?;
    Ok(Compared { expected, in_sirius })
}

/// The keys the `select` gives, into a temporary table of the Sirius session by COPY: never held
/// here, whatever their number. Returns how many.
async fn send_keys(m: &Client, s: &Client, select: &str, table: &str) -> Result<u64, ValidationError> {
    s.batch_execute(
        "DROP TABLE IF EXISTS pg_temp.\"validation_keys\"; CREATE TEMP TABLE \"validation_keys\" (\"key\" text);",
    )
    .await
    .map_err(db_err(format!("sending the keys of {table} to Sirius")))?;
    let sent = migration_core::pgcopy::pipe(m, select, s, "pg_temp.\"validation_keys\" (\"key\")").await?;
    s.batch_execute("ANALYZE pg_temp.\"validation_keys\"")
        .await
        .map_err(db_err(format!("sending the keys of {table} to Sirius")))?;
    Ok(sent)
}

/// A few columns of `table` as Sirius holds them, as text, by key, without the JSON of whole
/// rows that `validation.sirius_<table>` builds on every read (persons: 25 µs a row, 10 s of the
/// business rules at 100,000 clients for two columns): integration's value where the digests
/// agree, the fetched row's where they do not; only rows Sirius holds. Fit for columns whose
/// text is the same in integration and Sirius (text, integers), which is what the callers read.
pub(crate) fn columns_as_held(table: &str, key: &str, columns: &[&str]) -> String {
    let t = quote_ident(table);
    let cols = columns
        .iter()
        .map(|c| {
            format!(
                "CASE WHEN r.\"key\" IS NULL THEN CAST(i.{q} AS text) ELSE r.\"doc\" ->> '{c}' END AS {q}",
                q = quote_ident(c)
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "(SELECT d.\"key\", {cols}
            FROM \"validation\".{digests} d
            JOIN \"integration\".{t} i ON {key} = d.\"key\"
            LEFT JOIN \"validation\".{rows} r ON r.\"key\" = d.\"key\")",
        digests = quote_ident(&format!("sirius_digests_{table}")),
        rows = quote_ident(&format!("sirius_rows_{table}")),
    )
}
