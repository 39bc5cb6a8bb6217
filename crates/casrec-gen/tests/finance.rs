//! The finance data: the fee export, its extracts (aged debt, GL dates of invoices and credits,
//! the letters list), risk assessment Start Dates and pat's remissions and exemptions, read back
//! and judged by the rules of the finance targets (`/tmp/finance-spec.md` of issue 19).

mod common;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use casrec_gen::DefectKind;
use chrono::NaiveDate;
use common::{gen, read, Table};

fn day(v: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// `123.45` or `-123.45` in pence; anything else is not money.
fn pence(v: &str) -> Option<i64> {
    let (neg, digits) = match v.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, v),
    };
    let (whole, frac) = digits.split_once('.')?;
    if whole.is_empty() || frac.len() != 2 || !whole.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let p = whole.parse::<i64>().ok()? * 100 + frac.parse::<i64>().ok()?;
    Some(if neg { -p } else { p })
}

fn first_migrated() -> NaiveDate {
    ymd(2019, 4, 1)
}

fn credit_type(no: &str) -> Option<&'static str> {
    if no.starts_with('Z') || no.ends_with('Z') {
        Some("CREDIT REMISSION")
    } else if no.starts_with("CR") || no.ends_with("CR") {
        Some("CREDIT MEMO")
    } else if no.starts_with("WO") || no.ends_with("WO") {
        Some("CREDIT WRITE OFF")
    } else {
        None
    }
}

struct Line {
    no: String,
    orig: String,
    pence: i64,
    created: NaiveDate,
}

impl Line {
    fn ad(&self) -> bool {
        self.no.starts_with("AD")
    }
    fn old(&self) -> bool {
        self.created < first_migrated()
    }
}

/// The generated finance files, read back.
struct Finance {
    invoices: Vec<Line>,
    credits: Vec<Line>,
    /// Trx Number → Outstanding Amounts.
    aged: HashMap<String, Vec<String>>,
    aged_rows: usize,
    /// Invoice Number → GL Dates, of invoices and of credits.
    gl: HashMap<String, Vec<String>>,
    gl_credits: HashMap<String, Vec<String>>,
    pat: Table,
    order: Table,
    risk: Table,
    letters: Table,
}

impl Finance {
    fn read(dir: &Path) -> Finance {
        let fee = read(dir, "feeexport1.csv");
        let (mut invoices, mut credits) = (Vec::new(), Vec::new());
        for r in &fee.recs {
            let line = Line {
                no: fee.get(r, "Invoice No").unwrap().to_string(),
                orig: fee.get(r, "Orig Invoice").unwrap().to_string(),
                pence: pence(fee.get(r, "Amount").unwrap()).expect("an amount without defects"),
                created: day(fee.get(r, "Create").unwrap()).expect("a Create date without defects"),
            };
            if line.pence < 0 {
                credits.push(line);
            } else {
                invoices.push(line);
            }
        }
        let pairs = |file: &str, key: &str, val: &str| {
            let t = read(dir, file);
            let mut m: HashMap<String, Vec<String>> = HashMap::new();
            for r in &t.recs {
                m.entry(t.get(r, key).unwrap().to_string()).or_default().push(t.get(r, val).unwrap().to_string());
            }
            (m, t.recs.len())
        };
        let (aged, aged_rows) = pairs("sop_aged_debt.csv", "Trx Number", "Outstanding Amount");
        Finance {
            invoices,
            credits,
            aged,
            aged_rows,
            gl: pairs("sop_feecheck.csv", "Invoice Number", "GL Date").0,
            gl_credits: pairs("sop_feecheckcredits.csv", "Invoice Number", "GL Date").0,
            pat: read(dir, "pat.csv"),
            order: read(dir, "order.csv"),
            risk: read(dir, "risk_assessment1.csv"),
            letters: read(dir, "casrec_letters.csv"),
        }
    }

    fn invoice(&self, no: &str) -> Option<&Line> {
        self.invoices.iter().find(|l| l.no == no)
    }

    /// Whether the aged debt keeps the invoice: listed with a non-blank Outstanding Amount.
    fn kept_by_aged_debt(&self, no: &str) -> bool {
        self.aged.get(no).is_some_and(|v| v.iter().any(|a| !a.trim().is_empty()))
    }

    /// finance_invoice's date and amount rules (the client and the first-line rules aside).
    fn invoice_migrates(&self, l: &Line) -> bool {
        l.pence != 0 && (!l.old() || self.kept_by_aged_debt(&l.no))
    }

