//! Dates: the standard day-first parser and every date transformation.
//!
//! The original parsed dates with `pd.to_datetime(value, dayfirst=True)` (pandas 1.5). The parser
//! here accepts the formats that occur in CasRec and that pandas accepted for them:
//!
//! * ISO, year first: `YYYY-MM-DD`, `YYYY/MM/DD`, optionally followed by a space (or `T`) and a time;
//!   never swapped (`2019-03-12` is 12 March; `2019-02-30` and `2019-13-01` are errors);
//! * day first: `D/M/YYYY`, `D-M-YYYY`, `D.M.YYYY` (one or two digits for day and month), optionally
//!   followed by a space and a time; when the day-first reading is not a valid date but the
//!   month-first reading is, pandas silently swapped them (`12/31/2019` → 31 Dec 2019) and so does
//!   this parser;
//! * compact `YYYYMMDD`;
//! * time of day: `H:MM`, `H:MM:SS`, `H:MM:SS.fraction` (1–9 fractional digits kept).
//!
//! Surrounding whitespace is ignored; `""`, whitespace-only text and pandas' NaT spellings (`NaT`,
//! `nat`, `NAT`, `nan`, `NaN`, `NAN`) are blank (NULL). Two-digit years, month names and time-zone
//! suffixes are not accepted (they do not occur in CasRec) and give an error.
//!
//! Deliberate difference: years 1–9999 are all valid. pandas only handled 1677–2262; a date outside
//! that range (e.g. `9999-12-31`) made the original leave the *whole chunk's column* unparsed for
//! PostgreSQL to parse with its own DateStyle (§6.4 defect).

use super::{ErrorKind, OriginalBehaviour, TransformError};
use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};

const NAT_TOKENS: [&str; 6] = ["NaT", "nat", "NAT", "nan", "NaN", "NAN"];

/// Parses a CasRec date/time with the day-first rules described in the module documentation.
///
/// `Ok(None)` for NULL, blank, whitespace-only or a NaT spelling; `Err` (kind `InvalidDate` or
/// `InvalidTime`, fallback NULL) for anything else that is not a valid date. The error's
/// `original` is `Aborted` (the original's column-wide fallback made PostgreSQL reject the insert or
/// guess with its DateStyle); functions that used `errors='coerce'` override it.
pub fn parse_casrec_datetime(value: Option<&str>) -> Result<Option<NaiveDateTime>, TransformError> {
    const F: &str = "parse_casrec_datetime";
    let Some(raw) = value else { return Ok(None) };
    let s = raw.trim();
    if s.is_empty() || NAT_TOKENS.contains(&s) {
        return Ok(None);
    }
    let (date_part, time_part) = split_date_time(s);
    let date = parse_date_part(date_part).ok_or_else(|| {
        TransformError::new(
            F,
            raw,
            ErrorKind::InvalidDate,
            "not a valid date (expected YYYY-MM-DD, DD/MM/YYYY or YYYYMMDD)",
            OriginalBehaviour::Aborted,
        )
    })?;
    let time = match time_part {
        None => NaiveTime::MIN,
        Some(t) => parse_time_part(t).ok_or_else(|| {
            TransformError::new(
                F,
                raw,
                ErrorKind::InvalidTime,
                "not a valid time of day (expected H:MM[:SS[.fraction]])",
                OriginalBehaviour::Aborted,
            )
        })?,
    };
    Ok(Some(date.and_time(time)))
}

/// A CasRec time of day on its own (the `at` / `at.1` beside a `Create` / `Modify` date):
/// `H:MM`, `H:MM:SS` or `H:MM:SS.fraction`, the fraction kept so that times order as written.
///
/// `Ok(None)` for NULL, blank or a NaT spelling; `Err` (kind `InvalidTime`, fallback NULL) for
/// anything else that is not a time of day.
pub fn parse_casrec_time(value: Option<&str>) -> Result<Option<NaiveTime>, TransformError> {
    let Some(raw) = value else { return Ok(None) };
    let s = raw.trim();
    if s.is_empty() || NAT_TOKENS.contains(&s) {
        return Ok(None);
    }
    parse_time_part(s).map(Some).ok_or_else(|| {
        TransformError::new(
            "parse_casrec_time",
            raw,
            ErrorKind::InvalidTime,
            "not a valid time of day (expected H:MM[:SS[.fraction]])",
            OriginalBehaviour::Aborted,
        )
    })
}

/// [`parse_casrec_datetime`] without the time of day.
pub fn parse_casrec_date(value: Option<&str>) -> Result<Option<NaiveDate>, TransformError> {
    parse_casrec_datetime(value).map(|d| d.map(|d| d.date())).map_err(|e| e.in_function("parse_casrec_date"))
}

/// `date_format_standard`: the standard date coercion of a `date`/`datetime` mapping field
/// ([`parse_casrec_datetime`]). The original named this transformation but filtered it out before
/// dispatch (no field uses it at HEAD); its earlier implementation was
/// `pd.to_datetime(value, dayfirst=True).strftime("%Y-%m-%d")` — format the result with
/// [`format_date`] for that text form.
pub fn date_format_standard(value: Option<&str>) -> Result<Option<NaiveDateTime>, TransformError> {
    parse_casrec_datetime(value).map_err(|e| e.in_function("date_format_standard"))
}

/// The standard text form of a date: `YYYY-MM-DD` (what `current_date`, `DueDateCalculator` and
/// `strftime("%Y-%m-%d")` produced).
pub fn format_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// The standard text form of a timestamp: `YYYY-MM-DD HH:MM:SS` (what a `timestamp(0)` column
/// holds). The fraction is dropped; use [`round_to_second`] first to get PostgreSQL's rounding.
pub fn format_datetime(value: NaiveDateTime) -> String {
    value.format("%Y-%m-%d %H:%M:%S").to_string()
}

