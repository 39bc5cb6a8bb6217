//! `anonymise`: turns real CasRec exports into shareable ones.
//!
//! Personal values are replaced by fakes picked with a keyed hash of the original value, so
//! the same input always gives the same fake (joins on names or addresses survive) while the
//! original cannot be recovered without the key. Keys, codes, amounts and non-personal dates
//! are kept as they are.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::GenError;
use crate::fake;
use crate::rng::R;
use crate::sink::{csv_writer, SharedBuf};

/// Options of [`anonymise`].
#[derive(Debug, Clone)]
pub struct AnonymiseOptions {
    pub in_dir: PathBuf,
    pub out_dir: PathBuf,
    /// Keep only the rows of this case, followed across every file that refers to it.
    pub case: Option<String>,
    /// Secret mixed into every hash; without it the fakes cannot be traced back.
    pub key: AnonymiseKey,
}

impl AnonymiseOptions {
    pub fn new(in_dir: impl Into<PathBuf>, out_dir: impl Into<PathBuf>, key: AnonymiseKey) -> Self {
        AnonymiseOptions { in_dir: in_dir.into(), out_dir: out_dir.into(), case: None, key }
    }
}

/// The anonymiser's secret. Its fakes are picked by keyed hashes, so whoever knows the key can
/// compute the fake of every candidate name, date of birth or case number and reverse the
/// anonymisation by dictionary: a real export needs a long, private key. Never printed.
#[derive(Clone)]
pub struct AnonymiseKey(String);

/// The shortest key accepted (`openssl rand -hex 32` gives 64 characters).
pub const MIN_KEY_CHARS: usize = 32;

/// The environment variable the key is read from.
pub const KEY_VARIABLE: &str = "CASREC_ANON_KEY";

impl AnonymiseKey {
    /// A key given by the operator; refused when shorter than [`MIN_KEY_CHARS`].
    pub fn new(secret: &str) -> Result<AnonymiseKey, GenError> {
        let secret = secret.trim();
        if secret.chars().count() < MIN_KEY_CHARS {
            return Err(GenError::InvalidOption(format!(
                "the anonymisation key is {} characters long; it needs at least {MIN_KEY_CHARS} \
                 (for instance `openssl rand -hex 32`)",
                secret.chars().count()
            )));
        }
        Ok(AnonymiseKey(secret.to_string()))
    }

    /// The key from `CASREC_ANON_KEY`, else from the first line of `file`; an error when neither
    /// gives one. Never from the command line, where it would land in shell history and in
    /// every process listing.
    pub fn from_environment_or_file(file: Option<&std::path::Path>) -> Result<AnonymiseKey, GenError> {
        if let Ok(v) = std::env::var(KEY_VARIABLE) {
            if !v.trim().is_empty() {
                return AnonymiseKey::new(&v);
            }
        }
        if let Some(path) = file {
            let text = std::fs::read_to_string(path).map_err(|e| GenError::io(path, e))?;
            return AnonymiseKey::new(text.lines().next().unwrap_or(""));
        }
        Err(GenError::InvalidOption(format!(
            "an anonymisation key is required: set {KEY_VARIABLE}, or give --key-file with the key on its first line"
        )))
    }

