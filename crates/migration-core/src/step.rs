//! Running a step: the context every step receives, and the wrapper that records each step in
//! the run ledger whichever process runs it (a container entrypoint or `migrate run`).

use std::time::Instant;

use deadpool_postgres::{Object, Pool};
use futures::future::BoxFuture;
use tokio::sync::OnceCell;

use crate::config::{Environment, Settings};
use crate::db::{self, Database};
use crate::error::{CoreError, Result};
use crate::ledger::{self, RunId, StepCounts};
use crate::lock::{self, Claimant, Mode, RunLock};
use crate::pipeline::Step;

pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// A step's entry point, as the CLI and the container binaries call it.
pub type StepFn = for<'a, 'b> fn(&'a StepContext<'b>) -> BoxFuture<'a, std::result::Result<StepCounts, BoxError>>;

/// Choices made for one invocation rather than per environment.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Production refuses to write to Sirius unless this is set *and* the environment's name
    /// was typed back as confirmation.
    pub allow_production_load: bool,
    pub confirmed_environment: Option<String>,
    /// Run only this part of a step that runs in parts (`Step::runs_in_parts`); the whole step
    /// when absent.
    pub part: Option<String>,
    /// Overwrite rows an earlier run loaded that someone has changed in Sirius since; without
    /// it load-to-target keeps them as Sirius has them and lists them.
    pub overwrite_sirius_edits: bool,
}

/// Connections and clients shared by the steps of one process.
pub struct Runtime {
    pub settings: Settings,
    pub options: RunOptions,
    migration_pool: Pool,
    sirius_pool: Pool,
    s3: OnceCell<aws_sdk_s3::Client>,
    /// This process's claim on the environment (`crate::lock`), while it holds one.
    claim: tokio::sync::Mutex<Option<RunLock>>,
}

impl Runtime {
    /// Checks that the migration database answers (creating it where config allows) and that
    /// the ledger exists. Sirius and S3 are checked by the steps that use them.
    pub async fn connect(settings: Settings, options: RunOptions) -> Result<Runtime> {
        if settings.migration_db.create_if_missing {
            db::ensure_database(&settings.migration_db, Database::Migration).await?;
        } else {
            db::check(&settings.migration_db, Database::Migration).await?;
        }
        let migration_pool = db::pool(&settings.migration_db)?;
        let sirius_pool = db::pool(&settings.sirius_db)?;
        let rt =
            Runtime { settings, options, migration_pool, sirius_pool, s3: OnceCell::new(), claim: Default::default() };
        ledger::ensure(&**rt.migration_db().await?).await?;
        Ok(rt)
    }

    pub async fn migration_db(&self) -> Result<Object> {
        db::get(&self.migration_pool, &self.settings.migration_db, Database::Migration).await
    }

    pub async fn sirius_db(&self) -> Result<Object> {
        db::get(&self.sirius_pool, &self.settings.sirius_db, Database::Sirius).await
    }

    pub fn migration_pool(&self) -> &Pool {
        &self.migration_pool
    }

    pub async fn s3(&self) -> &aws_sdk_s3::Client {
        self.s3.get_or_init(|| crate::s3::client(&self.settings.s3)).await
    }

    /// Claims the environment for this process (`crate::lock`), or refuses at once naming the
    /// run that holds it; already held, only says in the record what the holder now does. Parts
    /// of a named run share the claim with that run's other parts; everything else holds it
    /// alone. Held until [`Runtime::release`] or the runtime is dropped.
    pub async fn claim(&self, run_id: Option<RunId>, doing: &str) -> Result<()> {
        self.hold(run_id, doing).await.map(|_| ())
    }

    /// As [`Runtime::claim`]; true when this call took the claim (rather than found it held).
    async fn hold(&self, run_id: Option<RunId>, doing: &str) -> Result<bool> {
        let mut held = self.claim.lock().await;
        if let Some(l) = held.as_ref() {
            l.set(run_id, doing).await?;
            return Ok(false);
        }
        let mode = match (run_id, &self.options.part) {
            (Some(run), Some(_)) => Mode::SharedWith(run),
            _ => Mode::Exclusive,
        };
        let who = Claimant { environment: self.settings.environment, run_id, step: doing.to_string() };
        *held = Some(lock::claim(&self.settings.migration_db, &who, mode).await?);
        Ok(true)
    }

    /// Ends this process's claim on the environment, if it holds one.
    pub async fn release(&self) {
        if let Some(l) = self.claim.lock().await.take() {
            l.release().await;
        }
    }

