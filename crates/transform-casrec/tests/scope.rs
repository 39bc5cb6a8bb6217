//! Case scope on generated data: each rule excludes exactly the cases an independent SQL
//! computation says it should, every pat case is decided once, no row of an excluded case
//! reaches any transform table, and a change of scope needs no reload.

mod common;

use std::collections::BTreeSet;

async fn set(db: &tokio_postgres::Client, sql: &str) -> BTreeSet<String> {
    db.query(sql, &[]).await.unwrap().iter().map(|r| r.get::<_, String>(0)).collect()
}

/// Case numbers that reached any transform table.
async fn migrated_cases(db: &tokio_postgres::Client) -> BTreeSet<String> {
    set(
        db,
        r#"SELECT "caserecnumber" FROM "transform"."persons" WHERE "type" = 'actor_client'
           UNION SELECT "caserecnumber" FROM "transform"."cases"
           UNION SELECT "c_case" FROM "transform"."order_deputy"
           UNION SELECT "c_case" FROM "transform"."addresses" WHERE "c_case" IS NOT NULL
           UNION SELECT "c_case" FROM "transform"."phonenumbers" WHERE "c_case" IS NOT NULL
           UNION SELECT "c_case" FROM "transform"."supervision_level_log"
           UNION SELECT "c_case" FROM "transform"."person_caseitem""#,
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_rule_excludes_exactly_its_cases_and_nothing_of_them_is_transformed() {
    let (env, _) = common::loaded_env(
        "scope",
        600,
        0.0,
        &[("scope.lay_team", "3"), ("scope.correfs", "L1,L2,L2A,L3,L3G,HW,NEW,RGY,NA")],
    )
    .await;
    common::transform(&env.settings).await.unwrap();
    let db = env.migration_db.client().await;

    // Every case of pat exactly once.
    let pat_cases = set(&db, r#"SELECT DISTINCT "Case" FROM "casrec_csv"."pat""#).await;
    let scope_rows: i64 = db.query_one(r#"SELECT count(*) FROM "scope"."cases""#, &[]).await.unwrap().get(0);
    assert_eq!(scope_rows as usize, pat_cases.len());

    // Independent computation of each rule, in the order the rules apply.
    let pilot = BTreeSet::from(["10000011".to_string(), "10000012".to_string()]);
    let put_away = set(
        &db,
        r#"SELECT "Case" FROM "casrec_csv"."pat"
            WHERE "Away Date" ~ '^\d{4}-\d{2}-\d{2}' AND substr("Away Date", 1, 10) < '2019-11-01'"#,
    )
    .await;
    let other_team = set(&db, r#"SELECT "Case" FROM "casrec_csv"."pat" WHERE "Lay Team" <> 'T3'"#).await;
    let listed = ["L1", "L2", "L2A", "L3", "L3G", "HW", "NEW", "RGY", "NA"];
    let other_corref = set(
        &db,
        &format!(
            r#"SELECT "Case" FROM "casrec_csv"."pat" WHERE upper(trim("Corref")) NOT IN ({})"#,
            listed.iter().map(|c| format!("'{c}'")).collect::<Vec<_>>().join(",")
        ),
    )
    .await;
    let unqualified = set(
        &db,
        r#"SELECT p."Case" FROM "casrec_csv"."pat" p
            WHERE upper(trim(p."Corref")) IN ('NEW', 'RGY', 'NA')
              AND NOT EXISTS (SELECT 1 FROM "casrec_csv"."deputyship" ds JOIN "casrec_csv"."order" o ON o."Order No" = ds."Order No"
                               WHERE ds."Case" = p."Case" AND o."Ord Type" IN ('1', '2', '40', '41'))"#,
    )
    .await;
    let mut decided = BTreeSet::new();
    for (reason, cases) in [
        ("pilot", &pilot),
        ("put away", &put_away),
        ("lay team", &other_team),
        ("corref", &other_corref),
        ("corref condition", &unqualified),
    ] {
        let expected: BTreeSet<String> =
            cases.iter().filter(|c| pat_cases.contains(*c) && !decided.contains(*c)).cloned().collect();
        let got = set(
            &db,
            &format!(r#"SELECT "case_no" FROM "scope"."cases" WHERE split_part("reason", ':', 1) = '{reason}'"#),
        )
        .await;
        assert_eq!(got, expected, "cases excluded by {reason}");
        decided.extend(expected);
    }
    let in_scope = set(&db, r#"SELECT "case_no" FROM "scope"."cases" WHERE "in_scope""#).await;
    assert_eq!(in_scope, pat_cases.difference(&decided).cloned().collect::<BTreeSet<_>>());
    assert!(!in_scope.is_empty() && !decided.is_empty());

    // Nothing of an excluded case reaches transform, and every in-scope case does.
    let migrated = migrated_cases(&db).await;
    assert!(migrated.is_disjoint(&decided), "rows of excluded cases were transformed");
    assert_eq!(migrated, in_scope);
    // Deputies are in scope only through a deputyship on an in-scope case.
    let deputies =
        set(&db, r#"SELECT CAST("deputynumber" AS text) FROM "transform"."persons" WHERE "type" = 'actor_deputy'"#)
            .await;
    let linked = set(
        &db,
        r#"SELECT DISTINCT ds."Deputy No" FROM "casrec_csv"."deputyship" ds
             JOIN "scope"."cases" s ON s."case_no" = ds."Case" AND s."in_scope""#,
    )
    .await;
    assert_eq!(deputies, linked);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changing_the_lay_team_needs_no_reload() {
    let (env, _) = common::loaded_env("scopelt", 300, 0.0, &[("scope.lay_team", "1")]).await;
    let db = env.migration_db.client().await;
    let loaded_at = set(&db, r#"SELECT CAST("loaded_at" AS text) FROM "casrec_csv"."load_summary""#).await;
    for team in ["1", "2", "all"] {
        let mut settings = env.settings.clone();
        settings.scope.lay_team = team.into();
        common::transform(&settings).await.unwrap();
        let expected = if team == "all" {
            set(
                &db,
                r#"SELECT DISTINCT "Case" FROM "casrec_csv"."pat" WHERE "Case" NOT IN ('10000011', '10000012')
                     AND NOT ("Away Date" ~ '^\d{4}-\d{2}-\d{2}' AND substr("Away Date", 1, 10) < '2019-11-01')"#,
            )
            .await
        } else {
            set(
                &db,
                &format!(
                    r#"SELECT DISTINCT "Case" FROM "casrec_csv"."pat" WHERE "Lay Team" = 'T{team}' AND "Case" NOT IN ('10000011', '10000012')
                         AND NOT ("Away Date" ~ '^\d{{4}}-\d{{2}}-\d{{2}}' AND substr("Away Date", 1, 10) < '2019-11-01')"#
                ),
            )
            .await
        };
        assert_eq!(migrated_cases(&db).await, expected, "lay team {team}");
    }
    let after = set(&db, r#"SELECT CAST("loaded_at" AS text) FROM "casrec_csv"."load_summary""#).await;
    assert_eq!(loaded_at, after, "no file was reloaded");
}
