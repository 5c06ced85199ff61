//! Ideas on the board: their statuses, sort orders and the card a list shows.

use serde::{Deserialize, Serialize};

use crate::staff::{StaffIdentity, UserRef};

/// Where an idea stands. Every idea gets a visible fate, so a customer never
/// has to ask whether it was really reviewed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    feature = "db",
    derive(sea_orm::DeriveValueType),
    sea_orm(value_type = "String")
)]
pub enum IdeaStatus {
    /// Posted, not yet looked at.
    New,
    /// Staff are looking at it.
    UnderReview,
    /// Accepted and scheduled.
    Planned,
    /// Being built.
    InProgress,
    /// Shipped.
    Done,
    /// Decided against, with a written reason.
    Declined,
    /// The same as another idea.
    Duplicate,
}

impl IdeaStatus {
    /// Every status, in the order of the lifecycle.
    pub const ALL: [IdeaStatus; 7] = [
        IdeaStatus::New,
        IdeaStatus::UnderReview,
        IdeaStatus::Planned,
        IdeaStatus::InProgress,
        IdeaStatus::Done,
        IdeaStatus::Declined,
        IdeaStatus::Duplicate,
    ];

    /// The stable string used in the database and the API.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            IdeaStatus::New => "new",
            IdeaStatus::UnderReview => "under_review",
            IdeaStatus::Planned => "planned",
            IdeaStatus::InProgress => "in_progress",
            IdeaStatus::Done => "done",
            IdeaStatus::Declined => "declined",
            IdeaStatus::Duplicate => "duplicate",
        }
    }
}

string_enum!(IdeaStatus, UnknownIdeaStatus, "idea status");

/// How the board is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum IdeaSort {
    /// Votes decayed by age, so fresh popular ideas rise.
    #[default]
    Trending,
    /// Most votes first.
    Top,
    /// Newest first.
    New,
    /// Most recently changed first (status, comments, edits).
    Updated,
}

impl IdeaSort {
    /// Every sort order, in the order the board's tabs show them.
    pub const ALL: [IdeaSort; 4] = [
        IdeaSort::Trending,
        IdeaSort::Top,
        IdeaSort::New,
        IdeaSort::Updated,
    ];

    /// The stable string used in query strings.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            IdeaSort::Trending => "trending",
            IdeaSort::Top => "top",
            IdeaSort::New => "new",
            IdeaSort::Updated => "updated",
        }
    }
}

string_enum!(IdeaSort, UnknownIdeaSort, "sort order");

/// One idea as the board lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdeaCard {
    /// The public idea number used in URLs.
    pub number: i64,
    /// The idea's title.
    pub title: String,
    /// Where the idea stands.
    pub status: IdeaStatus,
    /// Distinct members who voted for it.
    pub votes: i64,
    /// Whether the caller votes for it (false for visitors).
    #[serde(default)]
    pub voted: bool,
    /// Visible comments.
    pub comments: i64,
    /// Who posted it.
    pub author: UserRef,
    /// Product area, if any.
    pub category: Option<String>,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// Featured by a moderator (shown above the board).
    #[serde(default)]
    pub pinned: bool,
}

/// `POST /api/v1/ideas`: a new idea.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewIdea {
    /// 5–120 characters.
    pub title: String,
    /// Markdown, at most 10,000 characters.
    pub body: String,
    /// Category slug.
    #[serde(default)]
    pub category: Option<String>,
    /// Up to 5 tags of 1–30 characters; stored lower-case.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// `PUT /api/v1/ideas/{number}/status`: a staff decision with its public reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusChange {
    /// The new status.
    pub status: IdeaStatus,
    /// Why, in Markdown; shown publicly, signed by the staff member.
    pub explanation: String,
    /// For `duplicate`: the idea this one repeats.
    #[serde(default)]
    pub duplicate_of: Option<i64>,
}

/// `POST /api/v1/ideas/{number}/comments` and editing a comment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewComment {
    /// Markdown, 1–5,000 characters.
    pub body: String,
}

/// Title length limits, shared by the browser form and the server.
pub const TITLE_CHARS: std::ops::RangeInclusive<usize> = 5..=120;
/// Longest description accepted.
pub const BODY_MAX_CHARS: usize = 10_000;

/// A product area ideas are filed under.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Category {
    /// Stable key.
    pub slug: String,
    /// Display name in the reader's language.
    pub name: String,
    /// The name in both languages, as the company wrote it.
    pub names: crate::locale::Bilingual,
}

/// `POST /api/v1/categories` (admins).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryInput {
    /// Lower-case letters, digits and dashes, 2–40 characters.
    pub slug: String,
    /// The Korean name, 1–80 characters.
    pub name: String,
    /// The English name, at most 80 characters; empty shows the Korean.
    #[serde(default)]
    pub name_en: String,
}

/// A member's vote on an idea after a change, and the idea's new count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoteState {
    /// Whether the member now votes for the idea.
    pub voted: bool,
    /// Distinct voters now.
    pub votes: i64,
}

