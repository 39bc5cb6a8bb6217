//! migration-core against a real PostgreSQL and the embedded S3 endpoint.

use std::sync::Arc;
use std::time::{Duration, Instant};

use arrow::array::{
    Array, BooleanArray, Date32Array, Float64Array, Int32Array, Int64Array, StringArray, TimestampMicrosecondArray,
};
use arrow::datatypes::{DataType, Field, Schema, TimeUnit};
use arrow::record_batch::RecordBatch;
use migration_core::config::{self, ConfigSource, Environment};
use migration_core::db::{self, Database};
use migration_core::ledger;
use migration_core::pgcopy;
use migration_core::step::{RunOptions, Runtime};
use migration_core::{Step, StepContext, StepCounts};
use testkit::TestEnv;

#[tokio::test]
async fn arrow_batches_round_trip_through_binary_copy() {
    let env = TestEnv::new("copy").await;
    let c = env.migration_db.client().await;
    c.batch_execute(
        r#"CREATE TABLE "t" ("s" text, "i" int4, "b" int8, "ok" bool, "f" float8, "d" date, "ts" timestamp(0), "n" numeric(12,2))"#,
    )
    .await
    .unwrap();
    let schema = Arc::new(Schema::new(vec![
        Field::new("s", DataType::Utf8, true),
        Field::new("i", DataType::Int32, true),
        Field::new("b", DataType::Int64, true),
        Field::new("ok", DataType::Boolean, true),
        Field::new("f", DataType::Float64, true),
        Field::new("d", DataType::Date32, true),
        Field::new("ts", DataType::Timestamp(TimeUnit::Microsecond, None), true),
        Field::new("n", DataType::Decimal128(12, 2), true),
    ]));
    let batch = RecordBatch::try_new(
        schema,
        vec![
            Arc::new(StringArray::from(vec![Some("Zoë O'Brien"), None, Some("")])),
            Arc::new(Int32Array::from(vec![Some(1), Some(-7), None])),
            Arc::new(Int64Array::from(vec![Some(70000000000_i64), None, Some(0)])),
            Arc::new(BooleanArray::from(vec![Some(true), Some(false), None])),
            Arc::new(Float64Array::from(vec![Some(1.5), None, Some(-0.25)])),
            Arc::new(Date32Array::from(vec![Some(19_000), Some(-1), None])),
            Arc::new(TimestampMicrosecondArray::from(vec![Some(1_600_000_000_000_000), None, Some(0)])),
            Arc::new(
                arrow::array::Decimal128Array::from(vec![Some(12345_i128), Some(-5), None])
                    .with_precision_and_scale(12, 2)
                    .unwrap(),
            ),
        ],
    )
    .unwrap();
    let written = pgcopy::copy_in_batches(&c, "public", "t", std::slice::from_ref(&batch)).await.unwrap();
    assert_eq!(written, 3);
    let row = c.query_one(r#"SELECT "s", "n"::text, "d"::text, "ts"::text FROM "t" WHERE "i" = 1"#, &[]).await.unwrap();
    assert_eq!(row.get::<_, String>(0), "Zoë O'Brien");
    assert_eq!(row.get::<_, String>(1), "123.45");
    assert_eq!(row.get::<_, String>(2), "2022-01-08");
    assert_eq!(row.get::<_, String>(3), "2020-09-13 12:26:40");

    let (_, back) = pgcopy::query_batches(
        &c,
        "t",
        r#"SELECT "s", "i", "b", "ok", "f", "d", "ts", "n" FROM "t" ORDER BY "b" NULLS LAST"#,
        2,
    )
    .await
    .unwrap();
    let all = arrow::compute::concat_batches(&back[0].schema(), &back).unwrap();
    assert_eq!(all.num_rows(), 3);
    let s = all.column(0).as_any().downcast_ref::<StringArray>().unwrap();
    assert_eq!(s.value(1), "Zoë O'Brien");
    assert!(s.is_valid(0) && s.value(0).is_empty());
    let n = all.column(7).as_any().downcast_ref::<StringArray>().unwrap();
    assert_eq!(n.value(1), "123.45");
    let d = all.column(5).as_any().downcast_ref::<Date32Array>().unwrap();
    assert_eq!(d.value(1), 19_000);
}

#[tokio::test]
async fn the_ledger_records_runs_and_step_outcomes() {
    let env = TestEnv::new("ledger").await;
    let rt = Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap();
    let run = rt.start_run(None, None).await.unwrap();

    fn ok_step<'a, 'b>(
        _: &'a StepContext<'b>,
    ) -> futures::future::BoxFuture<'a, Result<StepCounts, migration_core::BoxError>> {
        Box::pin(async {
            Ok(StepCounts {
                rows_in: 10,
                rows_out: 9,
                rows_excluded: 2,
                rows_quarantined: 1,
                rows_rejected: 3,
                excluded_by_rule: vec![("no phone number".into(), 2)],
                details: serde_json::json!({"k": 1}),
            })
        })
    }
    fn failing<'a, 'b>(
        _: &'a StepContext<'b>,
    ) -> futures::future::BoxFuture<'a, Result<StepCounts, migration_core::BoxError>> {
        Box::pin(async { Err("pat.csv line 7: something went wrong".into()) })
    }
    let counts = rt.execute(run, Step::Prepare, ok_step).await.unwrap();
    assert_eq!(counts.rows_quarantined, 1);
    let failure = rt.execute(run, Step::TransformCasrec, failing).await.unwrap_err();
    assert!(failure.to_string().contains("step transform-casrec failed: pat.csv line 7"), "{failure}");

    let c = rt.migration_db().await.unwrap();
    let steps = ledger::step_runs(&**c, run).await.unwrap();
    assert_eq!(steps.len(), 2);
    assert_eq!(
        (steps[0].step.as_str(), steps[0].status.as_str(), steps[0].rows_in),
        ("prepare", "succeeded", Some(10))
    );
    // Excluded by a rule, quarantined and rejected at load are kept apart, the rules with them.
    assert_eq!(
        (steps[0].rows_excluded, steps[0].rows_quarantined, steps[0].rows_rejected),
        (Some(2), Some(1), Some(3))
    );
    assert_eq!(steps[0].excluded_by_rule, vec![("no phone number".to_string(), 2)]);
    assert_eq!(steps[1].status, "failed");
    assert!(steps[1].error.as_deref().unwrap().contains("pat.csv line 7"));
    let latest = ledger::latest_step_run(&**c, Step::Prepare).await.unwrap().unwrap();
    assert_eq!(latest.run_id, run);
}

