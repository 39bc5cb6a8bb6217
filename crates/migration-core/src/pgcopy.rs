//! PostgreSQL's binary COPY format, both ways, for bulk data:
//! - [`RowEncoder`] writes rows field by field (the CSV loader's text columns);
//! - [`encode_batch`] writes Arrow record batches for `COPY … FROM STDIN (FORMAT binary)`;
//! - [`Decoder`] turns `COPY … TO STDOUT (FORMAT binary)` bytes back into Arrow batches;
//! - [`CopyWriter`] sends what is written to `COPY … FROM STDIN` in frames of [`FRAME_BYTES`]
//!   as it is produced, so no write holds or sends a whole table at once.
//!
//! tokio-postgres carries the bytes; this module only frames them, because its row-at-a-time
//! `ToSql` path costs a dynamic call per value where the format needs a length and the bytes.

use std::sync::Arc;

use arrow::array::{
    Array, ArrayRef, BinaryArray, BinaryBuilder, BooleanArray, BooleanBuilder, Date32Array, Date32Builder,
    Decimal128Array, Float32Array, Float32Builder, Float64Array, Float64Builder, Int16Array, Int16Builder, Int32Array,
    Int32Builder, Int64Array, Int64Builder, LargeStringArray, StringArray, StringBuilder, StringViewArray,
    TimestampMicrosecondBuilder,
};
use arrow::datatypes::{DataType, Field, Schema, SchemaRef, TimeUnit};
use arrow::record_batch::RecordBatch;
use bytes::{Buf, BufMut, Bytes, BytesMut};
use futures::{SinkExt, StreamExt};
use postgres_types::Type;

use crate::db::quote_ident;
use crate::error::{CoreError, Result};

const SIGNATURE: &[u8] = b"PGCOPY\n\xff\r\n\0";
/// Days and microseconds between 1970-01-01 (Arrow's epoch) and 2000-01-01 (PostgreSQL's).
const PG_EPOCH_DAYS: i32 = 10_957;
const PG_EPOCH_MICROS: i64 = 946_684_800_000_000;

/// Writes the binary COPY header.
pub fn write_header(buf: &mut BytesMut) {
    buf.put_slice(SIGNATURE);
    buf.put_i32(0); // flags
    buf.put_i32(0); // header extension length
}

/// Writes the end-of-data marker.
pub fn write_trailer(buf: &mut BytesMut) {
    buf.put_i16(-1);
}

/// Builds binary COPY rows one field at a time.
#[derive(Debug, Default)]
pub struct RowEncoder {
    pub buf: BytesMut,
}

impl RowEncoder {
    pub fn new() -> Self {
        let mut buf = BytesMut::with_capacity(1 << 20);
        write_header(&mut buf);
        RowEncoder { buf }
    }

    pub fn begin_row(&mut self, fields: i16) {
        self.buf.put_i16(fields);
    }

    pub fn null(&mut self) {
        self.buf.put_i32(-1);
    }

    pub fn bytes(&mut self, v: &[u8]) {
        self.buf.put_i32(v.len() as i32);
        self.buf.put_slice(v);
    }

    pub fn opt_bytes(&mut self, v: Option<&[u8]>) {
        match v {
            Some(v) => self.bytes(v),
            None => self.null(),
        }
    }

    pub fn int8(&mut self, v: i64) {
        self.buf.put_i32(8);
        self.buf.put_i64(v);
    }

    pub fn int4(&mut self, v: i32) {
        self.buf.put_i32(4);
        self.buf.put_i32(v);
    }

    /// Takes the bytes written so far, leaving the encoder ready for more rows.
    pub fn take(&mut self) -> Bytes {
        self.buf.split().freeze()
    }

    pub fn finish(mut self) -> Bytes {
        write_trailer(&mut self.buf);
        self.buf.freeze()
    }
}

/// Appends every row of an Arrow batch in binary COPY form (no header or trailer).
pub fn encode_batch(batch: &RecordBatch, table: &str, buf: &mut BytesMut) -> Result<()> {
    let cols = batch.columns();
    let fields = batch.schema();
    for (col, field) in cols.iter().zip(fields.fields()) {
        check_encodable(col.data_type()).map_err(|type_name| CoreError::UnsupportedType {
            table: table.to_string(),
            column: field.name().clone(),
            type_name,
        })?;
    }
    for row in 0..batch.num_rows() {
        buf.put_i16(cols.len() as i16);
        for col in cols {
            encode_value(col.as_ref(), row, buf);
        }
    }
    Ok(())
}

