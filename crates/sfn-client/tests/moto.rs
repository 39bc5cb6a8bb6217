//! The client against moto's Step Functions, which executes the definitions for real (see
//! `support`): each test starts its own moto server, so tests do not see each other's machines.

use std::time::{Duration, Instant};

use serde_json::json;
use sfn_client::{ExecutionStatus, SfnConfig, SfnError, StepProgress, StepStatus};
use testkit::moto::Moto;

const REGION: &str = "eu-west-1";
const ROLE: &str = "arn:aws:iam::123456789012:role/casrec-migration-sfn";
const POLL: Duration = Duration::from_millis(100);

async fn connect(moto: &Moto) -> sfn_client::Client {
    sfn_client::client(&SfnConfig { endpoint: Some(moto.endpoint()), region: REGION.into() }).await
}

async fn create_machine(client: &sfn_client::Client, name: &str, definition: serde_json::Value) -> String {
    let created = client
        .create_state_machine()
        .name(name)
        .definition(definition.to_string())
        .role_arn(ROLE)
        .send()
        .await
        .unwrap_or_else(|e| panic!("CreateStateMachine {name}: {e:?}"));
    created.state_machine_arn().to_string()
}

/// Runs the machine called `name` to its end, as the CLI would: find, start, wait.
async fn run(
    client: &sfn_client::Client,
    name: &str,
    input: serde_json::Value,
) -> (ExecutionStatus, Vec<(Instant, StepProgress)>) {
    let arn = sfn_client::find_state_machine(client, name).await.expect("find the state machine");
    let execution = sfn_client::start(client, &arn, &input, Some("run-1")).await.expect("start an execution");
    assert!(execution.ends_with(":run-1"), "execution ARN {execution} carries the name given");
    let mut live = Vec::new();
    let done = tokio::time::timeout(
        Duration::from_secs(60),
        sfn_client::wait(client, &execution, POLL, |p| live.push((Instant::now(), p.clone()))),
    )
    .await
    .expect("the execution ends within a minute")
    .expect("follow the execution");
    assert_eq!(done.execution_arn, execution);
    (done, live)
}

fn summary(steps: &[StepProgress]) -> Vec<(&str, &str, StepStatus)> {
    steps.iter().map(|s| (s.state.as_str(), s.state_type.as_str(), s.status)).collect()
}

#[tokio::test]
async fn a_succeeding_execution_reports_each_step_in_order() {
    let moto = Moto::start();
    let client = connect(&moto).await;
    let definition = json!({
        "StartAt": "Prepare",
        "States": {
            "Prepare": {
                "Type": "Pass",
                "Parameters": { "run_id.$": "$.run_id", "stage": "prepared" },
                "Next": "Pause"
            },
            // Long enough for the first polls to see the execution still running.
            "Pause": { "Type": "Wait", "Seconds": 2, "Next": "Run LoadS3" },
            "Run LoadS3": {
                "Type": "Task",
                "Resource": "arn:aws:states:::aws-sdk:sfn:listStateMachines",
                "Parameters": {},
                "ResultPath": null,
                "Next": "Migration succeeded"
            },
            "Migration succeeded": { "Type": "Succeed" }
        }
    });
    create_machine(&client, "casrec-migration-test", definition).await;
    let started = Instant::now();
    let (done, live) = run(&client, "casrec-migration-test", json!({ "run_id": "2024-05-01T00:00" })).await;
    let finished = Instant::now();

    assert_eq!(done.status, "SUCCEEDED", "{done:#?}");
    assert!(done.is_succeeded() && !done.is_running());
    assert_eq!(done.failing_step(), None);
    assert_eq!((done.error.as_deref(), done.cause.as_deref()), (None, None));
    assert!(done.started.is_some() && done.stopped.is_some(), "{done:#?}");
    let output: serde_json::Value =
        serde_json::from_str(done.output.as_deref().expect("a succeeded execution has output")).expect("JSON output");
    assert_eq!(output, json!({ "run_id": "2024-05-01T00:00", "stage": "prepared" }), "the input reached the states");

    use StepStatus::{Running, Succeeded};
    assert_eq!(
        summary(&done.steps),
        vec![
            ("Prepare", "Pass", Running),
            ("Prepare", "Pass", Succeeded),
            ("Pause", "Wait", Running),
            ("Pause", "Wait", Succeeded),
            ("Run LoadS3", "Task", Running),
            ("Run LoadS3", "Task", Succeeded),
            ("Migration succeeded", "Succeed", Running),
            ("Migration succeeded", "Succeed", Succeeded),
        ]
    );
    assert!(done.steps.iter().all(|s| s.attempt == 1 && s.error.is_none()), "{:#?}", done.steps);
    assert!(done.steps.windows(2).all(|w| w[0].event_id < w[1].event_id), "history order");

    // Each change was reported once, in the same order, and while the execution ran rather
    // than all at the end.
    let reported: Vec<StepProgress> = live.iter().map(|(_, p)| p.clone()).collect();
    assert_eq!(reported, done.steps);
    let first_report = live[0].0;
    assert!(
        finished - first_report >= Duration::from_secs(1),
        "the first step was reported {:?} after the start and {:?} before the end",
        first_report - started,
        finished - first_report
    );

    // A later look gives the same picture.
    let again = sfn_client::status(&client, &done.execution_arn).await.expect("status of a finished execution");
    assert_eq!(again, done);
}

