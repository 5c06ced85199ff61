//! Voice-of-the-customer tickets: their kinds, statuses and public numbers.

use serde::{Deserialize, Serialize};

/// What the customer is asking for; departments triage by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    feature = "db",
    derive(sea_orm::DeriveValueType),
    sea_orm(value_type = "String")
)]
pub enum TicketKind {
    /// A question.
    Inquiry,
    /// Something went wrong.
    Complaint,
    /// An improvement proposal in a support context.
    Suggestion,
    /// Asking the company to do something.
    Request,
}

impl TicketKind {
    /// Every kind.
    pub const ALL: [TicketKind; 4] = [
        TicketKind::Inquiry,
        TicketKind::Complaint,
        TicketKind::Suggestion,
        TicketKind::Request,
    ];

    /// The stable string used in the database and the API.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            TicketKind::Inquiry => "inquiry",
            TicketKind::Complaint => "complaint",
            TicketKind::Suggestion => "suggestion",
            TicketKind::Request => "request",
        }
    }
}

/// Where a ticket stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    feature = "db",
    derive(sea_orm::DeriveValueType),
    sea_orm(value_type = "String")
)]
pub enum TicketStatus {
    /// Filed, nobody has answered yet.
    Open,
    /// A person has said they are on it.
    Acknowledged,
    /// Being worked on.
    InProgress,
    /// The company needs something from the customer.
    WaitingForCustomer,
    /// Solved; the author may reopen for a while.
    Resolved,
    /// Finished for good.
    Closed,
}

impl TicketStatus {
    /// Every status, in lifecycle order.
    pub const ALL: [TicketStatus; 6] = [
        TicketStatus::Open,
        TicketStatus::Acknowledged,
        TicketStatus::InProgress,
        TicketStatus::WaitingForCustomer,
        TicketStatus::Resolved,
        TicketStatus::Closed,
    ];

    /// The stable string used in the database and the API.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            TicketStatus::Open => "open",
            TicketStatus::Acknowledged => "acknowledged",
            TicketStatus::InProgress => "in_progress",
            TicketStatus::WaitingForCustomer => "waiting_for_customer",
            TicketStatus::Resolved => "resolved",
            TicketStatus::Closed => "closed",
        }
    }
}

string_enum!(TicketKind, UnknownTicketKind, "ticket kind");
string_enum!(TicketStatus, UnknownTicketStatus, "ticket status");

/// The public ticket number, e.g. `VOC-000123`: short enough to read out on
/// the phone, stable across databases.
#[must_use]
pub fn ticket_number(id: i64) -> String {
    format!("VOC-{id:06}")
}

/// Reads a public ticket number back to its id; `None` if it is not one.
#[must_use]
pub fn parse_ticket_number(number: &str) -> Option<i64> {
    let digits = number.strip_prefix("VOC-")?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|id| *id > 0)
}

/// `POST /api/v1/tickets`: a customer files a ticket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewTicket {
    /// What it is.
    pub kind: TicketKind,
    /// 5–120 characters, public.
    pub title: String,
    /// Markdown, public, at most 10,000 characters.
    pub body: String,
    /// Order or account number, phone…: seen only by the author and staff.
    #[serde(default)]
    pub private_details: Option<String>,
    /// Department slug; Customer Care triages when absent.
    #[serde(default)]
    pub department: Option<String>,
}

/// `GET /api/v1/tickets` filters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct TicketQuery {
    /// Only tickets in this status.
    #[serde(default)]
    pub status: Option<TicketStatus>,
    /// Only tickets of this kind.
    #[serde(default)]
    pub kind: Option<TicketKind>,
    /// Only tickets of this department (slug); staff may say `mine` for
    /// their own department, `all` for every one (the default).
    #[serde(default)]
    pub department: Option<String>,
    /// Only the caller's own tickets.
    #[serde(default)]
    pub mine: Option<bool>,
    /// Staff: `me` (mine), `none` (unclaimed) or a member id.
    #[serde(default)]
    pub assignee: Option<String>,
    /// Staff: only tickets of customers with this tag (its name).
    #[serde(default)]
    pub tag: Option<String>,
    /// `new` (default, newest first) or `urgent` (staff queue: tickets
    /// waiting for an answer by deadline, the breached first; answered ones
    /// after).
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

