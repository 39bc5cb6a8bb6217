mod common;

use casrec_catalog::FILES;
use common::{gen, read};

#[test]
fn every_catalogue_file_is_written_with_exactly_the_catalogue_header() {
    let dir = tempfile::tempdir().unwrap();
    let m = gen(dir.path(), 200, 3, 0.0);
    assert_eq!(m.files.len(), FILES.len());
    for f in FILES {
        let t = read(dir.path(), f.file);
        let want: Vec<String> = f.columns.iter().map(|c| c.to_string()).collect();
        assert_eq!(t.header, want, "{}", f.file);
        // The raw first line is the header joined by commas, nothing else.
        let bytes = std::fs::read(dir.path().join(f.file)).unwrap();
        let first = bytes.split(|b| *b == b'\n').next().unwrap();
        let quoted = f.columns.iter().any(|c| c.contains(','));
        if !quoted {
            assert_eq!(first, format!("{}\r", f.columns.join(",")).as_bytes(), "{}", f.file);
        }
    }
}

#[test]
fn most_files_have_rows_and_every_row_has_the_header_field_count() {
    let dir = tempfile::tempdir().unwrap();
    let m = gen(dir.path(), 300, 4, 0.0);
    let empty: Vec<_> = m.files.iter().filter(|f| f.rows == 0).map(|f| f.file.clone()).collect();
    assert!(empty.len() <= 2, "files without rows: {empty:?}");
    for f in FILES {
        let t = read(dir.path(), f.file);
        assert_eq!(t.recs.len() as u64, m.file(f.file).unwrap().rows, "{}", f.file);
        for r in &t.recs {
            assert_eq!(r.fields.len(), f.columns.len(), "{} line {}", f.file, r.line);
        }
    }
}

#[test]
fn files_are_windows_1252_with_non_ascii_names_and_crlf_line_ends() {
    let dir = tempfile::tempdir().unwrap();
    gen(dir.path(), 500, 5, 0.0);
    let bytes = std::fs::read(dir.path().join("pat.csv")).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "pat.csv should not be valid UTF-8");
    let (text, _, bad) = encoding_rs::WINDOWS_1252.decode(&bytes);
    assert!(!bad);
    assert!(text.chars().any(|c| "ëâéóïíáú".contains(c)), "expected accented names");
    assert!(text.contains('\''), "expected names such as O'Brien");
    assert!(text.starts_with("rct,") && text.contains("\r\n"));
    for b in casrec_gen::UNDECODABLE_BYTES {
        assert!(!bytes.contains(&b), "no undecodable bytes without defects");
    }
}

#[test]
fn dates_and_times_use_the_export_formats() {
    let dir = tempfile::tempdir().unwrap();
    gen(dir.path(), 200, 6, 0.0);
    let is_date = |v: &str| {
        v.len() == 19 && v.ends_with(" 00:00:00") && chrono::NaiveDate::parse_from_str(&v[..10], "%Y-%m-%d").is_ok()
    };
    let is_time = |v: &str| {
        let base = v.split('.').next().unwrap();
        chrono::NaiveTime::parse_from_str(base, "%H:%M:%S").is_ok()
            && v.split('.').nth(1).is_none_or(|f| f.len() == 6 && f.bytes().all(|b| b.is_ascii_digit()))
    };
    let pat = read(dir.path(), "pat.csv");
    for r in &pat.recs {
        for c in ["Create", "DOB", "Term Date", "Away Date", "Modify"] {
            let v = pat.get(r, c).unwrap();
            assert!(v.is_empty() || is_date(v), "pat {c} {v:?}");
        }
        let at = pat.get(r, "at").unwrap();
        assert!(is_time(at), "pat at {at:?}");
    }
    let remarks = read(dir.path(), "remarks.csv");
    let mut fractional = 0;
    for r in &remarks.recs {
        assert!(is_date(remarks.get(r, "Logdate").unwrap()));
        let t = remarks.get(r, "Logtime").unwrap();
        assert!(is_time(t), "{t:?}");
        fractional += t.contains('.') as usize;
    }
    assert!(fractional > 0, "some times carry microseconds");
}

#[test]
fn remarks_carry_quotes_commas_and_newlines_as_valid_csv() {
    let dir = tempfile::tempdir().unwrap();
    gen(dir.path(), 300, 7, 0.0);
    let t = read(dir.path(), "remarks.csv");
    let texts: Vec<&str> = t.recs.iter().map(|r| t.get(r, "Remarks").unwrap()).collect();
    assert!(texts.iter().any(|s| s.contains('\n')));
    assert!(texts.iter().any(|s| s.contains('"')));
    assert!(texts.iter().any(|s| s.contains(',')));
    // Records after a multi-line remark start on later physical lines.
    assert!(t.recs.last().unwrap().line > t.recs.len() as u64 + 1);
}
