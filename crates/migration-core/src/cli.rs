//! Command-line options every binary shares, and the container entrypoint of a step.

use std::path::PathBuf;

use clap::Args;

use crate::config::{self, ConfigSource, Environment, Settings};
use crate::error::Result;
use crate::ledger::RunId;
use crate::pipeline::Step;
use crate::step::{RunOptions, Runtime, StepFn};
use crate::telemetry;

#[derive(Debug, Clone, Args)]
pub struct CommonArgs {
    /// Environment whose config to use.
    #[arg(long, short = 'e', env = "MIGRATION_ENVIRONMENT", default_value = "local", global = true)]
    pub environment: String,

    /// Folder with default.toml and <environment>.toml (default: ./config, else built in).
    #[arg(long, env = "MIGRATION_CONFIG_DIR", global = true)]
    pub config_dir: Option<PathBuf>,

    /// Override a config value, e.g. --set load_casrec.parallel_files=4 (repeatable).
    #[arg(long = "set", value_name = "KEY=VALUE", value_parser = config::parse_override, global = true)]
    pub overrides: Vec<(String, String)>,

    /// The run's as-of date (YYYY-MM-DD) for rules that depend on "today".
    #[arg(long, global = true)]
    pub as_of: Option<String>,

    /// Migrate only clients of this lay team (1..9, or all): scope.lay_team.
    #[arg(long, global = true)]
    pub lay_team: Option<String>,

    /// Migrate only cases with these correspondence references (comma-separated, or all): scope.correfs.
    #[arg(long, global = true)]
    pub correfs: Option<String>,

    /// More logging: -v debug, -vv trace.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,
}

impl CommonArgs {
    pub fn environment(&self) -> Result<Environment> {
        self.environment.parse()
    }

    pub fn settings(&self) -> Result<Settings> {
        let mut overrides = self.overrides.clone();
        if let Some(d) = &self.as_of {
            overrides.push(("run.as_of_date".into(), d.clone()));
        }
        if let Some(t) = &self.lay_team {
            overrides.push(("scope.lay_team".into(), t.clone()));
        }
        if let Some(c) = &self.correfs {
            overrides.push(("scope.correfs".into(), c.clone()));
        }
        let src = ConfigSource { dir: self.config_dir.clone(), overrides, ignore_environment_variables: false };
        config::load(self.environment()?, &src)
    }

    /// Loads settings and starts logging; the first thing every binary does.
    pub fn init(&self) -> Result<Settings> {
        let settings = self.settings();
        let format = settings.as_ref().map(|s| s.logging.format).unwrap_or(config::LogFormat::Auto);
        telemetry::init(self.verbose, format);
        settings
    }
}

#[derive(Debug, Clone, clap::Parser)]
#[command(about = "Runs one casrec-migration step (the container entrypoint).")]
pub struct StepArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Run to record this step under; a new run is started when absent.
    #[arg(long, env = "MIGRATION_RUN_ID")]
    pub run_id: Option<RunId>,

    /// Allow writing to Sirius in an environment whose config forbids it (production).
    #[arg(long)]
    pub allow_production_load: bool,

    /// The environment's name, typed back to confirm --allow-production-load.
    #[arg(long)]
    pub confirm_environment: Option<String>,

    /// Run one part of a step that fans out (transform-casrec: scope, wave<N>/<group>, finish).
    #[arg(long)]
    pub part: Option<String>,

    /// Overwrite rows earlier runs loaded that were changed in Sirius since (load-to-target);
    /// without it they are kept as Sirius has them and listed.
    #[arg(long)]
    pub overwrite_sirius_edits: bool,
}

/// `main` of a step's container binary.
pub async fn step_main(step: Step, f: StepFn) -> anyhow_like::Result {
    use clap::Parser;
    let args = StepArgs::parse();
    let settings = args.common.init()?;
    if !step.runs_in(settings.environment) {
        return Err(format!("{step} does not run in {}", settings.environment).into());
    }
    let options = RunOptions {
        allow_production_load: args.allow_production_load,
        confirmed_environment: args.confirm_environment.clone(),
        part: args.part.clone(),
        overwrite_sirius_edits: args.overwrite_sirius_edits,
    };
    let rt = Runtime::connect(settings, options).await?;
    // The state machine names the run; its first step records it.
    let (_, outcome) = rt.run_step(step, args.run_id, true, f).await?;
    let counts = outcome?;
    tracing::info!(
        step = step.name(),
        rows_in = counts.rows_in,
        rows_out = counts.rows_out,
        rows_excluded = counts.rows_excluded,
        rows_quarantined = counts.rows_quarantined,
        rows_rejected = counts.rows_rejected,
        "done"
    );
    Ok(())
}

/// The binaries' error type: any error, printed with its causes.
pub mod anyhow_like {
    pub type Result = std::result::Result<(), Box<dyn std::error::Error + Send + Sync>>;
}
