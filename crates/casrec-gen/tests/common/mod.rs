#![allow(dead_code)]

use std::collections::HashSet;
use std::path::Path;

use casrec_gen::{generate, GenerateOptions, Manifest};

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

pub fn read(dir: &Path, file: &str) -> Table {
    let bytes = std::fs::read(dir.join(file)).expect("file exists");
    let mut rd = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&bytes[..]);
    let mut header = None;
    let mut recs = Vec::new();
    let mut rec = csv::ByteRecord::new();
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
        let line = bytes[..start].iter().filter(|b| **b == b'\n').count() as u64 + 1;
        let raw: Vec<Vec<u8>> = rec.iter().map(|f| f.to_vec()).collect();
        let fields = raw.iter().map(|f| text(f)).collect();
        if header.is_none() {
            header = Some(fields);
        } else {
            recs.push(Rec { line, raw, fields });
        }
    }
    Table { header: header.expect("header"), recs }
}
