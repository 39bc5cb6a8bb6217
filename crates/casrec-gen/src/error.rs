use std::path::PathBuf;

/// Everything that can go wrong in this crate.
#[derive(Debug, thiserror::Error)]
pub enum GenError {
    #[error("I/O error on {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("CSV error in {path}: {source}")]
    Csv {
        path: PathBuf,
        #[source]
        source: csv::Error,
    },
    #[error("cannot write manifest: {0}")]
    Manifest(#[from] serde_json::Error),
    #[error("invalid option: {0}")]
    InvalidOption(String),
    #[error("{path} has no header line")]
    MissingHeader { path: PathBuf },
}

impl GenError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        GenError::Io { path: path.into(), source }
    }
    pub(crate) fn csv(path: impl Into<PathBuf>, source: csv::Error) -> Self {
        GenError::Csv { path: path.into(), source }
    }
}
