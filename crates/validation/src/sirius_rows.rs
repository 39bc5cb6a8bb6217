//! The Sirius rows of one migrated table against integration's, without a copy of either.
//!
//! A full JSON copy of every row on both sides took about 1.3 KB a row: 2.78 GB each for the
//! 2.1 million persons of a million clients, tens of GB for the whole run, and the disk ran out
//! (bench/README.md, issue 21). So Sirius sends back one digest a row (an md5 of the row's JSON
//! text, the same form integration's row takes); only the rows whose digests differ, or that
//! Sirius lacks, are fetched whole and compared as JSON, which also keeps a difference the text
//! shows but the values do not (`1.5` against `1.50`) from being reported.
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

/// Compares integration's rows of `table` with Sirius's by digest, given the SQL of a row's
/// `key` and of its JSON `doc` (over the table's own columns, each cast to Sirius's type, so the
/// same text on both sides). Leaves, in `validation`:
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
    doc: &str,
) -> Result<Compared, ValidationError> {
    let t = quote_ident(table);
    let digests = quote_ident(&format!("sirius_digests_{table}"));
    let expected_rows = quote_ident(&format!("expected_rows_{table}"));
    let sirius_rows = quote_ident(&format!("sirius_rows_{table}"));
    let view = quote_ident(&format!("sirius_{table}"));
    let digest_of = |json: &str| format!("CAST(md5(CAST(({json}) AS text)) AS uuid)");
    // Integration's rows as JSON, and Sirius's rows of the keys last sent.
    let ours = format!("(SELECT {key} AS \"key\", ({doc}) AS \"doc\" FROM \"integration\".{t}) e");
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
        &format!("SELECT {key}, {digest} {theirs}", digest = digest_of(doc)),
        m,
        &format!("\"validation\".{digests} (\"key\", \"digest\")"),
    )
    .await?;
    // Integration's doc is built once for the digest and again only for the rows that differ.
    m.batch_execute(&format!(
        "ANALYZE \"validation\".{digests};
         CREATE UNLOGGED TABLE \"validation\".{expected_rows} AS
         SELECT e.\"key\", e.\"doc\" FROM {ours}
          WHERE NOT EXISTS (SELECT 1 FROM \"validation\".{digests} d
                             WHERE d.\"key\" = e.\"key\" AND d.\"digest\" = {digest});
         ANALYZE \"validation\".{expected_rows};",
        digest = digest_of("e.\"doc\"")
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
    m.batch_execute(&format!(
        "ANALYZE \"validation\".{sirius_rows};
         CREATE VIEW \"validation\".{view} AS
         SELECT e.\"key\", e.\"doc\" FROM {ours}
          WHERE EXISTS (SELECT 1 FROM \"validation\".{digests} d WHERE d.\"key\" = e.\"key\")
            AND NOT EXISTS (SELECT 1 FROM \"validation\".{sirius_rows} r WHERE r.\"key\" = e.\"key\")
         UNION ALL
         SELECT \"key\", \"doc\" FROM \"validation\".{sirius_rows};"
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
