//! The `migrate` binary end to end, against a real PostgreSQL and an S3 endpoint.

use std::process::{Command, Output};

use testkit::TestEnv;

/// A `migrate` command pointed at the test's databases and endpoint through the environment,
/// as an operator's shell or a container would point it.
fn migrate(env: &TestEnv) -> Command {
    let s = &env.settings;
    let mut c = Command::new(env!("CARGO_BIN_EXE_migrate"));
    c.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("MIGRATION_ENVIRONMENT", "local")
        .env("MIGRATION_CONFIG_DIR", testkit::repo_root().join("config"))
        .env("MIGRATION__MIGRATION_DB__HOST", &s.migration_db.host)
        .env("MIGRATION__MIGRATION_DB__PORT", s.migration_db.port.to_string())
        .env("MIGRATION__MIGRATION_DB__USER", &s.migration_db.user)
        .env("MIGRATION__MIGRATION_DB__DBNAME", &s.migration_db.dbname)
        .env("MIGRATION__SIRIUS_DB__HOST", &s.sirius_db.host)
        .env("MIGRATION__SIRIUS_DB__PORT", s.sirius_db.port.to_string())
        .env("MIGRATION__SIRIUS_DB__USER", &s.sirius_db.user)
        .env("MIGRATION__SIRIUS_DB__DBNAME", &s.sirius_db.dbname)
        .env("MIGRATION__S3__ENDPOINT", s.s3.endpoint().unwrap())
        .env("MIGRATION__S3__BUCKET", &s.s3.bucket)
        .env("MIGRATION__S3__EMBEDDED_ROOT", "")
        .env("MIGRATION__LOAD_S3__SOURCE_DIR", &s.load_s3.source_dir)
        .env("MIGRATION__VALIDATION__REPORT_DIR", &s.validation.report_dir)
        .env("MIGRATION__LOGGING__FORMAT", "json");
    c
}

fn run(cmd: &mut Command) -> (bool, String) {
    let Output { status, stdout, stderr } = cmd.output().expect("migrate runs");
    let text = format!("{}{}", String::from_utf8_lossy(&stdout), String::from_utf8_lossy(&stderr));
    (status.success(), text)
}

/// A minimal export: every catalogue file with its header, and pat with one client.
fn write_export(env: &TestEnv) {
    let dir = env.data_dir();
    std::fs::create_dir_all(&dir).unwrap();
    for f in casrec_catalog::FILES {
        let mut body = format!("{}\n", f.columns.join(","));
        if f.table == "pat" {
            let mut row = vec![""; f.columns.len()];
            row[f.columns.iter().position(|c| *c == "Case").unwrap()] = "10000001";
            body.push_str(&format!("{}\n", row.join(",")));
        }
        std::fs::write(dir.join(f.file), body).unwrap();
    }
}

/// A test environment with the CasRec export in its bucket and the Sirius stand-in installed.
async fn exported(purpose: &str) -> TestEnv {
    let env = TestEnv::new(purpose).await;
    write_export(&env);
    let (ok, out) = run(migrate(&env).args(["sirius", "init"]));
    assert!(ok, "{out}");
    env
}

#[test]
fn steps_lists_the_pipeline_in_order() {
    let (ok, out) =
        run(Command::new(env!("CARGO_BIN_EXE_migrate")).args(["steps"]).env("MIGRATION_ENVIRONMENT", "production"));
    assert!(ok, "{out}");
    let order: Vec<usize> =
        ["load-s3", "prepare", "load-casrec", "transform-casrec", "integration", "load-to-target", "validation"]
            .iter()
            .map(|s| out.find(s).unwrap_or_else(|| panic!("{s} missing from {out}")))
            .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{out}");
    assert!(out.contains("not in this environment"), "load-s3 is marked as not running in production: {out}");
}

