//! The `load-casrec` step: every CasRec CSV under the S3 prefix into `casrec_csv.<table>`, one
//! text column per CSV column plus `casrec_row_id` (the line the row starts on), streamed from
//! S3 through decoding into binary COPY. Rows that cannot be loaded go to `casrec_csv.rejects`
//! with their reason, bytes and the lines they cover; `casrec_csv.load_summary` holds read =
//! loaded + rejected for every file, in records and in physical lines, the lines counted from
//! the bytes themselves. A record that fails and spans several lines is taken apart line by
//! line (see [`reader`]), so one damaged line costs that line only. Each table is loaded beside
//! the old one and swapped in with its rejects and summary in one transaction, so a failed or
//! killed load leaves the previous table intact.

pub mod decode;
pub mod reader;

use std::collections::BTreeMap;

use aws_sdk_s3::Client;
use bytes::BytesMut;
use casrec_catalog::CasrecFile;
use futures::future::BoxFuture;
use futures::{SinkExt, StreamExt, TryStreamExt};
use migration_core::config::Settings;
use migration_core::db::{quote_ident, Database};
use migration_core::pgcopy::RowEncoder;
use migration_core::s3::error_text;
use migration_core::step::BoxError;
use migration_core::{RunId, StepContext, StepCounts};
use sha2::{Digest, Sha256};

use crate::decode::{decode_row, DecodeError, Encoding};
use crate::reader::{Problem, RawRecord, RecordReader, Runaway};

pub use crate::reader::RecordLimits;

const SCHEMA_SQL: &str = include_str!("sql/schema.sql");
const SWAP_SQL: &str = include_str!("sql/swap.sql");
const SUMMARY_UPSERT_SQL: &str = include_str!("sql/summary_upsert.sql");
/// How much of a file is fetched to check its header before anything is loaded.
const HEADER_PROBE_BYTES: i64 = 64 * 1024;
const FLUSH_BYTES: usize = 1 << 20;
const REJECT_FLUSH_ROWS: usize = 1000;
/// The statistics target of the loaded tables' ANALYZE (PostgreSQL samples 300 rows per unit).
const STATISTICS_TARGET: u32 = 25;

#[derive(Debug, thiserror::Error)]
pub enum LoadCasrecError {
    #[error("no CasRec CSV files under s3://{bucket}/{prefix}")]
    NoFiles { bucket: String, prefix: String },
    #[error("the CasRec files cannot be loaded as they are:\n  - {}", .0.join("\n  - "))]
    FileProblems(Vec<String>),
    #[error("S3 {operation} of s3://{bucket}/{key}: {message}")]
    S3 { operation: &'static str, bucket: String, key: String, message: String },
    #[error("{file}: {context}: {source}")]
    Db {
        file: String,
        context: &'static str,
        #[source]
        source: tokio_postgres::Error,
    },
    #[error("{file}: {rows_read} rows read but {rows_loaded} loaded and {rows_rejected} rejected; refusing to swap the table in")]
    DoesNotAddUp { file: String, rows_read: u64, rows_loaded: u64, rows_rejected: u64 },
    #[error(
        "{file}: the file has {lines} lines but the header covers {header}, loaded records {loaded}, rejects {rejected} \
         and blank lines {blank}; some line was lost or read twice, refusing to swap the table in"
    )]
    LinesDoNotAddUp { file: String, lines: u64, header: u64, loaded: u64, rejected: u64, blank: u64 },
    #[error(transparent)]
    Core(#[from] migration_core::CoreError),
}

type Result<T, E = LoadCasrecError> = std::result::Result<T, E>;

/// One CSV object and the catalogue entry it matched.
#[derive(Debug, Clone)]
struct Source {
    key: String,
    size: u64,
    etag: Option<String>,
    file: &'static CasrecFile,
}

/// The outcome for one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileLoad {
    pub file: String,
    pub table: String,
    pub rows_read: u64,
    pub rows_loaded: u64,
    pub rows_rejected: u64,
    pub rows_windows_1252: u64,
    pub blank_lines: u64,
    /// Physical lines after the header: lines_loaded + lines_rejected + blank_lines.
    pub lines_read: u64,
    /// Lines covered by loaded records (a remark with line breaks covers several).
    pub lines_loaded: u64,
    /// Lines covered by rejects.
    pub lines_rejected: u64,
    pub skipped_unchanged: bool,
    /// An optional extract the export did not have: its table is empty.
    pub missing: bool,
}

