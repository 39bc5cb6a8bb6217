//! Datatype coercion of mapping fields (`apply_datatypes.py`) and of the values PostgreSQL then
//! parsed on insert.

use super::dates::parse_casrec_datetime;
use super::decimal::Decimal;
use super::{ErrorKind, OriginalBehaviour, TransformError};
use chrono::NaiveDateTime;

/// Coercion of a `date`/`datetime` field: [`parse_casrec_datetime`] (day-first), NULL/blank/
/// whitespace-only → NULL.
///
/// Deliberate difference (§6.4): the original used `errors='ignore'`, so one unparseable or
/// out-of-pandas-range value left the *whole chunk's column* as raw text for PostgreSQL to parse
/// with its DateStyle (`12/03/2019` → 3 Dec 2019 under `ISO, MDY`). Here each value is parsed on its
/// own; an unparseable one is an error (fallback NULL) and does not affect its neighbours.
pub fn coerce_date(value: Option<&str>) -> Result<Option<NaiveDateTime>, TransformError> {
    parse_casrec_datetime(value).map_err(|e| e.in_function("coerce_date"))
}

/// Coercion of an `int` field: `""` → NULL; otherwise the number, which must be integral
/// (`"12"`, `"12.0"`, `" 12 "`, `"1e3"` → 12, 12, 12, 1000).
///
/// * `"12.5"`, `"abc"` → error, fallback NULL (the original aborted the run).
/// * NULL → NULL; whitespace-only → NULL (the original aborted: `float(" ")`).
/// * Outside `i64` → error `OutOfRange`.
pub fn coerce_int(value: Option<&str>) -> Result<Option<i64>, TransformError> {
    const F: &str = "coerce_int";
    let Some(v) = value.filter(|v| !v.trim().is_empty()) else { return Ok(None) };
    let d = Decimal::parse(v)
        .map_err(|reason| TransformError::new(F, v, ErrorKind::InvalidNumber, reason, OriginalBehaviour::Aborted))?;
    let divisor = 10i128.pow(d.scale());
    if d.mantissa() % divisor != 0 {
        return Err(TransformError::new(
            F,
            v,
            ErrorKind::InvalidNumber,
            "not a whole number",
            OriginalBehaviour::Aborted,
        ));
    }
    i64::try_from(d.mantissa() / divisor).map(Some).map_err(|_| {
        TransformError::new(F, v, ErrorKind::OutOfRange, "outside 64-bit integers", OriginalBehaviour::Aborted)
    })
}

/// Coercion of a `Decimal` field: the exact decimal ([`Decimal`]). NULL, `""`, whitespace-only →
/// NULL. Non-numeric → error, fallback NULL.
///
/// Deliberate differences: the original converted to binary `float` (`0.1` stored via a float) and
/// aborted on `""` (`astype(float)`); here the value stays exact and blank is NULL.
pub fn coerce_decimal(value: Option<&str>) -> Result<Option<Decimal>, TransformError> {
    const F: &str = "coerce_decimal";
    let Some(v) = value.filter(|v| !v.trim().is_empty()) else { return Ok(None) };
    Decimal::parse(v)
        .map(Some)
        .map_err(|reason| TransformError::new(F, v, ErrorKind::InvalidNumber, reason, OriginalBehaviour::Aborted))
}