#[tokio::test]
async fn production_refuses_to_load_without_flag_and_confirmation() {
    let env = TestEnv::with_overrides("guard", &[("load_to_target.allowed", "false")]).await;
    fn load<'a, 'b>(
        _: &'a StepContext<'b>,
    ) -> futures::future::BoxFuture<'a, Result<StepCounts, migration_core::BoxError>> {
        Box::pin(async { Ok(StepCounts::default()) })
    }
    let rt = Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap();
    let run = rt.start_run(None, None).await.unwrap();
    let err = rt.execute(run, Step::LoadToTarget, load).await.unwrap_err().to_string();
    assert!(err.contains("does not allow loading"), "{err}");
    let half =
        RunOptions { allow_production_load: true, confirmed_environment: Some("qa".into()), ..Default::default() };
    let rt = Runtime::connect(env.settings.clone(), half).await.unwrap();
    let err = rt.execute(run, Step::LoadToTarget, load).await.unwrap_err().to_string();
    assert!(err.contains("confirmation"), "{err}");
    let full =
        RunOptions { allow_production_load: true, confirmed_environment: Some("local".into()), ..Default::default() };
    let rt = Runtime::connect(env.settings.clone(), full).await.unwrap();
    rt.execute(run, Step::LoadToTarget, load).await.unwrap();
}

#[tokio::test]
async fn an_unreachable_database_fails_fast_naming_host_and_port() {
    let src = ConfigSource {
        overrides: vec![
            ("migration_db.host".into(), "127.0.0.1".into()),
            ("migration_db.port".into(), "1".into()),
            ("migration_db.connect_timeout_secs".into(), "3".into()),
        ],
        ignore_environment_variables: true,
        ..Default::default()
    };
    let settings = config::load(Environment::Local, &src).unwrap();
    let started = Instant::now();
    let err = db::check(&settings.migration_db, Database::Migration).await.unwrap_err().to_string();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(err.contains("migration database") && err.contains("127.0.0.1:1"), "{err}");
}

#[tokio::test]
async fn an_unreachable_s3_endpoint_fails_fast_naming_it() {
    let src = ConfigSource {
        overrides: vec![
            ("s3.endpoint".into(), "http://127.0.0.1:9".into()),
            ("s3.connect_timeout_secs".into(), "3".into()),
        ],
        ignore_environment_variables: true,
        ..Default::default()
    };
    let settings = config::load(Environment::Local, &src).unwrap();
    let client = migration_core::s3::client(&settings.s3).await;
    let started = Instant::now();
    let err = migration_core::s3::check(&client, &settings.s3).await.unwrap_err().to_string();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(err.contains("S3 endpoint") && err.contains("127.0.0.1:9"), "{err}");
}

#[tokio::test]
async fn the_embedded_endpoint_serves_the_configured_bucket() {
    let env = TestEnv::new("s3").await;
    let client = migration_core::s3::client(&env.settings.s3).await;
    migration_core::s3::ensure_bucket(&client, &env.settings.s3).await.unwrap();
    migration_core::s3::check(&client, &env.settings.s3).await.unwrap();
    assert!(migration_core::s3::list(&client, &env.settings.s3).await.unwrap().is_empty());
}