/// `GET /api/v1/me/tickets` filters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct MyTicketsQuery {
    /// Only tickets in this status.
    #[serde(default)]
    pub status: Option<TicketStatus>,
    /// Page size, 1–100; 20 when absent.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    #[serde(default)]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    #[serde(default)]
    pub cursor: Option<String>,
}

/// The first-response promise of a ticket and how it was kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FirstResponse {
    /// The department's promise in minutes.
    pub target_minutes: i64,
    /// When the clock started (filing, or the latest hand-off before an answer).
    pub started_at: String,
    /// When the first answer is due while none has come.
    pub due_at: Option<String>,
    /// When staff first answered.
    pub answered_at: Option<String>,
    /// Who answered first (signed).
    pub by: Option<crate::staff::StaffIdentity>,
    /// Minutes from the start of the clock to the answer.
    pub minutes: Option<i64>,
    /// Whether the promise is broken (answered late, or overdue now).
    pub breached: bool,
    /// While unanswered: minutes the customer has waited since filing.
    pub waiting_minutes: Option<i64>,
}

/// A ticket as lists show it (never with private details).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketCard {
    /// `VOC-000123`.
    pub number: String,
    /// What it is.
    pub kind: TicketKind,
    /// Public title.
    pub title: String,
    /// Where it stands.
    pub status: TicketStatus,
    /// The department holding it.
    pub department: Option<crate::staff::DepartmentRef>,
    /// Who filed it.
    pub author: crate::staff::UserRef,
    /// Who works on it (staff), if claimed.
    pub assignee: Option<crate::staff::UserRef>,
    /// Members who said "me too".
    pub me_too: i64,
    /// The promise and how it stands.
    pub first_response: FirstResponse,
    /// The response clock running now, if someone waits for an answer
    /// (`next_reply` when the customer wrote again after one).
    pub clock: Option<crate::ResponseClock>,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// The last reply, hand-off or status change (RFC 3339 UTC).
    #[serde(default)]
    pub last_activity_at: String,
}

/// One post in a ticket thread.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketPost {
    /// Its id.
    pub id: i64,
    /// `reply` (public), `internal` (staff only), `transfer` (public hand-off
    /// note), `status` (public status change, with an optional note).
    pub kind: crate::TicketPostKind,
    /// Sanitised HTML.
    pub body_html: String,
    /// Who wrote it; staff carry their signed identity.
    pub author: crate::staff::UserRef,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// For `transfer`: from which department.
    pub from_department: Option<crate::staff::DepartmentRef>,
    /// For `transfer`: to which department.
    pub to_department: Option<crate::staff::DepartmentRef>,
    /// For `status`: the new status.
    pub status: Option<TicketStatus>,
    /// Set when a moderator hid it: the public reason (and guideline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hidden: Option<String>,
    /// The caller wrote it and may still correct it (15 minutes).
    #[serde(default)]
    pub editable: bool,
    /// Its Markdown source, for its author while they may correct it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The author's rating of how the ticket was handled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rating {
    /// 1 (bad) to 5 (excellent).
    pub score: i64,
    /// Optional words.
    #[serde(default)]
    pub comment: Option<String>,
}