#[tokio::test]
async fn a_fail_state_surfaces_its_error_and_cause() {
    let moto = Moto::start();
    let client = connect(&moto).await;
    let definition = json!({
        "StartAt": "Prepare",
        "States": {
            "Prepare": { "Type": "Pass", "Next": "Migration failed" },
            "Migration failed": {
                "Type": "Fail",
                "Error": "MigrationFailed",
                "Cause": "the source export is incomplete"
            }
        }
    });
    create_machine(&client, "casrec-migration-fails", definition).await;
    let (done, live) = run(&client, "casrec-migration-fails", json!({ "run_id": "r-2" })).await;

    assert_eq!(done.status, "FAILED", "{done:#?}");
    assert!(!done.is_succeeded() && !done.is_running());
    assert_eq!(done.error.as_deref(), Some("MigrationFailed"));
    assert_eq!(done.cause.as_deref(), Some("the source export is incomplete"));
    use StepStatus::{Failed, Running, Succeeded};
    assert_eq!(
        summary(&done.steps),
        vec![
            ("Prepare", "Pass", Running),
            ("Prepare", "Pass", Succeeded),
            ("Migration failed", "Fail", Running),
            ("Migration failed", "Fail", Failed),
        ]
    );
    assert_eq!(live.len(), done.steps.len());

    let failing = done.failing_step().expect("a failed execution has a failing step");
    assert_eq!(failing.state, "Migration failed");
    assert_eq!(failing.error.as_deref(), Some("MigrationFailed"));
    assert_eq!(failing.cause.as_deref(), Some("the source export is incomplete"));
    assert_eq!(failing.to_string(), "Migration failed: failed: MigrationFailed: the source export is incomplete");
}

