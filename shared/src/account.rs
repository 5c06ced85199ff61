//! Accounts on the wire: sign-up and sign-in forms, the signed-in member as
//! they see themselves, sessions and API tokens.

use serde::{Deserialize, Serialize};

use crate::staff::{DepartmentRef, Role};

/// `POST /api/v1/auth/signup`
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignUp {
    /// Sign-in e-mail; stored lower-cased.
    pub email: String,
    /// At least 10 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 10))]
    pub password: String,
    /// Public name, 1–80 characters.
    pub display_name: String,
    /// The version of the personal-information consent the person agreed
    /// to (`GET /api/v1/auth/consent`); must be the one in force. Without
    /// it the account records no consent (the sign-up form always asks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<String>,
}

/// `GET /api/v1/auth/consent`: the consent to the collection and use of
/// personal information that sign-up asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentTerms {
    /// What a sign-up sends back as `consent`.
    pub version: String,
    /// Heading, in the reader's language.
    pub title: String,
    /// Plain text, one paragraph per line.
    pub text: String,
}

/// `POST /api/v1/auth/login`
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignIn {
    /// Sign-in e-mail, any case.
    pub email: String,
    /// The password.
    pub password: String,
}

/// The signed-in member as they see themselves (the only place their own
/// e-mail appears).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    /// Member id.
    pub id: i64,
    /// Own e-mail address.
    pub email: String,
    /// Public name.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// Department, for staff.
    pub department: Option<DepartmentRef>,
    /// Signature initials.
    pub initials: String,
    /// Job title, for staff.
    pub title: Option<String>,
    /// Avatar colour (CSS hex).
    pub avatar_color: String,
    /// `ko` or `en`: the language of their mail and notifications.
    pub language: crate::Locale,
    /// Whether they opened the confirmation link mailed at sign-up.
    pub email_verified: bool,
    /// Which tools the member may open, as the server's policy decides.
    pub can: Capabilities,
}

/// The tools a member may open. The server computes them from its one
/// policy, so the UI shows exactly what the server would allow and never
/// re-derives rules from the role.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Capabilities {
    /// The staff queue of tickets.
    pub staff_queue: bool,
    /// Reports, held posts, hiding and suspensions.
    pub moderate: bool,
    /// Correcting, merging, locking and pinning ideas.
    pub curate_ideas: bool,
    /// Publishing announcements.
    pub publish_announcements: bool,
    /// The managers' dashboard and scorecard figures.
    pub read_insight: bool,
    /// Staff accounts, departments, webhooks and the answer kit.
    pub administer: bool,
    /// Reviewing staff members' public answers.
    #[serde(default)]
    pub review_answers: bool,
}

/// Wraps the member in `{"user": …}` as the API answers sign-up, sign-in and `/me`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserEnvelope {
    /// The member.
    pub user: Me,
}

/// One signed-in browser or device, for "where am I signed in".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    /// Opaque id for revoking (not the cookie value).
    pub id: String,
    /// The browser as it named itself.
    pub user_agent: Option<String>,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// RFC 3339 UTC.
    pub last_seen_at: String,
    /// True for the session making this request.
    pub current: bool,
}

/// `POST /api/v1/me/tokens`
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateToken {
    /// What the token is for, 1–80 characters.
    pub name: String,
    /// Days until the token stops working, 1–366; 90 when absent. A token
    /// that never expires outlives the reason it was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 366))]
    pub expires_in_days: Option<u32>,
}

/// Days a token lives when its creator does not say.
pub const DEFAULT_TOKEN_DAYS: u32 = 90;

/// An API token as listed (never the secret itself).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenInfo {
    /// Token id, for revoking.
    pub id: i64,
    /// What it is for.
    pub name: String,
    /// The first characters, to recognise it.
    pub prefix: String,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// RFC 3339 UTC, if ever used.
    pub last_used_at: Option<String>,
    /// RFC 3339 UTC: from then on the token is refused.
    pub expires_at: String,
}

/// The answer to creating a token: the secret, shown this once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenCreated {
    /// The bearer token; store it now, it cannot be shown again.
    pub token: String,
    /// The token as it will be listed.
    pub info: TokenInfo,
}

/// `POST /api/v1/auth/password-reset`: ask for a reset link by e-mail.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestPasswordReset {
    /// The account's e-mail.
    pub email: String,
}

/// `POST /api/v1/auth/verify`: confirm an e-mail address.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConfirmEmail {
    /// The secret from the e-mailed link.
    pub token: String,
}

/// `POST /api/v1/auth/password-reset/complete`: set a new password.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CompletePasswordReset {
    /// The secret from the e-mailed link.
    pub token: String,
    /// The new password, at least 10 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 10))]
    pub password: String,
}

