//! The domain's error kinds. The server maps each kind to one HTTP status in
//! one place; nothing here knows about HTTP.

use std::collections::BTreeMap;

/// Why a use case did not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The caller must sign in first.
    #[error("not signed in")]
    Unauthenticated,
    /// Signed in, but the policy does not allow this.
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// Absent, or not visible to the caller.
    #[error("{0} not found")]
    NotFound(String),
    /// Field name → message for each invalid field.
    #[error("invalid input: {0:?}")]
    Invalid(BTreeMap<String, String>),
    /// The request conflicts with what is stored (e.g. an e-mail in use).
    #[error("conflict: {0}")]
    Conflict(String),
    /// The e-mail or the password is wrong (one message for both, so
    /// accounts cannot be discovered by trying).
    #[error("wrong e-mail or password")]
    BadCredentials,
    /// Too many attempts; try again after the given seconds.
    #[error("rate limited for {retry_after_secs} s")]
    RateLimited {
        /// Seconds until a retry may succeed.
        retry_after_secs: u64,
    },
    /// The database failed; the cause is logged, never shown.
    #[error("database error: {0}")]
    Db(#[from] sea_orm::DbErr),
    /// A bug or an environment failure that is not the caller's fault.
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// One invalid field, the common case.
    #[must_use]
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Error::Invalid(BTreeMap::from([(field.to_owned(), message.into())]))
    }
}

/// The result type of every use case.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The single place where domain errors become wire errors (and HTTP
/// statuses). Unexpected errors are logged here with an id the client sees,
/// and their details never leave the server.
impl From<Error> for shared::ApiError {
    fn from(error: Error) -> Self {
        use shared::ApiError;
        match error {
            Error::Unauthenticated => ApiError::unauthorized(),
            Error::Forbidden(why) => ApiError::forbidden(why),
            Error::NotFound(what) => ApiError::not_found(format!("{what} not found")),
            Error::Invalid(errors) => ApiError::invalid(errors),
            Error::Conflict(why) => ApiError::conflict(why),
            Error::BadCredentials => ApiError::new(
                401,
                "bad-credentials",
                "Sign-in failed",
                "The e-mail address or the password is not correct.",
            ),
            Error::RateLimited { retry_after_secs } => ApiError::rate_limited(retry_after_secs),
            Error::Db(_) | Error::Internal(_) => {
                let incident = format!("{:016x}", rand::random::<u64>());
                tracing::error!(incident = %incident, error = %error, "unexpected error");
                ApiError::internal(&incident)
            }
        }
    }
}
