//! load-s3 against the embedded S3 endpoint.

use load_s3::{upload_folder, LoadS3Error};
use testkit::TestEnv;

async fn client(env: &TestEnv) -> aws_sdk_s3::Client {
    let c = migration_core::s3::client(&env.settings.s3).await;
    migration_core::s3::ensure_bucket(&c, &env.settings.s3).await.unwrap();
    c
}

#[tokio::test]
async fn uploads_every_csv_then_skips_unchanged_and_sync_deletes_removed() {
    let env = TestEnv::new("loads3").await;
    let dir = env.data_dir();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("pat.csv"), "Case,Forename\n1,A\n").unwrap();
    std::fs::write(dir.join("order.csv"), "Case,Order No\n1,2\n").unwrap();
    std::fs::write(dir.join("notes.txt"), "not a csv").unwrap();
    let c = client(&env).await;
    let s3 = &env.settings.s3;

    let first = upload_folder(&c, s3, &dir, false, u64::MAX).await.unwrap();
    assert_eq!(first.uploaded, vec!["order.csv", "pat.csv"]);
    let second = upload_folder(&c, s3, &dir, false, u64::MAX).await.unwrap();
    assert!(second.uploaded.is_empty());
    assert_eq!(second.unchanged.len(), 2);

    std::fs::write(dir.join("pat.csv"), "Case,Forename\n1,B\n").unwrap();
    std::fs::remove_file(dir.join("order.csv")).unwrap();
    let third = upload_folder(&c, s3, &dir, false, u64::MAX).await.unwrap();
    assert_eq!(third.uploaded, vec!["pat.csv"]);
    assert!(third.deleted.is_empty(), "without sync nothing is deleted");
    let fourth = upload_folder(&c, s3, &dir, true, u64::MAX).await.unwrap();
    assert_eq!(fourth.deleted, vec!["order.csv"]);
    let keys: Vec<String> = migration_core::s3::list(&c, s3).await.unwrap().into_iter().map(|o| o.key).collect();
    assert_eq!(keys, vec![s3.key("pat.csv")]);
}

#[tokio::test]
async fn large_files_go_up_in_parts_and_arrive_whole() {
    let env = TestEnv::new("loads3mp").await;
    let dir = env.data_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let mut body = String::from("Case,Remarks\n");
    let mut i = 0u64;
    while body.len() < 9 * 1024 * 1024 {
        body.push_str(&format!("{i},\"remark number {i}, with a comma\"\n"));
        i += 1;
    }
    std::fs::write(dir.join("remarks.csv"), &body).unwrap();
    let c = client(&env).await;
    let s3 = &env.settings.s3;
    upload_folder(&c, s3, &dir, false, 1024).await.unwrap();
    let got = c.get_object().bucket(&s3.bucket).key(s3.key("remarks.csv")).send().await.unwrap();
    let bytes = got.body.collect().await.unwrap().into_bytes();
    assert_eq!(bytes.len(), body.len());
    assert!(bytes.as_ref() == body.as_bytes());
    let again = upload_folder(&c, s3, &dir, false, 1024).await.unwrap();
    assert_eq!(again.unchanged, vec!["remarks.csv"], "the checksum survives a multipart upload");
}

#[tokio::test]
async fn a_missing_or_empty_source_folder_is_a_clear_error() {
    let env = TestEnv::new("loads3err").await;
    let c = client(&env).await;
    let missing = env.path().join("nowhere");
    let err = upload_folder(&c, &env.settings.s3, &missing, false, u64::MAX).await.unwrap_err();
    assert!(matches!(err, LoadS3Error::NoSourceDir { .. }));
    assert!(err.to_string().contains("nowhere"));
    let empty = env.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let err = upload_folder(&c, &env.settings.s3, &empty, false, u64::MAX).await.unwrap_err();
    assert!(err.to_string().contains("no .csv files"), "{err}");
}