pub fn entry<'a, 'b>(ctx: &'a StepContext<'b>) -> BoxFuture<'a, std::result::Result<StepCounts, BoxError>> {
    Box::pin(async move {
        let loads = run(ctx).await?;
        let read: u64 = loads.iter().map(|l| l.rows_read).sum();
        let loaded: u64 = loads.iter().map(|l| l.rows_loaded).sum();
        let rejected: u64 = loads.iter().map(|l| l.rows_rejected).sum();
        let per_file: serde_json::Map<String, serde_json::Value> = loads
            .iter()
            .map(|l| {
                (
                    l.file.clone(),
                    serde_json::json!({
                        "rows_read": l.rows_read, "rows_loaded": l.rows_loaded, "rows_rejected": l.rows_rejected,
                        "rows_windows_1252": l.rows_windows_1252, "lines_read": l.lines_read,
                        "lines_loaded": l.lines_loaded, "lines_rejected": l.lines_rejected,
                        "blank_lines": l.blank_lines, "skipped_unchanged": l.skipped_unchanged,
                        "missing": l.missing,
                    }),
                )
            })
            .collect();
        Ok(StepCounts {
            rows_in: read,
            rows_out: loaded,
            rows_rejected: rejected,
            details: per_file.into(),
            ..Default::default()
        })
    })
}

/// Loads every file; the public entry for tests and the step.
pub async fn run(ctx: &StepContext<'_>) -> Result<Vec<FileLoad>> {
    run_with_limits(ctx, RecordLimits::default()).await
}

/// [`run`] with other limits on how far one record may run over lines.
pub async fn run_with_limits(ctx: &StepContext<'_>, limits: RecordLimits) -> Result<Vec<FileLoad>> {
    let settings = ctx.settings();
    let client = ctx.rt.s3().await;
    migration_core::s3::check(client, &settings.s3).await?;
    let (sources, absent) = discover(client, settings).await?;

    let db = ctx.rt.migration_db().await?;
    db.batch_execute(SCHEMA_SQL).await.map_err(|source| LoadCasrecError::Db {
        file: "casrec_csv".into(),
        context: "creating the casrec_csv schema, rejects and load_summary",
        source,
    })?;
    let previous = previous_loads(&db).await?;
    drop(db);

    let bar = migration_core::telemetry::progress_bar(
        sources.iter().map(|s| s.size).sum(),
        "load-casrec",
        migration_core::telemetry::Unit::Bytes,
    );
    let parallel = settings.load_casrec.parallel_files;
    let skip_unchanged = settings.load_casrec.skip_unchanged;
    let loads: Vec<FileLoad> = futures::stream::iter(sources.into_iter().map(|src| {
        let bar = bar.clone();
        let prev = previous.get(src.file.file).cloned();
        async move {
            if skip_unchanged {
                let current = current_etag(client, settings, &src).await?;
                if let Some(p) = prev.filter(|p| p.unchanged(src.size, current.as_deref())) {
                    if table_exists(ctx, src.file.table).await? {
                        tracing::info!(file = src.file.file, "unchanged since the last load; kept");
                        bar.inc(src.size);
                        return Ok(p.load);
                    }
                }
            }
            let load = load_file(ctx, client, &src, &bar, limits).await?;
            tracing::info!(
                file = %load.file, read = load.rows_read, loaded = load.rows_loaded, rejected = load.rows_rejected,
                "loaded"
            );
            Ok::<_, LoadCasrecError>(load)
        }
    }))
    .buffer_unordered(parallel)
    .try_collect()
    .await?;
    bar.finish_and_clear();
    let mut loads = loads;
    for file in absent {
        tracing::warn!(
            file = file.file,
            table = file.table,
            "an optional extract is not in the export: its table is empty, and the transform names the targets that go without it"
        );
        loads.push(load_absent(ctx, file).await?);
    }
    loads.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(loads)
}

