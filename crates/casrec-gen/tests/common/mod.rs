#![allow(dead_code)]

use std::collections::HashSet;
use std::path::Path;

use casrec_gen::{generate, DefectKind, GenerateOptions, Manifest};

pub fn gen(dir: &Path, clients: u64, seed: u64, defects: f64) -> Manifest {
    let opts = GenerateOptions { clients, seed, out_dir: dir.to_path_buf(), defect_rate: defects };
    generate(&opts).expect("generation succeeds")
}

/// A record as the bytes in the file, with the physical line it starts on.
pub struct Rec {
    pub line: u64,
    pub raw: Vec<Vec<u8>>,
    pub fields: Vec<String>,
}

pub struct Table {
    pub header: Vec<String>,
    pub recs: Vec<Rec>,
}

impl Table {
    pub fn col(&self, name: &str) -> usize {
        self.header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"))
    }

    pub fn get<'a>(&self, rec: &'a Rec, name: &str) -> Option<&'a str> {
        rec.fields.get(self.col(name)).map(String::as_str)
    }

    pub fn values(&self, name: &str) -> HashSet<String> {
        let c = self.col(name);
        self.recs.iter().filter_map(|r| r.fields.get(c).cloned()).collect()
    }

    pub fn at_line(&self, line: u64) -> &Rec {
        self.recs.iter().find(|r| r.line == line).unwrap_or_else(|| panic!("no record starts on line {line}"))
    }
}

pub fn text(b: &[u8]) -> String {
    match std::str::from_utf8(b) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(b).0.into_owned(),
    }
}

/// Reads a generated file. Lines the manifest next to it lists as stray quotes are read on their
/// own and the file is read afresh from the line after each, as the loader does; without that a
/// CSV reader would carry the stray quote's field over the following lines.
pub fn read(dir: &Path, file: &str) -> Table {
    let bytes = std::fs::read(dir.join(file)).expect("file exists");
    let stray: Vec<u64> = match std::fs::read(dir.join("manifest.json")) {
        Ok(m) => {
            let m: Manifest = serde_json::from_slice(&m).expect("manifest parses");
            m.defects_in(file).filter(|d| d.kind == DefectKind::StrayQuote).map(|d| d.line).collect()
        }
        Err(_) => Vec::new(),
    };
    let mut starts = vec![0usize];
    let mut line = 1u64;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            line += 1;
            starts.push(i + 1);
        }
    }
    let line_start = |l: u64| starts.get(l as usize - 1).copied().unwrap_or(bytes.len());
    let mut header = None;
    let mut recs = Vec::new();
    let mut from = 1u64;
    for &s in stray.iter().chain(std::iter::once(&(line + 1))) {
        let seg = &bytes[line_start(from)..line_start(s)];
        read_segment(seg, from, &mut header, &mut recs);
        if s <= line {
            let mut one = &bytes[line_start(s)..line_start(s + 1)];
            while let [head @ .., b'\r' | b'\n'] = one {
                one = head;
            }
            read_segment(one, s, &mut header, &mut recs);
        }
        from = s + 1;
    }
    Table { header: header.expect("header"), recs }
}

/// Reads records from `bytes`, which start at physical line `first_line` of their file.
fn read_segment(bytes: &[u8], first_line: u64, header: &mut Option<Vec<String>>, recs: &mut Vec<Rec>) {
    let mut rd = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut rec = csv::ByteRecord::new();
    // Newlines before `counted`, so each record's line is found without rescanning the file.
    let (mut counted, mut newlines) = (0usize, 0u64);
    loop {
        let mut start = rd.position().byte() as usize;
        // The reader may stop before the previous record's line end; skip it.
        while start < bytes.len() && (bytes[start] == b'\r' || bytes[start] == b'\n') {
            start += 1;
        }
        if !rd.read_byte_record(&mut rec).expect("readable csv") {
            break;
        }
        // Physical line = newlines before the record's first byte, plus one.
        newlines += bytes[counted..start].iter().filter(|b| **b == b'\n').count() as u64;
        counted = start;
        let line = first_line + newlines;
        let raw: Vec<Vec<u8>> = rec.iter().map(|f| f.to_vec()).collect();
        let fields = raw.iter().map(|f| text(f)).collect();
        if header.is_none() {
            *header = Some(fields);
        } else {
            recs.push(Rec { line, raw, fields });
        }
    }
}
