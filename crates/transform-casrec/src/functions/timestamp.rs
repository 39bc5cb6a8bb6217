//! `convert_to_timestamp` and the Europe/London → UTC conversion it needs.
//!
//! No time-zone database is available to the crate, so the UK rules since 1972 are encoded here
//! (they match the tz database's `GB-Eire` and `EU` rules for Europe/London):
//!
//! | years | BST starts | BST ends |
//! |---|---|---|
//! | 1972–1980 | Sunday on or after 16 March, 02:00 UTC | Sunday on or after 23 October, 02:00 UTC |
//! | 1981–1989 | last Sunday of March, 01:00 UTC | Sunday on or after 23 October, 01:00 UTC |
//! | 1990–1995 | last Sunday of March, 01:00 UTC | Sunday on or after 22 October, 01:00 UTC |
//! | 1996– | last Sunday of March, 01:00 UTC | last Sunday of October, 01:00 UTC |
//!
//! Local times before 1972 are rejected (the rules differed — British Standard Time 1968–1971 — and
//! CasRec holds no such timestamps).

use super::{ErrorKind, OriginalBehaviour, TransformError};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Weekday};

/// How a Europe/London wall-clock time maps to UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LondonLocalTime {
    /// The wall time exists once.
    Unique(NaiveDateTime),
    /// The wall time occurs twice (the hour before BST ends): `bst` is the first (earlier) instant,
    /// `gmt` the second.
    Ambiguous { bst: NaiveDateTime, gmt: NaiveDateTime },
    /// The wall time is skipped when BST starts; `gmt` is the instant obtained by reading it as GMT.
    Nonexistent { gmt: NaiveDateTime },
}

impl LondonLocalTime {
    /// The UTC instant chosen for this wall time, following PostgreSQL's rule for
    /// `timestamp AT TIME ZONE` / `timestamptz` input: an ambiguous or non-existent local time is
    /// read as standard time (GMT), i.e. the later instant of an ambiguous pair.
    pub fn resolve(self) -> NaiveDateTime {
        match self {
            LondonLocalTime::Unique(u) => u,
            LondonLocalTime::Ambiguous { gmt, .. } => gmt,
            LondonLocalTime::Nonexistent { gmt } => gmt,
        }
    }
}

fn nth_sunday_on_or_after(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let mut d = NaiveDate::from_ymd_opt(year, month, day)?;
    while d.weekday() != Weekday::Sun {
        d = d.succ_opt()?;
    }
    Some(d)
}

fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let first_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let mut d = first_next.pred_opt()?;
    while d.weekday() != Weekday::Sun {
        d = d.pred_opt()?;
    }
    Some(d)
}

/// UTC instants at which BST starts and ends in `year` (1972 or later).
fn bst_period_utc(year: i32) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let at = |d: NaiveDate, h: u32| NaiveTime::from_hms_opt(h, 0, 0).map(|t| d.and_time(t));
    match year {
        1972..=1980 => {
            Some((at(nth_sunday_on_or_after(year, 3, 16)?, 2)?, at(nth_sunday_on_or_after(year, 10, 23)?, 2)?))
        }
        1981..=1989 => Some((at(last_sunday(year, 3)?, 1)?, at(nth_sunday_on_or_after(year, 10, 23)?, 1)?)),
        1990..=1995 => Some((at(last_sunday(year, 3)?, 1)?, at(nth_sunday_on_or_after(year, 10, 22)?, 1)?)),
        1996.. => Some((at(last_sunday(year, 3)?, 1)?, at(last_sunday(year, 10)?, 1)?)),
        _ => None,
    }
}

/// Classifies a Europe/London wall-clock time and gives its UTC instant(s). `None` for years before
/// 1972 (unsupported) or when the arithmetic would leave chrono's range.
pub fn london_local_to_utc(local: NaiveDateTime) -> Option<LondonLocalTime> {
    let (start, end) = bst_period_utc(local.year())?;
    let hour = TimeDelta::hours(1);
    // Before the change the offset is +0, so the wall time of the BST start equals `start`.
    let gap_end = start.checked_add_signed(hour)?;
    let overlap_end = end.checked_add_signed(hour)?;
    let as_bst = local.checked_sub_signed(hour)?;
    Some(if local >= start && local < gap_end {
        LondonLocalTime::Nonexistent { gmt: local }
    } else if local >= gap_end && local < end {
        LondonLocalTime::Unique(as_bst)
    } else if local >= end && local < overlap_end {
        LondonLocalTime::Ambiguous { bst: as_bst, gmt: local }
    } else {
        LondonLocalTime::Unique(local)
    })
}

fn is_empty_marker(v: &str) -> bool {
    let t = v.trim();
    t.is_empty() || t == "NaT" || t == "nan"
}

