//! An S3-compatible endpoint on 127.0.0.1 backed by a local folder (each bucket a subfolder),
//! reached through aws-sdk-s3 exactly like real S3. `migrate` embeds it for local runs and the
//! tests start one per test on a free port.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder as ConnBuilder;
use s3s::auth::SimpleAuth;
use s3s::service::S3ServiceBuilder;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

#[derive(Debug, thiserror::Error)]
pub enum LocalS3Error {
    #[error("cannot use {path} as the S3 root folder: {source}")]
    Root {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot serve S3 on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot open the S3 root folder {path}: {message}")]
    Fs { path: PathBuf, message: String },
}

/// A running endpoint; it stops when dropped.
pub struct LocalS3 {
    addr: SocketAddr,
    root: PathBuf,
    task: JoinHandle<()>,
}

impl LocalS3 {
    /// Serves `root` on `addr` (port 0 picks a free port) until dropped, accepting requests
    /// signed with the given key pair, as aws-sdk-s3 always signs.
    pub async fn start(
        root: &Path,
        addr: SocketAddr,
        access_key: &str,
        secret_key: &str,
    ) -> Result<LocalS3, LocalS3Error> {
        std::fs::create_dir_all(root).map_err(|source| LocalS3Error::Root { path: root.to_path_buf(), source })?;
        let root = root.canonicalize().map_err(|source| LocalS3Error::Root { path: root.to_path_buf(), source })?;
        let fs = s3s_fs::FileSystem::new(&root)
            .map_err(|e| LocalS3Error::Fs { path: root.clone(), message: format!("{e:?}") })?;
        let mut builder = S3ServiceBuilder::new(fs);
        builder.set_auth(SimpleAuth::from_single(access_key, secret_key));
        let service = builder.build();
        let listener = TcpListener::bind(addr).await.map_err(|source| LocalS3Error::Bind { addr, source })?;
        let addr = listener.local_addr().map_err(|source| LocalS3Error::Bind { addr, source })?;
        let task = tokio::spawn(async move {
            let http = ConnBuilder::new(TokioExecutor::new());
            loop {
                let socket = match listener.accept().await {
                    Ok((s, _)) => s,
                    Err(e) => {
                        tracing::warn!(error = %e, "local S3: accepting a connection failed");
                        continue;
                    }
                };
                let conn = http.serve_connection(TokioIo::new(socket), service.clone()).into_owned();
                tokio::spawn(async move {
                    let _ = conn.await;
                });
            }
        });
        tracing::info!(endpoint = %format!("http://{addr}"), root = %root.display(), "local S3 endpoint serving");
        Ok(LocalS3 { addr, root, task })
    }

    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Serves until the process is interrupted (`migrate s3 serve`).
    pub async fn wait(self) {
        let _ = tokio::signal::ctrl_c().await;
    }
}

impl Drop for LocalS3 {
    fn drop(&mut self) {
        self.task.abort();
    }
}
