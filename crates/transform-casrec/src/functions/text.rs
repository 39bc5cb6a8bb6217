//! Text and multi-column transformations: `squash_columns`, `convert_to_bool`, `first_word`,
//! `last_words`, `capitalise_first_letter`, `capitalise`, `first_two_chars`,
//! `credit_type_from_invoice_ref`, `is_at_least_one_set`, `coalesce`, `get_max_col`.

use std::fmt::Write as _;

/// `squash_columns` (addresses `address_lines` from `Adrs1`, `Adrs2` / `Dep Adrs1`, `Dep Adrs2`):
/// the values, in order, as a JSON array text exactly as Python's `json.dumps(list)` wrote it:
/// separator `", "`, NULL → `null`, blank kept as `""`, whitespace kept, `"` and `\` escaped,
/// `\n \r \t \b \f` as short escapes, every other character outside printable ASCII (controls,
/// DEL and all non-ASCII) as lower-case `\uXXXX` (UTF-16 surrogate pairs above U+FFFF).
/// Never fails; the result is never NULL (`[]` for no columns).
pub fn squash_columns(values: &[Option<&str>]) -> String {
    let mut out = String::from("[");
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match v {
            None => out.push_str("null"),
            Some(s) => push_json_string(&mut out, s),
        }
    }
    out.push(']');
    out
}

fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            _ => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
        }
    }
    out.push('"');
}

/// `convert_to_bool` (addresses `isairmailrequired` from `Foreign`): `true` iff the value is
/// exactly `"1"` or `"1.0"`; everything else — NULL, blank, whitespace, `" 1"`, `"Y"`, `"True"`,
/// `"6.0"` — is `false`. Never NULL, never fails.
pub fn convert_to_bool(value: Option<&str>) -> bool {
    matches!(value, Some("1") | Some("1.0"))
}

/// Python's `str.title()`: a character is title-cased (upper-cased) if the previous character is not
/// a cased letter, otherwise lower-cased. Apostrophes, hyphens, digits, spaces and every other
/// non-letter start a new "word": `O'BRIEN` → `O'Brien`, `mcdonald` → `Mcdonald`, `3rd` → `3Rd`,
/// `NHS TRUST` → `Nhs Trust`, `ÉMILE zola` → `Émile Zola`. Unicode-aware like Python: title-case
/// forms of digraphs (`ǆ` → `ǅ`) and ligatures (`ﬁ` → `Fi`, `ß` → `Ss`), full lower-case mappings,
/// and Greek final sigma.
pub fn python_title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_is_cased {
            if c == '\u{3a3}' {
                out.push(final_sigma(&chars, i));
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            push_titlecase(&mut out, c);
        }
        previous_is_cased = is_cased(c);
    }
    out
}

/// Unicode "Cased": Lowercase, Uppercase or a titlecase letter (Lt).
fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase_letter(c)
}

fn is_titlecase_letter(c: char) -> bool {
    matches!(c as u32,
        0x01C5 | 0x01C8 | 0x01CB | 0x01F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC)
}

/// Approximation of Unicode "Case_Ignorable" sufficient for the final-sigma rule.
fn is_case_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x27 | 0x2E | 0x3A | 0x5E | 0x60 | 0xA8 | 0xAD | 0xAF | 0xB4 | 0xB7 | 0xB8
        | 0x2B0..=0x36F | 0x374 | 0x375 | 0x37A | 0x384 | 0x385 | 0x387 | 0x483..=0x489
        | 0x200B..=0x200F | 0x2018 | 0x2019 | 0x2024 | 0x2027 | 0xFE00..=0xFE0F)
}

/// Python's `handle_capital_sigma`: `ς` when preceded by a cased letter and not followed by one
/// (skipping case-ignorable characters), else `σ`.
fn final_sigma(chars: &[char], i: usize) -> char {
    let before = chars[..i].iter().rev().find(|c| !is_case_ignorable(**c));
    let after = chars[i + 1..].iter().find(|c| !is_case_ignorable(**c));
    if before.is_some_and(|c| is_cased(*c)) && !after.is_some_and(|c| is_cased(*c)) {
        '\u{3c2}'
    } else {
        '\u{3c3}'
    }
}

