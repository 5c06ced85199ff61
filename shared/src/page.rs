//! The one list envelope of the API: items plus an opaque cursor.

use serde::{Deserialize, Serialize};

/// A page of a list; `next_cursor` is `None` on the last page, so clients
/// loop until it disappears instead of guessing from the item count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    /// The items of this page, in the order the list was asked for.
    pub items: Vec<T>,
    /// Pass back as `cursor` to get the following page.
    pub next_cursor: Option<String>,
}

/// Page sizes the API accepts; outside this range requests are rejected
/// rather than silently clamped, so a client bug shows up at once.
pub const PAGE_LIMIT_RANGE: std::ops::RangeInclusive<u64> = 1..=100;

/// Page size used when the client does not say.
pub const DEFAULT_PAGE_LIMIT: u64 = 20;