fn check_encodable(t: &DataType) -> std::result::Result<(), String> {
    match t {
        DataType::Utf8
        | DataType::LargeUtf8
        | DataType::Utf8View
        | DataType::Boolean
        | DataType::Int16
        | DataType::Int32
        | DataType::Int64
        | DataType::Float32
        | DataType::Float64
        | DataType::Date32
        | DataType::Timestamp(_, _)
        | DataType::Decimal128(_, _)
        | DataType::Binary
        | DataType::Null => Ok(()),
        other => Err(other.to_string()),
    }
}

fn encode_value(col: &dyn Array, row: usize, buf: &mut BytesMut) {
    if col.is_null(row) {
        buf.put_i32(-1);
        return;
    }
    let any = col.as_any();
    macro_rules! fixed {
        ($arr:ty, $len:expr, $put:ident) => {{
            let a = any.downcast_ref::<$arr>().expect("type checked");
            buf.put_i32($len);
            buf.$put(a.value(row));
        }};
    }
    match col.data_type() {
        DataType::Utf8 => put_var(buf, any.downcast_ref::<StringArray>().expect("type checked").value(row).as_bytes()),
        DataType::LargeUtf8 => {
            put_var(buf, any.downcast_ref::<LargeStringArray>().expect("type checked").value(row).as_bytes())
        }
        DataType::Utf8View => {
            put_var(buf, any.downcast_ref::<StringViewArray>().expect("type checked").value(row).as_bytes())
        }
        DataType::Binary => put_var(buf, any.downcast_ref::<BinaryArray>().expect("type checked").value(row)),
        DataType::Boolean => {
            let a = any.downcast_ref::<BooleanArray>().expect("type checked");
            buf.put_i32(1);
            buf.put_u8(a.value(row) as u8);
        }
        DataType::Int16 => fixed!(Int16Array, 2, put_i16),
        DataType::Int32 => fixed!(Int32Array, 4, put_i32),
        DataType::Int64 => fixed!(Int64Array, 8, put_i64),
        DataType::Float32 => fixed!(Float32Array, 4, put_f32),
        DataType::Float64 => fixed!(Float64Array, 8, put_f64),
        DataType::Date32 => {
            let a = any.downcast_ref::<Date32Array>().expect("type checked");
            buf.put_i32(4);
            buf.put_i32(a.value(row) - PG_EPOCH_DAYS);
        }
        DataType::Timestamp(unit, _) => {
            use arrow::array::AsArray;
            use arrow::datatypes::{
                TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType, TimestampSecondType,
            };
            let micros = match unit {
                TimeUnit::Second => col.as_primitive::<TimestampSecondType>().value(row) * 1_000_000,
                TimeUnit::Millisecond => col.as_primitive::<TimestampMillisecondType>().value(row) * 1_000,
                TimeUnit::Microsecond => col.as_primitive::<TimestampMicrosecondType>().value(row),
                TimeUnit::Nanosecond => col.as_primitive::<TimestampNanosecondType>().value(row) / 1_000,
            };
            buf.put_i32(8);
            buf.put_i64(micros - PG_EPOCH_MICROS);
        }
        DataType::Decimal128(_, scale) => {
            let a = any.downcast_ref::<Decimal128Array>().expect("type checked");
            let text = decimal_text(a.value(row), *scale);
            let enc = numeric_from_text(&text).expect("a decimal's own text is a valid numeric");
            put_var(buf, &enc);
        }
        DataType::Null => buf.put_i32(-1),
        _ => unreachable!("checked by check_encodable"),
    }
}

fn put_var(buf: &mut BytesMut, v: &[u8]) {
    buf.put_i32(v.len() as i32);
    buf.put_slice(v);
}

fn decimal_text(v: i128, scale: i8) -> String {
    if scale <= 0 {
        return format!("{}{}", v, "0".repeat((-scale) as usize));
    }
    let neg = v < 0;
    let digits = v.unsigned_abs().to_string();
    let scale = scale as usize;
    let padded =
        if digits.len() <= scale { format!("{}{}", "0".repeat(scale - digits.len() + 1), digits) } else { digits };
    let (int, frac) = padded.split_at(padded.len() - scale);
    format!("{}{int}.{frac}", if neg { "-" } else { "" })
}

