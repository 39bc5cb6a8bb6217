//! Money per client (issue 19's "done when"): for every client with finance rows on either side,
//! the totals of invoices (pence), credits and allocations (pounds) CasRec says Sirius should
//! hold (recomputed from `casrec_csv`, `sql/casrec_finance.sql`) beside those Sirius holds for
//! this run (`validation.sirius_<table>`), in exact numeric arithmetic (`sql/money_per_client.sql`,
//! never floating point). A check fails when any client disagrees; the report says how many
//! agree on all three and lists those that do not, with both sides. Every client is in
//! `validation.money_per_client`.

use migration_core::registry::SiriusTable;
use tokio_postgres::Client;

use crate::{db_err, Check, ValidationError};

const MONEY_SQL: &str = include_str!("sql/money_per_client.sql");

/// The Sirius tables the totals read; without all three the check is not made.
const NEEDS: &[&str] = &["finance_invoice", "finance_ledger", "finance_ledger_allocation"];

/// How many disagreeing clients the report lists; every one is in the table.
pub const LISTED: i64 = 1000;

/// One client's three totals on both sides, as text (exact: pence whole, pounds to the penny).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ClientMoney {
    /// The case, or `(person <id>)` / `(no person)` for Sirius rows of no migrated client.
    pub client: String,
    pub casrec_invoiced: String,
    pub sirius_invoiced: String,
    pub casrec_credited: String,
    pub sirius_credited: String,
    pub casrec_allocated: String,
    pub sirius_allocated: String,
}

/// The whole of the check, for the report.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Money {
    pub clients: i64,
    pub agree: i64,
    /// All clients' totals, first.
    pub totals: ClientMoney,
    /// The clients that disagree, by case, at most [`LISTED`].
    pub disagree: Vec<ClientMoney>,
}

fn client_money(r: &tokio_postgres::Row, client: String) -> ClientMoney {
    ClientMoney {
        client,
        casrec_invoiced: r.get(1),
        sirius_invoiced: r.get(2),
        casrec_credited: r.get(3),
        sirius_credited: r.get(4),
        casrec_allocated: r.get(5),
        sirius_allocated: r.get(6),
    }
}

/// Builds `validation.money_per_client` and checks it. Needs the finance tables of
/// `finance::CASREC_SQL` and `validation.sirius_<table>` of the three tables; `None` when the
/// run did not migrate all three.
pub async fn per_client(
    m: &Client,
    tables: &[&SiriusTable],
    checks: &mut Vec<Check>,
) -> Result<Option<Money>, ValidationError> {
    if !NEEDS.iter().all(|n| tables.iter().any(|t| t.name == *n)) {
        return Ok(None);
    }
    m.batch_execute(MONEY_SQL).await.map_err(db_err("totalling the money per client (sql/money_per_client.sql)"))?;
    let money = read(m).await?;
    checks.push(Check::counts(
        "money per client",
        "clients whose invoice, credit or allocation totals in Sirius differ from CasRec's",
        0,
        money.clients - money.agree,
        format!(
            "{} of {} clients agree on all three; each client in validation.money_per_client",
            money.agree, money.clients
        ),
    ));
    Ok(Some(money))
}