/// A ticket's public thread page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketView {
    /// `VOC-000123`.
    pub number: String,
    /// The thread's public address, to share.
    pub url: String,
    /// What it is.
    pub kind: TicketKind,
    /// Public title.
    pub title: String,
    /// Sanitised HTML of the public description.
    pub body_html: String,
    /// Where it stands.
    pub status: TicketStatus,
    /// The department holding it.
    pub department: Option<crate::staff::DepartmentRef>,
    /// Who filed it.
    pub author: crate::staff::UserRef,
    /// Who works on it, if claimed.
    pub assignee: Option<crate::staff::UserRef>,
    /// Members who said "me too".
    pub me_too: i64,
    /// Whether the caller said "me too".
    pub me_too_mine: bool,
    /// The promise and how it stands.
    pub first_response: FirstResponse,
    /// Every response clock, oldest first: the first promise, one per
    /// hand-off and one per customer message after an answer.
    pub clocks: Vec<crate::ResponseClock>,
    /// For staff: how much they may still grant on this ticket without
    /// approval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remedy_allowance: Option<crate::RemedyAllowance>,
    /// The description's Markdown source, for the author while they may
    /// still correct it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// For staff: true when the author has not confirmed their e-mail
    /// address (absent for everyone else).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_unconfirmed: Option<bool>,
    /// For staff: the author as the social CRM sums them up (earlier
    /// tickets, open promises, remedies this year, tags), linking to the
    /// full view; absent for everyone else and for staff authors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<crate::customer::CustomerSummary>,
    /// The thread, oldest first (internal notes only for staff).
    pub posts: Vec<TicketPost>,
    /// Promises made in official replies.
    pub commitments: Vec<crate::CommitmentView>,
    /// Remedies granted or waiting for approval.
    pub remedies: Vec<crate::RemedyView>,
    /// Only for the author and staff.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_details: Option<String>,
    /// The author's rating, once given.
    pub rating: Option<Rating>,
    /// When it was resolved (RFC 3339), while resolved or closed.
    pub resolved_at: Option<String>,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// What the caller may do here.
    pub can: TicketAbilities,
}

/// What the caller may do on a ticket page (the server checks again).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketAbilities {
    /// Write a public reply (author or staff).
    pub reply: bool,
    /// Staff tools: internal notes, transfers, status, assignment.
    pub staff: bool,
    /// The author may reopen (within 14 days of resolution).
    pub reopen: bool,
    /// The author may rate (resolved or closed).
    pub rate: bool,
    /// Another member may say "me too".
    pub me_too: bool,
    /// The author may still correct the title and description (for 15
    /// minutes after filing).
    #[serde(default)]
    pub edit: bool,
    /// The reader may review staff answers (admins).
    #[serde(default)]
    pub review: bool,
}

/// `PATCH /api/v1/tickets/{number}`: the author corrects their ticket
/// within 15 minutes of filing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketEdit {
    /// New public title, 5–120 characters.
    #[serde(default)]
    pub title: Option<String>,
    /// New public description (Markdown).
    #[serde(default)]
    pub body: Option<String>,
}

/// `PATCH /api/v1/tickets/{number}/posts/{id}`: the author corrects their
/// reply within 15 minutes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketPostEdit {
    /// The corrected text (Markdown).
    pub body: String,
}

/// `POST /api/v1/tickets/{number}/replies`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewTicketReply {
    /// Markdown.
    pub body: String,
    /// Staff only: a note customers never see.
    #[serde(default)]
    pub internal: bool,
    /// Staff only: a promise with a due date, shown publicly.
    #[serde(default)]
    pub commitment: Option<crate::CommitmentInput>,
    /// Staff only: a remedy for the customer, within the staff member's limit
    /// or waiting for approval above it.
    #[serde(default)]
    pub remedy: Option<crate::RemedyInput>,
}

/// `POST /api/v1/tickets/{number}/transfer`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketTransfer {
    /// The department slug that can solve it.
    pub department: String,
    /// Why, shown publicly as the hand-off.
    pub note: String,
}

/// `PUT /api/v1/tickets/{number}/status`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketStatusChange {
    /// The new status.
    pub status: TicketStatus,
    /// Public note; required when staff resolve or close a ticket someone
    /// is waiting on (it is then the answer).
    #[serde(default)]
    pub note: Option<String>,
    /// When staff resolve or close a ticket with promises not yet kept or
    /// remedies waiting for approval: `keep` them open with their dates, or
    /// `withdraw` them publicly with `withdraw_reason`. Required then.
    #[serde(default)]
    pub open_promises: Option<OpenPromises>,
    /// Why the open promises and remedies are withdrawn (shown publicly).
    #[serde(default)]
    pub withdraw_reason: Option<String>,
}

