#[tokio::main]
async fn main() -> migration_core::cli::anyhow_like::Result {
    migration_core::cli::step_main(migration_core::Step::LoadCasrec, load_casrec::entry).await
}
