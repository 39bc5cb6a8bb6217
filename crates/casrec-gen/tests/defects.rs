mod common;

use std::collections::{HashMap, HashSet};

use casrec_catalog::FILES;
use casrec_gen::{codes, DefectKind, UNDECODABLE_BYTES};
use common::{gen, read};

/// Line `n` (1-based) of a file, without its line end.
fn physical_line(dir: &std::path::Path, file: &str, n: u64) -> Vec<u8> {
    let bytes = std::fs::read(dir.join(file)).unwrap();
    let line = bytes.split(|b| *b == b'\n').nth(n as usize - 1).unwrap();
    line.strip_suffix(b"\r").unwrap_or(line).to_vec()
}

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
        DefectKind::StrayQuote,
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
            DefectKind::StrayQuote => {
                let line = physical_line(dir.path(), &d.file, d.line);
                let at = line.iter().rposition(|b| *b == b'"').expect("a quote on the line");
                assert_eq!(line.iter().filter(|b| **b == b'"').count() % 2, 1, "{d:?}: the quote is left open");
                assert_eq!(line[at - 1], b',', "{d:?}: the quote opens a field");
                let before = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .from_reader(&line[..at - 1])
                    .byte_records()
                    .next()
                    .unwrap()
                    .unwrap()
                    .len();
                assert_eq!(t.header[before], d.column.as_deref().unwrap(), "{d:?}: the column it opens");
                assert!(before + 1 < width, "{d:?}: mid-line, not in the last field");
                assert_eq!(rec.fields.len(), before + 1, "{d:?}: read alone, the line ends inside the field");
                assert_eq!(d.last_line, d.line);
            }
            DefectKind::UnterminatedQuote => {
                assert_eq!(t.recs.last().unwrap().line, d.line, "{d:?}");
                let line = physical_line(dir.path(), &d.file, d.line);
                let quotes = line.iter().filter(|b| **b == b'"').count();
                assert_eq!(quotes % 2, 1, "an odd number of quotes means one is never closed");
                assert!(physical_line(dir.path(), &d.file, d.line + 1).is_empty(), "{d:?}: the file ends there");
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
fn files_other_files_refer_to_get_no_rejectable_defects_but_on_copies() {
    let dir = tempfile::tempdir().unwrap();
    let m = gen(dir.path(), 400, 34, 0.1);
    for d in &m.defects {
        if ["pat.csv", "order.csv", "deputy.csv", "deputy_address.csv", "panrec.csv", "feeexport1.csv"]
            .contains(&d.file.as_str())
        {
            // A rejected copy of a duplicated record leaves nothing orphaned.
            let on_a_copy = d.kind == DefectKind::StrayQuote && d.detail.starts_with("a copy of the record on line");
            assert!(!d.kind.rejects_record() || on_a_copy, "{d:?}");
        }
    }
}

#[test]
fn a_stray_quote_is_in_files_that_take_rejects_and_would_swallow_the_lines_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let m = gen(dir.path(), 400, 35, 0.04);
    let stray: Vec<_> = m.defects.iter().filter(|d| d.kind == DefectKind::StrayQuote).collect();
    let files: HashSet<&str> = stray.iter().map(|d| d.file.as_str()).collect();
    assert!(files.len() >= 5, "stray quotes in only {files:?}");
    // Key files get theirs on the copy of a duplicated record, which orphans nothing when rejected.
    let keys: Vec<_> = stray.iter().filter(|d| d.detail.starts_with("a copy of the record on line")).collect();
    assert!(keys.iter().any(|d| d.file == "pat.csv" || d.file == "deputy.csv"), "no stray quote in a key file");
    for d in &keys {
        let t = read(dir.path(), &d.file);
        let k = t.recs.iter().position(|r| r.line == d.line).unwrap();
        assert_eq!(t.recs[k - 1].line + 1, d.line, "{d:?}: the copy follows its original");
    }
    for d in &stray {
        assert_eq!(d.last_line, d.line, "{d:?}");
        let t = read(dir.path(), &d.file);
        assert_eq!(t.recs.len() as u64, m.file(&d.file).unwrap().rows, "{}: every record read back", d.file);
    }
    // Read as a plain CSV reader reads, each stray quote takes the lines after it down with it.
    let d = stray[0];
    let bytes = std::fs::read(dir.path().join(&d.file)).unwrap();
    let naive =
        csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(&bytes[..]).byte_records().count();
    assert!((naive as u64) < m.file(&d.file).unwrap().rows, "{d:?} swallows nothing");
}

#[test]
fn a_defect_in_a_multi_line_remark_gives_the_lines_the_remark_covers() {
    let dir = tempfile::tempdir().unwrap();
    let m = gen(dir.path(), 400, 31, 0.04);
    let mut multi = 0;
    let mut tables = HashMap::new();
    // The unterminated quote's field runs to the end of the file and takes the final line end in.
    for d in m.defects.iter().filter(|d| d.kind != DefectKind::UnterminatedQuote) {
        let t = tables.entry(d.file.clone()).or_insert_with(|| read(dir.path(), &d.file));
        let k = t.recs.iter().position(|r| r.line == d.line).unwrap();
        let breaks: u64 = t.recs[k].raw.iter().map(|f| f.iter().filter(|b| **b == b'\n').count() as u64).sum();
        assert_eq!(d.last_line, d.line + breaks, "{d:?}");
        if let Some(next) = t.recs.get(k + 1) {
            assert_eq!(next.line, d.last_line + 1, "{d:?}: the next record starts on the line after");
        }
        multi += u64::from(breaks > 0);
    }
    assert!(multi > 0, "some defects are in records spanning lines");
}
