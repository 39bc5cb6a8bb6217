//! An operator's view of the migration's AWS Step Functions state machine: find it by name, start
//! an execution, read an execution's status with per-step progress, and follow one until it ends.
//!
//! ```no_run
//! # async fn run() -> Result<(), sfn_client::SfnError> {
//! use std::time::Duration;
//! let cfg = sfn_client::SfnConfig { endpoint: None, region: "eu-west-1".into() };
//! let client = sfn_client::client(&cfg).await;
//! let machine = sfn_client::find_state_machine(&client, "casrec-migration-development").await?;
//! let input = serde_json::json!({ "run_id": "2024-05-01" });
//! let execution = sfn_client::start(&client, &machine, &input, None).await?;
//! let done = sfn_client::wait(&client, &execution, Duration::from_secs(10), |step| println!("{step}")).await?;
//! if let Some(step) = done.failing_step() {
//!     eprintln!("{} failed: {:?}: {:?}", step.state, step.error, step.cause);
//! }
//! # Ok(()) }
//! ```

mod error;
mod progress;

use std::time::{Duration, SystemTime};

use aws_sdk_sfn::types::HistoryEvent;
pub use aws_sdk_sfn::Client;

pub use error::SfnError;
pub use progress::{StepProgress, StepStatus};

use progress::HistoryFold;

/// How long to wait for a TCP connection to the Step Functions endpoint.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Where Step Functions is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SfnConfig {
    /// A custom endpoint URL (an emulator); `None` for AWS itself.
    pub endpoint: Option<String>,
    pub region: String,
}

/// A Step Functions client. With a custom endpoint the credentials are static, from
/// `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` (and `AWS_SESSION_TOKEN`) when both are set, else
/// placeholders; against AWS they come from the standard chain (environment, profile, SSO, ECS
/// task role, ...). Building the client makes no request, so it cannot fail: a wrong endpoint or
/// missing credentials show up as [`SfnError::Call`] on the first call.
pub async fn client(cfg: &SfnConfig) -> Client {
    Client::new(&aws_endpoint::sdk_config(cfg.endpoint.as_deref(), &cfg.region, CONNECT_TIMEOUT).await)
}

/// The ARN of the state machine called `name`.
///
/// Lists every page of ListStateMachines: Step Functions has no look-up by name.
pub async fn find_state_machine(client: &Client, name: &str) -> Result<String, SfnError> {
    // How many other names to quote in the error when `name` is missing.
    const QUOTED: usize = 10;
    let mut pages = client.list_state_machines().into_paginator().send();
    let mut seen = Vec::new();
    let mut total = 0;
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| SfnError::call("ListStateMachines", format!("state machine {name:?}"), &e))?;
        for machine in page.state_machines() {
            if machine.name() == name {
                return Ok(machine.state_machine_arn().to_string());
            }
            total += 1;
            if seen.len() < QUOTED {
                seen.push(machine.name().to_string());
            }
        }
    }
    Err(SfnError::StateMachineNotFound { name: name.to_string(), seen, total })
}

/// Starts an execution of the state machine with `input` as its input document and returns the
/// execution's ARN. `name` must be unique among the machine's executions of the last 90 days;
/// with `None` Step Functions makes one up.
pub async fn start(
    client: &Client,
    state_machine_arn: &str,
    input: &serde_json::Value,
    name: Option<&str>,
) -> Result<String, SfnError> {
    let out = client
        .start_execution()
        .state_machine_arn(state_machine_arn)
        .input(input.to_string())
        .set_name(name.map(str::to_string))
        .send()
        .await
        .map_err(|e| {
            let target = match name {
                Some(n) => format!("state machine {state_machine_arn} (execution name {n:?})"),
                None => format!("state machine {state_machine_arn}"),
            };
            SfnError::call("StartExecution", target, &e)
        })?;
    Ok(out.execution_arn().to_string())
}

/// An execution's state and the progress of its steps.
#[derive(Debug, Clone, PartialEq)]
pub struct ExecutionStatus {
    pub execution_arn: String,
    /// Step Functions' status: `RUNNING`, `SUCCEEDED`, `FAILED`, `TIMED_OUT`, `ABORTED` or
    /// `PENDING_REDRIVE`.
    pub status: String,
    pub started: Option<SystemTime>,
    pub stopped: Option<SystemTime>,
    /// Every change of every step, in history order (see [`StepProgress`]).
    pub steps: Vec<StepProgress>,
    /// The execution's error and cause when it did not succeed; with a `Fail` state at the end,
    /// these are that state's, which is why [`ExecutionStatus::failing_step`] exists.
    pub error: Option<String>,
    pub cause: Option<String>,
    /// The output document, once the execution has succeeded.
    pub output: Option<String>,
}

