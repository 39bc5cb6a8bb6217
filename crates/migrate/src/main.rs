//! `migrate`: the operator's CLI. Runs one step, the whole pipeline or a slice of it in this
//! process, shows the run ledger, installs a Sirius stand-in and serves a local S3 endpoint.

use std::io::{BufRead, IsTerminal, Write};
use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};
use comfy_table::{presets::UTF8_FULL_CONDENSED, Table};
use migration_core::cli::CommonArgs;
use migration_core::db::Database;
use migration_core::ledger::{self, RunId, StepCounts};
use migration_core::pipeline::{self, Step};
use migration_core::step::{error_chain, RunOptions, Runtime, StepFn};
use migration_core::Settings;

mod sfn;

#[derive(Debug, Parser)]
#[command(name = "migrate", version, about = "Migrates CasRec into Sirius, step by step.")]
struct Cli {
    #[command(flatten)]
    common: CommonArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, clap::Args)]
struct LoadGuard {
    /// Allow writing to Sirius in an environment whose config forbids it (production).
    #[arg(long)]
    allow_production_load: bool,
    /// The environment's name, to confirm --allow-production-load without being asked.
    #[arg(long)]
    confirm_environment: Option<String>,
    /// Overwrite rows earlier runs loaded that were changed in Sirius since (load-to-target);
    /// without it they are kept as Sirius has them and listed.
    #[arg(long)]
    overwrite_sirius_edits: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the pipeline in order, or the slice --from/--to.
    Run {
        /// First step to run (resume point); the step before it must have succeeded last time.
        #[arg(long)]
        from: Option<Step>,
        /// Last step to run.
        #[arg(long)]
        to: Option<Step>,
        #[command(flatten)]
        guard: LoadGuard,
    },
    /// Run one step.
    Step {
        step: Step,
        /// Record the step under this existing run instead of a new one.
        #[arg(long)]
        run_id: Option<RunId>,
        /// Run one part of a step that fans out, as one task of the state machine does
        /// (transform-casrec: scope, wave<N>/<group>, finish; parts after scope need --run-id).
        #[arg(long)]
        part: Option<String>,
        #[command(flatten)]
        guard: LoadGuard,
    },
    /// Show recent runs, or one run's steps.
    Status {
        /// Show this run's steps (default: the latest run).
        #[arg(long)]
        run: Option<RunId>,
        /// How many runs to list.
        #[arg(long, default_value_t = 10)]
        limit: i64,
    },
    /// List the pipeline's steps in order.
    Steps,
    /// The Sirius tables the migration writes, as the registry describes them, in load order.
    Tables,
    /// The Sirius stand-in (local and test databases only).
    Sirius {
        #[command(subcommand)]
        command: SiriusCommand,
    },
    /// A local S3 endpoint served from a folder.
    S3 {
        #[command(subcommand)]
        command: S3Command,
    },
    /// Undo a run's load into Sirius: delete what it inserted, restore what it updated.
    Rollback {
        /// The run to undo (migrate status lists runs).
        #[arg(long)]
        run: RunId,
        #[command(flatten)]
        guard: LoadGuard,
    },
    /// Documents generated from the code.
    Docs {
        #[command(subcommand)]
        command: DocsCommand,
    },
    /// The run's case scope (decided by transform-casrec).
    Scope {
        #[command(subcommand)]
        command: ScopeCommand,
    },
    /// The AWS Step Functions state machine, generated from the pipeline definition.
    Sfn {
        #[command(subcommand)]
        command: SfnCommand,
    },
}

