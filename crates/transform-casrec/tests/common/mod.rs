//! Shared set-up: generated CasRec data loaded into a test database, and a Sirius stand-in.

use aws_sdk_s3::primitives::ByteStream;
use migration_core::step::{RunOptions, Runtime};
use migration_core::{Step, StepCounts};
use testkit::TestEnv;

/// Generates `clients` clients (with defects at `defect_rate`), uploads and loads them, and
/// installs the Sirius stand-in (prepare has run against it).
pub async fn loaded_env(
    purpose: &str,
    clients: u64,
    defect_rate: f64,
    overrides: &[(&str, &str)],
) -> (TestEnv, casrec_gen::Manifest) {
    let env = TestEnv::with_overrides(purpose, overrides).await;
    let out = env.path().join("export");
    let manifest =
        casrec_gen::generate(&casrec_gen::GenerateOptions { clients, seed: 11, out_dir: out.clone(), defect_rate })
            .unwrap();
    let s3 = &env.settings.s3;
    let c = migration_core::s3::client(s3).await;
    migration_core::s3::ensure_bucket(&c, s3).await.unwrap();
    for f in &manifest.files {
        let body = std::fs::read(out.join(&f.file)).unwrap();
        c.put_object().bucket(&s3.bucket).key(s3.key(&f.file)).body(ByteStream::from(body)).send().await.unwrap();
    }
    sirius_standin::install(&mut env.sirius_db.client().await).await.unwrap();
    let rt = Runtime::connect(env.settings.clone(), RunOptions::default()).await.unwrap();
    let run = rt.start_run(None, None).await.unwrap();
    // prepare copies what the transform reads of Sirius (bond providers, assignees: sirius_ref).
    rt.execute(run, Step::Prepare, prepare::entry).await.unwrap();
    rt.execute(run, Step::LoadCasrec, load_casrec::entry).await.unwrap();
    (env, manifest)
}

pub async fn transform(settings: &migration_core::Settings) -> Result<StepCounts, String> {
    let rt = Runtime::connect(settings.clone(), RunOptions::default()).await.unwrap();
    let run = rt.start_run(None, None).await.unwrap();
    rt.execute(run, Step::TransformCasrec, transform_casrec::entry).await.map_err(|e| e.to_string())
}
