mod common;

use casrec_gen::{anonymise, AnonymiseOptions};
use common::{gen, read};

#[test]
fn anonymise_keeps_keys_codes_and_joins_but_changes_personal_data() {
    let src = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    gen(src.path(), 200, 41, 0.0);
    let report = anonymise(&AnonymiseOptions::new(src.path(), out.path())).unwrap();
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
    let mut opts = AnonymiseOptions::new(src.path(), out.path());
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
    anonymise(&AnonymiseOptions::new(src.path(), out.path())).unwrap();
    let t = read(out.path(), "pat.csv");
    let r = &t.recs[0];
    assert_eq!(t.get(r, "Case"), Some("10000001"));
    assert_eq!(t.get(r, "Corref"), Some("L2"));
    assert_ne!(t.get(r, "Forename"), Some("Zoë Siân"));
    assert_eq!(t.get(r, "Forename").unwrap().split(' ').count(), 2, "number of forenames kept");
    let bytes = std::fs::read(out.path().join("pat.csv")).unwrap();
    assert!(!encoding_rs::WINDOWS_1252.decode(&bytes).2);
}
