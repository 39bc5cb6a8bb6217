//! One generator per export file. Each walks the entities it belongs to (clients, orders,
//! deputies, panel members…) in index order, re-deriving them from the seed, and writes rows.

use casrec_catalog::CasrecFile;
use chrono::{Datelike, Duration, NaiveDate};

use crate::codes;
use crate::dates::{date, datetime, office_time};
use crate::error::GenError;
use crate::fake;
use crate::generate::Ctx;
use crate::model::{self, Client, ClientKind, Deputy};
use crate::rng::R;
use crate::sink::{DefectSpec, KeyKind, Row, Sink, NO_DEFECTS};

mod finance;

type Out = Result<Option<Row>, GenError>;

/// Rough relative size, to start the big files first.
pub(crate) fn weight(table: &str) -> u32 {
    match table {
        "pat" | "deputyship" | "remarks" | "account" => 10,
        "order" | "deputy" | "deputy_address" | "deplink" | "feeexport" | "sup_activity" => 8,
        "repvis" | "crec" | "deputy_remarks" | "risk_assessment" => 6,
        // Each replays the fee export of every client.
        "sop_aged_debt" | "sop_feecheck" | "sop_feecheckcredits" => 4,
        _ => 1,
    }
}

pub(crate) fn write(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    match file.table {
        "pat" => pat(ctx, file, s),
        "order" => order(ctx, file, s),
        "deputyship" => deputyship(ctx, file, s),
        "deputy" => deputies(ctx, file, s),
        "deplink" => deplink(ctx, file, s),
        "deputy_address" => deputy_address(ctx, file, s),
        "deputy_remarks" => deputy_remarks(ctx, file, s),
        "drlog" => drlog(ctx, file, s),
        "deputylink" => deputylink(ctx, file, s),
        "drepvis" => drepvis(ctx, file, s),
        "account" => account(ctx, file, s),
        "remarks" => remarks(ctx, file, s),
        "crec" | "crecind" | "crecline" => crec(ctx, file, s),
        "repvis" => repvis(ctx, file, s),
        "visit" => visit(ctx, file, s),
        "sup_activity" => sup_activity(ctx, file, s),
        "activity_tracking" => activity_tracking(ctx, file, s),
        "risk_assessment" => finance::risk_assessment(ctx, file, s),
        "setupextract" => setupextract(ctx, file, s),
        "cfoaccount" => cfoaccount(ctx, file, s),
        "contact_dm" => contact_dm(ctx, file, s),
        "cwsdata" => cwsdata(ctx, file, s),
        "phoenixmap" => phoenixmap(ctx, file, s),
        "feeexport" => finance::feeexport(ctx, file, s),
        "feeaas" => feeaas(ctx, file, s),
        "feebacs" | "feepays" | "feesched" => fee_schedules(ctx, file, s),
        "feebacs_det" | "feepays_det" | "feesched_det" => fee_schedule_lines(ctx, file, s),
        "panrec" => panrec(ctx, file, s),
        "panlink" => panlink(ctx, file, s),
        "panel_refer" => panel_refer(ctx, file, s),
        "panel_audit" | "panel_remarks" | "prexpertise" | "prgeoarea" | "prlang" | "prneeds" | "prskills" => {
            panel_details(ctx, file, s)
        }
        "tbpassfile" => tbpassfile(ctx, file, s),
        "sop_aged_debt" => finance::sop_aged_debt(ctx, file, s),
        "sop_feecheck" => finance::sop_feecheck(ctx, file, s),
        "sop_feecheckcredits" => finance::sop_feecheckcredits(ctx, file, s),
        "casrec_letters" => finance::casrec_letters(ctx, file, s),
        // A file the catalogue gained later: header only, which the loader accepts.
        _ => Ok(None),
    }
}

const CASE: &[(&str, KeyKind)] = &[("Case", KeyKind::Case)];
const CASE_ORDER: &[(&str, KeyKind)] = &[("Case", KeyKind::Case), ("Order No", KeyKind::Order)];
const DEPUTY: &[(&str, KeyKind)] = &[("Deputy No", KeyKind::Deputy)];
const DEPUTY_ADDR: &[(&str, KeyKind)] = &[("Deputy No", KeyKind::Deputy), ("Dep Addr No", KeyKind::Address)];
const STAMPS: &[&str] = &["Create", "Modify"];

pub(crate) fn defect_spec(table: &str) -> &'static DefectSpec {
    static PAT: DefectSpec = DefectSpec {
        mandatory: &["Surname", "Forename", "DOB", "Corref"],
        codes: &[
            ("Corref", "ZZ9"),
            ("Accom Type", "XYZ"),
            ("Marital Status", "Q"),
            ("Title", "77"),
            ("Lay Team", "T0"),
            // How a death was notified, for death_notifications.
            ("Proof", "Q"),
            ("Term by", "X"),
            ("Notify", "9"),
        ],
        dates: &[
            "DOB",
            "Create",
            "Modify",
            "Term Date",
            "Away Date",
            "Notified",
            "Letter Sent",
            "Report Due",
            "Award Date",
        ],
        text: &["Forename", "Surname", "Adrs1", "Postcode", "Corref"],
        refs: &[],
        key_file: true,
        unterminated_quote: false,
    };
    static ORDER: DefectSpec = DefectSpec {
        mandatory: &["Made Date", "Ord Stat", "Ord Type"],
        // A Bond Co the bond provider lookup does not list: the bond is quarantined.
        codes: &[
            ("Ord Type", "99"),
            ("Ord Stat", "Pending"),
            ("Ord Risk Lvl", "4"),
            ("Bond Rqd", "Q"),
            ("Bond Co", "99"),
        ],
        dates: &["Made Date", "Issue Date", "Create"],
        text: &["Ord Stat", "Bond No."],
        refs: CASE,
        key_file: true,
        unterminated_quote: false,
    };
    static DEPUTYSHIP: DefectSpec = DefectSpec {
        mandatory: &["Joint"],
        codes: &[("Joint", "9"), ("Fee Payer", "X")],
        dates: STAMPS,
        text: &[],
        refs: &[
            ("Case", KeyKind::Case),
            ("Order No", KeyKind::Order),
            ("Deputy No", KeyKind::Deputy),
            ("Dep Addr No", KeyKind::Address),
        ],
        key_file: false,
        unterminated_quote: false,
    };
    static DEPUTY_FILE: DefectSpec = DefectSpec {
        mandatory: &["Dep Surname", "Dep Type", "Stat"],
        codes: &[("Dep Type", "98"), ("Stat", "42"), ("Title", "77")],
        dates: STAMPS,
        text: &["Dep Forename", "Dep Surname", "Email"],
        refs: &[],
        key_file: true,
        unterminated_quote: false,
    };
    static DEPLINK: DefectSpec = DefectSpec {
        mandatory: &["Main Addr"],
        codes: &[("Main Addr", "7")],
        dates: STAMPS,
        text: &[],
        refs: DEPUTY_ADDR,
        key_file: false,
        unterminated_quote: false,
    };
    static DEPUTY_ADDRESS: DefectSpec = DefectSpec {
        mandatory: &["Dep Adrs1", "Dep Postcode"],
        codes: &[("Addr Stat", "77")],
        dates: STAMPS,
        text: &["Dep Adrs1", "Dep Adrs3", "Dep Postcode"],
        refs: &[],
        key_file: true,
        unterminated_quote: false,
    };
    static REMARKS: DefectSpec = DefectSpec {
        mandatory: &["Logdate", "Remarks", "Log Type"],
        codes: &[("Log Type", "R0")],
        dates: &["Logdate", "Keydate", "Create"],
        text: &["Remarks"],
        refs: CASE,
        key_file: false,
        unterminated_quote: true,
    };
    static DEPUTY_REMARKS: DefectSpec = DefectSpec {
        mandatory: &["Log Date", "Remarks", "Log Type"],
        codes: &[("Log Type", "R0")],
        dates: &["Log Date", "Keydate", "Create"],
        text: &["Remarks"],
        refs: DEPUTY,
        key_file: false,
        unterminated_quote: false,
    };
    static ACCOUNT: DefectSpec = DefectSpec {
        mandatory: &["End Date"],
        // A further request whose code is not a number: the lodging details take it as none.
        codes: &[("Rev Stat", "Z"), ("Further1", "X"), ("Further Code", "9")],
        dates: &[
            "End Date",
            "Lodge Date",
            "Rcvd Date",
            "Create",
            "Review Date",
            "Revise Date",
            "Further Date1",
            "Rcvd Date1",
            "Sent1",
        ],
        text: &[],
        refs: CASE,
        key_file: false,
        unterminated_quote: false,
    };
    static CREC: DefectSpec = DefectSpec {
        mandatory: &["Score"],
        codes: &[("Score", "9")],
        dates: STAMPS,
        text: &["Comments"],
        refs: CASE,
        key_file: false,
        unterminated_quote: false,
    };
    static REPVIS: DefectSpec = DefectSpec {
        mandatory: &["Req By"],
        codes: &[
            ("Req By", "77"),
            ("Outcome", "8"),
            ("Categ", "Purple"),
            ("Rep On", "Z"),
            ("Reason", "12"),
            // Not a number: the visit subtype reads Report Type as one.
            ("Report Type", "X"),
        ],
        dates: &[
            "Create",
            "Commission Dated",
            "Report Due",
            "Date Completed",
            "Report Rcvd.",
            "Review Date",
            "Extension 1",
        ],
        text: &["Comments", "Visitor"],
        refs: &[("Case", KeyKind::Case), ("Deputy No", KeyKind::Deputy), ("Dep Addr No", KeyKind::Address)],
        key_file: false,
        unterminated_quote: false,
    };
    static SUP_ACTIVITY: DefectSpec = DefectSpec {
        mandatory: &["Status", "Sup Desc"],
        // An unknown description, and a user code no lookup knows, for tasks.
        codes: &[("Status", "PAUSED"), ("Sup Desc", "Review of something CasRec never listed"), ("Term By", "ZZ9")],
        dates: &["Date Create", "Start Date", "Target", "Create"],
        text: &["Comment", "Sup Desc"],
        refs: CASE_ORDER,
        key_file: false,
        unterminated_quote: false,
    };
    // Payment lines refer to invoice numbers, so those are never damaged. An Amount that is no
    // number and a blank Create are what the finance targets quarantine.
    static FEEEXPORT: DefectSpec = DefectSpec {
        mandatory: &["Amount", "Create"],
        codes: &[("GL Code", "99-XX000-000000-000-0000"), ("Amount", "N/A")],
        dates: &["Create", "Invoice Date"],
        text: &["Cust Ref"],
        refs: CASE,
        key_file: true,
        unterminated_quote: false,
    };
    static CASE_FILE: DefectSpec = DefectSpec {
        mandatory: &[],
        codes: &[],
        dates: STAMPS,
        text: &[],
        refs: CASE,
        key_file: false,
        unterminated_quote: false,
    };
    static CASE_ORDER_FILE: DefectSpec = DefectSpec {
        mandatory: &[],
        codes: &[],
        dates: STAMPS,
        text: &[],
        refs: CASE_ORDER,
        key_file: false,
        unterminated_quote: false,
    };
    // An order's billing starts on its risk assessments' earliest Start Date.
    static RISK_ASSESSMENT: DefectSpec = DefectSpec {
        mandatory: &[],
        codes: &[],
        dates: &["Create", "Modify", "Start Date"],
        text: &[],
        refs: CASE_ORDER,
        key_file: false,
        unterminated_quote: false,
    };
    // The finance extracts name invoices by number, which no defect touches; nothing refers to
    // them, so their records may be rejected.
    static SOP_AGED_DEBT: DefectSpec = DefectSpec {
        mandatory: &[],
        codes: &[],
        dates: &[],
        text: &[],
        refs: &[],
        key_file: false,
        unterminated_quote: false,
    };
    static SOP_FEECHECK: DefectSpec = DefectSpec {
        mandatory: &["GL Date"],
        codes: &[],
        dates: &["GL Date"],
        text: &[],
        refs: &[],
        key_file: false,
        unterminated_quote: false,
    };
    static FEEAAS: DefectSpec = DefectSpec {
        mandatory: &["Invoice No"],
        codes: &[],
        dates: &["Create", "Invoice Date"],
        text: &["Comments"],
        refs: &[
            ("Case", KeyKind::Case),
            ("Order No", KeyKind::Order),
            ("Deputy No", KeyKind::Deputy),
            ("Dep Addr No", KeyKind::Address),
        ],
        key_file: false,
        unterminated_quote: false,
    };
    static VISIT: DefectSpec = DefectSpec {
        mandatory: &["Date Allocated"],
        codes: &[],
        dates: &["Date Allocated", "Create"],
        text: &["Comments"],
        refs: CASE,
        key_file: false,
        unterminated_quote: false,
    };
    static CONTACT: DefectSpec = DefectSpec {
        mandatory: &["C Surname"],
        codes: &[],
        dates: STAMPS,
        text: &["C Forename", "C Surname", "Comments"],
        refs: CASE,
        key_file: false,
        unterminated_quote: false,
    };
    match table {
        "pat" => &PAT,
        "order" => &ORDER,
        "deputyship" => &DEPUTYSHIP,
        "deputy" => &DEPUTY_FILE,
        "deplink" => &DEPLINK,
        "deputy_address" => &DEPUTY_ADDRESS,
        "remarks" => &REMARKS,
        "deputy_remarks" => &DEPUTY_REMARKS,
        "account" => &ACCOUNT,
        "crec" => &CREC,
        "repvis" => &REPVIS,
        "sup_activity" => &SUP_ACTIVITY,
        "feeexport" => &FEEEXPORT,
        "feeaas" => &FEEAAS,
        "visit" => &VISIT,
        "contact_dm" => &CONTACT,
        "cwsdata" | "phoenixmap" | "cfoaccount" | "crecind" | "crecline" => &CASE_FILE,
        "risk_assessment" => &RISK_ASSESSMENT,
        "setupextract" | "activity_tracking" => &CASE_ORDER_FILE,
        "sop_aged_debt" => &SOP_AGED_DEBT,
        "sop_feecheck" | "sop_feecheckcredits" => &SOP_FEECHECK,
        _ => &NO_DEFECTS,
    }
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