fn num(s: &str, min: usize, max: usize) -> Option<u32> {
    if s.len() < min || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The date as `strptime("%Y-%m-%d")` reads it: four-digit year, one- or two-digit month and day.
fn strict_iso_date(s: &str) -> Option<NaiveDate> {
    let mut it = s.trim_end().split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(num(y, 4, 4)? as i32, num(m, 1, 2)?, num(d, 1, 2)?)
}

/// The time as `strptime("%H:%M:%S")` reads it: one or two digits per field.
fn strict_time(s: &str) -> Option<NaiveTime> {
    let mut it = s.trim().split(':');
    let (h, m, sec) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(num(h, 1, 2)?, num(m, 1, 2)?, num(sec, 1, 2)?)
}

/// `convert_to_timestamp` (client/deputy notes `createdtime` from `Logdate`+`Logtime` /
/// `Log Date`+`Log Time`): a CasRec date and time of day, read as Europe/London local time, returned
/// as the UTC instant (a naive UTC timestamp, which is what the original's `timestamp(0)` column
/// stored: `2020-06-12` + blank → `2020-06-11 23:00:00`).
///
/// * Date: its first 10 characters, read strictly as `YYYY-MM-DD` (so `2020-06-12 00:00:00` works;
///   day-first forms are errors, as in the original). NULL, blank, whitespace-only, `NaT` or `nan`
///   → `Ok(None)`.
/// * Time: the part before the first `.` (fractional seconds are dropped, not rounded), read as
///   `H:MM:SS`. NULL, blank, whitespace-only, `NaT` or `nan` → `00:00:00`.
/// * Any other format (e.g. `HH:MM`) → error, fallback NULL (the original aborted).
/// * Deliberate differences: whitespace-only dates are blank (the original aborted on them);
///   NULL inputs are blank (the original never saw NULL); a wall time that is ambiguous or skipped
///   at a DST change is resolved as GMT like PostgreSQL does (`2021-10-31 01:30:00` →
///   `01:30:00` UTC, `2021-03-28 01:30:00` → `01:30:00` UTC) — the original aborted the whole run
///   (§6.8). Dates before 1972 → error (no time-zone rules encoded).
pub fn convert_to_timestamp(date: Option<&str>, time: Option<&str>) -> Result<Option<NaiveDateTime>, TransformError> {
    const F: &str = "convert_to_timestamp";
    let Some(date_text) = date.filter(|d| !is_empty_marker(d)) else { return Ok(None) };
    let date_10: String = date_text.chars().take(10).collect();
    let day = strict_iso_date(&date_10).ok_or_else(|| {
        TransformError::new(F, date_text, ErrorKind::InvalidDate, "date is not YYYY-MM-DD", OriginalBehaviour::Aborted)
    })?;
    let tod = match time.filter(|t| !is_empty_marker(t)) {
        None => NaiveTime::MIN,
        Some(t) => {
            let whole = t.split('.').next().unwrap_or_default();
            strict_time(whole).ok_or_else(|| {
                TransformError::new(F, t, ErrorKind::InvalidTime, "time is not HH:MM:SS", OriginalBehaviour::Aborted)
            })?
        }
    };
    let local = day.and_time(tod);
    london_local_to_utc(local).map(|l| Some(l.resolve())).ok_or_else(|| {
        TransformError::new(
            F,
            date_text,
            ErrorKind::OutOfRange,
            "Europe/London rules are encoded from 1972 onwards",
            OriginalBehaviour::Silent,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dt(s: &str) -> NaiveDateTime {
        match NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S") {
            Ok(v) => v,
            Err(e) => panic!("{s}: {e}"),
        }
    }

    fn ts(date: Option<&str>, time: Option<&str>) -> Option<NaiveDateTime> {
        match convert_to_timestamp(date, time) {
            Ok(v) => v,
            Err(e) => panic!("{date:?} {time:?}: {e}"),
        }
    }

    // §5.2 convert_to_timestamp facts.
    #[test]
    fn convert_to_timestamp_facts() {
        assert_eq!(ts(Some("2020-06-12"), Some("")), Some(dt("2020-06-11 23:00:00")));
        assert_eq!(ts(Some("2020-06-13"), Some("NaT")), Some(dt("2020-06-12 23:00:00")));
        assert_eq!(ts(Some("2020-06-14"), Some("08:54:04.032000")), Some(dt("2020-06-14 07:54:04")));
        assert_eq!(ts(Some(""), Some("09:54:04.032000")), None);
        assert_eq!(ts(Some("NaT"), Some("10:54:04.032000")), None);
        assert_eq!(ts(Some("2020-12-01"), Some("07:00:00.032000")), Some(dt("2020-12-01 07:00:00")));
    }

    #[test]
    fn convert_to_timestamp_blank_null_whitespace() {
        assert_eq!(ts(None, Some("10:00:00")), None);
        assert_eq!(ts(Some("   "), Some("10:00:00")), None);
        assert_eq!(ts(Some("nan"), None), None);
        assert_eq!(ts(Some("2020-12-01 00:00:00"), None), Some(dt("2020-12-01 00:00:00")));
        assert_eq!(ts(Some("2020-12-01"), Some(" ")), Some(dt("2020-12-01 00:00:00")));
        assert_eq!(ts(Some("2020-12-01"), Some("nan")), Some(dt("2020-12-01 00:00:00")));
        assert_eq!(ts(Some("2020-12-01"), Some("7:05:09")), Some(dt("2020-12-01 07:05:09")));
        // Fractions are dropped, not rounded.
        assert_eq!(ts(Some("2020-12-01"), Some("07:00:00.999999")), Some(dt("2020-12-01 07:00:00")));
    }

    #[test]
    fn convert_to_timestamp_malformed() {
        for (date, time, kind) in [
            ("12/06/2020", "10:00:00", ErrorKind::InvalidDate),
            ("2020-02-30", "10:00:00", ErrorKind::InvalidDate),
            ("2019-02-29", "", ErrorKind::InvalidDate),
            ("garbage", "", ErrorKind::InvalidDate),
            ("2020-06-12", "10:00", ErrorKind::InvalidTime),
            ("2020-06-12", "25:00:00", ErrorKind::InvalidTime),
            ("2020-06-12", "x", ErrorKind::InvalidTime),
        ] {
            let e = convert_to_timestamp(Some(date), Some(time)).expect_err(date);
            assert_eq!((e.function, e.kind, e.original), ("convert_to_timestamp", kind, OriginalBehaviour::Aborted));
            assert_eq!(e.fallback, None);
        }
        assert_eq!(convert_to_timestamp(Some("1969-07-20"), None).expect_err("pre-1972").kind, ErrorKind::OutOfRange);
    }

    #[test]
    fn convert_to_timestamp_leap_day_and_dst_changes() {
        assert_eq!(ts(Some("2020-02-29"), Some("12:00:00")), Some(dt("2020-02-29 12:00:00")));
        // 2021: BST from 28 March 01:00 UTC to 31 October 01:00 UTC.
        assert_eq!(ts(Some("2021-03-28"), Some("00:59:59")), Some(dt("2021-03-28 00:59:59")));
        assert_eq!(ts(Some("2021-03-28"), Some("01:30:00")), Some(dt("2021-03-28 01:30:00")));
        assert_eq!(ts(Some("2021-03-28"), Some("02:00:00")), Some(dt("2021-03-28 01:00:00")));
        assert_eq!(ts(Some("2021-10-31"), Some("00:59:59")), Some(dt("2021-10-30 23:59:59")));
        assert_eq!(ts(Some("2021-10-31"), Some("01:30:00")), Some(dt("2021-10-31 01:30:00")));
        assert_eq!(ts(Some("2021-10-31"), Some("02:00:00")), Some(dt("2021-10-31 02:00:00")));
    }

    #[test]
    fn london_rules_by_era() {
        use LondonLocalTime::*;
        let l = |s: &str| london_local_to_utc(dt(s));
        // 1975: 16 March and 26 October, 02:00 UTC.
        assert_eq!(l("1975-03-16 02:30:00"), Some(Nonexistent { gmt: dt("1975-03-16 02:30:00") }));
        assert_eq!(l("1975-03-16 03:00:00"), Some(Unique(dt("1975-03-16 02:00:00"))));
        assert_eq!(
            l("1975-10-26 02:30:00"),
            Some(Ambiguous { bst: dt("1975-10-26 01:30:00"), gmt: dt("1975-10-26 02:30:00") })
        );
        // 1985: 31 March and 27 October, 01:00 UTC.
        assert_eq!(l("1985-03-31 01:30:00"), Some(Nonexistent { gmt: dt("1985-03-31 01:30:00") }));
        assert_eq!(l("1985-10-27 00:30:00"), Some(Unique(dt("1985-10-26 23:30:00"))));
        assert_eq!(l("1985-10-27 01:30:00").map(|x| x.resolve()), Some(dt("1985-10-27 01:30:00")));
        // 1995: 26 March and 22 October.
        assert_eq!(l("1995-10-22 00:59:00"), Some(Unique(dt("1995-10-21 23:59:00"))));
        assert_eq!(l("1995-10-29 00:59:00"), Some(Unique(dt("1995-10-29 00:59:00"))));
        // 1996: 31 March and 27 October.
        assert_eq!(l("1996-10-27 00:59:00"), Some(Unique(dt("1996-10-26 23:59:00"))));
        assert_eq!(l("1996-01-15 12:00:00"), Some(Unique(dt("1996-01-15 12:00:00"))));
        assert_eq!(l("2024-07-01 00:30:00"), Some(Unique(dt("2024-06-30 23:30:00"))));
        assert_eq!(l("1971-07-01 00:30:00"), None);
    }
}