/// Rounds to whole seconds the way a PostgreSQL `timestamp(0)` column does on insert (half up:
/// `10:00:00.5` → `10:00:01`). The original wrote fractional timestamps and left the rounding to
/// PostgreSQL. Returns the input unchanged if rounding would overflow.
pub fn round_to_second(value: NaiveDateTime) -> NaiveDateTime {
    let truncated = value.with_nanosecond(0).unwrap_or(value);
    if value.nanosecond() >= 500_000_000 {
        truncated.checked_add_signed(chrono::TimeDelta::seconds(1)).unwrap_or(truncated)
    } else {
        truncated
    }
}

/// `current_date` (calculated field): the run date. The original wrote `now` as `YYYY-MM-DD`,
/// captured once at process start from the container's local clock; here the caller passes the run
/// date explicitly (`as_of`) and every row of the run gets it. Date/datetime targets get midnight.
pub fn current_date(as_of: NaiveDate) -> NaiveDate {
    as_of
}

fn split_date_time(s: &str) -> (&str, Option<&str>) {
    if let Some(i) = s.find(char::is_whitespace) {
        return (&s[..i], Some(s[i..].trim_start()));
    }
    // ISO 8601 with a `T` separator: `2020-01-02T10:00:00`.
    if s.len() > 10 && s.as_bytes().get(10) == Some(&b'T') && s.is_char_boundary(10) {
        return (&s[..10], Some(&s[11..]));
    }
    (s, None)
}

fn digits(s: &str, min: usize, max: usize) -> Option<u32> {
    if s.len() < min || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Year 0 is no date (PostgreSQL has none; the generator writes `0000-01-01` as an impossible one).
fn parse_date_part(s: &str) -> Option<NaiveDate> {
    parse_date_digits(s).filter(|d| d.year() >= 1)
}

fn parse_date_digits(s: &str) -> Option<NaiveDate> {
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::from_ymd_opt(digits(&s[..4], 4, 4)? as i32, digits(&s[4..6], 2, 2)?, digits(&s[6..], 2, 2)?);
    }
    let sep = s.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = s.split(sep).collect();
    let [a, b, c] = parts.as_slice() else { return None };
    if a.len() == 4 {
        if sep == '.' {
            return None;
        }
        let y = digits(a, 4, 4)? as i32;
        return NaiveDate::from_ymd_opt(y, digits(b, 1, 2)?, digits(c, 1, 2)?);
    }
    if c.len() == 4 {
        let y = digits(c, 4, 4)? as i32;
        let first = digits(a, 1, 2)?;
        let second = digits(b, 1, 2)?;
        return NaiveDate::from_ymd_opt(y, second, first).or_else(|| NaiveDate::from_ymd_opt(y, first, second));
    }
    None
}

fn parse_time_part(s: &str) -> Option<NaiveTime> {
    let mut it = s.split(':');
    let h = digits(it.next()?, 1, 2)?;
    let m = digits(it.next()?, 2, 2)?;
    let (sec, nanos) = match it.next() {
        None => (0, 0),
        Some(sec_text) => {
            let (whole, frac) = match sec_text.split_once('.') {
                Some((w, f)) => (w, Some(f)),
                None => (sec_text, None),
            };
            let sec = digits(whole, 2, 2)?;
            let nanos = match frac {
                None => 0,
                Some(f) => {
                    let v = digits(f, 1, 9)?;
                    v * 10u32.pow(9 - f.len() as u32)
                }
            };
            (sec, nanos)
        }
    };
    if it.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_nano_opt(h, m, sec, nanos)
}

fn parse_for(function: &'static str, value: Option<&str>) -> Result<Option<NaiveDateTime>, TransformError> {
    parse_casrec_datetime(value).map_err(|e| e.in_function(function))
}

/// Keeps a result only if its year is within 1–9999 (the range the parser accepts and PostgreSQL
/// `timestamp` formats without a sign).
fn in_years<T: Datelike>(value: T) -> Option<T> {
    (1..=9999).contains(&value.year()).then_some(value)
}

fn out_of_range(function: &'static str, value: &str, original: OriginalBehaviour) -> TransformError {
    TransformError::new(function, value, ErrorKind::OutOfRange, "result outside the years 1-9999", original)
}

/// `add_one_year` (finance_invoice_ad `enddate`): parse day-first, add one calendar year, time of
/// day kept; 29 February becomes 28 February (`pd.DateOffset(years=1)`).
///
/// * NULL, blank, whitespace-only → `Ok(None)` (the original: NaT → NULL).
/// * Unparseable → error, fallback NULL (the original aborted).
pub fn add_one_year(value: Option<&str>) -> Result<Option<NaiveDateTime>, TransformError> {
    const F: &str = "add_one_year";
    let Some(dt) = parse_for(F, value)? else { return Ok(None) };
    dt.checked_add_months(Months::new(12))
        .and_then(in_years)
        .map(Some)
        .ok_or_else(|| out_of_range(F, value.unwrap_or_default(), OriginalBehaviour::Aborted))
}

/// The year Y such that the date lies in the financial ("tax") year 1 April Y – 31 March Y+1.
fn tax_year_start_year(date: NaiveDate) -> i32 {
    if date.month() >= 4 {
        date.year()
    } else {
        date.year() - 1
    }
}

