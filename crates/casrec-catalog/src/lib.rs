//! The CasRec export catalogue: which files CasRec exports, the table each one loads into,
//! and the exact header line. The generator writes these headers, the loader checks
//! incoming files against them, and the transform reads the loaded tables by these names.
//!
//! Besides the 44 exports, four extracts the original also read are known but optional
//! (`optional: true`): an export without one loads it as an empty table and says so, while a
//! file the catalogue does not know is still an error.

mod files;

pub use files::FILES;

/// One CasRec export file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CasrecFile {
    /// File name as exported, e.g. `repvis1.csv`.
    pub file: &'static str,
    /// Table it loads into in the `casrec_csv` schema, e.g. `repvis`.
    pub table: &'static str,
    /// Whether an export may lack the file (an extract beside the CasRec exports): the loader
    /// then makes its table empty and reports it missing, instead of refusing the export.
    pub optional: bool,
    /// Header line, in order, as the loader names the columns.
    pub columns: &'static [&'static str],
}

impl CasrecFile {
    pub fn has_column(&self, name: &str) -> bool {
        self.columns.contains(&name)
    }
}

/// The catalogue entry for an export file name (case-insensitive, with or without a folder).
pub fn by_file(name: &str) -> Option<&'static CasrecFile> {
    let base = name.rsplit('/').next().unwrap_or(name);
    FILES.iter().find(|f| f.file.eq_ignore_ascii_case(base))
}

/// The catalogue entry for a `casrec_csv` table name.
pub fn by_table(table: &str) -> Option<&'static CasrecFile> {
    FILES.iter().find(|f| f.table == table)
}

/// The files an export must have.
pub fn required() -> impl Iterator<Item = &'static CasrecFile> {
    FILES.iter().filter(|f| !f.optional)
}

/// The extracts an export may lack.
pub fn optional() -> impl Iterator<Item = &'static CasrecFile> {
    FILES.iter().filter(|f| f.optional)
}

/// Turns a raw header line into the column names the loader uses.
///
/// CasRec headers are taken verbatim (spaces, dots and capitals kept, as the mapping
/// definitions refer to them), except that surrounding whitespace and a UTF-8 byte order mark
/// are removed, and a repeated name gets pandas' `.1`, `.2`… suffix so that `at, at` stays two
/// distinct columns, matching the names the original loader produced.
pub fn sanitise_headers<S: AsRef<str>>(raw: &[S]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    for (i, h) in raw.iter().enumerate() {
        let mut name = h.as_ref();
        if i == 0 {
            name = name.trim_start_matches('\u{feff}');
        }
        let base = name.trim().to_string();
        let mut candidate = base.clone();
        let mut n = 0;
        while out.contains(&candidate) {
            n += 1;
            candidate = format!("{base}.{n}");
        }
        out.push(candidate);
    }
    out
}

/// How a header differs from the catalogue's, for an error message.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HeaderDiff {
    pub missing: Vec<String>,
    pub unexpected: Vec<String>,
    pub reordered: bool,
}

impl HeaderDiff {
    pub fn is_empty(&self) -> bool {
        self.missing.is_empty() && self.unexpected.is_empty() && !self.reordered
    }
}

impl std::fmt::Display for HeaderDiff {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts = Vec::new();
        if !self.missing.is_empty() {
            parts.push(format!("missing columns: {}", self.missing.join(", ")));
        }
        if !self.unexpected.is_empty() {
            parts.push(format!("unexpected columns: {}", self.unexpected.join(", ")));
        }
        if self.reordered {
            parts.push("columns are in a different order".to_string());
        }
        f.write_str(&parts.join("; "))
    }
}

/// Compares a sanitised header with the catalogue's columns for a file.
pub fn diff_header(file: &CasrecFile, header: &[String]) -> HeaderDiff {
    let missing =
        file.columns.iter().filter(|c| !header.iter().any(|h| h == *c)).map(|c| c.to_string()).collect::<Vec<_>>();
    let unexpected = header.iter().filter(|h| !file.columns.contains(&h.as_str())).cloned().collect::<Vec<_>>();
    let reordered = missing.is_empty()
        && unexpected.is_empty()
        && header.iter().map(String::as_str).ne(file.columns.iter().copied());
    HeaderDiff { missing, unexpected, reordered }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_has_a_unique_table_and_unique_columns() {
        let mut tables: Vec<_> = FILES.iter().map(|f| f.table).collect();
        tables.sort();
        tables.dedup();
        assert_eq!(tables.len(), FILES.len());
        for f in FILES {
            let mut cols = f.columns.to_vec();
            cols.sort();
            cols.dedup();
            assert_eq!(cols.len(), f.columns.len(), "duplicate column in {}", f.file);
            assert!(f.columns.iter().all(|c| c.len() <= 63), "{} has a column name PostgreSQL would truncate", f.file);
        }
    }

    #[test]
    fn numbered_exports_load_into_unnumbered_tables() {
        assert_eq!(by_file("repvis1.csv").unwrap().table, "repvis");
        assert_eq!(by_file("some/prefix/FEEEXPORT1.CSV").unwrap().table, "feeexport");
        assert_eq!(by_table("pat").unwrap().file, "pat.csv");
        assert!(by_file("unknown.csv").is_none());
    }

    #[test]
    fn the_44_exports_are_required_and_the_four_extracts_optional() {
        assert_eq!(required().count(), 44);
        let optional: Vec<&str> = optional().map(|f| f.table).collect();
        assert_eq!(optional, ["sop_aged_debt", "sop_feecheck", "sop_feecheckcredits", "casrec_letters"]);
        assert_eq!(by_file("sop_aged_debt.csv").unwrap().columns, ["Trx Number", "Outstanding Amount"]);
    }

    #[test]
    fn repeated_headers_get_pandas_suffixes_and_bom_is_removed() {
        let got = sanitise_headers(&["\u{feff}rct", " at ", "at", "at", "by"]);
        assert_eq!(got, vec!["rct", "at", "at.1", "at.2", "by"]);
    }

    #[test]
    fn header_diff_names_missing_and_unexpected_columns() {
        let pat = by_table("pat").unwrap();
        let mut header: Vec<String> = pat.columns.iter().map(|s| s.to_string()).collect();
        assert!(diff_header(pat, &header).is_empty());
        header.retain(|c| c != "Forename");
        header.push("Nickname".into());
        let d = diff_header(pat, &header);
        assert_eq!(d.missing, vec!["Forename"]);
        assert_eq!(d.unexpected, vec!["Nickname"]);
        assert!(d.to_string().contains("missing columns: Forename"));
        let mut swapped: Vec<String> = pat.columns.iter().map(|s| s.to_string()).collect();
        swapped.swap(0, 1);
        assert!(diff_header(pat, &swapped).reordered);
    }
}
