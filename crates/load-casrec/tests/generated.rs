//! load-casrec on the generator's output with defects injected: every row of every file is
//! either loaded at its line or rejected at its line, and every injected defect shows up.

use std::collections::{BTreeMap, BTreeSet};

use aws_sdk_s3::primitives::ByteStream;
use migration_core::step::{RunOptions, Runtime};
use migration_core::Step;
use testkit::TestEnv;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_injected_defect_is_rejected_or_loaded_at_its_line_and_nothing_vanishes() {
    let env = TestEnv::new("lcgen").await;
    let out = env.path().join("export");
    let manifest = casrec_gen::generate(&casrec_gen::GenerateOptions {
        clients: 300,
        seed: 7,
        out_dir: out.clone(),
        defect_rate: 0.02,
    })
    .unwrap();
    assert!(!manifest.defects.is_empty());

    let s3 = &env.settings.s3;
    let c = migration_core::s3::client(s3).await;
    migration_core::s3::ensure_bucket(&c, s3).await.unwrap();
    for f in &manifest.files {
        let body = std::fs::read(out.join(&f.file)).unwrap();
        c.put_object().bucket(&s3.bucket).key(s3.key(&f.file)).body(ByteStream::from(body)).send().await.unwrap();
    }

    let rt = Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap();
    let run = rt.start_run(None, None).await.unwrap();
    let counts = rt.execute(run, Step::LoadCasrec, load_casrec::entry).await.unwrap();
    let total_rows: u64 = manifest.files.iter().map(|f| f.rows).sum();
    assert_eq!(counts.rows_in, total_rows, "every data row of every file was read");
    assert_eq!(counts.rows_in, counts.rows_out + counts.rows_quarantined);

    let db = env.migration_db.client().await;
    let summary: BTreeMap<String, (i64, i64, i64)> = db
        .query(r#"SELECT "file", "rows_read", "rows_loaded", "rows_rejected" FROM "casrec_csv"."load_summary""#, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), (r.get(1), r.get(2), r.get(3))))
        .collect();
    for f in &manifest.files {
        let (read, _, _) = summary[&f.file];
        assert_eq!(read as u64, f.rows, "{}: rows read", f.file);
    }

    let rejects: BTreeSet<(String, i64)> = db
        .query(r#"SELECT "file", "line" FROM "casrec_csv"."rejects""#, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let mut expected_rejects = BTreeSet::new();
    for d in &manifest.defects {
        let table = casrec_catalog::by_file(&d.file).unwrap().table;
        if d.kind.rejects_record() {
            assert!(rejects.contains(&(d.file.clone(), d.line as i64)), "{d:?} is not in rejects");
            expected_rejects.insert((d.file.clone(), d.line as i64));
        } else {
            let n: i64 = db
                .query_one(
                    &format!(r#"SELECT count(*) FROM "casrec_csv"."{table}" WHERE "casrec_row_id" = $1"#),
                    &[&(d.line as i64)],
                )
                .await
                .unwrap()
                .get(0);
            assert_eq!(n, 1, "{d:?} was not loaded at its line");
        }
    }
    assert_eq!(rejects, expected_rejects, "no row is rejected that the generator did not break");
}