/// Coercion of a `bool` field, end to end: the original turned exactly `"true"`/`"false"` into
/// booleans and left every other value to PostgreSQL's boolean input on insert; this applies both.
///
/// * NULL, `""`, whitespace-only → NULL (`''` is written as NULL).
/// * After trimming and ignoring case: `t`, `true`, `y`, `yes`, `on`, `1` → `true`; `f`, `false`,
///   `n`, `no`, `off`, `0` → `false`; also any unambiguous prefix of `true`, `false`, `yes`, `no`,
///   and `of`/`off` (PostgreSQL rules). This covers `True`/`False` written for Python booleans and
///   the integer defaults `0`/`1`.
/// * Anything else (`"o"`, `"2"`, `"maybe"`) → error `InvalidBool`, fallback NULL (PostgreSQL
///   rejected the insert, aborting the original run).
pub fn coerce_bool(value: Option<&str>) -> Result<Option<bool>, TransformError> {
    const F: &str = "coerce_bool";
    let Some(v) = value else { return Ok(None) };
    let t = v.trim().to_ascii_lowercase();
    if t.is_empty() {
        return Ok(None);
    }
    let prefix_of = |word: &str, min: usize| t.len() >= min && word.starts_with(t.as_str());
    if t == "1" || prefix_of("true", 1) || prefix_of("yes", 1) || t == "on" {
        Ok(Some(true))
    } else if t == "0" || prefix_of("false", 1) || prefix_of("no", 1) || prefix_of("off", 2) {
        Ok(Some(false))
    } else {
        Err(TransformError::new(
            F,
            v,
            ErrorKind::InvalidBool,
            "not a PostgreSQL boolean literal",
            OriginalBehaviour::Aborted,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn coerce_int_rules() {
        assert_eq!(coerce_int(Some("12")), Ok(Some(12)));
        assert_eq!(coerce_int(Some("12.0")), Ok(Some(12)));
        assert_eq!(coerce_int(Some(" 12 ")), Ok(Some(12)));
        assert_eq!(coerce_int(Some("-3")), Ok(Some(-3)));
        assert_eq!(coerce_int(Some("1e3")), Ok(Some(1000)));
        assert_eq!(coerce_int(Some("")), Ok(None));
        assert_eq!(coerce_int(Some("  ")), Ok(None));
        assert_eq!(coerce_int(None), Ok(None));
        for bad in ["12.5", "abc", "1,000"] {
            let e = coerce_int(Some(bad)).expect_err(bad);
            assert_eq!(
                (e.function, e.kind, e.original),
                ("coerce_int", ErrorKind::InvalidNumber, OriginalBehaviour::Aborted)
            );
        }
        assert_eq!(coerce_int(Some("99999999999999999999")).expect_err("big").kind, ErrorKind::OutOfRange);
    }

    #[test]
    fn coerce_decimal_rules() {
        assert_eq!(coerce_decimal(Some("-0.50")).map(|d| d.map(|d| d.to_string())), Ok(Some("-0.50".into())));
        assert_eq!(coerce_decimal(Some("")), Ok(None));
        assert_eq!(coerce_decimal(Some(" ")), Ok(None));
        assert_eq!(coerce_decimal(None), Ok(None));
        assert!(coerce_decimal(Some("x")).is_err());
    }

    #[test]
    fn coerce_bool_rules() {
        for t in ["true", "True", "TRUE", "t", "tr", "y", "Y", "yes", "on", "1", " 1 "] {
            assert_eq!(coerce_bool(Some(t)), Ok(Some(true)), "{t:?}");
        }
        for f in ["false", "False", "f", "fa", "n", "N", "no", "of", "off", "0"] {
            assert_eq!(coerce_bool(Some(f)), Ok(Some(false)), "{f:?}");
        }
        assert_eq!(coerce_bool(Some("")), Ok(None));
        assert_eq!(coerce_bool(Some("  ")), Ok(None));
        assert_eq!(coerce_bool(None), Ok(None));
        for bad in ["o", "2", "maybe", "truex", "1.0"] {
            assert_eq!(coerce_bool(Some(bad)).expect_err(bad).kind, ErrorKind::InvalidBool, "{bad:?}");
        }
    }

    #[test]
    fn coerce_date_rules() {
        let d = NaiveDate::from_ymd_opt(2019, 3, 12).and_then(|d| d.and_hms_opt(0, 0, 0));
        assert_eq!(coerce_date(Some("12/03/2019")), Ok(d));
        assert_eq!(coerce_date(Some("2019-03-12 00:00:00")), Ok(d));
        assert_eq!(coerce_date(Some("")), Ok(None));
        assert_eq!(coerce_date(Some("9999-12-31")).map(|v| v.is_some()), Ok(true));
        assert_eq!(coerce_date(Some("2019-02-30")).expect_err("bad").function, "coerce_date");
    }
}
