//! Layered configuration: `config/default.toml`, then `config/<environment>.toml`, then
//! environment variables `MIGRATION__<SECTION>__<KEY>`, then overrides given on the command
//! line. The files are read from the config folder when there is one (so an operator can edit
//! them) and otherwise from the copies built into the binary (so a container needs no files).
//! Passwords come only from `MIGRATION_DB_PASSWORD` and `SIRIUS_DB_PASSWORD`.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::NaiveDate;
use config::{Config, FileFormat, Format, Map, Source, Value};
use serde::Deserialize;

use crate::error::CoreError;

/// The environments a migration runs in, in the order the data travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Local,
    Development,
    Preproduction,
    Qa,
    Production,
}

impl Environment {
    pub const ALL: [Environment; 5] = [
        Environment::Local,
        Environment::Development,
        Environment::Preproduction,
        Environment::Qa,
        Environment::Production,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Environment::Local => "local",
            Environment::Development => "development",
            Environment::Preproduction => "preproduction",
            Environment::Qa => "qa",
            Environment::Production => "production",
        }
    }

    fn embedded_file(self) -> &'static str {
        match self {
            Environment::Local => include_str!("../../../config/local.toml"),
            Environment::Development => include_str!("../../../config/development.toml"),
            Environment::Preproduction => include_str!("../../../config/preproduction.toml"),
            Environment::Qa => include_str!("../../../config/qa.toml"),
            Environment::Production => include_str!("../../../config/production.toml"),
        }
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Environment {
    type Err = CoreError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Environment::ALL.into_iter().find(|e| e.name().eq_ignore_ascii_case(s.trim())).ok_or_else(|| {
            CoreError::Config {
                key: "environment".into(),
                origin: "MIGRATION_ENVIRONMENT or --environment".into(),
                message: format!(
                    "unknown environment {s:?}; allowed: {}",
                    Environment::ALL.map(|e| e.name()).join(", ")
                ),
            }
        })
    }
}

/// A password: kept out of Debug output and logs.
#[derive(Clone, Default)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Secret(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"***\"")
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    #[serde(skip_deserializing, default = "default_env")]
    pub environment: Environment,
    pub run: RunSettings,
    pub migration_db: DbSettings,
    pub sirius_db: DbSettings,
    pub s3: S3Settings,
    pub load_s3: LoadS3Settings,
    pub load_casrec: LoadCasrecSettings,
    pub scope: ScopeSettings,
    pub validation: ValidationSettings,
    pub load_to_target: LoadToTargetSettings,
    pub logging: LoggingSettings,
}

