//! Finance: the fee export (invoices and their credits), the finance extracts beside the export
//! (aged debt, the GL dates of invoices and of credits, the letters list), the risk assessments
//! whose Start Date starts an order's billing, and the remissions and exemptions of `pat`.
//!
//! The extracts must agree with `feeexport1.csv` row for row, so each replays the client's fee
//! export and decides from a stream of its own which of its lines it lists. Everything added for
//! the finance targets draws from new streams, so the columns and rows that were there before
//! (the fee export's first rows, feeaas, the payment lines) are unchanged.

use casrec_catalog::CasrecFile;
use chrono::{Datelike, NaiveDate};

use super::{clamp, date, days, end, fee_pence, for_clients, invoices, money, office_time, stamp, Out};
use crate::codes;
use crate::error::GenError;
use crate::generate::Ctx;
use crate::model::{self, Client, Order};
use crate::rng::R;
use crate::sink::{Row, Sink};

/// Invoices raised from this day on are migrated whether or not they are still owed; older ones
/// only when the aged debt lists them with an amount.
fn first_migrated_day() -> NaiveDate {
    ymd(2019, 4, 1)
}

/// Remissions and exemptions awarded before this day are not migrated.
fn first_award_day() -> NaiveDate {
    ymd(2021, 4, 2)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid constant date")
}

/// Clients whose index leaves one of the remainders below 100 by this get one finance case each
/// (below), so every case occurs from 100 clients on while hardly changing the proportions of a
/// large export.
const SHOWCASE: u64 = 1000;

fn showcase(c: &Client) -> u64 {
    c.index % SHOWCASE
}

/// What an extract does with one fee export line, when a showcase case needs it decided.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Pick {
    /// The extract's own proportions decide.
    Chance,
    Never,
    Once,
    /// Two GL dates, the later one sometimes first.
    Twice,
    /// Listed in the aged debt with a blank Outstanding Amount.
    Blank,
}

/// One row of `feeexport1.csv` and what the finance extracts need of it.
struct FeeLine {
    row: Row,
    number: String,
    /// `Orig Invoice` of a credit; blank for invoices (and for a credit that names none).
    orig: String,
    /// Signed: credits are negative.
    pence: i64,
    created: NaiveDate,
    aged: Pick,
    gl: Pick,
}

impl FeeLine {
    fn is_credit(&self) -> bool {
        self.pence < 0
    }
}

fn fee_file() -> &'static CasrecFile {
    casrec_catalog::by_table("feeexport").expect("the catalogue has feeexport")
}

fn invoice_row(file: &'static CasrecFile, r: &mut R, c: &Client, number: &str, pence: i64, raised: NaiveDate) -> Row {
    let mut row = Row::new(file);
    stamp(&mut row, r, raised);
    row.set("Batch No", format!("{}", 9000 + raised.ordinal()));
    row.set("Case", c.case.clone());
    row.set("Invoice Date", date(raised));
    row.set("Due Date", date(raised + days(30)));
    row.set("Invoice No", number);
    row.set("Amount", money(pence));
    row.set("Vat Amount", "0.00");
    row.set("Line Amount", money(pence));
    row.set("GL Code", r.pick(codes::GL_CODES));
    row.set("Asmt Lvl", r.pick(codes::RISK_LEVELS));
    row.set("FinYr", format!("{}", raised.year()));
    row.set("Keydate", date(raised));
    row.set("Keytime", office_time(r));
    row.set("Cust Ref", c.case.clone());
    row
}

