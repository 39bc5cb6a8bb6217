//! load-casrec against a real PostgreSQL and the embedded S3 endpoint, with hand-made files
//! for each kind of bad input.

use aws_sdk_s3::primitives::ByteStream;
use migration_core::step::{RunOptions, Runtime};
use migration_core::Step;
use testkit::TestEnv;

/// Uploads a header-only file for every catalogue entry, then the given files over them.
async fn upload(env: &TestEnv, files: &[(&str, Vec<u8>)]) {
    let s3 = &env.settings.s3;
    let c = migration_core::s3::client(s3).await;
    migration_core::s3::ensure_bucket(&c, s3).await.unwrap();
    for f in casrec_catalog::FILES {
        if files.iter().any(|(n, _)| *n == f.file) {
            continue;
        }
        let body = format!("{}\n", f.columns.join(","));
        c.put_object()
            .bucket(&s3.bucket)
            .key(s3.key(f.file))
            .body(ByteStream::from(body.into_bytes()))
            .send()
            .await
            .unwrap();
    }
    for (name, body) in files {
        c.put_object().bucket(&s3.bucket).key(s3.key(name)).body(ByteStream::from(body.clone())).send().await.unwrap();
    }
}

/// A pat.csv header plus rows given as (Case, Forename, Surname) with every other cell blank.
fn pat(rows: &[&[u8]]) -> Vec<u8> {
    let cols = casrec_catalog::by_table("pat").unwrap().columns;
    let mut out = cols.join(",").into_bytes();
    out.extend_from_slice(b"\r\n");
    for r in rows {
        out.extend_from_slice(r);
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// A row of pat with the first three data columns set (rct, by, Create) and the rest blank.
fn pat_row(prefix: &[u8], fields_after: usize) -> Vec<u8> {
    let mut v = prefix.to_vec();
    v.extend(std::iter::repeat_n(b',', fields_after));
    v
}

fn pat_width() -> usize {
    casrec_catalog::by_table("pat").unwrap().columns.len()
}

async fn load(env: &TestEnv) -> Result<Vec<load_casrec::FileLoad>, String> {
    let rt = Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap();
    let run = rt.start_run(None, None).await.unwrap();
    rt.execute(run, Step::LoadCasrec, load_casrec::entry).await.map_err(|e| e.to_string())?;
    let c = rt.migration_db().await.unwrap();
    let rows = c
        .query(
            r#"SELECT "file", "rows_read", "rows_loaded", "rows_rejected", "lines_read", "lines_loaded",
                      "lines_rejected", "blank_lines"
                 FROM "casrec_csv"."load_summary" ORDER BY 1"#,
            &[],
        )
        .await
        .unwrap();
    Ok(rows
        .iter()
        .map(|r| load_casrec::FileLoad {
            file: r.get(0),
            rows_read: r.get::<_, i64>(1) as u64,
            rows_loaded: r.get::<_, i64>(2) as u64,
            rows_rejected: r.get::<_, i64>(3) as u64,
            lines_read: r.get::<_, i64>(4) as u64,
            lines_loaded: r.get::<_, i64>(5) as u64,
            lines_rejected: r.get::<_, i64>(6) as u64,
            blank_lines: r.get::<_, i64>(7) as u64,
            ..Default::default()
        })
        .collect())
}

#[tokio::test]
async fn every_row_loads_as_text_with_its_line_number_crlf_quotes_and_windows_1252() {
    let env = TestEnv::new("lcok").await;
    let w = pat_width();
    let rows: Vec<Vec<u8>> = vec![
        pat_row(b"1,u,2021-01-01 00:00:00", w - 3),
        // Windows-1252: 0xEB is ë.
        pat_row(b"2,u,\"Zo\xEB, with a comma\"", w - 3),
        // A quoted field with a newline inside takes two physical lines.
        pat_row(b"3,u,\"two\r\nlines\"", w - 3),
        pat_row("4,u,Siân".as_bytes(), w - 3),
    ];
    let refs: Vec<&[u8]> = rows.iter().map(|r| r.as_slice()).collect();
    let mut body = vec![0xEF, 0xBB, 0xBF]; // a byte order mark before the header
    body.extend(pat(&refs));
    upload(&env, &[("pat.csv", body)]).await;
    let summary = load(&env).await.unwrap();
    let pat = summary.iter().find(|s| s.file == "pat.csv").unwrap();
    assert_eq!((pat.rows_read, pat.rows_loaded, pat.rows_rejected), (4, 4, 0));
    assert_eq!((pat.lines_read, pat.lines_loaded, pat.lines_rejected), (5, 5, 0), "the quoted newline is a line");
    assert_eq!(summary.len(), casrec_catalog::FILES.len());

    let c = env.migration_db.client().await;
    let got: Vec<(i64, String, String)> = c
        .query(r#"SELECT "casrec_row_id", "rct", "Create" FROM "casrec_csv"."pat" ORDER BY 1"#, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    assert_eq!(
        got,
        vec![
            (2, "1".into(), "2021-01-01 00:00:00".into()),
            (3, "2".into(), "Zoë, with a comma".into()),
            (4, "3".into(), "two\r\nlines".into()),
            (6, "4".into(), "Siân".into()),
        ]
    );
    let blank: String =
        c.query_one(r#"SELECT "Forename" FROM "casrec_csv"."pat" WHERE "rct" = '1'"#, &[]).await.unwrap().get(0);
    assert_eq!(blank, "", "empty cells load as empty text, as CasRec exported them");
    let win: i64 = c
        .query_one(r#"SELECT "rows_windows_1252" FROM "casrec_csv"."load_summary" WHERE "file" = 'pat.csv'"#, &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(win, 1);
}

#[tokio::test]
async fn bad_rows_are_rejected_with_file_line_reason_and_their_bytes() {
    let env = TestEnv::new("lcrej").await;
    let w = pat_width();
    let too_many = pat_row(b"2,u,x", w - 3 + 1);
    let too_few = pat_row(b"3,u,x", w - 3 - 1);
    let undecodable = pat_row(b"4,u,bad\x81byte", w - 3);
    let nul = pat_row(b"5,u,nul\x00", w - 3);
    let good = pat_row(b"1,u,x", w - 3);
    let mut body = pat(&[&good, &too_many, &too_few, &undecodable, &nul, &good]);
    // The file ends inside a quoted field; the line after it is judged on its own.
    body.extend_from_slice(b"6,u,\"never closed\r\nmore");
    upload(&env, &[("pat.csv", body)]).await;
    let summary = load(&env).await.unwrap();
    let pat = summary.iter().find(|s| s.file == "pat.csv").unwrap();
    assert_eq!((pat.rows_read, pat.rows_loaded, pat.rows_rejected), (8, 2, 6));
    assert_eq!((pat.lines_read, pat.lines_loaded, pat.lines_rejected), (8, 2, 6));

    let c = env.migration_db.client().await;
    let rejects: Vec<(i64, i64, String, Vec<u8>)> = c
        .query(
            r#"SELECT "line", "last_line", "reason", "raw_bytes" FROM "casrec_csv"."rejects" WHERE "file" = 'pat.csv' ORDER BY 1"#,
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
        .collect();
    assert_eq!(
        rejects.iter().map(|r| (r.0, r.1)).collect::<Vec<_>>(),
        vec![(3, 3), (4, 4), (5, 5), (6, 6), (8, 8), (9, 9)]
    );
    assert_eq!(rejects[0].2, format!("expected {w} fields, found {}", w + 1));
    assert_eq!(rejects[1].2, format!("expected {w} fields, found {}", w - 1));
    assert!(rejects[2].2.contains("column \"Create\"") && rejects[2].2.contains("0x81"), "{}", rejects[2].2);
    assert!(rejects[3].2.contains("NUL"), "{}", rejects[3].2);
    assert!(
        rejects[4].2.contains("unterminated quote") && rejects[4].2.contains("column \"Create\""),
        "{}",
        rejects[4].2
    );
    assert_eq!(rejects[4].3, b"6,u,\"never closed");
    assert_eq!(rejects[5].2, format!("expected {w} fields, found 1"));
    assert_eq!(rejects[0].3, too_many, "raw bytes are kept exactly");
    assert_eq!(rejects[2].3, undecodable);
}

#[tokio::test]
async fn a_stray_quote_loses_its_own_line_only_and_the_lines_it_swallowed_load_at_their_lines() {
    let env = TestEnv::new("lcstray").await;
    let w = pat_width();
    let row = |n: usize| pat_row(format!("{n},u,x").as_bytes(), w - 3);
    // Line 3 opens a quote in its third field; a CSV reader carries it on to the next quote in the
    // file, the opening quote of line 6's remark, which itself spans lines 6-7.
    let stray = pat_row(b"2,u,\"x", w - 3);
    let remark = pat_row(b"5,u,\"a remark, over\r\ntwo lines\"", w - 3);
    // A genuine multi-line field with one field too many is judged line by line.
    let mut too_many = pat_row(b"7,u,\"one\r\ntwo\"", w - 3);
    too_many.extend_from_slice(b",extra");
    let body = pat(&[&row(1), &stray, &row(3), &row(4), &remark, &row(6), &too_many, &row(8)]);
    upload(&env, &[("pat.csv", body)]).await;
    let summary = load(&env).await.unwrap();
    let pat = summary.iter().find(|s| s.file == "pat.csv").unwrap();
    assert_eq!((pat.lines_read, pat.lines_loaded, pat.lines_rejected, pat.blank_lines), (10, 7, 3, 0));

    let c = env.migration_db.client().await;
    let loaded: Vec<(i64, String, String)> = c
        .query(r#"SELECT "casrec_row_id", "rct", "Create" FROM "casrec_csv"."pat" ORDER BY 1"#, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    assert_eq!(
        loaded,
        vec![
            (2, "1".into(), "x".into()),
            (4, "3".into(), "x".into()),
            (5, "4".into(), "x".into()),
            (6, "5".into(), "a remark, over\r\ntwo lines".into()),
            (8, "6".into(), "x".into()),
            (11, "8".into(), "x".into()),
        ]
    );
    let rejects: Vec<(i64, i64, String, Vec<u8>)> = c
        .query(
            r#"SELECT "line", "last_line", "reason", "raw_bytes" FROM "casrec_csv"."rejects" WHERE "file" = 'pat.csv' ORDER BY 1"#,
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
        .collect();
    assert_eq!(rejects.iter().map(|r| (r.0, r.1)).collect::<Vec<_>>(), vec![(3, 3), (9, 9), (10, 10)]);
    assert!(
        rejects[0].2.starts_with("column \"Create\": a quote opens the field and is not closed on this line")
            && rejects[0].2.contains("line 6"),
        "{}",
        rejects[0].2
    );
    assert_eq!(rejects[0].3, stray, "the reject holds its own line only");
    assert!(rejects[1].2.contains(&format!("with {} fields instead of {w}", w + 1)), "{}", rejects[1].2);
    assert_eq!(rejects[2].2, format!("expected {w} fields, found {}", w - 2 + 1));
}

fn entry_with_small_limits<'a, 'b>(
    ctx: &'a migration_core::StepContext<'b>,
) -> futures::future::BoxFuture<'a, Result<migration_core::StepCounts, migration_core::step::BoxError>> {
    Box::pin(async move {
        let limits = load_casrec::RecordLimits { max_lines: 50, max_bytes: 1 << 20 };
        let loads = load_casrec::run_with_limits(ctx, limits).await?;
        Ok(migration_core::StepCounts { rows_in: loads.iter().map(|l| l.rows_read).sum(), ..Default::default() })
    })
}

#[tokio::test]
async fn a_quote_that_runs_past_the_line_limit_costs_its_own_line_only() {
    let env = TestEnv::new("lclimit").await;
    let w = pat_width();
    let mut rows = vec![pat_row(b"1,u,\"never closed", w - 3)];
    // Far more than csv-core is fed at once, so the limit is met before the file ends.
    rows.extend((2..=4000).map(|n| pat_row(format!("{n},u,x").as_bytes(), w - 3)));
    let refs: Vec<&[u8]> = rows.iter().map(|r| r.as_slice()).collect();
    upload(&env, &[("pat.csv", pat(&refs))]).await;
    let rt = Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap();
    let run = rt.start_run(None, None).await.unwrap();
    rt.execute(run, Step::LoadCasrec, entry_with_small_limits).await.unwrap();
    let c = env.migration_db.client().await;
    let (loaded, min): (i64, i64) = {
        let r = c.query_one(r#"SELECT count(*), min("casrec_row_id") FROM "casrec_csv"."pat""#, &[]).await.unwrap();
        (r.get(0), r.get(1))
    };
    assert_eq!((loaded, min), (3999, 3));
    let (line, last, reason): (i64, i64, String) = {
        let r = c
            .query_one(
                r#"SELECT "line", "last_line", "reason" FROM "casrec_csv"."rejects" WHERE "file" = 'pat.csv'"#,
                &[],
            )
            .await
            .unwrap();
        (r.get(0), r.get(1), r.get(2))
    };
    assert_eq!((line, last), (2, 2));
    assert!(reason.contains("past the limit"), "{reason}");
}

#[tokio::test]
async fn an_unknown_file_a_changed_header_or_an_empty_file_fails_naming_each_and_loads_nothing() {
    let env = TestEnv::new("lchdr").await;
    let mut cols: Vec<&str> = casrec_catalog::by_table("order").unwrap().columns.to_vec();
    cols.retain(|c| *c != "Ord Type");
    cols.push("Order Kind");
    let changed = format!("{}\n", cols.join(","));
    upload(
        &env,
        &[("order.csv", changed.into_bytes()), ("surprise.csv", b"a,b\n1,2\n".to_vec()), ("deputy.csv", Vec::new())],
    )
    .await;
    let err = load(&env).await.unwrap_err();
    assert!(err.contains("order.csv: line 1: header differs") && err.contains("missing columns: Ord Type"), "{err}");
    assert!(err.contains("unexpected columns: Order Kind"), "{err}");
    assert!(err.contains("surprise.csv: not a CasRec export file"), "{err}");
    assert!(err.contains("deputy.csv: line 1: the file is empty"), "{err}");
    let c = env.migration_db.client().await;
    let tables: i64 = c
        .query_one(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'casrec_csv' AND table_name = 'pat'",
            &[],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(tables, 0, "nothing is loaded when any file is wrong");
}

#[tokio::test]
async fn a_missing_file_or_bucket_is_named() {
    let env = TestEnv::new("lcmiss").await;
    let err = load(&env).await.unwrap_err();
    assert!(err.contains("S3 endpoint") && err.contains("casrec-test"), "missing bucket: {err}");
    let s3 = &env.settings.s3;
    let c = migration_core::s3::client(s3).await;
    migration_core::s3::ensure_bucket(&c, s3).await.unwrap();
    let err = load(&env).await.unwrap_err();
    assert!(err.contains("no CasRec CSV files under s3://casrec-test/casrec/"), "{err}");
    c.put_object().bucket(&s3.bucket).key(s3.key("pat.csv")).body(ByteStream::from(pat(&[]))).send().await.unwrap();
    let err = load(&env).await.unwrap_err();
    assert!(err.contains("order.csv: missing from s3://casrec-test/casrec/"), "{err}");
    // The optional extracts are not among the problems: an export may lack them.
    assert!(!err.contains("sop_aged_debt.csv"), "{err}");
}

#[tokio::test]
async fn a_missing_optional_extract_loads_as_an_empty_table_and_is_reported_missing() {
    let env = TestEnv::new("lcopt").await;
    let debt = b"Trx Number,Outstanding Amount\nS2000001/1,10.00\n".to_vec();
    upload(&env, &[("sop_aged_debt.csv", debt)]).await;
    load(&env).await.unwrap();
    let c = env.migration_db.client().await;
    let n: i64 = c.query_one(r#"SELECT count(*) FROM "casrec_csv"."sop_aged_debt""#, &[]).await.unwrap().get(0);
    assert_eq!(n, 1);

    // The next export lacks the aged debt: its table is emptied, not left as the last export's.
    let s3 = &env.settings.s3;
    let client = migration_core::s3::client(s3).await;
    client.delete_object().bucket(&s3.bucket).key(s3.key("sop_aged_debt.csv")).send().await.unwrap();
    let summary = load(&env).await.unwrap();
    assert_eq!(summary.len(), casrec_catalog::FILES.len(), "every file has its summary, the missing one too");
    let n: i64 = c.query_one(r#"SELECT count(*) FROM "casrec_csv"."sop_aged_debt""#, &[]).await.unwrap().get(0);
    assert_eq!(n, 0);
    let missing: Vec<String> = c
        .query(r#"SELECT "file" FROM "casrec_csv"."load_summary" WHERE "missing" ORDER BY 1"#, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(missing, ["sop_aged_debt.csv"]);
    let cols: Vec<String> = c
        .query(
            "SELECT column_name::text FROM information_schema.columns
              WHERE table_schema = 'casrec_csv' AND table_name = 'sop_aged_debt' ORDER BY ordinal_position",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(cols, ["casrec_row_id", "Trx Number", "Outstanding Amount"]);
}

#[tokio::test]
async fn reloading_gives_the_same_tables_and_skip_unchanged_keeps_them() {
    let env = TestEnv::new("lcidem").await;
    let w = pat_width();
    let r1 = pat_row(b"1,u,x", w - 3);
    upload(&env, &[("pat.csv", pat(&[&r1]))]).await;
    let first = load(&env).await.unwrap();
    let second = load(&env).await.unwrap();
    assert_eq!(first, second);
    let c = env.migration_db.client().await;
    // Mark the loaded table: a reload replaces it, skip-unchanged keeps it.
    c.batch_execute(r#"UPDATE "casrec_csv"."pat" SET "by" = 'marked'"#).await.unwrap();
    let mut skipping = TestEnvSettings::from(&env);
    skipping.settings.load_casrec.skip_unchanged = true;
    skipping.load().await;
    let by: String = c.query_one(r#"SELECT "by" FROM "casrec_csv"."pat""#, &[]).await.unwrap().get(0);
    assert_eq!(by, "marked", "an unchanged file is not reloaded with skip_unchanged");
    load(&env).await.unwrap();
    let by: String = c.query_one(r#"SELECT "by" FROM "casrec_csv"."pat""#, &[]).await.unwrap().get(0);
    assert_eq!(by, "u");
}

#[tokio::test]
async fn a_load_that_fails_part_way_leaves_the_previous_table_intact() {
    let env = TestEnv::new("lcfail").await;
    let w = pat_width();
    let r1 = pat_row(b"1,u,first", w - 3);
    upload(&env, &[("pat.csv", pat(&[&r1]))]).await;
    load(&env).await.unwrap();
    let c = env.migration_db.client().await;
    // Something in the way of the load's own working table makes it fail after it has started.
    c.batch_execute(r#"CREATE VIEW "casrec_csv"."pat__rejects" AS SELECT 1 AS "x""#).await.unwrap();
    let r2 = pat_row(b"2,u,second", w - 3);
    upload(&env, &[("pat.csv", pat(&[&r2, &r2]))]).await;
    let err = load(&env).await.unwrap_err();
    assert!(err.contains("pat.csv"), "{err}");
    let rows: Vec<String> =
        c.query(r#"SELECT "Create" FROM "casrec_csv"."pat""#, &[]).await.unwrap().iter().map(|r| r.get(0)).collect();
    assert_eq!(rows, vec!["first"]);
    let read: i64 = c
        .query_one(r#"SELECT "rows_read" FROM "casrec_csv"."load_summary" WHERE "file" = 'pat.csv'"#, &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(read, 1, "the summary still describes the table that is there");
    c.batch_execute(r#"DROP VIEW "casrec_csv"."pat__rejects""#).await.unwrap();
    load(&env).await.unwrap();
    let n: i64 = c.query_one(r#"SELECT count(*) FROM "casrec_csv"."pat""#, &[]).await.unwrap().get(0);
    assert_eq!(n, 2, "the next run succeeds");
}

/// The same databases and endpoint with settings changed for one load.
struct TestEnvSettings {
    settings: migration_core::Settings,
}

impl TestEnvSettings {
    fn from(env: &TestEnv) -> Self {
        TestEnvSettings { settings: env.settings.clone() }
    }

    async fn load(&self) {
        let rt = Runtime::connect(self.settings.clone(), RunOptions::default()).await.unwrap();
        let run = rt.start_run(None, None).await.unwrap();
        rt.execute(run, Step::LoadCasrec, load_casrec::entry).await.unwrap();
    }
}
