//! A stand-in for the Sirius database: the tables the migration reads and writes, faithful to
//! Sirius's own definitions, and fixtures of a Sirius that already holds data. See README.md.

use tokio_postgres::Client;

/// DDL for an empty database (schema `public`).
pub const SCHEMA_SQL: &str = include_str!("../sql/schema.sql");
/// Teams, users, existing clients, deputies and orders; sequences set past them.
pub const FIXTURES_SQL: &str = include_str!("../sql/fixtures.sql");

#[derive(Debug, thiserror::Error)]
pub enum StandinError {
    #[error("the database already has Sirius tables (public.persons exists); reset it first")]
    AlreadyInstalled,
    #[error("installing the Sirius stand-in ({stage}): {source}")]
    Install {
        stage: &'static str,
        #[source]
        source: tokio_postgres::Error,
    },
}

/// Whether the database already has the Sirius tables.
pub async fn is_installed(client: &Client) -> Result<bool, StandinError> {
    let row = client
        .query_one("SELECT to_regclass('public.persons') IS NOT NULL", &[])
        .await
        .map_err(|source| StandinError::Install { stage: "inspecting", source })?;
    Ok(row.get(0))
}

/// Creates the tables and loads the fixtures in one transaction.
pub async fn install(client: &mut Client) -> Result<(), StandinError> {
    if is_installed(client).await? {
        return Err(StandinError::AlreadyInstalled);
    }
    let tx = client.transaction().await.map_err(|source| StandinError::Install { stage: "begin", source })?;
    tx.batch_execute(SCHEMA_SQL).await.map_err(|source| StandinError::Install { stage: "schema.sql", source })?;
    tx.batch_execute(FIXTURES_SQL).await.map_err(|source| StandinError::Install { stage: "fixtures.sql", source })?;
    tx.commit().await.map_err(|source| StandinError::Install { stage: "commit", source })?;
    tracing::info!("Sirius stand-in installed");
    Ok(())
}

/// Sirius's uid check digit: Luhn over the 11-digit sequence number.
pub fn luhn_digit(payload: u64) -> u64 {
    let mut sum = 0;
    for (i, c) in payload.to_string().chars().rev().enumerate() {
        let mut d = c.to_digit(10).expect("digits") as u64;
        if i % 2 == 0 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    (10 - sum % 10) % 10
}

/// Whether a 12-digit uid ends in the right check digit.
pub fn uid_is_valid(uid: i64) -> bool {
    (700_000_000_000..=799_999_999_999).contains(&uid) && luhn_digit((uid / 10) as u64) == (uid % 10) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_digits_match_sirius_examples() {
        assert_eq!(luhn_digit(70000000001), 3);
        assert!(uid_is_valid(700000000013));
        assert!(!uid_is_valid(700000000014));
        assert!(!uid_is_valid(13));
    }
}