    /// The fixed, public key: for generated data in tests only, never for a real export.
    pub fn fixed_for_tests() -> AnonymiseKey {
        AnonymiseKey("casrec-gen fixed test key: generated data only".into())
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for AnonymiseKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AnonymiseKey(…)")
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct AnonymisedFile {
    pub file: String,
    pub rows_in: u64,
    pub rows_out: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnonymiseReport {
    pub files: Vec<AnonymisedFile>,
    /// Files in the input folder that are not CasRec exports; they are not copied.
    pub skipped: Vec<String>,
}

/// How a column is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Treatment {
    Keep,
    Forename,
    Surname,
    FullName,
    Initials,
    Organisation,
    /// Address line 1–5 (line 5, the country, is kept).
    Address(u8),
    Postcode,
    Phone,
    Email,
    FreeText,
    DateOfBirth,
    BirthYear,
    AccountNumber,
    Dx,
}

/// The treatment of a CasRec column, by its header name.
pub fn treatment(column: &str) -> Treatment {
    use Treatment::*;
    match column {
        "Forename" | "Dep Forename" | "C Forename" | "Sender Forename" => Forename,
        "Surname" | "Dep Surname" | "C Surname" | "Sender Surname" | "AKA Name" => Surname,
        "Name" => FullName,
        "Init" | "Inits" => Initials,
        "Sender Co" => Organisation,
        "Postcode" | "Dep Postcode" => Postcode,
        "Client Phone" | "Telephone" | "Contact Telephone" | "Contact Tele2" | "Contact Tele3" | "Mobile"
        | "Mobile2" | "Phone" | "Phone 2" | "Day Tele" | "Fax" => Phone,
        "Email" | "Second EMail" | "Third EMail" => Email,
        "Remarks" | "Comments" | "Comment" | "Comments2" | "Other Comment" | "Outcome Comment" | "Recomm Comment"
        | "Recomm Comment2" | "Recommend Comment" | "Override Comment" | "CCWO Comments" | "CCWO Memo"
        | "Info Req." | "Other Attendee" | "Other Attend" => FreeText,
        "DOB" => DateOfBirth,
        "Birth Yr" => BirthYear,
        "Account No" | "CFO Account" | "New Account No" | "Sols Ref" => AccountNumber,
        "DX No" => Dx,
        _ => {
            for prefix in ["Adrs", "Dep Adrs", "C Adrs"] {
                if let Some(n) = column.strip_prefix(prefix).and_then(|d| d.parse::<u8>().ok()) {
                    if (1..=5).contains(&n) {
                        return Address(n);
                    }
                }
            }
            Keep
        }
    }
}

fn keyed(key: &str, what: &str, value: &str) -> u64 {
    let mut h = Sha256::new();
    h.update(key.as_bytes());
    h.update([0]);
    h.update(what.as_bytes());
    h.update([0]);
    h.update(value.as_bytes());
    let d = h.finalize();
    u64::from_le_bytes(d[..8].try_into().expect("eight bytes"))
}

/// Replaces one value; blank values stay blank so that presence is kept.
pub fn replace(key: &str, t: Treatment, value: &str) -> String {
    let v = value.trim();
    if v.is_empty() || t == Treatment::Keep {
        return value.to_string();
    }
    let mut r = R::new(keyed(key, &format!("{t:?}"), v), "anonymise", 0);
    match t {
        Treatment::Keep => value.to_string(),
        Treatment::Forename => {
            let words = v.split(' ').filter(|w| !w.is_empty()).count().clamp(1, 3);
            (0..words).map(|_| fake::forename(&mut r, 'U')).collect::<Vec<_>>().join(" ")
        }
        Treatment::Surname => fake::surname(&mut r).to_string(),
        Treatment::FullName => fake::staff_name(&mut r),
        Treatment::Initials => {
            let n = v.chars().count().clamp(1, 3);
            (0..n).map(|_| (b'A' + r.below(26) as u8) as char).collect()
        }
        Treatment::Organisation => fake::firm_name(&mut r),
        Treatment::Address(n) => {
            let a = fake::address(&mut r);
            match n {
                1 => a.lines[0].clone(),
                2 => {
                    if a.lines[1].is_empty() {
                        a.lines[0].clone()
                    } else {
                        a.lines[1].clone()
                    }
                }
                3 => a.lines[2].clone(),
                4 => a.lines[3].clone(),
                _ => value.to_string(),
            }
        }
        Treatment::Postcode => fake::postcode(&mut r),
        Treatment::Phone => {
            if v.starts_with("07") {
                fake::mobile(&mut r)
            } else {
                fake::landline(&mut r)
            }
        }
        Treatment::Email => {
            let f = fake::forename(&mut r, 'U');
            let s = fake::surname(&mut r);
            fake::email(&mut r, f, s)
        }
        Treatment::FreeText => fake::remark(&mut r),
        Treatment::DateOfBirth => shift_date(key, value),
        Treatment::BirthYear => match v.parse::<i32>() {
            Ok(y) => (y + r.int(-1, 1) as i32).to_string(),
            Err(_) => String::new(),
        },
        Treatment::AccountNumber => {
            v.chars().map(|c| if c.is_ascii_digit() { (b'0' + r.below(10) as u8) as char } else { c }).collect()
        }
        Treatment::Dx => format!("DX {}", r.int(1000, 99999)),
    }
}

/// Moves a date by 1–365 days either way, chosen by the keyed hash of the value; keeps the
/// time part and format. Unparseable dates are blanked rather than leaked.
fn shift_date(key: &str, value: &str) -> String {
    let v = value.trim();
    let Some(day) = v.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) else {
        return String::new();
    };
    let h = keyed(key, "dob-shift", v);
    let mut shift = (h % 365) as i64 + 1;
    if h & (1 << 40) != 0 {
        shift = -shift;
    }
    let moved = day + Duration::days(shift);
    format!("{}{}", moved.format("%Y-%m-%d"), &v[10..])
}

fn decode(field: &[u8]) -> String {
    match std::str::from_utf8(field) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(field).0.into_owned(),
    }
}

