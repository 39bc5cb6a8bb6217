//! Streaming CSV records out of byte chunks, keeping what the loader needs for every record:
//! the physical line it starts on, its fields as raw bytes, and the raw bytes of the whole
//! record (for the rejects table). csv-core does the parsing; this adds the bookkeeping.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// One record as read.
#[derive(Debug)]
pub struct RawRecord<'a> {
    /// 1-based line of the file where the record starts (the header is line 1).
    pub line: u64,
    pub fields: Vec<&'a [u8]>,
    /// The record's bytes as they were in the file, without the line terminator.
    pub raw: &'a [u8],
    /// The input ended inside a quoted field.
    pub unterminated_quote: bool,
}

pub struct RecordReader {
    rdr: Reader,
    out: Vec<u8>,
    outlen: usize,
    ends: Vec<usize>,
    endlen: usize,
    raw: Vec<u8>,
    newlines_before: u64,
    finished: bool,
}

impl Default for RecordReader {
    fn default() -> Self {
        Self::new()
    }
}

impl RecordReader {
    pub fn new() -> Self {
        RecordReader {
            rdr: ReaderBuilder::new().build(),
            out: vec![0; 64 * 1024],
            outlen: 0,
            ends: vec![0; 256],
            endlen: 0,
            raw: Vec::with_capacity(64 * 1024),
            newlines_before: 0,
            finished: false,
        }
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
            // csv-core takes empty input to mean the end of the file, so only pass it at the end.
            if input.is_empty() && !at_eof {
                return Ok(());
            }
            let (res, nin, nout, nend) =
                self.rdr.read_record(input, &mut self.out[self.outlen..], &mut self.ends[self.endlen..]);
            self.raw.extend_from_slice(&input[..nin]);
            input = &input[nin..];
            self.outlen += nout;
            self.endlen += nend;
            match res {
                ReadRecordResult::InputEmpty => return Ok(()),
                ReadRecordResult::OutputFull => {
                    let n = self.out.len() * 2;
                    self.out.resize(n, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let n = self.ends.len() * 2;
                    self.ends.resize(n, 0);
                }
                ReadRecordResult::Record => {
                    self.emit(at_eof, on_record)?;
                }
                ReadRecordResult::End => {
                    self.finished = true;
                    return Ok(());
                }
            }
        }
    }

    fn emit<E>(&mut self, at_eof: bool, on_record: &mut dyn FnMut(RawRecord<'_>) -> Result<(), E>) -> Result<(), E> {
        // A CRLF's '\n' (or blank lines) can be consumed at the start of the next record.
        let lead = self.raw.iter().take_while(|b| **b == b'\n' || **b == b'\r').count();
        let lead_newlines = self.raw[..lead].iter().filter(|b| **b == b'\n').count() as u64;
        let total_newlines = self.raw.iter().filter(|b| **b == b'\n').count() as u64;
        let line = self.newlines_before + lead_newlines + 1;
        let mut end = self.raw.len();
        while end > lead && (self.raw[end - 1] == b'\n' || self.raw[end - 1] == b'\r') {
            end -= 1;
        }
        let raw = &self.raw[lead..end];
        let quotes = raw.iter().filter(|b| **b == b'"').count();
        let mut fields = Vec::with_capacity(self.endlen);
        let mut start = 0;
        for &e in &self.ends[..self.endlen] {
            fields.push(&self.out[start..e]);
            start = e;
        }
        let rec = RawRecord { line, fields, raw, unterminated_quote: at_eof && quotes % 2 == 1 };
        let result = on_record(rec);
        self.newlines_before += total_newlines;
        self.raw.clear();
        self.outlen = 0;
        self.endlen = 0;
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Rec {
        line: u64,
        fields: Vec<String>,
        raw: String,
        unterminated: bool,
    }

    fn read_in_chunks(input: &[u8], chunk: usize) -> Vec<Rec> {
        let mut r = RecordReader::new();
        let mut got = Vec::new();
        let mut f = |rec: RawRecord<'_>| -> Result<(), ()> {
            got.push(Rec {
                line: rec.line,
                fields: rec.fields.iter().map(|f| String::from_utf8_lossy(f).into()).collect(),
                raw: String::from_utf8_lossy(rec.raw).into(),
                unterminated: rec.unterminated_quote,
            });
            Ok(())
        };
        for c in input.chunks(chunk.max(1)) {
            r.push(c, &mut f).unwrap();
        }
        r.push(&[], &mut f).unwrap();
        got
    }

    #[test]
    fn lines_count_physical_lines_including_newlines_inside_quotes() {
        let input = b"a,b\n1,\"two\nlines\"\n3,4\n";
        for chunk in [1, 2, 3, 5, 100] {
            let got = read_in_chunks(input, chunk);
            assert_eq!(got.len(), 3, "chunk {chunk}");
            assert_eq!(got[0].line, 1);
            assert_eq!(got[1].line, 2);
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
        assert!(last.unterminated);
        assert_eq!(last.line, 2);
    }

    #[test]
    fn blank_lines_do_not_shift_line_numbers() {
        let got = read_in_chunks(b"a,b\n\n1,2\n", 100);
        let data: Vec<_> = got.iter().filter(|r| !r.raw.is_empty()).collect();
        assert_eq!(data.last().unwrap().line, 3);
    }
}
