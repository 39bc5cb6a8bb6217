//! The "standard transformations" of the CasRec → Sirius transform, as plain Rust functions.
//!
//! Every function here reproduces the semantics of the original Python/pandas implementation
//! (`standard_transformations.py`, `conditional_lookups.py`, `lookup_tables.py`, `calculations.py`,
//! `duedatecalculator.py`, `deputymapper.py`, `apply_datatypes.py`), except where the original has a
//! documented defect; each such difference is stated in the function's doc comment and in
//! `FUNCTIONS.md` next to this crate's `Cargo.toml`.
//!
//! Conventions shared by all functions:
//!
//! * Input values are CasRec text: `Option<&str>`. `Some("")` is CasRec's empty cell ("blank"),
//!   `None` is SQL NULL (the original never saw NULL in source columns; it appears here after outer
//!   joins and for derived columns).
//! * Output text may be `Some("")` where the original produced `''`; the writer turns `''` into SQL
//!   NULL (see [`empty_to_null`]). Functions do not pre-empt that, so that the stages that follow a
//!   transformation in the original (defaults replace exactly `''`) keep their meaning.
//! * Nothing here reads the wall clock: rules that depend on "today" take an `as_of` date.
//! * Invalid input never panics. It yields a [`TransformError`] naming the function, the value and
//!   the reason, together with the value to write instead ([`TransformError::fallback`], `None` =
//!   SQL NULL) and what the original did with that input ([`OriginalBehaviour`]).

pub mod coerce;
pub mod dates;
pub mod decimal;
pub mod deputy;
pub mod ids;
pub mod lookup;
pub mod text;
pub mod timestamp;

pub use coerce::{coerce_bool, coerce_date, coerce_decimal, coerce_int};
pub use dates::{
    add_business_days, add_one_year, calculate_duedate, calculate_startdate, current_date, date_format_standard,
    due_date_for_case, due_date_from, end_of_tax_year, fee_reduction_end_date, format_date, format_datetime,
    is_active_pa_pro_deputy, is_pa_pro_deputy_type, parse_casrec_date, parse_casrec_datetime, parse_casrec_time,
    round_to_second, start_of_tax_year, working_days_before, Roll, WorkingDays, PA_PRO_DEPUTY_TYPES,
};
pub use decimal::{absolute_value, money_pound_pence, multiply_by_100, Decimal};
pub use deputy::{map_deputy_subtype, DeputyNames, DeputySubtype};
pub use ids::{unique_number, unique_number_from, uuid4, uuid_from, UUID_NAMESPACE};
pub use lookup::{conditional_lookup, default_value_text, lookup, ConditionalLookup, Lookup};
pub use text::{
    capitalise, capitalise_first_letter, coalesce, convert_to_bool, credit_type_from_invoice_ref, first_chars,
    first_two_chars, first_word, get_max_col, is_at_least_one_set, last_words, python_title, squash_columns,
};
pub use timestamp::{convert_to_timestamp, london_local_to_utc, LondonLocalTime};

use std::fmt;

/// What the original implementation did with an input that makes a function here return an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OriginalBehaviour {
    /// The original silently produced the fallback value (usually NULL) for this input.
    Silent,
    /// The original aborted the whole run (an exception ending the process with exit code 1, or a
    /// column-wide fallback that made PostgreSQL reject the insert).
    Aborted,
}

/// Why a value could not be transformed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// A date/time that matches none of the accepted formats, or names a day that does not exist.
    InvalidDate,
    /// A time of day that does not match `H:MM[:SS[.fraction]]`.
    InvalidTime,
    /// A number that is not a decimal literal.
    InvalidNumber,
    /// A number outside the range the target type can hold.
    OutOfRange,
    /// A non-blank code that is not a key of the lookup table.
    UnknownCode,
    /// A lookup or mapping definition that cannot be read.
    InvalidDefinition,
    /// A value that cannot be coerced to a boolean.
    InvalidBool,
    /// A value Sirius requires that CasRec does not give.
    Missing,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            ErrorKind::InvalidDate => "invalid date",
            ErrorKind::InvalidTime => "invalid time",
            ErrorKind::InvalidNumber => "invalid number",
            ErrorKind::OutOfRange => "out of range",
            ErrorKind::UnknownCode => "unknown code",
            ErrorKind::InvalidDefinition => "invalid definition",
            ErrorKind::InvalidBool => "invalid boolean",
            ErrorKind::Missing => "missing value",
        };
        f.write_str(s)
    }
}

/// A value that a transformation could not handle.
///
/// The caller records the row (e.g. in an exceptions table) and writes [`TransformError::fallback`]
/// in its place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{function}: {kind} {value:?}: {reason}")]
pub struct TransformError {
    /// Name of the transformation as used in the mapping definitions (e.g. `"add_one_year"`).
    pub function: &'static str,
    /// The offending input value, verbatim.
    pub value: String,
    /// The class of problem.
    pub kind: ErrorKind,
    /// Human-readable detail.
    pub reason: String,
    /// The value to write instead, as SQL text (`None` = NULL).
    pub fallback: Option<String>,
    /// What the original implementation did with this input.
    pub original: OriginalBehaviour,
}