#[derive(Debug, Subcommand)]
enum DocsCommand {
    /// Write the mapping document (Markdown and HTML) from the mappings themselves.
    Mappings {
        /// Folder to write mappings.md and mappings.html into.
        #[arg(long, default_value = "docs")]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum ScopeCommand {
    /// Counts of cases in and out of scope, per reason, lay team and corref, and orphan rows.
    Show,
}

#[derive(Debug, Subcommand)]
enum SfnCommand {
    /// Print the state machine of the environment (-e) as terraform's template.
    Definition {
        /// Fill the template with example values, giving plain ASL JSON for validators.
        #[arg(long)]
        example: bool,
    },
    /// Start an execution of the environment's (-e) state machine; --wait follows it to the end.
    Run {
        /// Resume from this step.
        #[arg(long)]
        from: Option<Step>,
        /// Follow the execution, showing each step, and exit non-zero if it fails.
        #[arg(long)]
        wait: bool,
        /// Production only: let the execution go on into load-to-target.
        #[arg(long)]
        allow_load_to_target: bool,
        /// Step Functions endpoint (default: AWS's; for emulators and tests).
        #[arg(long, env = "MIGRATION_SFN_ENDPOINT")]
        endpoint: Option<String>,
        /// State machine name (default: casrec-migration-<environment>).
        #[arg(long)]
        state_machine: Option<String>,
        /// Seconds between progress polls with --wait.
        #[arg(long, default_value_t = 10)]
        poll_seconds: u64,
    },
    /// Show an execution's status and its steps.
    Status {
        execution_arn: String,
        #[arg(long, env = "MIGRATION_SFN_ENDPOINT")]
        endpoint: Option<String>,
    },
    /// Write every AWS environment's template into terraform/environment/state_machine/.
    Write {
        /// The terraform folder.
        #[arg(long, default_value = "terraform/environment/state_machine")]
        dir: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum SiriusCommand {
    /// Create the stand-in's tables and fixtures in the configured Sirius database.
    Init {
        /// Drop and recreate the Sirius database first.
        #[arg(long)]
        reset: bool,
    },
}

#[derive(Debug, Subcommand)]
enum S3Command {
    /// Serve a folder as an S3 endpoint until interrupted.
    Serve {
        /// Folder to serve (default: s3.embedded_root, else .local/s3).
        #[arg(long)]
        root: Option<PathBuf>,
        /// Address to listen on (default: the host and port of s3.endpoint).
        #[arg(long)]
        addr: Option<SocketAddr>,
    },
}

fn step_fn(step: Step) -> StepFn {
    match step {
        Step::LoadS3 => load_s3::entry,
        Step::Prepare => prepare::entry,
        Step::LoadCasrec => load_casrec::entry,
        Step::TransformCasrec => transform_casrec::entry,
        Step::Integration => integration::entry,
        Step::LoadToTarget => load_to_target::entry,
        Step::Validation => validation::entry,
    }
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match real_main(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            let chain: Vec<String> = e.chain().map(|c| c.to_string()).collect();
            let mut text = chain[0].clone();
            for c in &chain[1..] {
                if !text.contains(c.as_str()) {
                    text.push_str(": ");
                    text.push_str(c);
                }
            }
            eprintln!("error: {text}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn real_main(cli: Cli) -> anyhow::Result<()> {
    let settings = cli.common.init()?;
    match cli.command {
        Command::Tables => {
            let mut table = Table::new();
            table.load_preset(UTF8_FULL_CONDENSED).set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
            table.set_header(["table", "key", "parents", "uid", "existing rows matched by", "holds"]);
            for row in migration_core::registry::describe() {
                table.add_row(row);
            }
            println!("{table}");
            Ok(())
        }
        Command::Steps => {
            for (i, s) in Step::ALL.iter().enumerate() {
                let note = if s.runs_in(settings.environment) { "" } else { " (not in this environment)" };
                println!("{:>2}. {:<17} {}{note}", i + 1, s.name(), s.description());
            }
            Ok(())
        }
        Command::S3 { command: S3Command::Serve { root, addr } } => {
            let root = root.unwrap_or_else(|| default_s3_root(&settings));
            let addr = match addr {
                Some(a) => a,
                None => endpoint_addr(&settings)?,
            };
            let server = local_s3::LocalS3::start(
                &root,
                addr,
                migration_core::s3::LOCAL_ACCESS_KEY,
                migration_core::s3::LOCAL_SECRET_KEY,
            )
            .await?;
            println!("serving {} at {} (Ctrl-C stops)", server.root().display(), server.endpoint());
            server.wait().await;
            Ok(())
        }
        Command::Sirius { command: SiriusCommand::Init { reset } } => sirius_init(&settings, reset).await,
        Command::Docs { command: DocsCommand::Mappings { out } } => {
            let docs = transform_casrec::docs::document()?;
            std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
            for (name, text) in [
                ("mappings.md", transform_casrec::docs::markdown(&docs)),
                ("mappings.html", transform_casrec::docs::html(&docs)),
            ] {
                let path = out.join(name);
                std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
                println!("wrote {}", path.display());
            }
            Ok(())
        }
        Command::Scope { command: ScopeCommand::Show } => scope_show(settings).await,
        Command::Rollback { run, guard } => {
            // Undoing a load writes to Sirius as much as the load did: the same guard applies.
            let options = run_options(&settings, &guard, &[Step::LoadToTarget])?;
            migration_core::step::production_guard(&settings, &options)?;
            // Undoing a load while a run rebuilds or loads would undo rows under it.
            let rt = Runtime::connect(settings.clone(), options).await?;
            rt.claim(Some(run), "rollback").await?;
            let (deleted, restored) =
                load_to_target::rollback(&settings.migration_db, &settings.sirius_db, run).await?;
            rt.release().await;
            println!("run {run} rolled back: {deleted} rows deleted, {restored} rows restored");
            Ok(())
        }
        Command::Sfn { command: SfnCommand::Definition { example } } => {
            if settings.environment == migration_core::Environment::Local {
                bail!("the local environment has no state machine; choose one with -e (development, preproduction, qa, production)");
            }
            let text = if example { sfn::example(settings.environment) } else { sfn::definition(settings.environment) };
            print!("{text}");
            Ok(())
        }
        Command::Sfn {
            command: SfnCommand::Run { from, wait, allow_load_to_target, endpoint, state_machine, poll_seconds },
        } => {
            let cfg = sfn_client::SfnConfig { endpoint, region: settings.s3.region.clone() };
            let client = sfn_client::client(&cfg).await;
            let name = state_machine.unwrap_or_else(|| format!("casrec-migration-{}", settings.environment));
            let arn = sfn_client::find_state_machine(&client, &name).await?;
            // The run id names the run in every step's ledger rows; the steps create the run
            // record themselves, so starting an execution needs no database.
            let run_id = chrono::Utc::now().timestamp();
            let mut input = serde_json::json!({
                "run_id": run_id,
                "as_of_date": settings.as_of_date()?.to_string(),
                "allow_load_to_target": allow_load_to_target,
            });
            if let Some(f) = from {
                input["from_step"] = serde_json::json!(f.name());
            }
            let execution = sfn_client::start(&client, &arn, &input, Some(&format!("run-{run_id}"))).await?;
            println!("started {execution} (run {run_id})");
            if !wait {
                return Ok(());
            }
            let done =
                sfn_client::wait(&client, &execution, std::time::Duration::from_secs(poll_seconds.max(1)), |p| {
                    eprintln!("{p}")
                })
                .await?;
            print_execution(&done);
            if done.is_succeeded() {
                Ok(())
            } else {
                bail!("execution {} ended {}", execution, done.status)
            }
        }
        Command::Sfn { command: SfnCommand::Status { execution_arn, endpoint } } => {
            let cfg = sfn_client::SfnConfig { endpoint, region: settings.s3.region.clone() };
            let client = sfn_client::client(&cfg).await;
            let status = sfn_client::status(&client, &execution_arn).await?;
            print_execution(&status);
            Ok(())
        }
        Command::Sfn { command: SfnCommand::Write { dir } } => {
            std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
            for env in sfn::AWS_ENVIRONMENTS {
                let path = dir.join(format!("{}.asl.json", env.name()));
                std::fs::write(&path, sfn::definition(env)).with_context(|| format!("writing {}", path.display()))?;
                println!("wrote {}", path.display());
            }
            Ok(())
        }
        Command::Status { run, limit } => status(settings, run, limit).await,
        Command::Step { step, run_id, part, guard } => {
            if !step.runs_in(settings.environment) {
                bail!("{step} does not run in {}", settings.environment);
            }
            let _s3 = embedded_s3(&settings).await?;
            let mut options = run_options(&settings, &guard, &[step])?;
            options.part = part;
            let rt = Runtime::connect(settings, options).await?;
            let (run, result) = rt.run_step(step, run_id, false, step_fn(step)).await?;
            print_summary(&rt, run).await?;
            result.map(|_| ()).map_err(|e| anyhow::anyhow!(e.to_string()))
        }
        Command::Run { from, to, guard } => {
            let plan = pipeline::plan(settings.environment, from, to)?;
            if plan.is_empty() {
                bail!(
                    "no step of {}..{} runs in {}",
                    from.map(|s| s.name()).unwrap_or("start"),
                    to.map(|s| s.name()).unwrap_or("end"),
                    settings.environment
                );
            }
            let _s3 = embedded_s3(&settings).await?;
            let options = run_options(&settings, &guard, &plan)?;
            let rt = Runtime::connect(settings, options).await?;
            // The run holds the environment from before it is recorded to its end: nothing of it
            // (resume check, prepare's rebuild of the schemas, the load) overlaps another's.
            rt.claim(None, "migrate run").await?;
            if let Some(from) = from {
                check_resume(&rt, from).await?;
            }
            let run = rt.start_run(from, to).await?;
            rt.claim(Some(run), "migrate run").await?;
            eprintln!(
                "run {run}: {} in {}",
                plan.iter().map(|s| s.name()).collect::<Vec<_>>().join(" → "),
                rt.environment()
            );
            let mut failure = None;
            for step in &plan {
                eprintln!("▶ {step}: {}", step.description());
                match rt.execute(run, *step, step_fn(*step)).await {
                    Ok(StepCounts { rows_in, rows_out, rows_excluded, rows_quarantined, rows_rejected, .. }) => {
                        eprintln!(
                            "✔ {step}: {rows_in} in, {rows_out} out, {rows_excluded} excluded by a rule, \
                             {rows_quarantined} quarantined, {rows_rejected} rejected at load"
                        );
                    }
                    Err(e) => {
                        eprintln!("✘ {step}: {}", error_chain(e.error.as_ref()));
                        failure = Some(e);
                        break;
                    }
                }
            }
            ledger::finish_run(&**rt.migration_db().await?, run, failure.is_none()).await?;
            print_summary(&rt, run).await?;
            match failure {
                None => Ok(()),
                Some(e) => bail!("run {run} stopped: {e}"),
            }
        }
    }
}

fn print_execution(status: &sfn_client::ExecutionStatus) {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED).set_header(["state", "status", "attempt", "error"]);
    for p in &status.steps {
        t.add_row([
            p.state.clone(),
            p.status.to_string(),
            p.attempt.to_string(),
            [p.error.clone(), p.cause.clone()].into_iter().flatten().collect::<Vec<_>>().join(": "),
        ]);
    }
    println!("{} {}\n{t}", status.execution_arn, status.status);
    if let Some(step) = status.failing_step() {
        eprintln!(
            "failed at {}: {}: {}",
            step.state,
            step.error.as_deref().unwrap_or("(no error)"),
            step.cause.as_deref().unwrap_or("(no cause)")
        );
    }
}

fn default_s3_root(settings: &Settings) -> PathBuf {
    match settings.s3.embedded_root.trim() {
        "" => PathBuf::from(".local/s3"),
        r => PathBuf::from(r),
    }
}

fn endpoint_addr(settings: &Settings) -> anyhow::Result<SocketAddr> {
    let ep =
        settings.s3.endpoint().context("s3.endpoint is not set, so there is no address to serve on; give --addr")?;
    let hostport = ep.trim_start_matches("http://").trim_start_matches("https://").trim_end_matches('/');
    let hostport = hostport.replace("localhost", "127.0.0.1");
    hostport
        .parse()
        .with_context(|| format!("s3.endpoint {ep:?} is not of the form http://HOST:PORT with an IP address"))
}

/// Serves `s3.embedded_root` on the endpoint's address for the length of the command, unless
/// an endpoint already answers there (a `migrate s3 serve` in another terminal).
async fn embedded_s3(settings: &Settings) -> anyhow::Result<Option<local_s3::LocalS3>> {
    if settings.s3.embedded_root.trim().is_empty() {
        return Ok(None);
    }
    let addr = endpoint_addr(settings)?;
    match local_s3::LocalS3::start(
        &default_s3_root(settings),
        addr,
        migration_core::s3::LOCAL_ACCESS_KEY,
        migration_core::s3::LOCAL_SECRET_KEY,
    )
    .await
    {
        Ok(s) => Ok(Some(s)),
        Err(local_s3::LocalS3Error::Bind { .. }) => {
            tracing::info!(%addr, "an S3 endpoint is already listening there; using it");
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

fn run_options(settings: &Settings, guard: &LoadGuard, plan: &[Step]) -> anyhow::Result<RunOptions> {
    let mut confirmed = guard.confirm_environment.clone();
    let guarded = !settings.load_to_target.allowed && plan.iter().any(|s| s.writes_to_sirius());
    if guarded && guard.allow_production_load && confirmed.is_none() {
        if !std::io::stdin().is_terminal() {
            bail!(
                "--allow-production-load needs --confirm-environment {} when not run at a terminal",
                settings.environment
            );
        }
        eprint!(
            "Loading into Sirius in {env}. Type the environment's name ({env}) to confirm: ",
            env = settings.environment
        );
        std::io::stderr().flush().ok();
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        confirmed = Some(line.trim().to_string());
    }
    Ok(RunOptions {
        allow_production_load: guard.allow_production_load,
        confirmed_environment: confirmed,
        part: None,
        overwrite_sirius_edits: guard.overwrite_sirius_edits,
    })
}

/// Resuming from a step needs the step before it (in this environment) to have succeeded when it last ran.
async fn check_resume(rt: &Runtime, from: Step) -> anyhow::Result<()> {
    let mut prev = from.previous();
    while let Some(p) = prev {
        if p.runs_in(rt.environment()) {
            break;
        }
        prev = p.previous();
    }
    let Some(prev) = prev else { return Ok(()) };
    let c = rt.migration_db().await?;
    match ledger::latest_step_run(&**c, prev).await? {
        Some(r) if r.status == "succeeded" => Ok(()),
        Some(r) => bail!("cannot resume from {from}: {prev} last ran in run {} and {}", r.run_id, r.status),
        None => bail!("cannot resume from {from}: {prev} has never run here"),
    }
}

async fn sirius_init(settings: &Settings, reset: bool) -> anyhow::Result<()> {
    let sirius = &settings.sirius_db;
    if reset {
        if settings.environment != migration_core::Environment::Local {
            bail!("--reset drops the Sirius database and is allowed only in the local environment");
        }
        migration_core::db::recreate_database(sirius, Database::Sirius).await?;
        // The rows earlier runs loaded went with the old database: later runs must not match them.
        if let Ok(m) = migration_core::db::connect(&settings.migration_db, Database::Migration).await {
            let _ = m
                .batch_execute(
                    r#"DO $$ BEGIN IF to_regclass('"migration"."loaded_rows"') IS NOT NULL THEN
                         UPDATE "migration"."loaded_rows" SET "rolled_back" = true WHERE NOT "rolled_back"; END IF; END $$"#,
                )
                .await;
        }
    } else if sirius.create_if_missing {
        migration_core::db::ensure_database(sirius, Database::Sirius).await?;
    }
    let mut client = migration_core::db::connect(sirius, Database::Sirius).await?;
    if sirius_standin::is_installed(&client).await? {
        println!("the Sirius stand-in is already installed in {}", sirius.describe());
        return Ok(());
    }
    sirius_standin::install(&mut client).await?;
    println!("installed the Sirius stand-in in {}", sirius.describe());
    Ok(())
}

async fn scope_show(settings: Settings) -> anyhow::Result<()> {
    let rt = Runtime::connect(settings, RunOptions::default()).await?;
    let c = rt.migration_db().await?;
    let exists: bool = c.query_one("SELECT to_regclass('\"scope\".\"cases\"') IS NOT NULL", &[]).await?.get(0);
    if !exists {
        bail!("no scope yet: it is decided by transform-casrec (migrate step transform-casrec)");
    }
    for (title, sql) in [
        ("per reason", r#"SELECT "reason", count(*) FROM "scope"."cases" GROUP BY 1 ORDER BY 2 DESC, 1"#),
        (
            "per lay team",
            r#"SELECT CASE WHEN "lay_team" = '' THEN '(none)' ELSE "lay_team" END || CASE WHEN "in_scope" THEN ' in' ELSE ' out' END, count(*)
                 FROM "scope"."cases" GROUP BY 1 ORDER BY 1"#,
        ),
        (
            "per corref",
            r#"SELECT CASE WHEN "corref" = '' THEN '(none)' ELSE "corref" END || CASE WHEN "in_scope" THEN ' in' ELSE ' out' END, count(*)
                 FROM "scope"."cases" GROUP BY 1 ORDER BY 1"#,
        ),
        (
            "orphan rows (case not in pat), per file",
            r#"SELECT "file", count(*) FROM "scope"."orphans" GROUP BY 1 ORDER BY 1"#,
        ),
    ] {
        let mut t = Table::new();
        t.load_preset(UTF8_FULL_CONDENSED).set_header([title, "cases"]);
        for r in c.query(sql, &[]).await? {
            t.add_row([r.get::<_, String>(0), r.get::<_, i64>(1).to_string()]);
        }
        println!("{t}");
    }
    Ok(())
}

async fn status(settings: Settings, run: Option<RunId>, limit: i64) -> anyhow::Result<()> {
    let rt = Runtime::connect(settings, RunOptions::default()).await?;
    let c = rt.migration_db().await?;
    let runs = ledger::recent_runs(&**c, limit).await?;
    if runs.is_empty() {
        println!("no runs recorded yet");
        return Ok(());
    }
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED).set_header(["run", "environment", "as of", "started", "finished", "status"]);
    for r in &runs {
        t.add_row([
            r.run_id.to_string(),
            r.environment.clone(),
            r.as_of_date.map(|d| d.to_string()).unwrap_or_default(),
            r.started_at.format("%Y-%m-%d %H:%M:%S").to_string(),
            r.finished_at.map(|d| d.format("%H:%M:%S").to_string()).unwrap_or_default(),
            r.status.clone(),
        ]);
    }
    println!("{t}");
    drop(c);
    print_summary(&rt, run.unwrap_or(runs[0].run_id)).await
}

async fn print_summary(rt: &Runtime, run: RunId) -> anyhow::Result<()> {
    use migration_core::telemetry::{human_duration, thousands};
    let c = rt.migration_db().await?;
    let steps = ledger::step_runs(&**c, run).await?;
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED).set_header([
        "step",
        "status",
        "in",
        "out",
        "excluded by a rule",
        "quarantined",
        "rejected at load",
        "time",
        "error",
    ]);
    let num = |v: Option<i64>| v.map(|n| thousands(n.max(0) as u64)).unwrap_or_default();
    for s in &steps {
        let mut err = s.error.clone().unwrap_or_default();
        if err.chars().count() > 100 {
            err = err.chars().take(97).collect::<String>() + "...";
        }
        // Each step counts its own things: files, Sirius tables, rows, checks.
        let unit = Step::named(&s.step).map(|st| st.unit()).unwrap_or("rows");
        let with_unit =
            |v: Option<i64>| v.map(|n| format!("{} {unit}", thousands(n.max(0) as u64))).unwrap_or_default();
        t.add_row([
            match &s.part {
                Some(p) => format!("{} ({p})", s.step),
                None => s.step.clone(),
            },
            s.status.clone(),
            with_unit(s.rows_in),
            with_unit(s.rows_out),
            num(s.rows_excluded),
            num(s.rows_quarantined),
            num(s.rows_rejected),
            s.seconds.map(human_duration).unwrap_or_default(),
            err,
        ]);
    }
    println!("run {run}\n{t}");
    // Excluded rows are the rules working, and say which rules; quarantined rows need a person
    // (transform.exceptions, scope.orphans); rejected lines are in casrec_csv.rejects.
    let rules: Vec<String> = steps
        .iter()
        .flat_map(|s| {
            s.excluded_by_rule.iter().map(move |(rule, n)| format!("  {:>9}  {}: {rule}", thousands(*n as u64), s.step))
        })
        .collect();
    if !rules.is_empty() {
        println!("excluded by a rule:\n{}", rules.join("\n"));
    }
    // The last word: the validation verdict and where its report is.
    match steps.iter().rev().find(|s| s.step == Step::Validation.name()) {
        Some(v) if v.status == "succeeded" => {
            let report = validation_report_path(rt, run);
            println!("validation: PASS; report {report}");
        }
        Some(v) if v.status == "failed" => {
            let report = validation_report_path(rt, run);
            println!("validation: FAIL; report {report}");
        }
        Some(_) => println!("validation: running"),
        None => println!("validation: not run in this run"),
    }
    Ok(())
}

/// Where validation writes the report of a run (as validation::entry names it).
fn validation_report_path(rt: &Runtime, run: RunId) -> String {
    format!("{}/run-{run}/validation.md", rt.settings.validation.report_dir.display())
}