/// The client's fee export rows as they always were: its invoices, some reduced later by a
/// remission, credit memo or write-off.
fn regular_lines(seed: u64, c: &Client) -> Vec<FeeLine> {
    let file = fee_file();
    let mut r = R::new(seed, "feeexport", c.index);
    let mut lines = Vec::new();
    for inv in invoices(seed, c) {
        let row = invoice_row(file, &mut r, c, &inv.number, inv.pence, inv.raised);
        lines.push(FeeLine {
            row,
            number: inv.number.clone(),
            orig: String::new(),
            pence: inv.pence,
            created: inv.raised,
            aged: Pick::Chance,
            gl: Pick::Chance,
        });
        if r.chance(0.15) {
            let suffix = r.pick(&["Z", "CR", "WO"]);
            let credited = clamp(inv.raised + days(r.int(5, 200)));
            let mut row = Row::new(file);
            stamp(&mut row, &mut r, credited);
            let number = format!("{}{suffix}", inv.number);
            row.set("Case", c.case.clone());
            row.set("Invoice Date", date(credited));
            row.set("Invoice No", number.clone());
            row.set("Orig Invoice", inv.number.clone());
            let part = if r.chance(0.5) { inv.pence } else { inv.pence / 2 };
            row.set("Amount", money(-part));
            row.set("Line Amount", money(-part));
            row.set("GL Code", r.pick(codes::GL_CODES));
            row.set("FinYr", format!("{}", credited.year()));
            lines.push(FeeLine {
                row,
                number,
                orig: inv.number,
                pence: -part,
                created: credited,
                aged: Pick::Chance,
                gl: Pick::Chance,
            });
        }
    }
    lines
}

/// How a credit's Invoice No names its type: `Z`, `CR` or `WO` after or before the invoice's
/// number, or an adjustment named by none of them.
#[derive(Clone, Copy)]
enum CreditNo {
    After(&'static str),
    Before(&'static str),
    Untyped,
}

/// Builds the late lines of one client: invoices numbered after its regular ones (`/4` on).
struct Late<'a> {
    file: &'static CasrecFile,
    c: &'a Client,
    x: R,
    next: u64,
    lines: Vec<FeeLine>,
}

impl Late<'_> {
    fn fresh_number(&mut self, prefix: &str) -> String {
        let n = format!("{prefix}{:07}/{}", self.c.index, self.next);
        self.next += 1;
        n
    }

    /// Adds an invoice and returns its position among the late lines.
    fn invoice(&mut self, prefix: &str, raised: NaiveDate, pence: Option<i64>, aged: Pick, gl: Pick) -> usize {
        let number = self.fresh_number(prefix);
        let pence = pence.unwrap_or_else(|| fee_pence(&mut self.x, prefix));
        let mut row = invoice_row(self.file, &mut self.x, self.c, &number, pence, raised);
        // Some GL codes give no supervision level, and now and then none was recorded.
        if self.x.chance(0.15) {
            row.set("GL Code", self.x.pick(&["60-VW510-115251-000-0000", "60-VW510-115151-000-0000", ""]));
        }
        self.lines.push(FeeLine { row, number, orig: String::new(), pence, created: raised, aged, gl });
        self.lines.len() - 1
    }

    /// A credit of the late invoice at `of` (its whole amount or half), or of none.
    fn credit(&mut self, of: Option<usize>, kind: CreditNo, created: NaiveDate, gl: Pick) {
        let (orig, pence) = match of {
            Some(k) => (self.lines[k].number.clone(), self.lines[k].pence),
            None => (String::new(), self.x.int(35, 400) * 100),
        };
        let base = if orig.is_empty() { self.fresh_number("S2") } else { orig.clone() };
        let number = match kind {
            CreditNo::After(s) => format!("{base}{s}"),
            CreditNo::Before(s) => format!("{s}{base}"),
            CreditNo::Untyped => format!("{base}ADJ"),
        };
        let part = if self.x.chance(0.5) { pence } else { pence / 2 };
        self.credit_line(number, orig, part, created, gl);
    }

    fn credit_line(&mut self, number: String, orig: String, part: i64, created: NaiveDate, gl: Pick) {
        let created = clamp(created);
        let mut row = Row::new(self.file);
        stamp(&mut row, &mut self.x, created);
        row.set("Case", self.c.case.clone());
        row.set("Invoice Date", date(created));
        row.set("Invoice No", number.clone());
        row.set("Orig Invoice", orig.clone());
        row.set("Amount", money(-part));
        row.set("Line Amount", money(-part));
        row.set("GL Code", self.x.pick(codes::GL_CODES));
        row.set("FinYr", format!("{}", created.year()));
        self.lines.push(FeeLine { row, number, orig, pence: -part, created, aged: Pick::Never, gl });
    }

    fn after(&mut self, k: usize, lo: i64, hi: i64) -> NaiveDate {
        clamp(self.lines[k].created + days(self.x.int(lo, hi)))
    }
}