/// Lists the CSV objects and checks each against the catalogue before anything is loaded, so
/// that a bad export fails the step as a whole with every problem named. Returns the files to
/// load and the optional extracts the export lacks.
async fn discover(client: &Client, settings: &Settings) -> Result<(Vec<Source>, Vec<&'static CasrecFile>)> {
    let s3 = &settings.s3;
    let objects = migration_core::s3::list(client, s3).await?;
    let csvs: Vec<_> = objects.into_iter().filter(|o| o.key.to_ascii_lowercase().ends_with(".csv")).collect();
    if csvs.is_empty() {
        return Err(LoadCasrecError::NoFiles { bucket: s3.bucket.clone(), prefix: s3.key("") });
    }
    let mut problems = Vec::new();
    let mut sources = Vec::new();
    for o in csvs {
        let name = o.key.rsplit('/').next().unwrap_or(&o.key).to_string();
        match casrec_catalog::by_file(&name) {
            None => problems.push(format!("{name}: not a CasRec export file this migration knows")),
            Some(file) => {
                if sources.iter().any(|s: &Source| s.file.file == file.file) {
                    problems.push(format!("{name}: more than one object loads into casrec_csv.{}", file.table));
                    continue;
                }
                sources.push(Source { key: o.key.clone(), size: o.size, etag: o.etag.clone(), file });
            }
        }
    }
    let mut absent = Vec::new();
    for f in casrec_catalog::FILES {
        if !sources.iter().any(|s| s.file.file == f.file) {
            if f.optional {
                absent.push(f);
            } else {
                problems.push(format!("{}: missing from s3://{}/{}", f.file, s3.bucket, s3.key("")));
            }
        }
    }
    for src in &sources {
        if let Some(problem) = check_header(client, settings, src).await? {
            problems.push(problem);
        }
    }
    if !problems.is_empty() {
        return Err(LoadCasrecError::FileProblems(problems));
    }
    Ok((sources, absent))
}

/// An optional extract the export lacks: its table is made empty (a table an earlier export
/// filled must not be read as this export's) and its summary says it was missing.
async fn load_absent(ctx: &StepContext<'_>, file: &'static CasrecFile) -> Result<FileLoad> {
    let db_err = |context: &'static str| {
        let file = file.file.to_string();
        move |source| LoadCasrecError::Db { file, context, source }
    };
    let mut conn = migration_core::db::connect(&ctx.settings().migration_db, Database::Migration).await?;
    let table = quote_ident(file.table);
    let mut ddl = format!(
        "DROP TABLE IF EXISTS \"casrec_csv\".{table};\n\
         CREATE TABLE \"casrec_csv\".{table} (\"casrec_row_id\" bigint NOT NULL PRIMARY KEY"
    );
    for c in file.columns {
        ddl.push_str(&format!(", {} text", quote_ident(c)));
    }
    ddl.push_str(");");
    let tx = conn.transaction().await.map_err(db_err("starting to record the missing extract"))?;
    tx.batch_execute(&ddl).await.map_err(db_err("creating the empty table of a missing extract"))?;
    tx.execute(r#"DELETE FROM "casrec_csv"."rejects" WHERE "file" = $1"#, &[&file.file])
        .await
        .map_err(db_err("clearing the rejects of a missing extract"))?;
    let zero = 0i64;
    let none: Option<String> = None;
    tx.execute(
        SUMMARY_UPSERT_SQL,
        &[
            &file.file,
            &file.table,
            &zero,
            &zero,
            &zero,
            &zero,
            &zero,
            &"",
            &none,
            &zero,
            &ctx.run_id,
            &zero,
            &zero,
            &zero,
            &true,
        ],
    )
    .await
    .map_err(db_err("recording the missing extract in the load summary"))?;
    tx.commit().await.map_err(db_err("committing the missing extract"))?;
    Ok(FileLoad { file: file.file.to_string(), table: file.table.to_string(), missing: true, ..Default::default() })
}