#[tokio::test]
async fn a_caught_task_failure_is_blamed_on_the_task_not_the_fail_state() {
    let moto = Moto::start();
    let client = connect(&moto).await;
    // The shape of the migration's own machine: a step whose error is retried, then caught and
    // routed through a notification to a generic Fail state. The task fails for real: it asks
    // moto to describe an execution that does not exist.
    let missing = "arn:aws:states:eu-west-1:123456789012:execution:casrec-migration-test:missing";
    let definition = json!({
        "StartAt": "Run Validation",
        "States": {
            "Run Validation": {
                "Type": "Task",
                "Resource": "arn:aws:states:::aws-sdk:sfn:describeExecution",
                "Parameters": { "executionArn": missing },
                "Retry": [{ "ErrorEquals": ["States.ALL"], "MaxAttempts": 1, "IntervalSeconds": 1 }],
                "Catch": [{ "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Notify failure" }],
                "End": true
            },
            "Notify failure": { "Type": "Pass", "Next": "Migration failed" },
            "Migration failed": {
                "Type": "Fail",
                "Error": "MigrationFailed",
                "Cause": "a step failed; see the notification and the step's logs"
            }
        }
    });
    create_machine(&client, "casrec-migration-retries", definition).await;
    let (done, _) = run(&client, "casrec-migration-retries", json!({ "run_id": "r-3" })).await;

    assert_eq!(done.status, "FAILED", "{done:#?}");
    assert_eq!(done.error.as_deref(), Some("MigrationFailed"), "the execution's own error is the Fail state's");
    use StepStatus::{Caught, Failed, Retrying, Running, Succeeded};
    assert_eq!(
        summary(&done.steps),
        vec![
            ("Run Validation", "Task", Running),
            ("Run Validation", "Task", Failed),
            ("Run Validation", "Task", Retrying),
            ("Run Validation", "Task", Failed),
            ("Run Validation", "Task", Caught),
            ("Notify failure", "Pass", Running),
            ("Notify failure", "Pass", Succeeded),
            ("Migration failed", "Fail", Running),
            ("Migration failed", "Fail", Failed),
        ]
    );
    let attempts: Vec<u32> = done.steps[..5].iter().map(|s| s.attempt).collect();
    assert_eq!(attempts, [1, 1, 2, 2, 2]);

    let failing = done.failing_step().expect("a failed execution has a failing step");
    assert_eq!((failing.state.as_str(), failing.status), ("Run Validation", Caught));
    assert_eq!(failing.error.as_deref(), Some("Sfn.ExecutionDoesNotExistException"));
    let cause = failing.cause.as_deref().unwrap_or_default();
    assert!(cause.contains(missing), "the task's own cause is kept: {cause}");
}

#[tokio::test]
async fn finding_a_missing_state_machine_is_an_error_naming_it() {
    let moto = Moto::start();
    let client = connect(&moto).await;
    create_machine(&client, "casrec-migration-qa", json!({"StartAt": "A", "States": {"A": {"Type": "Succeed"}}})).await;

    let err = sfn_client::find_state_machine(&client, "casrec-migration-production")
        .await
        .expect_err("no machine of that name exists");
    assert!(
        matches!(&err, SfnError::StateMachineNotFound { name, total: 1, .. } if name == "casrec-migration-production")
    );
    let text = err.to_string();
    assert!(text.contains("\"casrec-migration-production\""), "{text}");
    assert!(text.contains("casrec-migration-qa"), "the names that do exist help spot a typo: {text}");
}

#[tokio::test]
async fn finding_a_state_machine_reads_every_page() {
    let moto = Moto::start();
    let client = connect(&moto).await;
    // moto, like AWS, lists 100 state machines a page: the one wanted comes after them.
    let pass = json!({"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}});
    for i in 0..100 {
        create_machine(&client, &format!("filler-{i:03}"), pass.clone()).await;
    }
    let wanted = create_machine(&client, "casrec-migration-development", pass).await;

    let found = sfn_client::find_state_machine(&client, "casrec-migration-development").await.expect("found");
    assert_eq!(found, wanted);
    let err = sfn_client::find_state_machine(&client, "nope").await.expect_err("missing");
    assert!(err.to_string().contains("101 found, among them filler-000"), "{err}");
}

#[tokio::test]
async fn sdk_errors_say_which_call_and_which_execution() {
    let moto = Moto::start();
    let client = connect(&moto).await;
    let missing = "arn:aws:states:eu-west-1:123456789012:execution:casrec-migration-test:never-started";
    let err = sfn_client::status(&client, missing).await.expect_err("no such execution");
    let text = err.to_string();
    assert!(text.starts_with("Step Functions DescribeExecution for execution arn:aws:states:"), "{text}");
    assert!(text.contains("never-started"), "{text}");
    assert!(text.contains("ExecutionDoesNotExist"), "the service's error code is in the text: {text}");
}

#[tokio::test]
async fn an_endpoint_that_does_not_answer_gives_the_connection_error() {
    // A port nothing listens on: bound, then released.
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
    let client =
        sfn_client::client(&SfnConfig { endpoint: Some(format!("http://127.0.0.1:{port}")), region: REGION.into() })
            .await;
    let err = sfn_client::find_state_machine(&client, "casrec-migration-development").await.expect_err("no server");
    let text = err.to_string();
    assert!(text.contains("ListStateMachines") && text.contains("casrec-migration-development"), "{text}");
    assert!(text.to_lowercase().contains("connect"), "the source chain reaches the connection failure: {text}");
}
