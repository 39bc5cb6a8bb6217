//! Writes one export file: CSV quoting, Windows-1252 encoding, physical line numbers,
//! SHA-256, and the defects injected into it.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use casrec_catalog::CasrecFile;
use sha2::{Digest, Sha256};

use crate::error::GenError;
use crate::manifest::{Defect, DefectKind, FileEntry};
use crate::rng::R;

/// Bytes that are undefined in Windows-1252 and cannot start a UTF-8 sequence.
pub const UNDECODABLE_BYTES: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];
/// Stand-in characters, replaced by raw bytes after encoding (they never occur in real values).
const MARK_UNDECODABLE: char = '\u{1}';
const MARK_UNTERMINATED: char = '\u{2}';
const MARK_STRAY_QUOTE: char = '\u{3}';

/// What a reference column points at, for orphan values that cannot exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyKind {
    Case,
    Deputy,
    Address,
    Order,
}

impl KeyKind {
    fn orphan(self, n: u64) -> String {
        let n = n % 900_000;
        match self {
            KeyKind::Case => format!("{:08}", 99_000_000 + n),
            KeyKind::Deputy => (90_000_000 + n).to_string(),
            KeyKind::Address => (95_000_000 + n).to_string(),
            KeyKind::Order => (97_000_000 + n).to_string(),
        }
    }
}

/// Which columns of a file each kind of defect may touch.
pub(crate) struct DefectSpec {
    pub mandatory: &'static [&'static str],
    pub codes: &'static [(&'static str, &'static str)],
    pub dates: &'static [&'static str],
    pub text: &'static [&'static str],
    pub refs: &'static [(&'static str, KeyKind)],
    /// Files other files refer to: records the loader would reject are not injected there, so
    /// every dangling reference in the output is one the manifest lists as an orphan.
    pub key_file: bool,
    pub unterminated_quote: bool,
}

pub(crate) const NO_DEFECTS: DefectSpec = DefectSpec {
    mandatory: &[],
    codes: &[],
    dates: &[],
    text: &[],
    refs: &[],
    key_file: true,
    unterminated_quote: false,
};

/// One record in catalogue column order.
#[derive(Clone)]
pub(crate) struct Row {
    cols: &'static [&'static str],
    pub vals: Vec<String>,
}

impl Row {
    pub fn new(file: &'static CasrecFile) -> Row {
        Row { cols: file.columns, vals: vec![String::new(); file.columns.len()] }
    }

    fn pos(&self, col: &str) -> usize {
        match self.cols.iter().position(|c| *c == col) {
            Some(p) => p,
            None => panic!("column {col:?} is not in the catalogue header"),
        }
    }

    pub fn set(&mut self, col: &str, v: impl Into<String>) {
        let p = self.pos(col);
        self.vals[p] = v.into();
    }

    /// Sets the column only if the file has it (shared helpers run over several files).
    pub fn set_if(&mut self, col: &str, v: impl Into<String>) {
        if let Some(p) = self.cols.iter().position(|c| *c == col) {
            self.vals[p] = v.into();
        }
    }

    pub fn get(&self, col: &str) -> &str {
        &self.vals[self.pos(col)]
    }

    fn has(&self, col: &str) -> bool {
        self.cols.contains(&col)
    }

    /// Fields a stray quote can open with nothing after it on the line to close it: past the
    /// first field and every field the writer quotes, and before the last, on a record that
    /// stays on one line.
    fn stray_quote_fields(&self) -> std::ops::Range<usize> {
        let quoted = |v: &String| v.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'));
        if self.vals.iter().any(|v| v.contains(['\r', '\n'])) {
            return 0..0;
        }
        let start = self.vals.iter().rposition(quoted).map_or(1, |p| (p + 1).max(1));
        start..self.vals.len().saturating_sub(1).max(start)
    }
}

/// How the chosen defect changes the record beyond its values.
#[derive(Default)]
struct Tamper {
    duplicate: bool,
    /// Fields added (positive) or dropped (negative).
    fields: i64,
    bad_byte: u8,
    stray_quote: bool,
    /// A duplicate whose copy has a stray quote opening this field.
    stray_quote_copy: Option<usize>,
}