    fn orphan_aged(&self) -> Vec<&String> {
        self.aged.keys().filter(|k| k.ends_with("/0")).collect()
    }

    /// (Order No, Issue Date) of every order CasRec bills.
    fn billable(&self) -> Vec<(String, NaiveDate)> {
        let o = &self.order;
        o.recs
            .iter()
            .filter(|r| {
                ["1", "2", "40", "41"].contains(&o.get(r, "Ord Type").unwrap())
                    && o.get(r, "Ord Stat").unwrap() != "Open"
                    && !["", "0"].contains(&o.get(r, "Ord Risk Lvl").unwrap().trim())
            })
            .map(|r| (o.get(r, "Order No").unwrap().to_string(), day(o.get(r, "Issue Date").unwrap()).unwrap()))
            .collect()
    }

    /// The valid risk assessment Start Dates of each order.
    fn starts(&self) -> HashMap<String, Vec<NaiveDate>> {
        let t = &self.risk;
        let mut m: HashMap<String, Vec<NaiveDate>> = HashMap::new();
        for r in &t.recs {
            if let Some(d) = day(t.get(r, "Start Date").unwrap()) {
                m.entry(t.get(r, "Order No").unwrap().to_string()).or_default().push(d);
            }
        }
        m
    }

    fn awards(&self) -> Vec<Award<'_>> {
        let p = &self.pat;
        p.recs
            .iter()
            .map(|r| {
                let raw = p.get(r, "Award Date").unwrap();
                Award { remis: p.get(r, "Remis").unwrap(), exempt: p.get(r, "Exempt").unwrap(), day: day(raw), raw }
            })
            .collect()
    }
}

/// A client's fee reduction in pat.
struct Award<'a> {
    remis: &'a str,
    exempt: &'a str,
    day: Option<NaiveDate>,
    raw: &'a str,
}

impl Award<'_> {
    fn flagged(&self) -> bool {
        set(self.remis) || set(self.exempt)
    }
}

/// The rule for both flags: set unless blank or `0`.
fn set(flag: &str) -> bool {
    !["", "0"].contains(&flag.trim())
}

#[test]
fn the_finance_extracts_name_fee_export_lines() {
    let dir = tempfile::tempdir().unwrap();
    gen(dir.path(), 400, 41, 0.0);
    let f = Finance::read(dir.path());
    let invoice_nos: HashSet<&str> = f.invoices.iter().map(|l| l.no.as_str()).collect();
    let credit_nos: HashSet<&str> = f.credits.iter().map(|l| l.no.as_str()).collect();
    assert_eq!(invoice_nos.len(), f.invoices.len(), "invoice numbers repeat without defects");
    assert_eq!(credit_nos.len(), f.credits.len(), "credit numbers repeat without defects");
    assert!(invoice_nos.is_disjoint(&credit_nos));
    for c in &f.credits {
        assert!(c.orig.is_empty() || invoice_nos.contains(c.orig.as_str()), "credit {} of no invoice", c.no);
    }
    for (no, dates) in &f.gl {
        let inv = f.invoice(no).unwrap_or_else(|| panic!("sop_feecheck {no} is no invoice of feeexport"));
        assert!(!inv.old(), "{no}: GL dates only for invoices raised from April 2019");
        for d in dates {
            assert!(d.ends_with(" 00:00:00") && day(d).is_some(), "{no}: GL Date {d:?}");
        }
    }
    for (no, dates) in &f.gl_credits {
        assert!(credit_nos.contains(no.as_str()), "sop_feecheckcredits {no} is no credit of feeexport");
        for d in dates {
            assert!(d.ends_with(" 00:00:00") && day(d).is_some(), "{no}: GL Date {d:?}");
        }
    }
    for (no, amounts) in &f.aged {
        if no.ends_with("/0") {
            assert!(!invoice_nos.contains(no.as_str()) && !credit_nos.contains(no.as_str()), "{no}");
            continue;
        }
        let inv = f.invoice(no).unwrap_or_else(|| panic!("sop_aged_debt {no} is no invoice of feeexport"));
        assert_eq!(amounts.len(), 1, "{no} listed twice");
        for a in amounts.iter().filter(|a| !a.is_empty()) {
            let owed = pence(a).unwrap_or_else(|| panic!("{no}: Outstanding Amount {a:?} is not 123.45"));
            assert!(owed > 0 && owed <= inv.pence, "{no}: owes {a} of {}", inv.pence);
        }
    }
    let cases = f.pat.values("Case");
    let letters: Vec<String> = f.letters.recs.iter().map(|r| f.letters.get(r, "caseno").unwrap().to_string()).collect();
    assert!(letters.iter().all(|c| cases.contains(c)));
    assert_eq!(letters.iter().collect::<HashSet<_>>().len(), letters.len(), "a case listed twice");
    let issued: HashMap<String, NaiveDate> = f
        .order
        .recs
        .iter()
        .map(|r| (f.order.get(r, "Order No").unwrap().to_string(), day(f.order.get(r, "Issue Date").unwrap()).unwrap()))
        .collect();
    for r in &f.risk.recs {
        let s = f.risk.get(r, "Start Date").unwrap();
        if !s.is_empty() {
            let order = f.risk.get(r, "Order No").unwrap();
            assert!(day(s).unwrap() >= issued[order], "order {order} starts {s} before its issue");
        }
    }
    for a in f.awards() {
        assert!(["", "0", "1"].contains(&a.remis) && ["", "0", "1"].contains(&a.exempt), "{} {}", a.remis, a.exempt);
        assert!(a.raw.is_empty() || a.day.is_some(), "Award Date {:?}", a.raw);
    }
}