/// Fee export rows written after every client's regular ones (late adjustments): now and then a
/// zero-amount invoice, an adjustment whose Invoice No names no credit type, or a credit naming
/// no invoice; and on the showcase clients one finance case each, so that every rule of the
/// finance targets has rows even in a small export.
fn late_lines(seed: u64, c: &Client) -> Vec<FeeLine> {
    let mut l = Late { file: fee_file(), c, x: R::new(seed, "feeexport-late", c.index), next: 4, lines: Vec::new() };
    let (zero, untyped, unnamed) = (l.x.chance(0.005), l.x.chance(0.003), l.x.chance(0.002));
    let first = first_migrated_day();
    let since = c.created.max(ymd(2016, 4, 1));
    let old_from = if since < ymd(2019, 3, 1) { since } else { ymd(2016, 4, 1) };
    let old = |x: &mut R| model::day_between(x, old_from, ymd(2019, 3, 30));
    let recent = |x: &mut R| model::day_between(x, since.max(first), end() - days(30));
    let other = |x: &mut R| x.pick(&["S2", "S3", "B2", "B3", "SF", "SE", "SO"]);
    use Pick::*;
    match showcase(c) {
        // Raised before April 2019 and still owed: migrated because the aged debt lists them.
        2 => {
            let d = old(&mut l.x);
            l.invoice("AD", d, None, Once, Chance);
        }
        5 => {
            let d = old(&mut l.x);
            let k = l.invoice("S2", d, None, Once, Chance);
            let when = l.after(k, 5, 90);
            let number = format!("{}Z", l.lines[k].number);
            let orig = l.lines[k].number.clone();
            l.credit_line(number, orig, 16_000, when, Once);
        }
        // Neither posted nor owed: no confirmed date.
        8 => {
            let d = recent(&mut l.x);
            l.invoice("AD", d, None, Never, Never);
        }
        11 => {
            let (p, d) = (other(&mut l.x), recent(&mut l.x));
            l.invoice(p, d, None, Chance, Twice);
        }
        // Old and settled: the invoices are excluded, and so is the credit of one.
        16 => {
            let d = old(&mut l.x);
            let k = l.invoice("S3", d, None, Never, Chance);
            let when = l.after(k, 5, 60);
            l.credit(Some(k), CreditNo::After("CR"), when, Chance);
            let d = old(&mut l.x);
            l.invoice("AD", d, None, Never, Chance);
        }
        20 => {
            let (p, d) = (other(&mut l.x), recent(&mut l.x));
            l.invoice(p, d, Some(0), Never, Chance);
        }
        25 => {
            let d = recent(&mut l.x);
            let k = l.invoice("S2", d, None, Chance, Chance);
            let when = l.after(k, 5, 25);
            l.credit(Some(k), CreditNo::Untyped, when, Chance);
        }
        // Either side of 1 April 2019: the day before is owed with no amount given.
        28 => {
            l.invoice("S2", ymd(2019, 3, 31), None, Blank, Chance);
            l.invoice("S2", ymd(2019, 4, 1), None, Chance, Chance);
        }
        // Leap days and the tax year's ends.
        32 => {
            let k = l.invoice("AD", ymd(2020, 2, 29), None, Never, Chance);
            l.credit(Some(k), CreditNo::After("Z"), ymd(2020, 3, 31), Never);
            let k = l.invoice("S2", ymd(2021, 3, 31), None, Never, Once);
            l.credit(Some(k), CreditNo::After("CR"), ymd(2021, 4, 1), Twice);
            let k = l.invoice("S3", ymd(2023, 4, 1), None, Never, Once);
            l.credit(Some(k), CreditNo::Before("WO"), ymd(2024, 2, 29), Once);
        }
        // Owed but never posted: confirmed on the day the migration runs.
        37 => {
            let (p, d) = (other(&mut l.x), recent(&mut l.x));
            l.invoice(p, d, None, Once, Never);
        }
        41 => {
            let d = recent(&mut l.x);
            l.credit(None, CreditNo::After("WO"), d, Chance);
        }
        _ => {}
    }
    if zero {
        let (p, d) = (other(&mut l.x), model::day_between(&mut l.x, since, end()));
        l.invoice(p, d, Some(0), Never, Chance);
    }
    if untyped {
        if let Some(inv) = invoices(seed, c).into_iter().next() {
            let when = clamp(inv.raised + days(l.x.int(10, 200)));
            let number = format!("{}ADJ", inv.number);
            let part = inv.pence / 2;
            l.credit_line(number, inv.number, part, when, Chance);
        }
    }
    if unnamed {
        let d = model::day_between(&mut l.x, since, end());
        l.credit(None, CreditNo::After("Z"), d, Chance);
    }
    l.lines
}

