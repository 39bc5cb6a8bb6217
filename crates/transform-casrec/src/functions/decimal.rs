//! Money: `money_poundPence`, `multiply_by_100`, `absolute_value`, and an exact decimal type.
//!
//! The original used Python's `Decimal` (exact) and then coerced `Decimal` columns to binary
//! `float`. Here every amount stays an exact [`Decimal`] (mantissa and scale); no float rounding.

use super::{ErrorKind, OriginalBehaviour, TransformError};
use std::fmt;

/// Largest scale accepted (the maximum scale of Arrow's `Decimal128`).
const MAX_SCALE: u32 = 38;

/// An exact decimal number: `mantissa × 10^-scale`.
///
/// `Display` writes plain notation (no exponent) with exactly `scale` fractional digits, a leading
/// `0` before the point and a `-` only for values below zero: `Decimal::parse("-.50")` displays as
/// `-0.50`, `"1e2"` as `100`, `"-0"` as `0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

impl Decimal {
    /// `mantissa × 10^-scale`. Returns `None` when `scale` exceeds 38.
    pub fn new(mantissa: i128, scale: u32) -> Option<Decimal> {
        (scale <= MAX_SCALE).then_some(Decimal { mantissa, scale })
    }

    /// The integer mantissa (e.g. `-50` for `-0.50`).
    pub fn mantissa(&self) -> i128 {
        self.mantissa
    }

    /// The number of fractional digits (e.g. `2` for `-0.50`).
    pub fn scale(&self) -> u32 {
        self.scale
    }

    /// The absolute value, scale kept.
    pub fn abs(&self) -> Decimal {
        Decimal { mantissa: self.mantissa.abs(), scale: self.scale }
    }

    /// Parses a decimal literal the way Python's `Decimal(str)` does for finite numbers: surrounding
    /// whitespace ignored, optional sign, digits with an optional point (`.5`, `5.`), optional
    /// exponent (`1e2`, `1.5E-3`). A negative exponent beyond the digits raises the scale; a positive
    /// exponent scales the mantissa up (scale 0).
    ///
    /// Rejected (Python would accept them): `NaN`, `Infinity` and underscores between digits.
    /// Returns a short reason on failure.
    pub fn parse(text: &str) -> Result<Decimal, String> {
        let s = text.trim();
        if s.is_empty() {
            return Err("empty".to_string());
        }
        let (negative, rest) = match s.as_bytes()[0] {
            b'-' => (true, &s[1..]),
            b'+' => (false, &s[1..]),
            _ => (false, s),
        };
        let (number, exponent) = match rest.find(['e', 'E']) {
            Some(i) => {
                let exp_text = &rest[i + 1..];
                let exp: i64 = parse_exponent(exp_text).ok_or_else(|| format!("bad exponent {exp_text:?}"))?;
                (&rest[..i], exp)
            }
            None => (rest, 0),
        };
        let (int_part, frac_part) = match number.find('.') {
            Some(i) => (&number[..i], &number[i + 1..]),
            None => (number, ""),
        };
        if int_part.is_empty() && frac_part.is_empty() {
            return Err("no digits".to_string());
        }
        if !int_part.bytes().all(|b| b.is_ascii_digit()) || !frac_part.bytes().all(|b| b.is_ascii_digit()) {
            return Err("not a decimal number".to_string());
        }
        let mut mantissa: i128 = 0;
        for b in int_part.bytes().chain(frac_part.bytes()) {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(b - b'0')))
                .ok_or_else(|| "too many digits".to_string())?;
        }
        let mut scale = frac_part.len() as i64 - exponent;
        if scale < 0 {
            let factor = u32::try_from(-scale)
                .ok()
                .and_then(|e| 10i128.checked_pow(e))
                .ok_or_else(|| "exponent too large".to_string())?;
            mantissa = mantissa.checked_mul(factor).ok_or_else(|| "exponent too large".to_string())?;
            scale = 0;
        }
        let scale =
            u32::try_from(scale).ok().filter(|s| *s <= MAX_SCALE).ok_or_else(|| "too many decimals".to_string())?;
        Ok(Decimal { mantissa: if negative { -mantissa } else { mantissa }, scale })
    }

    /// The value × 100 as an integer, rounding half away from zero (`0.665` → 67, `-0.665` → -67).
    /// `None` on overflow of `i64`.
    pub fn to_minor_units_rounded(&self) -> Option<i64> {
        let m = self.mantissa.checked_mul(100)?;
        let v = if self.scale == 0 {
            m
        } else {
            let div = 10i128.checked_pow(self.scale)?;
            let q = m / div;
            let r = (m % div).abs();
            if r * 2 >= div {
                q + m.signum()
            } else {
                q
            }
        };
        i64::try_from(v).ok()
    }
}