/// Even 100 clients have a row for every rule of the finance targets.
#[test]
fn every_finance_case_occurs_at_100_clients() {
    for seed in [1, 2, 3] {
        let dir = tempfile::tempdir().unwrap();
        gen(dir.path(), 100, seed, 0.0);
        let f = Finance::read(dir.path());
        let inv = |what: &str, pred: &dyn Fn(&Line) -> bool| {
            assert!(f.invoices.iter().any(pred), "seed {seed}: no invoice {what}");
        };
        inv("AD before April 2019", &|l| l.ad() && l.old());
        inv("AD from April 2019", &|l| l.ad() && !l.old());
        inv("other before April 2019", &|l| !l.ad() && l.old());
        inv("other from April 2019", &|l| !l.ad() && !l.old());
        inv("raised on 31 March 2019", &|l| l.created == ymd(2019, 3, 31));
        inv("raised on 1 April 2019", &|l| l.created == ymd(2019, 4, 1));
        inv("AD raised on 29 February", &|l| l.ad() && l.created == ymd(2020, 2, 29));
        inv("kept by aged debt (AD, old)", &|l| l.ad() && l.old() && f.kept_by_aged_debt(&l.no));
        inv("kept by aged debt (other, old)", &|l| !l.ad() && l.old() && f.kept_by_aged_debt(&l.no));
        inv("old, in aged debt with a blank amount", &|l| {
            l.old() && f.aged.get(&l.no).is_some_and(|a| a.iter().all(String::is_empty))
        });
        inv("old and settled (excluded)", &|l| l.old() && l.pence > 0 && !f.aged.contains_key(&l.no));
        inv("of zero amount", &|l| l.pence == 0);
        inv("with two different GL dates", &|l| f.gl.get(&l.no).is_some_and(|d| d.len() == 2 && d[0] != d[1]));
        inv("confirmed by aged debt alone", &|l| {
            !l.old() && l.pence > 0 && !f.gl.contains_key(&l.no) && f.aged.contains_key(&l.no)
        });
        inv("unconfirmed", &|l| !l.old() && !f.gl.contains_key(&l.no) && !f.aged.contains_key(&l.no));
        let credit = |what: &str, pred: &dyn Fn(&Line) -> bool| {
            assert!(f.credits.iter().any(pred), "seed {seed}: no credit {what}");
        };
        let orig = |c: &Line| f.invoice(&c.orig);
        credit("of a migrated invoice", &|c| orig(c).is_some_and(|i| f.invoice_migrates(i)));
        credit("of an old invoice kept by aged debt", &|c| orig(c).is_some_and(|i| i.old() && f.invoice_migrates(i)));
        credit("of an old settled invoice (excluded)", &|c| orig(c).is_some_and(|i| !f.invoice_migrates(i)));
        credit("naming no invoice", &|c| c.orig.is_empty());
        credit("of no credit type", &|c| credit_type(&c.no).is_none());
        for t in ["CREDIT REMISSION", "CREDIT MEMO", "CREDIT WRITE OFF"] {
            credit(t, &|c| credit_type(&c.no) == Some(t));
        }
        credit("typed by a prefix", &|c| c.no.starts_with("WO") || c.no.starts_with("CR") || c.no.starts_with('Z'));
        credit("allocated", &|c| f.gl_credits.contains_key(&c.no));
        credit("pending", &|c| !f.gl_credits.contains_key(&c.no));
        credit("with two GL dates", &|c| f.gl_credits.get(&c.no).is_some_and(|d| d.len() == 2));
        for d in [ymd(2024, 2, 29), ymd(2020, 3, 31), ymd(2021, 4, 1)] {
            credit(&format!("on {d}"), &|c| c.created == d);
        }
        assert!(!f.orphan_aged().is_empty(), "seed {seed}: no aged debt naming an invoice feeexport lacks");

        let awards = f.awards();
        let has = |what: &str, pred: &dyn Fn(&Award) -> bool| {
            assert!(awards.iter().any(pred), "seed {seed}: no client {what}");
        };
        let cut = ymd(2021, 4, 2);
        has("with a remission", &|a| set(a.remis) && a.day.is_some_and(|d| d >= cut));
        has("with an exemption", &|a| set(a.exempt) && a.day.is_some_and(|d| d >= cut));
        has("awarded on 2 April 2021", &|a| a.flagged() && a.day == Some(cut));
        has("awarded before 2 April 2021", &|a| a.flagged() && a.day.is_some_and(|d| d < cut));
        has("awarded on a later 31 March", &|a| {
            a.flagged() && a.day.is_some_and(|d| d > cut && d.format("%m-%d").to_string() == "03-31")
        });
        has("awarded on a later 1 April", &|a| {
            a.flagged() && a.day.is_some_and(|d| d > cut && d.format("%m-%d").to_string() == "04-01")
        });
        has("with a flag and no Award Date", &|a| a.flagged() && a.raw.is_empty());
        has("with an Award Date and no flag", &|a| !a.flagged() && a.day.is_some());

        let starts = f.starts();
        let billable = f.billable();
        assert!(billable.iter().any(|(o, _)| starts.contains_key(o)), "seed {seed}: no billable order starts");
        assert!(billable.iter().any(|(o, _)| !starts.contains_key(o)), "seed {seed}: every billable order starts");
        assert!(
            billable.iter().any(|(o, _)| starts.get(o).is_some_and(|d| d.len() == 2 && d[0] != d[1])),
            "seed {seed}: no billable order with two Start Dates"
        );
        assert!(!f.letters.recs.is_empty(), "seed {seed}: no letters");
    }
}

