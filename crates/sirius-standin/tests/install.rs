//! The stand-in installs into a real PostgreSQL and holds what the migration relies on.

use sirius_standin::{install, uid_is_valid, StandinError};
use testkit::TestDb;

#[tokio::test]
async fn installs_once_with_every_row_mapping_defaults_refer_to() {
    let db = TestDb::create("standin").await;
    let mut c = db.client().await;
    install(&mut c).await.unwrap();
    assert!(matches!(install(&mut c).await, Err(StandinError::AlreadyInstalled)));

    // Defaults and lookups point at these: the migration user, the client and deputy case owners,
    // the lay teams, and the bond providers.
    for id in [2657, 8730, 10, 2409, 2443, 2444, 2523, 2524, 2525, 2572, 3945, 3946] {
        let n: i64 = c.query_one(r#"SELECT count(*) FROM "assignees" WHERE "id" = $1"#, &[&id]).await.unwrap().get(0);
        assert_eq!(n, 1, "assignee {id}");
    }
    let lay: i64 = c
        .query_one(r#"SELECT count(*) FROM "assignees" WHERE "name" LIKE 'Lay Team _ - (Supervision)'"#, &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(lay, 9);
    for id in [185, 186, 187, 43757] {
        let n: i64 =
            c.query_one(r#"SELECT count(*) FROM "bond_providers" WHERE "id" = $1"#, &[&id]).await.unwrap().get(0);
        assert_eq!(n, 1, "bond provider {id}");
    }
}

#[tokio::test]
async fn existing_clients_deputies_and_pilots_are_present_for_matching() {
    let db = TestDb::create("standinm").await;
    let mut c = db.client().await;
    install(&mut c).await.unwrap();
    let clients: Vec<String> = c
        .query(r#"SELECT "caserecnumber" FROM "persons" WHERE "type" = 'actor_client' ORDER BY 1"#, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let expected: Vec<String> = (1..=12).map(|i| format!("{}", 10_000_000 + i)).collect();
    assert_eq!(clients, expected);
    let pilots: i64 = c
        .query_one(r#"SELECT count(*) FROM "persons" WHERE "caseactorgroup" = 'CLIENT-PILOT-ONE'"#, &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(pilots, 2);
    let deputies: Vec<i32> = c
        .query(r#"SELECT "deputynumber" FROM "persons" WHERE "type" = 'actor_deputy' ORDER BY 1"#, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(deputies, vec![10001, 10002, 10003]);
}

#[tokio::test]
async fn uids_are_valid_unique_and_sequences_are_past_every_id() {
    let db = TestDb::create("standinu").await;
    let mut c = db.client().await;
    install(&mut c).await.unwrap();
    let uids: Vec<i64> = c
        .query(r#"SELECT "uid" FROM "persons" WHERE "uid" IS NOT NULL UNION ALL SELECT "uid" FROM "cases" WHERE "uid" IS NOT NULL"#, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(!uids.is_empty());
    assert!(uids.iter().all(|u| uid_is_valid(*u)), "{uids:?}");
    let mut sorted = uids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), uids.len(), "uids are unique across persons and cases");

    // Every sequence owned by an id column is at or past that column's maximum.
    let rows = c
        .query(
            r#"SELECT s.relname, t.relname, a.attname
                 FROM pg_class s
                 JOIN pg_depend d ON d.objid = s.oid AND d.deptype = 'a'
                 JOIN pg_class t ON t.oid = d.refobjid
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
                WHERE s.relkind = 'S'"#,
            &[],
        )
        .await
        .unwrap();
    for r in rows {
        let (seq, table, col): (String, String, String) = (r.get(0), r.get(1), r.get(2));
        let last: i64 = c.query_one(&format!(r#"SELECT last_value FROM "{seq}""#), &[]).await.unwrap().get(0);
        let max: Option<i64> =
            c.query_one(&format!(r#"SELECT max("{col}")::bigint FROM "{table}""#), &[]).await.unwrap().get(0);
        assert!(last >= max.unwrap_or(0), "{seq} ({last}) is behind {table}.{col} ({max:?})");
    }
}
