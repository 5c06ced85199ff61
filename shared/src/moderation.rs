//! Moderation: reports, hiding with a stated reason, suspensions.

use serde::{Deserialize, Serialize};

use crate::staff::UserRef;

/// Why something was reported or hidden.
pub const REASONS: [&str; 5] = [
    "spam",
    "abuse",
    "personal_information",
    "off_topic",
    "other",
];

vocabulary! {
    /// What kind of content a report or a moderation action is about.
    pub enum ContentKind (UnknownContentKind, "content kind") {
        /// An idea (by its number).
        Idea = "idea",
        /// A comment under an idea.
        Comment = "comment",
        /// A public post in a ticket thread.
        TicketPost = "ticket_post",
        /// A member's public profile.
        Profile = "profile",
    }
}

/// What a report or a moderation action is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContentRef {
    /// What kind of content.
    #[serde(rename = "type")]
    pub kind: ContentKind,
    /// Its id (the idea number for ideas, the member id for profiles).
    pub id: i64,
}

/// `POST /api/v1/reports`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewReport {
    /// What is reported.
    pub target: ContentRef,
    /// `spam`, `abuse`, `personal_information`, `off_topic` or `other`.
    pub reason: String,
    /// Optional words for the moderator.
    #[serde(default)]
    pub note: Option<String>,
}

/// A report in the moderator queue, with the content in question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportView {
    /// Its id.
    pub id: i64,
    /// What is reported.
    pub target: ContentRef,
    /// Why.
    pub reason: String,
    /// The reporter's note.
    pub note: Option<String>,
    /// Who reported it.
    pub reporter: UserRef,
    /// `open`, `dismissed` or `actioned`.
    pub status: crate::ReportStatus,
    /// The reported text (plain, shortened) for context.
    pub excerpt: String,
    /// Where it is shown (a site path).
    pub link: String,
    /// RFC 3339 UTC.
    pub created_at: String,
}

/// `POST /api/v1/moderation/hide`: hide content with a public reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HideRequest {
    /// What to hide: an idea, comment, public ticket post or profile.
    pub target: ContentRef,
    /// One of the report reasons; shown publicly on the tombstone.
    pub reason: String,
    /// The guideline it enforces, e.g. `4`.
    #[serde(default)]
    pub guideline: Option<String>,
}

/// `POST /api/v1/moderation/suspensions`: a member may read but not write
/// for a while.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Suspension {
    /// The member's id.
    pub member: i64,
    /// How long, in hours (1 to 8760).
    pub hours: i64,
    /// Why; the member is told.
    pub reason: String,
    /// The guideline it enforces.
    #[serde(default)]
    pub guideline: Option<String>,
}

/// `POST /api/v1/moderation/unhide`: show hidden content again, or release
/// a post held for review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnhideRequest {
    /// What to show again.
    pub target: ContentRef,
}

/// A post held for review because it contains a word on the review list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HeldPost {
    /// The idea or comment.
    pub target: ContentRef,
    /// Its text, shortened.
    pub excerpt: String,
    /// Where it will be shown.
    pub link: String,
    /// Who wrote it.
    pub author: UserRef,
    /// The listed words it contains.
    pub matched: Vec<String>,
    /// RFC 3339 UTC.
    pub created_at: String,
}

/// `GET|PUT /api/v1/moderation/word-list`: words and phrases (Korean or
/// English) that hold a post for a moderator's review.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WordList {
    /// The words, lower-case, alphabetical.
    pub words: Vec<String>,
}

vocabulary! {
    /// What staff may redact: any public text.
    pub enum RedactableKind (UnknownRedactableKind, "redactable kind") {
        /// An idea's title and description (by its number).
        Idea = "idea",
        /// A comment under an idea.
        Comment = "comment",
        /// A ticket's title and description (by its number's id).
        Ticket = "ticket",
        /// A post in a ticket thread.
        TicketPost = "ticket_post",
    }
}

/// `POST /api/v1/moderation/redactions`: staff cut a piece of public text
/// (personal data, typically) out of a post, with a reason. The text is
/// replaced by "[removed by staff: personal information]" everywhere it was
/// published; the original is kept only in the audit log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RedactionRequest {
    /// What kind of post.
    #[serde(rename = "type")]
    pub kind: RedactableKind,
    /// Its id (the idea number for ideas; `VOC-000123` is id 123).
    pub id: i64,
    /// The exact text to remove, as it appears in the post.
    pub text: String,
    /// `personal_information`, `abuse`, `spam`, `off_topic` or `other`.
    pub reason: String,
}

/// What a redaction changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RedactionResult {
    /// Places the text was removed from in the post itself.
    pub occurrences: i64,
    /// Notifications, queued mails and webhook deliveries that carried it.
    pub copies: i64,
}
