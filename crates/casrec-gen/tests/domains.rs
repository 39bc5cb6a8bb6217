mod common;

use std::collections::HashMap;

use casrec_gen::codes;
use common::{gen, read};

fn assert_in(file: &str, col: &str, allowed: &[&str], values: impl Iterator<Item = String>) {
    for v in values {
        assert!(allowed.contains(&v.as_str()), "{file} {col}: {v:?} not in the domain");
    }
}

#[test]
fn without_defects_codes_come_from_their_domains() {
    let dir = tempfile::tempdir().unwrap();
    gen(dir.path(), 500, 21, 0.0);
    let pat = read(dir.path(), "pat.csv");
    let mut corref = codes::CORREFS.to_vec();
    corref.push("");
    let mut teams = codes::LAY_TEAMS.to_vec();
    teams.push("");
    let mut accom = codes::ACCOMMODATION_TYPES.to_vec();
    accom.push("");
    let mut marital = codes::MARITAL_STATUSES.to_vec();
    marital.push("");
    let mut term = codes::TERM_TYPES.to_vec();
    term.push("");
    for (col, allowed) in [
        ("Corref", &corref),
        ("Lay Team", &teams),
        ("Accom Type", &accom),
        ("Marital Status", &marital),
        ("Term Type", &term),
        ("Title", &codes::TITLE_CODES.to_vec()),
    ] {
        assert_in("pat", col, allowed, pat.recs.iter().map(|r| pat.get(r, col).unwrap().to_string()));
    }
    let order = read(dir.path(), "order.csv");
    assert_in(
        "order",
        "Ord Type",
        codes::ORDER_TYPES,
        order.recs.iter().map(|r| order.get(r, "Ord Type").unwrap().into()),
    );
    assert_in(
        "order",
        "Ord Stat",
        codes::ORDER_STATUSES,
        order.recs.iter().map(|r| order.get(r, "Ord Stat").unwrap().into()),
    );
    let mut risk = codes::RISK_LEVELS.to_vec();
    risk.push("");
    assert_in("order", "Ord Risk Lvl", &risk, order.recs.iter().map(|r| order.get(r, "Ord Risk Lvl").unwrap().into()));
    let dep = read(dir.path(), "deputy.csv");
    assert_in(
        "deputy",
        "Dep Type",
        codes::DEPUTY_TYPES,
        dep.recs.iter().map(|r| dep.get(r, "Dep Type").unwrap().into()),
    );
    assert_in("deputy", "Stat", codes::DEPUTY_STATUSES, dep.recs.iter().map(|r| dep.get(r, "Stat").unwrap().into()));
    let ship = read(dir.path(), "deputyship.csv");
    assert_in(
        "deputyship",
        "Joint",
        codes::JOINT_CODES,
        ship.recs.iter().map(|r| ship.get(r, "Joint").unwrap().into()),
    );
    assert_in(
        "deputyship",
        "Fee Payer",
        &["Y", "N"],
        ship.recs.iter().map(|r| ship.get(r, "Fee Payer").unwrap().into()),
    );
    let rem = read(dir.path(), "remarks.csv");
    assert_in(
        "remarks",
        "Log Type",
        codes::NOTE_TYPES,
        rem.recs.iter().map(|r| rem.get(r, "Log Type").unwrap().into()),
    );
    let rv = read(dir.path(), "repvis1.csv");
    assert_in("repvis", "Req By", codes::VISIT_REQ_BY, rv.recs.iter().map(|r| rv.get(r, "Req By").unwrap().into()));
}

#[test]
fn proportions_look_like_casrec() {
    let dir = tempfile::tempdir().unwrap();
    gen(dir.path(), 1000, 22, 0.0);
    let pat = read(dir.path(), "pat.csv");
    let n = pat.recs.len() as f64;
    let share = |pred: &dyn Fn(&common::Rec) -> bool| pat.recs.iter().filter(|r| pred(r)).count() as f64 / n;
    let lay = share(&|r| !pat.get(r, "Lay Team").unwrap().is_empty());
    assert!((0.7..0.9).contains(&lay), "lay share {lay}");
    let dead = share(&|r| pat.get(r, "Term Type").unwrap() == "D");
    assert!((0.03..0.10).contains(&dead), "dead share {dead}");
    let away = share(&|r| !pat.get(r, "Away Date").unwrap().is_empty());
    assert!((0.03..0.12).contains(&away), "away share {away}");
    let old_away =
        share(&|r| pat.get(r, "Away Date").unwrap().starts_with("20") && pat.get(r, "Away Date").unwrap() < "2017");
    assert!(old_away > 0.01, "some away dates are older than seven years");
    let teams: std::collections::HashSet<_> = pat.recs.iter().map(|r| pat.get(r, "Lay Team").unwrap()).collect();
    assert!(teams.len() >= 10, "all nine lay teams and blank occur");
    let order = read(dir.path(), "order.csv");
    let mut stat = HashMap::<&str, usize>::new();
    for r in &order.recs {
        *stat.entry(order.get(r, "Ord Stat").unwrap()).or_default() += 1;
    }
    assert!(stat["Active"] > stat["Closed"] && stat["Closed"] > stat["Open"] && stat["Open"] > 0, "{stat:?}");
    let dep = read(dir.path(), "deputy.csv");
    let types: std::collections::HashSet<_> = dep.recs.iter().map(|r| dep.get(r, "Dep Type").unwrap()).collect();
    assert!(types.contains("23") && types.contains("21") && types.contains("11"), "PA, solicitor and child deputies");
}

