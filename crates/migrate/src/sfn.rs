//! The AWS Step Functions state machine, generated from the pipeline definition: one ECS
//! Fargate task per step (`ecs:runTask.sync`), retried with backoff on transient ECS errors
//! only, every task caught into a failure notification, and in production a gate before
//! load-to-target that fails the execution unless its input says `allow_load_to_target`.
//!
//! The output is a terraform template: `${cluster_arn}`, `${subnet_ids}` (a JSON list),
//! `${security_group_id}`, `${failure_topic_arn}` and `${task_definition_<step>}` are filled
//! by `templatefile()` in terraform/environment/state_machine.tf.

use migration_core::pipeline::{self, Step};
use migration_core::Environment;
use serde_json::{json, Map, Value};

const SUBNETS_TOKEN: &str = "__SUBNET_IDS__";
const NOTIFY: &str = "Notify failure";
const FAILED: &str = "Migration failed";
const START: &str = "Where to start";

fn state_name(step: Step) -> String {
    let mut s = String::new();
    for part in step.name().split('-') {
        let mut c = part.chars();
        if let Some(f) = c.next() {
            s.push(f.to_ascii_uppercase());
            s.extend(c);
        }
    }
    format!("Run {s}")
}

fn task_state(step: Step, env: Environment, next: &str) -> Value {
    let mut container = Map::new();
    container.insert("Name".into(), json!(step.name()));
    container.insert(
        "Environment".into(),
        json!([
            { "Name": "MIGRATION_ENVIRONMENT", "Value": env.name() },
            { "Name": "MIGRATION_RUN_ID", "Value.$": "States.Format('{}', $.run_id)" },
            { "Name": "MIGRATION__RUN__AS_OF_DATE", "Value.$": "$.as_of_date" }
        ]),
    );
    if step.writes_to_sirius() && env == Environment::Production {
        container.insert("Command".into(), json!(["--allow-production-load", "--confirm-environment", "production"]));
    }
    json!({
        "Type": "Task",
        "Comment": step.description(),
        "Resource": "arn:aws:states:::ecs:runTask.sync",
        "Parameters": {
            "LaunchType": "FARGATE",
            "Cluster": "${cluster_arn}",
            "TaskDefinition": format!("${{task_definition_{}}}", step.name().replace('-', "_")),
            "NetworkConfiguration": {
                "AwsvpcConfiguration": {
                    "Subnets": SUBNETS_TOKEN,
                    "SecurityGroups": ["${security_group_id}"],
                    "AssignPublicIp": "DISABLED"
                }
            },
            "Overrides": { "ContainerOverrides": [Value::Object(container)] }
        },
        "ResultPath": format!("$.steps.{}", step.name().replace('-', "_")),
        // Only errors of ECS itself are retried: a step that ran and failed is not run again.
        "Retry": [{
            "ErrorEquals": ["ECS.AmazonECSException", "ECS.ServerException", "ECS.ThrottlingException", "ECS.LimitExceededException"],
            "IntervalSeconds": 15,
            "MaxAttempts": 3,
            "BackoffRate": 2.0
        }],
        "Catch": [{ "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": NOTIFY }],
        "Next": next
    })
}

/// The state machine for an environment, as the terraform template text.
pub fn definition(env: Environment) -> String {
    let plan = pipeline::plan(env, None, None).expect("the whole pipeline is a valid plan");
    let mut states = Map::new();
    let gate = "Allowed to load into Sirius?";
    for (i, step) in plan.iter().enumerate() {
        let next = plan.get(i + 1).map(|s| state_name(*s)).unwrap_or_else(|| "Migration succeeded".into());
        let next = if plan.get(i + 1).is_some_and(|s| s.writes_to_sirius()) && env == Environment::Production {
            gate.to_string()
        } else {
            next
        };
        states.insert(state_name(*step), task_state(*step, env, &next));
    }
    if env == Environment::Production {
        let load = plan.iter().find(|s| s.writes_to_sirius()).expect("the pipeline loads into Sirius");
        states.insert(
            gate.into(),
            json!({
                "Type": "Choice",
                "Comment": "Production writes to Sirius only when the execution input says allow_load_to_target: true.",
                "Choices": [{
                    "And": [
                        { "Variable": "$.allow_load_to_target", "IsPresent": true },
                        { "Variable": "$.allow_load_to_target", "BooleanEquals": true }
                    ],
                    "Next": state_name(*load)
                }],
                "Default": "Load into Sirius not allowed"
            }),
        );
        states.insert(
            "Load into Sirius not allowed".into(),
            json!({
                "Type": "Fail",
                "Error": "LoadToTargetNotAllowed",
                "Cause": "production stops before load-to-target unless the execution input has \"allow_load_to_target\": true"
            }),
        );
    }
    states.insert(
        NOTIFY.into(),
        json!({
            "Type": "Task",
            "Resource": "arn:aws:states:::sns:publish",
            "Parameters": {
                "TopicArn": "${failure_topic_arn}",
                "Subject": format!("casrec-migration {} failed", env.name()),
                "Message.$": "States.JsonToString($.error)"
            },
            "ResultPath": "$.notification",
            "Next": FAILED
        }),
    );
    states.insert(
        FAILED.into(),
        json!({ "Type": "Fail", "Error": "MigrationFailed", "Cause": "a step failed; see the notification and the step's logs" }),
    );
    states.insert("Migration succeeded".into(), json!({ "Type": "Succeed" }));
    // Resuming: an execution whose input names from_step starts at that step.
    let choices: Vec<Value> = plan
        .iter()
        .map(|s| {
            json!({
                "And": [
                    { "Variable": "$.from_step", "IsPresent": true },
                    { "Variable": "$.from_step", "StringEquals": s.name() }
                ],
                "Next": state_name(*s)
            })
        })
        .collect();
    states.insert(
        START.into(),
        json!({ "Type": "Choice", "Comment": "Start at from_step when the input names one.", "Choices": choices, "Default": state_name(plan[0]) }),
    );
    let doc = json!({
        "Comment": format!("casrec-migration pipeline for {} (generated by `migrate sfn definition`; do not edit)", env.name()),
        "StartAt": START,
        "TimeoutSeconds": 6 * 3600,
        "States": Value::Object(states)
    });
    let text = serde_json::to_string_pretty(&doc).expect("serialisable");
    text.replace(&format!("\"{SUBNETS_TOKEN}\""), "${subnet_ids}") + "\n"
}

