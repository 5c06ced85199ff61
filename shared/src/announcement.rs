//! Announcements: the company blog as the hub of the board. Staff post
//! what they delivered and link the ideas that asked for it.

use serde::{Deserialize, Serialize};

use crate::idea::IdeaStatus;
use crate::staff::UserRef;

/// The longest announcement title.
pub const TITLE_MAX_CHARS: usize = 120;

/// `POST /api/v1/announcements`: a new post (staff).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAnnouncement {
    /// 5–120 characters.
    pub title: String,
    /// Markdown, at most 10,000 characters.
    pub body: String,
    /// Numbers of the ideas this post delivers or answers.
    #[serde(default)]
    pub ideas: Vec<i64>,
}

/// An idea an announcement links, as the post shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkedIdea {
    /// The idea number.
    pub number: i64,
    /// Its title.
    pub title: String,
    /// Where it stands.
    pub status: IdeaStatus,
    /// Distinct voters.
    pub votes: i64,
}

/// One announcement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnnouncementView {
    /// Its id, used in its address.
    pub id: i64,
    /// The headline.
    pub title: String,
    /// Sanitised HTML of the Markdown body.
    pub body_html: String,
    /// The staff member who wrote it (signed).
    pub author: UserRef,
    /// RFC 3339 UTC.
    pub published_at: String,
    /// The ideas it delivers.
    pub ideas: Vec<LinkedIdea>,
}