#[test]
fn case_deputy_order_and_address_numbers_follow_the_conventions() {
    let dir = tempfile::tempdir().unwrap();
    gen(dir.path(), 120, 23, 0.0);
    let pat = read(dir.path(), "pat.csv");
    for (k, r) in pat.recs.iter().enumerate() {
        let i = k as u64 + 1;
        let want =
            if i.is_multiple_of(50) { format!("{:07}T", 1_000_000 + i) } else { format!("{:08}", 10_000_000 + i) };
        assert_eq!(pat.get(r, "Case").unwrap(), want);
        assert_eq!(casrec_gen::case_number(i), want);
    }
    assert_eq!(pat.get(&pat.recs[49], "Case").unwrap(), "1000050T");
    let dep = read(dir.path(), "deputy.csv");
    assert_eq!(dep.get(&dep.recs[0], "Deputy No").unwrap(), "10001");
    for r in &dep.recs {
        let n: u64 = dep.get(r, "Deputy No").unwrap().parse().unwrap();
        assert!(n > 10_000);
    }
    for (file, col) in [("order.csv", "Order No"), ("deputy_address.csv", "Dep Addr No")] {
        let t = read(dir.path(), file);
        for r in &t.recs {
            t.get(r, col).unwrap().parse::<u64>().unwrap_or_else(|_| panic!("{file} {col} is an integer"));
        }
    }
    // Every deputy has exactly one main address in deplink.
    let link = read(dir.path(), "deplink.csv");
    let mains = link.recs.iter().filter(|r| link.get(r, "Main Addr").unwrap() == "1").count();
    assert_eq!(mains, dep.recs.len());
}

/// Even 100 clients exercise every rule of the reporting targets: each Rev Stat (blank too, with
/// Next Yr Y on a future period), further requests with every code and their dates, periods at
/// the as-of date's status boundaries, a pat Report Due that an account period already ends and
/// Report Dues with no account history at all.
#[test]
fn account_rows_cover_every_reporting_rule_at_100_clients() {
    let dir = tempfile::tempdir().unwrap();
    gen(dir.path(), 100, 7, 0.0);
    let account = read(dir.path(), "account.csv");
    let rev = account.values("Rev Stat");
    for s in ["N", "R", "S", "G", "M", "I", "X", ""] {
        assert!(rev.contains(s), "Rev Stat {s:?} missing: {rev:?}");
    }
    let mut codes = std::collections::HashSet::new();
    for k in 1..=6 {
        codes.extend(account.values(&format!("Further{k}")));
    }
    for c in ["1", "2", "3", "4", "8", "99", "0", ""] {
        assert!(codes.contains(c), "Further code {c:?} missing: {codes:?}");
    }
    for col in [
        "Further Date1",
        "Further Date2",
        "Further Date3",
        "Further Date4",
        "Further Date6",
        "Further Date6.1",
        "Rcvd Date1",
        "Rcvd Date2",
        "Rcvd Date3",
        "Sent1",
        "Sent2",
        "Sent3",
        "Followup Date",
        "Revise Date",
        "Review Date",
        "Further Code",
    ] {
        assert!(account.values(col).iter().any(|v| !v.is_empty()), "{col} is never set");
    }
    let ends = account.values("End Date");
    for d in [
        "2026-07-23",
        "2026-07-24",
        "2026-10-12",
        "2026-10-13",
        "2026-11-01",
        "2026-11-02",
        "2026-12-04",
        "2024-02-29",
        "2028-02-29",
    ] {
        assert!(ends.contains(&format!("{d} 00:00:00")), "no period ends on {d}");
    }
    assert!(
        account.recs.iter().any(|r| account.get(r, "Rev Stat") == Some("")
            && account.get(r, "Next Yr") == Some("Y")
            && account.get(r, "End Date").unwrap() > "2026-11-01"),
        "no blank Rev Stat with Next Yr Y on a future period"
    );
    let pat = read(dir.path(), "pat.csv");
    let periods: std::collections::HashSet<(String, String)> = account
        .recs
        .iter()
        .map(|r| (account.get(r, "Case").unwrap().to_string(), account.get(r, "End Date").unwrap().to_string()))
        .collect();
    let cases = account.values("Case");
    let due: Vec<(String, String)> = pat
        .recs
        .iter()
        .filter(|r| !pat.get(r, "Report Due").unwrap().is_empty())
        .map(|r| (pat.get(r, "Case").unwrap().to_string(), pat.get(r, "Report Due").unwrap().to_string()))
        .collect();
    assert!(due.iter().any(|p| periods.contains(p)), "no Report Due that an account period ends");
    assert!(due.iter().any(|(c, _)| !cases.contains(c)), "no Report Due without account rows");
}
