//! The pipeline end to end on generated data, into a Sirius stand-in that already holds data:
//! existing records are updated in place, new ones get fresh ids and valid uids, a second run
//! leaves Sirius as the first did, and rolling back restores it exactly.

use migration_core::step::{RunOptions, Runtime};
use migration_core::{RunId, Step};
use testkit::TestEnv;

async fn checksums(db: &tokio_postgres::Client) -> Vec<(String, i64, String)> {
    let tables: Vec<&str> = migration_core::registry::TABLES.iter().map(|t| t.name).collect();
    testkit::table_checksums(db, "public", &tables).await
}

/// Generates CasRec data and puts every file into the test's bucket, as the export arrives.
async fn export(env: &TestEnv, clients: u64, seed: u64) {
    let out = env.path().join("export");
    casrec_gen::generate(&casrec_gen::GenerateOptions { clients, seed, out_dir: out.clone(), defect_rate: 0.0 })
        .unwrap();
    env.upload_csvs(&out).await;
}

/// A test environment with generated CasRec loaded and the Sirius stand-in installed.
async fn loaded(purpose: &str, clients: u64, seed: u64) -> (TestEnv, Runtime) {
    let env = TestEnv::new(purpose).await;
    export(&env, clients, seed).await;
    sirius_standin::install(&mut env.sirius_db.client().await).await.unwrap();
    let rt = Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap();
    let setup = rt.start_run(None, None).await.unwrap();
    rt.execute(setup, Step::Prepare, prepare::entry).await.unwrap();
    rt.execute(setup, Step::LoadCasrec, load_casrec::entry).await.unwrap();
    (env, rt)
}

/// Sirius's finance counter, from which loads take batch numbers.
async fn finance_counter(db: &tokio_postgres::Client) -> i64 {
    testkit::count(
        db,
        r#"SELECT "counter"::bigint FROM "public"."finance_counter" WHERE "key" = 'DatFileBatchNumberReportBatchNumber'"#,
    )
    .await
}

