use serde::{Deserialize, Serialize};

/// What `generate` wrote: written as `manifest.json` next to the files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub generator: String,
    pub seed: u64,
    pub clients: u64,
    pub defect_rate: f64,
    /// Date the synthetic export was taken (`YYYY-MM-DD`); events are dated on or before it
    /// (due dates such as `pat."Report Due"` may be later).
    pub export_date: String,
    /// One entry per catalogue file, in catalogue order.
    pub files: Vec<FileEntry>,
    /// Every defect injected on purpose, by file then line.
    pub defects: Vec<Defect>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub file: String,
    pub table: String,
    /// Data records written (header excluded; duplicated and malformed records included).
    pub rows: u64,
    pub bytes: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Defect {
    pub file: String,
    /// 1-based physical line where the defective record starts (the header is line 1).
    pub line: u64,
    /// The line it ends on: `line`, unless a remark in it holds line breaks.
    pub last_line: u64,
    pub column: Option<String>,
    pub kind: DefectKind,
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DefectKind {
    /// A field that every real row has is empty.
    BlankMandatory,
    /// A date that does not exist (`2021-02-31`, year `0000`, month 13).
    ImpossibleDate,
    /// A code outside the column's domain.
    UnknownCode,
    /// Leading or trailing spaces around a value.
    StrayWhitespace,
    /// The previous record written again, byte for byte.
    DuplicateRow,
    /// More fields than the header (the loader rejects the record).
    TooManyFields,
    /// Fewer fields than the header (the loader rejects the record).
    TooFewFields,
    /// Bytes undefined in Windows-1252 and invalid in UTF-8 (0x81, 0x8D, 0x8F, 0x90, 0x9D);
    /// the loader rejects the record.
    UndecodableBytes,
    /// A `Case`, `Deputy No`, `Dep Addr No` or `Order No` that no parent record has.
    OrphanReference,
    /// The file's last record opens a quoted field that is never closed.
    UnterminatedQuote,
    /// A `"` at the start of a field in the middle of a line, with no quote after it on the
    /// line: a CSV reader carries the field over every following line up to the next quote in
    /// the file. The loader rejects that line only.
    StrayQuote,
}

impl DefectKind {
    /// Defects after which the loader refuses the whole record.
    pub fn rejects_record(self) -> bool {
        matches!(
            self,
            DefectKind::TooManyFields
                | DefectKind::TooFewFields
                | DefectKind::UndecodableBytes
                | DefectKind::UnterminatedQuote
                | DefectKind::StrayQuote
        )
    }
}

impl Manifest {
    pub fn file(&self, name: &str) -> Option<&FileEntry> {
        self.files.iter().find(|f| f.file == name)
    }

    pub fn defects_in<'a>(&'a self, file: &'a str) -> impl Iterator<Item = &'a Defect> + 'a {
        self.defects.iter().filter(move |d| d.file == file)
    }
}