impl TransformError {
    /// An error whose fallback is NULL.
    pub fn new(
        function: &'static str,
        value: &str,
        kind: ErrorKind,
        reason: impl Into<String>,
        original: OriginalBehaviour,
    ) -> Self {
        TransformError { function, value: value.to_string(), kind, reason: reason.into(), fallback: None, original }
    }

    /// The same error with a different fallback value.
    pub fn with_fallback(mut self, fallback: Option<String>) -> Self {
        self.fallback = fallback;
        self
    }

    /// The same error attributed to another function (used when one transformation delegates to a
    /// shared parser).
    pub fn in_function(mut self, function: &'static str) -> Self {
        self.function = function;
        self
    }

    /// The same error with another original behaviour.
    pub fn with_original(mut self, original: OriginalBehaviour) -> Self {
        self.original = original;
        self
    }
}

/// `true` for CasRec's blank cell (`""`). Whitespace-only text is *not* blank by this test; functions
/// that treat it as blank say so.
pub fn is_blank(value: Option<&str>) -> bool {
    value == Some("")
}

/// `true` for NULL or `""` (the original's "null or empty string" test, e.g. `all_unset`).
pub fn is_null_or_blank(value: Option<&str>) -> bool {
    matches!(value, None | Some(""))
}

/// `true` for NULL, `""` or whitespace-only text.
pub fn is_null_or_whitespace(value: Option<&str>) -> bool {
    value.is_none_or(|v| v.trim().is_empty())
}

/// The writer's rule (original `InsertData`, `empty_string_to_null=True`): `''` is stored as NULL.
///
/// The original additionally stored the genuine strings `nan`, `None`, `NaT` and `<NA>` (optionally
/// followed by one space) as NULL; that is a named defect (a surname `None` was lost) and is
/// deliberately not reproduced here.
pub fn empty_to_null(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert!(is_blank(Some("")));
        assert!(!is_blank(Some(" ")));
        assert!(!is_blank(None));
        assert!(is_null_or_blank(None));
        assert!(is_null_or_blank(Some("")));
        assert!(!is_null_or_blank(Some(" ")));
        assert!(is_null_or_whitespace(Some(" \t")));
        assert!(!is_null_or_whitespace(Some("a")));
        assert_eq!(empty_to_null(Some(String::new())), None);
        assert_eq!(empty_to_null(Some("None".to_string())).as_deref(), Some("None"));
        let e = TransformError::new("f", "v", ErrorKind::InvalidDate, "why", OriginalBehaviour::Silent);
        assert_eq!(e.to_string(), "f: invalid date \"v\": why");
        assert_eq!(e.clone().with_fallback(Some("x".into())).fallback.as_deref(), Some("x"));
    }

    /// No function panics, whatever the text.
    #[test]
    fn odd_inputs_never_panic() {
        let inputs = [
            "",
            " ",
            "\t\n",
            "é",
            "2019-03-1é",
            "2019-03-12é10:00",
            "2019-03-12T",
            "2019-03-12T25",
            "ééééééééééé",
            "1/1/1",
            "00/00/0000",
            "0000-00-00",
            "99999999",
            "-",
            "+",
            ".",
            "e",
            "1e",
            "1e-99",
            "1e99",
            "--1",
            "NaN",
            "𝟙𝟚",
            "\u{0}",
            "12:00:00.",
            "12:00:00.1234567890",
            "2019-03-12 12:00:00.",
            ":",
            "::",
            "Σ",
            "'Σ'",
        ];
        let lk = Lookup::from_pairs("l", [("1", "A")]);
        for s in inputs {
            let v = Some(s);
            let _ = (parse_casrec_datetime(v), add_one_year(v), start_of_tax_year(v), end_of_tax_year(v));
            let _ = (
                fee_reduction_end_date(v),
                calculate_duedate(v),
                calculate_startdate(v),
                due_date_for_case(v, true, &WorkingDays::weekends_only()),
            );
            let _ = (money_pound_pence(v), multiply_by_100(v), absolute_value(v), coerce_int(v), coerce_bool(v));
            let _ = (coerce_decimal(v), convert_to_timestamp(v, v), convert_to_timestamp(Some("2020-01-01"), v));
            let _ = (first_word(v), last_words(v), capitalise_first_letter(v), first_two_chars(v), convert_to_bool(v));
            let _ = (credit_type_from_invoice_ref(v), squash_columns(&[v, None]), get_max_col(&[v, Some("1")]));
            let _ =
                (lookup(&lk, v, None), conditional_lookup(&lk, "A", v, v), coalesce(&[v]), is_at_least_one_set(&[v]));
            let _ = map_deputy_subtype(&DeputyNames { deputytype: Some("PA"), firstname: v, ..DeputyNames::default() });
        }
    }
}
