//! One run at a time: a claim on an environment's migration database (and, for a load into
//! Sirius or its rollback, on Sirius itself) that a second run, step or rollback is refused at
//! once instead of rebuilding the schemas under the first.
//!
//! A claim is a PostgreSQL session-level advisory lock taken with `pg_try_advisory_lock` on a
//! connection of its own, held for as long as the claim is: never a pooled connection, which
//! would go back to the pool still holding it (or be recycled and lose it). The lock dies with
//! its session, so a run that is killed never blocks the next. Beside the lock,
//! `migration.locks` records who holds it (run, step, host, pid, start, environment) so that a
//! refusal can name the holder; a record whose session no longer holds the lock is stale and is
//! never believed, only replaced.
//!
//! Parts of one run (transform-casrec's groups, one task each on Step Functions) run side by
//! side: they take the lock shared, and a shared claim is refused when the other holders are of
//! another run. Everything else takes it exclusively.
//!
//! Sirius is shared by environments (two environments' runs may point at one Sirius), so its
//! lock is one for the whole database, and its holder is told by the lock session's
//! `application_name`: the migration database of the run that holds it may be another server.

use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio_postgres::{Client, NoTls};

use crate::config::{DbSettings, Environment};
use crate::db::{self, Database};
use crate::error::{CoreError, Result};
use crate::ledger::RunId;

/// The first key of every advisory lock of the project ("CasR"); the second names the lock.
/// Two-key advisory locks never collide with the ledger's single-key one.
const NAMESPACE: i32 = 0x4361_7352;
/// Serialises claiming (taking the lock and writing its record) so that a claim never reads a
/// holder that has the lock but not yet its record. Held only for the claim's transaction.
const CLAIMING: i32 = 1;
/// The lock on Sirius, whichever environment loads.
const SIRIUS: i32 = 2;

/// How a claim shares the lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// No other claim at all.
    Exclusive,
    /// Alongside other claims of this run only (parts of one run side by side).
    SharedWith(RunId),
}

/// Who claims, for the record and the refusal another claim gets.
#[derive(Debug, Clone)]
pub struct Claimant {
    pub environment: Environment,
    pub run_id: Option<RunId>,
    /// The step or command (`migrate run`, `load-casrec`, `rollback`, ...).
    pub step: String,
}

/// Who holds a lock, as its record (or, for Sirius, its session) says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub run_id: Option<RunId>,
    pub step: String,
    pub host: String,
    pub pid: i32,
    pub started_at: DateTime<Utc>,
    pub environment: String,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.run_id {
            Some(r) => write!(f, "run {r}")?,
            None => f.write_str("a run not yet numbered")?,
        }
        write!(
            f,
            " ({}, environment {}) started {} on {} (pid {})",
            self.step,
            self.environment,
            self.started_at.format("%Y-%m-%d %H:%M:%S UTC"),
            self.host,
            self.pid
        )
    }
}

/// A held claim on an environment's migration database. Dropping it ends its session and so
/// releases the lock; [`RunLock::release`] also removes the record.
pub struct RunLock {
    client: Client,
    key: i32,
    mode: Mode,
}

/// The host this process runs on, for the record: where to look for a holder.
pub fn host_name() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/proc/sys/kernel/hostname").ok())
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "an unknown host".into())
}

/// The second key of an environment's lock: stable across processes and builds (not Rust's
/// hasher, which may change).
fn environment_key(env: Environment) -> i32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in env.name().bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    // Positive, as pg_locks shows it (an oid), and clear of the fixed keys below 16.
    ((h & 0x7fff_ffff) | 0x10) as i32
}

fn err(context: &str) -> impl FnOnce(tokio_postgres::Error) -> CoreError + '_ {
    move |source| CoreError::Db { context: context.to_string(), source }
}

/// A connection of the lock's own, outside every pool.
async fn lock_session(s: &DbSettings, which: Database, application_name: &str) -> Result<Client> {
    let mut cfg = db::pg_config(s, &s.dbname);
    cfg.application_name(application_name);
    let deadline = Duration::from_secs(s.connect_timeout_secs);
    let unreachable = |message: String| CoreError::Unreachable {
        which: which.label(),
        target: format!("{}:{} (database {:?}, user {:?})", s.host, s.port, s.dbname, s.user),
        message,
    };
    let (client, conn) = match tokio::time::timeout(deadline, cfg.connect(NoTls)).await {
        Ok(Ok(pair)) => pair,
        Ok(Err(e)) => return Err(unreachable(e.to_string())),
        Err(_) => return Err(unreachable(format!("no answer within {}s", s.connect_timeout_secs))),
    };
    tokio::spawn(async move {
        if let Err(e) = conn.await {
            tracing::warn!(error = %e, "the lock's database connection closed with an error");
        }
    });
    Ok(client)
}