fn end() -> NaiveDate {
    model::export_date()
}

fn clamp(d: NaiveDate) -> NaiveDate {
    d.min(end())
}

fn days(n: i64) -> Duration {
    Duration::days(n)
}

/// Fills the audit columns every CasRec table has (`Create`/`at`/`by`, `Modify`/`at.1`/`by.1`).
fn stamp(row: &mut Row, r: &mut R, created: NaiveDate) {
    let created = clamp(created);
    row.set_if("Create", date(created));
    row.set_if("at", office_time(r));
    row.set_if("by", r.pick(codes::USERS));
    if r.chance(0.7) {
        let modified = clamp(created + days(r.int(0, 900)));
        row.set_if("Modify", date(modified));
        row.set_if("at.1", office_time(r));
        row.set_if("by.1", r.pick(codes::USERS));
    }
}

fn for_clients(ctx: &Ctx, mut f: impl FnMut(Client) -> Result<(), GenError>) -> Result<(), GenError> {
    for i in 1..=ctx.n {
        f(Client::derive(ctx.seed, ctx.n, i))?;
    }
    Ok(())
}

/// Every existing deputy, in `Deputy No` order.
fn for_deputies(ctx: &Ctx, mut f: impl FnMut(Deputy) -> Result<(), GenError>) -> Result<(), GenError> {
    for j in 1..=model::shared_deputies(ctx.n) {
        if let Some(d) = model::deputy(ctx.seed, ctx.n, j) {
            f(d)?;
        }
    }
    for i in 1..=ctx.n {
        let c = Client::derive(ctx.seed, ctx.n, i);
        for d in 0..c.lay_deputies {
            f(model::lay_deputy_of(ctx.seed, &c, model::lay_deputy_index(ctx.n, i, d)))?;
        }
    }
    Ok(())
}

fn money(pence: i64) -> String {
    let sign = if pence < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", pence.abs() / 100, pence.abs() % 100)
}

/// A warning flag: `code` with chance `p` (one draw, as `chance` takes) and wherever `always`
/// (a few chosen entities, so that even a small export has every kind of warning); another value
/// (`other`) with half that chance; otherwise blank.
fn warning_flag(r: &mut R, always: bool, p: f64, code: &'static str, other: &'static str) -> &'static str {
    let u = r.f64();
    if u < p || always {
        code
    } else if u > 1.0 - p / 2.0 {
        other
    } else {
        ""
    }
}

/// The client whose first lay deputy `deputy` (an index) is; 0 for any other deputy.
fn lay_client_of(clients: u64, deputy: u64) -> u64 {
    let shared = model::shared_deputies(clients);
    match deputy.checked_sub(shared + 1) {
        Some(k) if k % 3 == 0 => k / 3 + 1,
        _ => 0,
    }
}

fn flag(r: &mut R, p_yes: f64) -> &'static str {
    if r.chance(p_yes) {
        "Y"
    } else {
        "N"
    }
}

/// The next reporting period end after the export, on the anniversary of the first order.
fn report_due(c: &Client) -> Option<NaiveDate> {
    let first = c.orders.first()?.made;
    let e = end();
    let mut y = e.year();
    loop {
        let d = NaiveDate::from_ymd_opt(y, first.month(), first.day().min(28))?;
        if d > e {
            return Some(d);
        }
        y += 1;
    }
}

// ---------------------------------------------------------------------------------------------
// Clients and orders

fn corref(r: &mut R, c: &Client) -> &'static str {
    if c.dead {
        return match c.kind {
            ClientKind::Lay => r.weighted(codes::DECEASED_CORREFS_LAY),
            ClientKind::Professional => r.weighted(codes::DECEASED_CORREFS_PRO),
            ClientKind::PublicAuthority => r.weighted(codes::DECEASED_CORREFS_PA),
        };
    }
    if c.closed && r.chance(0.5) {
        return r.pick(&["DOD", "ORV", "FOE", "DNP"]);
    }
    if r.chance(0.1) {
        return r.weighted(codes::OTHER_CORREFS);
    }
    if c.kind == ClientKind::Lay && c.orders.iter().any(|o| o.ord_type == "2") && r.chance(0.3) {
        return "HW";
    }
    match c.kind {
        ClientKind::Lay => r.weighted(codes::LAY_CORREFS),
        ClientKind::Professional => r.weighted(codes::PRO_CORREFS),
        ClientKind::PublicAuthority => r.weighted(codes::PA_CORREFS),
    }
}

