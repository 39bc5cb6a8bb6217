//! One run at a time, against a real PostgreSQL: a second claim on an environment is refused at
//! once naming the holder, the first goes on to complete, and a killed holder blocks nobody.

use std::sync::Arc;
use std::time::Duration;

use migration_core::lock::{self, host_name};
use migration_core::step::{RunOptions, Runtime};
use migration_core::{Step, StepContext, StepCounts};
use testkit::TestEnv;

/// A step that holds on until the test creates `"public"."go"`, so the test decides when the
/// first run may finish.
fn waits_for_go<'a, 'b>(
    ctx: &'a StepContext<'b>,
) -> futures::future::BoxFuture<'a, Result<StepCounts, migration_core::BoxError>> {
    Box::pin(async move {
        loop {
            let c = ctx.rt.migration_db().await?;
            let go: bool = c.query_one("SELECT to_regclass('\"public\".\"go\"') IS NOT NULL", &[]).await?.get(0);
            if go {
                return Ok(StepCounts { rows_in: 1, rows_out: 1, ..Default::default() });
            }
            drop(c);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
}

async fn until(what: &str, mut f: impl AsyncFnMut() -> bool) {
    for _ in 0..200 {
        if f().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for {what}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_run_is_refused_at_once_naming_the_first_which_completes() {
    let env = TestEnv::new("lock_two").await;
    let first = Arc::new(Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap());
    let second = Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap();
    let m = env.migration_db.client().await;

    let rt = first.clone();
    let running = tokio::spawn(async move {
        rt.claim(None, "migrate run").await.unwrap();
        let run = rt.start_run(None, None).await.unwrap();
        rt.claim(Some(run), "migrate run").await.unwrap();
        let counts = rt.execute(run, Step::Prepare, waits_for_go).await;
        migration_core::ledger::finish_run(&**rt.migration_db().await.unwrap(), run, counts.is_ok()).await.unwrap();
        rt.release().await;
        (run, counts.map(|c| c.rows_out).map_err(|e| e.to_string()))
    });
    until("the first run's step to start", async || {
        testkit::count(&m, r#"SELECT count(*) FROM "migration"."step_runs" WHERE "status" = 'running'"#).await == 1
    })
    .await;
    let run: i64 = testkit::count(&m, r#"SELECT max("run_id") FROM "migration"."runs""#).await;

    let started = std::time::Instant::now();
    let refused = second.claim(None, "migrate run").await.unwrap_err().to_string();
    assert!(started.elapsed() < Duration::from_secs(5), "refused at once, not after waiting");
    for part in [
        "environment local is in use".to_string(),
        format!("run {run} (prepare, environment local) started "),
        format!("on {} (pid {})", host_name(), std::process::id()),
    ] {
        assert!(refused.contains(&part), "{part:?} in {refused}");
    }
    // A step run on its own is refused the same way, before the ledger records it.
    let step_run = second.execute(run, Step::LoadCasrec, waits_for_go).await.unwrap_err().to_string();
    assert!(step_run.contains(&format!("in use: run {run} (prepare")), "{step_run}");
    assert_eq!(testkit::count(&m, r#"SELECT count(*) FROM "migration"."step_runs""#).await, 1);
    assert_eq!(testkit::count(&m, r#"SELECT count(*) FROM "migration"."runs""#).await, 1);

    // The first was not harmed: let it finish, and it succeeds.
    m.batch_execute(r#"CREATE TABLE "public"."go" ()"#).await.unwrap();
    let (done, outcome) = running.await.unwrap();
    assert_eq!((done, outcome), (run, Ok(1)));
    let status: String = m
        .query_one(r#"SELECT "status" FROM "migration"."step_runs" WHERE "run_id" = $1"#, &[&run])
        .await
        .unwrap()
        .get(0);
    assert_eq!(status, "succeeded");
    // Released: the next run goes ahead.
    second.claim(None, "migrate run").await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_holder_does_not_block_the_next_run_and_its_record_is_not_believed() {
    let env = TestEnv::new("lock_kill").await;
    let first = Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap();
    let m = env.migration_db.client().await;
    first.claim(Some(41), "load-casrec").await.unwrap();
    let backend: i32 = m.query_one(r#"SELECT "backend_pid" FROM "migration"."locks""#, &[]).await.unwrap().get(0);

    // The holder dies as a killed process's session does: its connection is dropped under it.
    m.execute("SELECT pg_terminate_backend($1)", &[&backend]).await.unwrap();
    until("the killed session to end", async || {
        testkit::count(&m, &format!("SELECT count(*) FROM pg_stat_activity WHERE pid = {backend}")).await == 0
    })
    .await;
    // Its record is still there, and stale.
    assert_eq!(testkit::count(&m, r#"SELECT count(*) FROM "migration"."locks""#).await, 1);

    let next = Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap();
    next.claim(Some(42), "migrate run").await.unwrap();
    let holders: Vec<(i64, i32)> = m
        .query(r#"SELECT "run_id", "backend_pid" FROM "migration"."locks""#, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(holders.len(), 1, "the stale record was replaced: {holders:?}");
    assert_eq!(holders[0].0, 42);
    assert_ne!(holders[0].1, backend);

    // The killed holder, were it still running, learns it has lost the claim instead of going on.
    let lost = first.claim(Some(41), "transform-casrec").await.unwrap_err().to_string();
    assert!(lost.contains("lock session is lost"), "{lost}");

    // Dropping a holder (its process ending) frees the environment too.
    drop(next);
    let after = Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap();
    until("the dropped session to end", async || after.claim(Some(43), "migrate run").await.is_ok()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parts_of_one_run_share_the_claim_and_no_other_run_joins_them() {
    let env = TestEnv::new("lock_parts").await;
    let part = |p: &str| RunOptions { part: Some(p.to_string()), ..Default::default() };
    let a = Runtime::connect(env.settings.clone(), part("wave1/clients")).await.unwrap();
    let b = Runtime::connect(env.settings.clone(), part("wave1/deputies")).await.unwrap();
    let other = Runtime::connect(env.settings.clone(), part("wave1/clients")).await.unwrap();
    let whole = Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap();
    a.claim(Some(7), "transform-casrec (wave1/clients)").await.unwrap();
    b.claim(Some(7), "transform-casrec (wave1/deputies)").await.unwrap();
    let refused = other.claim(Some(8), "transform-casrec (wave1/clients)").await.unwrap_err().to_string();
    assert!(refused.contains("in use: run 7 (transform-casrec (wave1/"), "{refused}");
    let refused = whole.claim(None, "migrate run").await.unwrap_err().to_string();
    assert!(refused.contains("in use: run 7"), "{refused}");
    a.release().await;
    b.release().await;
    whole.claim(None, "migrate run").await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_load_into_a_sirius_at_a_time_whichever_environment() {
    let env = TestEnv::new("lock_sirius").await;
    let rt = Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap();
    let run = rt.start_run(None, None).await.unwrap();
    let m = env.migration_db.client().await;
    let held = lock::claim_sirius(&m, &env.settings.sirius_db, run, "load-to-target").await.unwrap();
    let refused =
        lock::claim_sirius(&m, &env.settings.sirius_db, run + 1, "rollback").await.err().expect("refused").to_string();
    assert!(refused.contains(&format!("Sirius is in use: casrec local run {run} load-to-target")), "{refused}");
    drop(held);
    until("Sirius's lock to go with its session", async || {
        lock::claim_sirius(&m, &env.settings.sirius_db, run, "rollback").await.is_ok()
    })
    .await;
}
