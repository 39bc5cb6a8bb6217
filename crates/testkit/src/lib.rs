//! Test support: each test gets its own PostgreSQL databases (dropped afterwards, so tests run
//! in parallel and leave nothing behind) and its own in-process S3 endpoint over a temp folder.
//!
//! The server is PostgreSQL at TEST_PG_HOST:TEST_PG_PORT as TEST_PG_USER (default
//! 127.0.0.1:5432, postgres), which `scripts/test.sh` starts when none answers.

pub mod moto;

use std::path::{Path, PathBuf};

use migration_core::config::{self, ConfigSource, Environment, Settings};
use tokio_postgres::NoTls;

pub fn pg_host() -> String {
    std::env::var("TEST_PG_HOST").unwrap_or_else(|_| "127.0.0.1".into())
}

pub fn pg_port() -> u16 {
    std::env::var("TEST_PG_PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(5432)
}

pub fn pg_user() -> String {
    std::env::var("TEST_PG_USER").unwrap_or_else(|_| "postgres".into())
}

fn admin_config(dbname: &str) -> tokio_postgres::Config {
    let mut c = tokio_postgres::Config::new();
    c.host(pg_host()).port(pg_port()).user(pg_user()).dbname(dbname);
    if let Ok(p) = std::env::var("TEST_PG_PASSWORD") {
        c.password(p);
    }
    c
}

/// Each table's row count and an md5 of its rows, column order aside: equal checksums mean equal
/// contents, to compare a database before and after something ran.
pub async fn table_checksums(db: &tokio_postgres::Client, schema: &str, tables: &[&str]) -> Vec<(String, i64, String)> {
    let mut out = Vec::new();
    for t in tables {
        let r = db
            .query_one(
                &format!(
                    r#"SELECT count(*), coalesce(md5(string_agg(to_jsonb(x)::text, E'\n' ORDER BY to_jsonb(x)::text)), '')
                         FROM "{schema}"."{t}" x"#
                ),
                &[],
            )
            .await
            .unwrap_or_else(|e| panic!("checksum of {schema}.{t}: {e}"));
        out.push((t.to_string(), r.get(0), r.get(1)));
    }
    out
}

/// The single number a query returns (a count, a maximum).
pub async fn count(db: &tokio_postgres::Client, sql: &str) -> i64 {
    db.query_one(sql, &[]).await.unwrap_or_else(|e| panic!("{sql}: {e}")).get(0)
}

/// Connects to any database on the test server.
pub async fn connect(dbname: &str) -> tokio_postgres::Client {
    let (client, conn) = admin_config(dbname)
        .connect(NoTls)
        .await
        .unwrap_or_else(|e| panic!("cannot reach the test PostgreSQL at {}:{}: {e}", pg_host(), pg_port()));
    tokio::spawn(async move {
        let _ = conn.await;
    });
    client
}

/// A database that exists for one test.
pub struct TestDb {
    pub name: String,
}

impl TestDb {
    pub async fn create(purpose: &str) -> TestDb {
        let name = format!("t_{purpose}_{}", uuid::Uuid::new_v4().simple()).chars().take(63).collect::<String>();
        connect("postgres")
            .await
            .batch_execute(&format!("CREATE DATABASE \"{name}\""))
            .await
            .unwrap_or_else(|e| panic!("creating test database {name}: {e}"));
        TestDb { name }
    }

    pub async fn client(&self) -> tokio_postgres::Client {
        connect(&self.name).await
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let name = self.name.clone();
        // Drop runs outside async context; a private runtime on its own thread does the work.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
            rt.block_on(async move {
                if let Ok((c, conn)) = admin_config("postgres").connect(NoTls).await {
                    tokio::spawn(conn);
                    let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")).await;
                }
            })
        })
        .join();
    }
}

/// A migration database, a Sirius database and an S3 endpoint, with settings pointing at them.
pub struct TestEnv {
    pub migration_db: TestDb,
    pub sirius_db: TestDb,
    pub s3: local_s3::LocalS3,
    pub dir: tempfile::TempDir,
    pub settings: Settings,
}

impl TestEnv {
    pub async fn new(purpose: &str) -> TestEnv {
        Self::with_overrides(purpose, &[]).await
    }

