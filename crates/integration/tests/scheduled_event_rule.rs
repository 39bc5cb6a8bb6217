//! The scheduled_event_payload_ids rule row by row, on integration rows written by hand in a real
//! PostgreSQL: each reporting event's payload takes the Sirius ids of the report log it was made
//! for and of that log's client, as JSON numbers, its text otherwise unchanged; an event whose log
//! is missing keeps nulls; each event's decision is recorded; a rerun changes nothing.

mod common;

use integration::apply_rules;
use testkit::TestDb;

/// The client rules' tables and the reporting tables the payload rule reads.
fn schema() -> String {
    common::schema(
        r#"
CREATE TABLE "integration"."annual_report_logs" ("id" int, "migration_key" text, "client_id" int);
CREATE TABLE "integration"."scheduled_events" ("id" int, "migration_key" text, "c_report_log_key" text, "event" text);
"#,
    )
}

fn event(client: &str, log: &str, end: &str) -> String {
    format!(
        r#"{{"class": "Opg\\Core\\Model\\Event\\DeputyshipReporting\\ScheduledReportingPeriodEndDate", "payload": {{"clientId": {client}, "reportingPeriodId": {log}, "endDate": "{end}T00:00:00+00:00"}}}}"#
    )
}

#[tokio::test]
async fn each_event_names_its_report_log_and_client_by_sirius_id() {
    let tdb = TestDb::create("rules_scheduled_events").await;
    let db = tdb.client().await;
    db.batch_execute(&schema()).await.unwrap();
    // Log 9001 of client 501 and log 9002 of client 502 (a Sirius client matched); event 3 names
    // a log integration does not hold.
    db.batch_execute(
        "INSERT INTO \"integration\".\"annual_report_logs\" VALUES
           (9001, 'report_pending:10000001', 501), (9002, 'report_pending:10000002', 502),
           (9003, 'report:10000001:2025-12-31:1', 501);",
    )
    .await
    .unwrap();
    for (id, case, end) in [(1, "10000001", "2027-12-31"), (2, "10000002", "2026-06-30"), (3, "10000003", "2026-01-31")]
    {
        db.execute(
            "INSERT INTO \"integration\".\"scheduled_events\" VALUES ($1, $2, $3, $4)",
            &[&id, &format!("report_event:{case}"), &format!("report_pending:{case}"), &event("null", "null", end)],
        )
        .await
        .unwrap();
    }
    let rules = apply_rules(&db).await.unwrap();
    let counts = rules.iter().find(|r| r.rule == "scheduled_event_payload_ids").expect("the rule ran");
    assert_eq!(
        counts.decisions,
        vec![("client and report log ids written".to_string(), 2), ("no report log".to_string(), 1)]
    );
    let expected = [
        (1, event("501", "9001", "2027-12-31")),
        (2, event("502", "9002", "2026-06-30")),
        (3, event("null", "null", "2026-01-31")),
    ];
    for _ in 0..2 {
        for (id, want) in &expected {
            let got: String = db
                .query_one("SELECT \"event\" FROM \"integration\".\"scheduled_events\" WHERE \"id\" = $1", &[id])
                .await
                .unwrap()
                .get(0);
            assert_eq!(&got, want, "event {id}");
        }
        let numbers: i64 = db
            .query_one(
                "SELECT count(*) FROM \"integration\".\"scheduled_events\"
                  WHERE json_typeof(CAST(\"event\" AS json) -> 'payload' -> 'clientId') = 'number'",
                &[],
            )
            .await
            .unwrap()
            .get(0);
        assert_eq!(numbers, 2);
        // A rerun's integration: the payloads are unchanged.
        apply_rules(&db).await.unwrap();
    }
}
