//! How CasRec writes dates and times in its exports.

use chrono::{Datelike, NaiveDate};

use crate::rng::R;

/// A date-only value: `YYYY-MM-DD 00:00:00`.
pub fn date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02} 00:00:00", d.year(), d.month(), d.day())
}

/// A date with a time of day (seconds since midnight): `YYYY-MM-DD HH:MM:SS`.
pub fn datetime(d: NaiveDate, secs: u32) -> String {
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        d.year(),
        d.month(),
        d.day(),
        secs / 3600,
        (secs / 60) % 60,
        secs % 60
    )
}

/// A time of day: `HH:MM:SS`, or `HH:MM:SS.ffffff` when `micros` is given.
pub fn time(secs: u32, micros: Option<u32>) -> String {
    let base = format!("{:02}:{:02}:{:02}", secs / 3600, (secs / 60) % 60, secs % 60);
    match micros {
        Some(f) => format!("{base}.{f:06}"),
        None => base,
    }
}

/// A working-hours time, a tenth of them with a fractional part as some CasRec tables have.
pub(crate) fn office_time(r: &mut R) -> String {
    let secs = r.int(7 * 3600 + 30 * 60, 18 * 3600) as u32;
    let micros = if r.chance(0.1) { Some(r.int(0, 999_999) as u32) } else { None };
    time(secs, micros)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_use_the_export_formats() {
        let d = NaiveDate::from_ymd_opt(2019, 3, 7).unwrap();
        assert_eq!(date(d), "2019-03-07 00:00:00");
        assert_eq!(datetime(d, 13 * 3600 + 5 * 60 + 9), "2019-03-07 13:05:09");
        assert_eq!(time(9 * 3600 + 1, None), "09:00:01");
        assert_eq!(time(9 * 3600 + 1, Some(42)), "09:00:01.000042");
    }
}
