//! Per-row text decoding: UTF-8 when the whole row is valid UTF-8, otherwise Windows-1252 (the
//! encoding CasRec exports in). Bytes that Windows-1252 leaves undefined, and NUL (which
//! PostgreSQL text cannot hold), make the row a reject instead of text nobody wrote.

use std::borrow::Cow;

/// The five byte values Windows-1252 does not define.
const UNDEFINED_IN_1252: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Windows1252,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Field index (0-based) and byte offset within it.
    Undecodable {
        field: usize,
        byte: u8,
        offset: usize,
    },
    Nul {
        field: usize,
    },
}

/// Decodes every field of a row with one encoding chosen for the whole row.
pub fn decode_row<'a>(fields: &[&'a [u8]]) -> Result<(Vec<Cow<'a, str>>, Encoding), DecodeError> {
    for (i, f) in fields.iter().enumerate() {
        if f.contains(&0) {
            return Err(DecodeError::Nul { field: i });
        }
    }
    if fields.iter().all(|f| std::str::from_utf8(f).is_ok()) {
        let out = fields.iter().map(|f| Cow::Borrowed(std::str::from_utf8(f).expect("checked"))).collect();
        return Ok((out, Encoding::Utf8));
    }
    for (i, f) in fields.iter().enumerate() {
        if let Some(offset) = f.iter().position(|b| UNDEFINED_IN_1252.contains(b)) {
            return Err(DecodeError::Undecodable { field: i, byte: f[offset], offset });
        }
    }
    let out = fields
        .iter()
        .map(|f| {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(f);
            text
        })
        .collect();
    Ok((out, Encoding::Windows1252))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_rows_stay_utf8() {
        let (v, enc) = decode_row(&["Zoë".as_bytes(), b"x"]).unwrap();
        assert_eq!(enc, Encoding::Utf8);
        assert_eq!(v[0], "Zoë");
    }

    #[test]
    fn windows_1252_rows_are_decoded_whole() {
        // 0xEB is ë and 0x80 the euro sign in Windows-1252; neither is valid UTF-8 alone.
        let (v, enc) = decode_row(&[b"Zo\xEB", b"\x80 5", "ok".as_bytes()]).unwrap();
        assert_eq!(enc, Encoding::Windows1252);
        assert_eq!(v, vec!["Zoë", "€ 5", "ok"]);
    }

    #[test]
    fn bytes_undefined_in_both_encodings_are_rejected_with_their_place() {
        let err = decode_row(&[b"fine", b"ab\x81c"]).unwrap_err();
        assert_eq!(err, DecodeError::Undecodable { field: 1, byte: 0x81, offset: 2 });
    }

    #[test]
    fn nul_bytes_are_rejected() {
        assert_eq!(decode_row(&[b"a\0b"]).unwrap_err(), DecodeError::Nul { field: 0 });
    }
}