/// Title-case mapping (Unicode `Titlecase_Mapping`, full form) where it differs from upper case;
/// otherwise the upper-case mapping.
fn push_titlecase(out: &mut String, c: char) {
    let special: Option<&str> = match c {
        '\u{01C4}'..='\u{01C6}' => Some("\u{01C5}"),
        '\u{01C7}'..='\u{01C9}' => Some("\u{01C8}"),
        '\u{01CA}'..='\u{01CC}' => Some("\u{01CB}"),
        '\u{01F1}'..='\u{01F3}' => Some("\u{01F2}"),
        '\u{00DF}' => Some("Ss"),
        '\u{FB00}' => Some("Ff"),
        '\u{FB01}' => Some("Fi"),
        '\u{FB02}' => Some("Fl"),
        '\u{FB03}' => Some("Ffi"),
        '\u{FB04}' => Some("Ffl"),
        '\u{FB05}' | '\u{FB06}' => Some("St"),
        '\u{0587}' => Some("\u{0535}\u{0582}"),
        '\u{FB13}' => Some("\u{0544}\u{0576}"),
        '\u{FB14}' => Some("\u{0544}\u{0565}"),
        '\u{FB15}' => Some("\u{0544}\u{056B}"),
        '\u{FB16}' => Some("\u{054E}\u{0576}"),
        '\u{FB17}' => Some("\u{0544}\u{056D}"),
        '\u{1FB3}' => Some("\u{1FBC}"),
        '\u{1FC3}' => Some("\u{1FCC}"),
        '\u{1FF3}' => Some("\u{1FFC}"),
        _ => None,
    };
    if let Some(s) = special {
        out.push_str(s);
        return;
    }
    let code = c as u32;
    // Greek letters with ypogegrammeni: the title case is the matching prosgegrammeni letter.
    if matches!(code, 0x1F80..=0x1F87 | 0x1F90..=0x1F97 | 0x1FA0..=0x1FA7) {
        if let Some(t) = char::from_u32(code + 8) {
            out.push(t);
            return;
        }
    }
    // Georgian Mkhedruli letters are their own title case (upper case is Mtavruli).
    if is_titlecase_letter(c) || matches!(code, 0x10D0..=0x10FA | 0x10FD..=0x10FF) {
        out.push(c);
        return;
    }
    // Greek letters with accent and ypogegrammeni: upper case with a combining ypogegrammeni
    // (U+0345) in place of the capital iota.
    if matches!(code, 0x1FB2 | 0x1FB4 | 0x1FB7 | 0x1FC2 | 0x1FC4 | 0x1FC7 | 0x1FF2 | 0x1FF4 | 0x1FF7) {
        out.extend(c.to_uppercase().map(|u| if u == '\u{399}' { '\u{345}' } else { u }));
        return;
    }
    out.extend(c.to_uppercase());
}

/// `first_word` (client `firstname` from `Forename`, deputy `firstname` from `Dep Forename`): the
/// first word, title-cased ([`python_title`]).
///
/// Deliberate difference (§6.7 defect): words are separated by any run of whitespace and the value
/// is trimmed first, so `" mary"` → `Mary` and `"John\tPaul"` → `John`. The original split on the
/// first single space only (`" mary"` → `""`, a tab was not a separator).
/// NULL → NULL; blank or whitespace-only → `""` (written as NULL).
pub fn first_word(value: Option<&str>) -> Option<String> {
    value.map(|v| v.split_whitespace().next().map(python_title).unwrap_or_default())
}

/// `last_words` (client `middlenames`, deputy `othernames`, from the same forename column): every
/// word after the first, joined by single spaces, title-cased; `""` when there is only one word.
///
/// Deliberate difference (§6.7 defect): whitespace runs separate words and are collapsed, so
/// `"John  Paul"` → `Paul` (original: `" Paul"` with a leading space) and `" mary"` → `""`
/// (original: `Mary`). NULL → NULL; blank or whitespace-only → `""`.
pub fn last_words(value: Option<&str>) -> Option<String> {
    value.map(|v| python_title(&v.split_whitespace().skip(1).collect::<Vec<_>>().join(" ")))
}