fn pat(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        let i = c.index;
        let mut r = R::new(ctx.seed, "pat", i);
        let name = model::client_name(ctx.seed, i);
        let dob = model::client_dob(ctx.seed, i);
        let mut row = Row::new(file);
        stamp(&mut row, &mut r, c.created);
        row.set("Case", c.case.clone());
        row.set("Title", name.title);
        row.set("Init", fake::initials(&name.forenames));
        row.set("Forename", name.forenames);
        row.set("Surname", name.surname);
        if r.chance(0.03) {
            row.set("AKA Name", fake::surname(&mut r));
        }
        let a = fake::address(&mut r);
        for (k, l) in a.lines.into_iter().enumerate() {
            row.set(["Adrs1", "Adrs2", "Adrs3", "Adrs4", "Adrs5"][k], l);
        }
        row.set("Postcode", a.postcode);
        if r.chance(0.6) {
            row.set("Client Phone", if r.chance(0.7) { fake::landline(&mut r) } else { fake::mobile(&mut r) });
        }
        row.set("Accom Type", r.weighted(codes::ACCOMMODATION_WEIGHTS));
        row.set("Birth Yr", dob.year().to_string());
        row.set("DOB", date(dob));
        row.set("Sex", if name.sex == 'M' { "M" } else { "F" });
        row.set("Marital Status", r.weighted(codes::MARITAL_WEIGHTS));
        row.set("Will", r.weighted(&[("Y", 30), ("N", 40), ("", 30)]));
        row.set("Corref", corref(&mut r, &c));
        row.set("Lay Team", if c.kind == ClientKind::Lay { r.pick(codes::LAY_TEAMS) } else { "" });
        if let Some(t) = c.term_date {
            row.set("Term Date", date(t));
            row.set("Term Type", if c.dead { "D" } else { r.pick(&["E", "O", "R"]) });
            row.set("Term User", r.pick(codes::USERS));
            row.set("Term by", r.pick(codes::TERM_BY));
            if c.dead {
                let notified = date(clamp(t + days(r.int(1, 20))));
                row.set("Letter Sent", date(clamp(t + days(r.int(5, 40)))));
                row.set("Notify", r.pick(&["1", "2", "3", "4"]));
                let proof = flag(&mut r, 0.8);
                // A few deaths were never dated or proved, so every death row of the client-status
                // table occurs; drawn apart so that the rest of the row stays as it was.
                let mut d = R::new(ctx.seed, "pat_death", i);
                if d.chance(0.9) {
                    row.set("Notified", notified);
                }
                row.set("Proof", if d.chance(0.1) { "" } else { proof });
            }
        } else if let Some(due) = report_due(&c) {
            row.set("Report Due", date(due));
        }
        // Most clients are never put away; some were long ago (the migration drops those older
        // than seven years) and some recently.
        let away = r.f64();
        if away < 0.04 {
            row.set(
                "Away Date",
                date(model::day_between(
                    &mut r,
                    NaiveDate::from_ymd_opt(2001, 1, 1).expect("date"),
                    NaiveDate::from_ymd_opt(2016, 12, 31).expect("date"),
                )),
            );
        } else if away < 0.07 {
            row.set("Away Date", date(model::day_between(&mut r, end() - days(900), end())));
        } else if i % 50 == 23 {
            // One client in fifty put away recently, so every scale has put away notices on the
            // timeline; drawn apart so that the rest of the row stays as it was.
            let mut a = R::new(ctx.seed, "pat_away", i);
            row.set("Away Date", date(model::day_between(&mut a, end() - days(900), end())));
        }
        if r.chance(0.08) {
            let award = model::day_between(&mut r, NaiveDate::from_ymd_opt(2019, 4, 1).expect("date"), end());
            row.set("Award Date", date(award));
            if r.chance(0.5) {
                row.set("Remis", "1");
                row.set("Exempt", "0");
            } else {
                row.set("Remis", "0");
                row.set("Exempt", "1");
            }
        }
        finance::fee_reduction(&mut row, ctx.seed, i);
        row.set("Fee Band", r.pick(&["", "", "1", "2", "3"]));
        row.set("Rev Stat", r.pick(&["", "", "", "N", "R"]));
        // The warning flags, for the warnings targets: the code the migration reads, now and
        // then another value it does not, mostly blank.
        row.set("VWM", warning_flag(&mut r, i % 50 == 7, 0.01, "4", "2"));
        row.set("SIM", warning_flag(&mut r, i % 50 == 13, 0.01, "3", "1"));
        row.set("SAAR Check", warning_flag(&mut r, i % 50 == 19, 0.01, "Y", "N"));
        row.set("Debt chase", warning_flag(&mut r, i % 50 == 23, 0.02, "1", "0"));
        row.set("Foreign", if r.chance(0.01) { "1" } else { "0" });
        row.set("AppNo", "1");
        row.set("Was Dep", "N");
        row.set("Sirius", "N");
        if c.orders.iter().any(|o| o.status == "Active") {
            row.set("Open CWS/Appl", "N");
        }
        s.emit(row)
    })?;
    Ok(None)
}

/// `order."Bond Co"` codes the bond provider lookup maps to Other (43757), beyond those of
/// `codes::BOND_COMPANIES`.
const OTHER_BOND_COMPANIES: &[&str] =
    &["3", "11", "15", "21", "27", "30", "31", "33", "34", "36", "42", "71", "75", "77", "81"];

fn order(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        let mut r = R::new(ctx.seed, "order", c.index);
        // The bonds' providers and amounts beyond the first pick draw from a stream of their own,
        // so the rest of each order row is as before.
        let mut b = R::new(ctx.seed, "order-bond", c.index);
        for o in &c.orders {
            let mut row = Row::new(file);
            stamp(&mut row, &mut r, o.issued);
            row.set("Order No", o.number.to_string());
            row.set("CoP Case", model::cop_case(c.index));
            row.set("Case", c.case.clone());
            row.set("AppNo", "1");
            row.set("Ord Stat", o.status);
            row.set("Ord Type", o.ord_type);
            row.set("Made Date", date(o.made));
            row.set("Issue Date", date(o.issued));
            row.set("Fee Rqd", flag(&mut r, 0.9));
            row.set("Dep App", "Y");
            row.set("Spvn Received", date(clamp(o.issued + days(r.int(1, 40)))));
            row.set("Ord Risk Lvl", o.risk);
            row.set("Old Stat", if o.status == "Closed" { "Active" } else { "" });
            if o.ord_type == "41" {
                row.set("Expiry Date", date(o.made + days(365)));
            }
            if r.chance(0.02) {
                row.set("Clause Expiry", date(o.made + days(730)));
            }
            let pfa = o.ord_type != "2";
            let bond = if pfa { r.weighted(&[("Y", 35), ("N", 50), ("S", 15)]) } else { "N" };
            row.set("Bond Rqd", bond);
            if bond == "Y" {
                let company = r.pick(codes::BOND_COMPANIES);
                // Now and then another of the codes that are Other, or no company recorded (always
                // for some clients, so that even a small export has a bond without a provider).
                let (other, none) = (b.chance(0.2), b.chance(0.03) || c.index % 40 == 17);
                let company = if none {
                    ""
                } else if other {
                    b.pick(OTHER_BOND_COMPANIES)
                } else {
                    company
                };
                row.set("Bond Co", company);
                row.set("Bond No.", format!("{}{:07}", r.pick(&["DBS", "HWB", "MB"]), r.int(0, 9_999_999)));
                let amount = money(r.int(5, 400) * 500_000);
                row.set("Bond Amount", amount.clone());
                // The amount taken: as required, or not yet recorded (blank or one space, 0).
                row.set("Bond Amt OPG", if b.chance(0.05) { b.pick(&["", " "]).to_string() } else { amount });
                row.set("Bond Renewal", date(clamp(o.made + days(365))));
                if o.status == "Closed" {
                    row.set("Bond Discharge", date(clamp(o.made + days(r.int(400, 3000)))));
                }
            } else if bond == "S" {
                // Dispensed with: mostly so recorded (code 1), sometimes no code, or 0.
                row.set("Bond Co", b.weighted(&[("1", 75), ("", 15), ("0", 10)]));
            }
            row.set("Rcvd Entered", date(o.issued));
            s.emit(row)?;
        }
        Ok(())
    })?;
    Ok(None)
}

fn deputyship(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        let mut r = R::new(ctx.seed, "deputyship", c.index);
        for o in &c.orders {
            for (k, d) in o.deputies.iter().enumerate() {
                let mut row = Row::new(file);
                stamp(&mut row, &mut r, o.issued);
                row.set("CoP Case", model::cop_case(c.index));
                row.set("Case", c.case.clone());
                row.set("AppNo", "1");
                row.set("Appl No", (d.deputy + 70_000_000).to_string());
                row.set("Joint", d.joint);
                row.set("Appointed", "Y");
                row.set("Deputy No", model::deputy_number(d.deputy));
                row.set("Dep Addr No", d.address.to_string());
                row.set("Order No", o.number.to_string());
                row.set("Corr", if k == 0 { "Y" } else { "N" });
                row.set("News Letter", flag(&mut r, 0.2));
                row.set("Fee Payer", if d.fee_payer { "Y" } else { "N" });
                s.emit(row)?;
            }
        }
        Ok(())
    })?;
    Ok(None)
}