#[test]
fn tables_prints_the_registry_parents_first() {
    let (ok, out) = run(Command::new(env!("CARGO_BIN_EXE_migrate")).args(["tables"]).env("COLUMNS", "400"));
    assert!(ok, "{out}");
    let at = |t: &str| out.find(&format!(" {t} ")).unwrap_or_else(|| panic!("{t} missing from {out}"));
    for t in migration_core::registry::TABLES {
        at(t.name);
    }
    assert!(at("persons") < at("cases") && at("cases") < at("order_deputy"), "{out}");
    assert!(out.contains("link (person_id, caseitem_id)") && out.contains("rule deputy_fee_payer"), "{out}");
}

#[test]
fn an_unknown_environment_or_bad_value_is_named() {
    let (ok, out) = run(Command::new(env!("CARGO_BIN_EXE_migrate")).args(["-e", "staging", "steps"]));
    assert!(!ok);
    assert!(out.contains("staging") && out.contains("local, development, preproduction, qa, production"), "{out}");
    let (ok, out) = run(Command::new(env!("CARGO_BIN_EXE_migrate")).args(["--set", "migration_db.port=abc", "steps"]));
    assert!(!ok);
    assert!(out.contains("migration_db.port") && out.contains("from --set"), "the value's origin is --set: {out}");
    assert!(!out.contains("from the environment"), "{out}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_database_is_named_as_configured_with_what_failed() {
    let env = TestEnv::new("cliport").await;
    // A port nothing listens on: the message names the configured database and says "refused".
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let (ok, out) = run(migrate(&env).env("MIGRATION__MIGRATION_DB__PORT", port.to_string()).args(["step", "prepare"]));
    assert!(!ok);
    let wanted = format!(
        "cannot reach the migration database at {}:{port} (database {:?}",
        env.settings.migration_db.host, env.settings.migration_db.dbname
    );
    assert!(out.contains(&wanted), "names the configured database: {out}");
    assert!(out.contains("connection refused"), "says what failed: {out}");
    // A user PostgreSQL does not know: authentication (or role) refused, not "unreachable" alone.
    let (ok, out) =
        run(migrate(&env).env("MIGRATION__MIGRATION_DB__USER", "no_such_user_here").args(["step", "prepare"]));
    assert!(!ok);
    assert!(
        out.contains("no_such_user_here")
            && (out.contains("authentication failed") || out.contains("refused the connection")),
        "{out}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_step_whose_inputs_are_missing_names_the_step_to_run_first() {
    let env = exported("clifirst").await;
    let (ok, out) = run(migrate(&env).args(["step", "validation"]));
    assert!(!ok);
    assert!(out.contains("integration") && out.contains("first"), "{out}");
    assert!(!out.contains("does not exist"), "no raw PostgreSQL error: {out}");
    let (ok, out) = run(migrate(&env).args(["step", "integration"]));
    assert!(!ok);
    assert!(out.contains("transform-casrec") && out.contains("first"), "{out}");
    assert!(!out.contains("does not exist"), "no raw PostgreSQL error: {out}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn run_resumes_only_where_the_ledger_allows_and_migrates_end_to_end() {
    let env = TestEnv::new("cli").await;
    write_export(&env);

    let (ok, out) = run(migrate(&env).args(["sirius", "init"]));
    assert!(ok, "{out}");

    let (ok, out) = run(migrate(&env).args(["run", "--from", "integration"]));
    assert!(!ok);
    assert!(out.contains("cannot resume from integration: transform-casrec has never run here"), "{out}");

    let (ok, out) = run(migrate(&env).args(["run", "--to", "load-casrec"]));
    assert!(ok, "{out}");
    for step in ["load-s3", "prepare", "load-casrec"] {
        assert!(out.contains(step), "{step} in the summary: {out}");
    }
    let m = env.migration_db.client().await;
    let n: i64 = m.query_one(r#"SELECT count(*) FROM "casrec_csv"."pat""#, &[]).await.unwrap().get(0);
    assert_eq!(n, 1);

    let (ok, out) = run(migrate(&env).args(["run", "--from", "transform-casrec"]));
    assert!(ok, "{out}");
    let s = env.sirius_db.client().await;
    let client: i64 = s
        .query_one(r#"SELECT count(*) FROM "public"."persons" WHERE "caserecnumber" = '10000001' AND "clientsource" = 'CASRECMIGRATION_P3'"#, &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(client, 1, "the one client was migrated onto the existing Sirius record");

    let (ok, out) = run(migrate(&env).args(["status"]));
    assert!(ok, "{out}");
    let statuses: Vec<(String, String)> = m
        .query(r#"SELECT "step", "status" FROM "migration"."step_runs" ORDER BY "step_run_id""#, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let expected: Vec<(String, String)> =
        ["load-s3", "prepare", "load-casrec", "transform-casrec", "integration", "load-to-target", "validation"]
            .iter()
            .map(|s| (s.to_string(), "succeeded".to_string()))
            .collect();
    assert_eq!(statuses, expected);

    let run_id: i64 = m.query_one(r#"SELECT max("run_id") FROM "migration"."runs""#, &[]).await.unwrap().get(0);
    let (ok, out) = run(migrate(&env).args(["rollback", "--run", &run_id.to_string()]));
    assert!(ok, "{out}");
    assert!(out.contains("rolled back"), "{out}");
}

/// The transform's parts, as the state machine's tasks run them, through `migrate step --part`;
/// integration refuses a transform whose parts have not finished.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_transform_runs_part_by_part_and_integration_waits_for_finish() {
    let env = exported("cliparts").await;
    let (ok, out) = run(migrate(&env).args(["run", "--to", "load-casrec"]));
    assert!(ok, "{out}");
    let m = env.migration_db.client().await;
    let run_id: i64 = m.query_one(r#"SELECT max("run_id") FROM "migration"."runs""#, &[]).await.unwrap().get(0);
    let id = run_id.to_string();
    let parts: Vec<String> = transform_casrec::parts::stages().into_iter().flatten().map(|p| p.to_string()).collect();
    for p in &parts[..parts.len() - 1] {
        let (ok, out) = run(migrate(&env).args(["step", "transform-casrec", "--part", p, "--run-id", &id]));
        assert!(ok, "{p}: {out}");
    }
    let (ok, out) = run(migrate(&env).args(["step", "integration", "--run-id", &id]));
    assert!(!ok, "{out}");
    assert!(out.contains(&format!("transform-casrec has not finished run {run_id}")), "{out}");
    let (ok, out) = run(migrate(&env).args(["run", "--from", "integration"]));
    assert!(!ok);
    assert!(out.contains("cannot resume from integration"), "parts alone do not complete the step: {out}");

    let (ok, out) = run(migrate(&env).args(["step", "transform-casrec", "--part", "finish", "--run-id", &id]));
    assert!(ok, "{out}");
    assert!(out.contains("transform-casrec (finish)"), "the part is in the summary: {out}");
    let (ok, out) = run(migrate(&env).args(["run", "--from", "integration"]));
    assert!(ok, "{out}");
    let (ok, out) = run(migrate(&env).args(["step", "prepare", "--part", "scope"]));
    assert!(!ok);
    assert!(out.contains("prepare does not run in parts"), "{out}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_step_runs_alone_under_an_existing_run_or_its_own() {
    let env = exported("clistep").await;
    let (ok, out) = run(migrate(&env).args(["step", "prepare"]));
    assert!(ok, "{out}");
    let (ok, out) = run(migrate(&env).args(["step", "prepare", "--run-id", "999"]));
    assert!(!ok);
    assert!(out.contains("run 999 is not in the ledger"), "{out}");
}

async fn sirius_checksum(db: &tokio_postgres::Client) -> Vec<(String, i64, String)> {
    let tables: Vec<&str> = migration_core::registry::TABLES.iter().map(|t| t.name).collect();
    testkit::table_checksums(db, "public", &tables).await
}

/// Every index of Sirius's public tables with its definition and whether it is usable.
async fn sirius_indexes(db: &tokio_postgres::Client) -> Vec<(String, String, bool)> {
    db.query(
        "SELECT c.relname::text, pg_get_indexdef(i.indexrelid), i.indisvalid AND i.indisready
           FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' ORDER BY 1",
        &[],
    )
    .await
    .unwrap()
    .iter()
    .map(|r| (r.get(0), r.get(1), r.get(2)))
    .collect()
}

/// Into an empty Sirius, load-to-target drops each table's read-only indexes for its INSERT and
/// builds them again after it (indexes.rs): Sirius ends with the very indexes it had, every one
/// usable, and validation passes on what was loaded.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_load_into_an_empty_sirius_builds_its_read_only_indexes_after_the_rows() {
    let env = TestEnv::new("cliidx").await;
    casrec_gen::generate(&casrec_gen::GenerateOptions {
        clients: 200,
        seed: 5,
        out_dir: env.data_dir(),
        defect_rate: 0.0,
    })
    .unwrap();
    let (ok, out) = run(migrate(&env).args(["sirius", "init"]));
    assert!(ok, "{out}");
    let sirius = env.sirius_db.client().await;
    let before = sirius_indexes(&sirius).await;
    assert!(before.len() > 50, "the stand-in has Sirius's indexes: {}", before.len());

    let (ok, out) = run(migrate(&env).args(["run"]));
    assert!(ok, "{out}");
    let rebuilt: Vec<&str> =
        out.lines().filter(|l| l.contains("read-only indexes built again after the new rows")).collect();
    assert!(
        rebuilt.iter().any(|l| l.contains(r#""table":"supervision_notes""#))
            && rebuilt.iter().any(|l| l.contains(r#""table":"persons""#)),
        "{out}"
    );
    assert_eq!(sirius_indexes(&sirius).await, before, "the same indexes, each usable");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_load_killed_half_way_leaves_sirius_unchanged_and_the_next_run_succeeds() {
    let env = exported("clikill").await;
    let (ok, out) = run(migrate(&env).args(["run", "--to", "integration"]));
    assert!(ok, "{out}");
    let sirius = env.sirius_db.client().await;
    let before = sirius_checksum(&sirius).await;

    // Hold a lock the load will need after it has written persons and cases, so it stops half
    // way inside its transaction; then kill it there.
    let mut blocker = env.sirius_db.client().await;
    let tx = blocker.transaction().await.unwrap();
    tx.batch_execute(r#"LOCK TABLE "public"."order_deputy" IN ACCESS EXCLUSIVE MODE"#).await.unwrap();
    let mut child = migrate(&env).args(["step", "load-to-target"]).spawn().unwrap();
    let mut waited = 0;
    loop {
        let blocked: i64 = sirius
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
                &[],
            )
            .await
            .unwrap()
            .get(0);
        if blocked > 0 {
            break;
        }
        waited += 1;
        assert!(waited < 300, "the load never reached the locked table");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    tx.rollback().await.unwrap();
    // The server notices the dropped connection and rolls its transaction back.
    let mut settled = 0;
    while sirius_checksum(&sirius).await != before {
        settled += 1;
        assert!(settled < 50, "Sirius changed after the killed load");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    let (ok, out) = run(migrate(&env).args(["step", "load-to-target"]));
    assert!(ok, "the next run succeeds: {out}");
    assert_ne!(sirius_checksum(&sirius).await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_row_sirius_refuses_rolls_the_load_back_and_is_named_with_its_source() {
    let env = exported("clirefuse").await;
    let (ok, out) = run(migrate(&env).args(["run", "--to", "integration"]));
    assert!(ok, "{out}");
    let m = env.migration_db.client().await;
    let sirius = env.sirius_db.client().await;
    // Something takes the id integration gave the client's new address.
    let id: i32 = m
        .query_one(r#"SELECT min("id") FROM "integration"."addresses" WHERE "load_action" = 'INSERT'"#, &[])
        .await
        .unwrap()
        .get(0);
    sirius
        .execute(r#"INSERT INTO "public"."addresses" ("id", "town") VALUES ($1, 'In the way')"#, &[&id])
        .await
        .unwrap();
    let before = sirius_checksum(&sirius).await;

    let (ok, out) = run(migrate(&env).args(["step", "load-to-target"]));
    assert!(!ok, "{out}");
    assert!(out.contains("Sirius refused the rows of addresses") && out.contains("addresses_pkey"), "{out}");
    assert!(out.contains("source client_address:10000001: client_addresses line 2"), "{out}");
    assert_eq!(sirius_checksum(&sirius).await, before, "nothing was loaded");
    let error: String = m
        .query_one(r#"SELECT "error" FROM "migration"."step_runs" WHERE "step" = 'load-to-target' ORDER BY "step_run_id" DESC LIMIT 1"#, &[])
        .await
        .unwrap()
        .get(0);
    assert!(error.contains("client_address:10000001"), "the ledger names the row: {error}");
}

/// load-to-target checks new rows' foreign keys in one pass per key with triggers off
/// (foreign_keys.rs): a row whose parent does not exist still refuses the whole load, in
/// PostgreSQL's words, with its CasRec source.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_row_naming_no_parent_rolls_the_load_back_and_is_named_with_its_source() {
    let env = exported("clifk").await;
    let (ok, out) = run(migrate(&env).args(["run", "--to", "integration"]));
    assert!(ok, "{out}");
    let m = env.migration_db.client().await;
    let sirius = env.sirius_db.client().await;
    // Integration points the first new address at a person nobody has.
    let id: i32 = m
        .query_one(
            r#"UPDATE "integration"."addresses" SET "person_id" = 2000000000
                WHERE "id" = (SELECT min("id") FROM "integration"."addresses" WHERE "load_action" = 'INSERT')
               RETURNING "id""#,
            &[],
        )
        .await
        .unwrap()
        .get(0);
    let before = sirius_checksum(&sirius).await;
    let indexes = sirius_indexes(&sirius).await;

    let (ok, out) = run(migrate(&env).args(["step", "load-to-target"]));
    assert!(!ok, "{out}");
    assert_eq!(sirius_indexes(&sirius).await, indexes, "the indexes dropped for the INSERT are back");
    assert!(
        out.contains("Sirius refused the rows of addresses")
            && out.contains("violates foreign key constraint")
            && out.contains("Key (person_id)=(2000000000) is not present in table persons")
            && out.contains(&format!("(id)=({id})")),
        "{out}"
    );
    assert!(out.contains("source client_address:10000001: client_addresses line 2"), "{out}");
    assert_eq!(sirius_checksum(&sirius).await, before, "nothing was loaded");
}

/// Two runs against one environment: while one holds it, `migrate run`, `migrate step` and
/// `migrate rollback` are refused at once, naming the holder and leaving no trace in the ledger;
/// when it ends, the next goes ahead. The summary tells excluded, quarantined and rejected apart.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_run_is_refused_while_one_holds_the_environment() {
    use migration_core::step::{RunOptions, Runtime};
    let env = exported("clilock").await;
    let holder = Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap();
    holder.claim(None, "migrate run").await.unwrap();
    let held = holder.start_run(None, None).await.unwrap();
    holder.claim(Some(held), "load-casrec").await.unwrap();
    let m = env.migration_db.client().await;

    let holder_named = format!(
        "environment local is in use: run {held} (load-casrec, environment local) started {}",
        chrono::Utc::now().format("%Y-%m-%d")
    );
    let host = format!("on {} (pid {})", migration_core::lock::host_name(), std::process::id());
    for args in [vec!["run"], vec!["step", "prepare"], vec!["rollback", "--run", &held.to_string()]] {
        let started = std::time::Instant::now();
        let (ok, out) = run(migrate(&env).args(&args));
        assert!(!ok, "{args:?}: {out}");
        assert!(out.contains(&holder_named) && out.contains(&host), "{args:?} names the holder: {out}");
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "{args:?} refused at once");
    }
    assert_eq!(testkit::count(&m, r#"SELECT count(*) FROM "migration"."runs""#).await, 1, "refusals leave no run");
    assert_eq!(testkit::count(&m, r#"SELECT count(*) FROM "migration"."step_runs""#).await, 0);

    holder.release().await;
    let (ok, out) = run(migrate(&env).args(["run", "--to", "transform-casrec"]));
    assert!(ok, "{out}");
    assert!(
        out.contains("excluded by a rule") && out.contains("quarantined") && out.contains("rejected at load"),
        "{out}"
    );
    let line = out.lines().find(|l| l.starts_with("✔ transform-casrec:")).unwrap_or_else(|| panic!("{out}"));
    assert!(line.ends_with(" excluded by a rule, 0 quarantined, 0 rejected at load"), "{line}");
    // The client without a phone number is excluded by that rule, and the rule is named.
    assert!(out.contains("transform-casrec: client_phonenumbers: "), "{out}");
}

/// A person at a terminal: the run in a pseudo-terminal (util-linux `script`), its output
/// rendered by a terminal emulator. Bars were drawn while the steps ran, and none is left in
/// what the person sees: log lines went above them and finished bars were cleared. The step
/// results are sentences with their units, and the run ends with the validation verdict and
/// where the report is.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_at_a_terminal_leaves_no_stale_progress_bars() {
    let env = TestEnv::new("clipty").await;
    casrec_gen::generate(&casrec_gen::GenerateOptions {
        clients: 300,
        seed: 3,
        out_dir: env.data_dir(),
        defect_rate: 0.0,
    })
    .unwrap();
    let (ok, out) = run(migrate(&env).args(["sirius", "init"]));
    assert!(ok, "{out}");
    let command = format!("stty cols 120 rows 40; exec {} run", env!("CARGO_BIN_EXE_migrate"));
    let c = migrate(&env);
    let output = std::process::Command::new("script")
        .args(["-qefc", &command, "/dev/null"])
        .envs(c.get_envs().filter_map(|(k, v)| v.map(|v| (k.to_owned(), v.to_owned()))))
        .env("MIGRATION__LOGGING__FORMAT", "auto")
        .env("TERM", "xterm-256color")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script runs");
    let raw = output.stdout;
    let text = String::from_utf8_lossy(&raw).to_string();
    assert!(output.status.success(), "{text}");
    // A terminal taller than the output, so nothing scrolls away and every line can be read.
    let mut screen = vt100::Parser::new(5000, 120, 0);
    screen.process(&raw);
    let seen = screen.screen().contents();
    let is_bar = |l: &str| {
        l.contains('[') && l.contains("] ") && (l.contains("iB/") || l.contains(" files ") || l.contains(" targets "))
    };
    assert!(text.lines().any(is_bar) || text.contains("load-casrec"), "bars were drawn: {text}");
    let stale: Vec<&str> = seen.lines().filter(|l| is_bar(l)).collect();
    assert!(stale.is_empty(), "stale bars left on screen: {stale:?}\n{seen}");
    assert!(seen.contains("load-casrec succeeded in") && seen.contains("rows in,"), "{seen}");
    assert!(seen.contains("validation succeeded in") && seen.contains("checks in"), "{seen}");
    assert!(!seen.contains("seconds="), "no float noise: {seen}");
    assert!(seen.contains("validation: PASS; report"), "{seen}");
    let last = seen.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or_default();
    assert!(last.starts_with("validation: PASS; report"), "the verdict is the last line: {last}");
}
