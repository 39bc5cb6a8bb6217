//! Streaming CSV records out of byte chunks, keeping what the loader needs for every record:
//! the physical lines it covers, its fields as raw bytes, and the raw bytes of the whole
//! record (for the rejects table). csv-core does the parsing; this adds the bookkeeping and
//! the recovery from damaged lines.
//!
//! A stray `"` at the start of a field opens a quoted field that csv-core carries over every
//! following line until the next quote anywhere in the file, so one damaged line can swallow
//! thousands of good ones into one record. When a record spanning several lines fails (wrong
//! field count, a quote closed in the middle of a field, the file ending inside it, a NUL byte,
//! or running past [`RecordLimits`]), its first line is reported on its own and everything
//! after that line is parsed again as fresh input, ahead of the rest of the stream: the lines
//! it swallowed come back as records at their own line numbers, including genuine multi-line
//! records among them. Clean input never takes that path.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// csv-core is fed at most this much at a time, so the limits are checked often enough to
/// keep a runaway record's memory near `max_bytes` whatever the size of the chunks.
const FEED_BYTES: usize = 64 * 1024;

/// How far one record may run over lines before it is treated as damaged and resynchronised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordLimits {
    /// Physical lines one record may span.
    pub max_lines: u64,
    /// Bytes a record spanning more than one line may hold. One physical line is never split,
    /// whatever its length: there is no line end to resume at.
    pub max_bytes: usize,
}

impl Default for RecordLimits {
    /// Far beyond any CasRec remark (the longest seen run to tens of lines), small enough that
    /// a runaway quote costs a few MiB.
    fn default() -> Self {
        RecordLimits { max_lines: 1000, max_bytes: 8 << 20 }
    }
}

/// Why a record cannot be loaded as it stands, as far as its structure goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not the expected number of fields.
    FieldCount { expected: usize, found: usize },
    /// The line ends inside a quoted field (0-based `field`) that opened on it.
    UnclosedQuote { field: usize, then: Runaway },
}

/// What became of a quoted field that was not closed on the line it opened on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Runaway {
    /// The file ends inside it.
    FileEnds,
    /// Read on, the record ended on `last_line` with `found` fields.
    WrongFieldCount { last_line: u64, found: usize },
    /// Read on, it was closed on `last_line` by a quote standing where a field opens (after a
    /// delimiter or at the start of the line) or followed by more text: another field's opening
    /// quote, not a closing one.
    ClosedByAnotherField { last_line: u64 },
    /// Read on, the record up to `last_line` holds a NUL byte.
    Nul { last_line: u64 },
    /// Still open after `lines` lines and `bytes` bytes, past the limits.
    TooLong { lines: u64, bytes: usize },
}

/// One record as read.
#[derive(Debug)]
pub struct RawRecord<'a> {
    /// 1-based line of the file where the record starts (the header is line 1).
    pub line: u64,
    /// The line it ends on (`line` unless a quoted field holds line breaks).
    pub last_line: u64,
    pub fields: Vec<&'a [u8]>,
    /// The record's bytes as they were in the file, without the line terminator.
    pub raw: &'a [u8],
    /// Set when the record cannot be loaded as it is; field decoding is the loader's.
    pub problem: Option<Problem>,
}

impl RawRecord<'_> {
    /// Physical lines the record covers.
    pub fn lines(&self) -> u64 {
        self.last_line - self.line + 1
    }
}

pub struct RecordReader {
    rdr: Reader,
    /// The header's field count; `None` checks no count and never resynchronises on one.
    width: Option<usize>,
    limits: RecordLimits,
    out: Vec<u8>,
    outlen: usize,
    ends: Vec<usize>,
    endlen: usize,
    /// Every byte csv-core consumed for the record in progress, leading line ends included.
    raw: Vec<u8>,
    raw_newlines: u64,
    newlines_before: u64,
    /// Bytes to parse before any more input: what a failed record swallowed after its first line.
    replay: Vec<u8>,
    replay_pos: usize,
    /// How many bytes of `raw` were taken from `replay` (all of them: `raw` is a slice of it
    /// ending at `replay_pos`, and a failure inside the replay just moves back in it).
    raw_from_replay: usize,
    /// The last record's line has not seen its `\n` yet (so the next `\n` is not a blank line).
    line_open: bool,
    blank_lines: u64,
    resyncs: u64,
    finished: bool,
}