/// `start_of_tax_year` (finance_invoice_non_ad `startdate`): 1 April of the financial year
/// (1 April – 31 March) that contains the parsed date. Note: this is the government/OPG financial
/// year used for fees, *not* HMRC's income-tax year (6 April – 5 April): 5 and 6 April both give
/// 1 April of the same year, 31 March gives 1 April of the previous year.
///
/// The original (`to_period("Q-MAR").qyear`) returned a datetime at midnight; this returns the date.
///
/// * NULL, blank, whitespace-only → `Ok(None)`. The original aborted on a blank date (§6.7 defect).
/// * Unparseable → error, fallback NULL (the original aborted).
pub fn start_of_tax_year(value: Option<&str>) -> Result<Option<NaiveDate>, TransformError> {
    const F: &str = "start_of_tax_year";
    let Some(dt) = parse_for(F, value)? else { return Ok(None) };
    NaiveDate::from_ymd_opt(tax_year_start_year(dt.date()), 4, 1)
        .and_then(in_years)
        .map(Some)
        .ok_or_else(|| out_of_range(F, value.unwrap_or_default(), OriginalBehaviour::Aborted))
}

/// `end_of_tax_year` (finance_invoice_non_ad `enddate`): 31 March that ends the financial year
/// (1 April – 31 March) containing the parsed date. Same rules as [`start_of_tax_year`].
pub fn end_of_tax_year(value: Option<&str>) -> Result<Option<NaiveDate>, TransformError> {
    const F: &str = "end_of_tax_year";
    let Some(dt) = parse_for(F, value)? else { return Ok(None) };
    tax_year_start_year(dt.date())
        .checked_add(1)
        .and_then(|y| NaiveDate::from_ymd_opt(y, 3, 31))
        .and_then(in_years)
        .map(Some)
        .ok_or_else(|| out_of_range(F, value.unwrap_or_default(), OriginalBehaviour::Aborted))
}

/// `fee_reduction_end_date` (finance remissions/exemptions `enddate`, from `Award Date`), time of day
/// kept:
///
/// * 31 March → unchanged;
/// * 1 April → the previous day (31 March of the same year);
/// * otherwise 31 March of the same year if the date is before it, else 31 March of the next year.
///
/// NULL, blank, whitespace-only → `Ok(None)` (the original aborted on a blank; such rows are normally
/// removed by the `date_since` condition first). Unparseable → error, fallback NULL (the original
/// aborted).
pub fn fee_reduction_end_date(value: Option<&str>) -> Result<Option<NaiveDateTime>, TransformError> {
    const F: &str = "fee_reduction_end_date";
    let Some(dt) = parse_for(F, value)? else { return Ok(None) };
    let d = dt.date();
    let err = || out_of_range(F, value.unwrap_or_default(), OriginalBehaviour::Aborted);
    let result = match (d.month(), d.day()) {
        (3, 31) => dt,
        (4, 1) => dt.checked_sub_days(Days::new(1)).ok_or_else(err)?,
        _ => {
            let year = if (d.month(), d.day()) < (3, 31) { d.year() } else { d.year() + 1 };
            NaiveDate::from_ymd_opt(year, 3, 31).ok_or_else(err)?.and_time(dt.time())
        }
    };
    in_years(result).map(Some).ok_or_else(err)
}

/// The original's `calculate_date(base, delta, weekend_adjustment="next")` core: add `days`, then
/// move a Saturday or Sunday to the following Monday.
fn add_days_then_next_monday(dt: NaiveDateTime, days: u64) -> Option<NaiveDateTime> {
    let d = dt.checked_add_days(Days::new(days))?;
    match d.weekday() {
        Weekday::Sat => d.checked_add_days(Days::new(2)),
        Weekday::Sun => d.checked_add_days(Days::new(1)),
        _ => Some(d),
    }
}

/// `calculate_duedate` (annual_report_logs `duedate` in the mapping): parse day-first; add 21 days;
/// a Saturday or Sunday result moves to the following Monday. No bank holidays. Time of day kept.
///
/// * NULL, blank, whitespace-only → `Ok(None)`.
/// * Unparseable → error with `original = Silent`, fallback NULL (the original used
///   `errors='coerce'` and wrote NULL without notice).
///
/// In the original the mapped value is always overwritten by `DueDateCalculator`
/// ([`due_date_for_case`]).
pub fn calculate_duedate(value: Option<&str>) -> Result<Option<NaiveDateTime>, TransformError> {
    const F: &str = "calculate_duedate";
    let dt = parse_casrec_datetime(value).map_err(|e| e.in_function(F).with_original(OriginalBehaviour::Silent))?;
    let Some(dt) = dt else { return Ok(None) };
    add_days_then_next_monday(dt, 21)
        .and_then(in_years)
        .map(Some)
        .ok_or_else(|| out_of_range(F, value.unwrap_or_default(), OriginalBehaviour::Silent))
}

/// `calculate_startdate` (annual_report_logs `reportingperiodstartdate`): parse day-first, subtract
/// one calendar year (29 February → 28 February), then add one day (`2020-02-29` → `2019-03-01`,
/// `2021-12-08` → `2020-12-09`). No weekend rule. Time of day kept.
///
/// * NULL, blank, whitespace-only → `Ok(None)`.
/// * Unparseable → error with `original = Silent`, fallback NULL (`errors='coerce'`).
pub fn calculate_startdate(value: Option<&str>) -> Result<Option<NaiveDateTime>, TransformError> {
    const F: &str = "calculate_startdate";
    let dt = parse_casrec_datetime(value).map_err(|e| e.in_function(F).with_original(OriginalBehaviour::Silent))?;
    let Some(dt) = dt else { return Ok(None) };
    dt.checked_sub_months(Months::new(12))
        .and_then(|d| d.checked_add_days(Days::new(1)))
        .and_then(in_years)
        .map(Some)
        .ok_or_else(|| out_of_range(F, value.unwrap_or_default(), OriginalBehaviour::Silent))
}