/// `capitalise_first_letter` (client `surname`, deputy `surname`): Python `str.title()` of the
/// whole value ([`python_title`]); whitespace kept as is. NULL → NULL, blank → `""`.
pub fn capitalise_first_letter(value: Option<&str>) -> Option<String> {
    value.map(python_title)
}

/// `capitalise` (implemented but unused by the original's mappings): Python `str.upper()` (full
/// Unicode upper-casing, `ß` → `SS`). NULL → NULL.
pub fn capitalise(value: Option<&str>) -> Option<String> {
    value.map(str::to_uppercase)
}

/// The first `n` characters (Unicode scalar values, like Python slicing of `str`). NULL → NULL.
pub fn first_chars(value: Option<&str>, n: usize) -> Option<String> {
    value.map(|v| v.chars().take(n).collect())
}

/// `first_two_chars` (finance_invoice_non_ad `feetype` from `Invoice No`): `value[:2]`
/// (`"123456"` → `"12"`, `"a"` → `"a"`, `""` → `""`). Whitespace kept. NULL → NULL.
pub fn first_two_chars(value: Option<&str>) -> Option<String> {
    first_chars(value, 2)
}

/// `credit_type_from_invoice_ref` (finance_ledger `type` from `Invoice No`), case-sensitive, first
/// match wins:
///
/// 1. starts or ends with `Z` → `CREDIT REMISSION`;
/// 2. starts or ends with `CR` → `CREDIT MEMO`;
/// 3. starts or ends with `WO` → `CREDIT WRITE OFF`;
/// 4. otherwise NULL (also for NULL and blank; surrounding whitespace is *not* trimmed, as in the
///    original).
pub fn credit_type_from_invoice_ref(value: Option<&str>) -> Option<&'static str> {
    let v = value?;
    let either = |p: &str| v.starts_with(p) || v.ends_with(p);
    if either("Z") {
        Some("CREDIT REMISSION")
    } else if either("CR") {
        Some("CREDIT MEMO")
    } else if either("WO") {
        Some("CREDIT WRITE OFF")
    } else {
        None
    }
}

/// `is_at_least_one_set` (annual_report_lodging_details `bankstatementsreceived` from `Rcvd Date`…
/// `Rcvd Date6`): `true` if any value is neither NULL nor `""`. As in the original a whitespace-only
/// value counts as set. Never NULL.
pub fn is_at_least_one_set(values: &[Option<&str>]) -> bool {
    values.iter().any(|v| matches!(v, Some(s) if !s.is_empty()))
}

/// `coalesce` (annual_report_logs `receiveddate` from `Rcvd Date`, `Lodge Date`): the first value
/// that is neither NULL nor `""`, else NULL. As in the original a whitespace-only value counts as a
/// value (the date coercion that follows then treats it as blank).
pub fn coalesce<'a>(values: &[Option<&'a str>]) -> Option<&'a str> {
    values.iter().flatten().copied().find(|v| !v.is_empty())
}

/// `get_max_col` (implemented but unused by the original's mappings): the row-wise maximum.
///
/// If every non-NULL, non-blank value parses as a number, the numeric maximum formatted like a
/// Python float (`6.0`, `6.1`); otherwise the greatest value by text comparison. NULL and blank
/// values are ignored; no values → NULL. (The original cast to float64 and used Python `max`, which
/// ignored NaN only when it came after the maximum; that accident is not reproduced.)
pub fn get_max_col(values: &[Option<&str>]) -> Option<String> {
    let present: Vec<&str> = values.iter().flatten().copied().filter(|v| !v.is_empty()).collect();
    if present.is_empty() {
        return None;
    }
    let numbers: Option<Vec<f64>> =
        present.iter().map(|v| v.trim().parse::<f64>().ok().filter(|f| f.is_finite())).collect();
    match numbers {
        Some(ns) => ns.into_iter().reduce(f64::max).map(python_float_repr),
        None => present.into_iter().max().map(str::to_string),
    }
}

