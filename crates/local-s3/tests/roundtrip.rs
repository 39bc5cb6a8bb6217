use aws_sdk_s3::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_s3::primitives::ByteStream;

#[tokio::test]
async fn objects_put_through_the_aws_sdk_come_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let s3 = local_s3::LocalS3::start(dir.path(), "127.0.0.1:0".parse().unwrap(), "a", "b").await.unwrap();
    let conf = aws_sdk_s3::config::Builder::new()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("eu-west-1"))
        .endpoint_url(s3.endpoint())
        .force_path_style(true)
        .credentials_provider(Credentials::new("a", "b", None, None, "test"))
        .build();
    let client = aws_sdk_s3::Client::from_conf(conf);
    let mut wrong = client.config().to_builder();
    wrong.set_credentials_provider(Some(aws_sdk_s3::config::SharedCredentialsProvider::new(Credentials::new(
        "a", "wrong", None, None, "test",
    ))));
    let intruder = aws_sdk_s3::Client::from_conf(wrong.build());
    assert!(intruder.create_bucket().bucket("bucket-two").send().await.is_err(), "a wrong secret must be refused");
    client.create_bucket().bucket("bucket-one").send().await.unwrap();
    let body: Vec<u8> = (0..200_000u32).flat_map(|i| i.to_le_bytes()).collect();
    client
        .put_object()
        .bucket("bucket-one")
        .key("casrec/pat.csv")
        .body(ByteStream::from(body.clone()))
        .send()
        .await
        .unwrap();
    let listed = client.list_objects_v2().bucket("bucket-one").prefix("casrec/").send().await.unwrap();
    assert_eq!(listed.contents().len(), 1);
    assert_eq!(listed.contents()[0].size(), Some(body.len() as i64));
    let got = client.get_object().bucket("bucket-one").key("casrec/pat.csv").send().await.unwrap();
    let bytes = got.body.collect().await.unwrap().into_bytes();
    assert_eq!(bytes.as_ref(), body.as_slice());
    assert!(dir.path().join("bucket-one").join("casrec").join("pat.csv").exists());
}