fn reader(path: &Path) -> Result<csv::Reader<File>, GenError> {
    csv::ReaderBuilder::new().has_headers(false).flexible(true).from_path(path).map_err(|e| GenError::csv(path, e))
}

/// Keys the chosen case reaches: its deputies and their addresses.
#[derive(Default)]
struct CaseScope {
    case: String,
    deputies: HashSet<String>,
    addresses: HashSet<String>,
}

fn column_values(
    path: &Path,
    key_col: &str,
    key: &HashSet<String>,
    want: &[&str],
) -> Result<Vec<Vec<String>>, GenError> {
    let mut rd = reader(path)?;
    let mut out = Vec::new();
    let mut header: Option<Vec<String>> = None;
    for rec in rd.byte_records() {
        let rec = rec.map_err(|e| GenError::csv(path, e))?;
        let fields: Vec<String> = rec.iter().map(decode).collect();
        let Some(h) = &header else {
            header = Some(casrec_catalog::sanitise_headers(&fields));
            continue;
        };
        let Some(kc) = h.iter().position(|c| c == key_col) else { return Ok(out) };
        if fields.get(kc).is_some_and(|v| key.contains(v.trim())) {
            out.push(
                want.iter()
                    .map(|w| {
                        h.iter()
                            .position(|c| c == w)
                            .and_then(|p| fields.get(p))
                            .map(|v| v.trim().to_string())
                            .unwrap_or_default()
                    })
                    .collect(),
            );
        }
    }
    Ok(out)
}

fn find(in_dir: &Path, table: &str) -> Option<PathBuf> {
    let f = casrec_catalog::by_table(table)?;
    let p = in_dir.join(f.file);
    p.exists().then_some(p)
}

fn scope_for(in_dir: &Path, case: &str) -> Result<CaseScope, GenError> {
    let mut scope = CaseScope { case: case.trim().to_string(), ..Default::default() };
    let cases: HashSet<String> = [scope.case.clone()].into();
    if let Some(p) = find(in_dir, "deputyship") {
        for v in column_values(&p, "Case", &cases, &["Deputy No", "Dep Addr No"])? {
            scope.deputies.insert(v[0].clone());
            scope.addresses.insert(v[1].clone());
        }
    }
    if let Some(p) = find(in_dir, "deplink") {
        for v in column_values(&p, "Deputy No", &scope.deputies, &["Dep Addr No"])? {
            scope.addresses.insert(v[0].clone());
        }
    }
    scope.deputies.remove("");
    scope.addresses.remove("");
    Ok(scope)
}