impl Default for RecordReader {
    fn default() -> Self {
        Self::new()
    }
}

impl RecordReader {
    /// A reader that checks no field count (for peeking at a header).
    pub fn new() -> Self {
        Self::build(None, RecordLimits::default())
    }

    /// A reader for records of `width` fields: records of another width are reported with
    /// [`Problem::FieldCount`], and one spanning several lines is resynchronised.
    pub fn with_width(width: usize, limits: RecordLimits) -> Self {
        Self::build(Some(width), limits)
    }

    fn build(width: Option<usize>, limits: RecordLimits) -> Self {
        RecordReader {
            rdr: ReaderBuilder::new().build(),
            width,
            limits,
            out: vec![0; 64 * 1024],
            outlen: 0,
            ends: vec![0; 256],
            endlen: 0,
            raw: Vec::with_capacity(64 * 1024),
            raw_newlines: 0,
            newlines_before: 0,
            replay: Vec::new(),
            replay_pos: 0,
            raw_from_replay: 0,
            line_open: false,
            blank_lines: 0,
            resyncs: 0,
            finished: false,
        }
    }

    /// Lines that held nothing but their line end, outside any record.
    pub fn blank_lines(&self) -> u64 {
        self.blank_lines
    }

    /// Records that were taken apart line by line.
    pub fn resyncs(&self) -> u64 {
        self.resyncs
    }