/// Claims the environment in its migration database, or refuses at once naming the holder.
/// Needs the ledger's schema (`ledger::ensure`).
pub async fn claim(s: &DbSettings, who: &Claimant, mode: Mode) -> Result<RunLock> {
    let key = environment_key(who.environment);
    let mut client = lock_session(s, Database::Migration, "casrec-migration lock").await?;
    let tx = client.transaction().await.map_err(err("claiming the environment"))?;
    tx.execute("SELECT pg_advisory_xact_lock($1, $2)", &[&NAMESPACE, &CLAIMING])
        .await
        .map_err(err("claiming the environment"))?;
    let sql = match mode {
        Mode::Exclusive => "SELECT pg_try_advisory_lock($1, $2)",
        Mode::SharedWith(_) => "SELECT pg_try_advisory_lock_shared($1, $2)",
    };
    let got: bool = tx.query_one(sql, &[&NAMESPACE, &key]).await.map_err(err("taking the environment's lock"))?.get(0);
    let holders = live_holders(&tx, key).await?;
    let refused = match mode {
        Mode::Exclusive => !got,
        // Shared with another run's parts, or refused by an exclusive holder.
        Mode::SharedWith(run) => !got || holders.iter().any(|h| h.run_id != Some(run)),
    };
    if refused {
        let environment = who.environment;
        let holder = holders.into_iter().next();
        // The session ends with the refusal, and with it any shared lock it took.
        drop(tx);
        return Err(CoreError::Claimed {
            what: format!("environment {environment}"),
            database: s.describe(),
            holder: holder.map(|h| h.to_string()).unwrap_or_else(|| "another session".into()),
        });
    }
    tx.execute(
        r#"DELETE FROM "migration"."locks" l WHERE l."lock_key" = $1
             AND (l."backend_pid" = pg_backend_pid() OR NOT EXISTS (SELECT 1 FROM "pg_locks" p WHERE p."locktype" = 'advisory' AND p."granted"
                              AND p."database" = (SELECT "oid" FROM "pg_database" WHERE "datname" = current_database())
                              AND p."classid" = $2::int::oid AND p."objid" = $1::int::oid AND p."objsubid" = 2
                              AND p."pid" = l."backend_pid"))"#,
        &[&key, &NAMESPACE],
    )
    .await
    .map_err(err("clearing stale records from migration.locks"))?;
    tx.execute(
        r#"INSERT INTO "migration"."locks" ("lock_key", "backend_pid", "run_id", "step", "host", "pid", "environment")
           VALUES ($1, pg_backend_pid(), $2, $3, $4, $5, $6)"#,
        &[&key, &who.run_id, &who.step, &host_name(), &(std::process::id() as i32), &who.environment.name()],
    )
    .await
    .map_err(err("recording the holder in migration.locks"))?;
    tx.commit().await.map_err(err("claiming the environment"))?;
    tracing::debug!(environment = %who.environment, step = %who.step, ?mode, "environment claimed");
    Ok(RunLock { client, key, mode })
}

/// The records of the sessions that hold the lock now; stale records are left out.
async fn live_holders(c: &impl tokio_postgres::GenericClient, key: i32) -> Result<Vec<Holder>> {
    let rows = c
        .query(
            r#"SELECT l."run_id", l."step", l."host", l."pid", l."started_at", l."environment"
                 FROM "migration"."locks" l
                WHERE l."lock_key" = $1 AND l."backend_pid" <> pg_backend_pid()
                  AND EXISTS (SELECT 1 FROM "pg_locks" p WHERE p."locktype" = 'advisory' AND p."granted"
                               AND p."database" = (SELECT "oid" FROM "pg_database" WHERE "datname" = current_database())
                               AND p."classid" = $2::int::oid AND p."objid" = $1::int::oid AND p."objsubid" = 2
                               AND p."pid" = l."backend_pid")
                ORDER BY l."started_at""#,
            &[&key, &NAMESPACE],
        )
        .await
        .map_err(err("reading migration.locks"))?;
    Ok(rows
        .iter()
        .map(|r| Holder {
            run_id: r.get(0),
            step: r.get(1),
            host: r.get(2),
            pid: r.get(3),
            started_at: r.get(4),
            environment: r.get(5),
        })
        .collect())
}