    /// Runs one step on its own, as `migrate step` and each step's container binary do: claims
    /// the environment, then records the step under `named` (the state machine's run, or one the
    /// operator named) or under a run of its own, which it finishes; releases the claim. This is
    /// the one place a lone step's run id comes from. A named run the ledger does not have is
    /// recorded when `named_is_new` (the state machine names runs before they exist), refused
    /// otherwise (an operator's typo).
    pub async fn run_step(
        &self,
        step: Step,
        named: Option<RunId>,
        named_is_new: bool,
        f: StepFn,
    ) -> Result<(RunId, std::result::Result<StepCounts, StepFailure>)> {
        // Claimed before the run is recorded: a refused step leaves nothing in the ledger.
        let doing = match &self.options.part {
            Some(p) => format!("{step} ({p})"),
            None => step.name().to_string(),
        };
        self.claim(named, &doing).await?;
        let run = match named {
            Some(id) if named_is_new => {
                ledger::ensure_run(
                    &**self.migration_db().await?,
                    id,
                    self.settings.environment,
                    self.settings.as_of_date().ok(),
                )
                .await?;
                id
            }
            Some(id) => {
                if !ledger::run_exists(&**self.migration_db().await?, id).await? {
                    return Err(CoreError::Pipeline(format!(
                        "run {id} is not in the ledger (migrate status lists runs)"
                    )));
                }
                id
            }
            None => self.start_run(Some(step), Some(step)).await?,
        };
        let outcome = self.execute(run, step, f).await;
        if named.is_none() {
            ledger::finish_run(&**self.migration_db().await?, run, outcome.is_ok()).await?;
        }
        self.release().await;
        Ok((run, outcome))
    }

    /// Starts a run in the ledger.
    pub async fn start_run(&self, from: Option<Step>, to: Option<Step>) -> Result<RunId> {
        let as_of = match self.settings.run.as_of_date.trim() {
            "" => None,
            _ => Some(self.settings.as_of_date()?),
        };
        let snapshot = serde_json::json!({
            "environment": self.settings.environment.name(),
            "as_of_date": self.settings.run.as_of_date,
            "s3": { "bucket": self.settings.s3.bucket, "prefix": self.settings.s3.prefix },
            "scope": {
                "lay_team": self.settings.scope.lay_team,
                "correfs": self.settings.scope.correfs,
                "exclude_pilot": self.settings.scope.exclude_pilot,
                "put_away_years": self.settings.scope.put_away_years,
            },
            "migration_db": self.settings.migration_db.describe(),
            "sirius_db": self.settings.sirius_db.describe(),
        });
        ledger::create_run(&**self.migration_db().await?, self.settings.environment, as_of, &snapshot, from, to).await
    }

    /// Runs one step and records it. A failed step is recorded with its error and returned as
    /// an error that names the step.
    pub async fn execute(&self, run_id: RunId, step: Step, f: StepFn) -> std::result::Result<StepCounts, StepFailure> {
        if step.writes_to_sirius() {
            self.production_guard().map_err(|e| StepFailure { step, error: e.into() })?;
        }
        let part = self.options.part.as_deref();
        if part.is_some() && !step.runs_in_parts() {
            let e = CoreError::Pipeline(format!("{step} does not run in parts; leave out --part"));
            return Err(StepFailure { step, error: e.into() });
        }
        // No step runs unclaimed: one run as a whole claims once; a step run on its own claims
        // for itself, before the ledger records it, so a refused step leaves no trace there.
        let doing = match part {
            Some(p) => format!("{step} ({p})"),
            None => step.name().to_string(),
        };
        let own_claim = self.hold(Some(run_id), &doing).await.map_err(|e| StepFailure { step, error: e.into() })?;
        let result = self.execute_claimed(run_id, step, f).await;
        if own_claim {
            self.release().await;
        }
        result
    }

