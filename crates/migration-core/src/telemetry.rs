//! Logging: readable on a terminal, JSON lines in containers (where CloudWatch reads them).
//!
//! On a terminal, progress bars live in one [`indicatif::MultiProgress`] and every log line is
//! written while the bars are hidden (`MultiProgress::suspend`), so a line always lands above
//! the bars and no half-drawn copy of a bar is left behind in the scrollback. A finished bar is
//! cleared: the step's result line says what it did.

use std::io::{IsTerminal, Write};
use std::sync::OnceLock;
use std::time::Duration;

use tracing_subscriber::{fmt, EnvFilter};

use crate::config::LogFormat;

static BARS: OnceLock<indicatif::MultiProgress> = OnceLock::new();
static HUMAN: OnceLock<bool> = OnceLock::new();

fn bars() -> &'static indicatif::MultiProgress {
    BARS.get_or_init(indicatif::MultiProgress::new)
}

/// Whether log lines are for a person (a terminal, or `logging.format = "human"`) rather than
/// JSON for a machine: steps word their result lines for whichever reads them.
pub fn is_human() -> bool {
    *HUMAN.get().unwrap_or(&false)
}

/// Writes each log line with the progress bars out of the way.
struct AboveTheBars;

impl Write for AboveTheBars {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        bars().suspend(|| std::io::stderr().write_all(buf))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}

/// Sets up tracing once for the process. `verbosity` is the count of `-v` flags; `RUST_LOG`
/// wins when set.
pub fn init(verbosity: u8, format: LogFormat) {
    let default = match verbosity {
        0 => "info,aws_config=warn,aws_smithy_runtime=warn,hyper=warn,tokio_postgres=warn",
        1 => "debug,aws_config=info,aws_smithy_runtime=info,hyper=info,tokio_postgres=info",
        _ => "trace",
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    let json = match format {
        LogFormat::Json => true,
        LogFormat::Human => false,
        LogFormat::Auto => !std::io::stderr().is_terminal(),
    };
    let _ = HUMAN.set(!json);
    let builder = fmt().with_env_filter(filter);
    let result = if json {
        builder.with_writer(std::io::stderr).json().flatten_event(true).with_current_span(false).try_init()
    } else {
        builder.with_writer(|| AboveTheBars).with_target(false).compact().try_init()
    };
    // A second init (tests, or the CLI running several steps) keeps the first subscriber.
    let _ = result;
}

/// What a progress bar counts, for its figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Bytes,
    Files,
    Targets,
    Rows,
}

impl Unit {
    fn name(self) -> &'static str {
        match self {
            Unit::Bytes => "bytes",
            Unit::Files => "files",
            Unit::Targets => "targets",
            Unit::Rows => "rows",
        }
    }
}

/// A rate as a person reads it: `1.2M rows/s`, `35.4 MiB/s`, `12 files/s`.
pub fn human_rate(per_sec: f64, unit: Unit) -> String {
    if !per_sec.is_finite() || per_sec <= 0.0 {
        return format!("– {}/s", unit.name());
    }
    if unit == Unit::Bytes {
        let (v, u) = match per_sec {
            x if x >= 1024.0 * 1024.0 * 1024.0 => (x / (1024.0 * 1024.0 * 1024.0), "GiB"),
            x if x >= 1024.0 * 1024.0 => (x / (1024.0 * 1024.0), "MiB"),
            x if x >= 1024.0 => (x / 1024.0, "KiB"),
            x => (x, "B"),
        };
        return format!("{v:.1} {u}/s");
    }
    let (v, suffix) = match per_sec {
        x if x >= 1e9 => (x / 1e9, "G"),
        x if x >= 1e6 => (x / 1e6, "M"),
        x if x >= 1e4 => (x / 1e3, "k"),
        x => (x, ""),
    };
    if suffix.is_empty() && v < 10.0 {
        format!("{v:.1} {}/s", unit.name())
    } else if suffix.is_empty() {
        format!("{v:.0} {}/s", unit.name())
    } else {
        format!("{v:.1}{suffix} {}/s", unit.name())
    }
}

/// A count with thousands separators: `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A duration rounded as a person reads it: `850 ms`, `2.5 s`, `3 min 12 s`.
pub fn human_duration(seconds: f64) -> String {
    if seconds < 1.0 {
        format!("{:.0} ms", seconds * 1000.0)
    } else if seconds < 60.0 {
        format!("{seconds:.1} s")
    } else {
        let s = seconds.round() as u64;
        format!("{} min {} s", s / 60, s % 60)
    }
}

/// A progress bar for one step on a terminal, drawn below the log lines; hidden elsewhere, so
/// container logs stay clean.
pub fn progress_bar(len: u64, message: impl Into<String>, unit: Unit) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let counts = match unit {
        Unit::Bytes => "{binary_bytes}/{binary_total_bytes}".to_string(),
        _ => format!("{{human_pos}}/{{human_len}} {}", unit.name()),
    };
    let template = format!("{{spinner}} {{msg:<18}} [{{bar:30}}] {counts} {{rate}} {{elapsed}}");
    let style = indicatif::ProgressStyle::with_template(&template)
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .with_key("rate", move |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = w.write_str(&human_rate(state.per_sec(), unit));
        })
        .progress_chars("=> ");
    let bar = bars().add(indicatif::ProgressBar::new(len));
    bar.set_style(style);
    bar.set_message(message.into());
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_durations_and_counts_read_as_a_person_writes_them() {
        assert_eq!(human_rate(3_027_713.984_5, Unit::Rows), "3.0M rows/s");
        assert_eq!(human_rate(1_234_567.0, Unit::Rows), "1.2M rows/s");
        assert_eq!(human_rate(5.1486, Unit::Files), "5.1 files/s");
        assert_eq!(human_rate(42.0, Unit::Files), "42 files/s");
        assert_eq!(human_rate(15_300.0, Unit::Rows), "15.3k rows/s");
        assert_eq!(human_rate(35.0 * 1024.0 * 1024.0, Unit::Bytes), "35.0 MiB/s");
        assert_eq!(human_rate(0.0, Unit::Targets), "– targets/s");
        assert_eq!(human_duration(2.4948061409999998), "2.5 s");
        assert_eq!(human_duration(0.2), "200 ms");
        assert_eq!(human_duration(192.4), "3 min 12 s");
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(41_801), "41,801");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