/// What the board shows: one sort, optional filters, one page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct BoardQuery {
    /// Sort order; trending when absent.
    #[serde(default)]
    pub sort: IdeaSort,
    /// Only ideas in this status.
    #[serde(default)]
    pub status: Option<IdeaStatus>,
    /// Only ideas in this category (slug).
    #[serde(default)]
    pub category: Option<String>,
    /// Only ideas with this tag.
    #[serde(default)]
    pub tag: Option<String>,
    /// Only ideas whose title or tags contain these words (Korean or English;
    /// endings may differ: `요금제` finds `요금제를`).
    #[serde(default)]
    pub q: Option<String>,
    /// Only ideas posted by this member.
    #[serde(default)]
    pub author: Option<i64>,
    /// Only ideas a moderator featured (`pinned=true`).
    #[serde(default)]
    pub pinned: Option<bool>,
    /// Page size, 1–100; 20 when absent.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    #[serde(default)]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    #[serde(default)]
    pub cursor: Option<String>,
}

vocabulary! {
    /// A moderator's curation of an idea, kept in its public history.
    pub enum CurationKind (UnknownCurationKind, "curation kind") {
        /// Title, category or tags corrected.
        Edited = "edited",
        /// Discussion closed.
        Locked = "locked",
        /// Discussion reopened.
        Unlocked = "unlocked",
        /// Featured above the board.
        Pinned = "pinned",
        /// No longer featured.
        Unpinned = "unpinned",
        /// Hidden with a reason.
        Hidden = "hidden",
        /// Shown again.
        Unhidden = "unhidden",
    }
}

vocabulary! {
    /// What a step in an idea's public timeline is.
    pub enum TimelineKind (UnknownTimelineKind, "timeline entry kind") {
        /// Staff changed the idea's status.
        StatusChanged = "status_changed",
        /// An announcement delivers the idea.
        Announcement = "announcement",
        /// Title, category or tags corrected.
        Edited = "edited",
        /// Discussion closed.
        Locked = "locked",
        /// Discussion reopened.
        Unlocked = "unlocked",
        /// Featured above the board.
        Pinned = "pinned",
        /// No longer featured.
        Unpinned = "unpinned",
        /// Hidden with a reason.
        Hidden = "hidden",
        /// Shown again.
        Unhidden = "unhidden",
    }
}

impl From<CurationKind> for TimelineKind {
    fn from(kind: CurationKind) -> Self {
        match kind {
            CurationKind::Edited => TimelineKind::Edited,
            CurationKind::Locked => TimelineKind::Locked,
            CurationKind::Unlocked => TimelineKind::Unlocked,
            CurationKind::Pinned => TimelineKind::Pinned,
            CurationKind::Unpinned => TimelineKind::Unpinned,
            CurationKind::Hidden => TimelineKind::Hidden,
            CurationKind::Unhidden => TimelineKind::Unhidden,
        }
    }
}

/// One signed step in an idea's public timeline: who decided what, when, why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineEntry {
    /// A status change, an announcement or a moderator's curation.
    pub kind: TimelineKind,
    /// RFC 3339 UTC.
    pub at: String,
    /// The staff member who decided, with their signed identity.
    pub by: StaffIdentity,
    /// The status the idea moved to.
    pub status: Option<IdeaStatus>,
    /// The status it moved from.
    pub from_status: Option<IdeaStatus>,
    /// The public explanation, sanitised HTML.
    pub text_html: String,
    /// For `announcement`: the post's id and title.
    #[serde(default)]
    pub announcement: Option<AnnouncementRef>,
}

/// An announcement named in an idea's timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnnouncementRef {
    /// Its id (`/announcements/{id}`).
    pub id: i64,
    /// Its headline.
    pub title: String,
}

/// A comment under an idea.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommentView {
    /// Comment id.
    pub id: i64,
    /// Sanitised HTML; empty when deleted.
    pub body_html: String,
    /// Who wrote it (staff carry their signed identity).
    pub author: UserRef,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// True once edited after posting.
    pub edited: bool,
    /// True for a deleted comment, kept as a tombstone.
    pub deleted: bool,
    /// True when the caller wrote it (and so may edit or delete it).
    #[serde(default)]
    pub mine: bool,
    /// Whether the caller may still edit it (their own, within 15 minutes).
    #[serde(default)]
    pub editable: bool,
    /// Set when a moderator hid it: the public reason (and guideline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden: Option<String>,
    /// Waiting for a moderator's review (a word on the review list); only
    /// its author and moderators see it meanwhile.
    #[serde(default)]
    pub held_for_review: bool,
    /// It waits for its author to confirm their e-mail address (then it
    /// shows); `held_for_review` is true too.
    #[serde(default)]
    pub awaiting_confirmation: bool,
    /// The Markdown source, for the author's edit form (only when editable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_md: Option<String>,
}