async fn check_header(client: &Client, settings: &Settings, src: &Source) -> Result<Option<String>> {
    if src.size == 0 {
        return Ok(Some(format!("{}: line 1: the file is empty (no header line)", src.file.file)));
    }
    let resp = client
        .get_object()
        .bucket(&settings.s3.bucket)
        .key(&src.key)
        .range(format!("bytes=0-{}", HEADER_PROBE_BYTES - 1))
        .send()
        .await
        .map_err(|e| s3_error("GetObject", settings, &src.key, error_text(&e)))?;
    let bytes =
        resp.body.collect().await.map_err(|e| s3_error("GetObject", settings, &src.key, e.to_string()))?.into_bytes();
    let header = first_record_fields(&bytes);
    let Some(header) = header else {
        return Ok(Some(format!(
            "{}: line 1: no complete header line in the first {HEADER_PROBE_BYTES} bytes",
            src.file.file
        )));
    };
    let diff = casrec_catalog::diff_header(src.file, &header);
    Ok((!diff.is_empty()).then(|| format!("{}: line 1: header differs from the catalogue: {diff}", src.file.file)))
}

/// The sanitised header of a file, from its first bytes.
fn first_record_fields(bytes: &[u8]) -> Option<Vec<String>> {
    let mut r = RecordReader::new();
    let mut header: Option<Vec<String>> = None;
    let grab = |header: &mut Option<Vec<String>>, rec: RawRecord<'_>| -> std::result::Result<(), ()> {
        if header.is_none() {
            let (fields, _) = decode_row(&rec.fields).map_err(|_| ())?;
            *header = Some(casrec_catalog::sanitise_headers(&fields));
        }
        // Stop at the first record: only the header is wanted.
        Err(())
    };
    let _ = r.push(bytes, &mut |rec| grab(&mut header, rec));
    // A file shorter than the probe may end without a newline after its header.
    if header.is_none() && (bytes.len() as i64) < HEADER_PROBE_BYTES {
        let _ = r.push(&[], &mut |rec| grab(&mut header, rec));
    }
    header
}

fn s3_error(operation: &'static str, settings: &Settings, key: &str, message: String) -> LoadCasrecError {
    LoadCasrecError::S3 { operation, bucket: settings.s3.bucket.clone(), key: key.to_string(), message }
}

#[derive(Debug, Clone)]
struct PreviousLoad {
    load: FileLoad,
    etag: Option<String>,
    size: u64,
}

impl PreviousLoad {
    fn unchanged(&self, size: u64, etag: Option<&str>) -> bool {
        self.size == size && etag.is_some() && self.etag.as_deref() == etag
    }
}

/// The object's ETag as S3 reports it now (listings do not always carry one).
async fn current_etag(client: &Client, settings: &Settings, src: &Source) -> Result<Option<String>> {
    let head = client
        .head_object()
        .bucket(&settings.s3.bucket)
        .key(&src.key)
        .send()
        .await
        .map_err(|e| s3_error("HeadObject", settings, &src.key, error_text(&e)))?;
    Ok(head.e_tag().map(str::to_string).or_else(|| src.etag.clone()))
}

async fn previous_loads(db: &tokio_postgres::Client) -> Result<BTreeMap<String, PreviousLoad>> {
    let rows = db
        .query(
            r#"SELECT "file", "table_name", "rows_read", "rows_loaded", "rows_rejected", "rows_windows_1252", "blank_lines", "etag", "size_bytes",
                      "lines_read", "lines_loaded", "lines_rejected"
                 FROM "casrec_csv"."load_summary""#,
            &[],
        )
        .await
        .map_err(|source| LoadCasrecError::Db { file: "load_summary".into(), context: "reading the last loads", source })?;
    Ok(rows
        .iter()
        .map(|r| {
            let file: String = r.get(0);
            let load = FileLoad {
                file: file.clone(),
                table: r.get(1),
                rows_read: r.get::<_, i64>(2) as u64,
                rows_loaded: r.get::<_, i64>(3) as u64,
                rows_rejected: r.get::<_, i64>(4) as u64,
                rows_windows_1252: r.get::<_, i64>(5) as u64,
                blank_lines: r.get::<_, i64>(6) as u64,
                // Summaries written before lines were counted have none.
                lines_read: r.get::<_, Option<i64>>(9).unwrap_or(0) as u64,
                lines_loaded: r.get::<_, Option<i64>>(10).unwrap_or(0) as u64,
                lines_rejected: r.get::<_, Option<i64>>(11).unwrap_or(0) as u64,
                skipped_unchanged: true,
                missing: false,
            };
            (file, PreviousLoad { load, etag: r.get(7), size: r.get::<_, i64>(8) as u64 })
        })
        .collect())
}