/// CasRec `deputy."Dep Type"` codes that denote a PA or professional deputy for the due-date rule
/// (`DueDateCalculator.PA_PRO_DEP_TYPES`, IN-1208). Note: the deputy-address code list of the
/// original differs (§6.14); this is the due-date list.
pub const PA_PRO_DEPUTY_TYPES: [&str; 13] =
    ["20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "60", "73", "90"];

/// `true` if `dep_type` is exactly one of [`PA_PRO_DEPUTY_TYPES`] (string equality, no trimming).
pub fn is_pa_pro_deputy_type(dep_type: Option<&str>) -> bool {
    dep_type.is_some_and(|t| PA_PRO_DEPUTY_TYPES.contains(&t))
}

/// `true` for an active (`Stat` = `'1'`) PA/PRO deputy: a case with at least one deputyship of such
/// a deputy gets the PA/PRO due-date rule.
pub fn is_active_pa_pro_deputy(dep_type: Option<&str>, stat: Option<&str>) -> bool {
    is_pa_pro_deputy_type(dep_type) && stat == Some("1")
}

/// Which days are working days: Monday to Friday, less the bank holidays it holds. The
/// original counted weekends only (its bank holidays were working days); the migration takes
/// England and Wales's bank holidays as data (`mappings/lookups/bank_holidays.csv`), so a due
/// date never lands on one and a period's working days are the ones the OPG works.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkingDays {
    holidays: std::collections::BTreeSet<NaiveDate>,
}

impl WorkingDays {
    /// Monday to Friday, every one a working day (the original's calendar).
    pub fn weekends_only() -> WorkingDays {
        WorkingDays::default()
    }

    pub fn with_holidays(holidays: impl IntoIterator<Item = NaiveDate>) -> WorkingDays {
        WorkingDays { holidays: holidays.into_iter().collect() }
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&d)
    }

    /// The working day on or before `d`.
    pub fn on_or_before(&self, mut d: NaiveDate) -> Option<NaiveDate> {
        while !self.is_working_day(d) {
            d = d.pred_opt()?;
        }
        Some(d)
    }

    /// The working day on or after `d`.
    pub fn on_or_after(&self, mut d: NaiveDate) -> Option<NaiveDate> {
        while !self.is_working_day(d) {
            d = d.succ_opt()?;
        }
        Some(d)
    }

    /// numpy's `busday_offset(date, n, roll)` over this calendar: a day that is not a working day
    /// first rolls to the working day before it (`Roll::Backward`) or after it (`Roll::Forward`),
    /// then `n` working days are added (subtracted when negative). `None` on overflow.
    pub fn offset(&self, date: NaiveDate, n: i64, roll: Roll) -> Option<NaiveDate> {
        let mut d = match roll {
            Roll::Backward => self.on_or_before(date)?,
            Roll::Forward => self.on_or_after(date)?,
        };
        if self.holidays.is_empty() {
            // Whole weeks first when only weekends are skipped (a million rows, no loop per day).
            let weeks = n / 5;
            let days = Days::new(weeks.unsigned_abs().checked_mul(7)?);
            d = if weeks >= 0 { d.checked_add_days(days)? } else { d.checked_sub_days(days)? };
            return self.step(d, n % 5);
        }
        self.step(d, n)
    }

    fn step(&self, mut d: NaiveDate, n: i64) -> Option<NaiveDate> {
        for _ in 0..n.unsigned_abs() {
            loop {
                d = if n >= 0 { d.succ_opt()? } else { d.pred_opt()? };
                if self.is_working_day(d) {
                    break;
                }
            }
        }
        Some(d)
    }
}

/// How [`WorkingDays::offset`] first moves a day that is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Roll {
    Backward,
    Forward,
}

/// numpy's `busday_offset(date, n, roll='backward')`: a day that is not a working day first rolls
/// back to the working day before it, then `n` working days are added (or subtracted for
/// negative `n`). `None` on overflow.
pub fn add_business_days(date: NaiveDate, n: i64, calendar: &WorkingDays) -> Option<NaiveDate> {
    calendar.offset(date, n, Roll::Backward)
}

/// The original's `busday_offset(today, -n, roll='forward')` (the report status thresholds
/// "fifteen / seventy-one working days ago"): a day that is not a working day first moves on to
/// the next working day, then `n` working days are counted back.
pub fn working_days_before(date: NaiveDate, n: i64, calendar: &WorkingDays) -> Option<NaiveDate> {
    calendar.offset(date, n.checked_neg()?, Roll::Forward)
}

/// `DueDateCalculator.calculate_duedate` for an already-parsed end date:
///
/// * case with an active PA/PRO deputy: the end date (time dropped), rolled back to a working day,
///   + 40 working days;
/// * any other case: + 21 days, and a result that is not a working day moves on to the next one
///   (the original moved only a weekend to the Monday).
///
/// `None` only when the result would leave the years 1–9999.
pub fn due_date_from(
    end_date: NaiveDateTime,
    has_active_pa_pro_deputy: bool,
    calendar: &WorkingDays,
) -> Option<NaiveDate> {
    let due = if has_active_pa_pro_deputy {
        add_business_days(end_date.date(), 40, calendar)
    } else {
        end_date.date().checked_add_days(Days::new(21)).and_then(|d| calendar.on_or_after(d))
    };
    due.and_then(in_years)
}