/// Reads `validation.money_per_client`.
pub async fn read(m: &Client) -> Result<Money, ValidationError> {
    // Pence are whole; pounds keep two decimals however they were summed.
    let cells = |total: bool| {
        let v = |c: &str| if total { format!("coalesce(sum(\"{c}\"), 0)") } else { format!("\"{c}\"") };
        format!(
            "CAST({} AS text), CAST({} AS text), CAST(round({}, 2) AS text), CAST(round({}, 2) AS text), \
             CAST(round({}, 2) AS text), CAST(round({}, 2) AS text)",
            v("casrec_invoiced"),
            v("sirius_invoiced"),
            v("casrec_credited"),
            v("sirius_credited"),
            v("casrec_allocated"),
            v("sirius_allocated")
        )
    };
    let totals = m
        .query_one(
            &format!(
                r#"SELECT count(*), {}, count(*) FILTER (WHERE "agree") FROM "validation"."money_per_client""#,
                cells(true)
            ),
            &[],
        )
        .await
        .map_err(db_err("totalling validation.money_per_client"))?;
    let clients: i64 = totals.get(0);
    let agree: i64 = totals.get(7);
    let all = if clients == 0 { "no client".to_string() } else { format!("all {clients} clients") };
    let listed = m
        .query(
            &format!(
                r#"SELECT coalesce("case_no", CASE WHEN "person_id" IS NULL THEN '(no person)'
                                                   ELSE '(person ' || "person_id" || ')' END), {}
                     FROM "validation"."money_per_client" WHERE NOT "agree"
                    ORDER BY "case_no" NULLS LAST, "person_id" LIMIT {LISTED}"#,
                cells(false)
            ),
            &[],
        )
        .await
        .map_err(db_err("reading the clients whose money differs"))?;
    Ok(Money {
        clients,
        agree,
        totals: client_money(&totals, all),
        disagree: listed.iter().map(|r| client_money(r, r.get(0))).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finance::loaded::{copy, finance_tables, load};

    /// On the finance tests' hand-made rows: A has six invoices (72,345 pence) and four credits
    /// of 19.00 pounds on them; B one invoice of 13 pence and two credits of 0.12 pounds on it,
    /// one of them a line of case A (a credit counts for the client of the invoice it reduces).
    #[tokio::test]
    async fn the_money_per_client_agrees_on_a_correct_load_and_fails_naming_the_client_when_one_amount_changes() {
        let (_db, c, _s) = crate::finance::tests::casrec().await;
        load(&c).await;
        let mut checks = Vec::new();
        let money = per_client(&c, &finance_tables(), &mut checks).await.unwrap().unwrap();
        assert!(checks.iter().all(|c| c.passed), "{checks:?}");
        assert_eq!((money.clients, money.agree), (2, 2));
        assert!(money.disagree.is_empty());
        let t = &money.totals;
        assert_eq!(
            [&t.client, &t.casrec_invoiced, &t.sirius_invoiced, &t.casrec_credited, &t.sirius_credited],
            ["all 2 clients", "72358", "72358", "19.12", "19.12"]
        );
        let a = c
            .query_one(
                r#"SELECT CAST("casrec_invoiced" AS text), CAST("casrec_credited" AS text), CAST("casrec_allocated" AS text)
                     FROM "validation"."money_per_client" WHERE "case_no" = 'A'"#,
                &[],
            )
            .await
            .unwrap();
        assert_eq!(
            (a.get::<_, String>(0), a.get::<_, String>(1), a.get::<_, String>(2)),
            ("72345".into(), "19.00".into(), "19.00".into())
        );

        // One allocation on B's invoice changed by ten pence: B disagrees, on allocations only.
        c.batch_execute(
            r#"UPDATE "public"."finance_ledger_allocation" SET "amount" = 0.20 WHERE "reference" = 'CR100051';
               DROP TABLE "validation"."money_per_client";"#,
        )
        .await
        .unwrap();
        copy(&c).await;
        let mut checks = Vec::new();
        let money = per_client(&c, &finance_tables(), &mut checks).await.unwrap().unwrap();
        let failed: Vec<&Check> = checks.iter().filter(|c| !c.passed).collect();
        assert_eq!(failed.len(), 1, "{checks:?}");
        assert_eq!((failed[0].expected, failed[0].actual), (0, 1));
        assert_eq!(failed[0].detail, "1 of 2 clients agree on all three; each client in validation.money_per_client");
        assert_eq!(
            money.disagree,
            [ClientMoney {
                client: "B".into(),
                casrec_invoiced: "13".into(),
                sirius_invoiced: "13".into(),
                casrec_credited: "0.12".into(),
                sirius_credited: "0.12".into(),
                casrec_allocated: "0.12".into(),
                sirius_allocated: "0.22".into(),
            }]
        );
    }
}
