//! The one search box of the site: ideas, public tickets and announcements
//! found by their words (`GET /api/v1/search`).

use serde::{Deserialize, Serialize};

vocabulary! {
    /// What a search result is.
    pub enum SearchKind (UnknownSearchKind, "search type") {
        /// An idea on the board.
        Idea = "idea",
        /// A public ticket thread.
        Ticket = "ticket",
        /// An announcement.
        Announcement = "announcement",
    }
}

/// `GET /api/v1/search` query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct SearchQuery {
    /// The words to find; Korean particles and endings are ignored.
    /// Missing or without words: 422 on `q`.
    #[serde(default)]
    pub q: String,
    /// Only this kind (`idea`, `ticket`, `announcement`); all when absent.
    #[serde(default, rename = "type")]
    pub kind: Option<SearchKind>,
    /// Results per page (1–100, 20 by default).
    #[serde(default)]
    pub limit: Option<u64>,
    /// From the previous page's `next_cursor`.
    #[serde(default)]
    pub cursor: Option<String>,
}

/// One thing found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    /// `idea`, `ticket` or `announcement`.
    #[serde(rename = "type")]
    pub kind: SearchKind,
    /// The idea's number or the ticket's (`VOC-000123`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The announcement's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// Title as written.
    pub title: String,
    /// A short plain-text piece of the text around the first match,
    /// HTML-escaped, the matched words in `<mark>`.
    pub excerpt_html: String,
    /// The page to open.
    pub url: String,
    /// The idea's or ticket's status (`planned`, `resolved`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Votes of an idea, "me too" marks of a ticket.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<i64>,
    /// Whether every word is in the title (those come first).
    pub in_title: bool,
    /// When it was posted (RFC 3339).
    pub created_at: String,
}

/// `GET /api/v1/search` answer: results grouped by kind (ideas, then
/// tickets, then announcements; title matches first within each), with how
/// many of each kind there are in all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchResults {
    /// This page of results.
    pub items: Vec<SearchHit>,
    /// Pass back as `cursor` for the following page.
    pub next_cursor: Option<String>,
    /// How many were found of each kind (up to a cap per kind).
    pub counts: SearchCounts,
}

/// How many of each kind a search found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchCounts {
    /// Ideas.
    pub idea: u64,
    /// Public tickets.
    pub ticket: u64,
    /// Announcements.
    pub announcement: u64,
}