/// Encodes a decimal string (`-123.4500`) as PostgreSQL's binary numeric.
pub fn numeric_from_text(s: &str) -> Option<Vec<u8>> {
    let s = s.trim();
    let (neg, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if int.is_empty() && frac.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let dscale = frac.len() as u16;
    let int = int.trim_start_matches('0');
    // Pad the integer part on the left and the fraction on the right to whole base-10000 groups.
    let int_pad = (4 - int.len() % 4) % 4;
    let int_digits = format!("{}{int}", "0".repeat(int_pad));
    let frac_pad = (4 - frac.len() % 4) % 4;
    let frac_digits = format!("{frac}{}", "0".repeat(frac_pad));
    let mut groups: Vec<i16> = int_digits
        .as_bytes()
        .chunks(4)
        .chain(frac_digits.as_bytes().chunks(4))
        .map(|c| std::str::from_utf8(c).expect("ascii").parse::<i16>().expect("four digits"))
        .collect();
    let mut weight = (int_digits.len() / 4) as i16 - 1;
    while groups.first() == Some(&0) {
        groups.remove(0);
        weight -= 1;
    }
    while groups.last() == Some(&0) {
        groups.pop();
    }
    if groups.is_empty() {
        weight = 0;
    }
    let mut out = Vec::with_capacity(8 + groups.len() * 2);
    out.extend_from_slice(&(groups.len() as i16).to_be_bytes());
    out.extend_from_slice(&weight.to_be_bytes());
    out.extend_from_slice(&(if neg && !groups.is_empty() { 0x4000u16 } else { 0 }).to_be_bytes());
    out.extend_from_slice(&dscale.to_be_bytes());
    for g in groups {
        out.extend_from_slice(&g.to_be_bytes());
    }
    Some(out)
}

/// Decodes PostgreSQL's binary numeric into its text form with the value's own scale.
pub fn numeric_to_text(mut b: &[u8]) -> Option<String> {
    if b.len() < 8 {
        return None;
    }
    let ndigits = b.get_i16() as usize;
    let weight = b.get_i16() as i32;
    let sign = b.get_u16();
    let dscale = b.get_u16() as usize;
    if sign == 0xC000 {
        return Some("NaN".into());
    }
    if b.len() < ndigits * 2 {
        return None;
    }
    let groups: Vec<i16> = (0..ndigits).map(|_| b.get_i16()).collect();
    let mut int = String::new();
    for w in 0..=weight.max(-1) {
        let g = groups.get(w as usize).copied().unwrap_or(0);
        if int.is_empty() {
            int = g.to_string();
        } else {
            int.push_str(&format!("{g:04}"));
        }
    }
    if int.is_empty() {
        int.push('0');
    }
    let mut frac = String::new();
    let mut w = weight + 1;
    while frac.len() < dscale {
        let g = if w < 0 { 0 } else { groups.get(w as usize).copied().unwrap_or(0) };
        frac.push_str(&format!("{g:04}"));
        w += 1;
    }
    frac.truncate(dscale);
    let neg = sign == 0x4000;
    Some(match (neg, frac.is_empty()) {
        (true, true) => format!("-{int}"),
        (true, false) => format!("-{int}.{frac}"),
        (false, true) => int,
        (false, false) => format!("{int}.{frac}"),
    })
}

/// The Arrow type a PostgreSQL column is read into.
pub fn arrow_type_for(t: &Type) -> Option<DataType> {
    Some(match *t {
        Type::TEXT
        | Type::VARCHAR
        | Type::BPCHAR
        | Type::NAME
        | Type::NUMERIC
        | Type::UUID
        | Type::JSON
        | Type::JSONB => DataType::Utf8,
        Type::BOOL => DataType::Boolean,
        Type::INT2 => DataType::Int16,
        Type::INT4 => DataType::Int32,
        Type::INT8 => DataType::Int64,
        Type::FLOAT4 => DataType::Float32,
        Type::FLOAT8 => DataType::Float64,
        Type::DATE => DataType::Date32,
        Type::TIMESTAMP => DataType::Timestamp(TimeUnit::Microsecond, None),
        Type::TIMESTAMPTZ => DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
        Type::BYTEA => DataType::Binary,
        _ => return None,
    })
}

enum ColBuilder {
    Text(StringBuilder, Type),
    Bool(BooleanBuilder),
    I16(Int16Builder),
    I32(Int32Builder),
    I64(Int64Builder),
    F32(Float32Builder),
    F64(Float64Builder),
    Date(Date32Builder),
    Ts(TimestampMicrosecondBuilder, Option<Arc<str>>),
    Bin(BinaryBuilder),
}

impl ColBuilder {
    fn new(pg: &Type, arrow: &DataType) -> Self {
        match arrow {
            DataType::Utf8 => ColBuilder::Text(StringBuilder::new(), pg.clone()),
            DataType::Boolean => ColBuilder::Bool(BooleanBuilder::new()),
            DataType::Int16 => ColBuilder::I16(Int16Builder::new()),
            DataType::Int32 => ColBuilder::I32(Int32Builder::new()),
            DataType::Int64 => ColBuilder::I64(Int64Builder::new()),
            DataType::Float32 => ColBuilder::F32(Float32Builder::new()),
            DataType::Float64 => ColBuilder::F64(Float64Builder::new()),
            DataType::Date32 => ColBuilder::Date(Date32Builder::new()),
            DataType::Timestamp(_, tz) => ColBuilder::Ts(TimestampMicrosecondBuilder::new(), tz.clone()),
            DataType::Binary => ColBuilder::Bin(BinaryBuilder::new()),
            other => unreachable!("arrow_type_for never yields {other}"),
        }
    }

    fn append_null(&mut self) {
        match self {
            ColBuilder::Text(b, _) => b.append_null(),
            ColBuilder::Bool(b) => b.append_null(),
            ColBuilder::I16(b) => b.append_null(),
            ColBuilder::I32(b) => b.append_null(),
            ColBuilder::I64(b) => b.append_null(),
            ColBuilder::F32(b) => b.append_null(),
            ColBuilder::F64(b) => b.append_null(),
            ColBuilder::Date(b) => b.append_null(),
            ColBuilder::Ts(b, _) => b.append_null(),
            ColBuilder::Bin(b) => b.append_null(),
        }
    }

    fn append(&mut self, mut v: &[u8]) -> std::result::Result<(), String> {
        let want = |n: usize, v: &[u8]| {
            if v.len() == n {
                Ok(())
            } else {
                Err(format!("expected {n} bytes, got {}", v.len()))
            }
        };
        match self {
            ColBuilder::Text(b, t) => {
                if *t == Type::NUMERIC {
                    b.append_value(numeric_to_text(v).ok_or("malformed numeric")?);
                } else if *t == Type::UUID {
                    want(16, v)?;
                    b.append_value(uuid::Uuid::from_slice(v).map_err(|e| e.to_string())?.to_string());
                } else {
                    let v = if *t == Type::JSONB { v.get(1..).ok_or("empty jsonb")? } else { v };
                    b.append_value(std::str::from_utf8(v).map_err(|e| e.to_string())?);
                }
            }
            ColBuilder::Bool(b) => {
                want(1, v)?;
                b.append_value(v[0] != 0)
            }
            ColBuilder::I16(b) => {
                want(2, v)?;
                b.append_value(v.get_i16())
            }
            ColBuilder::I32(b) => {
                want(4, v)?;
                b.append_value(v.get_i32())
            }
            ColBuilder::I64(b) => {
                want(8, v)?;
                b.append_value(v.get_i64())
            }
            ColBuilder::F32(b) => {
                want(4, v)?;
                b.append_value(v.get_f32())
            }
            ColBuilder::F64(b) => {
                want(8, v)?;
                b.append_value(v.get_f64())
            }
            ColBuilder::Date(b) => {
                want(4, v)?;
                b.append_value(v.get_i32() + PG_EPOCH_DAYS)
            }
            ColBuilder::Ts(b, _) => {
                want(8, v)?;
                b.append_value(v.get_i64() + PG_EPOCH_MICROS)
            }
            ColBuilder::Bin(b) => b.append_value(v),
        }
        Ok(())
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            ColBuilder::Text(b, _) => Arc::new(b.finish()),
            ColBuilder::Bool(b) => Arc::new(b.finish()),
            ColBuilder::I16(b) => Arc::new(b.finish()),
            ColBuilder::I32(b) => Arc::new(b.finish()),
            ColBuilder::I64(b) => Arc::new(b.finish()),
            ColBuilder::F32(b) => Arc::new(b.finish()),
            ColBuilder::F64(b) => Arc::new(b.finish()),
            ColBuilder::Date(b) => Arc::new(b.finish()),
            ColBuilder::Ts(b, tz) => Arc::new(b.finish().with_timezone_opt(tz.clone())),
            ColBuilder::Bin(b) => Arc::new(b.finish()),
        }
    }
}

