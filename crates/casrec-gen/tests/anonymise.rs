mod common;

use casrec_gen::{anonymise, AnonymiseKey, AnonymiseOptions};
use common::{gen, read};

#[test]
fn anonymise_keeps_keys_codes_and_joins_but_changes_personal_data() {
    let src = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    gen(src.path(), 200, 41, 0.0);
    let report = anonymise(&AnonymiseOptions::new(src.path(), out.path(), AnonymiseKey::fixed_for_tests())).unwrap();
    assert_eq!(report.files.len(), casrec_catalog::FILES.len());
    assert!(report.skipped.contains(&"manifest.json".to_string()));

    let a = read(src.path(), "pat.csv");
    let b = read(out.path(), "pat.csv");
    assert_eq!(a.header, b.header);
    assert_eq!(a.recs.len(), b.recs.len());
    let mut changed_names = 0;
    let mut changed_addresses = 0;
    for (x, y) in a.recs.iter().zip(&b.recs) {
        for keep in ["Case", "Corref", "Lay Team", "Term Type", "Create", "Away Date", "Accom Type"] {
            assert_eq!(a.get(x, keep), b.get(y, keep), "{keep} must be kept");
        }
        changed_names += (a.get(x, "Surname") != b.get(y, "Surname")) as usize;
        assert_ne!(a.get(x, "DOB"), b.get(y, "DOB"), "DOB is shifted");
        changed_addresses += (a.get(x, "Adrs1") != b.get(y, "Adrs1")) as usize;
    }
    // Fakes come from small word lists, so a fake can happen to equal the (fake) original.
    assert!(changed_names > 150, "surnames replaced ({changed_names} of 200 changed)");
    assert!(changed_addresses > 150, "addresses replaced ({changed_addresses} of 200 changed)");
    // The same original gives the same fake, so equal names stay equal.
    let mut map = std::collections::HashMap::new();
    for (x, y) in a.recs.iter().zip(&b.recs) {
        let prev = map.insert(a.get(x, "Surname").unwrap().to_string(), b.get(y, "Surname").unwrap().to_string());
        if let Some(p) = prev {
            assert_eq!(&p, b.get(y, "Surname").unwrap());
        }
    }
    // Joins survive: deputyship keys are untouched.
    let ship_a = read(src.path(), "deputyship.csv");
    let ship_b = read(out.path(), "deputyship.csv");
    for col in ["Case", "Order No", "Deputy No", "Dep Addr No"] {
        assert_eq!(ship_a.values(col), ship_b.values(col));
    }
    let rem_a = read(src.path(), "remarks.csv");
    let rem_b = read(out.path(), "remarks.csv");
    assert_eq!(rem_a.values("Case"), rem_b.values("Case"));
    // Output is Windows-1252 like the input.
    let bytes = std::fs::read(out.path().join("pat.csv")).unwrap();
    assert!(!encoding_rs::WINDOWS_1252.decode(&bytes).2);
}

#[test]
fn anonymise_one_case_follows_it_across_files() {
    let src = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    gen(src.path(), 200, 42, 0.0);
    let case = "10000007".to_string();
    let mut opts = AnonymiseOptions::new(src.path(), out.path(), AnonymiseKey::fixed_for_tests());
    opts.case = Some(case.clone());
    anonymise(&opts).unwrap();
    let pat = read(out.path(), "pat.csv");
    assert_eq!(pat.recs.len(), 1);
    assert_eq!(pat.get(&pat.recs[0], "Case").unwrap(), case);
    let ship_src = read(src.path(), "deputyship.csv");
    let ship = read(out.path(), "deputyship.csv");
    let want = ship_src.recs.iter().filter(|r| ship_src.get(r, "Case").unwrap() == case).count();
    assert!(want > 0);
    assert_eq!(ship.recs.len(), want);
    let deputies = ship.values("Deputy No");
    let dep = read(out.path(), "deputy.csv");
    assert_eq!(dep.values("Deputy No"), deputies);
    let addrs = read(out.path(), "deputy_address.csv").values("Dep Addr No");
    for a in ship.values("Dep Addr No") {
        assert!(addrs.contains(&a));
    }
    for f in ["order.csv", "remarks.csv", "account.csv"] {
        let t = read(out.path(), f);
        assert!(t.recs.iter().all(|r| t.get(r, "Case").unwrap() == case), "{f}");
    }
    // Files unrelated to cases keep only their header.
    assert!(read(out.path(), "panrec.csv").recs.is_empty());
}

