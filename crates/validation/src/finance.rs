//! Finance (issue 19) against CasRec itself. `sql/casrec_finance.sql` recomputes, from
//! `casrec_csv`, the scope and prepare's copy of Sirius's billing accounts, every source row of
//! each finance target with the rule that left it out or, when migrated, its values (never from
//! the transform's code or tables). Read from those tables:
//!
//! - the field-by-field comparisons with Sirius (`casrec_rows.rs`, `sql/casrec_rows/finance_*.sql`);
//! - per target, the rows CasRec says Sirius should hold against the rows of this run Sirius holds;
//! - the ledger's references (36 characters, unique), which the migration makes and validation
//!   does not recompute, and the batch numbers load-to-target gives the new rows (every row has
//!   one, a group's new rows share one);
//! - the report's account of the finance targets' source rows (migrated, excluded by a rule,
//!   quarantined, the rules with their rows) and its count of rows without a billing account;
//! - the money per client (`money.rs`).

use migration_core::db::quote_ident;
use migration_core::registry::SiriusTable;
use tokio_postgres::Client;

use crate::{db_err, one, Check, ValidationError};

/// Builds `validation.casrec_finance_*` and `casrec_fee_*`; `lib.rs` runs it after
/// `validation.casrec_orders`, when the run migrated any finance table.
pub(crate) const CASREC_SQL: &str = include_str!("sql/casrec_finance.sql");

/// The Sirius tables the finance targets write.
pub const TABLES: &[&str] =
    &["finance_invoice", "finance_ledger", "finance_ledger_allocation", "finance_remission_exemption", "finance_order"];

/// The finance tables with a billing account column, whose rows for new clients have none.
const BILLED: &[&str] = &["finance_invoice", "finance_ledger", "finance_remission_exemption", "finance_order"];

/// One finance target: what the report calls it, its Sirius table, and how its rows are told
/// apart among those of the table (a condition on the migration key `i."migration_key"`).
struct Target {
    target: &'static str,
    entity: &'static str,
    table: &'static str,
    keys: &'static str,
}

const TARGETS: &[Target] = &[
    Target {
        target: "finance_invoice_ad",
        entity: "AD invoices",
        table: "finance_invoice",
        keys: "starts_with(i.\"migration_key\", 'invoice:AD')",
    },
    Target {
        target: "finance_invoice_non_ad",
        entity: "annual fee invoices",
        table: "finance_invoice",
        keys: "starts_with(i.\"migration_key\", 'invoice:') AND NOT starts_with(i.\"migration_key\", 'invoice:AD')",
    },
    Target {
        target: "finance_ledger_credits",
        entity: "ledger credits",
        table: "finance_ledger",
        keys: "starts_with(i.\"migration_key\", 'credit:')",
    },
    Target {
        target: "finance_allocation_credits",
        entity: "credit allocations",
        table: "finance_ledger_allocation",
        keys: "starts_with(i.\"migration_key\", 'allocation:')",
    },
    Target {
        target: "finance_remissions",
        entity: "remissions",
        table: "finance_remission_exemption",
        keys: "starts_with(i.\"migration_key\", 'remission:')",
    },
    Target {
        target: "finance_exemptions",
        entity: "exemptions",
        table: "finance_remission_exemption",
        keys: "starts_with(i.\"migration_key\", 'exemption:')",
    },
    Target {
        target: "finance_order",
        entity: "billed orders",
        table: "finance_order",
        keys: "starts_with(i.\"migration_key\", 'finance_order:')",
    },
];

/// What became of one finance target's source rows, as validation reads CasRec.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct TargetRows {
    pub target: String,
    pub table: String,
    pub source: String,
    pub rows: i64,
    pub migrated: i64,
    pub excluded: i64,
    pub quarantined: i64,
    /// `outcome: rule` with its rows, most rows first.
    pub rules: Vec<(String, i64)>,
}

impl TargetRows {
    pub fn rules_text(&self) -> String {
        self.rules.iter().map(|(rule, n)| format!("{rule} ({n})")).collect::<Vec<_>>().join("; ")
    }
}

/// Rows of one finance table of this run without a billing account.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct WithoutBilling {
    pub table: String,
    /// Rows of this run Sirius holds.
    pub rows: i64,
    /// Of them, with finance_person_id NULL in Sirius.
    pub without: i64,
    /// Rows CasRec says should have none: their client had no finance_person in prepare's copy.
    pub expected: i64,
}

/// What the finance checks found, for the report.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Findings {
    pub account: Vec<TargetRows>,
    pub without_billing: Vec<WithoutBilling>,
}

/// Whether the run migrated any finance table (then `CASREC_SQL` is built).
pub fn any_built(tables: &[&SiriusTable]) -> bool {
    tables.iter().any(|t| TABLES.contains(&t.name))
}

