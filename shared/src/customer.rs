//! The social CRM: what staff see of one customer (everything they did
//! here, on one page), staff notes and tags, and the customer list. None of
//! it is ever shown to customers or in any public surface.

use serde::{Deserialize, Serialize};

use crate::promise::{CommitmentView, RemedyView};
use crate::staff::UserRef;

/// `GET /api/v1/customers` query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct CustomerQuery {
    /// Part of the name or e-mail address.
    #[serde(default)]
    pub q: Option<String>,
    /// Only customers with this tag (its name).
    #[serde(default)]
    pub tag: Option<String>,
    /// `last_activity` (default, newest first), `open_tickets` or
    /// `remedies` (won granted this year), most first.
    #[serde(default)]
    pub sort: Option<String>,
    /// Page size, 1–100; 20 when absent.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    #[serde(default)]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    #[serde(default)]
    pub cursor: Option<String>,
}

/// One customer in the list, and the head of the full view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerSummary {
    /// The member id.
    pub id: i64,
    /// Public name.
    pub display_name: String,
    /// E-mail address (staff see it; the public never does).
    pub email: String,
    /// Tag names, alphabetical.
    pub tags: Vec<String>,
    /// RFC 3339 UTC.
    pub member_since: String,
    /// RFC 3339 UTC of the newest thing they did or the last time they
    /// were seen signed in; none if never.
    pub last_active_at: Option<String>,
    /// Tickets filed.
    pub tickets: i64,
    /// Of those, not resolved or closed.
    pub open_tickets: i64,
    /// Promises made to them still pending.
    pub open_promises: i64,
    /// Won granted to them this calendar year (company time zone).
    pub remedies_this_year_won: i64,
    /// Their reach is above the site's opinion-leader threshold.
    pub opinion_leader_suggested: bool,
}

/// How far a customer's voice carries.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Influence {
    /// Ideas they posted.
    pub ideas: i64,
    /// Votes their ideas received.
    pub votes_received: i64,
    /// Members following their ideas (themselves not counted).
    pub followers: i64,
    /// Comments others wrote under their ideas.
    pub comments_drawn: i64,
    /// "Me too" marks others put on their tickets.
    pub me_too_drawn: i64,
    /// The sum of the four above: what the threshold is compared with.
    pub reach: i64,
    /// The site's opinion-leader threshold (`--opinion-leader-threshold`).
    pub threshold: i64,
}

/// Remedies granted to the customer, against the viewer's allowance.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RemedyTotals {
    /// Won granted this calendar year.
    pub this_year_won: i64,
    /// Won granted this calendar month.
    pub this_month_won: i64,
    /// The most the viewer may grant one customer in a month without
    /// approval; none for admins (they approve).
    pub viewer_month_limit_won: Option<i64>,
}

/// An idea the customer posted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerIdea {
    /// Idea number.
    pub number: i64,
    /// Title.
    pub title: String,
    /// Status now.
    pub status: crate::IdeaStatus,
    /// Votes it received.
    pub votes: i64,
    /// Comments under it.
    pub comments: i64,
    /// Hidden by a moderator.
    pub hidden: bool,
    /// RFC 3339 UTC.
    pub created_at: String,
}

/// An idea the customer voted for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerVote {
    /// Idea number.
    pub idea_number: i64,
    /// Its title.
    pub idea_title: String,
    /// RFC 3339 UTC.
    pub created_at: String,
}

/// A comment the customer wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerComment {
    /// Its id.
    pub id: i64,
    /// The idea it is under.
    pub idea_number: i64,
    /// That idea's title.
    pub idea_title: String,
    /// The text as written (Markdown).
    pub body_markdown: String,
    /// Deleted by its author.
    pub deleted: bool,
    /// Hidden by a moderator.
    pub hidden: bool,
    /// RFC 3339 UTC.
    pub created_at: String,
}

/// A ticket the customer filed, with what only staff and they may see.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerTicket {
    /// `VOC-000123`.
    pub number: String,
    /// inquiry, complaint, suggestion or request.
    pub kind: crate::TicketKind,
    /// Title.
    pub title: String,
    /// Status now.
    pub status: crate::TicketStatus,
    /// The department's name, if routed.
    pub department: Option<String>,
    /// The private details given with it.
    pub private_details: Option<String>,
    /// Their rating of the answer, 1–5.
    pub rating: Option<i64>,
    /// The comment with the rating.
    pub rating_comment: Option<String>,
    /// RFC 3339 UTC.
    pub created_at: String,
}

