//! Turning an execution's event history into per-step progress.
//!
//! Step Functions reports an execution as a flat list of events (`TaskStateEntered`,
//! `TaskScheduled`, `TaskFailed`, ...). An operator wants to know, per state, "running",
//! "failed with X", "retrying", "succeeded". [`HistoryFold`] reads the events in order and emits
//! one [`StepProgress`] whenever a state's status changes; it is fed incrementally so that
//! [`crate::wait`] can report each change as soon as it appears in the history.

use std::collections::HashMap;
use std::fmt;
use std::time::SystemTime;

use aws_sdk_sfn::types::{HistoryEvent, HistoryEventType as T};

/// Where a step stands after one of its events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StepStatus {
    /// The state was entered and has not finished.
    Running,
    /// An attempt failed (`error`/`cause` say why). A later [`StepStatus::Retrying`] or
    /// [`StepStatus::Caught`] for the same state means the failure was handled.
    Failed,
    /// A new attempt was started after a failure, under the state's `Retry` policy.
    Retrying,
    /// The state gave up after a failure and its `Catch` moved the execution on.
    Caught,
    /// The state finished normally.
    Succeeded,
    /// The state was stopped because the execution was stopped or timed out.
    Aborted,
}

impl StepStatus {
    /// Whether this entry records a failure (handled or not).
    pub fn is_failure(self) -> bool {
        matches!(self, StepStatus::Failed | StepStatus::Caught | StepStatus::Aborted)
    }
}

impl fmt::Display for StepStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StepStatus::Running => "running",
            StepStatus::Failed => "failed",
            StepStatus::Retrying => "retrying",
            StepStatus::Caught => "failed (caught)",
            StepStatus::Succeeded => "succeeded",
            StepStatus::Aborted => "aborted",
        })
    }
}

/// One change in one state's progress, in history order.
#[derive(Debug, Clone, PartialEq)]
pub struct StepProgress {
    /// The state's name in the definition, e.g. `Run LoadS3`.
    pub state: String,
    /// The state's type as the history names it: `Task`, `Pass`, `Choice`, `Fail`, ...
    pub state_type: String,
    pub status: StepStatus,
    /// Which attempt of this visit to the state: 1, then 2 after the first retry, ...
    pub attempt: u32,
    /// For failures (and the retry or catch that follows one): the error name, e.g.
    /// `States.TaskFailed`.
    pub error: Option<String>,
    pub cause: Option<String>,
    /// The id of the history event this entry comes from.
    pub event_id: i64,
    pub at: Option<SystemTime>,
}

impl fmt::Display for StepProgress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.state, self.status)?;
        if self.status == StepStatus::Retrying {
            write!(f, " (attempt {})", self.attempt)?;
        }
        match (&self.error, &self.cause) {
            (Some(e), Some(c)) => write!(f, ": {e}: {c}"),
            (Some(e), None) => write!(f, ": {e}"),
            (None, Some(c)) => write!(f, ": {c}"),
            (None, None) => Ok(()),
        }
    }
}

/// One entry into a state (a state entered twice, by a loop, has two visits).
#[derive(Debug)]
struct Visit {
    state: String,
    state_type: String,
    attempt: u32,
    open: bool,
    /// The failure of the current attempt, until a retry or the state's exit settles it.
    failure: Option<(Option<String>, Option<String>)>,
}

/// Reads history events in order, once each, and yields the progress entries they imply.
#[derive(Debug, Default)]
pub(crate) struct HistoryFold {
    last_event_id: i64,
    visits: Vec<Visit>,
    /// Which visit each event belongs to. Events other than "state entered/exited" do not name
    /// their state; they point at the event before them in the same branch (`previousEventId`),
    /// which is how parallel branches are kept apart.
    owner: HashMap<i64, usize>,
    steps: Vec<StepProgress>,
}

impl HistoryFold {
    /// Every entry so far, in history order.
    pub(crate) fn steps(&self) -> &[StepProgress] {
        &self.steps
    }

