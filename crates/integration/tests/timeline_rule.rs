//! The timeline_payload_ids rule row by row, on integration rows written by hand in a real
//! PostgreSQL: each event's NoteCreated payload takes the Sirius id and uid (`7000-0000-0138`) of
//! the person person_timeline links it to, its text otherwise unchanged; an event with no link
//! keeps them empty; each event's decision is recorded.

mod common;

use integration::apply_rules;
use testkit::TestDb;

/// The client rules' tables and the timeline's; `event` is text, as the transform writes it.
fn schema() -> String {
    common::schema(
        r#"
CREATE TABLE "integration"."timeline_event" ("id" int, "migration_key" text, "event" text);
CREATE TABLE "integration"."person_timeline" ("id" int, "person_id" int, "timelineevent_id" int);
"#,
    )
}

/// A payload as the transform writes it, for a case and a subject.
fn payload(case: &str, subject: &str, id: &str, uid: &str) -> String {
    format!(
        r#"{{"class": "Opg\\Core\\Model\\Event\\Common\\NoteCreated", "payload": {{"isPersonAndCaseEvent": false, "isPersonEvent": true, "isCaseEvent": false, "courtReference": "{case}", "type": "Case note", "eventDate": "2026-11-01T00:00:00+00:00", "subject": "{subject}", "notes": "\n            <p>x</p>\n        ", "personType": "Client", "personId": "{id}", "personUid": "{uid}", "personName": "Mrs Ann Lee", "personCourtRef": "{case}"}}}}"#
    )
}

#[tokio::test]
async fn each_event_names_its_linked_person_by_sirius_id_and_uid() {
    let tdb = TestDb::create("rules_timeline").await;
    let db = tdb.client().await;
    db.batch_execute(&schema()).await.unwrap();
    // Client 501 (uid 700000000138) has a migration and an archive notice; client 502 (uid
    // 700000000146) a migration notice; event 13 has no link; event 14 is linked to a person
    // with no uid (not one the migration makes, but the rule must not invent one).
    db.batch_execute(
        "INSERT INTO \"integration\".\"persons\" VALUES
           (501, 'client:10000001', 'actor_client', '10000001', NULL, 'ACTIVE', NULL, 700000000138),
           (502, 'client:10000002', 'actor_client', '10000002', NULL, 'ACTIVE', NULL, 700000000146),
           (503, 'client:10000004', 'actor_client', '10000004', NULL, 'ACTIVE', NULL, NULL);
         INSERT INTO \"integration\".\"person_timeline\" VALUES (1, 501, 10), (2, 501, 11), (3, 502, 12), (4, 503, 14);",
    )
    .await
    .unwrap();
    let events = [
        (10, "10000001", "Migration Notice"),
        (11, "10000001", "Put Away Notice"),
        (12, "10000002", "Migration Notice"),
        (13, "10000003", "Migration Notice"),
        (14, "10000004", "Migration Notice"),
    ];
    for (id, case, subject) in events {
        db.execute(
            "INSERT INTO \"integration\".\"timeline_event\" VALUES ($1, $2, $3)",
            &[&id, &format!("timeline:{id}"), &payload(case, subject, "", "")],
        )
        .await
        .unwrap();
    }
    let rules = apply_rules(&db).await.unwrap();
    let counts = rules.iter().find(|r| r.rule == "timeline_payload_ids").expect("the rule ran");
    assert_eq!(
        counts.decisions,
        vec![
            ("no linked person".to_string(), 1),
            ("person id and uid written".to_string(), 3),
            ("person id written, the person has no uid".to_string(), 1),
        ]
    );
    let expected = [
        (10, payload("10000001", "Migration Notice", "501", "7000-0000-0138")),
        (11, payload("10000001", "Put Away Notice", "501", "7000-0000-0138")),
        (12, payload("10000002", "Migration Notice", "502", "7000-0000-0146")),
        (13, payload("10000003", "Migration Notice", "", "")),
        (14, payload("10000004", "Migration Notice", "503", "")),
    ];
    for (id, want) in expected {
        let got: String = db
            .query_one("SELECT \"event\" FROM \"integration\".\"timeline_event\" WHERE \"id\" = $1", &[&id])
            .await
            .unwrap()
            .get(0);
        assert_eq!(got, want, "event {id}");
        // Still JSON, with the ids where Sirius reads them.
        let row = db
            .query_one(
                "SELECT CAST(\"event\" AS json) -> 'payload' ->> 'personId', CAST(\"event\" AS json) -> 'payload' ->> 'personUid'
                   FROM \"integration\".\"timeline_event\" WHERE \"id\" = $1",
                &[&id],
            )
            .await
            .unwrap();
        let _: (String, String) = (row.get(0), row.get(1));
    }
    // Run again (a rerun's integration): the payloads are unchanged.
    apply_rules(&db).await.unwrap();
    let got: String = db
        .query_one("SELECT \"event\" FROM \"integration\".\"timeline_event\" WHERE \"id\" = 10", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(got, payload("10000001", "Migration Notice", "501", "7000-0000-0138"));
}

/// The same rule when the column is json (as Sirius types it): it keeps its type.
#[tokio::test]
async fn a_json_payload_stays_json() {
    let tdb = TestDb::create("rules_timeline_json").await;
    let db = tdb.client().await;
    db.batch_execute(&schema().replace("\"event\" text", "\"event\" json")).await.unwrap();
    db.batch_execute(
        "INSERT INTO \"integration\".\"persons\" VALUES (7, 'client:1', 'actor_client', '1', NULL, 'ACTIVE', NULL, 700000000039);
         INSERT INTO \"integration\".\"person_timeline\" VALUES (1, 7, 5);",
    )
    .await
    .unwrap();
    db.execute(
        "INSERT INTO \"integration\".\"timeline_event\" VALUES (5, 'timeline:5', CAST($1 AS text)::json)",
        &[&payload("1", "Migration Notice", "", "")],
    )
    .await
    .unwrap();
    apply_rules(&db).await.unwrap();
    let row = db
        .query_one(
            "SELECT \"event\" -> 'payload' ->> 'personId', \"event\" -> 'payload' ->> 'personUid', pg_typeof(\"event\")::text
               FROM \"integration\".\"timeline_event\"",
            &[],
        )
        .await
        .unwrap();
    let got: (String, String, String) = (row.get(0), row.get(1), row.get(2));
    assert_eq!(got, ("7".into(), "7000-0000-0039".into(), "json".into()));
}