/// Incremental decoder of a binary COPY stream into Arrow batches of at most `batch_rows` rows.
pub struct Decoder {
    schema: SchemaRef,
    builders: Vec<ColBuilder>,
    pending: BytesMut,
    header_seen: bool,
    done: bool,
    rows: usize,
    batch_rows: usize,
    source: String,
}

impl Decoder {
    /// `columns` are the result columns' names and PostgreSQL types.
    pub fn new(source: &str, columns: &[(String, Type)], batch_rows: usize) -> Result<Self> {
        let mut fields = Vec::with_capacity(columns.len());
        let mut builders = Vec::with_capacity(columns.len());
        for (name, t) in columns {
            let dt = arrow_type_for(t).ok_or_else(|| CoreError::UnsupportedType {
                table: source.to_string(),
                column: name.clone(),
                type_name: t.name().to_string(),
            })?;
            builders.push(ColBuilder::new(t, &dt));
            fields.push(Field::new(name, dt, true));
        }
        Ok(Decoder {
            schema: Arc::new(Schema::new(fields)),
            builders,
            pending: BytesMut::new(),
            header_seen: false,
            done: false,
            rows: 0,
            batch_rows: batch_rows.max(1),
            source: source.to_string(),
        })
    }

    pub fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    fn err(&self, message: impl Into<String>) -> CoreError {
        CoreError::Copy { table: self.source.clone(), message: message.into() }
    }