fn fee_lines(seed: u64, c: &Client) -> Vec<FeeLine> {
    let mut lines = regular_lines(seed, c);
    lines.extend(late_lines(seed, c));
    lines
}

pub(super) fn feeexport(ctx: &Ctx, _file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        for l in regular_lines(ctx.seed, &c) {
            s.emit(l.row)?;
        }
        Ok(())
    })?;
    // After every regular row, so those keep their running numbers (`rct`).
    for_clients(ctx, |c| {
        for l in late_lines(ctx.seed, &c) {
            s.emit(l.row)?;
        }
        Ok(())
    })?;
    Ok(None)
}

/// Invoices still (partly) owed: a quarter of those raised before April 2019, most of the last
/// few months' and a few others; the amount owed is what the credits left or less. Now and then
/// the amount is blank, and rarely the aged debt names an invoice the fee export does not have
/// (its number ends `/0`, which no invoice's does).
pub(super) fn sop_aged_debt(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        let mut a = R::new(ctx.seed, "sop-aged-debt", c.index);
        let lines = fee_lines(ctx.seed, &c);
        for l in lines.iter().filter(|l| !l.is_credit()) {
            let credited: i64 = lines.iter().filter(|k| k.is_credit() && k.orig == l.number).map(|k| -k.pence).sum();
            let left = l.pence - credited;
            let listed = match l.aged {
                Pick::Chance if left > 0 => {
                    let p = if l.created < first_migrated_day() {
                        0.25
                    } else if (end() - l.created).num_days() < 120 {
                        0.6
                    } else {
                        0.15
                    };
                    a.chance(p)
                }
                Pick::Chance | Pick::Never => false,
                Pick::Once | Pick::Twice | Pick::Blank => true,
            };
            if !listed {
                continue;
            }
            let blank = l.aged == Pick::Blank || (l.aged == Pick::Chance && a.chance(0.05));
            let owed = if left <= 0 {
                l.pence
            } else if a.chance(0.6) {
                left
            } else {
                a.int(1, left)
            };
            let mut row = Row::new(file);
            row.set("Trx Number", l.number.clone());
            row.set("Outstanding Amount", if blank { String::new() } else { money(owed) });
            s.emit(row)?;
        }
        if a.chance(0.003) || showcase(&c) == 61 {
            let mut row = Row::new(file);
            row.set("Trx Number", format!("{}{:07}/0", a.weighted(codes::INVOICE_PREFIXES), c.index));
            row.set("Outstanding Amount", money(a.int(35, 400) * 100));
            s.emit(row)?;
        }
        Ok(())
    })?;
    Ok(None)
}

/// How many GL dates a line gets: `pick`, or when it is left to chance one of `weights`.
fn gl_count(g: &mut R, pick: Pick, weights: &[(usize, u32)]) -> usize {
    match pick {
        Pick::Never | Pick::Blank => 0,
        Pick::Once => 1,
        Pick::Twice => 2,
        Pick::Chance => g.weighted(weights),
    }
}

/// `n` GL dates (0–2) from `from` on, different from each other, in either order.
fn gl_dates(g: &mut R, from: NaiveDate, n: usize) -> Vec<NaiveDate> {
    if n == 0 {
        return Vec::new();
    }
    let d1 = clamp(from + days(g.int(0, 30)));
    if n == 1 {
        return vec![d1];
    }
    let room = (end() - d1).num_days();
    let d2 = if room > 0 { d1 + days(g.int(1, room.min(60))) } else { d1 - days(1) };
    if g.chance(0.5) {
        vec![d2, d1]
    } else {
        vec![d1, d2]
    }
}

fn gl_rows(file: &'static CasrecFile, s: &mut Sink, number: &str, dates: Vec<NaiveDate>) -> Result<(), GenError> {
    for d in dates {
        let mut row = Row::new(file);
        row.set("Invoice Number", number);
        row.set("GL Date", date(d));
        s.emit(row)?;
    }
    Ok(())
}

