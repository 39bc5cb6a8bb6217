//! The `load-s3` step (local and development only): uploads a local folder of CasRec CSV files
//! to the configured bucket and prefix, skipping files whose size and checksum are unchanged,
//! using multipart uploads for large files, and with `load_s3.sync` deleting objects whose
//! file is gone.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::types::{CompletedMultipartUpload, CompletedPart};
use aws_sdk_s3::Client;
use futures::future::BoxFuture;
use migration_core::config::S3Settings;
use migration_core::s3::error_text;
use migration_core::step::BoxError;
use migration_core::{StepContext, StepCounts};
use sha2::{Digest, Sha256};
use tokio::io::AsyncReadExt;

/// Metadata key holding the file's SHA-256, so an unchanged file is not sent again.
pub const SHA256_METADATA: &str = "casrec-sha256";
const PART_SIZE: usize = 8 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum LoadS3Error {
    #[error("the source folder {path} does not exist or is not a folder (set load_s3.source_dir)")]
    NoSourceDir { path: PathBuf },
    #[error("the source folder {path} holds no .csv files")]
    NoFiles { path: PathBuf },
    #[error("reading {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("S3 {operation} of s3://{bucket}/{key}: {message}")]
    S3 { operation: &'static str, bucket: String, key: String, message: String },
    #[error(transparent)]
    Core(#[from] migration_core::CoreError),
}

/// What one upload pass did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct UploadSummary {
    pub files: u64,
    pub uploaded: Vec<String>,
    pub unchanged: Vec<String>,
    pub deleted: Vec<String>,
    pub bytes_uploaded: u64,
}

pub fn entry<'a, 'b>(ctx: &'a StepContext<'b>) -> BoxFuture<'a, Result<StepCounts, BoxError>> {
    Box::pin(async move {
        let s = ctx.settings();
        let client = ctx.rt.s3().await;
        migration_core::s3::ensure_bucket(client, &s.s3).await?;
        let summary = upload_folder(
            client,
            &s.s3,
            &s.load_s3.source_dir,
            s.load_s3.sync,
            s.load_s3.multipart_threshold_mb * 1024 * 1024,
        )
        .await?;
        Ok(StepCounts {
            rows_in: summary.files,
            rows_out: summary.uploaded.len() as u64,
            details: serde_json::json!({
                "uploaded": summary.uploaded,
                "unchanged": summary.unchanged,
                "deleted": summary.deleted,
                "bytes_uploaded": summary.bytes_uploaded,
            }),
            ..Default::default()
        })
    })
}