// ---------------------------------------------------------------------------------------------
// Deputies

fn deputies(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_deputies(ctx, |d| {
        let mut r = R::new(ctx.seed, "deputy", d.index);
        let mut row = Row::new(file);
        let since = model::day_between(&mut r, NaiveDate::from_ymd_opt(2000, 1, 1).expect("date"), end() - days(30));
        stamp(&mut row, &mut r, since);
        row.set("Deputy No", d.number.clone());
        row.set("Dep Type", d.dep_type);
        let org = d.client == 0;
        if org {
            let name =
                if d.dep_type == codes::PA_DEPUTY_TYPE { fake::council_name(&mut r) } else { fake::firm_name(&mut r) };
            row.set("Dep Surname", name);
            if r.chance(0.4) {
                let p = model::person_name(&mut r);
                row.set("Title", p.title);
                row.set("Inits", fake::initials(&p.forenames));
                row.set("Dep Forename", p.forenames);
            }
            row.set("Email", format!("deputyship{}@example.org", d.index));
            row.set("Contact Telephone", fake::landline(&mut r));
            row.set("PI Amount", money(r.int(1, 20) * 100_000_000));
        } else {
            let p = model::person_name(&mut r);
            let client = model::client_name(ctx.seed, d.client);
            let surname = if r.chance(0.6) { client.surname } else { p.surname };
            row.set("Title", p.title);
            row.set("Inits", fake::initials(&p.forenames));
            if r.chance(0.6) {
                row.set("Email", fake::email(&mut r, &p.forenames, surname));
            }
            row.set("Dep Forename", p.forenames);
            row.set("Dep Surname", surname);
            if r.chance(0.7) {
                row.set("Contact Telephone", fake::landline(&mut r));
            }
            if r.chance(0.3) {
                row.set("Contact Tele2", fake::landline(&mut r));
            }
            if r.chance(0.6) {
                row.set("Mobile", fake::mobile(&mut r));
            }
            if r.chance(0.03) {
                row.set("AKA Name", fake::surname(&mut r));
            }
        }
        let stat = if org { r.weighted(&[("1", 97), ("89", 3)]) } else { r.weighted(codes::DEPUTY_STATUS_WEIGHTS) };
        row.set("Stat", stat);
        if stat == "99" || stat == "91" || (stat == "1" && r.chance(0.01)) {
            row.set("Disch Death", date(model::day_between(&mut r, since, end())));
        }
        row.set("Welsh", flag(&mut r, 0.03));
        row.set("By Email", flag(&mut r, 0.4));
        row.set("Special", r.weighted(&[("", 90), ("0", 6), ("1", 1), ("2", 2), ("6", 1)]));
        // Warning flags as on pat; the ones every export has go to the first lay deputy of every
        // 25th client (most clients have one).
        let client = lay_client_of(ctx.n, d.index);
        row.set("VWM", warning_flag(&mut r, client % 25 == 3, 0.005, "4", "2"));
        row.set("SIM", warning_flag(&mut r, client % 25 == 11, 0.005, "3", "1"));
        row.set("Addr Type", if org { "B" } else { "H" });
        row.set("Inuse", "Y");
        row.set("Digital", flag(&mut r, 0.5));
        s.emit(row)
    })?;
    Ok(None)
}

fn deplink(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_deputies(ctx, |d| {
        let mut r = R::new(ctx.seed, "deplink", d.index);
        for m in 0..d.addresses {
            let mut row = Row::new(file);
            let when = end() - days(r.int(30, 6000));
            stamp(&mut row, &mut r, when);
            row.set("Deputy No", d.number.clone());
            row.set("Dep Addr No", model::address_number(d.index, m).to_string());
            row.set("Main Addr", if m == 0 { "1" } else { "0" });
            row.set("Dep Dup", "N");
            row.set("Addr Dup", "N");
            row.set("In Use", "Y");
            s.emit(row)?;
        }
        Ok(())
    })?;
    Ok(None)
}

fn deputy_address(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_deputies(ctx, |d| {
        let mut r = R::new(ctx.seed, "deputy-address", d.index);
        for m in 0..d.addresses {
            let mut row = Row::new(file);
            let when = end() - days(r.int(30, 6000));
            stamp(&mut row, &mut r, when);
            row.set("Dep Addr No", model::address_number(d.index, m).to_string());
            let a = fake::address(&mut r);
            for (k, l) in a.lines.into_iter().enumerate() {
                row.set(["Dep Adrs1", "Dep Adrs2", "Dep Adrs3", "Dep Adrs4", "Dep Adrs5"][k], l);
            }
            row.set("Dep Postcode", a.postcode);
            if r.chance(0.5) {
                row.set("Telephone", fake::landline(&mut r));
            }
            if d.client == 0 && r.chance(0.5) {
                row.set("DX No", format!("DX {}", r.int(1000, 99999)));
                row.set("DX Exchange", r.pick(fake::TOWNS));
            }
            row.set("Addr Stat", "1");
            row.set("Inuse", "Y");
            row.set("Foreign", if r.chance(0.01) { "1" } else { "0" });
            s.emit(row)?;
        }
        Ok(())
    })?;
    Ok(None)
}

fn deputy_remarks(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_deputies(ctx, |d| {
        let mut r = R::new(ctx.seed, "deputy-remarks", d.index);
        let n = if d.client == 0 { r.int(1, 4) } else { r.weighted(&[(0, 50), (1, 35), (2, 15)]) };
        for _ in 0..n {
            let mut row = Row::new(file);
            let when = end() - days(r.int(1, 5000));
            stamp(&mut row, &mut r, when);
            row.set("Deputy No", d.number.clone());
            row.set("Keydate", date(when));
            row.set("Keytime", office_time(&mut r));
            row.set("Log Type", r.weighted(codes::NOTE_WEIGHTS));
            row.set("Log Date", date(when));
            row.set("Log Time", office_time(&mut r));
            row.set("Remarks", fake::remark(&mut r));
            row.set("Sect", r.pick(&["GEN", "FIN", "VIS", ""]));
            row.set("Pri", if r.chance(0.05) { "1" } else { "" });
            s.emit(row)?;
        }
        Ok(())
    })?;
    Ok(None)
}

fn drlog(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_deputies(ctx, |d| {
        let mut r = R::new(ctx.seed, "drlog", d.index);
        if r.chance(0.3) {
            let mut row = Row::new(file);
            let when = end() - days(r.int(1, 4000));
            stamp(&mut row, &mut r, when);
            row.set("Deputy No", d.number.clone());
            row.set("Pri", r.pick(&["", "1", "2"]));
            row.set("Keydate", date(when));
            row.set("Keytime", office_time(&mut r));
            row.set("Log Type", r.weighted(codes::NOTE_WEIGHTS));
            row.set("Logdate", date(when));
            row.set("Logtime", office_time(&mut r));
            s.emit(row)?;
        }
        Ok(())
    })?;
    Ok(None)
}

fn deputylink(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    let shared = model::shared_deputies(ctx.n);
    for j in 1..=shared {
        let mut r = R::new(ctx.seed, "deputylink", j);
        if r.chance(0.1) {
            let other = 1 + (j + r.int(1, shared as i64 - 1) as u64) % shared;
            let mut row = Row::new(file);
            let when = end() - days(r.int(30, 3000));
            stamp(&mut row, &mut r, when);
            row.set("Deputy No", model::deputy_number(j));
            row.set("Link Deputy No", model::deputy_number(other));
            row.set("Comment", "Same firm, different office");
            s.emit(row)?;
        }
    }
    Ok(None)
}

fn drepvis(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    let shared = model::shared_deputies(ctx.n);
    for j in 1..=shared {
        let mut r = R::new(ctx.seed, "drepvis", j);
        for k in 0..r.int(0, 2) as u64 {
            let mut row = Row::new(file);
            let when = end() - days(r.int(30, 3000));
            stamp(&mut row, &mut r, when);
            row.set("Report No", (60_000_000 + j * 3 + k).to_string());
            row.set("Deputy No", model::deputy_number(j));
            row.set("Dep Addr No", model::address_number(j, 0).to_string());
            row.set("Req By", r.pick(&["8", "9", "10", "11", "12", "13", "14"]));
            row.set("Visitor", r.pick(codes::USERS));
            row.set("Date Allocated", date(when));
            row.set("Commission Dated", date(when));
            row.set("Report Due", date(clamp(when + days(56))));
            row.set("Outcome", r.pick(codes::VISIT_OUTCOMES));
            row.set("Fee Amount", money(r.int(150, 400) * 100));
            s.emit(row)?;
        }
    }
    Ok(None)
}

// ---------------------------------------------------------------------------------------------
// Per-case files

/// The ends of the reporting periods at the status boundaries of the local as-of date
/// (`model::local_as_of_date`, Sunday 1 November 2026, moved forward to Monday 2 November: 15
/// working days before it is Monday 12 October, 71 working days before it Thursday 23 July,
/// the August bank holiday between), each with the day after; 4 December 2026, whose due date
/// 21 days later falls on Christmas Day, with 28 December a bank holiday too; and two periods
/// ending on 29 February (whose start a year back is 1 March).
const BOUNDARY_ENDS: &[(i32, u32, u32)] = &[
    (2026, 7, 23),
    (2026, 7, 24),
    (2026, 10, 12),
    (2026, 10, 13),
    (2026, 11, 1),
    (2026, 11, 2),
    (2026, 12, 4),
    (2024, 2, 29),
    (2028, 2, 29),
];

