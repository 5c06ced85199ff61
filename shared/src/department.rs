//! Departments as the API lists them.

use serde::{Deserialize, Serialize};

/// A team that answers in its own name, with its first-response promise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Department {
    /// Stable URL-safe key, e.g. `billing`.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// What the team handles, so customers and colleagues route correctly.
    pub description: String,
    /// Public handle, e.g. `@billing`.
    pub handle: String,
    /// The promised first-response time in minutes.
    pub first_response_minutes: i64,
}
