use thiserror::Error;

/// Errors from the shared machinery. Each names what it was doing and with what.
#[derive(Debug, Error)]
pub enum CoreError {
    #[error("configuration key `{key}` from {origin}: {message}")]
    Config { key: String, origin: String, message: String },

    #[error("cannot reach the {which} at {target}: {message}")]
    Unreachable { which: &'static str, target: String, message: String },

    #[error("{context}: {source}")]
    Db {
        context: String,
        #[source]
        source: tokio_postgres::Error,
    },

    #[error("{context}: {source}")]
    Pool {
        context: String,
        #[source]
        source: deadpool_postgres::PoolError,
    },

    #[error("S3 {operation} on s3://{bucket}/{key}: {message}")]
    S3 { operation: &'static str, bucket: String, key: String, message: String },

    #[error("COPY of {table}: {message}")]
    Copy { table: String, message: String },

    #[error("unsupported column type for {table}.{column}: {type_name}")]
    UnsupportedType { table: String, column: String, type_name: String },

    #[error(
        "{what} is in use: {holder} holds its lock in {database}; wait for it to end, or stop it \
         (a stopped run's lock goes with its session)"
    )]
    Claimed { what: String, database: String, holder: String },

    #[error("pipeline: {0}")]
    Pipeline(String),

    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

impl CoreError {
    pub fn db(context: impl Into<String>) -> impl FnOnce(tokio_postgres::Error) -> CoreError {
        let context = context.into();
        move |source| CoreError::Db { context, source }
    }
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;
