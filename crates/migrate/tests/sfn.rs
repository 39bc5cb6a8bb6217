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

/// The generated definition with every Task made a Pass state (same Next, same End).
fn runnable(env: &str) -> String {
    let (ok, text) = migrate(&["-e", env, "sfn", "definition", "--example"]);
    assert!(ok, "{text}");
    let mut asl: Value = serde_json::from_str(&text).unwrap();
    for (_, state) in asl["States"].as_object_mut().unwrap() {
        if state["Type"] == "Task" {
            let mut pass = json!({ "Type": "Pass" });
            if let Some(next) = state.get("Next") {
                pass["Next"] = next.clone();
            } else {
                pass["End"] = json!(true);
            }
            pass["ResultPath"] = state["ResultPath"].clone();
            *state = pass;
        }
    }
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn runs_wait_and_report_through_the_generated_control_flow() {
    let moto = Moto::start();
    let endpoint = moto.endpoint();
    let client =
        sfn_client::client(&sfn_client::SfnConfig { endpoint: Some(endpoint.clone()), region: "eu-west-1".into() })
            .await;
    create(&client, "casrec-migration-development", runnable("development")).await;
    create(&client, "casrec-migration-production", runnable("production")).await;
    let base =
        ["--as-of", "2026-11-01", "sfn", "run", "--wait", "--poll-seconds", "1", "--endpoint", endpoint.as_str()];

    let (ok, out) = migrate(&[&["-e", "development"], &base[..]].concat());
    assert!(ok, "{out}");
    for state in ["Run LoadS3", "Run Prepare", "Run LoadCasrec", "Run LoadToTarget", "Run Validation"] {
        assert!(out.contains(state), "{state} reported: {out}");
    }
    assert!(out.contains("SUCCEEDED"), "{out}");

    // Production stops before writing to Sirius unless the run says so, and says why.
    let (ok, out) = migrate(&[&["-e", "production"], &base[..]].concat());
    assert!(!ok, "{out}");
    assert!(out.contains("LoadToTargetNotAllowed") && !out.contains("Run LoadToTarget"), "{out}");
    let (ok, out) = migrate(&[&["-e", "production"], &base[..], &["--allow-load-to-target"]].concat());
    assert!(ok, "{out}");
    assert!(out.contains("Run LoadToTarget"), "{out}");

    // Resuming starts at the named step.
    let (ok, out) = migrate(&[&["-e", "development"], &base[..], &["--from", "validation"]].concat());
    assert!(ok, "{out}");
    assert!(out.contains("Run Validation") && !out.contains("Run Prepare"), "{out}");

    let (ok, out) = migrate(&["-e", "qa", "--as-of", "2026-11-01", "sfn", "run", "--endpoint", endpoint.as_str()]);
    assert!(!ok);
    assert!(out.contains("casrec-migration-qa"), "a missing state machine is named: {out}");
}
