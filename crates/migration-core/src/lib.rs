//! What every casrec-migration step shares. See the crate README.

pub mod cli;
pub mod config;
pub mod db;
pub mod error;
pub mod ledger;
pub mod lock;
pub mod pgcopy;
pub mod pipeline;
pub mod registry;
pub mod s3;
pub mod schedule;
pub mod step;
pub mod telemetry;

pub use config::{Environment, Settings};
pub use error::{CoreError, Result};
pub use ledger::{RunId, StepCounts};
pub use pipeline::Step;
pub use step::{BoxError, Runtime, StepContext, StepFn};