    /// Reads one event and returns the entry it adds, if any. Events at or before the last one
    /// read are ignored, so the whole history can be fed again on every poll.
    pub(crate) fn feed(&mut self, event: &HistoryEvent) -> Option<StepProgress> {
        let p = self.read(event)?;
        self.steps.push(p.clone());
        Some(p)
    }

    fn read(&mut self, event: &HistoryEvent) -> Option<StepProgress> {
        let id = event.id();
        if id <= self.last_event_id {
            return None;
        }
        self.last_event_id = id;
        let at = SystemTime::try_from(*event.timestamp()).ok();
        let kind = event.r#type();
        let kind_name = kind.as_str();

        if let Some(state_type) = kind_name.strip_suffix("StateEntered") {
            let name = event.state_entered_event_details().map(|d| d.name()).unwrap_or_default();
            self.visits.push(Visit {
                state: name.to_string(),
                state_type: state_type.to_string(),
                attempt: 1,
                open: true,
                failure: None,
            });
            let v = self.visits.len() - 1;
            self.owner.insert(id, v);
            return Some(self.progress(v, StepStatus::Running, None, None, id, at));
        }

        if kind_name.ends_with("StateExited") {
            let name = event.state_exited_event_details().map(|d| d.name()).unwrap_or_default();
            let v = self.open_visit_named(name).or_else(|| self.visit_of(event))?;
            self.owner.insert(id, v);
            let visit = &mut self.visits[v];
            visit.open = false;
            return Some(match visit.failure.take() {
                Some((error, cause)) => self.progress(v, StepStatus::Caught, error, cause, id, at),
                None => self.progress(v, StepStatus::Succeeded, None, None, id, at),
            });
        }

        let v = self.visit_of(event);
        if let Some(v) = v {
            self.owner.insert(id, v);
        }
        match kind {
            T::TaskScheduled | T::ActivityScheduled | T::LambdaFunctionScheduled => {
                let v = v?;
                // A new attempt after a failure in the same visit is the Retry policy at work.
                let (error, cause) = self.visits[v].failure.take()?;
                self.visits[v].attempt += 1;
                Some(self.progress(v, StepStatus::Retrying, error, cause, id, at))
            }
            _ => {
                if let Some((error, cause)) = attempt_failure(event) {
                    let v = v?;
                    self.visits[v].failure = Some((error.clone(), cause.clone()));
                    return Some(self.progress(v, StepStatus::Failed, error, cause, id, at));
                }
                if matches!(
                    kind,
                    T::TaskStateAborted | T::MapStateAborted | T::ParallelStateAborted | T::WaitStateAborted
                ) {
                    let v = v?;
                    self.visits[v].open = false;
                    return Some(self.progress(v, StepStatus::Aborted, None, None, id, at));
                }
                self.execution_end(event, v, at)
            }
        }
    }

    /// The end of the execution: the state it ended in gets the execution's error unless that
    /// state already reported its own failure (an uncaught task failure), and every state still
    /// open is closed.
    fn execution_end(
        &mut self,
        event: &HistoryEvent,
        v: Option<usize>,
        at: Option<SystemTime>,
    ) -> Option<StepProgress> {
        let id = event.id();
        let (status, error, cause) = match event.r#type() {
            T::ExecutionFailed => {
                let d = event.execution_failed_event_details();
                (StepStatus::Failed, owned(d.and_then(|d| d.error())), owned(d.and_then(|d| d.cause())))
            }
            T::ExecutionTimedOut => {
                let d = event.execution_timed_out_event_details();
                let error = owned(d.and_then(|d| d.error())).or_else(|| Some("States.Timeout".to_string()));
                (StepStatus::Aborted, error, owned(d.and_then(|d| d.cause())))
            }
            T::ExecutionAborted => {
                let d = event.execution_aborted_event_details();
                (StepStatus::Aborted, owned(d.and_then(|d| d.error())), owned(d.and_then(|d| d.cause())))
            }
            _ => return None,
        };
        let target = v.filter(|&v| self.visits[v].open && self.visits[v].failure.is_none());
        for visit in &mut self.visits {
            visit.open = false;
        }
        let v = target?;
        Some(self.progress(v, status, error, cause, id, at))
    }

    /// The visit an event belongs to: that of the event it follows, else the state entered last
    /// that is still open (histories from some emulators leave `previousEventId` at 0).
    fn visit_of(&self, event: &HistoryEvent) -> Option<usize> {
        self.owner.get(&event.previous_event_id()).copied().or_else(|| self.visits.iter().rposition(|visit| visit.open))
    }

    fn open_visit_named(&self, name: &str) -> Option<usize> {
        self.visits.iter().rposition(|visit| visit.open && visit.state == name)
    }

    fn progress(
        &self,
        v: usize,
        status: StepStatus,
        error: Option<String>,
        cause: Option<String>,
        event_id: i64,
        at: Option<SystemTime>,
    ) -> StepProgress {
        let visit = &self.visits[v];
        StepProgress {
            state: visit.state.clone(),
            state_type: visit.state_type.clone(),
            status,
            attempt: visit.attempt,
            error,
            cause,
            event_id,
            at,
        }
    }
}

