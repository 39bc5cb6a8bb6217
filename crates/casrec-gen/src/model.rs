//! The entities behind the export files and the key conventions other crates rely on.
//!
//! Each entity is derived from (seed, index) alone, so every file can re-derive the clients,
//! orders and deputies it refers to without anything being held in memory.

use chrono::{Duration, NaiveDate};

use crate::codes;
use crate::fake;
use crate::rng::R;

/// The day the synthetic export was taken; every generated date is on or before it.
pub fn export_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 31).expect("valid constant date")
}

/// The as-of date local runs and the tests migrate with (`config/local.toml`, `testkit`): the
/// rules that depend on "today" (a report's status: pending, due, overdue, non-compliant) are
/// decided against it, so the current reporting periods of `account` are placed around it, after
/// the export date (as pat's `Report Due`, the next period's end, already is).
pub fn local_as_of_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid constant date")
}

/// `Case` of client `i` (1-based): eight digits, except every 50th client whose number is
/// seven digits followed by `T`, as some real CasRec case numbers are.
pub fn case_number(i: u64) -> String {
    if i.is_multiple_of(50) {
        format!("{:07}T", 1_000_000 + i)
    } else {
        format!("{:08}", 10_000_000 + i)
    }
}

/// `Deputy No` of deputy `j` (1-based).
pub fn deputy_number(j: u64) -> String {
    (10_000 + j).to_string()
}

/// `Order No` of the `k`-th order (0-based) of client `i`.
pub fn order_number(i: u64, k: u64) -> u64 {
    30_000_000 + i * 3 + k
}

/// `Dep Addr No` of the `m`-th address (0-based, 0 = main) of deputy `j`.
pub fn address_number(j: u64, m: u64) -> u64 {
    100_000 + j * 3 + m
}

/// `CoP Case`: the court's own case number for the client.
pub fn cop_case(i: u64) -> String {
    format!("{:08}", 12_000_000 + i)
}

/// Deputies 1..=shared_deputies(n) are professional and public-authority deputies shared by
/// many clients; every fifth of them is a public authority (PA).
pub fn shared_deputies(clients: u64) -> u64 {
    (clients / 25).max(10)
}

/// Deputy index of lay deputy slot `d` (0..3) of client `i`.
pub fn lay_deputy_index(clients: u64, i: u64, d: u64) -> u64 {
    shared_deputies(clients) + (i - 1) * 3 + d + 1
}