vocabulary! {
    /// What happens to a ticket's open promises and waiting remedies when
    /// staff resolve or close it; promises never vanish unasked.
    pub enum OpenPromises (UnknownOpenPromises, "open promises choice") {
        /// They stay open with their dates (and remedies wait for approval).
        Keep = "keep",
        /// They are withdrawn with a public reason.
        Withdraw = "withdraw",
    }
}

/// `PUT /api/v1/tickets/{number}/assignee`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketAssignment {
    /// A staff member's id; `null` releases the ticket.
    pub assignee: Option<i64>,
}

/// `POST /api/v1/tickets/{number}/me-too`: the count after the change.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeTooState {
    /// Members affected.
    pub me_too: i64,
    /// Whether the caller is among them.
    pub mine: bool,
}

/// Many customers affected at once in one department: a "me too" spike,
/// shown as a banner in the staff queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Incident {
    /// The department whose tickets drew the marks.
    pub department: Option<crate::staff::DepartmentRef>,
    /// "Me too" marks within the window.
    pub me_too: i64,
    /// The window, in minutes.
    pub window_minutes: i64,
    /// The tickets concerned, most marked first.
    pub tickets: Vec<String>,
}

/// A canned answer: as admins write it, or filled for one ticket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CannedAnswer {
    /// Its id.
    pub id: i64,
    /// What it is for, e.g. "Billing error — refund", in the reader's
    /// language.
    pub title: String,
    /// Markdown; placeholders `{customer_name}`, `{ticket_number}`,
    /// `{department}`, `{agent_name}` are filled for a ticket. In a
    /// ticket's answer kit it is in the language the customer chose.
    pub body: String,
    /// The title in both languages, as written.
    pub titles: crate::locale::Bilingual,
    /// The body in both languages, as written (placeholders unfilled).
    pub bodies: crate::locale::Bilingual,
}

/// `POST/PUT /api/v1/admin/canned-answers`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CannedAnswerInput {
    /// The Korean title, 3–80 characters.
    pub title: String,
    /// The Korean answer: Markdown with placeholders, at most 5,000 characters.
    pub body: String,
    /// The English title, at most 80 characters; empty uses the Korean.
    #[serde(default)]
    pub title_en: String,
    /// The English answer, at most 5,000 characters; empty uses the Korean.
    #[serde(default)]
    pub body_en: String,
}

/// One rule of the company's guidelines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Guideline {
    /// Its id.
    pub id: i64,
    /// Its number in the list (1 first).
    pub position: i64,
    /// The rule, in the reader's language.
    pub text: String,
    /// The rule in both languages, as written.
    pub texts: crate::locale::Bilingual,
}

/// `POST /api/v1/admin/guidelines`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GuidelineInput {
    /// The rule in Korean, 3–300 characters.
    pub text: String,
    /// The rule in English, at most 300 characters; empty shows the Korean.
    #[serde(default)]
    pub text_en: String,
}

/// What a staff member's reply composer offers for one ticket.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerKit {
    /// Canned answers with placeholders filled for this ticket.
    pub canned: Vec<CannedAnswer>,
    /// The guidelines checklist, in order.
    pub guidelines: Vec<Guideline>,
    /// The four-part public statement: explanation, our position, apology,
    /// follow-up action.
    pub statement_template: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticket_numbers_round_trip() {
        assert_eq!(ticket_number(123), "VOC-000123");
        assert_eq!(parse_ticket_number("VOC-000123"), Some(123));
        assert_eq!(parse_ticket_number("VOC-1234567"), Some(1_234_567));
        assert_eq!(parse_ticket_number("VOC-"), None);
        assert_eq!(parse_ticket_number("VOC-12a"), None);
        assert_eq!(parse_ticket_number("123"), None);
    }

    #[test]
    fn kinds_and_statuses_parse_back() {
        for k in TicketKind::ALL {
            assert_eq!(k.as_str().parse::<TicketKind>(), Ok(k));
        }
        for s in TicketStatus::ALL {
            assert_eq!(s.as_str().parse::<TicketStatus>(), Ok(s));
        }
        assert!("pending".parse::<TicketStatus>().is_err());
    }
}
