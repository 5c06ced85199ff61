//! Notifications: what a member hears about things they follow or voted for.

use serde::{Deserialize, Serialize};

vocabulary! {
    /// What a notification tells a member.
    pub enum NotificationKind (UnknownNotificationKind, "notification kind") {
        /// An idea they follow or voted for has a new status.
        IdeaStatusChanged = "idea_status_changed",
        /// An announcement delivers an idea they follow or voted for.
        Announcement = "announcement",
        /// Staff answered in their ticket.
        TicketAnswered = "ticket_answered",
        /// Somebody wrote `@Their Name`.
        Mention = "mention",
        /// A promise made in their ticket was kept.
        CommitmentKept = "commitment_kept",
        /// A promise made in their ticket passed its date unkept.
        CommitmentOverdue = "commitment_overdue",
        /// Staff made a promise with a date in their ticket.
        CommitmentMade = "commitment_made",
        /// Their ticket (or one they said "me too" to) was handed to
        /// another department.
        TicketHandedOff = "ticket_handed_off",
        /// Staff changed the status of their ticket (or of one they said
        /// "me too" to, when it is resolved or closed).
        TicketStatusChanged = "ticket_status_changed",
        /// Staff: a ticket was handed to their department.
        TicketHandedToDepartment = "ticket_handed_to_department",
        /// Staff: the customer wrote again in a ticket assigned to them.
        CustomerReplied = "customer_replied",
        /// A remedy in their ticket was granted (at once or approved).
        RemedyGranted = "remedy_granted",
        /// A remedy offered in their ticket was not approved.
        RemedyRejected = "remedy_rejected",
        /// New comments on an idea they follow, grouped while unread.
        IdeaComments = "idea_comments",
    }
}

/// One notification in the member's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationView {
    /// Its id.
    pub id: i64,
    /// What it is about.
    pub kind: NotificationKind,
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

/// How a member wants notifications by e-mail.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EmailMode {
    /// One mail per notification, as it happens.
    #[default]
    Instant,
    /// At most one mail a day, collecting everything unread.
    Daily,
    /// No notification mail (the centre and the bell still work).
    Off,
}

impl EmailMode {
    /// Every mode, in the order the settings page offers them.
    pub const ALL: [EmailMode; 3] = [EmailMode::Instant, EmailMode::Daily, EmailMode::Off];

    /// The stable string used in the database and the API.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            EmailMode::Instant => "instant",
            EmailMode::Daily => "daily",
            EmailMode::Off => "off",
        }
    }
}

string_enum!(EmailMode, UnknownEmailMode, "e-mail mode");

/// `GET|PUT /api/v1/me/notification-settings`
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationSettings {
    /// `instant`, `daily` or `off`.
    pub email: EmailMode,
}

/// What the one-click unsubscribe link did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Unsubscribed {
    /// The address that gets no more notification mail.
    pub email: String,
    /// The mode now in force (`off` after unsubscribing).
    pub mode: EmailMode,
}
