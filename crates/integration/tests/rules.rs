//! The business rules row by row of their decision tables, on integration rows written by hand
//! in a real PostgreSQL: each client below is one row of the table (or one of its edges), and the
//! test checks the status or fee payer it gets and the decision recorded for it.

mod common;

use integration::apply_rules;
use testkit::TestDb;

/// The integration tables the rules read.
fn schema() -> String {
    common::schema("")
}

/// An order: (order no, date, status, subtype, closure reason).
type Order<'a> = (i32, Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<&'a str>);

/// One row of the status table: (client, orders, death notification (proof, notified),
/// expected status, expected row).
type StatusCase<'a> = (i32, Vec<Order<'a>>, Option<(Option<bool>, Option<&'a str>)>, Option<&'a str>, i32);

/// A client of `id` with its orders; order ids are `id * 10 + n`.
fn client(id: i32, orders: &[Order]) -> String {
    let mut sql = format!(
        "INSERT INTO \"integration\".\"persons\" VALUES ({id}, 'client:{id}', 'actor_client', '{id}', NULL, 'ACTIVE', NULL);\n"
    );
    let lit = |v: Option<&str>| v.map(|v| format!("'{v}'")).unwrap_or_else(|| "NULL".into());
    for (n, (no, date, status, subtype, reason)) in orders.iter().enumerate() {
        let oid = id * 10 + n as i32;
        sql.push_str(&format!(
            "INSERT INTO \"integration\".\"cases\" VALUES ({oid}, {id}, '{no}', {no}, {}, {}, {}, {});\n\
             INSERT INTO \"integration\".\"person_caseitem\" VALUES ({id}, {oid});\n",
            lit(*date),
            lit(*status),
            lit(*subtype),
            lit(*reason)
        ));
    }
    sql
}

async fn status_of(db: &tokio_postgres::Client, id: i32) -> (Option<String>, i32) {
    let row = db
        .query_one(
            r#"SELECT p."clientstatus", d."rule" FROM "integration"."persons" p
                 JOIN "integration"."client_status_decisions" d ON d."person_id" = p."id" WHERE p."id" = $1"#,
            &[&id],
        )
        .await
        .unwrap_or_else(|e| panic!("client {id}: {e}"));
    (row.get(0), row.get(1))
}