/// `POST /api/v1/admin/invites`: invite a staff member by e-mail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreateInvite {
    /// Where the invitation goes.
    pub email: String,
    /// The role the account will have (employee, moderator or admin).
    pub role: Role,
    /// Department slug.
    #[serde(default)]
    pub department: Option<String>,
    /// Job title shown with their signed answers.
    #[serde(default)]
    pub title: Option<String>,
}

/// An invitation as the admin sees it after creating it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InviteCreated {
    /// Invitation id.
    pub id: i64,
    /// Invited address.
    pub email: String,
    /// RFC 3339 UTC; the link stops working then.
    pub expires_at: String,
}

/// `POST /api/v1/auth/invites/accept`: create the invited staff account.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcceptInvite {
    /// The secret from the e-mailed link.
    pub token: String,
    /// Full name, as the staff member will sign.
    pub display_name: String,
    /// At least 10 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 10))]
    pub password: String,
}

/// An e-mail in the outbox, for admins (sent or waiting).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutboxMail {
    /// Mail id.
    pub id: i64,
    /// Recipient.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// RFC 3339 UTC, once delivered over SMTP.
    pub sent_at: Option<String>,
    /// The last delivery error, if any.
    pub error: Option<String>,
}

/// `DELETE /api/v1/me`: the password confirms that the owner is asking.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeleteAccount {
    /// The account's current password.
    pub password: String,
}

/// Everything Madang stores about a member, for download (`GET /api/v1/me/export`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountExport {
    /// RFC 3339 UTC time of the export.
    pub exported_at: String,
    /// The account.
    pub account: Me,
    /// RFC 3339 UTC.
    pub joined_at: String,
    /// Ideas the member posted.
    pub ideas: Vec<ExportedIdea>,
    /// Comments the member wrote.
    pub comments: Vec<ExportedComment>,
    /// Ideas the member voted for.
    pub votes: Vec<ExportedVote>,
    /// Tickets the member filed, with their private details.
    pub tickets: Vec<ExportedTicket>,
    /// Posts the member wrote in ticket threads.
    pub ticket_posts: Vec<ExportedTicketPost>,
    /// Signed-in sessions.
    pub sessions: Vec<SessionInfo>,
    /// API tokens (never their secrets).
    pub api_tokens: Vec<TokenInfo>,
}

/// An idea in an export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportedIdea {
    /// Idea number.
    pub number: i64,
    /// Title.
    pub title: String,
    /// The Markdown as written.
    pub body_markdown: String,
    /// Status now.
    pub status: crate::IdeaStatus,
    /// RFC 3339 UTC.
    pub created_at: String,
}

/// A comment in an export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportedComment {
    /// The idea commented on.
    pub idea_number: i64,
    /// The Markdown as written.
    pub body_markdown: String,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// Whether the member deleted it.
    pub deleted: bool,
}

/// A vote in an export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportedVote {
    /// The idea voted for.
    pub idea_number: i64,
    /// RFC 3339 UTC.
    pub created_at: String,
}

/// A ticket in an export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportedTicket {
    /// `VOC-000123`.
    pub number: String,
    /// inquiry, complaint, suggestion or request.
    pub kind: crate::TicketKind,
    /// Title.
    pub title: String,
    /// The public description as written.
    pub body_markdown: String,
    /// The private details given with it.
    pub private_details: Option<String>,
    /// Status now.
    pub status: crate::TicketStatus,
    /// RFC 3339 UTC.
    pub created_at: String,
}

/// A ticket post in an export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExportedTicketPost {
    /// The ticket, `VOC-000123`.
    pub ticket_number: String,
    /// reply, internal or transfer.
    pub kind: crate::TicketPostKind,
    /// The Markdown as written.
    pub body_markdown: String,
    /// RFC 3339 UTC.
    pub created_at: String,
}

/// `PATCH /api/v1/me`: change how one is shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfileUpdate {
    /// New public name, 1–80 characters.
    #[serde(default)]
    pub display_name: Option<String>,
    /// New signature initials, 1–12 characters (staff sign with them).
    #[serde(default)]
    pub initials: Option<String>,
    /// `ko` or `en`: the language of the member's mail and notifications.
    #[serde(default)]
    pub language: Option<crate::Locale>,
}

/// `PUT /api/v1/admin/users/{id}`: an admin sets a member's role and staff identity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffUpdate {
    /// The member's role.
    pub role: Role,
    /// Department slug, or none.
    #[serde(default)]
    pub department: Option<String>,
    /// Job title, or none.
    #[serde(default)]
    pub title: Option<String>,
}