fn share(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

#[test]
fn finance_proportions_are_plausible_at_2000_clients() {
    let dir = tempfile::tempdir().unwrap();
    gen(dir.path(), 2000, 43, 0.0);
    let f = Finance::read(dir.path());
    let within = |what: &str, v: f64, lo: f64, hi: f64| assert!((lo..=hi).contains(&v), "{what}: {v:.3}");

    let owed: Vec<&Line> = f.invoices.iter().filter(|l| f.aged.contains_key(&l.no)).collect();
    within("invoices in aged debt", share(owed.len(), f.invoices.len()), 0.12, 0.35);
    within("old among those owed", share(owed.iter().filter(|l| l.old()).count(), owed.len()), 0.2, 0.6);
    let old = f.invoices.iter().filter(|l| l.old()).count();
    within("invoices raised before April 2019", share(old, f.invoices.len()), 0.15, 0.45);
    let blank = f.aged.values().flatten().filter(|a| a.is_empty()).count();
    within("blank Outstanding Amounts", share(blank, f.aged_rows), 0.01, 0.12);
    let orphans = f.orphan_aged().len();
    assert!(orphans >= 1, "no orphan in aged debt");
    within("orphans in aged debt", share(orphans, f.aged_rows), 0.0, 0.03);

    let recent: Vec<&Line> = f.invoices.iter().filter(|l| !l.old()).collect();
    let posted = recent.iter().filter(|l| f.gl.contains_key(&l.no)).count();
    within("invoices since April 2019 with a GL date", share(posted, recent.len()), 0.8, 0.97);
    let twice = recent.iter().filter(|l| f.gl.get(&l.no).is_some_and(|d| d.len() > 1)).count();
    within("... with two", share(twice, recent.len()), 0.01, 0.1);
    within(
        "zero-amount invoices",
        share(f.invoices.iter().filter(|l| l.pence == 0).count(), f.invoices.len()),
        0.0005,
        0.02,
    );

    within("credits per invoice", share(f.credits.len(), f.invoices.len()), 0.1, 0.25);
    let allocated = f.credits.iter().filter(|c| f.gl_credits.contains_key(&c.no)).count();
    within("credits with a GL date", share(allocated, f.credits.len()), 0.65, 0.92);
    let untyped = f.credits.iter().filter(|c| credit_type(&c.no).is_none()).count();
    within("credits of no type", share(untyped, f.credits.len()), 0.002, 0.05);

    let starts = f.starts();
    let billable = f.billable();
    let started = billable.iter().filter(|(o, _)| starts.contains_key(o)).count();
    within("billable orders with a Start Date", share(started, billable.len()), 0.9, 0.99);
    let two = billable.iter().filter(|(o, _)| starts.get(o).is_some_and(|d| d.len() == 2)).count();
    within("... with two", share(two, billable.len()), 0.05, 0.2);

    let awards = f.awards();
    let dated = awards.iter().filter(|a| a.day.is_some()).count();
    within("clients with an Award Date", share(dated, awards.len()), 0.06, 0.12);
    let flagged = awards.iter().filter(|a| a.flagged()).count();
    within("clients with a fee reduction flag", share(flagged, awards.len()), 0.06, 0.11);
    let remissions = awards.iter().filter(|a| set(a.remis) && a.day.is_some_and(|d| d >= ymd(2021, 4, 2))).count();
    let exemptions = awards.iter().filter(|a| set(a.exempt) && a.day.is_some_and(|d| d >= ymd(2021, 4, 2))).count();
    within("remissions migrated", share(remissions, awards.len()), 0.015, 0.05);
    within("exemptions migrated", share(exemptions, awards.len()), 0.015, 0.05);

    within("clients with letters", share(f.letters.recs.len(), awards.len()), 0.3, 0.4);
}

/// With defects on, the finance rows the targets quarantine or leave out occur: a blank or
/// impossible Create, an Amount that is no number, an invoice line repeated, impossible Award,
/// Start and GL dates.
#[test]
fn finance_defects_occur_with_defects_on() {
    let dir = tempfile::tempdir().unwrap();
    let m = gen(dir.path(), 2000, 44, 1.0);
    let found: HashSet<(&str, DefectKind, Option<&str>)> =
        m.defects.iter().map(|d| (d.file.as_str(), d.kind, d.column.as_deref())).collect();
    for want in [
        ("feeexport1.csv", DefectKind::BlankMandatory, Some("Create")),
        ("feeexport1.csv", DefectKind::BlankMandatory, Some("Amount")),
        ("feeexport1.csv", DefectKind::ImpossibleDate, Some("Create")),
        ("feeexport1.csv", DefectKind::UnknownCode, Some("Amount")),
        ("pat.csv", DefectKind::ImpossibleDate, Some("Award Date")),
        ("risk_assessment1.csv", DefectKind::ImpossibleDate, Some("Start Date")),
        ("sop_feecheck.csv", DefectKind::ImpossibleDate, Some("GL Date")),
        ("sop_feecheckcredits.csv", DefectKind::ImpossibleDate, Some("GL Date")),
    ] {
        assert!(found.contains(&want), "no {want:?}");
    }
    let fee = read(dir.path(), "feeexport1.csv");
    let amount = fee.col("Amount");
    let not_a_number = m
        .defects_in("feeexport1.csv")
        .filter(|d| d.kind == DefectKind::UnknownCode && d.column.as_deref() == Some("Amount"))
        .all(|d| pence(&fee.at_line(d.line).fields[amount]).is_none());
    assert!(not_a_number, "an unknown Amount is a number");
    // A repeated invoice line: a second row with the same Invoice No, which the invoice targets
    // leave out behind the first.
    let repeated = m.defects_in("feeexport1.csv").filter(|d| d.kind == DefectKind::DuplicateRow).any(|d| {
        let rec = fee.at_line(d.line);
        !fee.get(rec, "Amount").unwrap().starts_with('-')
            && fee
                .recs
                .iter()
                .filter(|r| r.fields.get(fee.col("Invoice No")) == rec.fields.get(fee.col("Invoice No")))
                .count()
                > 1
    });
    assert!(repeated, "no invoice row repeated");
}