async fn table_exists(ctx: &StepContext<'_>, table: &str) -> Result<bool> {
    let db = ctx.rt.migration_db().await?;
    let row = db
        .query_one("SELECT to_regclass($1) IS NOT NULL", &[&format!("\"casrec_csv\".{}", quote_ident(table))])
        .await
        .map_err(|source| LoadCasrecError::Db {
            file: table.to_string(),
            context: "looking for the loaded table",
            source,
        })?;
    Ok(row.get(0))
}

/// A reject waiting to be written.
struct Reject {
    line: u64,
    last_line: u64,
    reason: String,
    raw: Vec<u8>,
}

/// Counts and buffers while one file streams through.
struct FileState<'f> {
    file: &'f CasrecFile,
    columns: usize,
    header_seen: bool,
    header_problem: Option<String>,
    rows: RowEncoder,
    rejects: Vec<Reject>,
    read: u64,
    loaded: u64,
    rejected: u64,
    windows_1252: u64,
    header_lines: u64,
    lines_loaded: u64,
    lines_rejected: u64,
}

impl FileState<'_> {
    fn record(&mut self, rec: RawRecord<'_>) {
        if !self.header_seen {
            self.header_seen = true;
            self.header_lines = rec.lines();
            let header = decode_row(&rec.fields).map(|(f, _)| casrec_catalog::sanitise_headers(&f)).unwrap_or_default();
            let diff = casrec_catalog::diff_header(self.file, &header);
            if !diff.is_empty() {
                self.header_problem =
                    Some(format!("{}: line 1: header differs from the catalogue: {diff}", self.file.file));
            }
            return;
        }
        self.read += 1;
        let reason = match &rec.problem {
            Some(problem) => Some(self.structural_reason(problem)),
            None => match decode_row(&rec.fields) {
                Ok((values, enc)) => {
                    self.rows.begin_row(self.columns as i16 + 1);
                    self.rows.int8(rec.line as i64);
                    for v in &values {
                        self.rows.bytes(v.as_bytes());
                    }
                    self.loaded += 1;
                    self.lines_loaded += rec.lines();
                    if enc == Encoding::Windows1252 {
                        self.windows_1252 += 1;
                    }
                    None
                }
                Err(DecodeError::Undecodable { field, byte, offset }) => Some(format!(
                    "column {:?}: byte 0x{byte:02X} at offset {offset} is neither UTF-8 nor Windows-1252",
                    self.file.columns[field]
                )),
                Err(DecodeError::Nul { field }) => Some(format!(
                    "column {:?}: contains a NUL byte, which PostgreSQL text cannot hold",
                    self.file.columns[field]
                )),
            },
        };
        if let Some(reason) = reason {
            self.rejected += 1;
            self.lines_rejected += rec.lines();
            self.rejects.push(Reject { line: rec.line, last_line: rec.last_line, reason, raw: rec.raw.to_vec() });
        }
    }

    fn column_name(&self, field: usize) -> String {
        match self.file.columns.get(field) {
            Some(c) => format!("{c:?}"),
            None => format!("{} (past the header's {})", field + 1, self.columns),
        }
    }

    fn structural_reason(&self, problem: &Problem) -> String {
        const AGAIN: &str = "the lines after this one were read again on their own";
        match problem {
            Problem::FieldCount { expected, found } => format!("expected {expected} fields, found {found}"),
            Problem::UnclosedQuote { field, then } => {
                let column = self.column_name(*field);
                let what = match then {
                    Runaway::FileEnds => {
                        return format!(
                            "unterminated quote: the file ends inside the quoted field that column {column} opens on this line"
                        )
                    }
                    Runaway::WrongFieldCount { last_line, found } => format!(
                        "read on, the record would end on line {last_line} with {found} fields instead of {}",
                        self.columns
                    ),
                    Runaway::ClosedByAnotherField { last_line } => format!(
                        "read on, it would be closed on line {last_line} by a quote that opens another field"
                    ),
                    Runaway::Nul { last_line } => format!("read on, the record would hold a NUL byte by line {last_line}"),
                    Runaway::TooLong { lines, bytes } => {
                        format!("read on, it was still open after {lines} lines ({bytes} bytes), past the limit")
                    }
                };
                format!("column {column}: a quote opens the field and is not closed on this line; {what}; {AGAIN}")
            }
        }
    }
}

