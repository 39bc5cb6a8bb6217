//! The transform on generated CasRec data with defects: every target builds, every source row
//! is accounted for, and the core counts agree with independent SQL over casrec_csv.

mod common;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_target_builds_and_accounts_for_every_source_row() {
    let (env, manifest) = common::loaded_env("tfgen", 300, 0.02, &[]).await;
    let counts = common::transform(&env.settings).await.unwrap();
    assert!(counts.rows_out > 0);
    let db = env.migration_db.client().await;
    let one = |sql: &'static str| {
        let db = &db;
        async move { db.query_one(sql, &[]).await.unwrap().get::<_, i64>(0) }
    };
    // One client per in-scope case, one case per non-Open order of an in-scope case.
    assert_eq!(
        one(r#"SELECT count(*) FROM "transform"."persons" WHERE "type" = 'actor_client'"#).await,
        one(r#"SELECT count(*) FROM "scope"."cases" WHERE "in_scope""#).await
    );
    assert_eq!(
        one(r#"SELECT count(*) FROM "transform"."cases""#).await,
        one(r#"SELECT count(DISTINCT o."Order No") FROM "casrec_csv"."order" o
                JOIN "scope"."cases" s ON s."case_no" = o."Case" AND s."in_scope"
               WHERE o."Ord Stat" <> 'Open'"#)
        .await
    );
    // Every order has its client link; every deputy person is unique by deputy number.
    assert_eq!(
        one(r#"SELECT count(*) FROM "transform"."person_caseitem""#).await,
        one(r#"SELECT count(*) FROM "transform"."cases""#).await
    );
    assert_eq!(
        one(r#"SELECT count(*) FROM "transform"."persons" WHERE "type" = 'actor_deputy'"#).await,
        one(r#"SELECT count(DISTINCT "deputynumber") FROM "transform"."persons" WHERE "type" = 'actor_deputy'"#).await
    );
    // ids are dense per destination: deputies first, then clients.
    assert_eq!(
        one(r#"SELECT count(*) FROM "transform"."persons""#).await,
        one(r#"SELECT max("id")::bigint FROM "transform"."persons""#).await
    );
    // Rows of child files whose case is not in pat are reported with file and line.
    let orphans: std::collections::BTreeSet<(String, i64)> = db
        .query(r#"SELECT "file", "line" FROM "scope"."orphans""#, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let injected: Vec<(String, i64)> = manifest
        .defects
        .iter()
        .filter(|d| serde_json::to_value(d.kind).unwrap() == "orphan_reference" && d.column.as_deref() == Some("Case"))
        .filter(|d| d.file != "pat.csv")
        .map(|d| (d.file.clone(), d.line as i64))
        .collect();
    assert!(!injected.is_empty(), "the generator injected orphan cases");
    for o in &injected {
        assert!(orphans.contains(o), "orphan {o:?} is not reported in scope.orphans");
    }
    // Injected bad dates and unknown codes are recorded, not silently nulled.
    assert!(one(r#"SELECT count(*) FROM "transform"."exceptions""#).await > 0);
}