/// Anonymises every CasRec export in `opts.in_dir` into `opts.out_dir` (Windows-1252, same
/// headers), optionally keeping only one case and what it reaches.
pub fn anonymise(opts: &AnonymiseOptions) -> Result<AnonymiseReport, GenError> {
    std::fs::create_dir_all(&opts.out_dir).map_err(|e| GenError::io(&opts.out_dir, e))?;
    let scope = match &opts.case {
        Some(c) => Some(scope_for(&opts.in_dir, c)?),
        None => None,
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&opts.in_dir)
        .map_err(|e| GenError::io(&opts.in_dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    entries.sort();
    let mut report = AnonymiseReport { files: Vec::new(), skipped: Vec::new() };
    for path in entries {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let Some(file) = casrec_catalog::by_file(&name) else {
            report.skipped.push(name);
            continue;
        };
        let out = opts.out_dir.join(file.file);
        report.files.push(anonymise_file(&path, &out, opts.key.expose(), scope.as_ref())?);
    }
    Ok(report)
}

fn anonymise_file(path: &Path, out: &Path, key: &str, scope: Option<&CaseScope>) -> Result<AnonymisedFile, GenError> {
    let mut rd = reader(path)?;
    let f = File::create(out).map_err(|e| GenError::io(out, e))?;
    let buf = SharedBuf::default();
    let mut wr = csv_writer(buf.clone());
    let mut sink = BufWriter::new(f);
    let mut header: Option<(Vec<Treatment>, Vec<String>)> = None;
    let (mut rows_in, mut rows_out) = (0u64, 0u64);
    for rec in rd.byte_records() {
        let rec = rec.map_err(|e| GenError::csv(path, e))?;
        let mut fields: Vec<String> = rec.iter().map(decode).collect();
        match &header {
            None => {
                let names = casrec_catalog::sanitise_headers(&fields);
                let t = names.iter().map(|n| treatment(n)).collect();
                header = Some((t, names));
            }
            Some((treat, names)) => {
                rows_in += 1;
                if let Some(s) = scope {
                    if !in_scope(s, names, &fields) {
                        continue;
                    }
                }
                for (v, t) in fields.iter_mut().zip(treat.iter()) {
                    if *t != Treatment::Keep {
                        *v = replace(key, *t, v);
                    }
                }
                rows_out += 1;
            }
        }
        wr.write_record(&fields).map_err(|e| GenError::csv(out, e))?;
        wr.flush().map_err(|e| GenError::io(out, e))?;
        let mut buf = buf.0.borrow_mut();
        let s = std::str::from_utf8(&buf).expect("csv writes UTF-8 it was given");
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(s);
        sink.write_all(&bytes).map_err(|e| GenError::io(out, e))?;
        buf.clear();
    }
    if header.is_none() {
        return Err(GenError::MissingHeader { path: path.to_path_buf() });
    }
    sink.flush().map_err(|e| GenError::io(out, e))?;
    let file = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(AnonymisedFile { file, rows_in, rows_out })
}

/// A row belongs to the case if its `Case` is the case; rows of files without a `Case` column
/// belong if they name one of the case's deputies or deputy addresses.
fn in_scope(s: &CaseScope, names: &[String], fields: &[String]) -> bool {
    let get = |col: &str| names.iter().position(|c| c == col).and_then(|p| fields.get(p)).map(|v| v.trim());
    if names.iter().any(|c| c == "Case") {
        return get("Case").is_some_and(|v| v.eq_ignore_ascii_case(&s.case));
    }
    if let Some(d) = get("Deputy No") {
        return s.deputies.contains(d);
    }
    if let Some(a) = get("Dep Addr No") {
        return s.addresses.contains(a);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_value_gets_the_same_fake_and_blanks_stay_blank() {
        let a = replace("k", Treatment::Surname, "Realname");
        assert_eq!(a, replace("k", Treatment::Surname, "Realname"));
        assert_eq!(replace("k", Treatment::Surname, ""), "");
        assert_eq!(replace("k", Treatment::Keep, "L2"), "L2");
    }

    #[test]
    fn date_of_birth_moves_but_keeps_its_format() {
        let v = "1950-06-15 00:00:00";
        let s = replace("k", Treatment::DateOfBirth, v);
        assert_ne!(s, v);
        assert!(s.ends_with(" 00:00:00"));
        let d = NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d").unwrap();
        let o = NaiveDate::parse_from_str(&v[..10], "%Y-%m-%d").unwrap();
        assert!((d - o).num_days().abs() <= 365);
    }

    #[test]
    fn personal_columns_are_recognised() {
        assert_eq!(treatment("Dep Adrs3"), Treatment::Address(3));
        assert_eq!(treatment("Remarks"), Treatment::FreeText);
        assert_eq!(treatment("Case"), Treatment::Keep);
        assert_eq!(treatment("Deputy No"), Treatment::Keep);
    }
}