    /// Feeds bytes; returns the batches that became complete.
    pub fn push(&mut self, chunk: &[u8]) -> Result<Vec<RecordBatch>> {
        self.pending.extend_from_slice(chunk);
        let mut out = Vec::new();
        if !self.header_seen {
            if self.pending.len() < SIGNATURE.len() + 8 {
                return Ok(out);
            }
            if &self.pending[..SIGNATURE.len()] != SIGNATURE {
                return Err(self.err("stream does not start with the binary COPY signature"));
            }
            let ext =
                i32::from_be_bytes(self.pending[SIGNATURE.len() + 4..SIGNATURE.len() + 8].try_into().expect("4 bytes"));
            let skip = SIGNATURE.len() + 8 + ext.max(0) as usize;
            if self.pending.len() < skip {
                return Ok(out);
            }
            self.pending.advance(skip);
            self.header_seen = true;
        }
        while !self.done {
            match self.try_row()? {
                RowParse::NeedMore => break,
                RowParse::Trailer => self.done = true,
                RowParse::Row => {
                    self.rows += 1;
                    if self.rows == self.batch_rows {
                        out.push(self.flush()?);
                    }
                }
            }
        }
        Ok(out)
    }

    fn try_row(&mut self) -> Result<RowParse> {
        let buf = &self.pending[..];
        if buf.len() < 2 {
            return Ok(RowParse::NeedMore);
        }
        let n = i16::from_be_bytes([buf[0], buf[1]]);
        if n == -1 {
            self.pending.advance(2);
            return Ok(RowParse::Trailer);
        }
        if n as usize != self.builders.len() {
            return Err(self.err(format!("row has {n} fields, expected {}", self.builders.len())));
        }
        // Find the whole row before appending anything, so a row split across chunks is not half-added.
        let mut pos = 2;
        let mut spans = Vec::with_capacity(n as usize);
        for _ in 0..n {
            if buf.len() < pos + 4 {
                return Ok(RowParse::NeedMore);
            }
            let len = i32::from_be_bytes(buf[pos..pos + 4].try_into().expect("4 bytes"));
            pos += 4;
            if len < 0 {
                spans.push(None);
            } else {
                let len = len as usize;
                if buf.len() < pos + len {
                    return Ok(RowParse::NeedMore);
                }
                spans.push(Some((pos, len)));
                pos += len;
            }
        }
        let row = self.pending.split_to(pos);
        for (i, span) in spans.into_iter().enumerate() {
            match span {
                None => self.builders[i].append_null(),
                Some((p, l)) => {
                    if let Err(m) = self.builders[i].append(&row[p..p + l]) {
                        return Err(self.err(format!("column {}: {m}", self.schema.field(i).name())));
                    }
                }
            }
        }
        Ok(RowParse::Row)
    }