fn parse_exponent(text: &str) -> Option<i64> {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.mantissa.unsigned_abs().to_string();
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let scale = self.scale as usize;
        if scale == 0 {
            return write!(f, "{sign}{digits}");
        }
        let padded =
            if digits.len() <= scale { format!("{}{}", "0".repeat(scale + 1 - digits.len()), digits) } else { digits };
        let (int_part, frac_part) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{int_part}.{frac_part}")
    }
}

/// `money_poundPence` (original function `money_to_decimal`): the CasRec amount in pounds as an exact
/// decimal (pounds, *not* pence — despite the name); the caller writes it to a `numeric(12,2)`
/// column (PostgreSQL rounds to 2 places on insert).
///
/// * `Some("")`, `Some(" ")` → `0` (the original replaced exactly these two values by `"0"`); any
///   other whitespace-only text → `0` as well (the original crashed on e.g. two spaces: §6 defect).
/// * `None` (NULL) → `Ok(None)` (the original would have crashed on `Decimal(None)`).
/// * Otherwise `Decimal(value)`: scale kept (`"1.50"` → `1.50`), whitespace around the number
///   tolerated, negative values kept.
/// * Non-numeric text (`"abc"`, `"£5"`, `"1,000"`) → error, fallback NULL (the original aborted).
pub fn money_pound_pence(value: Option<&str>) -> Result<Option<Decimal>, TransformError> {
    const F: &str = "money_poundPence";
    let Some(v) = value else { return Ok(None) };
    if v.trim().is_empty() {
        return Ok(Some(Decimal { mantissa: 0, scale: 0 }));
    }
    Decimal::parse(v)
        .map(Some)
        .map_err(|reason| TransformError::new(F, v, ErrorKind::InvalidNumber, reason, OriginalBehaviour::Aborted))
}

/// `multiply_by_100`: pounds → integer pence (`finance_invoice.amount`, an `integer` column).
///
/// * The value is parsed as a decimal (surrounding whitespace tolerated) and multiplied by 100
///   exactly; a fractional remainder is **rounded half away from zero** (`0.665` → 67, `-0.665` →
///   -67). The original truncated toward zero (`0.665` → 66): named defect §6.7.
/// * `None`, `Some("")` or whitespace-only → `Ok(None)` (the original aborted on a blank amount,
///   §6.7; rows are normally pre-filtered by `greater_than`/`less_than`, which also crashed).
/// * Non-numeric text (`"1,000.00"`, `"£5"`) → error, fallback NULL (the original aborted).
/// * A result outside `i64` → error `OutOfRange`, fallback NULL.
pub fn multiply_by_100(value: Option<&str>) -> Result<Option<i64>, TransformError> {
    const F: &str = "multiply_by_100";
    let Some(v) = value.filter(|v| !v.trim().is_empty()) else { return Ok(None) };
    let d = Decimal::parse(v)
        .map_err(|reason| TransformError::new(F, v, ErrorKind::InvalidNumber, reason, OriginalBehaviour::Aborted))?;
    d.to_minor_units_rounded().map(Some).ok_or_else(|| {
        TransformError::new(F, v, ErrorKind::OutOfRange, "amount in pence exceeds 64 bits", OriginalBehaviour::Aborted)
    })
}