/// An idea with everything its page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdeaView {
    /// The public idea number.
    pub number: i64,
    /// The title.
    pub title: String,
    /// The description, sanitised HTML.
    pub body_html: String,
    /// Where the idea stands.
    pub status: IdeaStatus,
    /// Distinct voters.
    pub votes: i64,
    /// Whether the caller has voted (false for visitors).
    pub voted: bool,
    /// Visible comments.
    pub comments_count: i64,
    /// Who posted it.
    pub author: UserRef,
    /// Product area, if any.
    pub category: Option<String>,
    /// Free tags, alphabetical.
    #[serde(default)]
    pub tags: Vec<String>,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// Signed decisions, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// Comments, oldest first.
    pub comments: Vec<CommentView>,
    /// The idea this one was merged into, if any.
    pub merged_into: Option<i64>,
    /// Whether the caller may comment (false for visitors).
    #[serde(default)]
    pub can_comment: bool,
    /// Whether the caller may change the status (staff).
    #[serde(default)]
    pub can_change_status: bool,
    /// Whether the caller follows the idea (hears of its status changes).
    #[serde(default)]
    pub following: bool,
    /// Members following it.
    #[serde(default)]
    pub followers: i64,
    /// Of `votes`, how many staff recorded for customers (e.g. from a phone
    /// call); shown so the count stays honest.
    #[serde(default)]
    pub votes_on_behalf: i64,
    /// Whether the caller may record votes for customers.
    #[serde(default)]
    pub can_vote_on_behalf: bool,
    /// Whether the caller may merge or unmerge it (moderators).
    #[serde(default)]
    pub can_merge: bool,
    /// Whether the caller may review staff answers (admins).
    #[serde(default)]
    pub can_review_answers: bool,
    /// The idea's absolute address, for sharing and `og:url`.
    #[serde(default)]
    pub url: String,
    /// Set when a moderator hid it: the public reason (and guideline); its
    /// title and text then reach only moderators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden: Option<String>,
    /// Waiting for a moderator's review; only its author and moderators see it.
    #[serde(default)]
    pub held_for_review: bool,
    /// It waits for its author to confirm their e-mail address (then it
    /// shows); `held_for_review` is true too.
    #[serde(default)]
    pub awaiting_confirmation: bool,
    /// Set when a moderator locked the discussion: the stated reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked: Option<String>,
    /// Featured by a moderator.
    #[serde(default)]
    pub pinned: bool,
    /// Whether the caller may edit, lock, pin and hide it (moderators).
    #[serde(default)]
    pub can_moderate: bool,
}

/// `PATCH /api/v1/ideas/{number}`: a moderator corrects an idea's title,
/// category or tags; every change is kept in its public history.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdeaEdit {
    /// New title (5–120 characters).
    #[serde(default)]
    pub title: Option<String>,
    /// New product area slug; empty to clear.
    #[serde(default)]
    pub category: Option<String>,
    /// New tags (replace the old ones).
    #[serde(default)]
    pub tags: Option<Vec<String>>,
    /// Why, shown in the history.
    #[serde(default)]
    pub reason: Option<String>,
    /// The guideline it enforces, e.g. `3`.
    #[serde(default)]
    pub guideline: Option<String>,
}

/// `PUT /api/v1/ideas/{number}/lock`: close the discussion, saying why.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LockRequest {
    /// Why; shown on the idea.
    pub reason: String,
    /// The guideline it enforces.
    #[serde(default)]
    pub guideline: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_parses_back_from_its_string() {
        for status in IdeaStatus::ALL {
            assert_eq!(status.as_str().parse::<IdeaStatus>(), Ok(status));
        }
        assert!("shipped".parse::<IdeaStatus>().is_err());
    }

    #[test]
    fn statuses_serialise_as_snake_case_strings() {
        let json = serde_json::to_string(&IdeaStatus::UnderReview).expect("serialise");
        assert_eq!(json, "\"under_review\"");
    }
}

/// `GET /api/v1/ideas/similar?q=…`: the title being typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct SimilarQuery {
    /// A title or a few words, Korean or English.
    pub q: String,
}

/// An existing idea that may be the one a member is about to post again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SimilarIdea {
    /// The public idea number.
    pub number: i64,
    /// Its title.
    pub title: String,
    /// Where it stands.
    pub status: IdeaStatus,
    /// Distinct voters.
    pub votes: i64,
    /// Whether the caller already votes for it (false for visitors).
    #[serde(default)]
    pub voted: bool,
}

/// `GET /api/v1/ideas/similar`: at most five suggestions, best first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SimilarIdeas {
    /// Best match first.
    pub items: Vec<SimilarIdea>,
}

/// `PUT/DELETE /api/v1/ideas/{number}/follow`: where following stands now.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowState {
    /// Whether the member now follows the idea.
    pub following: bool,
    /// Members following it now.
    pub followers: i64,
}

/// `PUT /api/v1/ideas/{number}/votes/{member_id}`: a vote a staff member
/// records for a customer, e.g. one who asked for it on the phone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProxyVoteState {
    /// The customer the vote counts for.
    pub member_id: i64,
    /// Whether that customer now votes for the idea.
    pub voted: bool,
    /// Distinct voters now.
    pub votes: i64,
    /// Whether the vote was recorded by staff (false when the customer had
    /// already voted themselves).
    pub on_behalf: bool,
}

/// `POST /api/v1/ideas/{number}/merge`: the idea it duplicates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MergeInto {
    /// The number of the idea to merge into.
    pub into: i64,
}
