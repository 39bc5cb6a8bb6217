//! A moto server (https://github.com/getmoto/moto) for the tests: a child process on a free
//! 127.0.0.1 port, killed when dropped. moto runs state machines for real only when its
//! `stepfunctions.execute_state_machine` setting is on; it is switched on through moto's own
//! configuration endpoint before the server is handed out. Without it moto returns canned
//! histories, which would test nothing.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const INSTALL_HINT: &str = "these tests need moto's server: pip install \"moto[server]\"";

/// How long moto may take to start (a cold Python import of moto takes a few seconds on a busy
/// machine).
const START_TIMEOUT: Duration = Duration::from_secs(60);

pub struct Moto {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Moto {
    /// Starts `moto_server`, or `python3 -m moto.server` where only the module is installed, and
    /// waits until it answers. Panics with the install hint when neither runs.
    pub fn start() -> Moto {
        let port = free_port();
        // moto's request log goes to a file: a pipe nobody reads would fill up and stall it.
        let log = std::env::temp_dir().join(format!("sfn-client-moto-{port}.log"));
        let mut last_failure = String::new();
        for (program, prefix) in [("moto_server", &[][..]), ("python3", &["-m", "moto.server"][..])] {
            let log_file = std::fs::File::create(&log).expect("create moto's log file in the temp dir");
            let spawned = Command::new(program)
                .args(prefix)
                .args(["-H", "127.0.0.1", "-p", &port.to_string()])
                // moto's service integrations (a Task state calling an AWS API) call back into
                // the same server at localhost:$MOTO_PORT.
                .env("MOTO_PORT", port.to_string())
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(log_file)
                .spawn();
            let child = match spawned {
                Ok(child) => child,
                Err(e) => {
                    last_failure = format!("{program}: {e}");
                    continue;
                }
            };
            let mut moto = Moto { child, port, log: log.clone() };
            match moto.wait_until_ready() {
                Ok(()) => return moto,
                Err(why) => last_failure = format!("{program}: {why}"),
            }
        }
        panic!("{INSTALL_HINT} (could not start it: {last_failure})");
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn wait_until_ready(&mut self) -> Result<(), String> {
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            if let Ok(Some(exit)) = self.child.try_wait() {
                let output = std::fs::read_to_string(&self.log).unwrap_or_default();
                return Err(format!("exited with {exit}: {}", output.trim()));
            }
            // The switch that makes moto execute definitions instead of replaying a canned
            // history; it answers 201 once the server is up.
            match http_post(self.port, "/moto-api/config", r#"{"stepfunctions":{"execute_state_machine":true}}"#) {
                Ok(201) => break,
                Ok(status) => return Err(format!("/moto-api/config answered {status}")),
                Err(_) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(200)),
                Err(e) => {
                    let output = std::fs::read_to_string(&self.log).unwrap_or_default();
                    return Err(format!("no answer within {START_TIMEOUT:?}: {e}; its output: {}", output.trim()));
                }
            }
        }
        Ok(())
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        // A failed test keeps moto's log for a look at what it was asked.
        if std::thread::panicking() {
            eprintln!("moto's log is kept at {}", self.log.display());
        } else {
            let _ = std::fs::remove_file(&self.log);
        }
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind an ephemeral port on 127.0.0.1");
    listener.local_addr().expect("local address of a bound listener").port()
}

/// A minimal HTTP/1.1 POST returning the status code; the tests need nothing more, and an HTTP
/// client crate is not worth a dependency for one call.
fn http_post(port: u16, path: &str, body: &str) -> std::io::Result<u16> {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(2))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    response
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("not an HTTP response: {response:?}")))
}
