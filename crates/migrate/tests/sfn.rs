//! `migrate sfn run` against moto's Step Functions, executing the generated state machine's
//! own control flow (start choice, production gate, catch and failure path) with each ECS task
//! and the notification replaced by a Pass state, since moto cannot run ECS tasks.

use std::process::Command;

use serde_json::{json, Value};
use testkit::moto::Moto;

fn migrate(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_migrate"))
        .args(args)
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("MIGRATION_CONFIG_DIR", testkit::repo_root().join("config"))
        .output()
        .expect("migrate runs");
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

/// Every Task of `states` made a Pass state (same Next or End, same paths, a result shaped
/// like the task's selected result), in Parallel branches too.
fn passes(states: &mut Value) {
    for (name, state) in states.as_object_mut().unwrap() {
        if state["Type"] == "Task" {
            let mut pass = json!({ "Type": "Pass", "Result": { "TaskArn": format!("stand-in for {name}") } });
            for key in ["Next", "End", "ResultPath", "OutputPath"] {
                if let Some(v) = state.get(key) {
                    pass[key] = v.clone();
                }
            }
            *state = pass;
        } else if state["Type"] == "Parallel" {
            for b in state["Branches"].as_array_mut().unwrap() {
                passes(&mut b["States"]);
            }
        }
    }
}

/// The generated definition, runnable without ECS.
fn runnable(env: &str) -> String {
    let (ok, text) = migrate(&["-e", env, "sfn", "definition", "--example"]);
    assert!(ok, "{text}");
    let mut asl: Value = serde_json::from_str(&text).unwrap();
    passes(&mut asl["States"]);
    asl.to_string()
}

async fn create(client: &sfn_client::Client, name: &str, definition: String) {
    client
        .create_state_machine()
        .name(name)
        .definition(definition)
        .role_arn("arn:aws:iam::123456789012:role/casrec-migration")
        .send()
        .await
        .unwrap();
}

/// A moto server holding the environment's runnable state machine. moto 5 cannot start another
/// execution once one has run a Parallel state (it deep-copies the backend, lock and all), so
/// each execution that goes through the transform's fan-out gets a server of its own.
async fn server_with(env: &str) -> (Moto, String) {
    let moto = Moto::start();
    let endpoint = moto.endpoint();
    let client =
        sfn_client::client(&sfn_client::SfnConfig { endpoint: Some(endpoint.clone()), region: "eu-west-1".into() })
            .await;
    create(&client, &format!("casrec-migration-{env}"), runnable(env)).await;
    (moto, endpoint)
}

fn run_args<'a>(env: &'a str, endpoint: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args =
        vec!["-e", env, "--as-of", "2026-11-01", "sfn", "run", "--wait", "--poll-seconds", "1", "--endpoint", endpoint];
    args.extend_from_slice(extra);
    args
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn runs_wait_and_report_through_the_generated_control_flow() {
    let (_moto, endpoint) = server_with("development").await;
    let (ok, out) = migrate(&run_args("development", &endpoint, &[]));
    assert!(ok, "{out}");
    for state in [
        "Run LoadS3",
        "Run Prepare",
        "Run LoadCasrec",
        "Run TransformCasrec scope",
        "Run TransformCasrec stage 2 in parallel",
        "Run TransformCasrec wave1 cases",
        "Run TransformCasrec wave1 deputies",
        "Run TransformCasrec wave1 clients",
        "Run TransformCasrec stage 3 in parallel",
        "Run TransformCasrec finish",
        "Run Integration",
        "Run LoadToTarget",
        "Run Validation",
    ] {
        assert!(out.contains(state), "{state} reported: {out}");
    }
    assert!(out.contains("SUCCEEDED"), "{out}");

    // Production stops before writing to Sirius unless the run says so, and says why.
    let (_moto, endpoint) = server_with("production").await;
    let (ok, out) = migrate(&run_args("production", &endpoint, &[]));
    assert!(!ok, "{out}");
    assert!(out.contains("LoadToTargetNotAllowed") && !out.contains("Run LoadToTarget"), "{out}");
    let (_moto, endpoint) = server_with("production").await;
    let (ok, out) = migrate(&run_args("production", &endpoint, &["--allow-load-to-target"]));
    assert!(ok, "{out}");
    assert!(out.contains("Run LoadToTarget"), "{out}");

    let (_moto, endpoint) = server_with("development").await;
    let (ok, out) = migrate(&["-e", "qa", "--as-of", "2026-11-01", "sfn", "run", "--endpoint", endpoint.as_str()]);
    assert!(!ok);
    assert!(out.contains("casrec-migration-qa"), "a missing state machine is named: {out}");

    // Resuming starts at the named step; from the transform, at its first part.
    let (ok, out) = migrate(&run_args("development", &endpoint, &["--from", "validation"]));
    assert!(ok, "{out}");
    assert!(out.contains("Run Validation") && !out.contains("Run Prepare"), "{out}");
    let (_moto, endpoint) = server_with("development").await;
    let (ok, out) = migrate(&run_args("development", &endpoint, &["--from", "transform-casrec"]));
    assert!(ok, "{out}");
    assert!(out.contains("Run TransformCasrec scope") && !out.contains("Run LoadCasrec"), "{out}");
}