/// The csv writer writes into this shared buffer, so each record can be re-encoded to
/// Windows-1252 and line-counted before it reaches the file (csv::Writer has no `get_mut`).
#[derive(Clone, Default)]
pub(crate) struct SharedBuf(pub std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl Write for SharedBuf {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub(crate) fn csv_writer(buf: SharedBuf) -> csv::Writer<SharedBuf> {
    csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(buf)
}

pub(crate) struct Sink {
    file: &'static CasrecFile,
    spec: &'static DefectSpec,
    path: PathBuf,
    out: BufWriter<File>,
    hasher: Sha256,
    csv: csv::Writer<SharedBuf>,
    buf: SharedBuf,
    enc: Vec<u8>,
    line: u64,
    rows: u64,
    bytes: u64,
    seq: u64,
    seed: u64,
    rate: f64,
    rct: Option<usize>,
    pub defects: Vec<Defect>,
}

impl Sink {
    pub fn create(
        dir: &Path,
        file: &'static CasrecFile,
        spec: &'static DefectSpec,
        seed: u64,
        rate: f64,
    ) -> Result<Sink, GenError> {
        let path = dir.join(file.file);
        let f = File::create(&path).map_err(|e| GenError::io(&path, e))?;
        let buf = SharedBuf::default();
        let csv = csv_writer(buf.clone());
        let mut s = Sink {
            file,
            spec,
            path,
            out: BufWriter::with_capacity(1 << 18, f),
            hasher: Sha256::new(),
            csv,
            buf,
            enc: Vec::with_capacity(4096),
            line: 1,
            rows: 0,
            bytes: 0,
            seq: 0,
            seed,
            rate,
            rct: file.columns.iter().position(|c| *c == "rct"),
            defects: Vec::new(),
        };
        s.encode(file.columns.iter().copied())?;
        s.flush_record()?;
        Ok(s)
    }

    fn encode<'a>(&mut self, vals: impl IntoIterator<Item = &'a str>) -> Result<(), GenError> {
        self.csv.write_record(vals).map_err(|e| GenError::csv(&self.path, e))?;
        self.csv.flush().map_err(|e| GenError::io(&self.path, e))?;
        let mut utf8 = self.buf.0.borrow_mut();
        self.enc.clear();
        if utf8.is_ascii() {
            self.enc.extend_from_slice(&utf8);
        } else {
            let s = std::str::from_utf8(&utf8).expect("csv writes what it was given");
            let (b, _, _) = encoding_rs::WINDOWS_1252.encode(s);
            self.enc.extend_from_slice(&b);
        }
        utf8.clear();
        Ok(())
    }

    /// Writes the encoded record and returns the line it starts on.
    fn flush_record(&mut self) -> Result<u64, GenError> {
        let start = self.line;
        self.line += self.enc.iter().filter(|b| **b == b'\n').count() as u64;
        self.hasher.update(&self.enc);
        self.bytes += self.enc.len() as u64;
        self.out.write_all(&self.enc).map_err(|e| GenError::io(&self.path, e))?;
        Ok(start)
    }

    fn defect(&mut self, line: u64, column: Option<&str>, kind: DefectKind, detail: String) {
        self.defects.push(Defect {
            file: self.file.file.to_string(),
            line,
            // Called right after the record is written, so the next line is the one after it.
            last_line: self.line - 1,
            column: column.map(str::to_string),
            kind,
            detail,
        });
    }

    /// Writes a record, perhaps with a defect injected (decided per record from the seed).
    pub fn emit(&mut self, mut row: Row) -> Result<(), GenError> {
        self.seq += 1;
        // CasRec numbers the records of each export in `rct`.
        if let Some(p) = self.rct {
            if row.vals[p].is_empty() {
                row.vals[p] = self.seq.to_string();
            }
        }
        let mut chosen: Option<(DefectKind, Option<&'static str>, String)> = None;
        let mut t = Tamper::default();
        if self.rate > 0.0 {
            let mut r = R::new(self.seed, self.file.file, self.seq);
            if r.chance(self.rate) {
                chosen = self.inject(&mut r, &mut row, &mut t);
            }
        }
        let Tamper { duplicate: dup, fields, bad_byte, stray_quote, stray_quote_copy } = t;
        if fields > 0 {
            for k in 0..fields {
                row.vals.push(format!("EXTRA{k}"));
            }
        } else if fields < 0 {
            let keep = row.vals.len().saturating_sub((-fields) as usize);
            row.vals.truncate(keep);
        }
        self.encode(row.vals.iter().map(String::as_str))?;
        if bad_byte != 0 {
            for b in self.enc.iter_mut() {
                if *b == MARK_UNDECODABLE as u8 {
                    *b = bad_byte;
                }
            }
        }
        if stray_quote {
            // Written after quoting, or the writer would have escaped it.
            let at = self.enc.iter().position(|b| *b == MARK_STRAY_QUOTE as u8).expect("marker written");
            self.enc[at] = b'"';
        }
        let line = self.flush_record()?;
        self.rows += 1;
        if let (true, Some(p)) = (dup, stray_quote_copy) {
            let mut vals = row.vals.clone();
            vals[p].insert(0, MARK_STRAY_QUOTE);
            self.encode(vals.iter().map(String::as_str))?;
            let at = self.enc.iter().position(|b| *b == MARK_STRAY_QUOTE as u8).expect("marker written");
            self.enc[at] = b'"';
            let line2 = self.flush_record()?;
            self.rows += 1;
            let c = self.file.columns[p];
            let detail = format!(
                "a copy of the record on line {line} in which a quote opens {c} and nothing on the line closes it"
            );
            self.defect(line2, Some(c), DefectKind::StrayQuote, detail);
        } else if dup {
            let line2 = self.flush_record()?;
            self.rows += 1;
            self.defect(line2, None, DefectKind::DuplicateRow, format!("copy of the record on line {line}"));
        } else if let Some((kind, col, detail)) = chosen {
            self.defect(line, col, kind, detail);
        }
        Ok(())
    }

    fn inject(&self, r: &mut R, row: &mut Row, t: &mut Tamper) -> Option<(DefectKind, Option<&'static str>, String)> {
        let spec = self.spec;
        let mut kinds = vec![DefectKind::DuplicateRow];
        let nonempty = |cols: &[&'static str], row: &Row| -> Vec<&'static str> {
            cols.iter().copied().filter(|c| row.has(c) && !row.get(c).is_empty()).collect()
        };
        let mandatory = nonempty(spec.mandatory, row);
        let dates = nonempty(spec.dates, row);
        let text = nonempty(spec.text, row);
        let refs: Vec<(&'static str, KeyKind)> =
            spec.refs.iter().copied().filter(|(c, _)| row.has(c) && !row.get(c).is_empty()).collect();
        if !mandatory.is_empty() {
            kinds.push(DefectKind::BlankMandatory);
        }
        if !dates.is_empty() {
            kinds.push(DefectKind::ImpossibleDate);
        }
        if !spec.codes.is_empty() {
            kinds.push(DefectKind::UnknownCode);
        }
        if !text.is_empty() {
            kinds.push(DefectKind::StrayWhitespace);
        }
        if !refs.is_empty() {
            kinds.push(DefectKind::OrphanReference);
            kinds.push(DefectKind::OrphanReference);
        }
        if !spec.key_file {
            kinds.push(DefectKind::TooManyFields);
            // A record cut down to no field at all would be an empty line, which readers skip.
            if row.vals.len() >= 2 {
                kinds.push(DefectKind::TooFewFields);
            }
            if !text.is_empty() {
                kinds.push(DefectKind::UndecodableBytes);
            }
            if !row.stray_quote_fields().is_empty() {
                kinds.push(DefectKind::StrayQuote);
            }
        }
        let kind = r.pick(&kinds);
        match kind {
            DefectKind::DuplicateRow => {
                t.duplicate = true;
                // A rejected line of a key file would orphan what hangs from it; a rejected copy
                // orphans nothing, so key files get their stray quotes on copies.
                let fields = row.stray_quote_fields();
                if spec.key_file && !fields.is_empty() && r.chance(0.5) {
                    t.stray_quote_copy = Some(fields.start + r.below(fields.len()));
                }
                None
            }
            DefectKind::BlankMandatory => {
                let c = r.pick(&mandatory);
                let p = row.pos(c);
                let was = std::mem::take(&mut row.vals[p]);
                Some((kind, Some(c), format!("was {was:?}")))
            }
            DefectKind::ImpossibleDate => {
                let c = r.pick(&dates);
                let v = r.pick(&[
                    "2021-02-31 00:00:00",
                    "0000-01-01 00:00:00",
                    "2019-13-05 00:00:00",
                    "2022-04-31 00:00:00",
                ]);
                row.set(c, v);
                Some((kind, Some(c), format!("{v:?}")))
            }
            DefectKind::UnknownCode => {
                let (c, v) = r.pick(spec.codes);
                row.set(c, v);
                Some((kind, Some(c), format!("{v:?}")))
            }
            DefectKind::StrayWhitespace => {
                let c = r.pick(&text);
                let v = match r.below(3) {
                    0 => format!(" {}", row.get(c)),
                    1 => format!("{}  ", row.get(c)),
                    _ => format!("  {} ", row.get(c)),
                };
                row.set(c, v.clone());
                Some((kind, Some(c), format!("{v:?}")))
            }
            DefectKind::OrphanReference => {
                let (c, k) = r.pick(&refs);
                let v = k.orphan(self.seq);
                row.set(c, v.clone());
                Some((kind, Some(c), format!("{c} {v} does not exist")))
            }
            DefectKind::TooManyFields => {
                let n = r.int(1, 2);
                t.fields = n;
                Some((kind, None, format!("{} fields, header has {}", row.vals.len() as i64 + n, row.vals.len())))
            }
            DefectKind::TooFewFields => {
                let n = r.int(1, 3.min(row.vals.len() as i64 - 1));
                t.fields = -n;
                Some((kind, None, format!("{} fields, header has {}", row.vals.len() as i64 - n, row.vals.len())))
            }
            DefectKind::UndecodableBytes => {
                let c = r.pick(&text);
                let b = r.pick(&UNDECODABLE_BYTES);
                t.bad_byte = b;
                let mut v = row.get(c).to_string();
                let at = v.char_indices().map(|(i, _)| i).nth(r.below(v.chars().count().max(1))).unwrap_or(0);
                v.insert(at, MARK_UNDECODABLE);
                row.set(c, v);
                Some((kind, Some(c), format!("byte 0x{b:02X}")))
            }
            DefectKind::StrayQuote => {
                let fields = row.stray_quote_fields();
                let p = fields.start + r.below(fields.len());
                row.vals[p].insert(0, MARK_STRAY_QUOTE);
                t.stray_quote = true;
                let c = self.file.columns[p];
                Some((kind, Some(c), format!("a quote opens {c} and nothing on the line closes it")))
            }
            DefectKind::UnterminatedQuote => None,
        }
    }

    /// Ends the file, maybe with a last record whose final field opens a quote it never closes.
    pub fn finish(mut self, mut last: Option<Row>) -> Result<(FileEntry, Vec<Defect>), GenError> {
        if self.rate > 0.0 && self.spec.unterminated_quote {
            if let Some(mut row) = last.take() {
                let n = row.vals.len();
                row.vals[n - 1] = MARK_UNTERMINATED.to_string();
                self.encode(row.vals.iter().map(String::as_str))?;
                let pos = self.enc.iter().position(|b| *b == MARK_UNTERMINATED as u8).expect("marker written");
                let tail = b"\"Remark cut off by the export, no closing quote";
                self.enc.splice(pos..pos + 1, tail.iter().copied());
                let line = self.flush_record()?;
                self.rows += 1;
                let col = self.file.columns[n - 1];
                self.defect(
                    line,
                    Some(col),
                    DefectKind::UnterminatedQuote,
                    "quoted field runs to the end of the file".into(),
                );
            }
        }
        self.out.flush().map_err(|e| GenError::io(&self.path, e))?;
        let entry = FileEntry {
            file: self.file.file.to_string(),
            table: self.file.table.to_string(),
            rows: self.rows,
            bytes: self.bytes,
            sha256: hex::encode(self.hasher.finalize()),
        };
        Ok((entry, self.defects))
    }
}
