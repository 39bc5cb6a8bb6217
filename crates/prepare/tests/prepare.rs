//! prepare against a real migration database and a Sirius stand-in.

use migration_core::step::{RunOptions, Runtime};
use migration_core::Step;
use testkit::TestEnv;

#[tokio::test]
async fn records_sirius_max_ids_and_uid_against_the_run() {
    let env = TestEnv::new("prep").await;
    sirius_standin::install(&mut env.sirius_db.client().await).await.unwrap();
    let rt = Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap();
    let run = rt.start_run(None, None).await.unwrap();
    let counts = rt.execute(run, Step::Prepare, prepare::entry).await.unwrap();
    assert_eq!(counts.rows_in as usize, prepare::sirius_tables().len());
    assert_eq!(counts.details["max_uid"], 700000000245_i64);
    let m = env.migration_db.client().await;
    let row = m
        .query_one(
            r#"SELECT "max_id", "row_count" FROM "migration"."sirius_snapshots" WHERE "run_id" = $1 AND "table_name" = 'persons'"#,
            &[&run],
        )
        .await
        .unwrap();
    assert_eq!((row.get::<_, Option<i64>>(0), row.get::<_, i64>(1)), (Some(17), 17));
    for schema in ["casrec_csv", "transform", "integration", "validation"] {
        let n: i64 = m
            .query_one("SELECT count(*) FROM information_schema.schemata WHERE schema_name = $1", &[&schema])
            .await
            .unwrap()
            .get(0);
        assert_eq!(n, 1, "{schema}");
    }
    // What migrated rows may name of the tables only read is copied, row for row.
    let s = env.sirius_db.client().await;
    for (table, _) in migration_core::registry::REFERENCE_COLUMNS {
        let ours = testkit::count(&m, &format!(r#"SELECT count(*) FROM "sirius_ref"."{table}""#)).await;
        let theirs = testkit::count(&s, &format!(r#"SELECT count(*) FROM "public"."{table}""#)).await;
        assert!(theirs > 0, "the stand-in holds {table}");
        assert_eq!(ours, theirs, "{table}");
    }
    let providers: Vec<(i64, String)> = m
        .query(r#"SELECT "id", "name" FROM "sirius_ref"."bond_providers" ORDER BY 1"#, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let expected: Vec<(i64, String)> = s
        .query(r#"SELECT "id"::bigint, "name"::text FROM "public"."bond_providers" ORDER BY 1"#, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(providers, expected);
}

#[tokio::test]
async fn refuses_a_sirius_without_the_expected_tables() {
    let env = TestEnv::new("prepbad").await;
    let rt = Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap();
    let run = rt.start_run(None, None).await.unwrap();
    let err = rt.execute(run, Step::Prepare, prepare::entry).await.unwrap_err().to_string();
    assert!(err.contains("lacks tables") && err.contains("persons"), "{err}");
}
