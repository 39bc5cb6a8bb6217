//! Synthetic CasRec exports at any scale, with defects injected on purpose and listed in a
//! manifest, plus an anonymiser that turns real exports into shareable ones.
//!
//! Every file has exactly the header of [`casrec_catalog::FILES`]; files are comma-separated,
//! quoted where needed, Windows-1252 encoded, with CRLF line ends. See the crate README for the
//! conventions (case numbers, deputy numbers, date formats) other crates rely on.

mod anonymise;
pub mod codes;
pub mod dates;
mod error;
mod fake;
mod files;
mod generate;
mod manifest;
pub mod model;
mod rng;
mod sink;

pub use anonymise::{
    anonymise, replace, treatment, AnonymiseKey, AnonymiseOptions, AnonymiseReport, AnonymisedFile, Treatment,
};
pub use error::GenError;
pub use generate::{generate, GenerateOptions};
pub use manifest::{Defect, DefectKind, FileEntry, Manifest};
pub use model::{case_number, deputy_number};
pub use sink::UNDECODABLE_BYTES;