/// A report chased after it came in (or did not), as the lodging details read it: the
/// `Further Code` (one of `codes`, blank when none), and whether the row has a `Revise Date`, a
/// received date, any `Sent` date and a `Followup Date`.
struct Chase {
    codes: &'static [&'static str],
    revise: bool,
    received: bool,
    sent: bool,
    followup: bool,
}

/// One of each combination the lodging details' rules tell apart, and a few near misses.
const CHASES: &[Chase] = &[
    Chase { codes: &["2", "3", "4"], revise: true, received: false, sent: false, followup: true },
    Chase { codes: &["2", "3", "4"], revise: true, received: true, sent: false, followup: true },
    Chase { codes: &["1", "8"], revise: true, received: false, sent: true, followup: false },
    Chase { codes: &["1", "8"], revise: true, received: true, sent: false, followup: false },
    Chase { codes: &[""], revise: false, received: false, sent: false, followup: false },
    Chase { codes: &["2", "3", "4"], revise: true, received: true, sent: true, followup: true },
    Chase { codes: &["1", "8"], revise: true, received: true, sent: true, followup: true },
    Chase { codes: &["5"], revise: true, received: false, sent: false, followup: true },
];

/// The columns of the further dates, by the index of the `Further<k>` code they go with (CasRec
/// has no `Further Date5`; its fifth and sixth are `Further Date6` and `Further Date6.1`).
const FURTHER_DATES: [&str; 6] =
    ["Further Date1", "Further Date2", "Further Date3", "Further Date4", "Further Date6", "Further Date6.1"];

/// Up to six requests for more (`Further1..6` codes, blank and 0 among them, with their dates,
/// `Sent` dates and `Rcvd Date1..6` answers), from `from`; often the latest answer is to the last
/// request, and now and then two answers share a day.
fn further_requests(row: &mut Row, x: &mut R, from: NaiveDate, received: bool, sent: bool, cap: NaiveDate) {
    let n = x.int(1, 6) as usize;
    let mut day = from;
    let mut last = None;
    for k in 1..=n {
        day += days(x.int(7, 40));
        let code =
            x.weighted(&[("1", 20), ("2", 15), ("3", 10), ("4", 10), ("8", 15), ("99", 10), ("0", 10), ("", 10)]);
        row.set(&format!("Further{k}"), code);
        if !code.is_empty() && code != "0" {
            last = Some(k);
        }
        if x.chance(0.8) {
            row.set(FURTHER_DATES[k - 1], date(day.min(cap)));
        }
        if sent && x.chance(0.6) {
            row.set(&format!("Sent{k}"), date((day + days(x.int(0, 5))).min(cap)));
        }
        if received && x.chance(0.4) {
            row.set(&format!("Rcvd Date{k}"), date((day + days(x.int(5, 30))).min(cap)));
        }
    }
    if let (true, Some(k)) = (received, last) {
        if x.chance(0.5) {
            row.set(&format!("Rcvd Date{k}"), date((day + days(45)).min(cap)));
        }
    }
    if received && n >= 2 && x.chance(0.15) {
        let later = row.get(&format!("Rcvd Date{n}")).to_string();
        if !later.is_empty() {
            row.set(&format!("Rcvd Date{}", n - 1), later);
        }
    }
}

/// Clears what says a report came in: the received and lodge dates and their audit fields.
fn not_received(row: &mut Row) {
    for c in ["Rcvd Date", "Lodge Date", "Lodge Entered", "Lodge Time", "Lodge by"] {
        row.set(c, "");
    }
}

fn account(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        let mut r = R::new(ctx.seed, "account", c.index);
        // What the reporting rules read beyond the first fields (chasing, further requests,
        // current periods) is drawn from a stream of its own, so the rest of each row is as before.
        let mut x = R::new(ctx.seed, "account-reporting", c.index);
        let Some(first) = c.orders.first() else { return Ok(()) };
        // Every 30th client has no account history yet: its pat Report Due is its only period
        // (never one of the clients with a current period, every third).
        if c.index % 30 == 10 {
            return Ok(());
        }
        let stop = c.term_date.unwrap_or(end());
        let mut ends = Vec::new();
        let mut y = first.made.year() + 1;
        while let Some(d) = NaiveDate::from_ymd_opt(y, first.made.month(), first.made.day().min(28)) {
            if d > stop {
                break;
            }
            ends.push(d);
            y += 1;
        }
        let keep = ends.len().saturating_sub(r.int(1, 4) as usize);
        let history = &ends[keep..];
        for (k, e) in history.iter().enumerate() {
            let mut row = Row::new(file);
            stamp(&mut row, &mut r, *e - days(330));
            row.set("Case", c.case.clone());
            row.set("End Date", date(*e));
            let recent = (end() - *e).num_days() < 90;
            let rev = if recent {
                r.pick(&["N", "N", ""])
            } else {
                r.weighted(&[("N", 60), ("R", 8), ("S", 8), ("G", 6), ("M", 4), ("I", 6), ("X", 2)])
            };
            row.set("Rev Stat", rev);
            let mut lodged = None;
            if !recent || r.chance(0.3) {
                let rcvd = clamp(*e + days(r.int(5, 120)));
                lodged = Some(rcvd);
                row.set("Rcvd Date", date(rcvd));
                if r.chance(0.85) {
                    row.set("Lodge Date", date(clamp(rcvd + days(r.int(0, 20)))));
                    row.set("Lodge Entered", date(clamp(rcvd + days(r.int(0, 20)))));
                    row.set("Lodge Time", office_time(&mut r));
                    row.set("Lodge by", r.pick(codes::USERS));
                }
                if matches!(rev, "R" | "S" | "G" | "M") && r.chance(0.7) {
                    row.set("Review Date", date(clamp(rcvd + days(r.int(10, 90)))));
                    row.set("Review by", r.pick(codes::USERS));
                }
                if r.chance(0.1) {
                    row.set("Further Code", r.pick(&["1", "2", "3", "4", "8"]));
                    row.set("Revise Date", date(clamp(rcvd + days(r.int(5, 40)))));
                    row.set("Further1", r.pick(&["1", "2", "8"]));
                    row.set("Further Date1", date(clamp(rcvd + days(r.int(5, 40)))));
                    row.set("Sent1", date(clamp(rcvd + days(r.int(5, 40)))));
                }
            }
            row.set("Type", r.pick(&["1", "2", "3"]));
            row.set("Next Yr", flag(&mut r, 0.1));
            // Some reports reviewed while still "N" (lodged and reviewed, not referred).
            if rev == "N" && lodged.is_some() && x.chance(0.08) {
                row.set("Review Date", date(clamp(*e + days(x.int(130, 200)))));
            }
            let after = lodged.unwrap_or(*e + days(30));
            // A share of the older reports chased, by every rule of the lodging details.
            if !recent && x.chance(0.3) {
                let chase = &CHASES[x.below(CHASES.len())];
                if !chase.received {
                    not_received(&mut row);
                }
                for c in ["Further Code", "Revise Date", "Further1", "Further Date1", "Sent1"] {
                    row.set(c, "");
                }
                row.set("Further Code", x.pick(chase.codes));
                if chase.revise {
                    row.set("Revise Date", date(clamp(after + days(x.int(5, 40)))));
                }
                if chase.followup {
                    row.set("Followup Date", date(clamp(after + days(x.int(20, 60)))));
                }
                if chase.received || chase.sent || x.chance(0.5) {
                    further_requests(&mut row, &mut x, after, chase.received, chase.sent, end());
                }
            } else if !recent && x.chance(0.25) {
                further_requests(&mut row, &mut x, after, lodged.is_some(), true, end());
                if x.chance(0.3) {
                    row.set("Followup Date", date(clamp(after + days(x.int(20, 60)))));
                }
            }
            s.emit(row.clone())?;
            // Every 50th client has its last period entered twice, the first entry abandoned.
            if c.index % 50 == 31 && k + 1 == history.len() {
                let mut again = row;
                again.set("rct", "");
                again.set("Rev Stat", "X");
                s.emit(again)?;
            }
        }
        if c.term_date.is_none() && c.index % 3 == 0 {
            s.emit(current_period(file, &mut x, &c))?;
        }
        Ok(())
    })?;
    Ok(None)
}

