//! The core targets' Sirius result, held as per-table checksums of one run on generated data.
//! The file `golden/core_result.txt` was written by the build before the table registry, so
//! this test proves that the registry, the generic integration and every later change give row
//! for row the same Sirius (and the same ledger keys, which reruns match by) as before.
//! `GOLDEN_UPDATE=1` rewrites the file, for a change that means to alter the result: review
//! its diff like any other.

use migration_core::step::{RunOptions, Runtime};
use migration_core::Step;
use testkit::TestEnv;

const CORE: &[&str] =
    &["persons", "cases", "addresses", "phonenumbers", "person_caseitem", "order_deputy", "supervision_level_log"];

fn golden_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/core_result.txt")
}

/// Count and md5 of a table's rows as JSON, without the columns Sirius's trigger stamps with the
/// wall clock.
async fn checksum(db: &tokio_postgres::Client, sql_from: &str) -> (i64, String) {
    let r = db
        .query_one(
            &format!(
                r#"SELECT count(*), coalesce(md5(string_agg(j, E'\n' ORDER BY j)), '')
                     FROM (SELECT (to_jsonb(x) - 'updateddate')::text AS j FROM {sql_from} x) y"#
            ),
            &[],
        )
        .await
        .unwrap_or_else(|e| panic!("checksum of {sql_from}: {e}"));
    (r.get(0), r.get(1))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_core_targets_give_the_same_sirius_rows_as_before_the_registry() {
    let env = TestEnv::new("golden").await;
    let out = env.path().join("export");
    casrec_gen::generate(&casrec_gen::GenerateOptions {
        clients: 300,
        seed: 3,
        out_dir: out.clone(),
        defect_rate: 0.0,
    })
    .unwrap();
    env.upload_csvs(&out).await;
    sirius_standin::install(&mut env.sirius_db.client().await).await.unwrap();
    let rt = Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap();
    let run = rt.start_run(None, None).await.unwrap();
    for (step, f) in [
        (Step::Prepare, prepare::entry as migration_core::StepFn),
        (Step::LoadCasrec, load_casrec::entry),
        (Step::TransformCasrec, transform_casrec::entry),
        (Step::Integration, integration::entry),
        (Step::LoadToTarget, load_to_target::entry),
    ] {
        rt.execute(run, step, f).await.unwrap_or_else(|e| panic!("{e}"));
    }
    let sirius = env.sirius_db.client().await;
    let m = env.migration_db.client().await;
    let mut lines = Vec::new();
    for t in CORE {
        let (n, sum) = checksum(&sirius, &format!("\"public\".\"{t}\"")).await;
        lines.push(format!("sirius {t} {n} {sum}"));
        let (n, sum) = checksum(
            &m,
            &format!(
                "(SELECT \"table_name\", \"id\", \"migration_key\", \"action\" FROM \"migration\".\"loaded_rows\" WHERE \"table_name\" = '{t}')"
            ),
        )
        .await;
        lines.push(format!("ledger {t} {n} {sum}"));
    }
    let actual = lines.join("\n") + "\n";
    if std::env::var_os("GOLDEN_UPDATE").is_some() {
        std::fs::write(golden_path(), &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(golden_path()).expect("tests/golden/core_result.txt");
    assert_eq!(actual, expected, "the core targets' Sirius result changed (GOLDEN_UPDATE=1 rewrites it for review)");
}
