//! The transform in parts, as the state machine fans it out: each part in a runtime (a task) of
//! its own, a wave's groups in any order, a retried part, then `finish`, gives exactly what the
//! whole step gives in one process; parts run out of order are refused, naming what comes first.

mod common;

use migration_core::ledger;
use migration_core::step::{RunOptions, Runtime};
use migration_core::{RunId, Settings, Step};
use transform_casrec::parts::{stages, Part};

const TABLES: [&str; 9] = [
    "persons",
    "cases",
    "addresses",
    "phonenumbers",
    "order_deputy",
    "person_caseitem",
    "supervision_level_log",
    "quarantine",
    "exceptions",
];

/// Every row of the transform tables, column order aside.
async fn snapshot(client: &tokio_postgres::Client) -> Vec<(String, i64, String)> {
    testkit::table_checksums(client, "transform", &TABLES).await
}

async fn part(settings: &Settings, run: RunId, part: &str) -> Result<(), String> {
    let options = RunOptions { part: Some(part.to_string()), ..Default::default() };
    let rt = Runtime::connect(settings.clone(), options).await.unwrap();
    rt.execute(run, Step::TransformCasrec, transform_casrec::entry).await.map(|_| ()).map_err(|e| e.to_string())
}

async fn new_run(settings: &Settings) -> RunId {
    let rt = Runtime::connect(settings.clone(), RunOptions::default()).await.unwrap();
    rt.start_run(Some(Step::TransformCasrec), Some(Step::TransformCasrec)).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parts_in_separate_tasks_and_any_order_give_what_one_process_gives() {
    let (env, _) = common::loaded_env("tfparts", 200, 0.02, &[]).await;
    let db = env.migration_db.client().await;
    common::transform(&env.settings).await.unwrap();
    let whole = snapshot(&db).await;
    assert!(whole.iter().all(|(t, n, _)| *n > 0 || t == "quarantine"), "{whole:?}");

    let run = new_run(&env.settings).await;
    for stage in stages() {
        // A wave's groups as the Parallel state may finish them: last first.
        for p in stage.iter().rev() {
            part(&env.settings, run, &p.to_string()).await.unwrap();
        }
    }
    assert_eq!(snapshot(&db).await, whole);

    // A task retried after it succeeded (or half-way) replaces its own output, nothing more.
    let run = new_run(&env.settings).await;
    let all: Vec<Part> = stages().into_iter().flatten().collect();
    for p in &all[..all.len() - 1] {
        part(&env.settings, run, &p.to_string()).await.unwrap();
        if matches!(p, Part::Group { wave: 2, .. }) {
            part(&env.settings, run, &p.to_string()).await.unwrap();
        }
    }
    // Rebuilding an earlier part makes the parts built from its output out of date: finish
    // names them until they are built again.
    part(&env.settings, run, "wave1/clients").await.unwrap();
    let err = part(&env.settings, run, "finish").await.unwrap_err();
    assert!(err.contains("client_addresses (part wave2/clients)") && err.contains("crec_persons"), "{err}");
    assert!(!err.contains("wave2/deputies"), "{err}");
    // Every later wave reads clients (addresses, notes, visits, warnings and their links).
    for p in all.iter().filter(|p| matches!(p, Part::Group { wave, .. } if *wave >= 2)) {
        part(&env.settings, run, &p.to_string()).await.unwrap();
    }
    part(&env.settings, run, "finish").await.unwrap();
    assert_eq!(snapshot(&db).await, whole);

    // References follow the renumbering: a client's address, phone and case link name that client.
    let wrong: i64 = db
        .query_one(
            r#"SELECT (SELECT count(*) FROM "transform"."addresses" a JOIN "transform"."persons" p ON p."id" = a."person_id"
                        WHERE a."casrec_target" = 'client_addresses' AND p."caserecnumber" IS DISTINCT FROM a."c_case")
                    + (SELECT count(*) FROM "transform"."person_caseitem" l
                         JOIN "transform"."persons" p ON p."id" = l."person_id"
                         JOIN "transform"."cases" c ON c."id" = l."caseitem_id"
                        WHERE p."caserecnumber" IS DISTINCT FROM c."caserecnumber")
                    + (SELECT count(*) FROM "transform"."order_deputy" o
                         LEFT JOIN "transform"."persons" p ON p."id" = o."deputy_id" AND p."type" = 'actor_deputy'
                        WHERE p."c_deputy_no" IS DISTINCT FROM o."c_deputy_no")"#,
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(wrong, 0);

    // Each part is in the ledger; only finish completes the step.
    let c = Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap();
    let steps = ledger::step_runs(&**c.migration_db().await.unwrap(), run).await.unwrap();
    let recorded: Vec<String> = steps.iter().filter_map(|s| s.part.clone()).collect();
    for p in &all {
        assert!(recorded.contains(&p.to_string()), "{p} recorded: {recorded:?}");
    }
    let latest = ledger::latest_step_run(&**c.migration_db().await.unwrap(), Step::TransformCasrec).await.unwrap();
    assert_eq!(latest.unwrap().part.as_deref(), Some("finish"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parts_out_of_order_are_refused_naming_the_part_to_run_first() {
    let (env, _) = common::loaded_env("tforder", 40, 0.0, &[]).await;
    let run = new_run(&env.settings).await;
    let err = part(&env.settings, run, "wave1/cases").await.unwrap_err();
    assert!(err.contains(&format!("run part scope of run {run} first")), "{err}");

    part(&env.settings, run, "scope").await.unwrap();
    let err = part(&env.settings, run, "wave2/clients").await.unwrap_err();
    assert!(err.contains("has not built: run part wave1/"), "{err}");
    let err = part(&env.settings, run, "finish").await.unwrap_err();
    assert!(err.contains("has not built cases (part wave1/cases)"), "{err}");

    // Every part of a run transforms as of the same date.
    let mut later = env.settings.clone();
    later.run.as_of_date = "2031-01-01".into();
    let err = part(&later, run, "wave1/cases").await.unwrap_err();
    assert!(err.contains("transforms as of") && err.contains("2031-01-01"), "{err}");

    let other = new_run(&env.settings).await;
    let err = part(&env.settings, other, "wave1/cases").await.unwrap_err();
    assert!(err.contains(&format!("belongs to run {run}")), "{err}");
    let err = part(&env.settings, run, "wave7/cases").await.unwrap_err();
    assert!(err.contains("unknown part"), "{err}");

    for p in stages().into_iter().flatten().skip(1) {
        part(&env.settings, run, &p.to_string()).await.unwrap();
    }
    let err = part(&env.settings, run, "wave1/cases").await.unwrap_err();
    assert!(err.contains("already numbered"), "{err}");
    // finish again is harmless: ids are numbered once.
    part(&env.settings, run, "finish").await.unwrap();
}