/// The current reporting period of an open client, placed around the local as-of date so that
/// every status the as-of date decides occurs (and at the boundaries, each side), and some ending
/// on the client's pat `Report Due` (a period pat and account both name). One of 18 kinds by
/// the client's index, so that even 100 clients have each.
fn current_period(file: &'static CasrecFile, x: &mut R, c: &Client) -> Row {
    let now = model::local_as_of_date();
    let mut row = Row::new(file);
    row.set("Case", c.case.clone());
    let boundaries = BOUNDARY_ENDS.len() as u64;
    let kind = (c.index / 3) % (9 + boundaries);
    let (end_date, rev, next, received) = match kind {
        0 => (now - days(x.int(1, 15)), "N", "N", false),
        1 => (now - days(x.int(30, 90)), "N", "N", false),
        2 => (now + days(x.int(1, 200)), "N", "N", false),
        3 => (now + days(x.int(1, 200)), "", "Y", false),
        4 => (now + days(x.int(1, 200)), "", "N", false),
        k if k < 5 + boundaries => {
            let (y, m, d) = BOUNDARY_ENDS[(k - 5) as usize];
            (NaiveDate::from_ymd_opt(y, m, d).expect("valid constant date"), "N", "N", false)
        }
        k if k == 5 + boundaries => (report_due(c).unwrap_or(now), x.pick(&["N", ""]), x.pick(&["Y", "N"]), false),
        k if k == 6 + boundaries => (now - days(x.int(20, 300)), x.pick(&["R", "S"]), "N", false),
        k if k == 7 + boundaries => (now - days(x.int(20, 60)), x.pick(&["N", "R", "S"]), "N", true),
        _ => (now - days(x.int(100, 300)), x.pick(&["N", "I", "G", "S", "R", "M"]), "N", true),
    };
    stamp(&mut row, x, end_date - days(330));
    row.set("End Date", date(end_date));
    row.set("Rev Stat", rev);
    row.set("Next Yr", next);
    row.set("Type", x.pick(&["1", "2", "3"]));
    if received {
        let rcvd = end_date + days(x.int(5, 15));
        row.set("Rcvd Date", date(rcvd));
        if kind == 8 + boundaries {
            row.set("Lodge Date", date(rcvd + days(x.int(0, 10))));
            if x.chance(0.5) {
                row.set("Review Date", date(rcvd + days(x.int(10, 40))));
            }
        }
    }
    row
}

fn remark_row(file: &'static CasrecFile, r: &mut R, c: &Client) -> Row {
    let mut row = Row::new(file);
    let when = model::day_between(r, c.created, end());
    stamp(&mut row, r, when);
    row.set("Case", c.case.clone());
    row.set("Keydate", date(when));
    row.set("Keytime", office_time(r));
    row.set("Log Type", r.weighted(codes::NOTE_WEIGHTS));
    row.set("Logdate", date(when));
    row.set("Logtime", office_time(r));
    row.set("Remarks", fake::remark(r));
    row.set("Sect", r.pick(&["GEN", "FIN", "VIS", "REP", ""]));
    // Priority 1 remarks become warnings; a few have another priority the migration does not read.
    let pri = r.f64();
    row.set(
        "Pri",
        if pri < 0.05 {
            "1"
        } else if pri < 0.07 {
            "2"
        } else {
            ""
        },
    );
    row
}

fn remarks(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        let mut r = R::new(ctx.seed, "remarks", c.index);
        let n = r.weighted(&[(0, 20), (1, 30), (2, 25), (3, 15), (5, 10)]);
        for _ in 0..n {
            let row = remark_row(file, &mut r, &c);
            s.emit(row)?;
        }
        Ok(())
    })?;
    // A last remark of the last client, which the sink cuts short when defects are on.
    let c = Client::derive(ctx.seed, ctx.n, ctx.n);
    Ok(Some(remark_row(file, &mut R::new(ctx.seed, "remarks-tail", ctx.n), &c)))
}

fn crec(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    let table = file.table;
    for_clients(ctx, |c| {
        let mut r = R::new(ctx.seed, "crec", c.index);
        let n = r.weighted(&[(0u64, 55), (1, 35), (2, 10)]);
        for k in 0..n {
            let score = r.weighted(&[("0", 10), ("1", 30), ("2", 30), ("3", 18), ("4", 8), ("5", 4)]);
            let when = model::day_between(&mut r, c.created, end());
            let lines = match table {
                "crecind" => r.int(0, 2),
                "crecline" => r.int(0, 3),
                _ => 1,
            };
            for q in 0..lines {
                let mut row = Row::new(file);
                stamp(&mut row, &mut r, when);
                row.set("Case", c.case.clone());
                row.set("Type", r.pick(&["1", "2"]));
                row.set("CRisk", score);
                row.set_if("Score", score);
                row.set_if("Updt", date(when));
                row.set_if("InAct", if k + 1 < n { "Y" } else { "N" });
                match table {
                    "crec" => {
                        row.set("Manual Set", flag(&mut r, 0.1));
                        if r.chance(0.2) {
                            row.set("Comments", fake::comment(&mut r));
                        }
                    }
                    "crecind" => row.set("CInd", r.pick(&["A", "B", "C", "D", "E"])),
                    _ => {
                        row.set("CInd", r.pick(&["A", "B", "C", "D", "E"]));
                        row.set("QCO", r.pick(&["Y", "N"]));
                        row.set("Seq", (q + 1).to_string());
                        row.set("QNo", r.int(1, 20).to_string());
                    }
                }
                s.emit(row)?;
            }
        }
        Ok(())
    })?;
    Ok(None)
}

fn repvis(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        let mut r = R::new(ctx.seed, "repvis", c.index);
        let n = r.weighted(&[(0u64, 60), (1, 30), (2, 10)]);
        for k in 0..n {
            let mut row = Row::new(file);
            let when = model::day_between(&mut r, c.created, end());
            stamp(&mut row, &mut r, when);
            row.set("Report No", (40_000_000 + c.index * 2 + k).to_string());
            row.set("Case", c.case.clone());
            let req = r.weighted(&[
                ("1", 30),
                ("2", 10),
                ("3", 10),
                ("4", 5),
                ("5", 5),
                ("6", 5),
                ("7", 5),
                ("8", 10),
                ("9", 5),
                ("10", 5),
                ("11", 3),
                ("12", 3),
                ("13", 2),
                ("14", 2),
            ]);
            row.set("Req By", req);
            row.set("Rep On", r.pick(codes::VISIT_REP_ON));
            row.set("Report Type", r.pick(codes::VISIT_REPORT_TYPES));
            row.set("Reason Code", r.int(1, 9).to_string());
            row.set("Source", r.pick(&["1", "2"]));
            row.set("Visitor", r.pick(codes::USERS));
            row.set("Date Allocated", date(when));
            row.set("Commission Dated", date(when));
            row.set("Commission Issued", date(clamp(when + days(r.int(0, 5)))));
            row.set("Report Due", date(clamp(when + days(56))));
            let done = (end() - when).num_days() > 60 || r.chance(0.5);
            if done {
                let rcvd = clamp(when + days(r.int(10, 70)));
                row.set("Report Rcvd.", date(rcvd));
                row.set("Date Completed", date(clamp(rcvd + days(r.int(0, 20)))));
                row.set("Outcome", r.weighted(&[("2", 80), ("1", 10), ("3", 8), ("0", 2)]));
                row.set("Reason", r.pick(codes::VISIT_REASONS));
                row.set("Categ", r.weighted(&[("Green", 60), ("Amber", 25), ("Red", 10), ("Blue", 5)]));
                row.set("Review Date", date(clamp(rcvd + days(r.int(0, 30)))));
            }
            if r.chance(0.1) {
                row.set("Extension 1", date(clamp(when + days(70))));
                if r.chance(0.3) {
                    row.set("Extension 2", date(clamp(when + days(84))));
                }
            }
            if r.chance(0.3) {
                row.set("Comments", fake::comment(&mut r));
            }
            if let Some(o) = c.orders.last() {
                if r.chance(0.7) {
                    let d = &o.deputies[r.below(o.deputies.len())];
                    row.set("Deputy No", model::deputy_number(d.deputy));
                    row.set("Dep Addr No", d.address.to_string());
                }
            }
            row.set("Fee Amount", money(r.int(150, 400) * 100));
            s.emit(row)?;
        }
        Ok(())
    })?;
    Ok(None)
}

fn visit(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        let mut r = R::new(ctx.seed, "visit", c.index);
        if r.chance(0.15) {
            let mut row = Row::new(file);
            let when = model::day_between(&mut r, c.created, end());
            stamp(&mut row, &mut r, when);
            row.set("Visit No", (50_000_000 + c.index).to_string());
            row.set("Case", c.case.clone());
            row.set("Priority", r.pick(&["1", "2", "3"]));
            row.set("Visit Inits", r.pick(codes::USERS));
            row.set("Date Allocated", date(when));
            row.set("Outcome", r.pick(codes::VISIT_OUTCOMES));
            row.set("Curr Stat", r.pick(&["C", "O"]));
            row.set("Visit Made", date(clamp(when + days(r.int(5, 40)))));
            if r.chance(0.4) {
                row.set("Comments", fake::comment(&mut r));
            }
            s.emit(row)?;
        }
        Ok(())
    })?;
    Ok(None)
}

/// `sup_activity."Sup Desc"` of the task types the common descriptions do not give (one each:
/// OEN6, ORRE, CNC, CWRD, VIRD, RERR, CS), one with CasRec's padding inside.
const RARE_TASK_DESCRIPTIONS: &[&str] = &[
    "Contact D to remind him that a time-limited order will expire shortly.",
    "Review terms of the order to check that they are being complied with",
    "Non-Compliant Stage One",
    "Use chase process for non compliant                                                                                               +",
    "Call back required to answer query that we were unable to answer due to system down time",
    "Visit repot should be returned 12 weeks from this date.",
    "Review the annual financial report. Consider follow-up action.",
    "SAFEGUARDING EMAIL RECEIVED, REFERRED TO CASE MANAGEMENT TEAM",
];