/// `DueDateCalculator.calculate_duedate` (annual_report_logs `duedate`, which overwrites the mapped
/// `calculate_duedate`; also used for pending reports from `pat."Report Due"`). The caller decides
/// `has_active_pa_pro_deputy`: the report's case (`c_case`, exact text) is one of the `deputyship`
/// cases of a deputy with [`is_active_pa_pro_deputy`]. The original formatted the result as
/// `YYYY-MM-DD` ([`format_date`]).
///
/// * NULL, blank, whitespace-only → `Ok(None)`.
/// * Unparseable (e.g. `88/11/2999`, `99/12/2022`) → error with `original = Silent`, fallback NULL
///   (`errors='coerce'` in the original).
pub fn due_date_for_case(
    end_date: Option<&str>,
    has_active_pa_pro_deputy: bool,
    calendar: &WorkingDays,
) -> Result<Option<NaiveDate>, TransformError> {
    const F: &str = "calculate_duedate";
    let dt = parse_casrec_datetime(end_date).map_err(|e| e.in_function(F).with_original(OriginalBehaviour::Silent))?;
    let Some(dt) = dt else { return Ok(None) };
    due_date_from(dt, has_active_pa_pro_deputy, calendar)
        .map(Some)
        .ok_or_else(|| out_of_range(F, end_date.unwrap_or_default(), OriginalBehaviour::Silent))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn dt(y: i32, m: u32, day: u32, h: u32, min: u32, s: u32) -> NaiveDateTime {
        d(y, m, day).and_hms_opt(h, min, s).expect("valid test time")
    }

    fn p(s: &str) -> Option<NaiveDateTime> {
        match parse_casrec_datetime(Some(s)) {
            Ok(v) => v,
            Err(e) => panic!("{s:?}: {e}"),
        }
    }

    #[test]
    fn parser_accepts_casrec_and_pandas_forms() {
        assert_eq!(p("2019-03-12 00:00:00"), Some(dt(2019, 3, 12, 0, 0, 0)));
        assert_eq!(p("2019-03-12"), Some(dt(2019, 3, 12, 0, 0, 0)));
        assert_eq!(p("2019-03-12 13:45:59"), Some(dt(2019, 3, 12, 13, 45, 59)));
        assert_eq!(p("2019-03-12T13:45:59"), Some(dt(2019, 3, 12, 13, 45, 59)));
        assert_eq!(p("2019/03/12"), Some(dt(2019, 3, 12, 0, 0, 0)));
        assert_eq!(p("12/03/2019"), Some(dt(2019, 3, 12, 0, 0, 0)));
        assert_eq!(p("03/12/2019"), Some(dt(2019, 12, 3, 0, 0, 0)));
        assert_eq!(p("12-03-2019"), Some(dt(2019, 3, 12, 0, 0, 0)));
        assert_eq!(p("12.03.2019"), Some(dt(2019, 3, 12, 0, 0, 0)));
        assert_eq!(p("20190312"), Some(dt(2019, 3, 12, 0, 0, 0)));
        assert_eq!(p("1/4/2020"), Some(dt(2020, 4, 1, 0, 0, 0)));
        assert_eq!(p("28/02/2011 00:00"), Some(dt(2011, 2, 28, 0, 0, 0)));
        assert_eq!(p("28/02/2011 9:05"), Some(dt(2011, 2, 28, 9, 5, 0)));
        assert_eq!(p("  2019-03-12  "), Some(dt(2019, 3, 12, 0, 0, 0)));
        // pandas' silent swap when the day-first reading is impossible.
        assert_eq!(p("12/31/2019"), Some(dt(2019, 12, 31, 0, 0, 0)));
        let frac = p("2020-06-14 08:54:04.032").expect("parsed");
        assert_eq!(frac.nanosecond(), 32_000_000);
        assert_eq!(round_to_second(frac), dt(2020, 6, 14, 8, 54, 4));
        assert_eq!(round_to_second(p("2020-06-14 10:00:00.6").expect("parsed")), dt(2020, 6, 14, 10, 0, 1));
        // Out of pandas' range but valid here (deliberate difference).
        assert_eq!(p("9999-12-31"), Some(dt(9999, 12, 31, 0, 0, 0)));
        assert_eq!(p("0001-01-01"), Some(dt(1, 1, 1, 0, 0, 0)));
    }

    #[test]
    fn parser_blank_null_whitespace_nat() {
        for blank in ["", " ", "\t", "NaT", "nan", "NaN"] {
            assert_eq!(parse_casrec_datetime(Some(blank)), Ok(None), "{blank:?}");
        }
        assert_eq!(parse_casrec_datetime(None), Ok(None));
    }

    #[test]
    fn parser_rejects_malformed() {
        for bad in [
            "2019-02-30",
            "2019-13-01",
            "2019-02-29",
            "31/02/2019",
            "88/11/2999",
            "99/12/2022",
            "12/03/19",
            "abc",
            "2019-03-12 25:00:00",
            "2019-03-12 10:61",
            "2019-03-12 10",
            "2019-03-12 10:00:00:00",
            "2019-03-12x",
            "12 Mar 2019",
            "2019.03.12",
            "1/2/3/2019",
            "0000-01-01",
            "00000101",
            "01/01/0000",
        ] {
            let e = parse_casrec_datetime(Some(bad)).expect_err(bad);
            assert!(matches!(e.kind, ErrorKind::InvalidDate | ErrorKind::InvalidTime), "{bad:?}");
            assert_eq!(e.value, bad);
            assert_eq!(e.fallback, None);
        }
    }

    #[test]
    fn parser_leap_days() {
        assert_eq!(p("29/02/2012"), Some(dt(2012, 2, 29, 0, 0, 0)));
        assert_eq!(p("2000-02-29"), Some(dt(2000, 2, 29, 0, 0, 0)));
        assert!(parse_casrec_datetime(Some("1900-02-29")).is_err());
        assert!(parse_casrec_datetime(Some("29/02/2011")).is_err());
    }

    #[test]
    fn formatting() {
        assert_eq!(format_date(d(2021, 4, 1)), "2021-04-01");
        assert_eq!(format_datetime(dt(2021, 4, 1, 7, 8, 9)), "2021-04-01 07:08:09");
        assert_eq!(
            date_format_standard(Some("12/03/2019")).map(|v| v.map(|v| format_date(v.date()))),
            Ok(Some("2019-03-12".to_string()))
        );
        assert_eq!(date_format_standard(Some("x")).expect_err("bad").function, "date_format_standard");
        assert_eq!(parse_casrec_date(Some("2019-03-12 10:00:00")), Ok(Some(d(2019, 3, 12))));
        assert_eq!(current_date(d(2022, 11, 3)), d(2022, 11, 3));
    }

    // §5.2 add_one_year facts.
    #[test]
    fn add_one_year_facts() {
        let f = |s: &str| add_one_year(Some(s)).expect("valid").map(|v| v.date());
        assert_eq!(f("28/02/2011 00:00"), Some(d(2012, 2, 28)));
        assert_eq!(f("29/02/2012 00:00"), Some(d(2013, 2, 28)));
        assert_eq!(f("2012-02-29 00:00:00"), Some(d(2013, 2, 28)));
        assert_eq!(f("01/04/2020 00:00"), Some(d(2021, 4, 1)));
    }

    #[test]
    fn add_one_year_edges() {
        assert_eq!(add_one_year(Some("2019-05-06 10:30:00")), Ok(Some(dt(2020, 5, 6, 10, 30, 0))));
        assert_eq!(add_one_year(Some("")), Ok(None));
        assert_eq!(add_one_year(Some("  ")), Ok(None));
        assert_eq!(add_one_year(None), Ok(None));
        let e = add_one_year(Some("2019-02-30")).expect_err("bad");
        assert_eq!(
            (e.function, e.kind, e.original),
            ("add_one_year", ErrorKind::InvalidDate, OriginalBehaviour::Aborted)
        );
        assert_eq!(add_one_year(Some("9999-06-01")).expect_err("overflow").kind, ErrorKind::OutOfRange);
    }

    // §5.2 start_of_tax_year / end_of_tax_year facts.
    #[test]
    fn tax_year_facts() {
        let cases = [
            ("28/02/2011 00:00", d(2010, 4, 1), d(2011, 3, 31)),
            ("29/06/2012 00:00", d(2012, 4, 1), d(2013, 3, 31)),
            ("2012-03-31 00:00:00", d(2011, 4, 1), d(2012, 3, 31)),
            ("01/04/2012 00:00", d(2012, 4, 1), d(2013, 3, 31)),
        ];
        for (input, start, end) in cases {
            assert_eq!(start_of_tax_year(Some(input)), Ok(Some(start)), "{input}");
            assert_eq!(end_of_tax_year(Some(input)), Ok(Some(end)), "{input}");
        }
    }

    #[test]
    fn tax_year_april_boundaries_leap_blank_invalid() {
        // The financial year starts on 1 April, so 5 and 6 April (HMRC's boundary) are in the same
        // year; 31 March belongs to the previous one.
        for input in ["2020-04-05", "2020-04-06", "2020-04-01", "2021-03-30"] {
            assert_eq!(start_of_tax_year(Some(input)), Ok(Some(d(2020, 4, 1))), "{input}");
            assert_eq!(end_of_tax_year(Some(input)), Ok(Some(d(2021, 3, 31))), "{input}");
        }
        assert_eq!(start_of_tax_year(Some("2020-03-31 23:59:59")), Ok(Some(d(2019, 4, 1))));
        assert_eq!(end_of_tax_year(Some("2020-03-31 23:59:59")), Ok(Some(d(2020, 3, 31))));
        assert_eq!(start_of_tax_year(Some("29/02/2020")), Ok(Some(d(2019, 4, 1))));
        assert_eq!(end_of_tax_year(Some("29/02/2020")), Ok(Some(d(2020, 3, 31))));
        // Blank: the original aborted; here NULL.
        assert_eq!(start_of_tax_year(Some("")), Ok(None));
        assert_eq!(end_of_tax_year(Some(" ")), Ok(None));
        assert_eq!(end_of_tax_year(None), Ok(None));
        assert_eq!(start_of_tax_year(Some("31/31/2020")).expect_err("bad").function, "start_of_tax_year");
        assert_eq!(end_of_tax_year(Some("nope")).expect_err("bad").function, "end_of_tax_year");
        assert_eq!(end_of_tax_year(Some("9999-06-01")).expect_err("overflow").kind, ErrorKind::OutOfRange);
    }

    // §5.2 fee_reduction_end_date facts.
    #[test]
    fn fee_reduction_end_date_facts() {
        let f = |s: &str| fee_reduction_end_date(Some(s)).expect("valid").map(|v| v.date());
        assert_eq!(f("31/03/2011 00:00"), Some(d(2011, 3, 31)));
        assert_eq!(f("01/04/2012 00:00"), Some(d(2012, 3, 31)));
        assert_eq!(f("2012-04-01 00:00:00"), Some(d(2012, 3, 31)));
        assert_eq!(f("01/05/2020 00:00"), Some(d(2021, 3, 31)));
        assert_eq!(f("04/02/2020"), Some(d(2020, 3, 31)));
    }

    #[test]
    fn fee_reduction_end_date_edges() {
        let f = |s: &str| fee_reduction_end_date(Some(s)).expect("valid");
        assert_eq!(f("2021-04-05"), Some(dt(2022, 3, 31, 0, 0, 0)));
        assert_eq!(f("2021-04-06"), Some(dt(2022, 3, 31, 0, 0, 0)));
        assert_eq!(f("2021-04-02"), Some(dt(2022, 3, 31, 0, 0, 0)));
        assert_eq!(f("2021-03-30"), Some(dt(2021, 3, 31, 0, 0, 0)));
        assert_eq!(f("29/02/2024"), Some(dt(2024, 3, 31, 0, 0, 0)));
        assert_eq!(f("2021-12-31 10:15:00"), Some(dt(2022, 3, 31, 10, 15, 0)));
        assert_eq!(f("2021-03-31 10:15:00"), Some(dt(2021, 3, 31, 10, 15, 0)));
        assert_eq!(f("2021-04-01 10:15:00"), Some(dt(2021, 3, 31, 10, 15, 0)));
        assert_eq!(fee_reduction_end_date(Some("")), Ok(None));
        assert_eq!(fee_reduction_end_date(Some("   ")), Ok(None));
        assert_eq!(fee_reduction_end_date(None), Ok(None));
        assert_eq!(fee_reduction_end_date(Some("30/02/2021")).expect_err("bad").function, "fee_reduction_end_date");
        assert_eq!(fee_reduction_end_date(Some("9999-05-01")).expect_err("overflow").kind, ErrorKind::OutOfRange);
    }

    // §5.2 calculate_duedate facts (+21 days, weekend → Monday).
    #[test]
    fn calculate_duedate_facts() {
        let f = |s: &str| calculate_duedate(Some(s)).expect("valid").map(|v| v.date());
        assert_eq!(f("2021-10-20"), Some(d(2021, 11, 10)));
        assert_eq!(f("2021-10-02"), Some(d(2021, 10, 25)));
        assert_eq!(f("2021-11-21"), Some(d(2021, 12, 13)));
        assert_eq!(f("2021-10-20 00:00:00"), Some(d(2021, 11, 10)));
        assert_eq!(calculate_duedate(None), Ok(None));
    }

    #[test]
    fn calculate_duedate_edges() {
        assert_eq!(calculate_duedate(Some("")), Ok(None));
        assert_eq!(calculate_duedate(Some(" ")), Ok(None));
        assert_eq!(calculate_duedate(Some("2021-10-20 14:30:00")), Ok(Some(dt(2021, 11, 10, 14, 30, 0))));
        // Leap day: 2024-02-08 + 21 = 2024-02-29 (Thursday).
        assert_eq!(calculate_duedate(Some("08/02/2024")), Ok(Some(dt(2024, 2, 29, 0, 0, 0))));
        let e = calculate_duedate(Some("88/11/2999")).expect_err("bad");
        assert_eq!(
            (e.function, e.original, e.fallback.clone()),
            ("calculate_duedate", OriginalBehaviour::Silent, None)
        );
    }

    // §5.2 calculate_startdate facts (−1 year, +1 day).
    #[test]
    fn calculate_startdate_facts() {
        let f = |s: &str| calculate_startdate(Some(s)).expect("valid").map(|v| v.date());
        assert_eq!(f("2021-12-08"), Some(d(2020, 12, 9)));
        assert_eq!(f("2020-12-08"), Some(d(2019, 12, 9)));
        assert_eq!(f("2019-12-08"), Some(d(2018, 12, 9)));
        assert_eq!(f("2018-12-08"), Some(d(2017, 12, 9)));
        assert_eq!(f("2021-10-20"), Some(d(2020, 10, 21)));
        assert_eq!(calculate_startdate(None), Ok(None));
    }

    #[test]
    fn calculate_startdate_edges() {
        assert_eq!(calculate_startdate(Some("2020-02-29")), Ok(Some(dt(2019, 3, 1, 0, 0, 0))));
        assert_eq!(calculate_startdate(Some("2021-02-28")), Ok(Some(dt(2020, 2, 29, 0, 0, 0))));
        assert_eq!(calculate_startdate(Some("")), Ok(None));
        assert_eq!(calculate_startdate(Some("\t")), Ok(None));
        assert_eq!(calculate_startdate(Some("2021-10-20 08:00:00")), Ok(Some(dt(2020, 10, 21, 8, 0, 0))));
        let e = calculate_startdate(Some("2021-02-29")).expect_err("bad");
        assert_eq!((e.function, e.original), ("calculate_startdate", OriginalBehaviour::Silent));
        assert_eq!(calculate_startdate(Some("0001-01-01")).expect_err("overflow").kind, ErrorKind::OutOfRange);
    }

    // §5.2 DueDateCalculator facts (cases with an active PA/PRO deputy = {"1"}).
    #[test]
    fn due_date_calculator_facts() {
        let pa_pro_cases = ["1"];
        let wd = WorkingDays::weekends_only();
        let f = |end: &str, case: &str| due_date_for_case(Some(end), pa_pro_cases.contains(&case), &wd);
        assert_eq!(f("", "3"), Ok(None));
        assert_eq!(f("", "1"), Ok(None));
        assert!(f("88/11/2999", "3").is_err());
        assert!(f("99/12/2022", "1").is_err());
        assert_eq!(f("19/03/2022", "3"), Ok(Some(d(2022, 4, 11))));
        assert_eq!(f("20/03/2022", "3"), Ok(Some(d(2022, 4, 11))));
        assert_eq!(f("04/03/2022", "3"), Ok(Some(d(2022, 3, 25))));
        assert_eq!(f("21/03/2022", "1"), Ok(Some(d(2022, 5, 16))));
        assert_eq!(f("28/11/1999", "1"), Ok(Some(d(2000, 1, 21))));
        assert_eq!(f("09/06/2012", "1"), Ok(Some(d(2012, 8, 3))));
        assert_eq!(f("21/04/2022", "1"), Ok(Some(d(2022, 6, 16))));
        // The fallback for the unparseable ones is NULL, as the original wrote.
        let e = f("99/12/2022", "1").expect_err("bad");
        assert_eq!((e.fallback, e.original), (None, OriginalBehaviour::Silent));
        assert_eq!(due_date_for_case(None, true, &wd), Ok(None));
        assert_eq!(due_date_for_case(Some("  "), false, &wd), Ok(None));
    }

    #[test]
    fn due_date_pa_pro_types_and_business_days() {
        assert!(is_pa_pro_deputy_type(Some("20")));
        assert!(is_pa_pro_deputy_type(Some("90")));
        assert!(!is_pa_pro_deputy_type(Some("30")));
        assert!(!is_pa_pro_deputy_type(Some(" 20")));
        assert!(!is_pa_pro_deputy_type(None));
        assert!(is_active_pa_pro_deputy(Some("73"), Some("1")));
        assert!(!is_active_pa_pro_deputy(Some("73"), Some("2")));
        assert!(!is_active_pa_pro_deputy(Some("1"), Some("1")));
        let wd = WorkingDays::weekends_only();
        // Friday + 1 business day = Monday; Saturday rolls back to Friday first.
        assert_eq!(add_business_days(d(2022, 3, 18), 1, &wd), Some(d(2022, 3, 21)));
        assert_eq!(add_business_days(d(2022, 3, 19), 0, &wd), Some(d(2022, 3, 18)));
        assert_eq!(add_business_days(d(2022, 3, 20), 1, &wd), Some(d(2022, 3, 21)));
        assert_eq!(add_business_days(d(2022, 3, 21), -1, &wd), Some(d(2022, 3, 18)));
        assert_eq!(add_business_days(d(2022, 3, 23), -7, &wd), Some(d(2022, 3, 14)));
        assert_eq!(add_business_days(d(2024, 2, 28), 2, &wd), Some(d(2024, 3, 1)));
        // A time of day on the end date is dropped on the PA/PRO path, kept then dropped on the lay path.
        assert_eq!(due_date_from(dt(2022, 3, 21, 23, 0, 0), true, &wd), Some(d(2022, 5, 16)));
        assert_eq!(due_date_from(dt(2022, 3, 4, 23, 0, 0), false, &wd), Some(d(2022, 3, 25)));
        assert_eq!(due_date_for_case(Some("9999-12-31"), true, &wd).expect_err("overflow").kind, ErrorKind::OutOfRange);
    }

    /// England and Wales's bank holidays are not working days: Christmas 2022 (Sunday 25, its
    /// substitute Tuesday 27, Boxing Day Monday 26) and Easter 2023.
    #[test]
    fn working_days_skip_bank_holidays() {
        let wd = WorkingDays::with_holidays([d(2022, 12, 26), d(2022, 12, 27), d(2023, 4, 7), d(2023, 4, 10)]);
        assert_eq!(add_business_days(d(2022, 12, 23), 1, &wd), Some(d(2022, 12, 28)));
        // A holiday end date rolls back to the working day before it.
        assert_eq!(add_business_days(d(2022, 12, 27), 1, &wd), Some(d(2022, 12, 28)));
        assert_eq!(add_business_days(d(2023, 4, 6), 1, &wd), Some(d(2023, 4, 11)));
        assert_eq!(add_business_days(d(2022, 12, 28), -1, &wd), Some(d(2022, 12, 23)));
        // Counting back from a holiday first moves on to the next working day.
        assert_eq!(working_days_before(d(2023, 4, 10), 1, &wd), Some(d(2023, 4, 6)));
        assert_eq!(working_days_before(d(2023, 4, 12), 3, &wd), Some(d(2023, 4, 5)));
        // Lay path: 21 days after 6 December 2022 is Tuesday 27th, a holiday: Wednesday 28th.
        assert_eq!(due_date_from(dt(2022, 12, 6, 0, 0, 0), false, &wd), Some(d(2022, 12, 28)));
        // The same calendar without holidays agrees with the original.
        let plain = WorkingDays::weekends_only();
        assert_eq!(due_date_from(dt(2022, 12, 6, 0, 0, 0), false, &plain), Some(d(2022, 12, 27)));
        for n in [-71, -15, -1, 0, 1, 40] {
            let slow = WorkingDays { holidays: [d(1900, 1, 1)].into_iter().collect() };
            for day in 0..14 {
                let start = d(2024, 1, 1) + Days::new(day);
                assert_eq!(
                    plain.offset(start, n, Roll::Backward),
                    slow.offset(start, n, Roll::Backward),
                    "{start} {n}"
                );
                assert_eq!(plain.offset(start, n, Roll::Forward), slow.offset(start, n, Roll::Forward), "{start} {n}");
            }
        }
    }
}
