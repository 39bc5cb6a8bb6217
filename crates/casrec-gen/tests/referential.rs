mod common;

use std::collections::HashSet;

use casrec_catalog::FILES;
use casrec_gen::DefectKind;
use common::{gen, read};

/// Every (file, column, parent file, parent column) reference the generator keeps.
fn references() -> Vec<(&'static str, &'static str, &'static str, &'static str)> {
    let mut refs = Vec::new();
    for f in FILES {
        if f.table != "pat" && f.has_column("Case") {
            refs.push((f.file, "Case", "pat.csv", "Case"));
        }
        if f.table != "order" && f.has_column("Order No") {
            refs.push((f.file, "Order No", "order.csv", "Order No"));
        }
        if f.table != "deputy" && f.has_column("Deputy No") {
            refs.push((f.file, "Deputy No", "deputy.csv", "Deputy No"));
        }
        if f.table != "deputy_address" && f.has_column("Dep Addr No") {
            refs.push((f.file, "Dep Addr No", "deputy_address.csv", "Dep Addr No"));
        }
    }
    refs.push(("deputylink.csv", "Link Deputy No", "deputy.csv", "Deputy No"));
    refs.push(("feebacs_det.csv", "Invoice No", "feeexport1.csv", "Invoice No"));
    refs.push(("feesched_det.csv", "Invoice No", "feeexport1.csv", "Invoice No"));
    refs.push(("feepays_det.csv", "Invoice No", "feeexport1.csv", "Invoice No"));
    refs.push(("panlink.csv", "Panel No", "panrec.csv", "Panel No"));
    // The finance extracts (aged debt has deliberate orphans: tests/finance.rs).
    refs.push(("sop_feecheck.csv", "Invoice Number", "feeexport1.csv", "Invoice No"));
    refs.push(("sop_feecheckcredits.csv", "Invoice Number", "feeexport1.csv", "Invoice No"));
    refs.push(("casrec_letters.csv", "caseno", "pat.csv", "Case"));
    refs
}

#[test]
fn without_defects_every_reference_points_at_an_existing_parent() {
    let dir = tempfile::tempdir().unwrap();
    gen(dir.path(), 400, 11, 0.0);
    let mut parents = std::collections::HashMap::new();
    for (file, col, parent, pcol) in references() {
        let keys = parents.entry((parent, pcol)).or_insert_with(|| read(dir.path(), parent).values(pcol));
        let t = read(dir.path(), file);
        let c = t.col(col);
        for r in &t.recs {
            let v = &r.fields[c];
            let optional = file == "repvis1.csv" && v.is_empty();
            assert!(optional || keys.contains(v), "{file} line {}: {col} {v:?} not in {parent}", r.line);
        }
    }
}

#[test]
fn with_defects_every_dangling_reference_is_listed_in_the_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let m = gen(dir.path(), 400, 12, 0.05);
    let mut orphans = 0;
    let mut parents = std::collections::HashMap::new();
    for (file, col, parent, pcol) in references() {
        let keys = parents.entry((parent, pcol)).or_insert_with(|| read(dir.path(), parent).values(pcol));
        let listed: HashSet<u64> = m
            .defects_in(file)
            .filter(|d| d.kind == DefectKind::OrphanReference && d.column.as_deref() == Some(col))
            .map(|d| d.line)
            .collect();
        // A stray quote's line reads as one field running to the end of the line; the loader
        // rejects it, so what it names is never loaded.
        let stray: HashSet<u64> =
            m.defects_in(file).filter(|d| d.kind == DefectKind::StrayQuote).map(|d| d.line).collect();
        let t = read(dir.path(), file);
        let c = t.col(col);
        for r in t.recs.iter().filter(|r| !stray.contains(&r.line)) {
            let Some(v) = r.fields.get(c) else { continue };
            if v.is_empty() && file == "repvis1.csv" || keys.contains(v) {
                continue;
            }
            assert!(listed.contains(&r.line), "{file} line {}: dangling {col} {v:?} is not listed", r.line);
            orphans += 1;
        }
    }
    assert!(orphans > 0, "a 5% defect rate produces some orphans");
}

#[test]
fn key_columns_are_unique_in_their_files() {
    let dir = tempfile::tempdir().unwrap();
    gen(dir.path(), 400, 13, 0.0);
    for (file, col) in [
        ("pat.csv", "Case"),
        ("order.csv", "Order No"),
        ("deputy.csv", "Deputy No"),
        ("deputy_address.csv", "Dep Addr No"),
    ] {
        let t = read(dir.path(), file);
        assert_eq!(t.values(col).len(), t.recs.len(), "{file} {col} repeats");
    }
}

#[test]
fn clients_have_one_to_three_orders_and_orders_one_to_three_deputies() {
    let dir = tempfile::tempdir().unwrap();
    gen(dir.path(), 400, 14, 0.0);
    let orders = read(dir.path(), "order.csv");
    let mut per_case = std::collections::HashMap::<String, usize>::new();
    for r in &orders.recs {
        *per_case.entry(orders.get(r, "Case").unwrap().to_string()).or_default() += 1;
    }
    assert_eq!(per_case.len(), 400);
    assert!(per_case.values().all(|n| (1..=3).contains(n)));
    assert!(per_case.values().any(|n| *n > 1));
    let ships = read(dir.path(), "deputyship.csv");
    let mut per_order = std::collections::HashMap::<String, usize>::new();
    let mut per_deputy = std::collections::HashMap::<String, HashSet<String>>::new();
    for r in &ships.recs {
        *per_order.entry(ships.get(r, "Order No").unwrap().to_string()).or_default() += 1;
        per_deputy
            .entry(ships.get(r, "Deputy No").unwrap().to_string())
            .or_default()
            .insert(ships.get(r, "Case").unwrap().to_string());
    }
    assert_eq!(per_order.len(), orders.recs.len());
    assert!(per_order.values().all(|n| (1..=3).contains(n)));
    assert!(per_order.values().any(|n| *n > 1));
    assert!(per_deputy.values().any(|cases| cases.len() >= 5), "some deputies serve many clients");
}
