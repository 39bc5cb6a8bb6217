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

/// One state of the chain: a step's task, one part's task, or a stage of parts side by side.
struct Unit {
    step: Step,
    name: String,
    /// Where the state puts its result, under `$.steps`.
    key: String,
    /// The parts this unit runs: none for a whole step, one for a part's task, several for a
    /// Parallel state.
    parts: Vec<String>,
}

/// The parts a step fans out into, stage by stage (see `Step::runs_in_parts`).
fn stages_of(step: Step) -> Option<Vec<Vec<String>>> {
    match step {
        Step::TransformCasrec => Some(
            transform_casrec::parts::stages()
                .into_iter()
                .map(|stage| stage.into_iter().map(|p| p.to_string()).collect())
                .collect(),
        ),
        _ => None,
    }
}

fn part_label(part: &str) -> String {
    part.replace('/', " ")
}

/// The states a step becomes, in order.
fn units(step: Step) -> Vec<Unit> {
    let Some(stages) = stages_of(step) else {
        return vec![Unit { step, name: state_name(step), key: result_key(step, None), parts: Vec::new() }];
    };
    stages
        .into_iter()
        .enumerate()
        .map(|(i, parts)| {
            let (name, key) = match parts.as_slice() {
                [one] => (format!("{} {}", state_name(step), part_label(one)), result_key(step, Some(one))),
                _ => (
                    format!("{} stage {} in parallel", state_name(step), i + 1),
                    result_key(step, Some(&format!("stage{}", i + 1))),
                ),
            };
            Unit { step, name, key, parts }
        })
        .collect()
}

fn result_key(step: Step, part: Option<&str>) -> String {
    let mut key = step.name().replace('-', "_");
    if let Some(p) = part {
        key.push('_');
        key.push_str(&p.replace(['/', '-'], "_"));
    }
    key
}

fn task_state(step: Step, env: Environment, part: Option<&str>) -> Map<String, Value> {
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
    if let Some(p) = part {
        container.insert("Command".into(), json!(["--part", p]));
    }
    let comment = match part {
        Some(p) => format!("{}: part {p}", step.description()),
        None => step.description().to_string(),
    };
    let state = json!({
        "Type": "Task",
        "Comment": comment,
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
        // Of the finished task only its ARN is kept (it finds the task and its logs): whole ECS
        // task descriptions for every step and part would crowd the execution's 256 KiB state.
        "ResultSelector": { "TaskArn.$": "$.TaskArn" },
        "ResultPath": format!("$.steps.{}", result_key(step, part)),
        // Only errors of ECS itself are retried: a step that ran and failed is not run again.
        "Retry": [{
            "ErrorEquals": ["ECS.AmazonECSException", "ECS.ServerException", "ECS.ThrottlingException", "ECS.LimitExceededException"],
            "IntervalSeconds": 15,
            "MaxAttempts": 3,
            "BackoffRate": 2.0
        }]
    });
    match state {
        Value::Object(m) => m,
        _ => unreachable!("a task state is an object"),
    }
}

fn catch() -> Value {
    json!([{ "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": NOTIFY }])
}

fn unit_state(unit: &Unit, env: Environment, next: &str) -> Value {
    if unit.parts.len() <= 1 {
        let mut t = task_state(unit.step, env, unit.parts.first().map(String::as_str));
        t.insert("ResultPath".into(), json!(format!("$.steps.{}", unit.key)));
        t.insert("Catch".into(), catch());
        t.insert("Next".into(), json!(next));
        return Value::Object(t);
    }
    // Each branch is one part's task; what it returns is that task's result alone, and a
    // failing branch fails the stage, which is caught like any task.
    let branches: Vec<Value> = unit
        .parts
        .iter()
        .map(|p| {
            let name = format!("{} {}", state_name(unit.step), part_label(p));
            let mut t = task_state(unit.step, env, Some(p));
            t.insert("ResultPath".into(), json!("$.task"));
            t.insert("OutputPath".into(), json!("$.task"));
            t.insert("End".into(), json!(true));
            json!({ "StartAt": name, "States": { name: Value::Object(t) } })
        })
        .collect();
    json!({
        "Type": "Parallel",
        "Comment": format!("{}: parts {} side by side, one task each", unit.step.description(), unit.parts.join(", ")),
        "Branches": branches,
        "ResultPath": format!("$.steps.{}", unit.key),
        "Catch": catch(),
        "Next": next
    })
}

