//! load-casrec on the generator's output with defects injected: every physical line of every
//! file is covered by exactly one loaded record or one reject, a reject covers only lines of a
//! record the generator broke (its first line always), and every other line loads.
//!
//! `CASREC_GEN_CLIENTS`, `CASREC_GEN_DEFECTS` and `CASREC_GEN_SEED` run it on another export
//! (default 300 clients, 2 % defects, seed 7); it prints the per-file figures.

use std::collections::{BTreeMap, BTreeSet};

use aws_sdk_s3::primitives::ByteStream;
use casrec_gen::DefectKind;
use migration_core::step::{RunOptions, Runtime};
use migration_core::Step;
use testkit::TestEnv;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cover {
    Loaded,
    Rejected,
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_injected_defect_rejects_its_own_lines_only_and_every_other_line_loads() {
    let env = TestEnv::new("lcgen").await;
    let out = env.path().join("export");
    let manifest = casrec_gen::generate(&casrec_gen::GenerateOptions {
        clients: env_or("CASREC_GEN_CLIENTS", 300),
        seed: env_or("CASREC_GEN_SEED", 7),
        out_dir: out.clone(),
        defect_rate: env_or("CASREC_GEN_DEFECTS", 0.02),
    })
    .unwrap();
    let kinds: BTreeSet<DefectKind> = manifest.defects.iter().map(|d| d.kind).collect();
    for k in [DefectKind::StrayQuote, DefectKind::TooManyFields, DefectKind::UndecodableBytes] {
        assert!(kinds.contains(&k), "no {k:?} injected");
    }

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
    assert_eq!(counts.rows_in, counts.rows_out + counts.rows_rejected);

    let db = env.migration_db.client().await;
    let summary: BTreeMap<String, [i64; 7]> = db
        .query(
            r#"SELECT "file", "rows_read", "rows_loaded", "rows_rejected", "lines_read", "lines_loaded",
                      "lines_rejected", "blank_lines" FROM "casrec_csv"."load_summary""#,
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), [1, 2, 3, 4, 5, 6, 7].map(|i| r.get::<_, i64>(i))))
        .collect();

    let mut totals = [0u64; 4];
    for f in &manifest.files {
        let table = casrec_catalog::by_file(&f.file).unwrap().table;
        let bytes = std::fs::read(out.join(&f.file)).unwrap();
        let lines = bytes.iter().filter(|b| **b == b'\n').count() as u64 + u64::from(!bytes.ends_with(b"\n"));
        let [rows_read, rows_loaded, rows_rejected, lines_read, lines_loaded, lines_rejected, blank] = summary[&f.file];
        assert_eq!(lines_read as u64, lines - 1, "{}: every line after the header was read", f.file);
        assert_eq!(lines_read, lines_loaded + lines_rejected + blank, "{}", f.file);
        assert_eq!(blank, 0, "{}: the generator writes no blank lines", f.file);
        assert_eq!(rows_read, rows_loaded + rows_rejected, "{}", f.file);
        assert!(rows_read as u64 >= f.rows, "{}: {rows_read} records read, {} written", f.file, f.rows);

        // Which lines each loaded row and each reject covers: a row's line breaks are all inside
        // its values, and a row's text form keeps them as they are.
        let mut cover: BTreeMap<u64, Cover> = BTreeMap::new();
        let mut claim = |from: u64, to: u64, how: Cover| {
            for l in from..=to {
                assert!(cover.insert(l, how).is_none(), "{}: line {l} covered twice", f.file);
            }
        };
        let loaded = db
            .query(
                &format!(
                    r#"SELECT "casrec_row_id", length(t::text) - length(replace(t::text, E'\n', ''))
                         FROM "casrec_csv"."{table}" t"#
                ),
                &[],
            )
            .await
            .unwrap();
        for r in &loaded {
            let (line, breaks): (i64, i32) = (r.get(0), r.get(1));
            claim(line as u64, line as u64 + breaks as u64, Cover::Loaded);
        }
        let rejects: Vec<(u64, u64, String)> = db
            .query(r#"SELECT "line", "last_line", "reason" FROM "casrec_csv"."rejects" WHERE "file" = $1"#, &[&f.file])
            .await
            .unwrap()
            .iter()
            .map(|r| (r.get::<_, i64>(0) as u64, r.get::<_, i64>(1) as u64, r.get(2)))
            .collect();
        for (line, last, _) in &rejects {
            claim(*line, *last, Cover::Rejected);
        }
        let expected: BTreeSet<u64> = (2..=lines).collect();
        assert_eq!(cover.keys().copied().collect::<BTreeSet<_>>(), expected, "{}: lines covered", f.file);

        let broken: Vec<_> = manifest.defects_in(&f.file).filter(|d| d.kind.rejects_record()).collect();
        for d in &broken {
            assert_eq!(cover[&d.line], Cover::Rejected, "{d:?}: its first line is not rejected");
            if d.line == d.last_line {
                assert!(rejects.iter().any(|(l, e, _)| (*l, *e) == (d.line, d.line)), "{d:?}: rejected alone");
            }
        }
        for (line, last, reason) in &rejects {
            assert!(
                broken.iter().any(|d| d.line <= *line && *last <= d.last_line),
                "{} lines {line}-{last} rejected ({reason}) but the generator broke no record there",
                f.file
            );
        }
        for d in manifest.defects_in(&f.file).filter(|d| !d.kind.rejects_record()) {
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
        let stray = manifest.defects_in(&f.file).filter(|d| d.kind == DefectKind::StrayQuote).count();
        if stray > 0 || !rejects.is_empty() {
            eprintln!(
                "{:<24} lines {:>6}  loaded {:>6} ({:>6} lines)  rejected {:>4} ({:>4} lines)  stray quotes {stray}",
                f.file,
                lines - 1,
                rows_loaded,
                lines_loaded,
                rows_rejected,
                lines_rejected
            );
        }
        totals[0] += lines - 1;
        totals[1] += lines_loaded as u64;
        totals[2] += lines_rejected as u64;
        totals[3] += broken.len() as u64;
    }
    let [lines, loaded, rejected, broken] = totals;
    eprintln!("all files: {lines} lines, {loaded} in loaded records, {rejected} rejected, {broken} records broken on purpose, lost {}", lines - loaded - rejected);
}
