//! The S3 client: AWS's endpoint in AWS, or a configured one (the embedded endpoint locally,
//! any S3-compatible server elsewhere). Credentials come from the standard AWS chain; a custom
//! endpoint with none in the environment gets placeholder ones, which local endpoints accept.

use std::time::Duration;

use aws_sdk_s3::Client;

use crate::config::S3Settings;

/// The key pair a local endpoint accepts, used when the environment provides none.
pub const LOCAL_ACCESS_KEY: &str = aws_endpoint::LOCAL.access_key;
pub const LOCAL_SECRET_KEY: &str = aws_endpoint::LOCAL.secret_key;
use crate::error::{CoreError, Result};

pub async fn client(s: &S3Settings) -> Client {
    let shared = aws_endpoint::sdk_config(s.endpoint(), &s.region, Duration::from_secs(s.connect_timeout_secs)).await;
    Client::from_conf(aws_sdk_s3::config::Builder::from(&shared).force_path_style(s.force_path_style).build())
}

fn describe_endpoint(s: &S3Settings) -> String {
    match s.endpoint() {
        Some(ep) => format!("{ep} (bucket {:?})", s.bucket),
        None => format!("AWS S3 in {} (bucket {:?})", s.region, s.bucket),
    }
}

/// Fails within the connect timeout when the endpoint does not answer or the bucket is missing.
pub async fn check(client: &Client, s: &S3Settings) -> Result<()> {
    let limit = Duration::from_secs(s.connect_timeout_secs);
    match tokio::time::timeout(limit, client.head_bucket().bucket(&s.bucket).send()).await {
        Err(_) => Err(CoreError::Unreachable {
            which: "S3 endpoint",
            target: describe_endpoint(s),
            message: format!("no answer within {}s", s.connect_timeout_secs),
        }),
        Ok(Err(e)) => {
            Err(CoreError::Unreachable { which: "S3 endpoint", target: describe_endpoint(s), message: error_text(&e) })
        }
        Ok(Ok(_)) => Ok(()),
    }
}

/// Creates the bucket when it is missing (local and development only).
pub async fn ensure_bucket(client: &Client, s: &S3Settings) -> Result<()> {
    if check(client, s).await.is_ok() {
        return Ok(());
    }
    client.create_bucket().bucket(&s.bucket).send().await.map_err(|e| CoreError::S3 {
        operation: "CreateBucket",
        bucket: s.bucket.clone(),
        key: String::new(),
        message: error_text(&e),
    })?;
    Ok(())
}

/// The most useful text of an SDK error: the service's code and message, or the transport cause.
pub fn error_text<E: std::error::Error + 'static>(e: &E) -> String {
    let mut text = e.to_string();
    let mut cur: Option<&(dyn std::error::Error + 'static)> = e.source();
    while let Some(s) = cur {
        text.push_str(": ");
        text.push_str(&s.to_string());
        cur = s.source();
    }
    text
}

/// One object under the prefix.
#[derive(Debug, Clone)]
pub struct ObjectInfo {
    pub key: String,
    pub size: u64,
    pub etag: Option<String>,
}

/// Lists every object under `prefix/`, following continuation tokens.
pub async fn list(client: &Client, s: &S3Settings) -> Result<Vec<ObjectInfo>> {
    let prefix = s.key("");
    let mut out = Vec::new();
    let mut pages = client.list_objects_v2().bucket(&s.bucket).prefix(&prefix).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| CoreError::S3 {
            operation: "ListObjectsV2",
            bucket: s.bucket.clone(),
            key: prefix.clone(),
            message: error_text(&e),
        })?;
        for o in page.contents() {
            if let Some(key) = o.key() {
                out.push(ObjectInfo {
                    key: key.to_string(),
                    size: o.size().unwrap_or(0).max(0) as u64,
                    etag: o.e_tag().map(str::to_string),
                });
            }
        }
    }
    out.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(out)
}