fn sup_activity(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        let mut r = R::new(ctx.seed, "sup-activity", c.index);
        let n = r.weighted(&[(0u64, 40), (1, 30), (2, 20), (3, 10)]);
        for k in 0..n {
            let o = &c.orders[r.below(c.orders.len())];
            let mut row = Row::new(file);
            let when = model::day_between(&mut r, o.made, end());
            stamp(&mut row, &mut r, when);
            row.set("SupID", (c.index * 4 + k).to_string());
            row.set("DefnID", r.int(1, 40).to_string());
            let status = if c.closed {
                "COMPLETED"
            } else {
                r.weighted(&[("ACTIVE", 45), ("COMPLETED", 45), ("CANCELLED", 10)])
            };
            row.set("Status", status);
            row.set("Create by", r.pick(codes::USERS));
            row.set("Date Create", date(when));
            row.set("Act Type", r.pick(&["M", "A"]));
            // Mostly the common descriptions; some of the rarer ones, so that every task type
            // occurs; a few blank (the general type).
            let desc = match r.weighted(&[(0u8, 85), (1, 12), (2, 3)]) {
                0 => r.pick(codes::TASK_DESCRIPTIONS),
                1 => r.pick(RARE_TASK_DESCRIPTIONS),
                _ => "",
            };
            row.set("Sup Desc", desc);
            row.set("Start Date", date(when));
            let target = when + days(r.int(7, 120));
            // A task without a target date is due from its start date.
            if r.chance(0.9) {
                row.set("Target", date(target));
            }
            if status != "ACTIVE" {
                row.set("Term By", r.pick(codes::USERS));
                row.set("Date Term", date(clamp(target)));
            } else {
                // An active task reassigned in CasRec names its user; the others have none.
                if r.chance(0.4) {
                    row.set("Term By", r.pick(codes::USERS));
                }
                row.set("Next Due", date(target));
            }
            row.set("Case", c.case.clone());
            row.set("Order No", o.number.to_string());
            if r.chance(0.5) {
                row.set("Comment", fake::comment(&mut r));
            }
            row.set("Mand Ind", flag(&mut r, 0.2));
            s.emit(row)?;
        }
        Ok(())
    })?;
    Ok(None)
}

fn activity_tracking(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        let mut r = R::new(ctx.seed, "activity-tracking", c.index);
        if r.chance(0.15) {
            let o = &c.orders[r.below(c.orders.len())];
            let mut row = Row::new(file);
            let when = model::day_between(&mut r, o.made, end());
            stamp(&mut row, &mut r, when);
            row.set("Track Id", (c.index + 5_000_000).to_string());
            row.set("Sup ID", (c.index * 4).to_string());
            row.set("Defn ID", r.int(1, 40).to_string());
            row.set("Status", r.pick(&["ACTIVE", "COMPLETED"]));
            row.set("Date Created", date(when));
            row.set("Comp Target Date", date(when + days(28)));
            row.set("Case", c.case.clone());
            row.set("Order No", o.number.to_string());
            if r.chance(0.3) {
                row.set("Comment", fake::comment(&mut r));
            }
            s.emit(row)?;
        }
        Ok(())
    })?;
    Ok(None)
}

fn setupextract(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        let mut r = R::new(ctx.seed, "setupextract", c.index);
        for o in &c.orders {
            if !r.chance(0.3) {
                continue;
            }
            let mut row = Row::new(file);
            stamp(&mut row, &mut r, o.issued);
            row.set("CoP Case", model::cop_case(c.index));
            row.set("Case", c.case.clone());
            row.set("AppNo", "1");
            row.set("Order No", o.number.to_string());
            for col in ["ExtFlag", "Asf Flag", "Dcsd Flag", "FOE Flag", "ODP Flag"] {
                row.set(col, flag(&mut r, 0.1));
            }
            row.set("Fee Order", flag(&mut r, 0.8));
            s.emit(row)?;
        }
        Ok(())
    })?;
    Ok(None)
}

fn cfoaccount(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        let mut r = R::new(ctx.seed, "cfoaccount", c.index);
        if r.chance(0.05) {
            let mut row = Row::new(file);
            stamp(&mut row, &mut r, c.created);
            row.set("Case", c.case.clone());
            row.set("Account No", format!("{:09}", 300_000_000 + c.index));
            row.set("Type", r.pick(&["S", "D"]));
            row.set("Stat", r.pick(&["O", "C"]));
            row.set("Balance", money(r.int(0, 5_000_000)));
            s.emit(row)?;
        }
        Ok(())
    })?;
    Ok(None)
}

fn contact_dm(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        let mut r = R::new(ctx.seed, "contact-dm", c.index);
        if r.chance(0.2) {
            let mut row = Row::new(file);
            let when = model::day_between(&mut r, c.created, end());
            stamp(&mut row, &mut r, when);
            row.set("Case", c.case.clone());
            row.set("KeyDateTime", datetime(when, r.int(8 * 3600, 17 * 3600) as u32));
            let p = model::person_name(&mut r);
            row.set("Title", p.title);
            row.set("Inits", fake::initials(&p.forenames));
            row.set("C Forename", p.forenames.clone());
            row.set("C Surname", p.surname);
            let a = fake::address(&mut r);
            for (k, l) in a.lines.into_iter().enumerate() {
                row.set(["C Adrs1", "C Adrs2", "C Adrs3", "C Adrs4", "C Adrs5"][k], l);
            }
            row.set("Postcode", a.postcode);
            row.set("Phone", fake::landline(&mut r));
            if r.chance(0.5) {
                row.set("Email", fake::email(&mut r, &p.forenames, p.surname));
            }
            row.set("Relationship", r.pick(&["Son", "Daughter", "Neighbour", "Social worker", "GP"]));
            row.set("Status", "A");
            if r.chance(0.3) {
                row.set("Comments", fake::comment(&mut r));
            }
            s.emit(row)?;
        }
        Ok(())
    })?;
    Ok(None)
}

fn cwsdata(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        let mut r = R::new(ctx.seed, "cwsdata", c.index);
        if r.chance(0.25) {
            let mut row = Row::new(file);
            let when = model::day_between(&mut r, c.created, end());
            stamp(&mut row, &mut r, when);
            row.set("Cwsno", (80_000_000 + c.index).to_string());
            row.set("Case", c.case.clone());
            row.set("Source", r.pick(&["POST", "EMAIL", "PHONE"]));
            row.set("Date Rcvd", date(when));
            row.set("Staff", r.pick(codes::USERS));
            row.set("Stat", r.pick(&["C", "O"]));
            row.set("Due Date", date(clamp(when + days(15))));
            s.emit(row)?;
        }
        Ok(())
    })?;
    Ok(None)
}

fn phoenixmap(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        let mut r = R::new(ctx.seed, "phoenixmap", c.index);
        if r.chance(0.4) {
            let mut row = Row::new(file);
            stamp(&mut row, &mut r, c.created);
            row.set("Case", c.case.clone());
            row.set("Phoenix No", format!("P{:07}", c.index));
            row.set("SOP No", format!("{:08}", 20_000_000 + c.index));
            s.emit(row)?;
        }
        Ok(())
    })?;
    Ok(None)
}

// ---------------------------------------------------------------------------------------------
// Fees

struct Invoice {
    number: String,
    pence: i64,
    raised: NaiveDate,
}

/// The amount of an invoice of this kind, in pence.
fn fee_pence(r: &mut R, prefix: &str) -> i64 {
    match prefix {
        "AD" => 10_000,
        "S2" | "B2" => 32_000,
        "S3" | "B3" => 3_500,
        _ => r.int(50, 400) * 100,
    }
}

/// The invoices of client `i` (0–3), shared by `feeexport`, `feeaas` and payment lines.
fn invoices(seed: u64, c: &Client) -> Vec<Invoice> {
    let mut r = R::new(seed, "invoices", c.index);
    let n = r.weighted(&[(0u64, 30), (1, 35), (2, 20), (3, 15)]);
    (0..n)
        .map(|k| {
            let prefix = r.weighted(codes::INVOICE_PREFIXES);
            let raised =
                model::day_between(&mut r, c.created.max(NaiveDate::from_ymd_opt(2016, 4, 1).expect("date")), end());
            let pence = fee_pence(&mut r, prefix);
            Invoice { number: format!("{prefix}{:07}/{}", c.index, k + 1), pence, raised }
        })
        .collect()
}

fn feeaas(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for_clients(ctx, |c| {
        let mut r = R::new(ctx.seed, "feeaas", c.index);
        let invs = invoices(ctx.seed, &c);
        let Some(inv) = invs.first() else { return Ok(()) };
        if !r.chance(0.3) {
            return Ok(());
        }
        let o = &c.orders[0];
        let d = &o.deputies[0];
        let mut row = Row::new(file);
        stamp(&mut row, &mut r, inv.raised);
        row.set("CoP Case", model::cop_case(c.index));
        row.set("Case", c.case.clone());
        row.set("AppNo", "1");
        row.set("Order No", o.number.to_string());
        row.set("Invoice Date", date(inv.raised));
        row.set("Amount", money(inv.pence));
        row.set("Amt Paid", money(if r.chance(0.8) { inv.pence } else { 0 }));
        row.set("Deputy No", model::deputy_number(d.deputy));
        row.set("Dep Addr No", d.address.to_string());
        row.set("Fee Type", r.pick(&["S2", "S3", "AD"]));
        row.set("Invoice No", inv.number.clone());
        row.set("Remis", r.pick(&["0", "0", "1"]));
        row.set("Exempt", r.pick(&["0", "0", "1"]));
        row.set("FinYr", format!("{}", inv.raised.year()));
        s.emit(row)?;
        Ok(())
    })?;
    Ok(None)
}