/// The counts, the ledger's references, the batch numbers and the report's account. Needs
/// `CASREC_SQL` built, and `validation.sirius_<table>` and `validation.casrec_<table>` of the
/// finance tables the run migrated (lib.rs and casrec_rows.rs make them).
pub async fn check(
    m: &Client,
    s: &Client,
    tables: &[&SiriusTable],
    checks: &mut Vec<Check>,
) -> Result<Findings, ValidationError> {
    let built = |name: &str| tables.iter().any(|t| t.name == name);
    if !TABLES.iter().any(|t| built(t)) {
        return Ok(Findings::default());
    }
    for t in TARGETS.iter().filter(|t| built(t.table)) {
        let expected = one(
            m,
            &format!(
                "SELECT count(*) FROM \"validation\".\"casrec_finance_account\" WHERE \"target\" = '{}' AND \"rule\" IS NULL",
                t.target
            ),
            &format!("counting the {} CasRec says are migrated", t.entity),
        )
        .await?;
        let actual = one(
            m,
            &format!(
                "SELECT count(*) FROM \"validation\".{sirius} a
                   JOIN \"integration\".{table} i ON CAST(i.\"id\" AS text) = a.\"key\"
                  WHERE {keys}",
                sirius = quote_ident(&format!("sirius_{}", t.table)),
                table = quote_ident(t.table),
                keys = t.keys
            ),
            &format!("counting the {} Sirius holds", t.entity),
        )
        .await?;
        checks.push(Check::counts(
            t.entity,
            "expected from casrec_csv against the rows of this run in Sirius",
            expected,
            actual,
            format!("target {} → {} (validation.casrec_finance_account)", t.target, t.table),
        ));
    }
    if built("finance_ledger") {
        let row = m
            .query_one(
                r#"SELECT count(*) FILTER (WHERE length(coalesce("doc" ->> 'reference', '')) <> 36),
                          count(*) - count(DISTINCT "doc" ->> 'reference')
                     FROM "validation"."sirius_finance_ledger""#,
                &[],
            )
            .await
            .map_err(db_err("checking the ledger's references"))?;
        checks.push(Check::counts(
            "finance_ledger",
            "references that are not 36 characters",
            0,
            row.get(0),
            "the migration makes them (a UUID from the credit's Invoice No)",
        ));
        checks.push(Check::counts("finance_ledger", "references repeated among this run's rows", 0, row.get(1), ""));
    }
    batch_numbers(m, s, tables, checks).await?;
    let account = account(m, tables).await?;
    let mut without_billing = Vec::new();
    for table in BILLED.iter().filter(|t| built(t)) {
        let row = m
            .query_one(
                &format!(
                    "SELECT (SELECT count(*) FROM \"validation\".{sirius}),
                            (SELECT count(*) FROM \"validation\".{sirius} WHERE (\"doc\" ->> 'finance_person_id') IS NULL),
                            (SELECT count(*) FROM \"validation\".{casrec} WHERE \"finance_person_id\" IS NULL)",
                    sirius = quote_ident(&format!("sirius_{table}")),
                    casrec = quote_ident(&format!("casrec_{table}")),
                ),
                &[],
            )
            .await
            .map_err(db_err(format!("counting the rows of {table} without a billing account")))?;
        without_billing.push(WithoutBilling {
            table: table.to_string(),
            rows: row.get(0),
            without: row.get(1),
            expected: row.get(2),
        });
    }
    Ok(Findings { account, without_billing })
}

/// Every row of a batch-numbered table this run holds has a batch number, and the new ones of a
/// group (tables that share a number) one number between them: load-to-target takes one from
/// Sirius's finance counter per group, for the rows that lack one. Read from Sirius, since the
/// number is given there: this run's ids go to a temporary table of the Sirius session by COPY.
async fn batch_numbers(
    m: &Client,
    s: &Client,
    tables: &[&SiriusTable],
    checks: &mut Vec<Check>,
) -> Result<(), ValidationError> {
    let mut groups: std::collections::BTreeMap<u8, (Vec<&str>, std::collections::BTreeSet<i32>, i64)> =
        Default::default();
    for (table, group) in migration_core::registry::BATCH_NUMBERED {
        if !tables.iter().any(|t| t.name == *table) {
            continue;
        }
        s.batch_execute(
            "DROP TABLE IF EXISTS pg_temp.\"validation_batch\";
             CREATE TEMP TABLE \"validation_batch\" (\"id\" integer, \"new\" boolean);",
        )
        .await
        .map_err(db_err(format!("sending the ids of {table} to Sirius")))?;
        migration_core::pgcopy::pipe(
            m,
            &format!(
                "SELECT CAST(\"id\" AS integer), \"load_action\" = 'INSERT' FROM \"integration\".{}",
                quote_ident(table)
            ),
            s,
            "pg_temp.\"validation_batch\" (\"id\", \"new\")",
        )
        .await?;
        // At most a few numbers: more than that is already a failure.
        let row = s
            .query_one(
                &format!(
                    "SELECT count(*) FILTER (WHERE t.\"batchnumber\" IS NULL),
                            (array_agg(DISTINCT t.\"batchnumber\") FILTER (WHERE k.\"new\" AND t.\"batchnumber\" IS NOT NULL))[1:10]
                       FROM pg_temp.\"validation_batch\" k JOIN \"public\".{} t ON t.\"id\" = k.\"id\"",
                    quote_ident(table)
                ),
                &[],
            )
            .await
            .map_err(db_err(format!("reading the batch numbers of {table} from Sirius")))?;
        let numbers: Option<Vec<i32>> = row.get(1);
        let entry = groups.entry(*group).or_default();
        entry.0.push(table);
        entry.1.extend(numbers.unwrap_or_default());
        entry.2 += row.get::<_, i64>(0);
    }
    for (tables, numbers, missing) in groups.values() {
        let label = tables.join(", ");
        checks.push(Check::counts(&label, "rows of this run without a batch number", 0, *missing, ""));
        let list = numbers.iter().map(i32::to_string).collect::<Vec<_>>().join(", ");
        checks.push(Check::counts(
            &label,
            "batch numbers among this run's new rows (at most one)",
            numbers.len().min(1) as i64,
            numbers.len() as i64,
            if list.is_empty() { "no new rows".to_string() } else { list },
        ));
    }
    Ok(())
}

/// The account of each finance target whose table this run migrated.
async fn account(m: &Client, tables: &[&SiriusTable]) -> Result<Vec<TargetRows>, ValidationError> {
    let rows = m
        .query(include_str!("sql/finance_account.sql"), &[])
        .await
        .map_err(db_err("reading the finance targets' account (sql/finance_account.sql)"))?;
    let mut out: Vec<TargetRows> = Vec::new();
    for r in rows {
        let table: String = r.get(1);
        if !tables.iter().any(|t| t.name == table) {
            continue;
        }
        let target: String = r.get(0);
        let rule: Option<String> = r.get(7);
        match out.last_mut().filter(|t| t.target == target) {
            Some(t) => t.rules.extend(rule.map(|rule| (rule, r.get(8)))),
            None => out.push(TargetRows {
                target,
                table,
                source: r.get(2),
                rows: r.get(3),
                migrated: r.get(4),
                excluded: r.get(5),
                quarantined: r.get(6),
                rules: rule.map(|rule| (rule, r.get(8))).into_iter().collect(),
            }),
        }
    }
    Ok(out)
}

/// The finance rules on hand-made CasRec rows, each chosen for one rule of the contract, with
/// the as-of date 2026-11-01; and the comparison with a Sirius loaded from them, before and after
/// a value is changed. `money.rs` tests the money per client on the same rows.
#[cfg(test)]
pub(crate) mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// A CasRec table with every column the catalogue names (blank by default) and the given rows.
    async fn table(c: &Client, name: &str, rows: &[(i64, &[(&str, &str)])]) {
        let cols = casrec_catalog::by_table(name).unwrap_or_else(|| panic!("{name} is a CasRec file")).columns;
        let defs = cols.iter().map(|c| format!("{} text NOT NULL DEFAULT ''", quote_ident(c))).collect::<Vec<_>>();
        c.batch_execute(&format!(
            "CREATE TABLE \"casrec_csv\".{} (\"casrec_row_id\" bigint, {})",
            quote_ident(name),
            defs.join(", ")
        ))
        .await
        .unwrap();
        for (line, vals) in rows {
            let names = vals.iter().map(|(c, _)| quote_ident(c)).collect::<Vec<_>>().join(", ");
            let values = vals.iter().map(|(_, v)| format!("'{v}'")).collect::<Vec<_>>().join(", ");
            c.batch_execute(&format!(
                "INSERT INTO \"casrec_csv\".{} (\"casrec_row_id\", {names}) VALUES ({line}, {values})",
                quote_ident(name)
            ))
            .await
            .unwrap();
        }
    }

    /// A fee export line of case A created on 1 January 2021 for 100 pounds, with changes.
    fn fee<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
        let mut row: Vec<(&str, &str)> = vec![("Case", "A"), ("Create", "2021-01-01"), ("Amount", "100")];
        for &(c, v) in changes {
            match row.iter_mut().find(|(k, _)| *k == c) {
                Some(slot) => slot.1 = v,
                None => row.push((c, v)),
            }
        }
        row
    }

    /// The Sirius finance tables, as Sirius defines the columns the migration fills.
    pub(crate) const SIRIUS_SQL: &str = r#"
        CREATE TABLE "public"."finance_invoice" ("id" integer PRIMARY KEY, "person_id" integer, "finance_person_id" integer,
            "feetype" text NOT NULL, "reference" character varying(50) NOT NULL UNIQUE, "startdate" date NOT NULL,
            "enddate" date NOT NULL, "amount" integer NOT NULL, "supervisionlevel" character varying(255),
            "finance_remission_exemption_id" integer, "confirmeddate" date, "batchnumber" integer, "raiseddate" date,
            "source" character varying(20));
        CREATE TABLE "public"."finance_ledger" ("id" integer PRIMARY KEY, "reference" character varying(50) NOT NULL UNIQUE,
            "datetime" timestamp(0) without time zone NOT NULL, "method" character varying(100) NOT NULL,
            "amount" numeric(12,2) NOT NULL, "notes" text, "type" character varying(255) NOT NULL,
            "status" character varying(255) NOT NULL, "finance_person_id" integer, "parent_id" integer,
            "finance_remission_exemption_id" integer, "confirmeddate" date, "bankdate" date, "batchnumber" integer,
            "isfeewaiver" boolean DEFAULT false, "bankaccount" character varying(255), "source" character varying(20),
            "line" integer);
        CREATE TABLE "public"."finance_ledger_allocation" ("id" integer PRIMARY KEY, "ledger_entry_id" integer,
            "invoice_id" integer, "datetime" timestamp(0) without time zone NOT NULL, "amount" numeric(12,2) NOT NULL,
            "status" character varying(255) NOT NULL, "reference" character varying(25) UNIQUE, "notes" text,
            "allocateddate" date, "batchnumber" integer, "source" character varying(20));
        CREATE TABLE "public"."finance_remission_exemption" ("id" integer PRIMARY KEY, "finance_person_id" integer,
            "discounttype" character varying(255) NOT NULL, "evidencetype" character varying(255),
            "startdate" date NOT NULL, "enddate" date NOT NULL, "notes" text NOT NULL, "deleted" boolean DEFAULT false NOT NULL);
        CREATE TABLE "public"."finance_order" ("id" integer PRIMARY KEY, "finance_person_id" integer, "order_id" integer,
            "billing_start_date" date NOT NULL);"#;

    /// A database with the hand-made CasRec rows, the scope, integration's clients and orders,
    /// prepare's billing accounts, and validation's finance tables built from them; and a second
    /// connection to it standing for Sirius.
    pub(crate) async fn casrec() -> (testkit::TestDb, Client, Client) {
        let db = testkit::TestDb::create("validation_finance").await;
        let c = db.client().await;
        c.batch_execute(
            r#"CREATE SCHEMA "validation"; CREATE SCHEMA "casrec_csv"; CREATE SCHEMA "scope"; CREATE SCHEMA "transform";
               CREATE SCHEMA "integration"; CREATE SCHEMA "sirius_ref";
               CREATE TABLE "transform"."run" ("as_of_date" date); INSERT INTO "transform"."run" VALUES ('2026-11-01');
               CREATE TABLE "scope"."cases" ("case_no" text, "in_scope" boolean, "casrec_row_id" bigint);
               -- C is in scope without a pat row: its client is not migrated.
               INSERT INTO "scope"."cases" VALUES ('A', true, 1), ('B', true, 2), ('X', false, 3), ('C', true, 5),
                   ('D', true, 6), ('E', true, 7), ('F', true, 8), ('G', true, 9), ('H', true, 10);
               CREATE TABLE "integration"."persons" ("id" integer, "migration_key" text);
               INSERT INTO "integration"."persons" VALUES (11, 'client:A'), (12, 'client:B'), (14, 'client:F'),
                   (15, 'client:G'), (16, 'client:H');
               CREATE TABLE "integration"."cases" ("id" integer, "migration_key" text);
               INSERT INTO "integration"."cases" VALUES (70, 'order:700'), (71, 'order:701'), (76, 'order:706'),
                   (77, 'order:707');
               -- A has two billing accounts (the lowest counts); B, a new client, none.
               CREATE TABLE "sirius_ref"."finance_person" ("id" integer, "person_id" integer);
               INSERT INTO "sirius_ref"."finance_person" VALUES (502, 11), (501, 11), (503, 15);
               -- 707's finance_order matched one Sirius holds, which has its own billing account.
               CREATE TABLE "integration"."finance_order" ("id" integer, "migration_key" text, "load_action" text,
                   "sirius_id" integer);
               INSERT INTO "integration"."finance_order" VALUES (1301, 'finance_order:700', 'INSERT', NULL),
                   (1302, 'finance_order:706', 'INSERT', NULL), (1399, 'finance_order:707', 'UPDATE', 1399);
               CREATE TABLE "integration"."sirius_finance_order" ("id" integer, "order_id" integer,
                   "finance_person_id" integer);
               INSERT INTO "integration"."sirius_finance_order" VALUES (1399, 77, 999);"#,
        )
        .await
        .unwrap();
        c.batch_execute(crate::casrec_rows::FUNCTIONS_SQL).await.unwrap();
        table(
            &c,
            "pat",
            &[
                (1, &[("Case", "A"), ("Remis", "1"), ("Exempt", " 0 "), ("Award Date", "2021-04-02")]),
                (2, &[("Case", "B"), ("Exempt", "Y"), ("Award Date", "2021-04-01")]),
                (3, &[("Case", "X"), ("Remis", "1"), ("Award Date", "2022-01-01")]),
                // A later line of A: the first decides the case.
                (4, &[("Case", "A"), ("Exempt", "1"), ("Award Date", "2022-01-01")]),
                (6, &[("Case", "D"), ("Remis", "2"), ("Award Date", "")]),
                (7, &[("Case", "E"), ("Exempt", "1"), ("Award Date", "2022-13-01")]),
                (8, &[("Case", "F"), ("Remis", "1"), ("Exempt", "1"), ("Award Date", "2022-04-01")]),
                (9, &[("Case", "G"), ("Remis", "1"), ("Award Date", "2022-03-31")]),
                (10, &[("Case", "H"), ("Remis", "1"), ("Award Date", "2023-02-10 00:00:00")]),
            ],
        )
        .await;
        let fees: Vec<(i64, Vec<(&str, &str)>)> = vec![
            (10, fee(&[("Invoice No", "")])),
            (11, fee(&[("Invoice No", "S100011"), ("Amount", "abc")])),
            (12, fee(&[("Invoice No", "S100012"), ("Amount", "")])),
            (13, fee(&[("Invoice No", "S100013"), ("Amount", "0.00")])),
            (14, fee(&[("Invoice No", "S100014"), ("Create", "")])),
            (15, fee(&[("Invoice No", "S100015"), ("Create", "31/02/2020")])),
            (16, fee(&[("Invoice No", "S100016"), ("Create", "2019-03-31")])),
            (17, fee(&[("Invoice No", "S100017"), ("Create", "2019-03-31")])),
            (18, fee(&[("Invoice No", "S100018"), ("Create", "2018-06-01")])),
            (19, fee(&[("Invoice No", "S100019"), ("Create", "2019-04-01")])),
            (
                20,
                fee(&[
                    ("Invoice No", "S100020"),
                    ("Create", "2020-03-31 14:22:05"),
                    ("Amount", "123.45"),
                    ("GL Code", "7-00-1-55-70"),
                ]),
            ),
            (21, fee(&[("Invoice No", "S100020"), ("Amount", "99")])),
            (22, fee(&[("Invoice No", "AD100022"), ("Create", "2020-02-29"), ("GL Code", "60-VW510-115252-000-0000")])),
            (
                23,
                fee(&[
                    ("Case", "B"),
                    ("Invoice No", "AD100023"),
                    ("Create", "2021-05-05"),
                    ("Amount", "0.125"),
                    ("GL Code", "60-VW510-115251-000-0000"),
                ]),
            ),
            (24, fee(&[("Case", "X"), ("Invoice No", "S100024")])),
            (25, fee(&[("Case", "Z"), ("Invoice No", "S100025")])),
            (26, fee(&[("Case", "C"), ("Invoice No", "S100026")])),
            (27, fee(&[("Invoice No", "S100027"), ("Create", "2024-12-31"), ("Amount", " 250 ")])),
            (28, fee(&[("Invoice No", "S100028"), ("Create", "2017-01-01"), ("Amount", "50")])),
            (40, fee(&[("Invoice No", "Z100040"), ("Orig Invoice", "S100020"), ("Amount", "-x")])),
            (41, fee(&[("Invoice No", "Z100041"), ("Orig Invoice", "S100016"), ("Amount", "-1")])),
            (42, fee(&[("Invoice No", "Z100042"), ("Orig Invoice", ""), ("Amount", "-1")])),
            (43, fee(&[("Invoice No", "Q100043"), ("Orig Invoice", "S100020"), ("Amount", "-10")])),
            (44, fee(&[("Invoice No", "Z100044"), ("Orig Invoice", "S100020"), ("Amount", "-10"), ("Create", "")])),
            (
                45,
                fee(&[
                    ("Invoice No", "Z100045"),
                    ("Orig Invoice", "S100020"),
                    ("Amount", "-10.50"),
                    ("Create", "2020-06-01 09:30:00"),
                ]),
            ),
            (46, fee(&[("Invoice No", "Z100045"), ("Orig Invoice", "S100020"), ("Amount", "-3")])),
            (47, fee(&[("Invoice No", "CR100047"), ("Orig Invoice", "AD100022"), ("Amount", "-5")])),
            (48, fee(&[("Invoice No", "100048WO"), ("Orig Invoice", "S100018"), ("Amount", " -2.5")])),
            (49, fee(&[("Invoice No", "cr100049"), ("Orig Invoice", "S100027"), ("Amount", "-1")])),
            (50, fee(&[("Invoice No", "WO1000Z"), ("Orig Invoice", "S100027"), ("Amount", "-1")])),
            (51, fee(&[("Case", "B"), ("Invoice No", "CR100051"), ("Orig Invoice", "AD100023"), ("Amount", "-0.10")])),
            (52, fee(&[("Invoice No", "CR100052"), ("Orig Invoice", "AD100023"), ("Amount", "-0.02")])),
        ];
        let fees: Vec<(i64, &[(&str, &str)])> = fees.iter().map(|(n, r)| (*n, r.as_slice())).collect();
        table(&c, "feeexport", &fees).await;
        table(
            &c,
            "sop_aged_debt",
            &[
                (1, &[("Trx Number", "S100017"), ("Outstanding Amount", " ")]),
                (2, &[("Trx Number", "S100018"), ("Outstanding Amount", "25.00")]),
                (3, &[("Trx Number", "S100028"), ("Outstanding Amount", "5")]),
            ],
        )
        .await;
        table(
            &c,
            "sop_feecheck",
            &[
                (1, &[("Invoice Number", "S100020"), ("GL Date", "2020-05-01")]),
                (2, &[("Invoice Number", "S100020"), ("GL Date", "2020-04-15 00:00:00")]),
                (3, &[("Invoice Number", "S100020"), ("GL Date", "not a date")]),
                (4, &[("Invoice Number", "S100028"), ("GL Date", "2017-02-02")]),
            ],
        )
        .await;
        table(
            &c,
            "sop_feecheckcredits",
            &[
                (1, &[("Invoice Number", "Z100045"), ("GL Date", "2020-07-02")]),
                (2, &[("Invoice Number", "Z100045"), ("GL Date", "")]),
                (3, &[("Invoice Number", "Z100045"), ("GL Date", "2020-07-01")]),
                (4, &[("Invoice Number", "CR100051"), ("GL Date", "")]),
            ],
        )
        .await;
        let order = |case: &'static str, no: &'static str, ty: &'static str, stat: &'static str, risk: &'static str| {
            vec![("Case", case), ("Order No", no), ("Ord Type", ty), ("Ord Stat", stat), ("Ord Risk Lvl", risk)]
        };
        let orders: Vec<(i64, Vec<(&str, &str)>)> = vec![
            (30, order("A", "700", "1", "Active", "3")),
            (31, order("A", "701", "2", "Closed", "1")),
            (32, order("A", "700", "1", "Active", "3")),
            (33, order("A", "702", "43", "Active", "1")),
            (34, order("A", "703", "1", "Open", "1")),
            (35, order("A", "704", "40", "Active", " 0 ")),
            (36, order("A", "705", "41", "Active", "")),
            (37, order("B", "706", "41", "Active", "2A")),
            (38, order("A", "707", "40", "Active", "1")),
            (39, order("X", "708", "1", "Active", "1")),
        ];
        let orders: Vec<(i64, &[(&str, &str)])> = orders.iter().map(|(n, r)| (*n, r.as_slice())).collect();
        table(&c, "order", &orders).await;
        table(
            &c,
            "risk_assessment",
            &[
                (1, &[("Order No", "700"), ("Start Date", "2021-06-01")]),
                (2, &[("Order No", "700"), ("Start Date", "bad")]),
                (3, &[("Order No", "700"), ("Start Date", "2020-01-15")]),
                (4, &[("Order No", "701"), ("Start Date", "")]),
                (5, &[("Order No", "706"), ("Start Date", "2022-02-02")]),
                (6, &[("Order No", "707"), ("Start Date", "2023-01-01")]),
            ],
        )
        .await;
        c.batch_execute(crate::rules::ORDERS_SQL).await.unwrap();
        c.batch_execute(CASREC_SQL).await.unwrap();
        let s = db.client().await;
        (db, c, s)
    }

    /// What each source row became, `target:line` → the rule that left it out (`migrated`).
    async fn outcomes(c: &Client) -> BTreeMap<String, String> {
        c.query(
            r#"SELECT a."target" || ':' || a."casrec_row_id", coalesce(r."outcome" || ' ' || r."rule", 'migrated')
                 FROM "validation"."casrec_finance_account" a
                 LEFT JOIN "validation"."casrec_finance_rules" r ON r."rules" = a."rules" AND r."rule" = a."rule""#,
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect()
    }

    /// The rows of one table's CasRec SQL, each column as text, by migration key.
    async fn expected(c: &Client, table: &str) -> BTreeMap<String, BTreeMap<String, String>> {
        let sql = crate::casrec_rows::sql_of(table);
        let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        for r in c
            .query(
                &format!(
                    "SELECT x.\"migration_key\", j.key, coalesce(j.value, 'NULL')
                       FROM ({sql}) x, jsonb_each_text(to_jsonb(x)) j"
                ),
                &[],
            )
            .await
            .unwrap()
        {
            out.entry(r.get(0)).or_default().insert(r.get(1), r.get(2));
        }
        out
    }

    fn pick(row: &BTreeMap<String, String>, cols: &[&str]) -> Vec<String> {
        cols.iter().map(|c| row.get(*c).cloned().unwrap_or_else(|| panic!("no column {c} in {row:?}"))).collect()
    }

    #[tokio::test]
    async fn every_finance_rule_on_hand_made_rows() {
        let (_db, c, _s) = casrec().await;
        let got = outcomes(&c).await;
        let want: BTreeMap<String, String> = [
            ("finance_invoice_non_ad:10", "quarantined 1"),
            ("finance_invoice_non_ad:11", "quarantined 2"),
            ("finance_invoice_non_ad:12", "quarantined 2"),
            ("finance_invoice_non_ad:13", "excluded 3"),
            ("finance_invoice_non_ad:14", "quarantined 4"),
            ("finance_invoice_non_ad:15", "quarantined 4"),
            // 31 March 2019 is before the cut-off: kept only when the aged debt says it is owed.
            ("finance_invoice_non_ad:16", "excluded 5"),
            ("finance_invoice_non_ad:17", "excluded 5"),
            ("finance_invoice_non_ad:18", "migrated"),
            ("finance_invoice_non_ad:19", "migrated"),
            ("finance_invoice_non_ad:20", "migrated"),
            ("finance_invoice_non_ad:21", "excluded 7"),
            ("finance_invoice_ad:22", "migrated"),
            ("finance_invoice_ad:23", "migrated"),
            ("finance_invoice_non_ad:26", "excluded 6"),
            ("finance_invoice_non_ad:27", "migrated"),
            ("finance_invoice_non_ad:28", "migrated"),
            ("finance_ledger_credits:40", "quarantined 1"),
            ("finance_ledger_credits:41", "excluded 2"),
            ("finance_ledger_credits:42", "excluded 2"),
            ("finance_ledger_credits:43", "quarantined 3"),
            ("finance_ledger_credits:44", "quarantined 4"),
            ("finance_ledger_credits:45", "migrated"),
            ("finance_ledger_credits:46", "excluded 5"),
            ("finance_ledger_credits:47", "migrated"),
            ("finance_ledger_credits:48", "migrated"),
            ("finance_ledger_credits:49", "quarantined 3"),
            ("finance_ledger_credits:50", "migrated"),
            ("finance_ledger_credits:51", "migrated"),
            ("finance_ledger_credits:52", "migrated"),
            ("finance_allocation_credits:40", "excluded 1"),
            ("finance_allocation_credits:41", "excluded 1"),
            ("finance_allocation_credits:42", "excluded 1"),
            ("finance_allocation_credits:43", "excluded 1"),
            ("finance_allocation_credits:44", "excluded 1"),
            ("finance_allocation_credits:45", "migrated"),
            ("finance_allocation_credits:46", "excluded 1"),
            ("finance_allocation_credits:47", "migrated"),
            ("finance_allocation_credits:48", "migrated"),
            ("finance_allocation_credits:49", "excluded 1"),
            ("finance_allocation_credits:50", "migrated"),
            ("finance_allocation_credits:51", "migrated"),
            ("finance_allocation_credits:52", "migrated"),
            // A blank flag and A's " 0 " exemption make nothing; B's 1 April 2021 award is too early.
            ("finance_remissions:1", "migrated"),
            ("finance_exemptions:2", "excluded 3"),
            ("finance_remissions:6", "excluded 1"),
            ("finance_exemptions:7", "quarantined 2"),
            ("finance_remissions:8", "migrated"),
            ("finance_exemptions:8", "migrated"),
            ("finance_remissions:9", "migrated"),
            ("finance_remissions:10", "migrated"),
            ("finance_order:30", "migrated"),
            ("finance_order:31", "quarantined 2"),
            ("finance_order:32", "excluded 1"),
            ("finance_order:37", "migrated"),
            ("finance_order:38", "migrated"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(got, want, "out of scope, orphan and non-deciding pat rows are no target's source rows");

        let invoices = expected(&c, "finance_invoice").await;
        let cols = [
            "person_id",
            "finance_person_id",
            "feetype",
            "startdate",
            "enddate",
            "raiseddate",
            "amount",
            "supervisionlevel",
            "confirmeddate",
            "source",
        ];
        let inv = |k: &str| pick(&invoices[&format!("invoice:{k}")], &cols).join(" ");
        // Aged debt, no fee check: confirmed on the as-of date; tax year 1 April 2018 to 31 March 2019.
        assert_eq!(
            inv("S100018"),
            "11 501 S1 2018-04-01 2019-03-31 2018-06-01 10000 NULL 2026-11-01 CASRECMIGRATION_P3"
        );
        // 1 April starts a tax year; 31 March (with a time) ends the one before; the earliest
        // readable fee-check GL date confirms; 7-00-1-55-70 is MINIMAL.
        assert_eq!(inv("S100019"), "11 501 S1 2019-04-01 2020-03-31 2019-04-01 10000 NULL NULL CASRECMIGRATION_P3");
        assert_eq!(
            inv("S100020"),
            "11 501 S1 2019-04-01 2020-03-31 2020-03-31 12345 MINIMAL 2020-04-15 CASRECMIGRATION_P3"
        );
        // The fee check wins over the aged debt.
        assert_eq!(
            inv("S100028"),
            "11 501 S1 2016-04-01 2017-03-31 2017-01-01 5000 NULL 2017-02-02 CASRECMIGRATION_P3"
        );
        assert_eq!(inv("S100027"), "11 501 S1 2024-04-01 2025-03-31 2024-12-31 25000 NULL NULL CASRECMIGRATION_P3");
        // AD: a calendar year from Create, 29 February to 28 February.
        assert_eq!(inv("AD100022"), "11 501 AD 2020-02-29 2021-02-28 2020-02-29 10000 GENERAL NULL CASRECMIGRATION_P3");
        // A new client has no billing account; half a penny rounds away from zero; a code
        // listed without a level has none.
        assert_eq!(inv("AD100023"), "12 NULL AD 2021-05-05 2022-05-05 2021-05-05 13 NULL NULL CASRECMIGRATION_P3");
        assert_eq!(invoices["invoice:S100020"]["reference"], "S100020");
        assert_eq!(invoices.len(), 7);

        let ledger = expected(&c, "finance_ledger").await;
        let cols =
            ["type", "datetime", "bankdate", "amount", "finance_person_id", "method", "status", "notes", "source"];
        let led = |k: &str| pick(&ledger[&format!("credit:{k}")], &cols).join(" | ");
        assert_eq!(
            led("Z100045"),
            "CREDIT REMISSION | 2020-06-01T09:30:00 | 2020-06-01 | 10.50 | 501 | Data migration | APPROVED | Credit migrated from Casrec | CASRECMIGRATION_P3"
        );
        assert_eq!(
            [led("CR100047"), led("100048WO"), led("WO1000Z")].map(|l| l
                .split(" | ")
                .take(4)
                .collect::<Vec<_>>()
                .join(" ")),
            [
                "CREDIT MEMO 2021-01-01T00:00:00 2021-01-01 5.00",
                "CREDIT WRITE OFF 2021-01-01T00:00:00 2021-01-01 2.50",
                // Z at the end comes before WO at the start.
                "CREDIT REMISSION 2021-01-01T00:00:00 2021-01-01 1.00",
            ]
        );
        // A credit's billing account is that of the client of the invoice it reduces.
        assert_eq!(ledger["credit:CR100052"]["finance_person_id"], "NULL");
        assert_eq!(ledger.len(), 6);

        let allocations = expected(&c, "finance_ledger_allocation").await;
        let cols = ["invoice_reference", "ledger_entry_key", "reference", "amount", "allocateddate", "status"];
        let all = |k: &str| pick(&allocations[&format!("allocation:{k}")], &cols).join(" ");
        assert_eq!(all("Z100045"), "S100020 credit:Z100045 Z100045 10.50 2020-07-01 ALLOCATED");
        assert_eq!(all("CR100047"), "AD100022 credit:CR100047 CR100047 5.00 NULL PENDING");
        assert_eq!(all("CR100051"), "AD100023 credit:CR100051 CR100051 0.10 NULL ALLOCATED");
        assert_eq!(allocations.len(), 6, "one per ledger credit");

        let reductions = expected(&c, "finance_remission_exemption").await;
        let cols = ["discounttype", "startdate", "enddate", "finance_person_id", "notes", "deleted", "evidencetype"];
        let red = |k: &str| pick(&reductions[k], &cols).join(" ");
        assert_eq!(red("remission:A"), "REMISSION 2021-04-01 2022-03-31 501 Migrated from Casrec false NULL");
        // 1 April ends the year before; 31 March is the end itself; before it, that 31 March.
        assert_eq!(red("remission:F"), "REMISSION 2021-04-01 2022-03-31 NULL Migrated from Casrec false NULL");
        assert_eq!(red("exemption:F"), "EXEMPTION 2021-04-01 2022-03-31 NULL Migrated from Casrec false NULL");
        assert_eq!(red("remission:G"), "REMISSION 2021-04-01 2022-03-31 503 Migrated from Casrec false NULL");
        assert_eq!(red("remission:H"), "REMISSION 2021-04-01 2023-03-31 NULL Migrated from Casrec false NULL");
        assert_eq!(reductions.len(), 5);
        let end = |d: &str| {
            let c = &c;
            let d = d.to_string();
            async move {
                c.query_one(
                    "SELECT CAST(\"validation\".\"fee_reduction_end_date\"(CAST($1 AS text)::date) AS text)",
                    &[&d],
                )
                .await
                .unwrap()
                .get::<_, String>(0)
            }
        };
        assert_eq!(end("2024-04-01").await, "2024-03-31");
        assert_eq!(end("2024-04-02").await, "2025-03-31");
        assert_eq!(end("2024-03-30").await, "2024-03-31");
        assert_eq!(end("2024-12-31").await, "2025-03-31");

        let orders = expected(&c, "finance_order").await;
        let cols = ["order_id", "billing_start_date", "finance_person_id"];
        let ord = |k: &str| pick(&orders[&format!("finance_order:{k}")], &cols).join(" ");
        // The earliest readable risk assessment Start Date.
        assert_eq!(ord("700"), "70 2020-01-15 501");
        assert_eq!(ord("706"), "76 2022-02-02 NULL");
        // Matched to a Sirius finance_order: it keeps its own billing account.
        assert_eq!(ord("707"), "77 2023-01-01 999");
        assert_eq!(orders.len(), 3);
    }
}

#[cfg(test)]
pub(crate) mod loaded {
    use super::tests::casrec;
    use super::*;
    use crate::casrec_rows::sql_of;

    /// The registry's entries of the finance tables, as integration prepared them.
    pub(crate) fn finance_tables() -> Vec<&'static SiriusTable> {
        TABLES.iter().map(|t| migration_core::registry::table(t).expect("a registry table")).collect()
    }

    /// Sirius as a correct run would leave it: integration's rows numbered from the CasRec rows
    /// (707's finance_order is the Sirius one it matched), Sirius's rows with those values, new
    /// invoices in batch 41 and new credits and allocations in batch 42, and validation's copy of
    /// them (`validation.sirius_<table>`) as lib.rs makes it.
    pub(crate) async fn load(c: &Client) {
        let number = |table: &str, from: i32, key: &str, source: &str, rule: &str| {
            format!(
                "CREATE TABLE \"integration\".\"{table}\" AS
                 SELECT CAST({from} + row_number() OVER (ORDER BY {key}) AS integer) AS \"id\", {key} AS \"migration_key\",
                        'INSERT'::text AS \"load_action\", NULL::integer AS \"sirius_id\"
                   FROM \"validation\".\"{source}\" WHERE \"{rule}\" IS NULL;"
            )
        };
        let mut sql = String::from(
            r#"CREATE TABLE "validation"."kept_edits" ("table_name" text, "id" integer, "columns" text[], "loaded_by_run" bigint);"#,
        );
        sql.push_str(&number("finance_invoice", 900, "\"migration_key\"", "casrec_fee_invoices", "rule"));
        sql.push_str(&number("finance_ledger", 1000, "\"migration_key\"", "casrec_fee_credits", "rule"));
        sql.push_str(&number(
            "finance_ledger_allocation",
            1100,
            "\"allocation_key\"",
            "casrec_fee_credits",
            "allocation_rule",
        ));
        sql.push_str(&number(
            "finance_remission_exemption",
            1200,
            "\"migration_key\"",
            "casrec_fee_reductions",
            "rule",
        ));
        sql.push_str(tests::SIRIUS_SQL);
        sql.push_str(&format!(
            r#"INSERT INTO "public"."finance_invoice" ("id", "person_id", "finance_person_id", "feetype", "reference",
                   "startdate", "enddate", "amount", "supervisionlevel", "confirmeddate", "batchnumber", "raiseddate", "source")
               SELECT i."id", e."person_id", e."finance_person_id", e."feetype", e."reference", e."startdate", e."enddate",
                      e."amount", e."supervisionlevel", e."confirmeddate", 41, e."raiseddate", e."source"
                 FROM ({}) e JOIN "integration"."finance_invoice" i USING ("migration_key");
               INSERT INTO "public"."finance_ledger" ("id", "reference", "datetime", "method", "amount", "notes", "type",
                   "status", "finance_person_id", "bankdate", "batchnumber", "source")
               SELECT i."id", CAST(CAST(md5('finance_ledger:' || substr(e."migration_key", 8)) AS uuid) AS text),
                      e."datetime", e."method", e."amount", e."notes", e."type", e."status", e."finance_person_id",
                      e."bankdate", 42, e."source"
                 FROM ({}) e JOIN "integration"."finance_ledger" i USING ("migration_key");
               INSERT INTO "public"."finance_ledger_allocation" ("id", "ledger_entry_id", "invoice_id", "datetime", "amount",
                   "status", "reference", "notes", "allocateddate", "batchnumber", "source")
               SELECT i."id", l."id", v."id", e."datetime", e."amount", e."status", e."reference", e."notes",
                      e."allocateddate", 42, e."source"
                 FROM ({}) e JOIN "integration"."finance_ledger_allocation" i USING ("migration_key")
                 JOIN "integration"."finance_ledger" l ON l."migration_key" = e."ledger_entry_key"
                 JOIN "integration"."finance_invoice" v ON v."migration_key" = 'invoice:' || e."invoice_reference";
               INSERT INTO "public"."finance_remission_exemption" ("id", "finance_person_id", "discounttype", "evidencetype",
                   "startdate", "enddate", "notes", "deleted")
               SELECT i."id", e."finance_person_id", e."discounttype", e."evidencetype", e."startdate", e."enddate",
                      e."notes", e."deleted"
                 FROM ({}) e JOIN "integration"."finance_remission_exemption" i USING ("migration_key");
               INSERT INTO "public"."finance_order" ("id", "finance_person_id", "order_id", "billing_start_date")
               SELECT i."id", e."finance_person_id", e."order_id", e."billing_start_date"
                 FROM ({}) e JOIN "integration"."finance_order" i USING ("migration_key");"#,
            sql_of("finance_invoice"),
            sql_of("finance_ledger"),
            sql_of("finance_ledger_allocation"),
            sql_of("finance_remission_exemption"),
            sql_of("finance_order"),
        ));
        c.batch_execute(&sql).await.unwrap();
        copy(c).await;
    }

    /// validation.sirius_<table> afresh from the Sirius rows.
    pub(crate) async fn copy(c: &Client) {
        for t in TABLES {
            c.batch_execute(&format!(
                "DROP TABLE IF EXISTS \"validation\".\"sirius_{t}\";
                 CREATE TABLE \"validation\".\"sirius_{t}\" AS
                 SELECT CAST(t.\"id\" AS text) AS \"key\", to_jsonb(t) AS \"doc\" FROM \"public\".\"{t}\" t;"
            ))
            .await
            .unwrap();
        }
    }

    /// The CasRec comparisons of the finance tables afresh: their checks and differences.
    async fn compare(c: &Client, s: &Client) -> (Vec<Check>, Vec<crate::differences::ColumnDifference>) {
        for t in TABLES {
            c.batch_execute(&format!(
                "DROP TABLE IF EXISTS \"validation\".\"casrec_{t}\", \"validation\".\"casrec_exceptions_{t}\",
                                      \"validation\".\"differences_casrec_{t}\";"
            ))
            .await
            .unwrap();
        }
        let (mut checks, mut diffs) = (Vec::new(), Vec::new());
        crate::casrec_rows::compare_on(c, s, &finance_tables(), &mut checks, &mut diffs).await.unwrap();
        (checks, diffs)
    }

    fn failed(checks: &[Check]) -> Vec<String> {
        checks
            .iter()
            .filter(|c| !c.passed)
            .map(|c| format!("{}: {} ({} → {})", c.entity, c.check, c.expected, c.actual))
            .collect()
    }

    #[tokio::test]
    async fn a_correct_load_passes_and_a_changed_value_is_named_by_its_column() {
        let (_db, c, s) = casrec().await;
        load(&c).await;
        let (checks, diffs) = compare(&c, &s).await;
        assert_eq!(failed(&checks), Vec::<String>::new());
        assert!(diffs.is_empty(), "{diffs:?}");
        let mut checks = Vec::new();
        let found = check(&c, &s, &finance_tables(), &mut checks).await.unwrap();
        assert_eq!(failed(&checks), Vec::<String>::new());
        let entities: Vec<&str> = checks.iter().map(|c| c.entity.as_str()).collect();
        for e in [
            "AD invoices",
            "annual fee invoices",
            "ledger credits",
            "credit allocations",
            "remissions",
            "exemptions",
            "billed orders",
        ] {
            assert!(entities.contains(&e), "a count of {e}: {entities:?}");
        }
        let count = |e: &str| checks.iter().find(|c| c.entity == e).map(|c| (c.expected, c.actual)).unwrap();
        assert_eq!(count("annual fee invoices"), (5, 5));
        assert_eq!(count("remissions"), (4, 4));
        let non_ad = found.account.iter().find(|t| t.target == "finance_invoice_non_ad").unwrap();
        assert_eq!((non_ad.rows, non_ad.migrated, non_ad.excluded, non_ad.quarantined), (15, 5, 5, 5));
        assert!(
            non_ad.rules_text().contains("quarantined: Amount blank or not a number (2)"),
            "{}",
            non_ad.rules_text()
        );
        assert_eq!(found.account.len(), 7);
        let without: Vec<(String, i64, i64, i64)> =
            found.without_billing.iter().map(|w| (w.table.clone(), w.rows, w.without, w.expected)).collect();
        assert_eq!(
            without,
            [
                ("finance_invoice".to_string(), 7, 1, 1),
                ("finance_ledger".to_string(), 6, 2, 2),
                ("finance_remission_exemption".to_string(), 5, 3, 3),
                ("finance_order".to_string(), 3, 1, 1),
            ]
        );

        // A transform mistake in each of three tables; a wrong invoice on an allocation of the
        // same client, which the money per client cannot see, is caught by its reference.
        c.batch_execute(
            r#"UPDATE "public"."finance_invoice" SET "amount" = 12346 WHERE "reference" = 'S100020';
               UPDATE "public"."finance_ledger_allocation"
                  SET "invoice_id" = (SELECT "id" FROM "public"."finance_invoice" WHERE "reference" = 'S100018')
                WHERE "reference" = 'Z100045';
               UPDATE "public"."finance_remission_exemption" SET "enddate" = '2024-03-31'
                WHERE "id" = (SELECT "id" FROM "integration"."finance_remission_exemption" WHERE "migration_key" = 'remission:H');
               -- A new invoice in another batch, a credit without one, a reference not a UUID.
               UPDATE "public"."finance_invoice" SET "batchnumber" = 43 WHERE "reference" = 'S100019';
               UPDATE "public"."finance_ledger" SET "batchnumber" = NULL, "reference" = 'not a uuid'
                WHERE "id" = (SELECT "id" FROM "integration"."finance_ledger" WHERE "migration_key" = 'credit:CR100047');"#,
        )
        .await
        .unwrap();
        copy(&c).await;
        let (checks, diffs) = compare(&c, &s).await;
        let mut named: Vec<(String, String, i64)> =
            diffs.iter().map(|d| (d.comparison.clone(), d.column.clone(), d.rows)).collect();
        named.sort();
        assert_eq!(
            named,
            [
                ("casrec_exceptions_finance_invoice".to_string(), "amount".to_string(), 1),
                ("casrec_exceptions_finance_ledger_allocation".to_string(), "invoice_reference".to_string(), 1),
                ("casrec_exceptions_finance_remission_exemption".to_string(), "enddate".to_string(), 1),
            ]
        );
        let link = diffs.iter().find(|d| d.column == "invoice_reference").unwrap();
        assert_eq!(link.examples, ["allocation:Z100045: \"S100020\" → \"S100018\""]);
        assert_eq!(failed(&checks).len(), 3, "{:?}", failed(&checks));
        let mut checks = Vec::new();
        check(&c, &s, &finance_tables(), &mut checks).await.unwrap();
        let mut failures = failed(&checks);
        failures.sort();
        assert_eq!(
            failures,
            [
                "finance_invoice: batch numbers among this run's new rows (at most one) (1 → 2)",
                "finance_ledger, finance_ledger_allocation: rows of this run without a batch number (0 → 1)",
                "finance_ledger: references that are not 36 characters (0 → 1)",
            ]
        );
    }
}