impl ExecutionStatus {
    pub fn is_running(&self) -> bool {
        is_in_progress(&self.status)
    }

    pub fn is_succeeded(&self) -> bool {
        self.status == "SUCCEEDED"
    }

    /// The step to blame when the execution ended without succeeding, with its own error and
    /// cause. A machine that catches a step's failure and routes it through a notification to a
    /// `Fail` state ends with the `Fail` state's generic error; the step reported here is the
    /// one that failed, not the `Fail` state. The `Fail` state is reported only when no other
    /// step failed for good. `None` while running, after success, or when no step recorded a
    /// failure (then [`ExecutionStatus::error`] is all there is).
    pub fn failing_step(&self) -> Option<&StepProgress> {
        if self.is_running() || self.is_succeeded() {
            return None;
        }
        // A failure counts only when it was the last word on its visit to the state: not
        // followed by a retry or by the state's exit (which is reported separately as caught).
        let settled = |i: usize| {
            let step = &self.steps[i];
            step.status.is_failure()
                && self.steps[i + 1..]
                    .iter()
                    .find(|later| later.state == step.state)
                    .is_none_or(|later| later.status == StepStatus::Running)
        };
        let failures: Vec<&StepProgress> =
            (0..self.steps.len()).filter(|&i| settled(i)).map(|i| &self.steps[i]).collect();
        failures.iter().rev().find(|s| s.state_type != "Fail").or_else(|| failures.last()).copied()
    }
}

/// Whether Step Functions may still move the execution on: a redrive passes through
/// `PENDING_REDRIVE` before it is `RUNNING` again.
fn is_in_progress(status: &str) -> bool {
    matches!(status, "RUNNING" | "PENDING_REDRIVE")
}

/// The execution's status now, with the progress of every step so far.
pub async fn status(client: &Client, execution_arn: &str) -> Result<ExecutionStatus, SfnError> {
    let mut fold = HistoryFold::default();
    read_once(client, execution_arn, &mut fold, |_| {}).await
}

/// Follows the execution until it is no longer running, calling `on_progress` once for each
/// step change as it appears (so a CLI can print each step's progress live), and returns the
/// final status. Reads the execution every `poll`; Step Functions' default quota for these calls
/// is a few per second per account, so keep it at a second or more for long runs.
///
/// It does not fail because the execution failed: check [`ExecutionStatus::is_succeeded`].
pub async fn wait(
    client: &Client,
    execution_arn: &str,
    poll: Duration,
    mut on_progress: impl FnMut(&StepProgress),
) -> Result<ExecutionStatus, SfnError> {
    let mut fold = HistoryFold::default();
    loop {
        let now = read_once(client, execution_arn, &mut fold, &mut on_progress).await?;
        if !now.is_running() {
            return Ok(now);
        }
        tokio::time::sleep(poll).await;
    }
}

/// Describes the execution and reads its whole history, passing the entries `fold` has not seen
/// yet to `on_new`. The history is read again from the start each time: a pipeline run has a few
/// dozen events, and a finished listing leaves no token to resume from.
async fn read_once(
    client: &Client,
    execution_arn: &str,
    fold: &mut HistoryFold,
    mut on_new: impl FnMut(&StepProgress),
) -> Result<ExecutionStatus, SfnError> {
    // Described before the history is read: once the status is final, the history read after it
    // holds every event.
    let described = client
        .describe_execution()
        .execution_arn(execution_arn)
        .send()
        .await
        .map_err(|e| SfnError::call("DescribeExecution", format!("execution {execution_arn}"), &e))?;
    let events = history(client, execution_arn).await?;
    for event in &events {
        if let Some(p) = fold.feed(event) {
            on_new(&p);
        }
    }
    Ok(ExecutionStatus {
        execution_arn: execution_arn.to_string(),
        status: described.status().as_str().to_string(),
        started: SystemTime::try_from(*described.start_date()).ok(),
        stopped: described.stop_date().and_then(|d| SystemTime::try_from(*d).ok()),
        steps: fold.steps().to_vec(),
        error: described.error().map(str::to_string),
        cause: described.cause().map(str::to_string),
        output: described.output().map(str::to_string),
    })
}

async fn history(client: &Client, execution_arn: &str) -> Result<Vec<HistoryEvent>, SfnError> {
    let mut pages = client.get_execution_history().execution_arn(execution_arn).into_paginator().send();
    let mut events = Vec::new();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| SfnError::call("GetExecutionHistory", format!("execution {execution_arn}"), &e))?;
        events.extend_from_slice(page.events());
    }
    // Pages come oldest first; sorting guards the fold, which needs ascending ids.
    events.sort_by_key(HistoryEvent::id);
    Ok(events)
}