fn owned(s: Option<&str>) -> Option<String> {
    s.map(str::to_string)
}

/// The error and cause of an event that reports a failed attempt of the current state, or `None`
/// when the event is not such a failure. Time-outs carry no error name in some histories, so
/// they get the name Step Functions uses for them.
fn attempt_failure(event: &HistoryEvent) -> Option<(Option<String>, Option<String>)> {
    macro_rules! details {
        ($getter:ident) => {{
            let d = event.$getter();
            (owned(d.and_then(|d| d.error())), owned(d.and_then(|d| d.cause())))
        }};
    }
    let (error, cause) = match event.r#type() {
        T::TaskFailed => details!(task_failed_event_details),
        T::TaskStartFailed => details!(task_start_failed_event_details),
        T::TaskSubmitFailed => details!(task_submit_failed_event_details),
        T::TaskTimedOut => details!(task_timed_out_event_details),
        T::ActivityFailed => details!(activity_failed_event_details),
        T::ActivityScheduleFailed => details!(activity_schedule_failed_event_details),
        T::ActivityTimedOut => details!(activity_timed_out_event_details),
        T::LambdaFunctionFailed => details!(lambda_function_failed_event_details),
        T::LambdaFunctionScheduleFailed => details!(lambda_function_schedule_failed_event_details),
        T::LambdaFunctionStartFailed => details!(lambda_function_start_failed_event_details),
        T::LambdaFunctionTimedOut => details!(lambda_function_timed_out_event_details),
        T::EvaluationFailed => details!(evaluation_failed_event_details),
        T::MapStateFailed | T::ParallelStateFailed => (None, None),
        _ => return None,
    };
    let timed_out = matches!(event.r#type(), T::TaskTimedOut | T::ActivityTimedOut | T::LambdaFunctionTimedOut);
    let error = if error.is_none() && timed_out { Some("States.Timeout".to_string()) } else { error };
    Some((error, cause))
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_sfn::primitives::DateTime;
    use aws_sdk_sfn::types::{
        ExecutionAbortedEventDetails, ExecutionFailedEventDetails, StateEnteredEventDetails, StateExitedEventDetails,
        TaskFailedEventDetails,
    };

    fn event(id: i64, prev: i64, kind: T) -> aws_sdk_sfn::types::builders::HistoryEventBuilder {
        HistoryEvent::builder()
            .id(id)
            .previous_event_id(prev)
            .r#type(kind)
            .timestamp(DateTime::from_secs(1_700_000_000 + id))
    }

    fn entered(id: i64, prev: i64, kind: T, name: &str) -> HistoryEvent {
        let d = StateEnteredEventDetails::builder().name(name).build().expect("name is set");
        event(id, prev, kind).state_entered_event_details(d).build().expect("required fields are set")
    }

    fn exited(id: i64, prev: i64, kind: T, name: &str) -> HistoryEvent {
        let d = StateExitedEventDetails::builder().name(name).build().expect("name is set");
        event(id, prev, kind).state_exited_event_details(d).build().expect("required fields are set")
    }

    fn plain(id: i64, prev: i64, kind: T) -> HistoryEvent {
        event(id, prev, kind).build().expect("required fields are set")
    }

    fn task_failed(id: i64, prev: i64, error: &str) -> HistoryEvent {
        let d = TaskFailedEventDetails::builder().resource_type("ecs").resource("runTask.sync").error(error).build();
        event(id, prev, T::TaskFailed).task_failed_event_details(d.expect("resource is set")).build().expect("set")
    }

    fn fold(events: &[HistoryEvent]) -> Vec<(String, StepStatus, Option<String>)> {
        let mut f = HistoryFold::default();
        events.iter().filter_map(|e| f.feed(e)).map(|p| (p.state, p.status, p.error)).collect()
    }

    fn s(state: &str, status: StepStatus, error: Option<&str>) -> (String, StepStatus, Option<String>) {
        (state.to_string(), status, error.map(str::to_string))
    }

    #[test]
    fn an_uncaught_task_failure_is_reported_once() {
        let failed = ExecutionFailedEventDetails::builder().error("States.TaskFailed").cause("wrapped").build();
        let events = [
            plain(1, 0, T::ExecutionStarted),
            entered(2, 1, T::TaskStateEntered, "Run LoadS3"),
            plain(3, 2, T::TaskScheduled),
            plain(4, 3, T::TaskStarted),
            task_failed(5, 4, "States.TaskFailed"),
            event(6, 5, T::ExecutionFailed).execution_failed_event_details(failed).build().expect("set"),
        ];
        assert_eq!(
            fold(&events),
            vec![
                s("Run LoadS3", StepStatus::Running, None),
                s("Run LoadS3", StepStatus::Failed, Some("States.TaskFailed")),
            ]
        );
    }

    #[test]
    fn retries_are_told_apart_from_first_attempts_and_events_are_read_once() {
        let events = [
            entered(2, 1, T::TaskStateEntered, "Run Prepare"),
            plain(3, 2, T::TaskScheduled),
            task_failed(4, 3, "Boom"),
            plain(5, 4, T::TaskScheduled),
            plain(6, 5, T::TaskSucceeded),
            exited(7, 6, T::TaskStateExited, "Run Prepare"),
        ];
        let mut f = HistoryFold::default();
        let first: Vec<_> = events[..3].iter().filter_map(|e| f.feed(e)).collect();
        // Polling feeds the whole history again: only the new events count.
        let rest: Vec<_> = events.iter().filter_map(|e| f.feed(e)).collect();
        let statuses: Vec<_> = first.iter().chain(&rest).map(|p| (p.status, p.attempt)).collect();
        assert_eq!(
            statuses,
            vec![
                (StepStatus::Running, 1),
                (StepStatus::Failed, 1),
                (StepStatus::Retrying, 2),
                (StepStatus::Succeeded, 2)
            ]
        );
    }

    #[test]
    fn an_aborted_execution_aborts_the_running_step() {
        let aborted = ExecutionAbortedEventDetails::builder().error("Stopped").cause("by the operator").build();
        let events = [
            entered(2, 1, T::WaitStateEntered, "Pause"),
            event(3, 2, T::ExecutionAborted).execution_aborted_event_details(aborted).build().expect("set"),
        ];
        assert_eq!(
            fold(&events),
            vec![s("Pause", StepStatus::Running, None), s("Pause", StepStatus::Aborted, Some("Stopped"))]
        );
    }

    #[test]
    fn parallel_branches_keep_their_own_failures() {
        let events = [
            entered(2, 1, T::ParallelStateEntered, "Both"),
            entered(3, 2, T::TaskStateEntered, "Left"),
            entered(4, 2, T::TaskStateEntered, "Right"),
            plain(5, 3, T::TaskScheduled),
            plain(6, 4, T::TaskScheduled),
            task_failed(7, 5, "LeftBroke"),
            plain(8, 6, T::TaskSucceeded),
            exited(9, 8, T::TaskStateExited, "Right"),
        ];
        assert_eq!(
            fold(&events)[3..],
            [s("Left", StepStatus::Failed, Some("LeftBroke")), s("Right", StepStatus::Succeeded, None)]
        );
    }
}