fn schedules(n: u64) -> u64 {
    (n / 200).max(3)
}

fn fee_schedules(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for k in 1..=schedules(ctx.n) {
        let mut r = R::new(ctx.seed, file.table, k);
        let when = end() - days(r.int(1, 2500));
        let mut row = Row::new(file);
        stamp(&mut row, &mut r, when);
        row.set("Sched No", (1000 + k).to_string());
        row.set("Sched Done", "Y");
        match file.table {
            "feesched" => {
                row.set("Cashiers Date", date(when));
                row.set("Banked Date", date(clamp(when + days(1))));
                row.set("Payslip", format!("{}", 400_000 + k));
            }
            _ => {
                row.set("Lockbox Date", date(when));
                row.set("Pay Date", date(when));
                row.set("RBS Date", date(clamp(when + days(1))));
                let total = money(r.int(100, 100_000) * 100);
                row.set_if("Bacs Total", total.clone());
                row.set_if("Moto Total", total);
            }
        }
        s.emit(row)?;
    }
    Ok(None)
}

fn fee_schedule_lines(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for k in 1..=schedules(ctx.n) {
        let mut r = R::new(ctx.seed, file.table, k);
        let lines = r.int(3, 10) as u64;
        for line in 1..=lines {
            // Find a client with an invoice, starting from a random one.
            let start = 1 + r.u64() % ctx.n;
            let mut found = None;
            for step in 0..ctx.n.min(50) {
                let i = 1 + (start - 1 + step) % ctx.n;
                let c = Client::derive(ctx.seed, ctx.n, i);
                let invs = invoices(ctx.seed, &c);
                if let Some(inv) = invs.into_iter().next() {
                    found = Some((c, inv));
                    break;
                }
            }
            let Some((c, inv)) = found else { continue };
            let mut row = Row::new(file);
            stamp(&mut row, &mut r, inv.raised + days(20));
            row.set("Sched No", (1000 + k).to_string());
            row.set("Line No", line.to_string());
            row.set("Case", c.case.clone());
            row.set("Invoice No", inv.number);
            row.set("Fee Paid", money(inv.pence));
            let when = date(clamp(inv.raised + days(r.int(5, 60))));
            match file.table {
                "feebacs_det" => {
                    row.set("Bacs Line", line.to_string());
                    row.set("Bacs Date", when);
                    row.set("Bacs Amount", money(inv.pence));
                }
                "feepays_det" => {
                    row.set("Moto Line", line.to_string());
                    row.set("Moto Date", when);
                    row.set("Moto Amount", money(inv.pence));
                }
                _ => {
                    row.set("Cheque No", format!("{:06}", r.int(1, 999_999)));
                    row.set("CHQ Amount", money(inv.pence));
                    row.set("Pay Ln", line.to_string());
                    row.set("In SOP", "Y");
                }
            }
            s.emit(row)?;
        }
    }
    Ok(None)
}

// ---------------------------------------------------------------------------------------------
// Visitor panel and users

fn panel_members(n: u64) -> u64 {
    (n / 200).max(5)
}

fn panel_number(p: u64) -> String {
    (500 + p).to_string()
}

fn panrec(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for p in 1..=panel_members(ctx.n) {
        let mut r = R::new(ctx.seed, "panrec", p);
        let mut row = Row::new(file);
        let since = end() - days(r.int(100, 6000));
        stamp(&mut row, &mut r, since);
        let name = model::person_name(&mut r);
        row.set("Panel No", panel_number(p));
        row.set("Title", name.title);
        row.set("Inits", fake::initials(&name.forenames));
        row.set("Email", fake::email(&mut r, &name.forenames, name.surname));
        row.set("Forename", name.forenames);
        row.set("Surname", name.surname);
        row.set("Type", r.pick(&["G", "M", "S"]));
        row.set("Status", r.pick(&["A", "A", "A", "R"]));
        row.set("Mobile", fake::mobile(&mut r));
        row.set("Telephone", fake::landline(&mut r));
        let a = fake::address(&mut r);
        for (k, l) in a.lines.into_iter().enumerate() {
            row.set(["Adrs1", "Adrs2", "Adrs3", "Adrs4", "Adrs5"][k], l);
        }
        row.set("Postcode", a.postcode);
        row.set("Appoint Date", date(since));
        row.set("Category", r.pick(&["GV", "MV", "SV"]));
        s.emit(row)?;
    }
    Ok(None)
}

fn panlink(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    let shared = model::shared_deputies(ctx.n);
    for p in 1..=panel_members(ctx.n) {
        let mut r = R::new(ctx.seed, "panlink", p);
        if r.chance(0.5) {
            let j = 1 + r.u64() % shared;
            let mut row = Row::new(file);
            let when = end() - days(r.int(10, 3000));
            stamp(&mut row, &mut r, when);
            row.set("Panel No", panel_number(p));
            row.set("Deputy No", model::deputy_number(j));
            row.set("Dep Addr No", model::address_number(j, 0).to_string());
            s.emit(row)?;
        }
    }
    Ok(None)
}

fn panel_refer(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for p in 1..=panel_members(ctx.n) {
        let mut r = R::new(ctx.seed, "panel-refer", p);
        for _ in 0..r.int(0, 3) {
            let i = 1 + r.u64() % ctx.n;
            let mut row = Row::new(file);
            let when = end() - days(r.int(10, 3000));
            stamp(&mut row, &mut r, when);
            row.set("Panel No", panel_number(p));
            row.set("Case", model::case_number(i));
            row.set("Application Date", date(when));
            row.set("Referral Date", date(clamp(when + days(r.int(1, 30)))));
            row.set("Acc/Rej", r.pick(&["A", "R", ""]));
            row.set("Case Type", r.pick(&["1", "2"]));
            s.emit(row)?;
        }
    }
    Ok(None)
}

fn panel_details(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for p in 1..=panel_members(ctx.n) {
        let mut r = R::new(ctx.seed, file.table, p);
        for k in 0..r.int(0, 2) {
            let mut row = Row::new(file);
            let when = end() - days(r.int(10, 3000));
            stamp(&mut row, &mut r, when);
            row.set("Panel No", panel_number(p));
            let level = r.pick(&["1", "2", "3"]);
            match file.table {
                "panel_audit" => {
                    row.set("Keydate", date(when));
                    row.set("Keytime", office_time(&mut r));
                    row.set("Due Date", date(when + days(30)));
                    row.set("Type", r.pick(&["A", "R"]));
                    row.set("Outcome", r.pick(&["P", "F", ""]));
                }
                "panel_remarks" => {
                    row.set("Keydate", date(when));
                    row.set("Keytime", office_time(&mut r));
                    row.set("Log Tyoe", r.weighted(codes::NOTE_WEIGHTS));
                    row.set("Log Date", date(when));
                    row.set("Log Time", office_time(&mut r));
                    row.set("Remarks", fake::remark(&mut r));
                    row.set("Sect", "PAN");
                }
                "prexpertise" => {
                    row.set("Expertise", r.pick(&["MH", "LD", "DEM", "ABI", "CHI"]));
                    row.set("Level", level);
                }
                "prgeoarea" => {
                    row.set("Geo Area", r.pick(&["NW", "NE", "MID", "SW", "SE", "LON", "WAL"]));
                    row.set("Level", level);
                }
                "prlang" => {
                    row.set("Lang", if k == 0 { "ENG" } else { r.pick(&["CYM", "POL", "URD", "PAN", "GUJ"]) });
                    row.set("Level", level);
                }
                "prneeds" => {
                    row.set("Needs", r.pick(&["WHL", "BSL", "LP"]));
                    row.set("Level", level);
                }
                _ => {
                    row.set("Skill", r.pick(&["SW", "NUR", "OT", "LAW"]));
                    row.set("Level", level);
                }
            }
            s.emit(row)?;
        }
    }
    Ok(None)
}

fn tbpassfile(ctx: &Ctx, file: &'static CasrecFile, s: &mut Sink) -> Out {
    for (k, user) in codes::USERS.iter().enumerate() {
        let mut r = R::new(ctx.seed, "tbpassfile", k as u64);
        let mut row = Row::new(file);
        let last = end() - days(r.int(0, 60));
        row.set("Opid", *user);
        row.set("Logon", user.to_lowercase());
        row.set("PUNAMEX", format!("U{:04}", k + 1));
        row.set("Modify", date(last - days(r.int(0, 200))));
        row.set("by", r.pick(codes::USERS));
        row.set("Last Logon", date(last));
        row.set("Last Time", office_time(&mut r));
        row.set("Log Cnt", r.int(10, 9000).to_string());
        row.set("Name", fake::staff_name(&mut r));
        row.set("Block", "N");
        row.set("Team Ref.", format!("T{}", r.int(1, 9)));
        row.set("Branch", r.pick(&["NOT", "BIR", "LON"]));
        for col in ["Invest", "Invoice", "Fin", "Visit", "Read Only", "Super User"] {
            row.set(col, flag(&mut r, 0.2));
        }
        row.set("Password Expiry", date(last + days(90)));
        s.emit(row)?;
    }
    Ok(None)
}
