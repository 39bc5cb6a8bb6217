#[tokio::main]
async fn main() -> migration_core::cli::anyhow_like::Result {
    migration_core::cli::step_main(migration_core::Step::Prepare, prepare::entry).await
}