    fn flush(&mut self) -> Result<RecordBatch> {
        let arrays: Vec<ArrayRef> = self.builders.iter_mut().map(ColBuilder::finish).collect();
        self.rows = 0;
        RecordBatch::try_new(self.schema.clone(), arrays).map_err(|e| self.err(e.to_string()))
    }

    /// Ends the stream: the last partial batch, if any. Errors if the trailer never came.
    pub fn finish(mut self) -> Result<Option<RecordBatch>> {
        if !self.done {
            return Err(self.err("stream ended before the binary COPY trailer"));
        }
        if self.rows == 0 {
            return Ok(None);
        }
        self.flush().map(Some)
    }
}

enum RowParse {
    NeedMore,
    Trailer,
    Row,
}

/// Runs a query and returns its result as Arrow batches, read with binary COPY. Holds the whole
/// result: for a result of unknown size use [`query_each`].
pub async fn query_batches(
    client: &tokio_postgres::Client,
    source: &str,
    sql: &str,
    batch_rows: usize,
) -> Result<(SchemaRef, Vec<RecordBatch>)> {
    let mut batches = Vec::new();
    let schema = query_each(client, source, sql, batch_rows, |b| {
        batches.push(b);
        std::future::ready(true)
    })
    .await?;
    Ok((schema, batches))
}

/// Runs a query and hands each Arrow batch of its result to `each` as soon as the binary COPY
/// has delivered its rows, so memory holds one batch and the chunk being decoded whatever the
/// result's size. `each` answers whether to go on: `false` stops reading (the rest of the COPY
/// is discarded with the statement).
pub async fn query_each<F, Fut>(
    client: &tokio_postgres::Client,
    source: &str,
    sql: &str,
    batch_rows: usize,
    mut each: F,
) -> Result<SchemaRef>
where
    F: FnMut(RecordBatch) -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let stmt = client.prepare(sql).await.map_err(CoreError::db(format!("preparing the read of {source}")))?;
    let columns: Vec<(String, Type)> =
        stmt.columns().iter().map(|c| (c.name().to_string(), c.type_().clone())).collect();
    let mut dec = Decoder::new(source, &columns, batch_rows)?;
    let schema = dec.schema();
    let stream = client
        .copy_out(&format!("COPY ({sql}) TO STDOUT (FORMAT binary)"))
        .await
        .map_err(CoreError::db(format!("reading {source} with COPY")))?;
    futures::pin_mut!(stream);
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(CoreError::db(format!("reading {source} with COPY")))?;
        for batch in dec.push(&chunk)? {
            if !each(batch).await {
                return Ok(schema);
            }
        }
    }
    if let Some(last) = dec.finish()? {
        each(last).await;
    }
    Ok(schema)
}

/// How many encoded bytes a [`CopyWriter`] gathers before sending them as one CopyData message.
/// PostgreSQL refuses a message over 1 GiB, and a frame is held in memory until sent: a few MiB
/// keep both far away while amortising the per-message cost.
pub const FRAME_BYTES: usize = 4 << 20;

/// A `COPY … FROM STDIN (FORMAT binary)` in progress: rows (field by field, Arrow batches, or the
/// bytes of another server's binary COPY) go into a buffer that is sent as a frame whenever it
/// passes [`FRAME_BYTES`], so memory stays at about one frame whatever the table's size.
pub struct CopyWriter {
    sink: std::pin::Pin<Box<tokio_postgres::CopyInSink<Bytes>>>,
    buf: BytesMut,
    target: String,
    /// The bytes are another binary COPY's, header and trailer included.
    piped: bool,
    sent: u64,
}

impl CopyWriter {
    /// Starts a COPY into `target` — a qualified, quoted table and its columns,
    /// `"schema"."table" ("a", "b")` — for rows this writer encodes. Inside a transaction pass
    /// its `client()`: the COPY runs in the same session.
    pub async fn start(client: &tokio_postgres::Client, target: &str) -> Result<Self> {
        let mut w = Self::open(client, target, false).await?;
        write_header(&mut w.buf);
        Ok(w)
    }

    /// Starts a COPY into `target` that [`CopyWriter::raw`] feeds with the bytes of a
    /// `COPY … TO STDOUT (FORMAT binary)`, which bring their own header and trailer.
    pub async fn start_piped(client: &tokio_postgres::Client, target: &str) -> Result<Self> {
        Self::open(client, target, true).await
    }

