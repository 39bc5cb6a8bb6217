//! The shared COPY writer against a real PostgreSQL: rows go out in bounded frames as they are
//! produced, so a table of any size loads in a small, fixed amount of memory, and PostgreSQL's
//! 1 GiB limit on one message never applies to a table.

use std::sync::Arc;

use arrow::array::{Int64Array, StringArray};
use arrow::datatypes::{DataType, Field, Schema};
use arrow::record_batch::RecordBatch;
use migration_core::pgcopy::{self, CopyWriter, RowEncoder, FRAME_BYTES};
use testkit::TestDb;

/// The process's peak resident memory so far, in bytes (Linux's VmHWM).
fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/self/status");
    kb * 1024
}

#[tokio::test]
async fn a_table_encoding_to_more_than_a_gibibyte_streams_in_bounded_frames() {
    let db = TestDb::create("copy_big").await;
    let c = db.client().await;
    // Unlogged, and rows just under the size PostgreSQL would compress or move out of line: the
    // server writes little besides the heap, so the test spends its time on the bytes sent.
    c.batch_execute(r#"CREATE UNLOGGED TABLE "big" ("id" int8, "payload" text)"#).await.unwrap();
    let payload: Vec<u8> = (0..1_900u32).map(|i| b'a' + (i % 26) as u8).collect();
    let row_bytes = 2 + (4 + 8) + (4 + payload.len() as u64);
    let target = 1_100u64 << 20;
    let rows = target.div_ceil(row_bytes);

    let before = peak_rss();
    let mut w = CopyWriter::start(&c, r#""public"."big" ("id", "payload")"#).await.unwrap();
    for id in 0..rows as i64 {
        w.begin_row(2);
        w.int8(id);
        w.bytes(&payload);
        w.end_row().await.unwrap();
    }
    let sent_before_finish = w.bytes_sent();
    let written = w.finish().await.unwrap();
    let grown = peak_rss().saturating_sub(before);

    assert_eq!(written, rows);
    assert!(sent_before_finish > (1 << 30), "only {sent_before_finish} bytes were encoded");
    assert!(sent_before_finish >= target - FRAME_BYTES as u64 * 2, "frames were sent as the rows came");
    assert_eq!(testkit::count(&c, r#"SELECT count(*) FROM "big""#).await, rows as i64);
    assert!(grown < 200 << 20, "peak memory grew by {} MiB while writing", grown >> 20);
    c.batch_execute(r#"DROP TABLE "big""#).await.unwrap();
}

#[tokio::test]
async fn rows_batches_and_piped_bytes_arrive_whole_across_frame_boundaries() {
    let db = TestDb::create("copy_frames").await;
    let c = db.client().await;
    c.batch_execute(
        r#"CREATE TABLE "a" ("id" int8, "s" text); CREATE TABLE "b" ("id" int8, "s" text);
           CREATE TABLE "c" ("id" int8, "s" text);"#,
    )
    .await
    .unwrap();
    // Rows of odd sizes, several frames' worth, so frames end mid-row.
    let text = |i: i64| "x".repeat((i % 997) as usize);
    let n = 30_000i64;

    let mut enc = RowEncoder::new();
    for i in 0..n {
        enc.begin_row(2);
        enc.int8(i);
        enc.bytes(text(i).as_bytes());
    }
    assert!(enc.buf.len() > 3 * FRAME_BYTES);
    assert_eq!(pgcopy::copy_rows(&c, r#""public"."a" ("id", "s")"#, enc).await.unwrap(), n as u64);

    let schema =
        Arc::new(Schema::new(vec![Field::new("id", DataType::Int64, true), Field::new("s", DataType::Utf8, true)]));
    let batch = RecordBatch::try_new(
        schema,
        vec![
            Arc::new(Int64Array::from((0..n).collect::<Vec<_>>())),
            Arc::new(StringArray::from((0..n).map(text).collect::<Vec<_>>())),
        ],
    )
    .unwrap();
    assert_eq!(pgcopy::copy_in_batches(&c, "public", "b", std::slice::from_ref(&batch)).await.unwrap(), n as u64);

    let other = db.client().await;
    let piped =
        pgcopy::pipe(&c, r#"SELECT "id", "s" FROM "public"."a""#, &other, r#""public"."c" ("id", "s")"#).await.unwrap();
    assert_eq!(piped, n as u64);

    let digest =
        |t: &str| format!(r#"SELECT md5(string_agg("id" || ':' || "s", ',' ORDER BY "id")) FROM "public"."{t}""#);
    let want: String = c
        .query_one(
            &format!(r#"SELECT md5(string_agg(i || ':' || repeat('x', (i % 997)::int), ',' ORDER BY i)) FROM generate_series(0, {}) i"#, n - 1),
            &[],
        )
        .await
        .unwrap()
        .get(0);
    for t in ["a", "b", "c"] {
        let got: String = c.query_one(&digest(t), &[]).await.unwrap().get(0);
        assert_eq!(got, want, "table {t}");
    }
}