/// Uploads every `.csv` in `dir` under the configured prefix.
pub async fn upload_folder(
    client: &Client,
    s3: &S3Settings,
    dir: &Path,
    sync: bool,
    multipart_threshold: u64,
) -> Result<UploadSummary, LoadS3Error> {
    if !dir.is_dir() {
        return Err(LoadS3Error::NoSourceDir { path: dir.to_path_buf() });
    }
    let mut files = BTreeMap::new();
    let entries = std::fs::read_dir(dir).map_err(|source| LoadS3Error::Read { path: dir.to_path_buf(), source })?;
    for entry in entries {
        let entry = entry.map_err(|source| LoadS3Error::Read { path: dir.to_path_buf(), source })?;
        let path = entry.path();
        let is_csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        if is_csv && path.is_file() {
            files.insert(entry.file_name().to_string_lossy().to_string(), path);
        }
    }
    if files.is_empty() {
        return Err(LoadS3Error::NoFiles { path: dir.to_path_buf() });
    }
    let existing: BTreeMap<String, u64> =
        migration_core::s3::list(client, s3).await?.into_iter().map(|o| (o.key, o.size)).collect();

    let mut summary = UploadSummary { files: files.len() as u64, ..Default::default() };
    let bar =
        migration_core::telemetry::progress_bar(files.len() as u64, "load-s3", migration_core::telemetry::Unit::Files);
    for (name, path) in &files {
        let key = s3.key(name);
        let (size, sha) = checksum(path).await?;
        if existing.get(&key) == Some(&size) && remote_sha(client, s3, &key).await?.as_deref() == Some(sha.as_str()) {
            tracing::debug!(file = %name, "unchanged; not uploaded");
            summary.unchanged.push(name.clone());
        } else {
            if size >= multipart_threshold {
                upload_multipart(client, s3, &key, path, &sha).await?;
            } else {
                upload_single(client, s3, &key, path, &sha).await?;
            }
            tracing::info!(file = %name, bytes = size, "uploaded");
            summary.bytes_uploaded += size;
            summary.uploaded.push(name.clone());
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    if summary.uploaded.is_empty() {
        tracing::info!(
            "nothing uploaded: all {} files are unchanged since the last upload (same size and SHA-256)",
            summary.files
        );
    } else if !summary.unchanged.is_empty() {
        tracing::info!(
            "{} files uploaded, {} unchanged since the last upload (same size and SHA-256)",
            summary.uploaded.len(),
            summary.unchanged.len()
        );
    }
    if sync {
        for key in existing.keys() {
            let name = key.rsplit('/').next().unwrap_or(key);
            let is_csv = name.to_ascii_lowercase().ends_with(".csv");
            if is_csv && !files.contains_key(name) {
                client.delete_object().bucket(&s3.bucket).key(key).send().await.map_err(|e| LoadS3Error::S3 {
                    operation: "DeleteObject",
                    bucket: s3.bucket.clone(),
                    key: key.clone(),
                    message: error_text(&e),
                })?;
                tracing::info!(key = %key, "deleted: no longer in the source folder");
                summary.deleted.push(name.to_string());
            }
        }
    }
    Ok(summary)
}

async fn checksum(path: &Path) -> Result<(u64, String), LoadS3Error> {
    let read_err = |source| LoadS3Error::Read { path: path.to_path_buf(), source };
    let mut f = tokio::fs::File::open(path).await.map_err(read_err)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut size = 0u64;
    loop {
        let n = f.read(&mut buf).await.map_err(|source| LoadS3Error::Read { path: path.to_path_buf(), source })?;
        if n == 0 {
            break;
        }
        size += n as u64;
        hasher.update(&buf[..n]);
    }
    Ok((size, hex::encode(hasher.finalize())))
}

async fn remote_sha(client: &Client, s3: &S3Settings, key: &str) -> Result<Option<String>, LoadS3Error> {
    let head = client.head_object().bucket(&s3.bucket).key(key).send().await.map_err(|e| LoadS3Error::S3 {
        operation: "HeadObject",
        bucket: s3.bucket.clone(),
        key: key.to_string(),
        message: error_text(&e),
    })?;
    Ok(head.metadata().and_then(|m| m.get(SHA256_METADATA)).cloned())
}

async fn upload_single(client: &Client, s3: &S3Settings, key: &str, path: &Path, sha: &str) -> Result<(), LoadS3Error> {
    let body = ByteStream::from_path(path)
        .await
        .map_err(|e| LoadS3Error::Read { path: path.to_path_buf(), source: std::io::Error::other(e.to_string()) })?;
    client
        .put_object()
        .bucket(&s3.bucket)
        .key(key)
        .metadata(SHA256_METADATA, sha)
        .content_type("text/csv")
        .body(body)
        .send()
        .await
        .map_err(|e| LoadS3Error::S3 {
            operation: "PutObject",
            bucket: s3.bucket.clone(),
            key: key.to_string(),
            message: error_text(&e),
        })?;
    Ok(())
}

async fn upload_multipart(
    client: &Client,
    s3: &S3Settings,
    key: &str,
    path: &Path,
    sha: &str,
) -> Result<(), LoadS3Error> {
    let s3_err = |operation: &'static str| {
        let bucket = s3.bucket.clone();
        let key = key.to_string();
        move |message: String| LoadS3Error::S3 { operation, bucket, key, message }
    };
    let created = client
        .create_multipart_upload()
        .bucket(&s3.bucket)
        .key(key)
        .metadata(SHA256_METADATA, sha)
        .content_type("text/csv")
        .send()
        .await
        .map_err(|e| s3_err("CreateMultipartUpload")(error_text(&e)))?;
    let upload_id = created.upload_id().unwrap_or_default().to_string();
    let result: Result<Vec<CompletedPart>, LoadS3Error> = async {
        let mut f = tokio::fs::File::open(path)
            .await
            .map_err(|source| LoadS3Error::Read { path: path.to_path_buf(), source })?;
        let mut parts = Vec::new();
        let mut number = 1;
        loop {
            let mut chunk = Vec::with_capacity(PART_SIZE);
            while chunk.len() < PART_SIZE {
                let mut buf = vec![0u8; PART_SIZE - chunk.len()];
                let n =
                    f.read(&mut buf).await.map_err(|source| LoadS3Error::Read { path: path.to_path_buf(), source })?;
                if n == 0 {
                    break;
                }
                chunk.extend_from_slice(&buf[..n]);
            }
            if chunk.is_empty() {
                break;
            }
            let last = chunk.len() < PART_SIZE;
            let part = client
                .upload_part()
                .bucket(&s3.bucket)
                .key(key)
                .upload_id(&upload_id)
                .part_number(number)
                .body(ByteStream::from(chunk))
                .send()
                .await
                .map_err(|e| s3_err("UploadPart")(error_text(&e)))?;
            parts
                .push(CompletedPart::builder().part_number(number).set_e_tag(part.e_tag().map(str::to_string)).build());
            number += 1;
            if last {
                break;
            }
        }
        Ok(parts)
    }
    .await;
    match result {
        Ok(parts) => {
            client
                .complete_multipart_upload()
                .bucket(&s3.bucket)
                .key(key)
                .upload_id(&upload_id)
                .multipart_upload(CompletedMultipartUpload::builder().set_parts(Some(parts)).build())
                .send()
                .await
                .map_err(|e| s3_err("CompleteMultipartUpload")(error_text(&e)))?;
            Ok(())
        }
        Err(e) => {
            // Leave no half upload behind to be billed for or mistaken for data.
            let _ = client.abort_multipart_upload().bucket(&s3.bucket).key(key).upload_id(&upload_id).send().await;
            Err(e)
        }
    }
}