fn python_float_repr(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e16 {
        format!("{f:.1}")
    } else {
        format!("{f}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // §5.2 convert_to_bool facts plus the exact-match rule.
    #[test]
    fn convert_to_bool_facts() {
        assert!(convert_to_bool(Some("1.0")));
        assert!(!convert_to_bool(Some("6.0")));
        assert!(convert_to_bool(Some("1")));
        for no in ["", " ", " 1", "1 ", "Y", "True", "true", "0", "1.00", "01"] {
            assert!(!convert_to_bool(Some(no)), "{no:?}");
        }
        assert!(!convert_to_bool(None));
    }

    // §5.2 squash_columns facts plus Python json.dumps escaping.
    #[test]
    fn squash_columns_facts() {
        assert_eq!(squash_columns(&[Some("some "), Some("test "), Some("data")]), r#"["some ", "test ", "data"]"#);
        assert_eq!(squash_columns(&[Some("some "), Some(""), Some("data")]), r#"["some ", "", "data"]"#);
        assert_eq!(squash_columns(&[Some("1 High St"), None]), r#"["1 High St", null]"#);
        assert_eq!(squash_columns(&[Some(" "), Some("")]), r#"[" ", ""]"#);
        assert_eq!(squash_columns(&[]), "[]");
        // Expected strings produced by Python 3: json.dumps(["Caf\u00e9 \"A\"\\B", "a\nb\tc\x01\x7f", "\U0001f600", "Ł"])
        assert_eq!(
            squash_columns(&[Some("Café \"A\"\\B"), Some("a\nb\tc\u{1}\u{7f}"), Some("\u{1F600}"), Some("Ł")]),
            r#"["Caf\u00e9 \"A\"\\B", "a\nb\tc\u0001\u007f", "\ud83d\ude00", "\u0141"]"#
        );
        assert_eq!(squash_columns(&[Some("\u{8}\u{c}\r/")]), r#"["\b\f\r/"]"#);
    }

    // §5.2 first_word facts.
    #[test]
    fn first_word_facts() {
        assert_eq!(first_word(Some("one-word")).as_deref(), Some("One-Word"));
        assert_eq!(first_word(Some("one'word")).as_deref(), Some("One'Word"));
        assert_eq!(first_word(Some("two words")).as_deref(), Some("Two"));
        assert_eq!(first_word(Some("three wor ds")).as_deref(), Some("Three"));
    }

    #[test]
    fn first_word_blank_null_whitespace() {
        assert_eq!(first_word(None), None);
        assert_eq!(first_word(Some("")).as_deref(), Some(""));
        assert_eq!(first_word(Some("   ")).as_deref(), Some(""));
        // Deliberate differences from the original (§6.7): leading space, tab.
        assert_eq!(first_word(Some(" mary")).as_deref(), Some("Mary"));
        assert_eq!(first_word(Some("JOHN\tPAUL")).as_deref(), Some("John"));
        assert_eq!(first_word(Some("MARY  ANN")).as_deref(), Some("Mary"));
        assert_eq!(first_word(Some("john ")).as_deref(), Some("John"));
    }

    // §5.2 last_words facts.
    #[test]
    fn last_words_facts() {
        assert_eq!(last_words(Some("one-word")).as_deref(), Some(""));
        assert_eq!(last_words(Some("two words")).as_deref(), Some("Words"));
        assert_eq!(last_words(Some("two words'apos")).as_deref(), Some("Words'Apos"));
        assert_eq!(last_words(Some("two words-hyphen")).as_deref(), Some("Words-Hyphen"));
        assert_eq!(last_words(Some("three wor ds")).as_deref(), Some("Wor Ds"));
    }

    #[test]
    fn last_words_blank_null_whitespace() {
        assert_eq!(last_words(None), None);
        assert_eq!(last_words(Some("")).as_deref(), Some(""));
        assert_eq!(last_words(Some(" ")).as_deref(), Some(""));
        // Deliberate differences from the original (§6.7).
        assert_eq!(last_words(Some("John  Paul")).as_deref(), Some("Paul"));
        assert_eq!(last_words(Some(" mary")).as_deref(), Some(""));
        assert_eq!(last_words(Some("anne\tmarie  louise ")).as_deref(), Some("Marie Louise"));
        assert_eq!(last_words(Some("john ")).as_deref(), Some(""));
    }

    // §5.2 capitalise_first_letter facts and §3.3 examples.
    #[test]
    fn capitalise_first_letter_facts() {
        let c = |s: &str| capitalise_first_letter(Some(s));
        assert_eq!(c("first").as_deref(), Some("First"));
        assert_eq!(c("first-Second").as_deref(), Some("First-Second"));
        assert_eq!(c("first SECOND").as_deref(), Some("First Second"));
        assert_eq!(c("FIRST'SECOND").as_deref(), Some("First'Second"));
        assert_eq!(c("").as_deref(), Some(""));
        assert_eq!(c("O'BRIEN").as_deref(), Some("O'Brien"));
        assert_eq!(c("mcdonald").as_deref(), Some("Mcdonald"));
        assert_eq!(c("3rd").as_deref(), Some("3Rd"));
        assert_eq!(c("NHS TRUST").as_deref(), Some("Nhs Trust"));
        assert_eq!(c("ÉMILE zola").as_deref(), Some("Émile Zola"));
        assert_eq!(c("  smith  ").as_deref(), Some("  Smith  "));
        assert_eq!(capitalise_first_letter(None), None);
    }

    // Expected values produced by CPython 3 `str.title()`.
    #[test]
    fn python_title_unicode() {
        assert_eq!(python_title("straße"), "Straße");
        assert_eq!(python_title("ßa"), "Ssa");
        assert_eq!(python_title("ǆemal"), "ǅemal");
        assert_eq!(python_title("ǅEMAL"), "ǅemal");
        assert_eq!(python_title("ﬁsh"), "Fish");
        assert_eq!(python_title("ΟΔΟΣ ΟΔΟΣΑ"), "Οδος Οδοσα");
        assert_eq!(python_title("ΣΑ"), "Σα");
        assert_eq!(python_title("İSTANBUL"), "İstanbul");
        assert_eq!(python_title("élan-VITAL d'arc"), "Élan-Vital D'Arc");
        assert_eq!(python_title("x2y z_a"), "X2Y Z_A");
        assert_eq!(python_title("ᾳ"), "ᾼ");
        assert_eq!(python_title("ŁÓDŹ"), "Łódź");
        assert_eq!(python_title("ᾲ"), "\u{1FBA}\u{345}");
        assert_eq!(python_title("თბილისი"), "თბილისი");
    }

    // §5.2 capitalise facts (unused transformation).
    #[test]
    fn capitalise_facts() {
        assert_eq!(capitalise(Some("i am lower case")).as_deref(), Some("I AM LOWER CASE"));
        assert_eq!(capitalise(Some("I have SOME capitAL letters")).as_deref(), Some("I HAVE SOME CAPITAL LETTERS"));
        assert_eq!(capitalise(Some("straße")).as_deref(), Some("STRASSE"));
        assert_eq!(capitalise(None), None);
    }

    // §5.2 first_two_chars facts.
    #[test]
    fn first_two_chars_facts() {
        let f = |s: &str| first_two_chars(Some(s));
        assert_eq!(f("123456").as_deref(), Some("12"));
        assert_eq!(f("mBnasdg").as_deref(), Some("mB"));
        assert_eq!(f("a").as_deref(), Some("a"));
        assert_eq!(f("kk").as_deref(), Some("kk"));
        assert_eq!(f("").as_deref(), Some(""));
        assert_eq!(f(" x1").as_deref(), Some(" x"));
        assert_eq!(f("ÉÉÉ").as_deref(), Some("ÉÉ"));
        assert_eq!(first_two_chars(None), None);
        assert_eq!(first_chars(Some("abcdef"), 4).as_deref(), Some("abcd"));
    }

    // §5.2 credit_type_from_invoice_ref facts.
    #[test]
    fn credit_type_facts() {
        assert_eq!(credit_type_from_invoice_ref(Some("somethingZ")), Some("CREDIT REMISSION"));
        assert_eq!(credit_type_from_invoice_ref(Some("Zsomething")), Some("CREDIT REMISSION"));
        assert_eq!(credit_type_from_invoice_ref(Some("somethingCR")), Some("CREDIT MEMO"));
        assert_eq!(credit_type_from_invoice_ref(Some("CRsomething")), Some("CREDIT MEMO"));
        assert_eq!(credit_type_from_invoice_ref(Some("somethingWO")), Some("CREDIT WRITE OFF"));
        assert_eq!(credit_type_from_invoice_ref(Some("WOsomething")), Some("CREDIT WRITE OFF"));
    }

    #[test]
    fn credit_type_order_case_blank() {
        // First match wins: Z before CR before WO.
        assert_eq!(credit_type_from_invoice_ref(Some("CR123Z")), Some("CREDIT REMISSION"));
        assert_eq!(credit_type_from_invoice_ref(Some("WO123CR")), Some("CREDIT MEMO"));
        assert_eq!(credit_type_from_invoice_ref(Some("z123")), None);
        assert_eq!(credit_type_from_invoice_ref(Some("cr123")), None);
        assert_eq!(credit_type_from_invoice_ref(Some("123Z ")), None);
        assert_eq!(credit_type_from_invoice_ref(Some("AD12345")), None);
        assert_eq!(credit_type_from_invoice_ref(Some("")), None);
        assert_eq!(credit_type_from_invoice_ref(Some(" ")), None);
        assert_eq!(credit_type_from_invoice_ref(None), None);
    }

    // §5.2 is_at_least_one_set facts.
    #[test]
    fn is_at_least_one_set_facts() {
        assert!(is_at_least_one_set(&[Some("2021-01-01"), Some("2021-02-02"), Some("2021-03-03"), None]));
        assert!(!is_at_least_one_set(&[None, None, None, None]));
        assert!(!is_at_least_one_set(&[Some(""), None, None, Some("")]));
        assert!(is_at_least_one_set(&[Some(""), Some(" ")]));
        assert!(!is_at_least_one_set(&[]));
    }

    // §5.2 coalesce facts (Start Date, Actdate → duedate; the prior value of duedate is irrelevant).
    #[test]
    fn coalesce_facts() {
        assert_eq!(coalesce(&[Some(""), None]), None);
        assert_eq!(coalesce(&[None, Some("")]), None);
        assert_eq!(coalesce(&[Some("2022-02-07"), None]), Some("2022-02-07"));
        assert_eq!(coalesce(&[None, Some("2022-02-08")]), Some("2022-02-08"));
        assert_eq!(coalesce(&[Some("2022-02-09"), Some("2022-02-10")]), Some("2022-02-09"));
        assert_eq!(coalesce(&[Some("2022-02-11"), None]), Some("2022-02-11"));
        assert_eq!(coalesce(&[None, Some("2022-02-12")]), Some("2022-02-12"));
        // NaT in the original = NULL here.
        assert_eq!(coalesce(&[None, Some("2022-02-15")]), Some("2022-02-15"));
        assert_eq!(coalesce(&[Some(" "), Some("2022-02-15")]), Some(" "));
        assert_eq!(coalesce(&[]), None);
    }

    // §5.2 get_max_col facts (unused transformation).
    #[test]
    fn get_max_col_facts() {
        let g = |v: &[Option<&str>]| get_max_col(v);
        assert_eq!(g(&[Some("1"), Some("2"), Some("3"), Some("4"), Some("5"), Some("6")]).as_deref(), Some("6.0"));
        assert_eq!(g(&[Some("1"); 6]).as_deref(), Some("1.0"));
        assert_eq!(g(&[Some("6"), Some("5"), Some("4"), Some("3"), Some("2"), Some("1")]).as_deref(), Some("6.0"));
        assert_eq!(g(&[Some("1"), Some("0"), None, Some("0"), Some("1"), Some("0")]).as_deref(), Some("1.0"));
        assert_eq!(g(&[Some("1"), Some("2"), Some("3"), None, None, None]).as_deref(), Some("3.0"));
        assert_eq!(
            g(&[Some("1.1"), Some("2.1"), Some("3.1"), Some("4.1"), Some("5.1"), Some("6.1")]).as_deref(),
            Some("6.1")
        );
        assert_eq!(
            g(&[Some("1"), Some("2"), Some("3.6"), Some("9.8"), Some("10"), Some("0.3")]).as_deref(),
            Some("10.0")
        );
        assert_eq!(
            g(&[Some("2015-01-01"), Some("2016-01-01"), Some("2017-01-01"), Some(""), Some(""), Some("")]).as_deref(),
            Some("2017-01-01")
        );
        assert_eq!(g(&[None, Some("")]), None);
    }
}