fn feed(reader: &mut RecordReader, state: &mut FileState<'_>, chunk: &[u8]) {
    let _ = reader.push(chunk, &mut |rec: RawRecord<'_>| -> std::result::Result<(), std::convert::Infallible> {
        state.record(rec);
        Ok(())
    });
}

fn loading_name(table: &str) -> String {
    format!("{table}__loading")
}

fn rejects_name(table: &str) -> String {
    format!("{table}__rejects")
}

/// Physical lines in a stream of bytes, counted from the bytes alone (not by the reader), so
/// that the lines the records cover can be checked against them.
#[derive(Default)]
struct LineCount {
    newlines: u64,
    ends_open: bool,
}

impl LineCount {
    fn update(&mut self, chunk: &[u8]) {
        self.newlines += chunk.iter().filter(|b| **b == b'\n').count() as u64;
        if let Some(last) = chunk.last() {
            self.ends_open = *last != b'\n';
        }
    }

    fn lines(&self) -> u64 {
        self.newlines + u64::from(self.ends_open)
    }
}

/// Where every physical line of a file went.
#[derive(Debug, Clone, Copy)]
struct LineAccount {
    /// From the bytes.
    lines: u64,
    /// From the records.
    header: u64,
    loaded: u64,
    rejected: u64,
    blank: u64,
}

impl LineAccount {
    /// The lines after the header, once every line is accounted for exactly once.
    fn lines_read(self, file: &str) -> Result<u64> {
        let LineAccount { lines, header, loaded, rejected, blank } = self;
        if lines != header + loaded + rejected + blank {
            return Err(LoadCasrecError::LinesDoNotAddUp {
                file: file.to_string(),
                lines,
                header,
                loaded,
                rejected,
                blank,
            });
        }
        Ok(lines - header)
    }
}