/// The GL dates of the invoices raised from April 2019: most have one, a few two (the earliest
/// counts), the rest none.
pub(super) fn sop_feecheck(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        let mut g = R::new(ctx.seed, "sop-feecheck", c.index);
        for l in fee_lines(ctx.seed, &c).iter().filter(|l| !l.is_credit()) {
            let pick = if l.created < first_migrated_day() && l.gl == Pick::Chance { Pick::Never } else { l.gl };
            let n = gl_count(&mut g, pick, &[(0, 8), (1, 88), (2, 4)]);
            gl_rows(file, s, &l.number, gl_dates(&mut g, l.created, n))?;
        }
        Ok(())
    })?;
    Ok(None)
}

/// The GL dates of the credits: most have one (allocated), a few two, the rest none (pending).
pub(super) fn sop_feecheckcredits(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        let mut g = R::new(ctx.seed, "sop-feecheckcredits", c.index);
        for l in fee_lines(ctx.seed, &c).iter().filter(|l| l.is_credit()) {
            let n = gl_count(&mut g, l.gl, &[(0, 20), (1, 77), (2, 3)]);
            gl_rows(file, s, &l.number, gl_dates(&mut g, l.created, n))?;
        }
        Ok(())
    })?;
    Ok(None)
}

/// The cases CasRec sent letters about: about a third of the clients.
pub(super) fn casrec_letters(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        if R::new(ctx.seed, "casrec-letters", c.index).chance(0.35) {
            let mut row = Row::new(file);
            row.set("caseno", c.case.clone());
            s.emit(row)?;
        }
        Ok(())
    })?;
    Ok(None)
}

// ---------------------------------------------------------------------------------------------
// Risk assessments

/// An order CasRec bills: a new, replacement or interim deputyship, not still open, with a
/// supervision level.
fn billable(o: &Order) -> bool {
    matches!(o.ord_type, "1" | "2" | "40" | "41") && o.status != "Open" && !o.risk.is_empty()
}

fn assessment(file: &'static CasrecFile, r: &mut R, c: &Client, o: &Order, id: u64, from: NaiveDate) -> Row {
    let mut row = Row::new(file);
    let when = clamp(from + days(r.int(5, 60)));
    stamp(&mut row, r, when);
    row.set("Asmt Id", id.to_string());
    row.set("Case", c.case.clone());
    row.set("Order No", o.number.to_string());
    row.set("Date Create", date(when));
    row.set("Status", r.pick(&["C", "O"]));
    row.set("Assessor", r.pick(codes::USERS));
    row.set("Asmt Lvl", if o.risk.is_empty() { "2" } else { o.risk });
    row.set("Date Complete", date(clamp(when + days(r.int(1, 30)))));
    row
}

/// `n` (0–2) different Start Dates on or after the order's issue: the first within a month of
/// it, a second a reassessment later on or, now and then, one backdated before the first.
fn start_dates(st: &mut R, issued: NaiveDate, n: usize) -> Vec<NaiveDate> {
    if n == 0 {
        return Vec::new();
    }
    let first = clamp(issued + days(st.int(0, 30)));
    if n == 1 {
        return vec![first];
    }
    let before = (first - issued).num_days();
    let room = (end() - first).num_days();
    let second = if before > 0 && st.chance(0.3) {
        issued + days(st.int(0, before - 1))
    } else if room >= 180 {
        first + days(st.int(180, room.min(1200)))
    } else if before > 0 {
        issued
    } else {
        // Issued on the day of the export: the reassessment is already booked.
        first + days(st.int(1, 365))
    };
    vec![first, second]
}