#[tokio::test]
async fn client_status_follows_the_decision_table_row_by_row() {
    let tdb = TestDb::create("rules_status").await;
    let db = tdb.client().await;
    db.batch_execute(&schema()).await.unwrap();
    let d = Some;
    let mut sql = String::new();
    let cases: Vec<StatusCase> = vec![
        // 1: proof of death wins over an active order and over a date notified.
        (
            1,
            vec![(101, d("2019-01-01"), d("ACTIVE"), d("NEW DEPUTY"), None)],
            Some((Some(true), d("2020-01-01"))),
            d("DEATH_CONFIRMED"),
            1,
        ),
        // 2: notified without proof (Proof N).
        (
            2,
            vec![(201, d("2019-01-01"), d("ACTIVE"), d("NEW DEPUTY"), None)],
            Some((Some(false), d("2020-01-01"))),
            d("DEATH_NOTIFIED"),
            2,
        ),
        // A death notification with neither proof nor date leaves the orders to decide (row 3).
        (21, vec![(2101, d("2019-01-01"), d("ACTIVE"), d("NEW DEPUTY"), None)], Some((None, None)), d("ACTIVE"), 3),
        // 3: an active order among closed ones, even when a closed one is the latest.
        (
            3,
            vec![
                (301, d("2018-01-01"), d("ACTIVE"), d("NEW DEPUTY"), None),
                (302, d("2020-01-01"), d("CLOSED"), d("REPLACEMENT"), None),
            ],
            None,
            d("ACTIVE"),
            3,
        ),
        // 4: the latest order is OPEN (an older closed one does not matter).
        (
            4,
            vec![
                (401, d("2018-01-01"), d("CLOSED"), d("NEW DEPUTY"), None),
                (402, d("2020-01-01"), d("OPEN"), d("SUPPLEMENTARY"), None),
            ],
            None,
            d("OPEN"),
            4,
        ),
        // An older OPEN order and a newer CLOSED one: the latest decides, INACTIVE (row 7).
        (
            41,
            vec![
                (4101, d("2018-01-01"), d("OPEN"), d("SUPPLEMENTARY"), None),
                (4102, d("2020-01-01"), d("CLOSED"), d("DIRECTION"), None),
            ],
            None,
            d("INACTIVE"),
            7,
        ),
        // 5: every order closed and the latest a replacement.
        (
            5,
            vec![
                (501, d("2018-01-01"), d("CLOSED"), d("NEW DEPUTY"), None),
                (502, d("2020-01-01"), d("CLOSED"), d("REPLACEMENT"), None),
            ],
            None,
            d("CLOSED"),
            5,
        ),
        // Every order closed but the latest a DIRECTION: not row 5, row 7.
        (
            51,
            vec![
                (5101, d("2018-01-01"), d("CLOSED"), d("NEW DEPUTY"), None),
                (5102, d("2020-01-01"), d("CLOSED"), d("DIRECTION"), None),
            ],
            None,
            d("INACTIVE"),
            7,
        ),
        // A NULL status breaks "every order closed": the latest closed DIRECTION … row 7.
        (
            52,
            vec![
                (5201, d("2018-01-01"), None, d("NEW DEPUTY"), None),
                (5202, d("2020-01-01"), d("CLOSED"), d("INTERIM ORDER"), None),
            ],
            None,
            d("INACTIVE"),
            7,
        ),
        // 6: the latest closed for regained capacity (not closed in full: an older order has no status).
        (
            6,
            vec![
                (601, d("2018-01-01"), None, d("NEW DEPUTY"), None),
                (602, d("2020-01-01"), d("CLOSED"), d("DIRECTION"), d("REGAINED_CAPACITY")),
            ],
            None,
            d("REGAINED_CAPACITY"),
            6,
        ),
        // 7: the latest closed for another reason.
        (7, vec![(701, d("2020-01-01"), d("CLOSED"), d("TENANCY"), d("OTHER"))], None, d("INACTIVE"), 7),
        // 8: every order with a status is a duplicate (and the latest's subtype is not row 5's).
        (
            8,
            vec![
                (801, d("2018-01-01"), d("DUPLICATE"), d("DIRECTION"), None),
                (802, d("2020-01-01"), d("DUPLICATE"), d("TENANCY"), None),
            ],
            None,
            d("DUPLICATE"),
            8,
        ),
        // 9: no orders.
        (9, vec![], None, None, 9),
        // 9: orders without a date are never the latest: no latest order, nothing else holds.
        (91, vec![(9101, None, d("CLOSED"), d("REPLACEMENT"), None)], None, None, 9),
        // An undated OPEN order beside a dated closed one: the original took the undated one as
        // latest (OPEN); here the dated one is, and the OPEN order breaks "every order closed".
        (
            92,
            vec![
                (9201, d("2019-01-01"), d("CLOSED"), d("REPLACEMENT"), None),
                (9202, None, d("OPEN"), d("SUPPLEMENTARY"), None),
            ],
            None,
            d("INACTIVE"),
            7,
        ),
        // Two orders of the same date: the higher order number is the latest (OPEN, row 4) …
        (
            93,
            vec![
                (9301, d("2020-01-01"), d("CLOSED"), d("DIRECTION"), None),
                (9302, d("2020-01-01"), d("OPEN"), d("SUPPLEMENTARY"), None),
            ],
            None,
            d("OPEN"),
            4,
        ),
        // … whichever way round they were inserted.
        (
            94,
            vec![
                (9402, d("2020-01-01"), d("OPEN"), d("SUPPLEMENTARY"), None),
                (9401, d("2020-01-01"), d("CLOSED"), d("DIRECTION"), None),
            ],
            None,
            d("OPEN"),
            4,
        ),
    ];
    for (id, orders, death, _, _) in &cases {
        sql.push_str(&client(*id, orders));
        if let Some((proof, notified)) = death {
            let lit = |v: Option<String>| v.unwrap_or_else(|| "NULL".into());
            sql.push_str(&format!(
                "INSERT INTO \"integration\".\"death_notifications\" VALUES ({id}, {id}, {}, {});\n",
                lit(proof.map(|p| p.to_string())),
                lit(notified.map(|n| format!("'{n}'")))
            ));
        }
    }
    db.batch_execute(&sql).await.unwrap();
    let counts = apply_rules(&db).await.unwrap();
    for (id, _, _, status, rule) in &cases {
        assert_eq!(status_of(&db, *id).await, (status.map(String::from), *rule), "client {id}");
    }
    // Every row of the table is reached, and the counts say so.
    let status = counts.iter().find(|c| c.rule == "client_status").expect("client_status counted");
    for row in 1..=9 {
        assert!(
            status.decisions.iter().any(|(d, n)| d.starts_with(&format!("row {row}:")) && *n > 0),
            "row {row} in {:?}",
            status.decisions
        );
    }
    assert_eq!(status.decisions.iter().map(|(_, n)| n).sum::<i64>(), cases.len() as i64);
}