async fn load_file(
    ctx: &StepContext<'_>,
    client: &Client,
    src: &Source,
    bar: &indicatif::ProgressBar,
    limits: RecordLimits,
) -> Result<FileLoad> {
    let settings = ctx.settings();
    let file = src.file;
    let db_err = |context: &'static str| {
        let file = file.file.to_string();
        move |source| LoadCasrecError::Db { file, context, source }
    };
    let mut conn = migration_core::db::connect(&settings.migration_db, Database::Migration).await?;
    let rejects_conn = migration_core::db::connect(&settings.migration_db, Database::Migration).await?;
    let loading = quote_ident(&loading_name(file.table));
    let rejects_table = quote_ident(&rejects_name(file.table));
    let mut ddl = format!(
        "DROP TABLE IF EXISTS \"casrec_csv\".{loading}; DROP TABLE IF EXISTS \"casrec_csv\".{rejects_table};\n\
         CREATE TABLE \"casrec_csv\".{loading} (\"casrec_row_id\" bigint NOT NULL"
    );
    for c in file.columns {
        ddl.push_str(&format!(", {} text", quote_ident(c)));
    }
    ddl.push_str(&format!(
        ");\nCREATE TABLE \"casrec_csv\".{rejects_table} (\"file\" text NOT NULL, \"line\" bigint NOT NULL, \
         \"last_line\" bigint NOT NULL, \"reason\" text NOT NULL, \"raw_bytes\" bytea NOT NULL, \"run_id\" bigint);"
    ));
    conn.batch_execute(&ddl).await.map_err(db_err("creating the loading table"))?;

    let columns = std::iter::once(quote_ident("casrec_row_id"))
        .chain(file.columns.iter().map(|c| quote_ident(c)))
        .collect::<Vec<_>>()
        .join(", ");
    let sink = conn
        .copy_in::<_, bytes::Bytes>(&format!("COPY \"casrec_csv\".{loading} ({columns}) FROM STDIN (FORMAT binary)"))
        .await
        .map_err(db_err("starting COPY"))?;
    futures::pin_mut!(sink);

    let resp = client
        .get_object()
        .bucket(&settings.s3.bucket)
        .key(&src.key)
        .send()
        .await
        .map_err(|e| s3_error("GetObject", settings, &src.key, error_text(&e)))?;
    let etag = resp.e_tag().map(str::to_string).or_else(|| src.etag.clone());
    let mut body = resp.body;
    let mut state = FileState {
        file,
        columns: file.columns.len(),
        header_seen: false,
        header_problem: None,
        rows: RowEncoder::new(),
        rejects: Vec::new(),
        read: 0,
        loaded: 0,
        rejected: 0,
        windows_1252: 0,
        header_lines: 0,
        lines_loaded: 0,
        lines_rejected: 0,
    };
    let mut reader = RecordReader::with_width(file.columns.len(), limits);
    let mut line_count = LineCount::default();
    let mut sha = Sha256::new();
    let mut size = 0u64;
    loop {
        let chunk = body.try_next().await.map_err(|e| s3_error("GetObject", settings, &src.key, e.to_string()))?;
        let Some(chunk) = chunk else { break };
        sha.update(&chunk);
        line_count.update(&chunk);
        size += chunk.len() as u64;
        bar.inc(chunk.len() as u64);
        feed(&mut reader, &mut state, &chunk);
        if state.rows.buf.len() >= FLUSH_BYTES {
            sink.send(state.rows.take()).await.map_err(db_err("COPY"))?;
        }
        if state.rejects.len() >= REJECT_FLUSH_ROWS {
            write_rejects(&rejects_conn, file, &rejects_table, ctx.run_id, &mut state.rejects).await?;
        }
    }
    feed(&mut reader, &mut state, &[]);
    if let Some(problem) = state.header_problem.take() {
        return Err(LoadCasrecError::FileProblems(vec![problem]));
    }
    let rows = std::mem::take(&mut state.rows);
    let mut tail = BytesMut::from(&rows.finish()[..]);
    if !state.header_seen {
        // An empty object has no header for COPY's sake either; the header check reports it.
        tail.clear();
        migration_core::pgcopy::write_header(&mut tail);
        migration_core::pgcopy::write_trailer(&mut tail);
    }
    sink.send(tail.freeze()).await.map_err(db_err("COPY"))?;
    let copied = sink.finish().await.map_err(db_err("finishing COPY"))?;
    write_rejects(&rejects_conn, file, &rejects_table, ctx.run_id, &mut state.rejects).await?;
    drop(rejects_conn);

    if copied != state.loaded || state.read != state.loaded + state.rejected {
        return Err(LoadCasrecError::DoesNotAddUp {
            file: file.file.to_string(),
            rows_read: state.read,
            rows_loaded: copied,
            rows_rejected: state.rejected,
        });
    }
    let blank = reader.blank_lines();
    let lines_read = LineAccount {
        lines: line_count.lines(),
        header: state.header_lines,
        loaded: state.lines_loaded,
        rejected: state.lines_rejected,
        blank,
    }
    .lines_read(file.file)?;
    if reader.resyncs() > 0 {
        tracing::warn!(
            file = file.file,
            records = reader.resyncs(),
            "records that failed across several lines were read again line by line"
        );
    }

    let table = quote_ident(file.table);
    let loading_pkey = quote_ident(&format!("{}__loading_pkey", file.table));
    conn.batch_execute(&format!(
        "ALTER TABLE \"casrec_csv\".{loading} ADD CONSTRAINT {loading_pkey} PRIMARY KEY (\"casrec_row_id\")"
    ))
    .await
    .map_err(db_err("indexing casrec_row_id"))?;
    // Statistics before anyone joins the table: without them PostgreSQL guesses a handful of
    // rows and nests loops over a large export (validation's counts took minutes at 100,000
    // clients instead of under a second). A smaller sample than the server's default (7,500
    // rows instead of 30,000): the joins need the row count and a rough count of distinct keys,
    // and sampling every text column of these wide tables took as long as loading them (pat:
    // 1.4 s against 0.24 s; 12.7 of the step's 24 s of statements at 100,000 clients).
    conn.batch_execute(&format!(
        "SET default_statistics_target = {STATISTICS_TARGET}; ANALYZE \"casrec_csv\".{loading}"
    ))
    .await
    .map_err(db_err("analysing the loaded table"))?;
    let swap = SWAP_SQL
        .replace("{table}", &table)
        .replace("{loading}", &loading)
        .replace("{loading_pkey}", &loading_pkey)
        .replace("{pkey}", &quote_ident(&format!("{}_pkey", file.table)))
        .replace("{rejects}", &rejects_table)
        .replace("{file}", &format!("'{}'", file.file.replace('\'', "''")));
    let tx = conn.transaction().await.map_err(db_err("starting the swap"))?;
    tx.batch_execute(&swap).await.map_err(db_err("swapping the loaded table in"))?;
    tx.execute(
        SUMMARY_UPSERT_SQL,
        &[
            &file.file,
            &file.table,
            &(state.read as i64),
            &(state.loaded as i64),
            &(state.rejected as i64),
            &(state.windows_1252 as i64),
            &(blank as i64),
            &hex::encode(sha.finalize()),
            &etag,
            &(size as i64),
            &ctx.run_id,
            &(lines_read as i64),
            &(state.lines_loaded as i64),
            &(state.lines_rejected as i64),
            &false,
        ],
    )
    .await
    .map_err(db_err("recording the load summary"))?;
    tx.commit().await.map_err(db_err("committing the swap"))?;

    Ok(FileLoad {
        file: file.file.to_string(),
        table: file.table.to_string(),
        rows_read: state.read,
        rows_loaded: state.loaded,
        rows_rejected: state.rejected,
        rows_windows_1252: state.windows_1252,
        blank_lines: blank,
        lines_read,
        lines_loaded: state.lines_loaded,
        lines_rejected: state.lines_rejected,
        skipped_unchanged: false,
        missing: false,
    })
}