    async fn open(client: &tokio_postgres::Client, target: &str, piped: bool) -> Result<Self> {
        let sink = client
            .copy_in::<_, Bytes>(&format!("COPY {target} FROM STDIN (FORMAT binary)"))
            .await
            .map_err(CoreError::db(format!("starting COPY into {target}")))?;
        Ok(CopyWriter {
            sink: Box::pin(sink),
            buf: BytesMut::with_capacity(FRAME_BYTES + (FRAME_BYTES >> 2)),
            target: target.to_string(),
            piped,
            sent: 0,
        })
    }

    pub fn begin_row(&mut self, fields: i16) {
        self.buf.put_i16(fields);
    }

    pub fn null(&mut self) {
        self.buf.put_i32(-1);
    }

    pub fn bytes(&mut self, v: &[u8]) {
        put_var(&mut self.buf, v);
    }

    pub fn opt_bytes(&mut self, v: Option<&[u8]>) {
        match v {
            Some(v) => self.bytes(v),
            None => self.null(),
        }
    }

    pub fn int8(&mut self, v: i64) {
        self.buf.put_i32(8);
        self.buf.put_i64(v);
    }

    pub fn int4(&mut self, v: i32) {
        self.buf.put_i32(4);
        self.buf.put_i32(v);
    }

    /// Ends a row written field by field: sends a frame if the buffer is full.
    pub async fn end_row(&mut self) -> Result<()> {
        self.flush_full().await
    }

    /// Appends every row of an Arrow batch (columns in the target's order), sending frames as
    /// the buffer fills, so a large batch does not become one large message.
    pub async fn batch(&mut self, batch: &RecordBatch) -> Result<()> {
        let rows = batch.num_rows();
        // Rows of a batch take about the same room each: slices of about a frame.
        let per_row = (batch.get_array_memory_size() / rows.max(1)).max(1);
        let step = (FRAME_BYTES / per_row).clamp(1, rows.max(1));
        // Errors name the table, not its column list.
        let table = self.target.split(" (").next().unwrap_or(&self.target).to_string();
        let mut at = 0;
        while at < rows {
            let n = step.min(rows - at);
            encode_batch(&batch.slice(at, n), &table, &mut self.buf)?;
            self.flush_full().await?;
            at += n;
        }
        Ok(())
    }

    /// Appends bytes of another binary COPY stream as they are (see [`CopyWriter::start_piped`]).
    pub async fn raw(&mut self, chunk: &[u8]) -> Result<()> {
        self.buf.extend_from_slice(chunk);
        self.flush_full().await
    }

    /// The bytes handed to PostgreSQL so far.
    pub fn bytes_sent(&self) -> u64 {
        self.sent
    }

    async fn flush_full(&mut self) -> Result<()> {
        if self.buf.len() >= FRAME_BYTES {
            self.send().await?;
        }
        Ok(())
    }

    async fn send(&mut self) -> Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let frame = self.buf.split().freeze();
        self.sent += frame.len() as u64;
        self.sink.send(frame).await.map_err(CoreError::db(format!("COPY into {}", self.target)))?;
        // split() hands the allocation to the frame; the next one starts a fresh buffer.
        self.buf.reserve(FRAME_BYTES + (FRAME_BYTES >> 2));
        Ok(())
    }

    /// Ends the COPY; returns the number of rows PostgreSQL took.
    pub async fn finish(mut self) -> Result<u64> {
        if !self.piped {
            write_trailer(&mut self.buf);
        }
        self.send().await?;
        self.sink.as_mut().finish().await.map_err(CoreError::db(format!("finishing COPY into {}", self.target)))
    }
}

/// Writes the rows of a [`RowEncoder`] into `target` (as [`CopyWriter::start`] takes it), in
/// frames of [`FRAME_BYTES`]. The rows are already in memory: a writer that produces many rows
/// streams them through a [`CopyWriter`] instead. Returns the number of rows written.
pub async fn copy_rows(client: &tokio_postgres::Client, target: &str, rows: RowEncoder) -> Result<u64> {
    let mut w = CopyWriter::start_piped(client, target).await?;
    let all = rows.finish();
    let mut at = 0;
    while at < all.len() {
        let end = (at + FRAME_BYTES).min(all.len());
        // Slices of the one buffer: nothing is copied.
        w.sent += (end - at) as u64;
        w.sink.send(all.slice(at..end)).await.map_err(CoreError::db(format!("COPY into {target}")))?;
        at = end;
    }
    w.finish().await
}