/// The template with example values, as valid JSON, for validators.
pub fn example(env: Environment) -> String {
    let mut text = definition(env);
    text = text.replace("${subnet_ids}", "[\"subnet-0123456789abcdef0\"]");
    text = text.replace("${cluster_arn}", "arn:aws:ecs:eu-west-1:123456789012:cluster/casrec-migration");
    text = text.replace("${security_group_id}", "sg-0123456789abcdef0");
    text = text.replace("${failure_topic_arn}", "arn:aws:sns:eu-west-1:123456789012:casrec-migration-failures");
    for step in Step::ALL {
        let placeholder = format!("${{task_definition_{}}}", step.name().replace('-', "_"));
        let arn = format!("arn:aws:ecs:eu-west-1:123456789012:task-definition/casrec-migration-{}:1", step.name());
        text = text.replace(&placeholder, &arn);
    }
    text
}

/// Environments that run in AWS, each with its own state machine file.
pub const AWS_ENVIRONMENTS: [Environment; 4] =
    [Environment::Development, Environment::Preproduction, Environment::Qa, Environment::Production];

#[cfg(test)]
mod tests {
    use super::*;

    fn states(env: Environment) -> Map<String, Value> {
        serde_json::from_str::<Value>(&example(env)).unwrap()["States"].as_object().unwrap().clone()
    }

    #[test]
    fn every_step_of_the_environment_is_a_caught_ecs_task_in_order() {
        for env in AWS_ENVIRONMENTS {
            let s = states(env);
            let plan = pipeline::plan(env, None, None).unwrap();
            for step in &plan {
                let t = &s[&state_name(*step)];
                assert_eq!(t["Resource"], "arn:aws:states:::ecs:runTask.sync");
                assert_eq!(t["Catch"][0]["Next"], NOTIFY);
                let retried: Vec<&str> =
                    t["Retry"][0]["ErrorEquals"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
                assert!(!retried.contains(&"States.ALL") && !retried.contains(&"States.TaskFailed"));
            }
            assert_eq!(s.contains_key(&state_name(Step::LoadS3)), env == Environment::Development);
        }
    }

    #[test]
    fn production_cannot_reach_load_to_target_without_the_input_flag() {
        let s = states(Environment::Production);
        let before = &s[&state_name(Step::Integration)];
        assert_eq!(before["Next"], "Allowed to load into Sirius?");
        assert_eq!(s["Allowed to load into Sirius?"]["Default"], "Load into Sirius not allowed");
        assert_eq!(s["Load into Sirius not allowed"]["Type"], "Fail");
        let load = &s[&state_name(Step::LoadToTarget)];
        let cmd = &load["Parameters"]["Overrides"]["ContainerOverrides"][0]["Command"];
        assert_eq!(cmd, &json!(["--allow-production-load", "--confirm-environment", "production"]));
        let qa = states(Environment::Qa);
        assert_eq!(qa[&state_name(Step::Integration)]["Next"], state_name(Step::LoadToTarget));
    }

    #[test]
    fn an_execution_can_resume_from_any_step_of_its_environment() {
        let s = states(Environment::Qa);
        let start = &s[START];
        let targets: Vec<&str> =
            start["Choices"].as_array().unwrap().iter().map(|c| c["Next"].as_str().unwrap()).collect();
        let plan = pipeline::plan(Environment::Qa, None, None).unwrap();
        assert_eq!(targets, plan.iter().map(|p| state_name(*p)).collect::<Vec<_>>());
        assert_eq!(start["Default"], state_name(plan[0]));
    }

    #[test]
    fn the_committed_terraform_templates_match_the_pipeline() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../terraform/environment/state_machine");
        for env in AWS_ENVIRONMENTS {
            let path = dir.join(format!("{}.asl.json", env.name()));
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == definition(env),
                "{} is out of date: run `migrate sfn write` (or `migrate sfn definition --environment {}`)",
                path.display(),
                env.name()
            );
        }
    }
}