    pub async fn with_overrides(purpose: &str, extra: &[(&str, &str)]) -> TestEnv {
        let migration_db = TestDb::create(&format!("{purpose}_m")).await;
        let sirius_db = TestDb::create(&format!("{purpose}_s")).await;
        let dir = tempfile::tempdir().expect("temp dir");
        let s3 = local_s3::LocalS3::start(
            &dir.path().join("s3"),
            "127.0.0.1:0".parse().expect("addr"),
            migration_core::s3::LOCAL_ACCESS_KEY,
            migration_core::s3::LOCAL_SECRET_KEY,
        )
        .await
        .expect("local S3 endpoint");
        let host = pg_host();
        let port = pg_port().to_string();
        let user = pg_user();
        let source_dir = dir.path().join("data").display().to_string();
        let report_dir = dir.path().join("reports").display().to_string();
        let mut overrides: Vec<(String, String)> = [
            ("migration_db.host", host.as_str()),
            ("migration_db.port", port.as_str()),
            ("migration_db.user", user.as_str()),
            ("migration_db.dbname", migration_db.name.as_str()),
            ("migration_db.create_if_missing", "false"),
            ("sirius_db.host", host.as_str()),
            ("sirius_db.port", port.as_str()),
            ("sirius_db.user", user.as_str()),
            ("sirius_db.dbname", sirius_db.name.as_str()),
            ("sirius_db.create_if_missing", "false"),
            ("s3.endpoint", &s3.endpoint()),
            ("s3.bucket", "casrec-test"),
            ("s3.embedded_root", ""),
            ("load_s3.source_dir", source_dir.as_str()),
            ("validation.report_dir", report_dir.as_str()),
            ("run.as_of_date", "2026-11-01"),
            ("logging.format", "human"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        overrides.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let src = ConfigSource { dir: Some(repo_root().join("config")), overrides, ignore_environment_variables: true };
        let settings = config::load(Environment::Local, &src).expect("test settings");
        TestEnv { migration_db, sirius_db, s3, dir, settings }
    }

    /// The local folder load-s3 uploads from.
    pub fn data_dir(&self) -> PathBuf {
        self.settings.load_s3.source_dir.clone()
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Puts every CSV file of `dir` into the test's bucket, as an export arrives.
    pub async fn upload_csvs(&self, dir: &Path) {
        let s3 = &self.settings.s3;
        let c = migration_core::s3::client(s3).await;
        migration_core::s3::ensure_bucket(&c, s3).await.expect("test bucket");
        for entry in std::fs::read_dir(dir).expect("export folder") {
            let p = entry.expect("export file").path();
            if p.extension().is_some_and(|e| e == "csv") {
                let key = s3.key(p.file_name().and_then(|n| n.to_str()).expect("file name"));
                let body = aws_sdk_s3::primitives::ByteStream::from(std::fs::read(&p).expect("read export file"));
                c.put_object().bucket(&s3.bucket).key(key).body(body).send().await.expect("upload to the test bucket");
            }
        }
    }
}

/// The workspace root, for tests that need the project's own files.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root")
}

/// What headless Chromium makes of a local HTML page: a screenshot (PNG bytes) and the text of
/// the page as it rendered it (the DOM after load, tags stripped). Chromium is Debian's package
/// (`scripts/test.sh` installs it); without it the test fails, saying so.
pub fn chromium_render(page: &Path, screenshot: &Path) -> (Vec<u8>, String) {
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find(|c| std::process::Command::new(c).arg("--version").output().is_ok_and(|o| o.status.success()))
        .unwrap_or_else(|| {
            panic!("headless Chromium is needed for this test: install Debian's chromium (scripts/test.sh does)")
        });
    let url = format!("file://{}", page.canonicalize().expect("the page exists").display());
    let common = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"];
    let shot = std::process::Command::new(chromium)
        .args(common)
        .arg(format!("--screenshot={}", screenshot.display()))
        .arg("--window-size=1280,1600")
        .arg(&url)
        .output()
        .expect("chromium runs");
    assert!(shot.status.success(), "chromium --screenshot: {}", String::from_utf8_lossy(&shot.stderr));
    let png = std::fs::read(screenshot).expect("chromium wrote the screenshot");
    let dom =
        std::process::Command::new(chromium).args(common).arg("--dump-dom").arg(&url).output().expect("chromium runs");
    assert!(dom.status.success(), "chromium --dump-dom: {}", String::from_utf8_lossy(&dom.stderr));
    let html = String::from_utf8_lossy(&dom.stdout);
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    (png, text.split_whitespace().collect::<Vec<_>>().join(" "))
}