    /// Feeds a chunk; `on_record` is called for every record completed by it. An empty chunk
    /// marks the end of input and flushes a last record with no line terminator.
    pub fn push<E>(
        &mut self,
        mut input: &[u8],
        on_record: &mut dyn FnMut(RawRecord<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        if self.finished {
            return Ok(());
        }
        let at_eof = input.is_empty();
        loop {
            if self.replay_pos >= self.replay.len() && !self.replay.is_empty() {
                self.replay.clear();
                self.replay_pos = 0;
                self.raw_from_replay = 0;
            }
            let from_replay = self.replay_pos < self.replay.len();
            // csv-core takes empty input to mean the end of the file, so only pass it at the end.
            if !from_replay && input.is_empty() && !at_eof {
                return Ok(());
            }
            let replay = std::mem::take(&mut self.replay);
            let whole = if from_replay { &replay[self.replay_pos..] } else { input };
            let src = &whole[..whole.len().min(FEED_BYTES)];
            let eof = !from_replay && src.is_empty();
            let (res, nin, nout, nend) =
                self.rdr.read_record(src, &mut self.out[self.outlen..], &mut self.ends[self.endlen..]);
            self.raw.extend_from_slice(&src[..nin]);
            self.raw_newlines += src[..nin].iter().filter(|b| **b == b'\n').count() as u64;
            if from_replay {
                self.replay_pos += nin;
                self.raw_from_replay += nin;
            } else {
                input = &input[nin..];
            }
            self.replay = replay;
            self.outlen += nout;
            self.endlen += nend;
            match res {
                ReadRecordResult::InputEmpty => {
                    if let Some(then) = self.past_limits() {
                        self.resync(then, on_record)?;
                    }
                }
                ReadRecordResult::OutputFull => {
                    let n = self.out.len() * 2;
                    self.out.resize(n, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let n = self.ends.len() * 2;
                    self.ends.resize(n, 0);
                }
                ReadRecordResult::Record => self.finish_record(eof, on_record)?,
                ReadRecordResult::End => {
                    let raw = std::mem::take(&mut self.raw);
                    self.close_lines(&raw);
                    self.newlines_before += self.raw_newlines;
                    self.raw = raw;
                    self.raw.clear();
                    self.raw_newlines = 0;
                    self.raw_from_replay = 0;
                    self.finished = true;
                    return Ok(());
                }
            }
        }
    }

    /// A record still open past the limits, judged once it spans more than one line.
    fn past_limits(&self) -> Option<Runaway> {
        if self.raw_newlines == 0 || self.width.is_none() {
            return None;
        }
        if self.raw_newlines < self.limits.max_lines && self.raw.len() <= self.limits.max_bytes {
            return None;
        }
        let lead = leading_line_ends(&self.raw);
        let newlines = self.raw_newlines - count_newlines(&self.raw[..lead]);
        let lines = newlines + 1;
        let over = lines > self.limits.max_lines || (newlines > 0 && self.raw.len() - lead > self.limits.max_bytes);
        over.then_some(Runaway::TooLong { lines, bytes: self.raw.len() - lead })
    }

    /// Counts the line ends outside records: one closes the line a record ended on, the others
    /// end blank lines.
    fn close_lines(&mut self, line_ends: &[u8]) {
        for &b in line_ends {
            if b == b'\n' {
                if self.line_open {
                    self.line_open = false;
                } else {
                    self.blank_lines += 1;
                }
            }
        }
    }

    fn finish_record<E>(
        &mut self,
        eof: bool,
        on_record: &mut dyn FnMut(RawRecord<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        let raw = std::mem::take(&mut self.raw);
        // A CRLF's '\n' (or blank lines) is consumed at the start of the next record.
        let lead = leading_line_ends(&raw);
        let mut end = raw.len();
        while end > lead && (raw[end - 1] == b'\n' || raw[end - 1] == b'\r') {
            end -= 1;
        }
        let lead_newlines = count_newlines(&raw[..lead]);
        let trail_newlines = count_newlines(&raw[end..]);
        let content = &raw[lead..end];
        let inner_newlines = self.raw_newlines - lead_newlines - trail_newlines;
        let line = self.newlines_before + lead_newlines + 1;
        let last_line = line + inner_newlines;
        let found = self.endlen;
        let multi = inner_newlines > 0;
        // Quotes are only looked into where they can have gone wrong, so clean single-line
        // records cost nothing more than before.
        let scan = (multi || eof).then(|| scan_quotes(content));
        let wrong_count = self.width.is_some_and(|w| w != found);
        let open_at_eof = scan.as_ref().and_then(|s| eof.then_some(s.open_at_end).flatten());
        if multi && self.width.is_some() {
            let scan = scan.as_ref().expect("scanned");
            // A misplaced closing quote is named before the field count: it says what went wrong,
            // and it is the only sign when two stray quotes in one column pair up.
            let failed = if open_at_eof.is_some() {
                Some(Runaway::FileEnds)
            } else if let Some(at) = scan.misplaced_close {
                Some(Runaway::ClosedByAnotherField { last_line: line + count_newlines(&content[..at]) })
            } else if wrong_count {
                Some(Runaway::WrongFieldCount { last_line, found })
            } else if content.contains(&0) {
                Some(Runaway::Nul { last_line })
            } else {
                None
            };
            if let Some(then) = failed {
                self.raw = raw;
                return self.resync(then, on_record);
            }
        }
        let problem = if let Some(field) = open_at_eof {
            Some(Problem::UnclosedQuote { field, then: Runaway::FileEnds })
        } else if wrong_count {
            Some(Problem::FieldCount { expected: self.width.unwrap_or(found), found })
        } else {
            None
        };
        self.close_lines(&raw[..lead]);
        self.line_open = true;
        self.close_lines(&raw[end..]);
        let mut fields = Vec::with_capacity(self.endlen);
        let mut start = 0;
        for &e in &self.ends[..self.endlen] {
            fields.push(&self.out[start..e]);
            start = e;
        }
        let result = on_record(RawRecord { line, last_line, fields, raw: content, problem });
        self.newlines_before += self.raw_newlines;
        self.raw = raw;
        self.raw.clear();
        self.raw_newlines = 0;
        self.raw_from_replay = 0;
        self.outlen = 0;
        self.endlen = 0;
        result
    }

    /// Reports the first line of the record in progress on its own and queues everything after
    /// it to be parsed again, ahead of whatever was still to be read.
    fn resync<E>(&mut self, then: Runaway, on_record: &mut dyn FnMut(RawRecord<'_>) -> Result<(), E>) -> Result<(), E> {
        self.resyncs += 1;
        let raw = std::mem::take(&mut self.raw);
        let lead = leading_line_ends(&raw);
        self.close_lines(&raw[..lead]);
        let line = self.newlines_before + count_newlines(&raw[..lead]) + 1;
        let rest = &raw[lead..];
        let nl = rest.iter().position(|b| *b == b'\n').expect("a record is only resynchronised once it spans lines");
        let mut first = &rest[..nl];
        while let [head @ .., b'\r'] = first {
            first = head;
        }
        let again = rest.len() - (nl + 1);
        if self.raw_from_replay == raw.len() {
            // Nested failures inside a replay cost no copy, so they stay linear.
            self.replay_pos -= again;
        } else {
            let mut replay = rest[nl + 1..].to_vec();
            replay.extend_from_slice(&self.replay[self.replay_pos..]);
            self.replay = replay;
            self.replay_pos = 0;
        }
        // The line's own '\n' was consumed with it; what follows starts on the next line.
        self.newlines_before = line;
        self.line_open = false;

        // The line alone, as csv-core reads it when the file ends right after it.
        self.rdr.reset();
        self.outlen = 0;
        self.endlen = 0;
        let mut input = first;
        loop {
            let (res, nin, nout, nend) =
                self.rdr.read_record(input, &mut self.out[self.outlen..], &mut self.ends[self.endlen..]);
            input = &input[nin..];
            self.outlen += nout;
            self.endlen += nend;
            match res {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    let n = self.out.len() * 2;
                    self.out.resize(n, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let n = self.ends.len() * 2;
                    self.ends.resize(n, 0);
                }
                // A lone '\r' ends a record early; the rest of the line is kept in `raw` only.
                ReadRecordResult::Record | ReadRecordResult::End => break,
            }
        }
        self.rdr.reset();
        let found = self.endlen;
        let problem = if let Some(field) = scan_quotes(first).open_at_end {
            Some(Problem::UnclosedQuote { field, then })
        } else {
            self.width.filter(|w| *w != found).map(|expected| Problem::FieldCount { expected, found })
        };
        let mut fields = Vec::with_capacity(self.endlen);
        let mut start = 0;
        for &e in &self.ends[..self.endlen] {
            fields.push(&self.out[start..e]);
            start = e;
        }
        let result = on_record(RawRecord { line, last_line: line, fields, raw: first, problem });
        self.raw = raw;
        self.raw.clear();
        self.raw_newlines = 0;
        self.raw_from_replay = 0;
        self.outlen = 0;
        self.endlen = 0;
        result
    }
}

fn leading_line_ends(raw: &[u8]) -> usize {
    raw.iter().take_while(|b| **b == b'\n' || **b == b'\r').count()
}

fn count_newlines(b: &[u8]) -> u64 {
    b.iter().filter(|b| **b == b'\n').count() as u64
}

/// Where a record's quoting went, read as csv-core reads it.
#[derive(Debug, PartialEq, Eq)]
struct QuoteScan {
    /// The record ends inside the quoted field with this 0-based index.
    open_at_end: Option<usize>,
    /// Offset of the first quote that closes a field but looks like another field's opening
    /// quote: followed by text rather than a delimiter, or, closing a field that spans lines,
    /// standing right after a delimiter or a line end. A writer closes a field after its text;
    /// a runaway field from a stray quote is closed by the next quote in the file, which opens
    /// some later field. (A genuine remark whose last line ends in a comma or a line break
    /// looks the same; it is then read line by line, and every line still accounted for.)
    misplaced_close: Option<usize>,
}

fn scan_quotes(content: &[u8]) -> QuoteScan {
    #[derive(PartialEq)]
    enum S {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut s = S::FieldStart;
    let mut field = 0;
    let mut spans_lines = false;
    let mut misplaced_close = None;
    let opens_a_field = |q: usize| matches!(content[q - 1], b',' | b'\n' | b'\r');
    for (i, &b) in content.iter().enumerate() {
        if s == S::QuoteInQuoted && b != b'"' {
            // The quote before this byte closed the field.
            let q = i - 1;
            let text_follows = !matches!(b, b',' | b'\r' | b'\n');
            if text_follows || (spans_lines && opens_a_field(q)) {
                misplaced_close.get_or_insert(q);
            }
        }
        s = match (s, b) {
            (S::FieldStart, b'"') => {
                spans_lines = false;
                S::Quoted
            }
            (S::FieldStart | S::Unquoted, b',') => {
                field += 1;
                S::FieldStart
            }
            (S::FieldStart | S::Unquoted, _) => S::Unquoted,
            (S::Quoted, b'"') => S::QuoteInQuoted,
            (S::Quoted, b'\n') => {
                spans_lines = true;
                S::Quoted
            }
            (S::Quoted, _) => S::Quoted,
            (S::QuoteInQuoted, b'"') => S::Quoted,
            (S::QuoteInQuoted, b',') => {
                field += 1;
                S::FieldStart
            }
            (S::QuoteInQuoted, _) => S::Unquoted,
        };
    }
    if s == S::QuoteInQuoted && spans_lines && opens_a_field(content.len() - 1) {
        misplaced_close.get_or_insert(content.len() - 1);
    }
    QuoteScan { open_at_end: (s == S::Quoted).then_some(field), misplaced_close }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Rec {
        line: u64,
        last_line: u64,
        fields: Vec<String>,
        raw: String,
        problem: Option<Problem>,
    }

    fn read_with(mut r: RecordReader, input: &[u8], chunk: usize) -> (Vec<Rec>, RecordReader) {
        let mut got = Vec::new();
        let mut f = |rec: RawRecord<'_>| -> Result<(), ()> {
            got.push(Rec {
                line: rec.line,
                last_line: rec.last_line,
                fields: rec.fields.iter().map(|f| String::from_utf8_lossy(f).into()).collect(),
                raw: String::from_utf8_lossy(rec.raw).into(),
                problem: rec.problem.clone(),
            });
            Ok(())
        };
        for c in input.chunks(chunk.max(1)) {
            r.push(c, &mut f).unwrap();
        }
        r.push(&[], &mut f).unwrap();
        (got, r)
    }

    fn read_in_chunks(input: &[u8], chunk: usize) -> Vec<Rec> {
        read_with(RecordReader::new(), input, chunk).0
    }

    fn read3(input: &[u8], chunk: usize) -> (Vec<Rec>, RecordReader) {
        read_with(RecordReader::with_width(3, RecordLimits::default()), input, chunk)
    }

    fn lines(recs: &[Rec]) -> Vec<(u64, u64, bool)> {
        recs.iter().map(|r| (r.line, r.last_line, r.problem.is_none())).collect()
    }

    /// Every physical line of `input` is covered by exactly one record or is blank.
    fn assert_lines_add_up(input: &[u8], recs: &[Rec], r: &RecordReader) {
        let total = count_newlines(input) + u64::from(!input.is_empty() && !input.ends_with(b"\n"));
        let covered: u64 = recs.iter().map(|r| r.last_line - r.line + 1).sum();
        assert_eq!(total, covered + r.blank_lines(), "lines of {:?}", String::from_utf8_lossy(input));
        let mut seen = std::collections::BTreeSet::new();
        for rec in recs {
            for l in rec.line..=rec.last_line {
                assert!(seen.insert(l), "line {l} covered twice");
            }
        }
    }

    #[test]
    fn lines_count_physical_lines_including_newlines_inside_quotes() {
        let input = b"a,b\n1,\"two\nlines\"\n3,4\n";
        for chunk in [1, 2, 3, 5, 100] {
            let got = read_in_chunks(input, chunk);
            assert_eq!(got.len(), 3, "chunk {chunk}");
            assert_eq!(got[0].line, 1);
            assert_eq!((got[1].line, got[1].last_line), (2, 3));
            assert_eq!(got[1].fields, vec!["1", "two\nlines"]);
            assert_eq!(got[1].raw, "1,\"two\nlines\"");
            assert_eq!(got[2].line, 4);
        }
    }

    #[test]
    fn crlf_line_ends_and_a_missing_final_newline_are_handled() {
        let got = read_in_chunks(b"a,b\r\n1,2\r\n3,4", 4);
        assert_eq!(got.iter().map(|r| r.line).collect::<Vec<_>>(), vec![1, 2, 3]);
        assert_eq!(got[1].raw, "1,2");
        assert_eq!(got[2].fields, vec!["3", "4"]);
    }

    #[test]
    fn quoted_commas_and_doubled_quotes_unescape() {
        let got = read_in_chunks(b"a,b\n\"x, y\",\"say \"\"hi\"\"\"\n", 7);
        assert_eq!(got[1].fields, vec!["x, y", "say \"hi\""]);
    }

    #[test]
    fn an_unterminated_quote_at_the_end_is_flagged() {
        let got = read_in_chunks(b"a,b\n1,\"open\n2,3\n", 3);
        let last = got.last().unwrap();
        assert_eq!(last.problem, Some(Problem::UnclosedQuote { field: 1, then: Runaway::FileEnds }));
        assert_eq!(last.line, 2);
    }

    #[test]
    fn blank_lines_do_not_shift_line_numbers_and_are_counted() {
        let input = b"a,b,c\n\n1,2,3\r\n\r\n\r\n4,5,6\n\n";
        let (got, r) = read3(input, 100);
        assert_eq!(lines(&got), vec![(1, 1, true), (3, 3, true), (6, 6, true)]);
        assert_eq!(r.blank_lines(), 4);
        assert_lines_add_up(input, &got, &r);
    }

    #[test]
    fn a_genuine_multi_line_field_with_the_right_count_stays_one_record() {
        let input = b"a,b,c\r\n1,\"line one\r\nline two, \"\"quoted\"\"\r\n\r\nline four\",x\r\n2,y,z\r\n";
        for chunk in [1, 3, 8, 1000] {
            let (got, r) = read3(input, chunk);
            assert_eq!(lines(&got), vec![(1, 1, true), (2, 5, true), (6, 6, true)], "chunk {chunk}");
            assert_eq!(got[1].fields[1], "line one\r\nline two, \"quoted\"\r\n\r\nline four");
            assert_eq!(r.resyncs(), 0);
            assert_lines_add_up(input, &got, &r);
        }
    }

    #[test]
    fn a_stray_quote_rejects_its_own_line_and_the_lines_it_swallowed_come_back() {
        // Line 3 opens a quote that the opening quote of line 6's field would close.
        let input = b"a,b,c\r\n1,x,y\r\n2,\"x,y\r\n3,x,y\r\n4,x,y\r\n5,\"q, r\",y\r\n6,x,y\r\n";
        for chunk in [1, 2, 5, 64, 1000] {
            let (got, r) = read3(input, chunk);
            assert_eq!(
                lines(&got),
                vec![(1, 1, true), (2, 2, true), (3, 3, false), (4, 4, true), (5, 5, true), (6, 6, true), (7, 7, true)],
                "chunk {chunk}"
            );
            assert_eq!(got[2].raw, "2,\"x,y");
            assert!(
                matches!(
                    got[2].problem,
                    Some(Problem::UnclosedQuote { field: 1, then: Runaway::ClosedByAnotherField { last_line: 6 } })
                ),
                "{:?}",
                got[2].problem
            );
            assert_eq!(got[5].fields, vec!["5", "q, r", "y"]);
            assert_lines_add_up(input, &got, &r);
        }
    }

    #[test]
    fn the_swallowed_lines_are_parsed_as_records_again_multi_line_ones_included() {
        // The stray quote on line 3 runs to the remark opening on line 5; read again from line
        // 4, that remark spans lines 5-6 and loads whole.
        let input = b"a,b,c\n1,x,y\n2,\"x,y\n3,x,y\n4,\"remark\nnext line\",y\n5,x,y\n";
        let (got, r) = read3(input, 4);
        assert_eq!(
            lines(&got),
            vec![(1, 1, true), (2, 2, true), (3, 3, false), (4, 4, true), (5, 6, true), (7, 7, true)]
        );
        assert_eq!(got[4].fields, vec!["4", "remark\nnext line", "y"]);
        assert_eq!(r.resyncs(), 1);
        assert_lines_add_up(input, &got, &r);
    }

    #[test]
    fn two_stray_quotes_in_one_column_pairing_up_with_the_right_count_are_caught() {
        // Lines 2 and 5 each open the second field with a quote and nothing else: read on, the
        // record from line 2 to line 5 has three fields and strict-looking quoting.
        let input = b"a,b,c\n1,\"x,y\n2,x,y\n3,x,y\n4,\",y\n5,x,y\n";
        let (got, r) = read3(input, 1000);
        assert_eq!(
            lines(&got),
            vec![(1, 1, true), (2, 2, false), (3, 3, true), (4, 4, true), (5, 5, false), (6, 6, true)]
        );
        assert_eq!(
            got[1].problem,
            Some(Problem::UnclosedQuote { field: 1, then: Runaway::ClosedByAnotherField { last_line: 5 } })
        );
        assert_eq!(got[4].problem, Some(Problem::UnclosedQuote { field: 1, then: Runaway::FileEnds }));
        assert_lines_add_up(input, &got, &r);
    }

    #[test]
    fn a_quote_left_open_to_the_end_of_the_file_loses_only_its_line() {
        let input = b"a,b,c\n1,\"x,y\n2,x,y\n3,x,y";
        let (got, r) = read3(input, 3);
        assert_eq!(lines(&got), vec![(1, 1, true), (2, 2, false), (3, 3, true), (4, 4, true)]);
        assert_eq!(got[1].problem, Some(Problem::UnclosedQuote { field: 1, then: Runaway::FileEnds }));
        assert_lines_add_up(input, &got, &r);
    }

    #[test]
    fn a_multi_line_record_with_the_wrong_count_is_taken_apart_line_by_line() {
        // A genuine remark, but the record has four fields: each line is judged on its own, and
        // the last one happens to have three fields, so it loads.
        let input = b"a,b,c\n1,\"one\ntwo\nthree\",y,extra\n2,x,y\n";
        let (got, r) = read3(input, 1000);
        assert_eq!(lines(&got), vec![(1, 1, true), (2, 2, false), (3, 3, false), (4, 4, true), (5, 5, true)]);
        assert_eq!(
            got[1].problem,
            Some(Problem::UnclosedQuote { field: 1, then: Runaway::WrongFieldCount { last_line: 4, found: 4 } })
        );
        assert_eq!(got[2].problem, Some(Problem::FieldCount { expected: 3, found: 1 }));
        assert_eq!(got[3].fields, vec!["three\"", "y", "extra"]);
        assert_lines_add_up(input, &got, &r);
    }

    #[test]
    fn a_nul_byte_in_a_multi_line_record_takes_it_apart() {
        let input = b"a,b,c\n1,\"one\0\ntwo\",y\n";
        let (got, r) = read3(input, 1000);
        assert_eq!(got[1].problem, Some(Problem::UnclosedQuote { field: 1, then: Runaway::Nul { last_line: 3 } }));
        assert_eq!((got[2].line, got[2].raw.as_str()), (3, "two\",y"));
        assert_lines_add_up(input, &got, &r);
    }

    #[test]
    fn a_record_running_past_the_line_limit_is_cut_and_read_again() {
        let mut input = b"a,b,c\n1,\"x,y\n".to_vec();
        for i in 0..50 {
            input.extend_from_slice(format!("{i},x,y\n").as_bytes());
        }
        input.extend_from_slice(b"9,\"late, quote\",y\n");
        let limits = RecordLimits { max_lines: 10, max_bytes: 1 << 20 };
        let (got, r) = read_with(RecordReader::with_width(3, limits), &input, 7);
        assert!(
            matches!(got[1].problem, Some(Problem::UnclosedQuote { then: Runaway::TooLong { lines, .. }, .. }) if lines > 10 && lines < 14),
            "{:?}",
            got[1].problem
        );
        assert_eq!(got.iter().filter(|r| r.problem.is_some()).count(), 1);
        assert_eq!(got.len(), 53);
        assert_eq!(got.last().unwrap().fields, vec!["9", "late, quote", "y"]);
        assert_lines_add_up(&input, &got, &r);
    }

    #[test]
    fn a_runaway_to_the_end_of_a_long_file_keeps_memory_near_the_byte_limit() {
        let mut input = b"a,b,c\n1,\"x,y\n".to_vec();
        for i in 0..200_000 {
            input.extend_from_slice(format!("{i},some text,more text\n").as_bytes());
        }
        let limits = RecordLimits { max_lines: 1_000_000, max_bytes: 256 * 1024 };
        let mut r = RecordReader::with_width(3, limits);
        let mut n = 0u64;
        let mut peak = 0usize;
        for c in input.chunks(1 << 20) {
            r.push(c, &mut |_rec: RawRecord<'_>| -> Result<(), ()> {
                n += 1;
                Ok(())
            })
            .unwrap();
            peak = peak.max(r.raw.capacity() + r.replay.capacity() + r.out.len());
        }
        r.push(&[], &mut |_rec: RawRecord<'_>| -> Result<(), ()> { Ok(()) }).unwrap();
        assert_eq!(n, 200_002);
        assert!(peak < 4 * 1024 * 1024, "peak buffer {peak} bytes for a {} byte file", input.len());
    }

    #[test]
    fn every_line_with_a_stray_quote_costs_each_line_once_in_one_pass() {
        let mut input = b"a,b,c\n".to_vec();
        for i in 0..20_000 {
            input.extend_from_slice(format!("{i},\"x,y\n").as_bytes());
            if i % 7 == 0 {
                input.extend_from_slice(format!("{i},\"a remark\nover two lines\",y\n").as_bytes());
            }
        }
        for chunk in [13, 4096, 1 << 20] {
            let (got, r) = read3(&input, chunk);
            let bad: Vec<_> = got.iter().filter(|r| r.problem.is_some()).collect();
            assert_eq!(bad.len(), 20_000, "chunk {chunk}");
            assert!(bad.iter().all(|r| r.line == r.last_line && r.raw.ends_with(",\"x,y")));
            assert_eq!(got.iter().filter(|r| r.problem.is_none()).count(), 1 + 20_000 / 7 + 1);
            assert_lines_add_up(&input, &got, &r);
        }
    }

    #[test]
    fn a_failure_inside_the_lines_read_again_is_taken_apart_too() {
        // Lines 2-4 read as one record of seven fields; read again from line 3, lines 3-4 read
        // as one record of six, wholly inside what is being read again.
        let input = b"a,b,c\n1,\"p\nx\",y,\"q\nr\",s,t,u\n5,x,y\n";
        for chunk in [1, 5, 1000] {
            let (got, r) = read3(input, chunk);
            assert_eq!(lines(&got), vec![(1, 1, true), (2, 2, false), (3, 3, false), (4, 4, false), (5, 5, true)]);
            assert_eq!(
                got[1].problem,
                Some(Problem::UnclosedQuote { field: 1, then: Runaway::WrongFieldCount { last_line: 4, found: 7 } })
            );
            assert_eq!(
                got[2].problem,
                Some(Problem::UnclosedQuote { field: 2, then: Runaway::WrongFieldCount { last_line: 4, found: 6 } })
            );
            assert_eq!(
                (got[3].raw.as_str(), got[3].problem.clone()),
                ("r\",s,t,u", Some(Problem::FieldCount { expected: 3, found: 4 }))
            );
            assert_eq!(r.resyncs(), 2);
            assert_lines_add_up(input, &got, &r);
        }
    }

    #[test]
    fn quote_scan_reads_as_csv_core_does() {
        assert_eq!(scan_quotes(b"1,\"a,b\",c"), QuoteScan { open_at_end: None, misplaced_close: None });
        assert_eq!(scan_quotes(b"1,2,\"open"), QuoteScan { open_at_end: Some(2), misplaced_close: None });
        assert_eq!(scan_quotes(b"1,\"say \"\"hi\"\"\""), QuoteScan { open_at_end: None, misplaced_close: None });
        assert_eq!(scan_quotes(b"1,\"x\ny\"z,3"), QuoteScan { open_at_end: None, misplaced_close: Some(6) });
        assert_eq!(scan_quotes(b"5\" nails,\"q"), QuoteScan { open_at_end: Some(1), misplaced_close: None });
        // Closing a field that spans lines right after a delimiter or a line end.
        assert_eq!(scan_quotes(b"1,\"x\n2,\",3"), QuoteScan { open_at_end: None, misplaced_close: Some(7) });
        assert_eq!(scan_quotes(b"1,\"x\n\",3"), QuoteScan { open_at_end: None, misplaced_close: Some(5) });
        assert_eq!(scan_quotes(b"1,\"x\n2,\""), QuoteScan { open_at_end: None, misplaced_close: Some(7) });
        // ... but not on one line, where `,""` is an empty field, nor after an escaped quote.
        assert_eq!(scan_quotes(b"1,\"\",3"), QuoteScan { open_at_end: None, misplaced_close: None });
        assert_eq!(scan_quotes(b"1,\"x\n\"\"\",3"), QuoteScan { open_at_end: None, misplaced_close: None });
    }
}