/// Highest deputy index that can exist for `clients` clients.
pub fn max_deputy_index(clients: u64) -> u64 {
    shared_deputies(clients) + clients * 3
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientKind {
    Lay,
    Professional,
    PublicAuthority,
}

#[derive(Debug, Clone)]
pub struct DeputyRef {
    pub deputy: u64,
    pub address: u64,
    pub joint: &'static str,
    pub fee_payer: bool,
}

#[derive(Debug, Clone)]
pub struct Order {
    pub number: u64,
    pub ord_type: &'static str,
    pub status: &'static str,
    pub made: NaiveDate,
    pub issued: NaiveDate,
    pub risk: &'static str,
    pub deputies: Vec<DeputyRef>,
}

#[derive(Debug, Clone)]
pub struct Client {
    pub index: u64,
    pub case: String,
    pub kind: ClientKind,
    pub created: NaiveDate,
    pub dead: bool,
    pub closed: bool,
    pub term_date: Option<NaiveDate>,
    /// How many of the client's three lay deputy slots are in use.
    pub lay_deputies: u64,
    pub orders: Vec<Order>,
}

pub(crate) fn day_between(r: &mut R, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = (to - from).num_days().max(0);
    from + Duration::days(r.int(0, span))
}

impl Client {
    pub fn derive(seed: u64, clients: u64, i: u64) -> Client {
        let mut r = R::new(seed, "client", i);
        let kind =
            r.weighted(&[(ClientKind::Lay, 80), (ClientKind::Professional, 13), (ClientKind::PublicAuthority, 7)]);
        let end = export_date();
        let start = NaiveDate::from_ymd_opt(1998, 1, 1).expect("valid constant date");
        let created = day_between(&mut r, start, end - Duration::days(20));
        let dead = r.chance(0.06);
        let closed = dead || r.chance(0.03);
        let n_orders = r.weighted(&[(1u64, 62), (2, 28), (3, 10)]);
        let lay_deputies = if kind == ClientKind::Lay { r.weighted(&[(1u64, 60), (2, 32), (3, 8)]) } else { 0 };
        let shared = shared_deputies(clients);
        let pa_count = shared / 5;
        // Shared deputies are skewed so that a few firms and councils hold many clients.
        let pick_shared = |r: &mut R, pa: bool| -> u64 {
            let u = r.f64();
            if pa {
                5 * (1 + ((pa_count as f64) * u * u) as u64).min(pa_count)
            } else {
                loop {
                    let j = 1 + ((shared as f64) * r.f64().powi(2)) as u64;
                    if !j.is_multiple_of(5) && j <= shared {
                        break j;
                    }
                }
            }
        };
        let main_shared = match kind {
            ClientKind::Lay => 0,
            ClientKind::Professional => pick_shared(&mut r, false),
            ClientKind::PublicAuthority => pick_shared(&mut r, true),
        };
        let second_shared =
            if kind == ClientKind::Professional && r.chance(0.15) { pick_shared(&mut r, false) } else { 0 };

        let mut orders = Vec::with_capacity(n_orders as usize);
        let mut made = created - Duration::days(r.int(10, 120));
        for k in 0..n_orders {
            if k > 0 {
                made = (made + Duration::days(r.int(200, 2500))).min(end - Duration::days(5));
            }
            let ord_type =
                if k == 0 { r.weighted(codes::FIRST_ORDER_TYPES) } else { r.weighted(codes::LATER_ORDER_TYPES) };
            let issued = (made + Duration::days(r.int(2, 30))).min(end);
            let last = k + 1 == n_orders;
            let status = if closed {
                "Closed"
            } else if last {
                r.weighted(&[("Active", 86), ("Open", 10), ("Closed", 4)])
            } else {
                r.weighted(&[("Closed", 65), ("Active", 35)])
            };
            let risk = r.weighted(codes::RISK_WEIGHTS);
            let mut deputies = Vec::new();
            match kind {
                ClientKind::Lay => {
                    let n = if k == 0 || r.chance(0.7) { lay_deputies } else { 1 };
                    for d in 0..n {
                        let j = lay_deputy_index(clients, i, d);
                        deputies.push(DeputyRef {
                            deputy: j,
                            address: address_number(j, 0),
                            joint: "",
                            fee_payer: d == 0,
                        });
                    }
                }
                _ => {
                    let j = main_shared;
                    let m = if r.chance(0.2) { r.int(0, shared_address_count(seed, j) as i64 - 1) as u64 } else { 0 };
                    deputies.push(DeputyRef { deputy: j, address: address_number(j, m), joint: "", fee_payer: true });
                    if second_shared != 0 && second_shared != j {
                        let j2 = second_shared;
                        deputies.push(DeputyRef {
                            deputy: j2,
                            address: address_number(j2, 0),
                            joint: "",
                            fee_payer: false,
                        });
                    }
                }
            }
            let joint = if deputies.len() == 1 { "1" } else { r.weighted(&[("2", 50), ("3", 35), ("4", 15)]) };
            for d in &mut deputies {
                d.joint = if r.chance(0.03) { "5" } else { joint };
            }
            orders.push(Order { number: order_number(i, k), ord_type, status, made, issued, risk, deputies });
        }
        let last_made = orders.last().map(|o| o.made).unwrap_or(created);
        let term_date = if closed { Some(day_between(&mut r, last_made.max(created), end)) } else { None };
        Client { index: i, case: case_number(i), kind, created, dead, closed, term_date, lay_deputies, orders }
    }

    pub fn is_pa(&self) -> bool {
        self.kind == ClientKind::PublicAuthority
    }
}

/// Professional and PA deputies work from one to three offices.
pub fn shared_address_count(seed: u64, j: u64) -> u64 {
    1 + R::new(seed, "deputy-offices", j).u64() % 3
}

#[derive(Debug, Clone)]
pub struct Deputy {
    pub index: u64,
    pub number: String,
    pub dep_type: &'static str,
    pub addresses: u64,
    /// Client whose lay deputy this is (0 for shared deputies).
    pub client: u64,
}

/// The deputy with index `j`, if it exists (lay slots a client does not use do not).
pub fn deputy(seed: u64, clients: u64, j: u64) -> Option<Deputy> {
    let shared = shared_deputies(clients);
    if j == 0 || j > max_deputy_index(clients) {
        return None;
    }
    if j <= shared {
        let mut r = R::new(seed, "deputy-type", j);
        let dep_type = if j.is_multiple_of(5) { codes::PA_DEPUTY_TYPE } else { r.weighted(codes::PRO_DEPUTY_TYPES) };
        return Some(Deputy {
            index: j,
            number: deputy_number(j),
            dep_type,
            addresses: shared_address_count(seed, j),
            client: 0,
        });
    }
    let i = (j - shared - 1) / 3 + 1;
    let d = (j - shared - 1) % 3;
    let c = Client::derive(seed, clients, i);
    if d >= c.lay_deputies {
        return None;
    }
    Some(lay_deputy_of(seed, &c, j))
}

pub(crate) fn lay_deputy_of(seed: u64, c: &Client, j: u64) -> Deputy {
    let mut r = R::new(seed, "deputy-type", j);
    Deputy {
        index: j,
        number: deputy_number(j),
        dep_type: r.weighted(codes::LAY_DEPUTY_TYPES),
        addresses: 1,
        client: c.index,
    }
}

/// Name and sex of client `i`, shared by `pat` and by the lay deputies who take the surname.
pub(crate) struct PersonName {
    pub title: &'static str,
    pub sex: char,
    pub forenames: String,
    pub surname: &'static str,
}

pub(crate) fn client_name(seed: u64, i: u64) -> PersonName {
    person_name(&mut R::new(seed, "client-name", i))
}

pub(crate) fn person_name(r: &mut R) -> PersonName {
    let (title, sex) = r.weighted(codes::TITLES);
    let sex = if sex == 'U' {
        if r.chance(0.5) {
            'M'
        } else {
            'F'
        }
    } else {
        sex
    };
    PersonName { title, sex, forenames: fake::forenames(r, sex), surname: fake::surname(r) }
}

/// Date of birth of client `i`: mostly older adults, some younger people.
pub(crate) fn client_dob(seed: u64, i: u64) -> NaiveDate {
    let mut r = R::new(seed, "client-dob", i);
    let year = r.weighted(&[((1920, 1945), 45), ((1946, 1970), 30), ((1971, 2004), 25)]);
    let y = r.int(year.0, year.1) as i32;
    let start = NaiveDate::from_ymd_opt(y, 1, 1).expect("valid year");
    day_between(&mut r, start, NaiveDate::from_ymd_opt(y, 12, 31).expect("valid year"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_numbers_follow_the_convention() {
        assert_eq!(case_number(1), "10000001");
        assert_eq!(case_number(49), "10000049");
        assert_eq!(case_number(50), "1000050T");
        assert_eq!(case_number(1000), "1001000T");
        assert_eq!(deputy_number(1), "10001");
    }

    #[test]
    fn orders_have_one_to_three_deputies_that_exist() {
        for i in 1..=300 {
            let c = Client::derive(5, 300, i);
            assert!((1..=3).contains(&c.orders.len()));
            for o in &c.orders {
                assert!((1..=3).contains(&o.deputies.len()), "client {i}");
                for d in &o.deputies {
                    let dep = deputy(5, 300, d.deputy).expect("deputy exists");
                    assert!(d.address >= address_number(d.deputy, 0));
                    assert!(d.address < address_number(d.deputy, dep.addresses));
                }
            }
        }
    }
}