/// A "me too" the customer put on somebody's ticket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerMeToo {
    /// `VOC-000123`.
    pub ticket_number: String,
    /// Its title.
    pub ticket_title: String,
    /// RFC 3339 UTC.
    pub created_at: String,
}

/// A report moderators received about something the customer wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportAgainst {
    /// `idea`, `comment`, `ticket_post` or `profile`.
    pub target_type: crate::ContentKind,
    /// The reported item's id (an idea's number).
    pub target_id: i64,
    /// `spam`, `abuse`, `personal_information`, `off_topic` or `other`.
    pub reason: String,
    /// open, resolved or dismissed.
    pub status: crate::ReportStatus,
    /// RFC 3339 UTC.
    pub created_at: String,
}

/// A staff note on a customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerNote {
    /// Its id.
    pub id: i64,
    /// Who wrote it (signed).
    pub author: UserRef,
    /// The note, plain text.
    pub body: String,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// RFC 3339 UTC of the last correction.
    pub edited_at: Option<String>,
    /// RFC 3339 UTC until which the viewer may still correct it (its
    /// author, for 15 minutes); none otherwise.
    pub editable_until: Option<String>,
}

/// `POST /api/v1/customers/{id}/notes` and `PATCH …/notes/{note}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoteInput {
    /// 1–4,000 characters of plain text.
    pub body: String,
}

/// A tag on a customer, with who put it there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerTagMark {
    /// The tag's name.
    pub name: String,
    /// Who tagged (none if that account is gone).
    pub tagged_by: Option<UserRef>,
    /// RFC 3339 UTC.
    pub tagged_at: String,
}

/// `PUT /api/v1/customers/{id}/tags`: the customer's tags, all of them.
/// `POST /api/v1/customers/{id}/merge`: the duplicate account `{id}` goes
/// into `into` (admins).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MergeInput {
    /// The customer account to keep.
    pub into: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TagsInput {
    /// Names from the admins' list; tags not named are removed.
    pub tags: Vec<String>,
}

/// A customer's tags after `PUT /api/v1/customers/{id}/tags`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerTags {
    /// Every tag on the customer now, alphabetical.
    pub tags: Vec<CustomerTagMark>,
}

/// A tag of the admins' list, with how many customers carry it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerTag {
    /// Its id.
    pub id: i64,
    /// Its name, unique.
    pub name: String,
    /// Customers tagged with it.
    pub customers: i64,
}

/// `POST /api/v1/customer-tags`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerTagInput {
    /// 1–40 characters, unique (case-insensitive).
    pub name: String,
}

/// `GET /api/v1/customers/{id}`: everything the customer did here, each
/// list newest first (at most 100 each; the summary has the totals).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerView {
    /// Name, address, tags, figures.
    pub summary: CustomerSummary,
    /// `ko` or `en`: the language of their mail; none when never chosen.
    pub language: Option<String>,
    /// Whether they confirmed their e-mail address.
    pub email_confirmed: bool,
    /// `immediate`, `daily` or `off`: how they get notified by mail.
    pub notification_mail: String,
    /// RFC 3339 UTC until which they are suspended, if they are.
    pub suspended_until: Option<String>,
    /// The moderator's reason for the suspension.
    pub suspended_reason: Option<String>,
    /// Tags with who tagged and when.
    pub tags: Vec<CustomerTagMark>,
    /// Staff notes, newest first.
    pub notes: Vec<CustomerNote>,
    /// Their reach.
    pub influence: Influence,
    /// Remedies granted, against the viewer's allowance.
    pub remedy_totals: RemedyTotals,
    /// Ideas they posted.
    pub ideas: Vec<CustomerIdea>,
    /// Ideas they voted for.
    pub votes: Vec<CustomerVote>,
    /// Comments they wrote.
    pub comments: Vec<CustomerComment>,
    /// Tickets they filed, with private details.
    pub tickets: Vec<CustomerTicket>,
    /// "Me too" marks they put on others' tickets.
    pub me_too: Vec<CustomerMeToo>,
    /// Promises made to them, and where each stands.
    pub promises: Vec<CommitmentView>,
    /// Remedies granted or asked for them.
    pub remedies: Vec<RemedyView>,
    /// Reports about what they wrote.
    pub reports_against: Vec<ReportAgainst>,
}