impl RunLock {
    /// Says in the record what the holder is doing now (the run once numbered, each step as it
    /// starts). Fails when the lock's session is gone: the claim may then have passed to another
    /// run, and going on would be what the lock exists to prevent.
    pub async fn set(&self, run_id: Option<RunId>, step: &str) -> Result<()> {
        let n = self
            .client
            .execute(
                r#"UPDATE "migration"."locks" SET "run_id" = coalesce($2, "run_id"), "step" = $3
                    WHERE "lock_key" = $1 AND "backend_pid" = pg_backend_pid()"#,
                &[&self.key, &run_id, &step],
            )
            .await
            .map_err(err("the environment's lock session is lost; stopping rather than run unclaimed"))?;
        if n != 1 {
            return Err(CoreError::Pipeline(
                "the environment's lock record is gone; stopping rather than run unclaimed".into(),
            ));
        }
        Ok(())
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Ends the claim: the record goes, then the lock, before this returns (the session's end,
    /// which would release it too, happens in the background).
    pub async fn release(self) {
        let _ = self
            .client
            .batch_execute(&format!(
                r#"DELETE FROM "migration"."locks" WHERE "lock_key" = {} AND "backend_pid" = pg_backend_pid();
                   SELECT pg_advisory_unlock_all();"#,
                self.key
            ))
            .await;
    }
}

/// A held claim on Sirius; dropping it ends its session and releases the lock.
pub struct SiriusLock {
    _client: Client,
}

/// Claims Sirius for a load or a rollback, or refuses at once naming the holder. The
/// environment of `run` is read from the migration database `m` for the holder's description.
pub async fn claim_sirius(
    m: &impl tokio_postgres::GenericClient,
    sirius: &DbSettings,
    run: RunId,
    step: &str,
) -> Result<SiriusLock> {
    let environment: String = m
        .query_opt(r#"SELECT "environment" FROM "migration"."runs" WHERE "run_id" = $1"#, &[&run])
        .await
        .map_err(err("reading migration.runs"))?
        .map(|r| r.get(0))
        .unwrap_or_else(|| "?".into());
    // What a refused claim shows; application_name keeps 63 bytes.
    let mut name = format!("casrec {environment} run {run} {step} {}@{}", std::process::id(), host_name());
    while name.len() > 63 {
        name.pop();
    }
    let client = lock_session(sirius, Database::Sirius, &name).await?;
    let got: bool = client
        .query_one("SELECT pg_try_advisory_lock($1, $2)", &[&NAMESPACE, &SIRIUS])
        .await
        .map_err(err("taking Sirius's lock"))?
        .get(0);
    if got {
        return Ok(SiriusLock { _client: client });
    }
    let holder = client
        .query_opt(
            r#"SELECT a."application_name", a."backend_start", host(a."client_addr")
                 FROM "pg_locks" p JOIN "pg_stat_activity" a ON a."pid" = p."pid"
                WHERE p."locktype" = 'advisory' AND p."granted" AND p."classid" = $1::int::oid
                  AND p."objid" = $2::int::oid AND p."objsubid" = 2
                  AND p."database" = (SELECT "oid" FROM "pg_database" WHERE "datname" = current_database())"#,
            &[&NAMESPACE, &SIRIUS],
        )
        .await
        .map_err(err("reading who holds Sirius's lock"))?
        .map(|r| {
            let app: Option<String> = r.get(0);
            let start: Option<DateTime<Utc>> = r.get(1);
            let addr: Option<String> = r.get(2);
            let mut text = app.filter(|a| !a.is_empty()).unwrap_or_else(|| "a session".into());
            if let Some(t) = start {
                text.push_str(&format!(", connected {}", t.format("%Y-%m-%d %H:%M:%S UTC")));
            }
            if let Some(a) = addr {
                text.push_str(&format!(" from {a}"));
            }
            text
        })
        .unwrap_or_else(|| "another session".into());
    Err(CoreError::Claimed { what: "Sirius".into(), database: sirius.describe(), holder })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_keys_differ_and_stay_clear_of_the_fixed_locks() {
        let keys: Vec<i32> = Environment::ALL.iter().map(|e| environment_key(*e)).collect();
        let mut distinct = keys.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), keys.len(), "{keys:?}");
        assert!(keys.iter().all(|k| !(0..16).contains(k)), "{keys:?}");
    }
}