#[test]
fn anonymise_reads_utf8_input_and_writes_windows_1252() {
    let src = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let pat = casrec_catalog::by_table("pat").unwrap();
    let mut row = vec![String::new(); pat.columns.len()];
    let set =
        |row: &mut Vec<String>, c: &str, v: &str| row[pat.columns.iter().position(|x| *x == c).unwrap()] = v.into();
    set(&mut row, "Case", "10000001");
    set(&mut row, "Forename", "Zoë Siân");
    set(&mut row, "Surname", "O'Brien");
    set(&mut row, "Corref", "L2");
    let mut w = csv::Writer::from_path(src.path().join("pat.csv")).unwrap();
    w.write_record(pat.columns).unwrap();
    w.write_record(&row).unwrap();
    w.flush().unwrap();
    drop(w);
    anonymise(&AnonymiseOptions::new(src.path(), out.path(), AnonymiseKey::fixed_for_tests())).unwrap();
    let t = read(out.path(), "pat.csv");
    let r = &t.recs[0];
    assert_eq!(t.get(r, "Case"), Some("10000001"));
    assert_eq!(t.get(r, "Corref"), Some("L2"));
    assert_ne!(t.get(r, "Forename"), Some("Zoë Siân"));
    assert_eq!(t.get(r, "Forename").unwrap().split(' ').count(), 2, "number of forenames kept");
    let bytes = std::fs::read(out.path().join("pat.csv")).unwrap();
    assert!(!encoding_rs::WINDOWS_1252.decode(&bytes).2);
}

/// The binary asks for a key of its own for real exports: none, a short one or one on the
/// command line is refused before anything is read; from CASREC_ANON_KEY or a file it runs, and
/// two keys give two different fakes.
#[test]
fn the_anonymiser_binary_requires_a_long_key_from_the_environment_or_a_file() {
    let src = tempfile::tempdir().unwrap();
    let pat = casrec_catalog::by_table("pat").unwrap();
    let mut w = csv::Writer::from_path(src.path().join("pat.csv")).unwrap();
    w.write_record(pat.columns).unwrap();
    for i in 0..8 {
        let mut row = vec![String::new(); pat.columns.len()];
        row[pat.columns.iter().position(|c| *c == "Case").unwrap()] = format!("1000000{i}");
        row[pat.columns.iter().position(|c| *c == "Surname").unwrap()] = format!("Realname{i}");
        w.write_record(&row).unwrap();
    }
    w.flush().unwrap();
    drop(w);
    let run = |out: &std::path::Path, key: Option<&str>, extra: &[&str]| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_casrec-gen"));
        c.env_remove("CASREC_ANON_KEY").arg("anonymise").arg("--in").arg(src.path()).arg("--out").arg(out).args(extra);
        if let Some(k) = key {
            c.env("CASREC_ANON_KEY", k);
        }
        let o = c.output().unwrap();
        (o.status.success(), format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr)))
    };
    let out = tempfile::tempdir().unwrap();
    let (ok, text) = run(out.path(), None, &[]);
    assert!(!ok && text.contains("CASREC_ANON_KEY") && text.contains("--key-file"), "{text}");
    let (ok, text) = run(out.path(), Some("short"), &[]);
    assert!(!ok && text.contains("at least 32"), "{text}");
    assert!(!text.contains("short\n") && !text.contains("\"short\""), "the key is never printed: {text}");
    let (ok, text) = run(out.path(), None, &["--key", "a-key-given-on-the-command-line-is-refused"]);
    assert!(!ok, "no --key option: {text}");
    assert!(!out.path().join("pat.csv").exists(), "nothing written without a key");

    let a = tempfile::tempdir().unwrap();
    let (ok, text) = run(a.path(), Some("0123456789abcdef0123456789abcdef-first"), &[]);
    assert!(ok, "{text}");
    let b = tempfile::tempdir().unwrap();
    let file = src.path().join("key.txt");
    std::fs::write(&file, "0123456789abcdef0123456789abcdef-second\n").unwrap();
    let (ok, text) = run(b.path(), None, &["--key-file", file.to_str().unwrap()]);
    assert!(ok, "{text}");
    let surnames = |dir: &std::path::Path| {
        let t = read(dir, "pat.csv");
        t.recs.iter().map(|r| t.get(r, "Surname").unwrap().to_string()).collect::<Vec<_>>()
    };
    assert!(surnames(a.path()).iter().all(|s| !s.starts_with("Realname")), "{:?}", surnames(a.path()));
    // One name may fall on the same fake by chance; eight cannot all.
    assert_ne!(surnames(a.path()), surnames(b.path()), "the fakes depend on the key");
}