/// The state machine for an environment, as the terraform template text.
pub fn definition(env: Environment) -> String {
    let plan = pipeline::plan(env, None, None).expect("the whole pipeline is a valid plan");
    let mut states = Map::new();
    let gate = "Allowed to load into Sirius?";
    let chain: Vec<Unit> = plan.iter().flat_map(|s| units(*s)).collect();
    for (i, unit) in chain.iter().enumerate() {
        let next = match chain.get(i + 1) {
            Some(n) if n.step.writes_to_sirius() && n.step != unit.step && env == Environment::Production => {
                gate.to_string()
            }
            Some(n) => n.name.clone(),
            None => "Migration succeeded".into(),
        };
        states.insert(unit.name.clone(), unit_state(unit, env, &next));
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
                    "Next": units(*load)[0].name
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
    // Resuming: an execution whose input names from_step starts at that step (its first part).
    let choices: Vec<Value> = plan
        .iter()
        .map(|s| {
            json!({
                "And": [
                    { "Variable": "$.from_step", "IsPresent": true },
                    { "Variable": "$.from_step", "StringEquals": s.name() }
                ],
                "Next": units(*s)[0].name
            })
        })
        .collect();
    states.insert(
        START.into(),
        json!({ "Type": "Choice", "Comment": "Start at from_step when the input names one.", "Choices": choices, "Default": units(plan[0])[0].name }),
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

    fn assert_ecs_task(t: &Value) {
        assert_eq!(t["Resource"], "arn:aws:states:::ecs:runTask.sync", "{t}");
        let retried: Vec<&str> =
            t["Retry"][0]["ErrorEquals"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert!(!retried.is_empty() && !retried.contains(&"States.ALL") && !retried.contains(&"States.TaskFailed"));
    }

    #[test]
    fn every_step_of_the_environment_is_a_chain_of_caught_ecs_tasks_in_order() {
        for env in AWS_ENVIRONMENTS {
            let s = states(env);
            let plan = pipeline::plan(env, None, None).unwrap();
            let chain: Vec<Unit> = plan.iter().flat_map(|st| units(*st)).collect();
            for (i, unit) in chain.iter().enumerate() {
                let t = &s[&unit.name];
                assert_eq!(t["Catch"][0]["Next"], NOTIFY, "{}", unit.name);
                match t["Type"].as_str().unwrap() {
                    "Task" => assert_ecs_task(t),
                    "Parallel" => {
                        for b in t["Branches"].as_array().unwrap() {
                            let only = &b["States"][b["StartAt"].as_str().unwrap()];
                            assert_ecs_task(only);
                            assert_eq!(only["End"], true);
                        }
                    }
                    other => panic!("{}: {other}", unit.name),
                }
                if let Some(next) = chain.get(i + 1) {
                    if !(env == Environment::Production && next.step.writes_to_sirius() && next.step != unit.step) {
                        assert_eq!(t["Next"], json!(next.name), "{} is followed by {}", unit.name, next.name);
                    }
                }
            }
            assert_eq!(s.contains_key(&state_name(Step::LoadS3)), env == Environment::Development);
        }
    }

    fn command(task: &Value) -> Vec<String> {
        serde_json::from_value(task["Parameters"]["Overrides"]["ContainerOverrides"][0]["Command"].clone())
            .unwrap_or_default()
    }

    #[test]
    fn transform_fans_out_by_entity_group_one_task_per_part_in_order() {
        let s = states(Environment::Qa);
        let stages = transform_casrec::parts::stages();
        let chain = units(Step::TransformCasrec);
        assert_eq!(chain.len(), stages.len());
        assert_eq!(s[&state_name(Step::LoadCasrec)]["Next"], json!(chain[0].name));
        assert_eq!(s[&chain.last().unwrap().name]["Next"], json!(state_name(Step::Integration)));
        let mut fanned_out = 0;
        for (unit, stage) in chain.iter().zip(&stages) {
            let wanted: Vec<Vec<String>> = stage.iter().map(|p| vec!["--part".to_string(), p.to_string()]).collect();
            let t = &s[&unit.name];
            let got: Vec<Vec<String>> = if stage.len() == 1 {
                vec![command(t)]
            } else {
                fanned_out += 1;
                assert_eq!(t["Type"], "Parallel");
                t["Branches"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|b| command(&b["States"][b["StartAt"].as_str().unwrap()]))
                    .collect()
            };
            assert_eq!(got, wanted, "{}", unit.name);
        }
        assert!(fanned_out > 0, "some stage runs several entity groups side by side");
        let first_wave = &s[&chain[1].name]["Branches"];
        assert!(first_wave.as_array().unwrap().len() >= 3, "cases, deputies and clients at once");
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
        assert_eq!(targets, plan.iter().map(|p| units(*p)[0].name.clone()).collect::<Vec<_>>());
        assert_eq!(start["Default"], state_name(plan[0]));
        assert_eq!(
            targets[plan.iter().position(|p| *p == Step::TransformCasrec).unwrap()],
            "Run TransformCasrec scope"
        );
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