/// `absolute_value`: `abs(Decimal(value))`, scale kept (`"-2"` → `2`, `"-0.5"` → `0.5`,
/// `"-0.50"` → `0.50`). Pounds, exact (the original then coerced to binary float).
///
/// * `None`, `Some("")` or whitespace-only → `Ok(None)` (the original aborted on a blank amount,
///   §6.7).
/// * Non-numeric text → error, fallback NULL (the original aborted).
pub fn absolute_value(value: Option<&str>) -> Result<Option<Decimal>, TransformError> {
    const F: &str = "absolute_value";
    let Some(v) = value.filter(|v| !v.trim().is_empty()) else { return Ok(None) };
    Decimal::parse(v)
        .map(|d| Some(d.abs()))
        .map_err(|reason| TransformError::new(F, v, ErrorKind::InvalidNumber, reason, OriginalBehaviour::Aborted))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> String {
        match Decimal::parse(s) {
            Ok(d) => d.to_string(),
            Err(e) => panic!("{s:?}: {e}"),
        }
    }

    fn money(s: Option<&str>) -> Option<String> {
        money_pound_pence(s).expect("valid").map(|d| d.to_string())
    }

    #[test]
    fn decimal_parse_and_display() {
        assert_eq!(dec("0.5"), "0.5");
        assert_eq!(dec("-.50"), "-0.50");
        assert_eq!(dec("5."), "5");
        assert_eq!(dec("+7"), "7");
        assert_eq!(dec("  12.30 "), "12.30");
        assert_eq!(dec("1e2"), "100");
        assert_eq!(dec("1.5E-3"), "0.0015");
        assert_eq!(dec("-0"), "0");
        assert_eq!(dec("-0.001"), "-0.001");
        assert_eq!(dec("000123.4500"), "123.4500");
        for bad in ["", " ", ".", "-", "abc", "£5", "1,000.00", "1.2.3", "NaN", "Infinity", "1_000", "1e", "e5", "--1"]
        {
            assert!(Decimal::parse(bad).is_err(), "{bad:?}");
        }
        let d = Decimal::parse("-12.345").expect("valid");
        assert_eq!((d.mantissa(), d.scale()), (-12345, 3));
        assert!(Decimal::parse(&"9".repeat(60)).is_err());
        assert!(Decimal::parse("1e999999").is_err());
        assert!(Decimal::new(1, 39).is_none());
    }

    // §5.2 money_poundPence / money_to_decimal facts.
    #[test]
    fn money_pound_pence_facts() {
        assert_eq!(money(Some("0.5")).as_deref(), Some("0.5"));
        assert_eq!(money(Some("0.66")).as_deref(), Some("0.66"));
        assert_eq!(money(Some("20")).as_deref(), Some("20"));
        assert_eq!(money(Some("1.9")).as_deref(), Some("1.9"));
        assert_eq!(money(Some("0.57")).as_deref(), Some("0.57"));
    }

    #[test]
    fn money_pound_pence_blank_null_whitespace_negative() {
        assert_eq!(money(Some("")).as_deref(), Some("0"));
        assert_eq!(money(Some(" ")).as_deref(), Some("0"));
        assert_eq!(money(Some("  ")).as_deref(), Some("0"));
        assert_eq!(money(None), None);
        assert_eq!(money(Some("-12.50")).as_deref(), Some("-12.50"));
        assert_eq!(money(Some(" 3.25 ")).as_deref(), Some("3.25"));
        let err = money_pound_pence(Some("£5")).expect_err("invalid");
        assert_eq!(err.function, "money_poundPence");
        assert_eq!(err.kind, ErrorKind::InvalidNumber);
        assert_eq!(err.fallback, None);
        assert_eq!(err.original, OriginalBehaviour::Aborted);
    }

    // §5.2 multiply_by_100 facts.
    #[test]
    fn multiply_by_100_facts() {
        assert_eq!(multiply_by_100(Some("0.5")), Ok(Some(50)));
        assert_eq!(multiply_by_100(Some("0.66")), Ok(Some(66)));
        assert_eq!(multiply_by_100(Some("2")), Ok(Some(200)));
        assert_eq!(multiply_by_100(Some("1.9")), Ok(Some(190)));
        assert_eq!(multiply_by_100(Some("0.57")), Ok(Some(57)));
    }

    #[test]
    fn multiply_by_100_rounding_negative_blank_invalid() {
        // Deliberate difference: rounds half away from zero (original truncated: 66 / -66).
        assert_eq!(multiply_by_100(Some("0.665")), Ok(Some(67)));
        assert_eq!(multiply_by_100(Some("-0.665")), Ok(Some(-67)));
        assert_eq!(multiply_by_100(Some("0.664")), Ok(Some(66)));
        assert_eq!(multiply_by_100(Some("-0.664")), Ok(Some(-66)));
        assert_eq!(multiply_by_100(Some("-12.34")), Ok(Some(-1234)));
        assert_eq!(multiply_by_100(Some(" 1.5 ")), Ok(Some(150)));
        assert_eq!(multiply_by_100(Some("1e1")), Ok(Some(1000)));
        assert_eq!(multiply_by_100(Some("0.005")), Ok(Some(1)));
        assert_eq!(multiply_by_100(Some("-0.005")), Ok(Some(-1)));
        assert_eq!(multiply_by_100(Some("0.0049")), Ok(Some(0)));
        assert_eq!(multiply_by_100(Some("")), Ok(None));
        assert_eq!(multiply_by_100(Some("   ")), Ok(None));
        assert_eq!(multiply_by_100(None), Ok(None));
        for bad in ["1,000.00", "£5", "abc"] {
            let e = multiply_by_100(Some(bad)).expect_err("invalid");
            assert_eq!((e.function, e.kind, e.value.as_str()), ("multiply_by_100", ErrorKind::InvalidNumber, bad));
        }
        let e = multiply_by_100(Some("1e30")).expect_err("too large");
        assert_eq!(e.kind, ErrorKind::OutOfRange);
    }

    // §5.2 absolute_value facts.
    #[test]
    fn absolute_value_facts() {
        let abs = |s: &str| absolute_value(Some(s)).expect("valid").map(|d| d.to_string());
        assert_eq!(abs("-0.5").as_deref(), Some("0.5"));
        assert_eq!(abs("0.66").as_deref(), Some("0.66"));
        assert_eq!(abs("-2").as_deref(), Some("2"));
        assert_eq!(abs("1.9").as_deref(), Some("1.9"));
        assert_eq!(abs("-0.50").as_deref(), Some("0.50"));
        assert_eq!(absolute_value(Some("")), Ok(None));
        assert_eq!(absolute_value(Some(" ")), Ok(None));
        assert_eq!(absolute_value(None), Ok(None));
        assert!(absolute_value(Some("x")).is_err());
    }
}