/// Some orders' risk assessments (as before, from the same stream) and, for the orders CasRec
/// bills, enough more that about 95 % have a Start Date (about one in eight two different ones)
/// and about 5 % none, whose billing cannot start. Start Dates come from a stream of their own.
pub(super) fn risk_assessment(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        let mut r = R::new(ctx.seed, "risk-assessment", c.index);
        let mut st = R::new(ctx.seed, "risk-assessment-start", c.index);
        let first_billable = c.orders.iter().position(billable);
        for (k, o) in c.orders.iter().enumerate() {
            let listed = r.chance(0.4);
            let starts = if !billable(o) {
                usize::from(listed && st.chance(0.9))
            } else if first_billable == Some(k) && matches!(showcase(&c), 27 | 57 | 87) {
                0
            } else if first_billable == Some(k) && matches!(showcase(&c), 12 | 42 | 72) {
                2
            } else {
                st.weighted(&[(0usize, 5), (1, 83), (2, 12)])
            };
            if !listed && starts == 0 {
                continue;
            }
            let id = c.index * 3 + k as u64 + 7_000_000;
            let mut row = if listed {
                assessment(file, &mut r, &c, o, id, o.issued)
            } else {
                assessment(file, &mut st, &c, o, id, o.issued)
            };
            let dates = start_dates(&mut st, o.issued, starts);
            if let Some(d) = dates.first() {
                row.set("Start Date", date(*d));
            }
            s.emit(row)?;
            if let Some(d) = dates.get(1) {
                // Ids of reassessments lie above every first assessment's (7,000,000 + 3i + k).
                let id = c.index * 3 + k as u64 + 500_000_000;
                let mut again = assessment(file, &mut st, &c, o, id, *d);
                again.set("Start Date", date(*d));
                s.emit(again)?;
            }
        }
        Ok(())
    })?;
    Ok(None)
}

// ---------------------------------------------------------------------------------------------
// Remissions and exemptions

/// Award Dates either side of the first day awards are migrated, and on the 31 March and
/// 1 April (and a 29 February) that decide when a reduction ends.
const BOUNDARY_AWARDS: &[(i32, u32, u32)] = &[
    (2021, 3, 31),
    (2021, 4, 1),
    (2021, 4, 2),
    (2021, 4, 3),
    (2022, 3, 31),
    (2022, 4, 1),
    (2023, 3, 31),
    (2023, 4, 1),
    (2024, 2, 29),
    (2024, 3, 31),
    (2024, 4, 1),
];

fn award(row: &mut Row, day: Option<NaiveDate>, remis: &str, exempt: &str) {
    row.set("Award Date", day.map(date).unwrap_or_default());
    row.set("Remis", remis);
    row.set("Exempt", exempt);
}

/// Reworks the remission or exemption pat's own stream gave about 8 % of clients (an Award Date
/// since April 2019 and one flag `1`, the other `0`): about an eighth of the awards moved onto a
/// boundary day, one in twenty without its date, now and then the other flag blank instead of
/// `0`; about 1 % of the other clients an Award Date with both flags blank (no award). The
/// showcase clients get one case each.
pub(super) fn fee_reduction(row: &mut Row, seed: u64, i: u64) {
    let mut a = R::new(seed, "pat-award", i);
    let after = |a: &mut R| model::day_between(a, first_award_day(), end());
    let boundary = |a: &mut R| {
        let (y, m, d) = a.pick(BOUNDARY_AWARDS);
        ymd(y, m, d)
    };
    match i % SHOWCASE {
        4 => award(row, Some(after(&mut a)), "1", "0"),
        9 => award(row, Some(after(&mut a)), "0", "1"),
        14 => award(row, Some(first_award_day()), "1", "0"),
        19 => award(row, Some(ymd(2021, 4, 1)), "0", "1"),
        24 => award(row, Some(ymd(2022, 3, 31)), "0", "1"),
        29 => award(row, None, "1", "0"),
        34 => award(row, Some(after(&mut a)), "", ""),
        39 => award(row, Some(ymd(2023, 3, 31)), "0", "1"),
        44 => award(row, Some(ymd(2024, 4, 1)), "1", "0"),
        47 => award(row, Some(model::day_between(&mut a, ymd(2019, 4, 1), ymd(2021, 3, 31))), "1", "0"),
        54 => award(row, Some(after(&mut a)), "0", "0"),
        _ if !row.get("Award Date").is_empty() => {
            let u = a.f64();
            if u < 0.12 {
                let d = boundary(&mut a);
                row.set("Award Date", date(d));
            } else if u < 0.17 {
                row.set("Award Date", "");
            }
            if a.chance(0.1) {
                let unset = if row.get("Remis") == "0" { "Remis" } else { "Exempt" };
                row.set(unset, "");
            }
        }
        _ => {
            if a.chance(0.01) {
                let d = model::day_between(&mut a, ymd(2019, 4, 1), end());
                row.set("Award Date", date(d));
            }
        }
    }
}