#[tokio::test]
async fn deputy_fee_payer_checks_the_deputyship_status_and_death_and_picks_the_lowest_deputy_number() {
    let tdb = TestDb::create("rules_fee").await;
    let db = tdb.client().await;
    db.batch_execute(&schema()).await.unwrap();
    let mut sql = String::new();
    // Deputies 1001.. (deputy numbers 7001..); client c has order c*10 linked to it.
    for dep in 1001..=1009 {
        sql.push_str(&format!(
            "INSERT INTO \"integration\".\"persons\" VALUES ({dep}, 'deputy:{n}', 'actor_deputy', NULL, {n}, NULL, NULL);\n",
            n = dep + 6000
        ));
    }
    for c in 1..=8 {
        sql.push_str(&client(c, &[(c * 100, Some("2020-01-01"), Some("ACTIVE"), Some("NEW DEPUTY"), None)]));
    }
    let od = |id: i32, client: i32, deputy: i32, fee: &str, status: &str| {
        format!(
            "INSERT INTO \"integration\".\"order_deputy\" VALUES ({id}, {}, {deputy}, '{fee}', '{status}');\n",
            client * 10
        )
    };
    // 1: one fee-paying active deputy.
    sql.push_str(&od(1, 1, 1001, "Y", "ACTIVE"));
    // 2: the deputy does not pay the fee.
    sql.push_str(&od(2, 2, 1002, "N", "ACTIVE"));
    // 3: the deputyship is a discharge (CLOSED), or the deputy not active.
    sql.push_str(&od(3, 3, 1003, "Y", "CLOSED"));
    // 4: the deputy has died.
    sql.push_str(&od(4, 4, 1004, "Y", "ACTIVE"));
    sql.push_str("INSERT INTO \"integration\".\"death_notifications\" VALUES (1, 1004, true, NULL);\n");
    // 5: two qualify: the lower deputy number (7006 of 1006) pays, whatever the row order.
    sql.push_str(&od(5, 5, 1007, "Y", "ACTIVE"));
    sql.push_str(&od(6, 5, 1006, "Y", "ACTIVE"));
    // 6: a qualifying deputy and one who died: the living one.
    sql.push_str(&od(7, 6, 1004, "Y", "ACTIVE"));
    sql.push_str(&od(8, 6, 1008, "Y", "ACTIVE"));
    // 7: a death notification without a person must not disqualify everyone (the original's
    // NOT IN would have); client 7's deputy qualifies.
    sql.push_str("INSERT INTO \"integration\".\"death_notifications\" VALUES (2, NULL, NULL, NULL);\n");
    sql.push_str(&od(9, 7, 1009, "Y", "ACTIVE"));
    // 8: no deputyship at all.
    db.batch_execute(&sql).await.unwrap();
    let counts = apply_rules(&db).await.unwrap();
    let expected: [(i32, Option<i32>, &str); 8] = [
        (1, Some(1001), "one qualifying deputy"),
        (2, None, "no qualifying deputy: NULL"),
        (3, None, "no qualifying deputy: NULL"),
        (4, None, "no qualifying deputy: NULL"),
        (5, Some(1006), "several qualifying deputies: the lowest deputy number"),
        (6, Some(1008), "one qualifying deputy"),
        (7, Some(1009), "one qualifying deputy"),
        (8, None, "no qualifying deputy: NULL"),
    ];
    for (c, payer, decision) in expected {
        let row = db
            .query_one(
                r#"SELECT p."feepayer_id", f."decision" FROM "integration"."persons" p
                     JOIN "integration"."fee_payer_decisions" f ON f."client_id" = p."id" WHERE p."id" = $1"#,
                &[&c],
            )
            .await
            .unwrap();
        assert_eq!(
            (row.get::<_, Option<i32>>(0), row.get::<_, String>(1)),
            (payer, decision.to_string()),
            "client {c}"
        );
    }
    let fee = counts.iter().find(|c| c.rule == "deputy_fee_payer").expect("fee payer counted");
    assert_eq!(
        fee.decisions,
        vec![
            ("no qualifying deputy: NULL".to_string(), 4),
            ("one qualifying deputy".to_string(), 3),
            ("several qualifying deputies: the lowest deputy number".to_string(), 1)
        ]
    );
    // Deputies are not clients: they get no fee payer and no decision.
    assert_eq!(testkit::count(&db, r#"SELECT count(*) FROM "integration"."fee_payer_decisions""#).await, 8);
}
