//! Logging: readable on a terminal, JSON lines in containers (where CloudWatch reads them).

use std::io::IsTerminal;

use tracing_subscriber::{fmt, EnvFilter};

use crate::config::LogFormat;

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
    let builder = fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let result = if json {
        builder.json().flatten_event(true).with_current_span(false).try_init()
    } else {
        builder.with_target(false).compact().try_init()
    };
    // A second init (tests, or the CLI running several steps) keeps the first subscriber.
    let _ = result;
}

/// A progress bar on a terminal; hidden elsewhere so container logs stay clean.
pub fn progress_bar(len: u64, message: impl Into<String>) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {msg:<24} [{bar:30}] {human_pos}/{human_len} {per_sec} {elapsed}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    bar.set_message(message.into());
    bar
}
