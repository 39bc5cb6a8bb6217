mod common;

use std::collections::{HashMap, HashSet};

use casrec_catalog::FILES;
use casrec_gen::{codes, DefectKind, UNDECODABLE_BYTES};
use common::{gen, read};

fn has_bad_byte(rec: &common::Rec) -> bool {
    rec.raw.iter().any(|f| f.iter().any(|b| UNDECODABLE_BYTES.contains(b)))
}

#[test]
fn every_listed_defect_is_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let m = gen(dir.path(), 400, 31, 0.04);
    assert!(m.defects.len() > 50);
    let kinds: HashSet<DefectKind> = m.defects.iter().map(|d| d.kind).collect();
    for k in [
        DefectKind::BlankMandatory,
        DefectKind::ImpossibleDate,
        DefectKind::UnknownCode,
        DefectKind::DuplicateRow,
        DefectKind::TooManyFields,
        DefectKind::TooFewFields,
        DefectKind::UndecodableBytes,
        DefectKind::OrphanReference,
        DefectKind::UnterminatedQuote,
        DefectKind::StrayWhitespace,
    ] {
        assert!(kinds.contains(&k), "no {k:?} injected");
    }
    let cases = read(dir.path(), "pat.csv").values("Case");
    let deputies = read(dir.path(), "deputy.csv").values("Deputy No");
    let addresses = read(dir.path(), "deputy_address.csv").values("Dep Addr No");
    let orders = read(dir.path(), "order.csv").values("Order No");
    let mut tables = HashMap::new();
    for d in &m.defects {
        let t = tables.entry(d.file.clone()).or_insert_with(|| read(dir.path(), &d.file));
        let width = t.header.len();
        let rec = t.at_line(d.line);
        let value = || t.get(rec, d.column.as_deref().unwrap()).unwrap().to_string();
        match d.kind {
            DefectKind::TooManyFields => assert!(rec.fields.len() > width, "{d:?}"),
            DefectKind::TooFewFields => assert!(rec.fields.len() < width, "{d:?}"),
            DefectKind::UndecodableBytes => {
                assert!(has_bad_byte(rec), "{d:?}");
                let c = t.col(d.column.as_deref().unwrap());
                assert!(std::str::from_utf8(&rec.raw[c]).is_err());
            }
            DefectKind::BlankMandatory => assert_eq!(value(), "", "{d:?}"),
            DefectKind::ImpossibleDate => {
                let v = value();
                let bad = v.starts_with("0000") || chrono::NaiveDate::parse_from_str(&v[..10], "%Y-%m-%d").is_err();
                assert!(bad, "{d:?}");
            }
            DefectKind::StrayWhitespace => {
                let v = value();
                assert_ne!(v.trim(), v, "{d:?}");
            }
            DefectKind::UnknownCode => {
                let v = value();
                let col = d.column.as_deref().unwrap();
                let domain: &[&str] = match col {
                    "Corref" => codes::CORREFS,
                    "Ord Type" => codes::ORDER_TYPES,
                    "Ord Stat" => codes::ORDER_STATUSES,
                    "Lay Team" => codes::LAY_TEAMS,
                    "Dep Type" => codes::DEPUTY_TYPES,
                    "Log Type" => codes::NOTE_TYPES,
                    _ => &[],
                };
                assert!(!domain.contains(&v.as_str()), "{d:?}");
            }
            DefectKind::OrphanReference => {
                let v = value();
                let parents = match d.column.as_deref().unwrap() {
                    "Case" => &cases,
                    "Deputy No" => &deputies,
                    "Dep Addr No" => &addresses,
                    "Order No" => &orders,
                    other => panic!("unexpected orphan column {other}"),
                };
                assert!(!parents.contains(&v), "{d:?}");
            }
            DefectKind::DuplicateRow => {
                let k = t.recs.iter().position(|r| r.line == d.line).unwrap();
                assert!(k > 0);
                assert_eq!(t.recs[k - 1].raw, rec.raw, "{d:?}");
            }
            DefectKind::UnterminatedQuote => {
                assert_eq!(t.recs.last().unwrap().line, d.line, "{d:?}");
                let bytes = std::fs::read(dir.path().join(&d.file)).unwrap();
                let quotes = bytes.iter().filter(|b| **b == b'"').count();
                assert_eq!(quotes % 2, 1, "an odd number of quotes means one is never closed");
            }
        }
    }
}

#[test]
fn every_record_the_loader_would_reject_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let m = gen(dir.path(), 400, 32, 0.04);
    for f in FILES {
        let listed: HashSet<u64> = m.defects_in(f.file).filter(|d| d.kind.rejects_record()).map(|d| d.line).collect();
        let t = read(dir.path(), f.file);
        for r in &t.recs {
            if r.fields.len() != f.columns.len() || has_bad_byte(r) {
                assert!(listed.contains(&r.line), "{} line {} is malformed but not listed", f.file, r.line);
            }
        }
        for line in &listed {
            t.at_line(*line);
        }
    }
}

#[test]
fn defect_rate_zero_injects_nothing_and_rate_scales_the_count() {
    let a = tempfile::tempdir().unwrap();
    assert!(gen(a.path(), 300, 33, 0.0).defects.is_empty());
    let b = tempfile::tempdir().unwrap();
    let low = gen(b.path(), 300, 33, 0.01).defects.len();
    let c = tempfile::tempdir().unwrap();
    let high = gen(c.path(), 300, 33, 0.1).defects.len();
    assert!(low > 0 && high > low * 4, "low {low}, high {high}");
}

#[test]
fn files_other_files_refer_to_get_no_rejectable_defects() {
    let dir = tempfile::tempdir().unwrap();
    let m = gen(dir.path(), 400, 34, 0.1);
    for d in &m.defects {
        if ["pat.csv", "order.csv", "deputy.csv", "deputy_address.csv", "panrec.csv", "feeexport1.csv"]
            .contains(&d.file.as_str())
        {
            assert!(!d.kind.rejects_record(), "{d:?}");
        }
    }
}