async fn write_rejects(
    conn: &tokio_postgres::Client,
    file: &CasrecFile,
    table: &str,
    run_id: RunId,
    rejects: &mut Vec<Reject>,
) -> Result<()> {
    if rejects.is_empty() {
        return Ok(());
    }
    let mut enc = RowEncoder::new();
    for r in rejects.drain(..) {
        enc.begin_row(6);
        enc.bytes(file.file.as_bytes());
        enc.int8(r.line as i64);
        enc.int8(r.last_line as i64);
        enc.bytes(r.reason.as_bytes());
        enc.bytes(&r.raw);
        enc.int8(run_id);
    }
    let into =
        format!("\"casrec_csv\".{table} (\"file\", \"line\", \"last_line\", \"reason\", \"raw_bytes\", \"run_id\")");
    migration_core::pgcopy::copy_rows(conn, &into, enc).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_counted_from_the_bytes_across_chunks() {
        for (bytes, want) in [(&b""[..], 0), (b"a\n", 1), (b"a\r\nb", 2), (b"a\n\n", 2), (b"a\"\nb\"\n", 2)] {
            for chunk in [1, 2, 100] {
                let mut c = LineCount::default();
                for part in bytes.chunks(chunk) {
                    c.update(part);
                }
                assert_eq!(c.lines(), want, "{:?} in chunks of {chunk}", String::from_utf8_lossy(bytes));
            }
        }
    }

    #[test]
    fn a_line_lost_or_read_twice_fails_naming_the_file_and_the_figures() {
        let ok = LineAccount { lines: 10, header: 1, loaded: 6, rejected: 2, blank: 1 };
        assert_eq!(ok.lines_read("pat.csv").unwrap(), 9);
        for bad in [LineAccount { loaded: 5, ..ok }, LineAccount { rejected: 3, ..ok }] {
            let err = bad.lines_read("pat.csv").unwrap_err().to_string();
            assert!(err.starts_with("pat.csv: the file has 10 lines"), "{err}");
            assert!(err.contains(&format!("loaded records {}, rejects {}", bad.loaded, bad.rejected)), "{err}");
            assert!(err.contains("refusing to swap the table in"), "{err}");
        }
    }
}