    async fn execute_claimed(
        &self,
        run_id: RunId,
        step: Step,
        f: StepFn,
    ) -> std::result::Result<StepCounts, StepFailure> {
        let part = self.options.part.as_deref();
        let ledger_row = ledger::start_step(
            &**self.migration_db().await.map_err(|e| StepFailure { step, error: e.into() })?,
            run_id,
            step,
            part,
        )
        .await
        .map_err(|e| StepFailure { step, error: e.into() })?;
        tracing::info!(run_id, step = step.name(), part, "step started");
        let started = Instant::now();
        let ctx = StepContext { rt: self, run_id, step };
        let result = f(&ctx).await;
        let seconds = started.elapsed().as_secs_f64();
        let record = match &result {
            Ok(counts) => {
                ledger::finish_step(
                    &**self.migration_db().await.map_err(|e| StepFailure { step, error: e.into() })?,
                    ledger_row,
                    Some(counts),
                    seconds,
                    None,
                )
                .await
            }
            Err(e) => {
                let text = error_chain(e.as_ref());
                match self.migration_db().await {
                    Ok(c) => ledger::finish_step(&**c, ledger_row, None, seconds, Some(&text)).await,
                    Err(db_err) => Err(db_err),
                }
            }
        };
        match result {
            Ok(counts) => {
                record.map_err(|e| StepFailure { step, error: e.into() })?;
                if crate::telemetry::is_human() {
                    tracing::info!("{}", result_sentence(step, part, &counts, seconds));
                    return Ok(counts);
                }
                tracing::info!(
                    run_id,
                    step = step.name(),
                    rows_in = counts.rows_in,
                    rows_out = counts.rows_out,
                    rows_excluded = counts.rows_excluded,
                    rows_quarantined = counts.rows_quarantined,
                    rows_rejected = counts.rows_rejected,
                    seconds,
                    "step succeeded"
                );
                Ok(counts)
            }
            Err(error) => {
                if let Err(e) = record {
                    tracing::error!(error = %e, "could not record the failure in the ledger");
                }
                Err(StepFailure { step, error })
            }
        }
    }

    fn production_guard(&self) -> Result<()> {
        production_guard(&self.settings, &self.options)
    }

    pub fn environment(&self) -> Environment {
        self.settings.environment
    }
}

/// What a step sees.
pub struct StepContext<'a> {
    pub rt: &'a Runtime,
    pub run_id: RunId,
    pub step: Step,
}

impl StepContext<'_> {
    pub fn settings(&self) -> &Settings {
        &self.rt.settings
    }

    /// The part of the step this invocation runs, if it runs only one.
    pub fn part(&self) -> Option<&str> {
        self.rt.options.part.as_deref()
    }
}

#[derive(Debug)]
pub struct StepFailure {
    pub step: Step,
    pub error: BoxError,
}

impl std::fmt::Display for StepFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "step {} failed: {}", self.step, error_chain(self.error.as_ref()))
    }
}

impl std::error::Error for StepFailure {}

/// An error with its causes, for the ledger and the terminal.
pub fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut cur = e.source();
    while let Some(s) = cur {
        let next = s.to_string();
        if !text.contains(&next) {
            text.push_str(": ");
            text.push_str(&next);
        }
        cur = s.source();
    }
    text
}

/// A step's result as a person reads it: `load-casrec succeeded in 9.8 s: 2,101,987 rows in,
/// 2,101,987 out, 12 rejected at load`.
pub fn result_sentence(step: Step, part: Option<&str>, c: &StepCounts, seconds: f64) -> String {
    use crate::telemetry::{human_duration, thousands};
    let unit = step.unit();
    let mut s = format!(
        "{}{} succeeded in {}: {} {unit} in, {} out",
        step.name(),
        part.map(|p| format!(" ({p})")).unwrap_or_default(),
        human_duration(seconds),
        thousands(c.rows_in),
        thousands(c.rows_out)
    );
    for (n, what) in [
        (c.rows_excluded, "excluded by a rule"),
        (c.rows_quarantined, "quarantined"),
        (c.rows_rejected, "rejected at load"),
    ] {
        if n > 0 {
            s.push_str(&format!(", {} {what}", thousands(n)));
        }
    }
    s
}

/// The one guard on writing to Sirius (a load, or undoing one): allowed where the environment's
/// config allows it, elsewhere only with `--allow-production-load` and the environment's name
/// confirmed.
pub fn production_guard(s: &Settings, options: &RunOptions) -> Result<()> {
    if s.load_to_target.allowed {
        return Ok(());
    }
    let env = s.environment.name();
    if !options.allow_production_load {
        return Err(CoreError::Pipeline(format!(
            "{env} does not allow loading into Sirius (load_to_target.allowed = false); \
             run with --allow-production-load and confirm the environment's name to proceed"
        )));
    }
    if options.confirmed_environment.as_deref() != Some(env) {
        return Err(CoreError::Pipeline(format!(
            "loading into {env} needs the confirmation {env:?} (--confirm-environment {env}, or typed when asked)"
        )));
    }
    tracing::warn!(environment = env, "writing to Sirius in a guarded environment, as confirmed");
    Ok(())
}
