//! The domain's error kinds. The server maps each kind to one HTTP status in
//! one place; nothing here knows about HTTP.

use std::collections::BTreeMap;

use shared::Locale;

use crate::i18n::{Message, lookup};
use crate::msg;

/// Why a use case did not do what was asked. Every text is a [`Message`],
/// worded in the reader's language where it becomes a problem document.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The caller must sign in first.
    #[error("not signed in")]
    Unauthenticated,
    /// Signed in, but the policy does not allow this.
    #[error("forbidden: {0}")]
    Forbidden(Message),
    /// Absent, or not visible to the caller.
    #[error("{0}")]
    NotFound(Message),
    /// Field name → message for each invalid field.
    #[error("invalid input: {0:?}")]
    Invalid(BTreeMap<String, Message>),
    /// The request conflicts with what is stored (e.g. an e-mail in use).
    #[error("conflict: {0}")]
    Conflict(Message),
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
    pub fn invalid(field: &str, message: Message) -> Self {
        Error::Invalid(BTreeMap::from([(field.to_owned(), message)]))
    }

    /// The problem document for this error in a language. Unexpected errors
    /// are logged here with an id the client sees, and their details never
    /// leave the server.
    #[must_use]
    pub fn to_problem(self, locale: Locale) -> shared::ApiError {
        use shared::ApiError;
        let title = |kind: &'static str| lookup(locale, kind).to_owned();
        let problem = |status: u16, kind: &str, title_key: &'static str, detail: String| {
            ApiError::new(status, kind, &title(title_key), detail)
        };
        match self {
            Error::Unauthenticated => problem(
                401,
                "unauthorized",
                "problem.unauthorized",
                msg!("problem.unauthorized.detail").text(locale),
            ),
            Error::Forbidden(why) => {
                problem(403, "forbidden", "problem.forbidden", why.text(locale))
            }
            Error::NotFound(what) => {
                problem(404, "not-found", "problem.not_found", what.text(locale))
            }
            Error::Invalid(errors) => {
                let errors: BTreeMap<String, String> = errors
                    .into_iter()
                    .map(|(field, message)| (field, message.text(locale)))
                    .collect();
                let mut invalid = ApiError::invalid(errors);
                invalid.title = title("problem.invalid");
                invalid
            }
            Error::Conflict(why) => problem(409, "conflict", "problem.conflict", why.text(locale)),
            Error::BadCredentials => problem(
                401,
                "bad-credentials",
                "problem.bad_credentials",
                msg!("problem.bad_credentials.detail").text(locale),
            ),
            Error::RateLimited { retry_after_secs } => {
                let mut limited = ApiError::rate_limited(retry_after_secs);
                limited.title = title("problem.rate_limited");
                limited.detail =
                    msg!("problem.rate_limited.detail", seconds = retry_after_secs).text(locale);
                limited
            }
            Error::Db(_) | Error::Internal(_) => {
                let incident = format!("{:016x}", rand::random::<u64>());
                tracing::error!(incident = %incident, error = %self, "unexpected error");
                let mut internal = ApiError::internal(&incident);
                internal.title = title("problem.internal");
                internal.detail = msg!("problem.internal.detail", incident = incident).text(locale);
                internal
            }
        }
    }
}

/// The result type of every use case.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The single place where domain errors become wire errors (and HTTP
/// statuses), in the language of the request being served.
impl From<Error> for shared::ApiError {
    fn from(error: Error) -> Self {
        error.to_problem(crate::i18n::request_locale())
    }
}
