//! The two databases: the migration database (schemas `casrec_csv`, `transform`, `integration`,
//! `migration`, ...) and Sirius (`public`). In AWS they are different servers.

use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::NoTls;

use crate::config::DbSettings;
use crate::error::{CoreError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Database {
    Migration,
    Sirius,
}

impl Database {
    pub fn label(self) -> &'static str {
        match self {
            Database::Migration => "migration database",
            Database::Sirius => "Sirius database",
        }
    }
}

pub fn pg_config(s: &DbSettings, dbname: &str) -> tokio_postgres::Config {
    let mut c = tokio_postgres::Config::new();
    c.host(&s.host)
        .port(s.port)
        .user(&s.user)
        .dbname(dbname)
        .application_name("casrec-migration")
        .connect_timeout(Duration::from_secs(s.connect_timeout_secs));
    if let Some(p) = &s.password {
        c.password(p.expose());
    }
    let mut options = vec![format!("-c jit={}", if s.jit { "on" } else { "off" })];
    if !s.work_mem.is_empty() {
        options.push(format!("-c work_mem={}", s.work_mem));
    }
    c.options(options.join(" "));
    c
}

/// A pool for one database. Connections are opened lazily; call [`check`] to fail fast.
pub fn pool(s: &DbSettings) -> Result<Pool> {
    let mgr =
        Manager::from_config(pg_config(s, &s.dbname), NoTls, ManagerConfig { recycling_method: RecyclingMethod::Fast });
    let timeout = Duration::from_secs(s.connect_timeout_secs);
    Pool::builder(mgr)
        .max_size(s.pool_size)
        .runtime(Runtime::Tokio1)
        .create_timeout(Some(timeout))
        .wait_timeout(Some(timeout * 6))
        .build()
        .map_err(|e| CoreError::Pipeline(format!("cannot build a pool for {}: {e}", s.describe())))
}

/// Opens one connection outside any pool (used for CREATE DATABASE and for long COPYs).
pub async fn connect(s: &DbSettings, which: Database) -> Result<tokio_postgres::Client> {
    connect_to(s, &s.dbname, which).await
}

async fn connect_to(s: &DbSettings, dbname: &str, which: Database) -> Result<tokio_postgres::Client> {
    let cfg = pg_config(s, dbname);
    let deadline = Duration::from_secs(s.connect_timeout_secs);
    let attempt = tokio::time::timeout(deadline, cfg.connect(NoTls)).await;
    // Reaching the server through its admin database (to create the configured one) is still
    // reaching the configured database, and the message says so rather than naming `postgres`.
    let through = if dbname == s.dbname {
        String::new()
    } else {
        format!(" (through the server's {dbname:?} database, to create it if missing)")
    };
    let (client, conn) = match attempt {
        Ok(Ok(pair)) => pair,
        Ok(Err(e)) => return Err(unreachable(which, s, &format!("{}{through}", connect_failure(&e)))),
        Err(_) => {
            return Err(unreachable(
                which,
                s,
                &format!("timed out: no answer within {}s{through}", s.connect_timeout_secs),
            ))
        }
    };
    tokio::spawn(async move {
        if let Err(e) = conn.await {
            tracing::warn!(error = %e, "database connection closed with an error");
        }
    });
    Ok(client)
}

/// What failed when connecting, first in a word an operator acts on (refused, timed out,
/// authentication, no such database), then PostgreSQL's or the system's own words.
pub fn connect_failure(e: &tokio_postgres::Error) -> String {
    use tokio_postgres::error::SqlState;
    if let Some(db) = e.as_db_error() {
        let kind = match db.code() {
            c if *c == SqlState::INVALID_PASSWORD || *c == SqlState::INVALID_AUTHORIZATION_SPECIFICATION => {
                "authentication failed"
            }
            c if *c == SqlState::INVALID_CATALOG_NAME => "no such database",
            c if *c == SqlState::TOO_MANY_CONNECTIONS => "the server has no free connection",
            _ => "the server refused the connection",
        };
        return format!("{kind}: {}", db.message());
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            let kind = match io.kind() {
                std::io::ErrorKind::ConnectionRefused => "connection refused (nothing listens at that host and port)",
                std::io::ErrorKind::TimedOut => "timed out",
                std::io::ErrorKind::NotFound => "no such host or socket",
                _ => "the connection failed",
            };
            return format!("{kind}: {io}");
        }
        source = cause.source();
    }
    // No cause to classify: the error and whatever it wraps, in full.
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}