fn default_env() -> Environment {
    Environment::Local
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunSettings {
    /// Empty until an environment or the run sets it; see [`Settings::as_of_date`].
    pub as_of_date: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DbSettings {
    pub host: String,
    pub port: u16,
    pub user: String,
    pub dbname: String,
    pub connect_timeout_secs: u64,
    pub pool_size: usize,
    pub create_if_missing: bool,
    /// Memory each sort or hash of a statement may use before it spills to disk (PostgreSQL's
    /// `work_mem`, e.g. "256MB"), set on every connection; empty keeps the server's.
    #[serde(default)]
    pub work_mem: String,
    /// Whether PostgreSQL may compile a statement's expressions to machine code (`jit`). Off by
    /// default on every connection: the steps' statements each run once, over wide generated
    /// expressions (a row's JSON, its casts), and compiling them cost more than it saved
    /// (validation at 100,000 clients: 100 s with it, 80 s without).
    #[serde(default)]
    pub jit: bool,
    #[serde(skip)]
    pub password: Option<Secret>,
}

impl DbSettings {
    pub fn describe(&self) -> String {
        format!("{}:{} (database {:?}, user {:?})", self.host, self.port, self.dbname, self.user)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct S3Settings {
    pub endpoint: String,
    pub region: String,
    pub bucket: String,
    pub prefix: String,
    pub force_path_style: bool,
    pub connect_timeout_secs: u64,
    pub embedded_root: String,
}

impl S3Settings {
    pub fn endpoint(&self) -> Option<&str> {
        Some(self.endpoint.trim()).filter(|e| !e.is_empty())
    }

    /// The key of an object under the configured prefix.
    pub fn key(&self, name: &str) -> String {
        let prefix = self.prefix.trim_matches('/');
        if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix}/{name}")
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadS3Settings {
    pub source_dir: PathBuf,
    pub sync: bool,
    pub multipart_threshold_mb: u64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadCasrecSettings {
    pub parallel_files: usize,
    pub skip_unchanged: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopeSettings {
    pub lay_team: String,
    pub correfs: String,
    pub exclude_pilot: bool,
    pub put_away_years: u32,
}

/// The correspondence references whose cases are in scope only with a deputyship on an order
/// of type 1, 2, 40 or 41.
pub const CONDITIONAL_CORREFS: [&str; 5] = ["RGY", "DCC", "ODP", "NA", "NEW"];

/// Every correspondence reference CasRec uses, so a typo in a list is caught.
pub const KNOWN_CORREFS: &[&str] = &[
    "A1", "A2", "A2A", "A3", "A3G", "ADC", "ARD", "ASP", "C1", "DCC", "DCS", "DND", "DNP", "DOD", "DOL", "EPA", "FMT",
    "FOE", "HW", "JSU", "L1", "L2", "L2A", "L3", "L3G", "LDC", "NA", "NAD", "NEW", "NT", "OBE", "ODP", "ORS", "ORV",
    "P1", "P2", "P2A", "P3", "P3G", "PDC", "PGA", "PGB", "PGC", "PGH", "PGL", "PGR", "RGY", "S1A", "S1N", "SGD", "SUP",
];

impl ScopeSettings {
    /// The lay team to keep (1..9), or None for all.
    pub fn lay_team(&self) -> Result<Option<u8>, CoreError> {
        let raw = self.lay_team.trim();
        if raw.is_empty() || raw.eq_ignore_ascii_case("all") || raw == "0" {
            return Ok(None);
        }
        match raw.trim_start_matches(['T', 't']).parse::<u8>() {
            Ok(n) if (1..=9).contains(&n) => Ok(Some(n)),
            _ => Err(CoreError::Config {
                key: "scope.lay_team".into(),
                origin: "configuration or --lay-team".into(),
                message: format!("{raw:?} is not a lay team; allowed: all, or 1 to 9"),
            }),
        }
    }

    /// The correfs to keep, or None for all.
    pub fn correfs(&self) -> Result<Option<Vec<String>>, CoreError> {
        let raw = self.correfs.trim();
        if raw.is_empty() || raw.eq_ignore_ascii_case("all") {
            return Ok(None);
        }
        let list: Vec<String> =
            raw.split(',').map(|c| c.trim().to_ascii_uppercase()).filter(|c| !c.is_empty()).collect();
        if let Some(bad) = list.iter().find(|c| !KNOWN_CORREFS.contains(&c.as_str())) {
            return Err(CoreError::Config {
                key: "scope.correfs".into(),
                origin: "configuration or --correfs".into(),
                message: format!(
                    "{bad:?} is not a CasRec correspondence reference; allowed: all, or a list of {}",
                    KNOWN_CORREFS.join(", ")
                ),
            });
        }
        Ok(Some(list))
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValidationSettings {
    pub report_dir: PathBuf,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadToTargetSettings {
    pub allowed: bool,
    /// The share of a table's rows, once loaded, that must be new for its read-only indexes to
    /// be dropped for the INSERT and built again after it (0: always; above 1: never).
    pub rebuild_indexes_min_share: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Auto,
    Human,
    Json,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoggingSettings {
    pub format: LogFormat,
}

impl Settings {
    /// The run's as-of date, required by every rule that depends on "today".
    pub fn as_of_date(&self) -> Result<NaiveDate, CoreError> {
        let raw = self.run.as_of_date.trim();
        if raw.is_empty() {
            return Err(CoreError::Config {
                key: "run.as_of_date".into(),
                origin: format!("config/{}.toml", self.environment),
                message: "is not set: give it in the environment's config file, in MIGRATION__RUN__AS_OF_DATE, or with --as-of YYYY-MM-DD".into(),
            });
        }
        NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| CoreError::Config {
            key: "run.as_of_date".into(),
            origin: "the run's configuration".into(),
            message: format!("{raw:?} is not a date of the form YYYY-MM-DD"),
        })
    }
}

/// Where the settings come from: the environment, an optional config folder, and overrides.
#[derive(Debug, Clone, Default)]
pub struct ConfigSource {
    /// Folder holding `default.toml` and `<environment>.toml`; `None` uses `MIGRATION_CONFIG_DIR`,
    /// then `./config` if it exists, then the copies built into the binary.
    pub dir: Option<PathBuf>,
    /// `key=value` overrides, applied last (`--set migration_db.port=5433`).
    pub overrides: Vec<(String, String)>,
    /// Read no environment variables (tests that must not see the caller's environment).
    pub ignore_environment_variables: bool,
}

/// A TOML file with a name, so values carry the file they came from into error messages.
#[derive(Debug, Clone)]
struct NamedToml {
    name: String,
    text: String,
}

impl Source for NamedToml {
    fn clone_into_box(&self) -> Box<dyn Source + Send + Sync> {
        Box::new(self.clone())
    }

    fn collect(&self) -> Result<Map<String, Value>, config::ConfigError> {
        FileFormat::Toml
            .parse(Some(&self.name), &self.text)
            .map_err(|cause| config::ConfigError::FileParse { uri: Some(self.name.clone()), cause })
    }
}

fn read_layer(dir: Option<&Path>, file: &str, embedded: &str) -> Result<NamedToml, CoreError> {
    if let Some(dir) = dir {
        let path = dir.join(file);
        if path.exists() {
            let text = std::fs::read_to_string(&path).map_err(|e| CoreError::Config {
                key: String::new(),
                origin: path.display().to_string(),
                message: format!("cannot be read: {e}"),
            })?;
            return Ok(NamedToml { name: path.display().to_string(), text });
        }
    }
    Ok(NamedToml { name: format!("config/{file} (built in)"), text: embedded.to_string() })
}

const SECRET_VARS: [(&str, &str); 2] = [("migration_db", "MIGRATION_DB_PASSWORD"), ("sirius_db", "SIRIUS_DB_PASSWORD")];

/// Loads and validates the settings for an environment.
pub fn load(environment: Environment, source: &ConfigSource) -> Result<Settings, CoreError> {
    let dir = source
        .dir
        .clone()
        .or_else(|| std::env::var_os("MIGRATION_CONFIG_DIR").map(PathBuf::from))
        .or_else(|| Some(PathBuf::from("config")).filter(|p| p.join("default.toml").exists()));
    let mut builder = Config::builder()
        .add_source(read_layer(dir.as_deref(), "default.toml", include_str!("../../../config/default.toml"))?)
        .add_source(read_layer(dir.as_deref(), &format!("{}.toml", environment.name()), environment.embedded_file())?);
    if !source.ignore_environment_variables {
        builder = builder.add_source(
            config::Environment::with_prefix("MIGRATION").prefix_separator("__").separator("__").try_parsing(true),
        );
    }
    for (key, value) in &source.overrides {
        builder = builder.set_override(key.as_str(), value.as_str()).map_err(|e| CoreError::Config {
            key: key.clone(),
            origin: "--set".into(),
            message: e.to_string(),
        })?;
    }
    let cfg = builder.build().map_err(|e| config_error(e, source))?;

    for (section, var) in SECRET_VARS {
        let key = format!("{section}.password");
        if let Ok(v) = cfg.get::<Value>(&key) {
            return Err(CoreError::Config {
                key,
                origin: v
                    .origin()
                    .map(str::to_string)
                    .unwrap_or_else(|| unnamed_origin(&format!("{section}.password"), source)),
                message: format!("passwords are read only from the environment variable {var}, never from config"),
            });
        }
    }

    let mut settings: Settings = cfg.clone().try_deserialize().map_err(|e| config_error(e, source))?;
    settings.environment = environment;
    if !source.ignore_environment_variables {
        settings.migration_db.password = std::env::var(SECRET_VARS[0].1).ok().map(Secret::new);
        settings.sirius_db.password = std::env::var(SECRET_VARS[1].1).ok().map(Secret::new);
    }
    validate(&settings, &cfg, source)?;
    Ok(settings)
}

/// Where a value without a file origin came from: `--set` or an environment variable (the
/// config crate names neither).
fn unnamed_origin(key: &str, source: &ConfigSource) -> String {
    if source.overrides.iter().any(|(k, _)| k.eq_ignore_ascii_case(key)) {
        return format!("--set {key}=…");
    }
    let var = format!("MIGRATION__{}", key.replace('.', "__").to_uppercase());
    if !source.ignore_environment_variables && std::env::var_os(&var).is_some() {
        return format!("the environment variable {var}");
    }
    "the environment".to_string()
}

fn origin_of(cfg: &Config, key: &str, source: &ConfigSource) -> String {
    cfg.get::<Value>(key)
        .ok()
        .and_then(|v| v.origin().map(str::to_string))
        .unwrap_or_else(|| unnamed_origin(key, source))
}

fn validate(s: &Settings, cfg: &Config, source: &ConfigSource) -> Result<(), CoreError> {
    let bad = |key: &str, message: String| CoreError::Config {
        key: key.to_string(),
        origin: origin_of(cfg, key, source),
        message,
    };
    for (name, db) in [("migration_db", &s.migration_db), ("sirius_db", &s.sirius_db)] {
        if db.host.trim().is_empty() {
            return Err(bad(&format!("{name}.host"), "must name a host".into()));
        }
        if db.port == 0 {
            return Err(bad(&format!("{name}.port"), "must be a port number from 1 to 65535".into()));
        }
        if db.dbname.trim().is_empty() {
            return Err(bad(&format!("{name}.dbname"), "must name a database".into()));
        }
        if db.pool_size == 0 {
            return Err(bad(&format!("{name}.pool_size"), "must be at least 1".into()));
        }
        if db.connect_timeout_secs == 0 || db.connect_timeout_secs > 60 {
            return Err(bad(&format!("{name}.connect_timeout_secs"), "must be from 1 to 60".into()));
        }
    }
    if s.s3.bucket.trim().is_empty() {
        return Err(bad("s3.bucket", "must name a bucket".into()));
    }
    if let Some(ep) = s.s3.endpoint() {
        if !(ep.starts_with("http://") || ep.starts_with("https://")) {
            return Err(bad("s3.endpoint", format!("{ep:?} must start with http:// or https://")));
        }
    }
    if s.load_casrec.parallel_files == 0 || s.load_casrec.parallel_files > 64 {
        return Err(bad("load_casrec.parallel_files", "must be from 1 to 64".into()));
    }
    s.scope.lay_team()?;
    s.scope.correfs()?;
    if !s.run.as_of_date.trim().is_empty() {
        s.as_of_date().map_err(|_| {
            bad("run.as_of_date", format!("{:?} is not a date of the form YYYY-MM-DD", s.run.as_of_date))
        })?;
    }
    if s.environment == Environment::Production && !s.s3.embedded_root.trim().is_empty() {
        return Err(bad("s3.embedded_root", "an embedded S3 endpoint is for local runs only".into()));
    }
    Ok(())
}

fn config_error(e: config::ConfigError, source: &ConfigSource) -> CoreError {
    match e {
        config::ConfigError::Type { origin, unexpected, expected, key } => {
            let key = key.unwrap_or_default();
            CoreError::Config {
                origin: origin.unwrap_or_else(|| unnamed_origin(&key, source)),
                key,
                message: format!("has {unexpected}, expected {expected}"),
            }
        }
        config::ConfigError::FileParse { uri, cause } => CoreError::Config {
            key: String::new(),
            origin: uri.unwrap_or_default(),
            message: format!("is not valid TOML: {cause}"),
        },
        config::ConfigError::NotFound(key) => {
            CoreError::Config { key, origin: "config/default.toml".into(), message: "is missing".into() }
        }
        other => {
            let text = other.to_string();
            // serde reports unknown and missing keys as messages; pull the key out for the user.
            let key = text.split('`').nth(1).unwrap_or_default().to_string();
            CoreError::Config { key, origin: "configuration".into(), message: text }
        }
    }
}

/// Parses `key=value` for `--set`.
pub fn parse_override(s: &str) -> Result<(String, String), String> {
    let (k, v) = s.split_once('=').ok_or_else(|| format!("{s:?} is not of the form key=value"))?;
    Ok((k.trim().to_string(), v.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quiet() -> ConfigSource {
        ConfigSource { ignore_environment_variables: true, ..Default::default() }
    }

    #[test]
    fn every_environment_loads_from_the_built_in_files() {
        for env in Environment::ALL {
            let s = load(env, &quiet()).unwrap_or_else(|e| panic!("{env}: {e}"));
            assert_eq!(s.environment, env);
        }
    }

    #[test]
    fn local_overrides_defaults_and_production_forbids_loads() {
        let local = load(Environment::Local, &quiet()).unwrap();
        assert_eq!(local.s3.endpoint(), Some("http://127.0.0.1:9000"));
        assert!(local.load_to_target.allowed);
        assert!(local.as_of_date().is_ok());
        let prod = load(Environment::Production, &quiet()).unwrap();
        assert!(!prod.load_to_target.allowed);
        assert!(prod.as_of_date().unwrap_err().to_string().contains("run.as_of_date"));
    }

    #[test]
    fn overrides_apply_last() {
        let mut src = quiet();
        src.overrides.push(("migration_db.port".into(), "6543".into()));
        let s = load(Environment::Local, &src).unwrap();
        assert_eq!(s.migration_db.port, 6543);
    }

    #[test]
    fn a_bad_value_names_the_key_and_where_it_came_from() {
        let dir = tempdir();
        std::fs::write(dir.join("default.toml"), include_str!("../../../config/default.toml")).unwrap();
        std::fs::write(dir.join("local.toml"), "[migration_db]\nport = \"five\"\n").unwrap();
        let src = ConfigSource { dir: Some(dir.clone()), ..quiet() };
        let err = load(Environment::Local, &src).unwrap_err().to_string();
        assert!(err.contains("migration_db.port"), "{err}");
        assert!(err.contains("local.toml"), "{err}");
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn an_unknown_key_is_refused_by_name() {
        let mut src = quiet();
        src.overrides.push(("load_casrec.paralel_files".into(), "3".into()));
        let err = load(Environment::Local, &src).unwrap_err().to_string();
        assert!(err.contains("paralel_files"), "{err}");
    }

    #[test]
    fn a_password_in_config_is_refused() {
        let mut src = quiet();
        src.overrides.push(("sirius_db.password".into(), "hunter2".into()));
        let err = load(Environment::Local, &src).unwrap_err().to_string();
        assert!(err.contains("SIRIUS_DB_PASSWORD"), "{err}");
        assert!(!err.contains("hunter2"));
    }

    #[test]
    fn an_unknown_environment_lists_the_allowed_ones() {
        let err = "staging".parse::<Environment>().unwrap_err().to_string();
        assert!(err.contains("local, development, preproduction, qa, production"), "{err}");
    }

    #[test]
    fn a_lay_team_outside_1_to_9_or_an_unknown_corref_is_named() {
        let mut src = quiet();
        src.overrides.push(("scope.lay_team".into(), "12".into()));
        let err = load(Environment::Local, &src).unwrap_err().to_string();
        assert!(err.contains("scope.lay_team") && err.contains("\"12\"") && err.contains("1 to 9"), "{err}");
        let mut src = quiet();
        src.overrides.push(("scope.correfs".into(), "L1, XX9".into()));
        let err = load(Environment::Local, &src).unwrap_err().to_string();
        assert!(err.contains("\"XX9\""), "{err}");
        let mut src = quiet();
        src.overrides.push(("scope.lay_team".into(), "T3".into()));
        src.overrides.push(("scope.correfs".into(), "l1,rgy".into()));
        let s = load(Environment::Local, &src).unwrap();
        assert_eq!(s.scope.lay_team().unwrap(), Some(3));
        assert_eq!(s.scope.correfs().unwrap(), Some(vec!["L1".to_string(), "RGY".to_string()]));
    }

    #[test]
    fn secrets_do_not_show_in_debug_output() {
        let s = Secret::new("hunter2");
        assert_eq!(format!("{s:?}"), "\"***\"");
    }

    fn tempdir() -> PathBuf {
        let d = std::env::temp_dir().join(format!("mc-config-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
