//! Notifications: what a member hears about things they follow or voted for.

use serde::{Deserialize, Serialize};

/// One notification in the member's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationView {
    /// Its id.
    pub id: i64,
    /// `idea_status_changed`, `announcement` (more kinds come with tickets).
    pub kind: String,
    /// One line: what happened to what.
    pub subject: String,
    /// Plain text: the staff member's explanation or the post's summary.
    pub text: String,
    /// Where to read more (a site path).
    pub link: String,
    /// The idea concerned, if any.
    pub idea: Option<i64>,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// Whether the member has seen it.
    pub read: bool,
}

/// `GET /api/v1/me/notifications`: newest first, with the unread count.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationList {
    /// Newest first, at most 50.
    pub items: Vec<NotificationView>,
    /// How many are unread in all.
    pub unread: i64,
}