async fn migrate_once(rt: &Runtime) -> RunId {
    let run = rt.start_run(None, None).await.unwrap();
    for (step, f) in [
        (Step::TransformCasrec, transform_casrec::entry as migration_core::StepFn),
        (Step::Integration, integration::entry),
        (Step::LoadToTarget, load_to_target::entry),
        (Step::Validation, validation::entry),
    ] {
        rt.execute(run, step, f).await.unwrap_or_else(|e| panic!("{e}"));
    }
    run
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrates_updates_existing_records_reruns_idempotently_and_rolls_back_exactly() {
    let (env, rt) = loaded("pipe", 200, 5).await;
    let sirius = env.sirius_db.client().await;
    let before = checksums(&sirius).await;
    let uid_before: i64 = sirius
        .query_one(r#"SELECT "uid" FROM "public"."persons" WHERE "caserecnumber" = '10000001'"#, &[])
        .await
        .unwrap()
        .get(0);

    let first = migrate_once(&rt).await;
    let after_first = checksums(&sirius).await;
    assert_ne!(before, after_first);

    // Client 10000001 already existed (person 3): updated in place, keeping its uid.
    let existing = sirius
        .query_one(
            r#"SELECT "id", "uid", "clientsource" FROM "public"."persons" WHERE "caserecnumber" = '10000001'"#,
            &[],
        )
        .await
        .unwrap();
    assert_eq!(existing.get::<_, i32>(0), 3);
    assert_eq!(existing.get::<_, i64>(1), uid_before);
    assert_eq!(existing.get::<_, Option<String>>(2).as_deref(), Some("CASRECMIGRATION_P3"));
    // The pilot clients are out of scope and untouched.
    let pilots: Vec<String> = sirius
        .query(r#"SELECT "clientsource" FROM "public"."persons" WHERE "caseactorgroup" = 'CLIENT-PILOT-ONE' AND "caserecnumber" IN ('10000011', '10000012')"#, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(pilots, vec!["CASRECMIGRATION".to_string(), "CASRECMIGRATION".to_string()]);
    // Every client case is in Sirius once; uids valid and unique across persons and cases.
    let m = env.migration_db.client().await;
    let in_scope: i64 =
        m.query_one(r#"SELECT count(*) FROM "scope"."cases" WHERE "in_scope""#, &[]).await.unwrap().get(0);
    let clients = testkit::count(&sirius, r#"SELECT count(DISTINCT "caserecnumber") FROM "public"."persons" WHERE "type" = 'actor_client' AND "clientsource" = 'CASRECMIGRATION_P3'"#).await;
    assert_eq!(clients, in_scope);
    let uids: Vec<i64> = sirius
        .query(r#"SELECT "uid" FROM "public"."persons" UNION ALL SELECT "uid" FROM "public"."cases""#, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(uids.iter().all(|u| sirius_standin::uid_is_valid(*u)), "every uid has its Luhn digit");
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), uids.len(), "uids are unique across persons and cases");
    // Orders hang from their clients.
    let orphans = testkit::count(
        &sirius,
        r#"SELECT count(*) FROM "public"."cases" WHERE "type" = 'order' AND "client_id" IS NULL AND "id" > 7"#,
    )
    .await;
    assert_eq!(orphans, 0);

    // Business rules: a client's fee payer is an active, living deputy whose deputyship on one
    // of the client's orders says Fee Payer = Y; every client's status is the one its recorded
    // decision gave (the decision tables row by row are tests/rules.rs of integration).
    let wrong_payers = testkit::count(&m, r#"SELECT count(*) FROM "integration"."persons" c
                WHERE c."type" = 'actor_client' AND c."feepayer_id" IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM "integration"."order_deputy" od JOIN "integration"."cases" o ON o."id" = od."order_id"
                                   WHERE o."client_id" = c."id" AND od."deputy_id" = c."feepayer_id" AND od."c_fee_payer" = 'Y'
                                     AND od."statusoncase" = 'ACTIVE')"#).await;
    assert_eq!(wrong_payers, 0);
    let payers = testkit::count(
        &sirius,
        r#"SELECT count(*) FROM "public"."persons" WHERE "type" = 'actor_client' AND "feepayer_id" IS NOT NULL"#,
    )
    .await;
    assert!(payers > 0, "fee payers were set");
    let statuses: Vec<(Option<String>, i64)> = sirius
        .query(
            r#"SELECT "clientstatus", count(*) FROM "public"."persons" WHERE "clientsource" = 'CASRECMIGRATION_P3' AND "type" = 'actor_client'
                GROUP BY 1 ORDER BY 1"#,
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    for wanted in ["DEATH_CONFIRMED", "DEATH_NOTIFIED", "ACTIVE", "OPEN", "CLOSED", "INACTIVE"] {
        assert!(statuses.iter().any(|(s, _)| s.as_deref() == Some(wanted)), "{wanted} in {statuses:?}");
    }
    let undecided = testkit::count(&m, r#"SELECT count(*) FROM "integration"."persons" c
                 LEFT JOIN "integration"."client_status_decisions" d ON d."person_id" = c."id"
                WHERE c."type" = 'actor_client' AND (d."person_id" IS NULL OR c."clientstatus" IS DISTINCT FROM d."clientstatus")"#).await;
    assert_eq!(undecided, 0, "every client's status is its recorded decision");

    // Death notifications: one per deceased migrated client and deputy, as validation expects
    // them from casrec_csv; a Sirius person's existing notification is updated, never doubled.
    let deaths = testkit::count(
        &m,
        r#"SELECT count(*) FROM "migration"."loaded_rows" WHERE "table_name" = 'death_notifications' AND "run_id" = (SELECT max("run_id") FROM "migration"."loaded_rows")"#,
    )
    .await;
    assert!(deaths > 0, "death notifications were loaded");
    let dead_clients = testkit::count(
        &sirius,
        r#"SELECT count(*) FROM "public"."persons" p WHERE p."clientsource" = 'CASRECMIGRATION_P3'
                AND p."type" = 'actor_client' AND p."dateofdeath" IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM "public"."death_notifications" d WHERE d."person_id" = p."id")"#,
    )
    .await;
    assert_eq!(dead_clients, 0, "every migrated client with a date of death has a death notification");
    let twice =
        testkit::count(&sirius, r#"SELECT count(*) - count(DISTINCT "person_id") FROM "public"."death_notifications""#)
            .await;
    assert_eq!(twice, 0);

    // Finance: every finance table has this run's rows; new invoices share one batch number
    // and new credits and allocations the next, both taken from Sirius's finance counter (the
    // stand-in's starts at 0).
    for t in [
        "finance_invoice",
        "finance_ledger",
        "finance_ledger_allocation",
        "finance_remission_exemption",
        "finance_order",
    ] {
        let n = testkit::count(&m, &format!(r#"SELECT count(*) FROM "integration"."{t}""#)).await;
        assert!(n > 0, "{t} has rows at 200 clients");
    }
    let batches: Vec<(String, Option<i32>, i64)> = sirius
        .query(
            r#"SELECT 'finance_invoice', "batchnumber", count(*) FROM "public"."finance_invoice" WHERE "source" = 'CASRECMIGRATION_P3' GROUP BY 2
               UNION ALL SELECT 'finance_ledger', "batchnumber", count(*) FROM "public"."finance_ledger" GROUP BY 2
               UNION ALL SELECT 'finance_ledger_allocation', "batchnumber", count(*) FROM "public"."finance_ledger_allocation" GROUP BY 2
               ORDER BY 1"#,
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    let numbers: Vec<(&str, Option<i32>)> = batches.iter().map(|(t, b, _)| (t.as_str(), *b)).collect();
    assert_eq!(
        numbers,
        [("finance_invoice", Some(1)), ("finance_ledger", Some(2)), ("finance_ledger_allocation", Some(2))],
        "{batches:?}"
    );
    assert_eq!(finance_counter(&sirius).await, 2);
    // Finance rows of a client Sirius already bills carry its billing account; a new client's
    // have none (Sirius's finance module opens one when it first bills the client).
    let unlinked = testkit::count(
        &sirius,
        r#"SELECT count(*) FROM "public"."finance_invoice" i JOIN "public"."finance_person" f ON f."person_id" = i."person_id"
            WHERE i."source" = 'CASRECMIGRATION_P3' AND i."finance_person_id" IS DISTINCT FROM f."id""#,
    )
    .await;
    assert_eq!(unlinked, 0);

    // A second run over the same data leaves Sirius as the first did, and takes no batch number.
    let second = migrate_once(&rt).await;
    assert_eq!(checksums(&sirius).await, after_first, "running twice is the same as running once");
    assert_eq!(finance_counter(&sirius).await, 2, "a rerun with nothing new takes no batch number");

    // Validation catches a row Sirius holds differently from what was migrated.
    let report = env.path().join("reports").join(format!("run-{second}")).join("validation.md");
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(text.contains("**PASS**"));
    // Money per client: what CasRec billed and credited is what Sirius holds, client by client.
    let (clients, agree): (i64, i64) = {
        let r = m
            .query_one(r#"SELECT count(*), count(*) FILTER (WHERE "agree") FROM "validation"."money_per_client""#, &[])
            .await
            .unwrap();
        (r.get(0), r.get(1))
    };
    assert!(clients > 0 && agree == clients, "{agree} of {clients} clients agree");
    assert!(text.contains(&format!("{agree} of {clients} clients agree on all three")), "{text}");
    // Rows are compared by digest: on a correct load no Sirius row is copied whole, and the view
    // the later checks read still gives every migrated person as Sirius holds it.
    let copied = testkit::count(&m, r#"SELECT count(*) FROM "validation"."sirius_rows_persons""#).await;
    assert_eq!(copied, 0, "no row copied when every digest agrees");
    let (viewed, migrated) = (
        testkit::count(&m, r#"SELECT count(*) FROM "validation"."sirius_persons""#).await,
        testkit::count(&m, r#"SELECT count(*) FROM "integration"."persons""#).await,
    );
    assert!(migrated > 0 && viewed == migrated, "{viewed} of {migrated} persons in the view");
    // Sirius's trigger would stamp updateddate; the tampering must leave nothing else behind.
    sirius.batch_execute("SET session_replication_role = replica").await.unwrap();
    sirius
        .batch_execute(r#"UPDATE "public"."persons" SET "surname" = 'Tampered' WHERE "caserecnumber" = '10000002'"#)
        .await
        .unwrap();
    let check = rt.start_run(None, None).await.unwrap();
    let err = rt.execute(check, Step::Validation, validation::entry).await.unwrap_err().to_string();
    assert!(err.contains("checks failed"), "{err}");
    let exceptions: i64 =
        m.query_one(r#"SELECT count(*) FROM "validation"."exceptions_persons""#, &[]).await.unwrap().get(0);
    assert_eq!(exceptions, 1);
    let copied = testkit::count(&m, r#"SELECT count(*) FROM "validation"."sirius_rows_persons""#).await;
    assert_eq!(copied, 1, "only the row whose digest differs is copied whole");
    let tampered = testkit::count(
        &m,
        r#"SELECT count(*) FROM "validation"."sirius_persons" WHERE "doc" ->> 'surname' = 'Tampered'"#,
    )
    .await;
    assert_eq!(tampered, 1, "the view gives Sirius's row where it differs");
    // The difference is taken apart: the key, the column, what was expected and what Sirius has,
    // and the report shows it as an example of its column.
    let diff = m
        .query_one(r#"SELECT "column", "actual" #>> '{}' FROM "validation"."differences_persons""#, &[])
        .await
        .unwrap();
    assert_eq!((diff.get::<_, String>(0), diff.get::<_, String>(1)), ("surname".to_string(), "Tampered".to_string()));
    let report =
        std::fs::read_to_string(env.path().join("reports").join(format!("run-{check}")).join("validation.md")).unwrap();
    assert!(
        report.contains("## Differences field by field")
            && report.contains("| exceptions_persons | surname | 1 |")
            && report.contains("→ \"Tampered\""),
        "{report}"
    );
    let surname: Option<String> = m
        .query_one(r#"SELECT "expected"->>'surname' FROM "validation"."exceptions_persons""#, &[])
        .await
        .unwrap()
        .get(0);
    sirius
        .execute(r#"UPDATE "public"."persons" SET "surname" = $1 WHERE "caserecnumber" = '10000002'"#, &[&surname])
        .await
        .unwrap();
    sirius.batch_execute("RESET session_replication_role").await.unwrap();
    assert_eq!(checksums(&sirius).await, after_first);

    // Validation recomputes death notifications from casrec_csv: a wrong value the transform
    // made (here put into both integration and Sirius, so the load looks right) is caught.
    let recomputed = testkit::count(&m, r#"SELECT count(*) FROM "validation"."casrec_death_notifications""#).await;
    assert_eq!(recomputed, deaths, "every loaded death notification is recomputed from CasRec");
    let (id, method): (i32, Option<String>) = {
        let r = m
            .query_one(r#"SELECT "id", "notificationmethod" FROM "integration"."death_notifications" WHERE "casrec_target" = 'client_death_notifications' ORDER BY "id" LIMIT 1"#, &[])
            .await
            .unwrap();
        (r.get(0), r.get(1))
    };
    let wrong = if method.as_deref() == Some("Fax") { "Phone" } else { "Fax" };
    let set = |table: &'static str, value: Option<String>| {
        let (m, sirius) = (&m, &sirius);
        async move {
            let db = if table.contains("integration") { m } else { sirius };
            db.execute(&format!(r#"UPDATE {table} SET "notificationmethod" = $1 WHERE "id" = $2"#), &[&value, &id])
                .await
                .unwrap();
        }
    };
    sirius.batch_execute("SET session_replication_role = replica").await.unwrap();
    set(r#""integration"."death_notifications""#, Some(wrong.into())).await;
    set(r#""public"."death_notifications""#, Some(wrong.into())).await;
    let check = rt.start_run(None, None).await.unwrap();
    let err = rt.execute(check, Step::Validation, validation::entry).await.unwrap_err().to_string();
    assert!(err.contains("checks failed"), "{err}");
    assert_eq!(testkit::count(&m, r#"SELECT count(*) FROM "validation"."exceptions_death_notifications""#).await, 0);
    let problems: Vec<String> = m
        .query(r#"SELECT "problem" FROM "validation"."casrec_exceptions_death_notifications""#, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(problems, vec!["values differ".to_string()]);
    // Sirius holds the row as integration wrote it, so it was compared column by column without
    // its JSON; the JSON of the row that differs is still shown, and the column named.
    let shown: Option<String> = m
        .query_one(
            r#"SELECT "actual" ->> 'notificationmethod' FROM "validation"."casrec_exceptions_death_notifications""#,
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(shown.as_deref(), Some(wrong));
    let columns: Vec<String> = m
        .query(r#"SELECT "column" FROM "validation"."differences_casrec_death_notifications""#, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(columns, vec!["notificationmethod".to_string()]);
    set(r#""integration"."death_notifications""#, method.clone()).await;
    set(r#""public"."death_notifications""#, method).await;
    sirius.batch_execute("RESET session_replication_role").await.unwrap();
    assert_eq!(checksums(&sirius).await, after_first);

    // Rolling back restores each earlier state exactly.
    load_to_target::rollback(&env.settings.migration_db, &env.settings.sirius_db, second).await.unwrap();
    assert_eq!(checksums(&sirius).await, after_first);
    load_to_target::rollback(&env.settings.migration_db, &env.settings.sirius_db, first).await.unwrap();
    assert_eq!(checksums(&sirius).await, before, "Sirius is as it was before the migration");
    assert_eq!(finance_counter(&sirius).await, 0, "the batch numbers are given back");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changing_the_lay_team_between_runs_migrates_each_team_without_a_reload() {
    let (env, _) = loaded("pipeteam", 150, 9).await;
    let m = env.migration_db.client().await;
    let sirius = env.sirius_db.client().await;
    let team_cases = |team: &'static str| {
        let m = &m;
        async move {
            m.query(
                r#"SELECT DISTINCT "Case" FROM "casrec_csv"."pat" WHERE "Lay Team" = $1 AND "Case" NOT IN ('10000011', '10000012')
                     AND NOT ("Away Date" ~ '^\d{4}-\d{2}-\d{2}' AND substr("Away Date", 1, 10) < '2019-11-01')"#,
                &[&team],
            )
            .await
            .unwrap()
            .iter()
            .map(|r| r.get::<_, String>(0))
            .collect::<std::collections::BTreeSet<String>>()
        }
    };
    let mut expected = std::collections::BTreeSet::new();
    for team in ["1", "2"] {
        let mut settings = env.settings.clone();
        settings.scope.lay_team = team.into();
        let rt = Runtime::connect(settings, RunOptions::default()).await.unwrap();
        migrate_once(&rt).await;
        // Phases accumulate: after team 2, Sirius holds the clients of teams 1 and 2.
        expected.extend(team_cases(if team == "1" { "T1" } else { "T2" }).await);
        let migrated: std::collections::BTreeSet<String> = sirius
            .query(
                r#"SELECT "caserecnumber" FROM "public"."persons" WHERE "type" = 'actor_client' AND "clientsource" = 'CASRECMIGRATION_P3'"#,
                &[],
            )
            .await
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        assert_eq!(migrated, expected, "Sirius after lay team {team}");
    }
    let reloads: i64 = m
        .query_one(r#"SELECT count(*) FROM "migration"."step_runs" WHERE "step" = 'load-casrec'"#, &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(reloads, 1, "CasRec was loaded once");
}

/// The report's account of CasRec rows, against independent counts: every row once; the rows of
/// in-scope cases in a file no target reads are "not migrated" and say why; pat's migrated rows
/// are the clients and its out-of-scope rows those of out-of-scope cases.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn validation_accounts_for_every_casrec_row_file_by_file() {
    let (env, rt) = loaded("pipeacct", 120, 9).await;
    let run = migrate_once(&rt).await;
    let m = env.migration_db.client().await;
    let files = validation::accounting::by_file(&m).await.unwrap();
    assert_eq!(files.len(), casrec_catalog::FILES.len());
    let count = |sql: String| {
        let m = &m;
        async move { m.query_one(&sql, &[]).await.unwrap().get::<_, i64>(0) }
    };
    for f in &files {
        assert_eq!(
            f.migrated + f.excluded + f.held_back + f.orphans + f.out_of_scope + f.not_migrated,
            f.loaded,
            "{f:?}"
        );
        let rows = count(format!(r#"SELECT count(*) FROM "casrec_csv"."{}""#, f.table)).await;
        assert_eq!(f.loaded, rows, "{f:?}");
        assert_eq!(f.read, f.loaded + f.rejected, "{f:?}");
        let lines = f.lines.expect("lines are counted");
        assert_eq!(lines, f.lines_loaded.unwrap() + f.lines_rejected.unwrap() + f.blank_lines, "{f:?}");
        assert!(lines >= f.read, "{f:?}");
    }
    let file = |name: &str| files.iter().find(|f| f.file == name).unwrap_or_else(|| panic!("{name}"));
    // Visits CasRec allocated (visit.csv) are not migrated: their file is accounted for as read
    // by no target.
    let unread = file("visit.csv");
    assert!(unread.loaded > 0);
    assert_eq!(unread.migrated + unread.excluded, 0, "{unread:?}");
    assert!(unread.not_migrated > 0, "{unread:?}");
    assert_eq!(unread.why, validation::accounting::NO_TARGET);
    let tasks = file("sup_activity.csv");
    assert!(tasks.migrated > 0 && tasks.excluded > 0, "active tasks are migrated, the others excluded: {tasks:?}");
    assert!(tasks.rules.iter().any(|(r, n)| r.starts_with("tasks: not an active task") && *n > 0), "{tasks:?}");
    let remarks = file("remarks.csv");
    assert!(remarks.migrated > 0, "notes and priority warnings read remarks: {remarks:?}");
    let pat = file("pat.csv");
    let clients = count(r#"SELECT count(*) FROM "integration"."persons" WHERE "type" = 'actor_client'"#.into()).await;
    assert_eq!(pat.migrated, clients, "{pat:?}");
    let out_of_scope = count(
        r#"SELECT count(*) FROM "casrec_csv"."pat" p JOIN "scope"."cases" s ON s."case_no" = p."Case" AND NOT s."in_scope""#
            .into(),
    )
    .await;
    assert!(out_of_scope > 0, "the generated data has cases out of scope");
    assert_eq!(pat.out_of_scope, out_of_scope, "{pat:?}");
    let report = env.path().join("reports").join(format!("run-{run}")).join("validation.md");
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(text.contains("## CasRec rows") && text.contains("| remarks.csv |"), "{text}");
    // The first screen says which run this is and where every CasRec row went, before the checks.
    let first = text.find("## Checks").expect("a checks section");
    for wanted in [
        "| environment | local |",
        "| as-of date |",
        &format!("| run | {run} "),
        "| scope |",
        "## CasRec rows in total",
    ] {
        let at = text.find(wanted).unwrap_or_else(|| panic!("{wanted} in {text}"));
        assert!(at < first, "{wanted} comes before the checks");
    }
    let read: i64 = files.iter().map(|f| f.read).sum();
    let migrated: i64 = files.iter().map(|f| f.migrated).sum();
    let fmt = |n: i64| {
        let d = n.to_string();
        d.chars().enumerate().fold(String::new(), |mut o, (i, c)| {
            if i > 0 && (d.len() - i).is_multiple_of(3) {
                o.push(',');
            }
            o.push(c);
            o
        })
    };
    assert!(text.contains(&format!("| read from the export | {} |", fmt(read))), "{text}");
    assert!(text.contains(&format!("| migrated | {} |", fmt(migrated))), "{text}");
    let html = std::fs::read_to_string(report.with_extension("html")).unwrap();
    assert!(!html.contains('`') && html.contains("<code>"), "code spans, not backticks, in the HTML");
    // What a reader's browser shows: the page renders, and its text leads with the run and the
    // CasRec-row totals.
    let (png, seen) = testkit::chromium_render(&report.with_extension("html"), &env.path().join("report.png"));
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "a screenshot of the report was taken");
    let run_at = seen.find(&format!("run {run} ")).unwrap_or_else(|| panic!("the run in {seen}"));
    let total_at =
        seen.find(&format!("read from the export {}", fmt(read))).unwrap_or_else(|| panic!("the total in {seen}"));
    let checks_at = seen.find("Checks").unwrap_or_else(|| panic!("the checks in {seen}"));
    assert!(run_at < checks_at && total_at < checks_at, "{seen}");
    assert!(seen.contains(&format!("migrated {}", fmt(migrated))), "{seen}");
    // The mapping document too: its contents list every target and its tables are all there.
    let (png, doc) =
        testkit::chromium_render(&testkit::repo_root().join("docs/mappings.html"), &env.path().join("mappings.png"));
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000);
    assert!(doc.contains("Contents") && doc.contains("Transformations"), "{doc}");
    for t in ["client_persons", "cases", "client_death_notifications"] {
        assert!(doc.contains(t), "{t} in the rendered mapping document");
    }

    // Clean data: rows left out by a rule are excluded, with their rules, and nothing is
    // rejected. The only rows quarantined (for a person to look at) are the two finance cases
    // the generator writes at every scale, as real exports have them: a credit whose Invoice No
    // names no kind of credit, and a billable order no risk assessment gives a start date.
    let on_purpose: std::collections::BTreeMap<String, i64> = m
        .query(
            r#"SELECT "source_table", count(DISTINCT "casrec_row_id") FROM "transform"."quarantine"
                WHERE "target" IN ('finance_ledger_credits', 'finance_order') AND "reason" LIKE '%(quarantined)'
                GROUP BY 1"#,
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get::<_, i64>(1)))
        .collect();
    assert!(on_purpose.values().sum::<i64>() > 0, "the generator's finance edge cases are quarantined");
    assert!(
        files.iter().all(|f| f.quarantined() == on_purpose.get(&f.table).copied().unwrap_or(0) && f.rejected == 0),
        "{on_purpose:?} {files:?}"
    );
    assert!(pat.excluded + file("crec.csv").excluded > 0, "{files:?}");
    assert!(file("crec.csv").rules.iter().any(|(r, n)| r.starts_with("crec_persons: an older crec row") && *n > 0));
    let steps = migration_core::ledger::step_runs(&m, run).await.unwrap();
    let transform = steps.iter().find(|s| s.step == "transform-casrec").unwrap();
    let recorded = testkit::count(
        &m,
        r#"SELECT count(*) FROM "transform"."exceptions" WHERE "target" IN ('finance_ledger_credits', 'finance_order')"#,
    )
    .await;
    let all_recorded = testkit::count(&m, r#"SELECT count(*) FROM "transform"."exceptions""#).await;
    assert_eq!((transform.rows_quarantined, all_recorded), (Some(recorded), recorded), "{transform:?}");
    assert!(transform.rows_excluded.unwrap_or(0) > 0, "{transform:?}");
    let by_rule: i64 = transform.excluded_by_rule.iter().map(|(_, n)| n).sum();
    assert_eq!(Some(by_rule), transform.rows_excluded, "every excluded row has its rule: {transform:?}");
    assert!(transform.excluded_by_rule.iter().any(|(r, _)| r.starts_with("client_phonenumbers: ")), "{transform:?}");
}

/// Sirius is live after a load: a caseworker's edit to a migrated row survives a rerun, which
/// lists it (table, id, the columns changed) and says nothing else changed; only
/// --overwrite-sirius-edits overwrites it, and rolling that run back brings the edit back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rerun_keeps_rows_edited_in_sirius_lists_them_and_overwrites_only_when_asked() {
    let (env, rt) = loaded("pipeedit", 80, 7).await;
    let sirius = env.sirius_db.client().await;
    let m = env.migration_db.client().await;
    let first = migrate_once(&rt).await;
    let row = sirius
        .query_one(
            r#"SELECT "id", "surname" FROM "public"."persons"
                WHERE "clientsource" = 'CASRECMIGRATION_P3' AND "type" = 'actor_client' ORDER BY "id" LIMIT 1"#,
            &[],
        )
        .await
        .unwrap();
    let (id, migrated): (i32, String) = (row.get(0), row.get(1));
    sirius
        .execute(r#"UPDATE "public"."persons" SET "surname" = 'Edited-in-Sirius' WHERE "id" = $1"#, &[&id])
        .await
        .unwrap();
    let surname = || async {
        sirius
            .query_one(r#"SELECT "surname" FROM "public"."persons" WHERE "id" = $1"#, &[&id])
            .await
            .unwrap()
            .get::<_, String>(0)
    };

    // A rerun on the same input keeps the edit (and validation, which counts it apart, passes).
    let second = migrate_once(&rt).await;
    assert_eq!(surname().await, "Edited-in-Sirius");
    let edits = |run: RunId| {
        let m = &m;
        async move {
            m.query(
                r#"SELECT "table_name", "id", "columns", "input_unchanged", "overwritten", "loaded_by_run"
                     FROM "migration"."sirius_edits" WHERE "run_id" = $1 ORDER BY 1, 2"#,
                &[&run],
            )
            .await
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r.get::<_, String>(0),
                    r.get::<_, i64>(1),
                    r.get::<_, Vec<String>>(2),
                    r.get::<_, bool>(3),
                    r.get::<_, bool>(4),
                    r.get::<_, i64>(5),
                )
            })
            .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        edits(second).await,
        vec![("persons".to_string(), id as i64, vec!["surname".to_string()], true, false, first)]
    );
    let summary: String = m
        .query_one(
            r#"SELECT "details" ->> 'summary' FROM "migration"."step_runs" WHERE "run_id" = $1 AND "step" = 'load-to-target'"#,
            &[&second],
        )
        .await
        .unwrap()
        .get(0);
    assert!(
        summary.contains(&format!("nothing changed since run {first}")) && summary.contains("1 rows changed in Sirius"),
        "{summary}"
    );

    // Asked to, a run overwrites the edit, and its rollback restores it.
    let overwriting =
        Runtime::connect(env.settings.clone(), RunOptions { overwrite_sirius_edits: true, ..Default::default() })
            .await
            .unwrap();
    let third = migrate_once(&overwriting).await;
    assert_eq!(surname().await, migrated);
    assert_eq!(
        edits(third).await,
        vec![("persons".to_string(), id as i64, vec!["surname".to_string()], true, true, first)]
    );
    load_to_target::rollback(&env.settings.migration_db, &env.settings.sirius_db, third).await.unwrap();
    assert_eq!(surname().await, "Edited-in-Sirius");
}

/// The as-of date is the only "today": a rerun with the same date changes no row Sirius holds
/// (the wall clock is never read, so a rerun on another day is this rerun), and a run with a later
/// date changes only columns decided by "today", which the report lists with both dates. Reports
/// ending between the two dates' thresholds move on (PENDING to DUE, DUE to OVERDUE…).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_as_of_date_changes_only_the_columns_that_depend_on_it_and_the_report_says_so() {
    let (env, rt) = loaded("pipeasof", 150, 13).await;
    let sirius = env.sirius_db.client().await;
    let m = env.migration_db.client().await;
    migrate_once(&rt).await;
    let first = checksums(&sirius).await;
    migrate_once(&rt).await;
    assert_eq!(checksums(&sirius).await, first, "the same as-of date changes nothing");
    let unchanged = testkit::count(&m, r#"SELECT count(*) FROM "validation"."changes_since_earlier_runs""#).await;
    assert_eq!(unchanged, 0);
    // Three months on: later than every report period that ends within the export's last weeks.
    let mut settings = env.settings.clone();
    settings.run.as_of_date = "2027-02-01".into();
    let later = Runtime::connect(settings, RunOptions::default()).await.unwrap();
    let run = migrate_once(&later).await;
    let changed: Vec<(String, String, i64, String, String)> = m
        .query(
            r#"SELECT "table_name", "column_name", "rows", "earlier_as_of", "as_of"
                 FROM "validation"."changes_since_earlier_runs" ORDER BY 1, 2"#,
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4)))
        .collect();
    // Every column a mapping takes from the as-of date (as_of_date() in mappings/), and
    // updateddate, which Sirius stamps itself on every update.
    let depends_on_today = [
        ("annual_report_logs", "status"),
        ("annual_report_logs", "reviewstatus"),
        ("cases", "createddate"),
        // An invoice still in aged debt without a fee check date counts as confirmed that day.
        ("finance_invoice", "confirmeddate"),
        ("persons", "statusdate"),
        ("supervision_level_log", "appliesfrom"),
        ("supervision_level_log", "createddate"),
        ("tasks", "createdtime"),
        ("timeline_event", "event"),
        ("timeline_event", "timestamp"),
        ("warnings", "dateadded"),
    ];
    for (table, column, rows, then, now) in &changed {
        assert!(
            column == "updateddate" || depends_on_today.contains(&(table.as_str(), column.as_str())),
            "{table}.{column} changed in {rows} rows with the as-of date"
        );
        assert_eq!((then.as_str(), now.as_str()), ("2026-11-01", "2027-02-01"), "{table}.{column}");
    }
    assert!(
        changed.iter().any(|(t, c, rows, _, _)| t == "annual_report_logs" && c == "status" && *rows > 0),
        "some report changed status: {changed:?}"
    );
    // Only updates: no row was added or removed by the later date.
    let inserted = testkit::count(
        &m,
        &format!(r#"SELECT count(*) FROM "migration"."loaded_rows" WHERE "run_id" = {run} AND "action" = 'INSERT'"#),
    )
    .await;
    assert_eq!(inserted, 0);
    let report =
        std::fs::read_to_string(env.settings.validation.report_dir.join(format!("run-{run}")).join("validation.md"))
            .unwrap();
    assert!(report.contains("## Changed since earlier runs"), "{report}");
    assert!(report.contains("| annual_report_logs | status |"), "{report}");
}

/// An export without one of the optional finance extracts: load-casrec loads it as an empty
/// table, the transform names the targets that go without it, and those targets still run
/// (an invoice the fee check would have confirmed has no confirmation date).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_optional_extract_is_reported_with_the_targets_it_leaves_without_data() {
    let env = TestEnv::new("pipemissing").await;
    let out = env.path().join("export");
    casrec_gen::generate(&casrec_gen::GenerateOptions { clients: 60, seed: 4, out_dir: out.clone(), defect_rate: 0.0 })
        .unwrap();
    std::fs::remove_file(out.join("sop_feecheck.csv")).unwrap();
    env.upload_csvs(&out).await;
    sirius_standin::install(&mut env.sirius_db.client().await).await.unwrap();
    let rt = Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap();
    let run = rt.start_run(None, None).await.unwrap();
    rt.execute(run, Step::Prepare, prepare::entry).await.unwrap();
    rt.execute(run, Step::LoadCasrec, load_casrec::entry).await.unwrap();
    rt.execute(run, Step::TransformCasrec, transform_casrec::entry).await.unwrap();
    let m = env.migration_db.client().await;
    let missing: serde_json::Value = m
        .query_one(
            r#"SELECT "details" -> 'missing_extracts' FROM "migration"."step_runs"
                WHERE "run_id" = $1 AND "step" = 'transform-casrec'"#,
            &[&run],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(
        missing,
        serde_json::json!([{ "file": "sop_feecheck.csv", "table": "sop_feecheck",
                             "targets": ["finance_invoice_ad", "finance_invoice_non_ad"] }])
    );
    let invoices = testkit::count(&m, r#"SELECT count(*) FROM "transform"."finance_invoice""#).await;
    assert!(invoices > 0, "the invoice targets ran without the fee check");
}