fn unreachable(which: Database, s: &DbSettings, message: &str) -> CoreError {
    CoreError::Unreachable { which: which.label(), target: s.describe(), message: message.to_string() }
}

/// Gets a pooled connection, turning a failure into an error that names the database.
pub async fn get(pool: &Pool, s: &DbSettings, which: Database) -> Result<deadpool_postgres::Object> {
    pool.get().await.map_err(|e| {
        let message = match &e {
            deadpool_postgres::PoolError::Backend(b) => connect_failure(b),
            deadpool_postgres::PoolError::Timeout(_) => {
                format!("timed out: no connection within {}s", s.connect_timeout_secs)
            }
            other => other.to_string(),
        };
        unreachable(which, s, &message)
    })
}

/// Fails within the connect timeout when the database does not answer.
pub async fn check(s: &DbSettings, which: Database) -> Result<()> {
    let c = connect(s, which).await?;
    c.simple_query("SELECT 1").await.map_err(|e| unreachable(which, s, &connect_failure(&e)))?;
    Ok(())
}

/// Creates the configured database when it does not exist (local runs and tests).
pub async fn ensure_database(s: &DbSettings, which: Database) -> Result<()> {
    let admin = connect_to(s, "postgres", which).await?;
    let exists = admin
        .query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&s.dbname])
        .await
        .map_err(CoreError::db(format!("looking for database {:?}", s.dbname)))?
        .is_some();
    if !exists {
        tracing::info!(database = %s.dbname, "creating the {}", which.label());
        admin
            .batch_execute(&format!("CREATE DATABASE {}", quote_ident(&s.dbname)))
            .await
            .map_err(CoreError::db(format!("creating database {:?}", s.dbname)))?;
    }
    Ok(())
}

/// Drops and recreates the configured database (local only: `migrate sirius init --reset`).
pub async fn recreate_database(s: &DbSettings, which: Database) -> Result<()> {
    let admin = connect_to(s, "postgres", which).await?;
    // Two statements: DROP DATABASE cannot share an implicit transaction.
    for sql in [
        format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", quote_ident(&s.dbname)),
        format!("CREATE DATABASE {}", quote_ident(&s.dbname)),
    ] {
        admin.batch_execute(&sql).await.map_err(CoreError::db(format!("recreating database {:?}", s.dbname)))?;
    }
    Ok(())
}

/// A table's columns in order, each with its exact type as PostgreSQL writes it
/// (`character varying(255)`, `timestamp(0) without time zone`, ...); empty when there is no
/// such table.
pub async fn table_columns<C: tokio_postgres::GenericClient>(
    c: &C,
    schema: &str,
    table: &str,
) -> Result<Vec<(String, String)>> {
    let rows = c
        .query(
            r#"SELECT a."attname"::text, format_type(a."atttypid", a."atttypmod") FROM "pg_attribute" a
                WHERE a."attrelid" = to_regclass($1) AND a."attnum" > 0 AND NOT a."attisdropped" ORDER BY a."attnum""#,
            &[&qualified(schema, table)],
        )
        .await
        .map_err(CoreError::db(format!("reading the columns of {schema}.{table}")))?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

/// Quotes an SQL identifier; identifiers are always quoted in this project.
pub fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `"schema"."table"`.
pub fn qualified(schema: &str, table: &str) -> String {
    format!("{}.{}", quote_ident(schema), quote_ident(table))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_quoted_and_embedded_quotes_doubled() {
        assert_eq!(quote_ident("Ord Type"), "\"Ord Type\"");
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
        assert_eq!(qualified("casrec_csv", "order"), "\"casrec_csv\".\"order\"");
    }
}