/// Streams the rows of `select` on one server into `into` (a qualified table and its columns) on
/// another, by binary COPY in frames of [`FRAME_BYTES`]: nothing is held but the frame in
/// flight. The SELECT must cast every column to the receiving column's type, so the binary
/// forms agree.
pub async fn pipe(from: &tokio_postgres::Client, select: &str, to: &tokio_postgres::Client, into: &str) -> Result<u64> {
    let out = from
        .copy_out(&format!("COPY ({select}) TO STDOUT (FORMAT binary)"))
        .await
        .map_err(CoreError::db(format!("reading the rows for {into}")))?;
    let mut w = CopyWriter::start_piped(to, into).await?;
    futures::pin_mut!(out);
    while let Some(chunk) = out.next().await {
        let chunk = chunk.map_err(CoreError::db(format!("reading the rows for {into}")))?;
        w.raw(&chunk).await?;
    }
    w.finish().await
}

/// Writes Arrow batches into `schema.table` (columns named as the batch's fields) with binary COPY.
/// Returns the number of rows written.
pub async fn copy_in_batches(
    client: &tokio_postgres::Client,
    schema: &str,
    table: &str,
    batches: &[RecordBatch],
) -> Result<u64> {
    let Some(first) = batches.first() else { return Ok(0) };
    let cols = first.schema().fields().iter().map(|f| quote_ident(f.name())).collect::<Vec<_>>().join(", ");
    let mut w = CopyWriter::start(client, &format!("{}.{} ({cols})", quote_ident(schema), quote_ident(table))).await?;
    for b in batches {
        w.batch(b).await?;
    }
    w.finish().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerics_round_trip_through_the_binary_form() {
        for s in ["0", "1", "-1", "12345.678", "0.0001", "-0.50", "100000000", "9999.9999", "123456789012.34", "0.00"] {
            let enc = numeric_from_text(s).unwrap();
            assert_eq!(numeric_to_text(&enc).unwrap(), s.trim_start_matches('+'), "{s}");
        }
        assert!(numeric_from_text("12a").is_none());
        assert!(numeric_from_text("").is_none());
    }

    #[test]
    fn decimal_text_places_the_point_by_scale() {
        assert_eq!(decimal_text(12345, 2), "123.45");
        assert_eq!(decimal_text(-5, 2), "-0.05");
        assert_eq!(decimal_text(7, 0), "7");
    }

    #[test]
    fn encoded_batches_decode_to_the_same_values_even_when_split_mid_row() {
        let schema = Arc::new(Schema::new(vec![
            Field::new("t", DataType::Utf8, true),
            Field::new("i", DataType::Int64, true),
            Field::new("d", DataType::Date32, true),
        ]));
        let batch = RecordBatch::try_new(
            schema,
            vec![
                Arc::new(StringArray::from(vec![Some("a"), None, Some("Zoë")])),
                Arc::new(Int64Array::from(vec![Some(1), Some(-2), None])),
                Arc::new(Date32Array::from(vec![Some(0), Some(19000), None])),
            ],
        )
        .unwrap();
        let mut buf = BytesMut::new();
        write_header(&mut buf);
        encode_batch(&batch, "t", &mut buf).unwrap();
        write_trailer(&mut buf);
        let cols = vec![("t".to_string(), Type::TEXT), ("i".to_string(), Type::INT8), ("d".to_string(), Type::DATE)];
        let mut dec = Decoder::new("t", &cols, 2).unwrap();
        let mut got = Vec::new();
        for chunk in buf.chunks(7) {
            got.extend(dec.push(chunk).unwrap());
        }
        got.extend(dec.finish().unwrap());
        let all = arrow::compute::concat_batches(&got[0].schema(), &got).unwrap();
        assert_eq!(all.num_rows(), 3);
        assert_eq!(all.column(0).as_ref(), batch.column(0).as_ref());
        assert_eq!(all.column(1).as_ref(), batch.column(1).as_ref());
        assert_eq!(all.column(2).as_ref(), batch.column(2).as_ref());
    }

    #[test]
    fn a_stream_without_trailer_is_an_error() {
        let mut buf = BytesMut::new();
        write_header(&mut buf);
        let mut dec = Decoder::new("t", &[("x".into(), Type::TEXT)], 10).unwrap();
        dec.push(&buf).unwrap();
        assert!(dec.finish().unwrap_err().to_string().contains("trailer"));
    }
}
