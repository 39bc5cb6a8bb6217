//! The finance_person_ids rule row by row, on integration rows written by hand in a real
//! PostgreSQL: finance rows take the billing account Sirius keeps for their client (the lowest of
//! several), a ledger entry the account of the invoice it reduces, a billable order keeps the
//! account Sirius's own row names; a client new to Sirius keeps NULL and its decision says so;
//! a rerun changes nothing.

mod common;

use integration::apply_rules;
use testkit::TestDb;

fn schema() -> String {
    common::schema(
        r#"
CREATE SCHEMA "sirius_ref";
CREATE TABLE "sirius_ref"."finance_person" ("id" bigint, "person_id" bigint);
CREATE TABLE "integration"."finance_invoice" ("id" int, "migration_key" text, "person_id" int, "finance_person_id" int);
CREATE TABLE "integration"."finance_ledger" ("id" int, "migration_key" text, "finance_person_id" int);
CREATE TABLE "integration"."finance_ledger_allocation" ("id" int, "migration_key" text, "ledger_entry_id" int, "invoice_id" int);
CREATE TABLE "integration"."finance_remission_exemption" ("id" int, "migration_key" text, "c_case" text, "finance_person_id" int);
CREATE TABLE "integration"."finance_order" ("id" int, "migration_key" text, "order_id" int, "finance_person_id" int);
"#,
    )
}

#[tokio::test]
async fn finance_rows_take_their_clients_billing_account_or_keep_null() {
    let tdb = TestDb::create("rules_finance_person").await;
    let db = tdb.client().await;
    db.batch_execute(&schema()).await.unwrap();
    // Client 501 has account 7; 503 has two (8 and 9: the lowest counts); 502 is new to Sirius.
    // Order 603's Sirius finance_order already names account 99, which matching kept.
    db.batch_execute(
        r#"INSERT INTO "sirius_ref"."finance_person" VALUES (7, 501), (9, 503), (8, 503), (10, NULL);
           INSERT INTO "integration"."persons" ("id", "migration_key", "type", "caserecnumber") VALUES
             (501, 'client:10000001', 'actor_client', '10000001'), (502, 'client:10000002', 'actor_client', '10000002'),
             (503, 'client:10000003', 'actor_client', '10000003'), (504, 'deputy:1', 'actor_deputy', NULL);
           INSERT INTO "integration"."cases" ("id", "client_id", "c_order_no") VALUES (601, 501, '1'), (602, 502, '2'), (603, 503, '3');
           INSERT INTO "integration"."finance_invoice" VALUES (1, 'invoice:A', 501, NULL), (2, 'invoice:B', 502, NULL),
             (3, 'invoice:C', 503, NULL);
           INSERT INTO "integration"."finance_ledger" VALUES (11, 'credit:AZ', NULL), (12, 'credit:BZ', NULL), (13, 'credit:CZ', NULL);
           INSERT INTO "integration"."finance_ledger_allocation" VALUES (21, 'allocation:AZ', 11, 1), (22, 'allocation:BZ', 12, 2),
             (23, 'allocation:CZ', 13, 3);
           INSERT INTO "integration"."finance_remission_exemption" VALUES (31, 'remission:10000001', '10000001', NULL),
             (32, 'exemption:10000002', '10000002', NULL), (33, 'exemption:10000003', '10000003', NULL);
           INSERT INTO "integration"."finance_order" VALUES (41, 'finance_order:1', 601, NULL), (42, 'finance_order:2', 602, NULL),
             (43, 'finance_order:3', 603, 99);"#,
    )
    .await
    .unwrap();
    let expected: Vec<(String, i32, Option<i32>)> = vec![
        ("finance_invoice".into(), 1, Some(7)),
        ("finance_invoice".into(), 2, None),
        ("finance_invoice".into(), 3, Some(8)),
        ("finance_ledger".into(), 11, Some(7)),
        ("finance_ledger".into(), 12, None),
        ("finance_ledger".into(), 13, Some(8)),
        ("finance_order".into(), 41, Some(7)),
        ("finance_order".into(), 42, None),
        ("finance_order".into(), 43, Some(99)),
        ("finance_remission_exemption".into(), 31, Some(7)),
        ("finance_remission_exemption".into(), 32, None),
        ("finance_remission_exemption".into(), 33, Some(8)),
    ];
    for _ in 0..2 {
        let rules = apply_rules(&db).await.unwrap();
        let counts = rules.iter().find(|r| r.rule == "finance_person_ids").expect("the rule ran");
        assert_eq!(
            counts.decisions,
            vec![
                ("finance_invoice: no billing account: the client is new to Sirius".to_string(), 1),
                ("finance_invoice: the client's billing account".to_string(), 2),
                ("finance_ledger: no billing account: the invoice it reduces has none".to_string(), 1),
                ("finance_ledger: the billing account of the invoice it reduces".to_string(), 2),
                ("finance_order: kept: Sirius's finance order names another account".to_string(), 1),
                ("finance_order: no billing account: the order's client is new to Sirius".to_string(), 1),
                ("finance_order: the billing account of the order's client".to_string(), 1),
                ("finance_remission_exemption: no billing account: the client is new to Sirius".to_string(), 1),
                ("finance_remission_exemption: the client's billing account".to_string(), 2),
            ]
        );
        let mut got = Vec::new();
        for t in ["finance_invoice", "finance_ledger", "finance_order", "finance_remission_exemption"] {
            for r in db
                .query(&format!(r#"SELECT "id", "finance_person_id" FROM "integration"."{t}" ORDER BY "id""#), &[])
                .await
                .unwrap()
            {
                got.push((t.to_string(), r.get::<_, i32>(0), r.get::<_, Option<i32>>(1)));
            }
        }
        // The second pass is a rerun's: the same accounts, the same decisions.
        assert_eq!(got, expected);
    }
}
