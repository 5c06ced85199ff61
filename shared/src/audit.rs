//! The audit log on the wire: what staff and moderators did, and the
//! closed list of actions it records.

use serde::{Deserialize, Serialize};

use crate::staff::UserRef;

/// An action the audit log records. Written by hand rather than with
/// `vocabulary!` because the stored names have dots (`content.hidden`),
/// which serde's `rename_all` cannot produce; a test holds each `rename` to
/// its `as_str`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(
    feature = "db",
    derive(sea_orm::DeriveValueType),
    sea_orm(value_type = "String")
)]
pub enum AuditAction {
    /// A manager reviewed a staff member's public answer.
    #[serde(rename = "answer.reviewed")]
    AnswerReviewed,
    /// A day was added to the holiday calendar.
    #[serde(rename = "holiday.added")]
    HolidayAdded,
    /// A day was removed from the holiday calendar.
    #[serde(rename = "holiday.removed")]
    HolidayRemoved,
    /// An announcement went out.
    #[serde(rename = "announcement.published")]
    AnnouncementPublished,
    /// A canned answer was added.
    #[serde(rename = "canned_answer.created")]
    CannedAnswerCreated,
    /// A canned answer was edited.
    #[serde(rename = "canned_answer.changed")]
    CannedAnswerChanged,
    /// A canned answer was removed.
    #[serde(rename = "canned_answer.deleted")]
    CannedAnswerDeleted,
    /// A product area was added.
    #[serde(rename = "category.created")]
    CategoryCreated,
    /// A promise was made in a ticket.
    #[serde(rename = "commitment.made")]
    CommitmentMade,
    /// A promise was kept, withdrawn or changed.
    #[serde(rename = "commitment.updated")]
    CommitmentUpdated,
    /// A moderator hid an idea, comment or post.
    #[serde(rename = "content.hidden")]
    ContentHidden,
    /// A moderator showed hidden content again.
    #[serde(rename = "content.unhidden")]
    ContentUnhidden,
    /// A moderator released a post held for review.
    #[serde(rename = "content.released")]
    ContentReleased,
    /// Staff cut a piece of public text out with a reason (the original
    /// is kept only here).
    #[serde(rename = "content.redacted")]
    TextRedacted,
    /// A department was added.
    #[serde(rename = "department.created")]
    DepartmentCreated,
    /// A department's name or promise changed.
    #[serde(rename = "department.changed")]
    DepartmentChanged,
    /// A guideline was added.
    #[serde(rename = "guideline.added")]
    GuidelineAdded,
    /// A guideline was removed.
    #[serde(rename = "guideline.removed")]
    GuidelineRemoved,
    /// An idea was merged into another.
    #[serde(rename = "idea.merged")]
    IdeaMerged,
    /// A merge was undone.
    #[serde(rename = "idea.unmerged")]
    IdeaUnmerged,
    /// An idea's public status changed.
    #[serde(rename = "idea.status_changed")]
    IdeaStatusChanged,
    /// A moderator corrected an idea's title, category or tags.
    #[serde(rename = "idea.edited")]
    IdeaEdited,
    /// A moderator closed an idea's discussion.
    #[serde(rename = "idea.locked")]
    IdeaLocked,
    /// A moderator reopened an idea's discussion.
    #[serde(rename = "idea.unlocked")]
    IdeaUnlocked,
    /// An idea was featured above the board.
    #[serde(rename = "idea.pinned")]
    IdeaPinned,
    /// An idea is no longer featured.
    #[serde(rename = "idea.unpinned")]
    IdeaUnpinned,
    /// An idea was hidden (its history entry).
    #[serde(rename = "idea.hidden")]
    IdeaHidden,
    /// A hidden idea was shown again (its history entry).
    #[serde(rename = "idea.unhidden")]
    IdeaUnhidden,
    /// Two accounts of one customer were merged into one.
    #[serde(rename = "member.merged")]
    MemberMerged,
    /// A member was suspended.
    #[serde(rename = "member.suspended")]
    MemberSuspended,
    /// A suspension was lifted.
    #[serde(rename = "member.unsuspended")]
    MemberUnsuspended,
    /// A remedy was granted within the granter's limit.
    #[serde(rename = "remedy.granted")]
    RemedyGranted,
    /// A remedy above the granter's limit waits for an admin.
    #[serde(rename = "remedy.requested")]
    RemedyRequested,
    /// An admin approved a waiting remedy.
    #[serde(rename = "remedy.approved")]
    RemedyApproved,
    /// An admin refused a waiting remedy.
    #[serde(rename = "remedy.rejected")]
    RemedyRejected,
    /// A role's or department's remedy limit changed.
    #[serde(rename = "remedy_limit.set")]
    RemedyLimitSet,
    /// A report was dismissed.
    #[serde(rename = "report.dismissed")]
    ReportDismissed,
    /// Someone was invited as staff.
    #[serde(rename = "staff.invited")]
    StaffInvited,
    /// A member's role or department changed.
    #[serde(rename = "staff.changed")]
    StaffChanged,
    /// A ticket was assigned to an employee.
    #[serde(rename = "ticket.assigned")]
    TicketAssigned,
    /// A ticket's status changed.
    #[serde(rename = "ticket.status_changed")]
    TicketStatusChanged,
    /// A ticket was handed to another department.
    #[serde(rename = "ticket.transferred")]
    TicketTransferred,
    /// Staff recorded a customer's vote.
    #[serde(rename = "vote.recorded_for_member")]
    VoteRecordedForMember,
    /// Staff took back a vote they recorded.
    #[serde(rename = "vote.withdrawn_for_member")]
    VoteWithdrawnForMember,
    /// A webhook was added.
    #[serde(rename = "webhook.created")]
    WebhookCreated,
    /// A webhook was removed.
    #[serde(rename = "webhook.removed")]
    WebhookRemoved,
    /// The held-words list changed.
    #[serde(rename = "word_list.changed")]
    WordListChanged,
}

impl AuditAction {
    /// Every action, in declaration order.
    pub const ALL: &'static [AuditAction] = &[
        AuditAction::AnswerReviewed,
        AuditAction::HolidayAdded,
        AuditAction::HolidayRemoved,
        AuditAction::AnnouncementPublished,
        AuditAction::CannedAnswerCreated,
        AuditAction::CannedAnswerChanged,
        AuditAction::CannedAnswerDeleted,
        AuditAction::CategoryCreated,
        AuditAction::CommitmentMade,
        AuditAction::CommitmentUpdated,
        AuditAction::ContentHidden,
        AuditAction::ContentUnhidden,
        AuditAction::ContentReleased,
        AuditAction::TextRedacted,
        AuditAction::DepartmentCreated,
        AuditAction::DepartmentChanged,
        AuditAction::GuidelineAdded,
        AuditAction::GuidelineRemoved,
        AuditAction::IdeaMerged,
        AuditAction::IdeaUnmerged,
        AuditAction::IdeaStatusChanged,
        AuditAction::IdeaEdited,
        AuditAction::IdeaLocked,
        AuditAction::IdeaUnlocked,
        AuditAction::IdeaPinned,
        AuditAction::IdeaUnpinned,
        AuditAction::IdeaHidden,
        AuditAction::IdeaUnhidden,
        AuditAction::MemberMerged,
        AuditAction::MemberSuspended,
        AuditAction::MemberUnsuspended,
        AuditAction::RemedyGranted,
        AuditAction::RemedyRequested,
        AuditAction::RemedyApproved,
        AuditAction::RemedyRejected,
        AuditAction::RemedyLimitSet,
        AuditAction::ReportDismissed,
        AuditAction::StaffInvited,
        AuditAction::StaffChanged,
        AuditAction::TicketAssigned,
        AuditAction::TicketStatusChanged,
        AuditAction::TicketTransferred,
        AuditAction::VoteRecordedForMember,
        AuditAction::VoteWithdrawnForMember,
        AuditAction::WebhookCreated,
        AuditAction::WebhookRemoved,
        AuditAction::WordListChanged,
    ];

    /// The stable name stored in the log and sent in the API.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::AnswerReviewed => "answer.reviewed",
            AuditAction::HolidayAdded => "holiday.added",
            AuditAction::HolidayRemoved => "holiday.removed",
            AuditAction::AnnouncementPublished => "announcement.published",
            AuditAction::CannedAnswerCreated => "canned_answer.created",
            AuditAction::CannedAnswerChanged => "canned_answer.changed",
            AuditAction::CannedAnswerDeleted => "canned_answer.deleted",
            AuditAction::CategoryCreated => "category.created",
            AuditAction::CommitmentMade => "commitment.made",
            AuditAction::CommitmentUpdated => "commitment.updated",
            AuditAction::ContentHidden => "content.hidden",
            AuditAction::ContentUnhidden => "content.unhidden",
            AuditAction::ContentReleased => "content.released",
            AuditAction::TextRedacted => "content.redacted",
            AuditAction::DepartmentCreated => "department.created",
            AuditAction::DepartmentChanged => "department.changed",
            AuditAction::GuidelineAdded => "guideline.added",
            AuditAction::GuidelineRemoved => "guideline.removed",
            AuditAction::IdeaMerged => "idea.merged",
            AuditAction::IdeaUnmerged => "idea.unmerged",
            AuditAction::IdeaStatusChanged => "idea.status_changed",
            AuditAction::IdeaEdited => "idea.edited",
            AuditAction::IdeaLocked => "idea.locked",
            AuditAction::IdeaUnlocked => "idea.unlocked",
            AuditAction::IdeaPinned => "idea.pinned",
            AuditAction::IdeaUnpinned => "idea.unpinned",
            AuditAction::IdeaHidden => "idea.hidden",
            AuditAction::IdeaUnhidden => "idea.unhidden",
            AuditAction::MemberMerged => "member.merged",
            AuditAction::MemberSuspended => "member.suspended",
            AuditAction::MemberUnsuspended => "member.unsuspended",
            AuditAction::RemedyGranted => "remedy.granted",
            AuditAction::RemedyRequested => "remedy.requested",
            AuditAction::RemedyApproved => "remedy.approved",
            AuditAction::RemedyRejected => "remedy.rejected",
            AuditAction::RemedyLimitSet => "remedy_limit.set",
            AuditAction::ReportDismissed => "report.dismissed",
            AuditAction::StaffInvited => "staff.invited",
            AuditAction::StaffChanged => "staff.changed",
            AuditAction::TicketAssigned => "ticket.assigned",
            AuditAction::TicketStatusChanged => "ticket.status_changed",
            AuditAction::TicketTransferred => "ticket.transferred",
            AuditAction::VoteRecordedForMember => "vote.recorded_for_member",
            AuditAction::VoteWithdrawnForMember => "vote.withdrawn_for_member",
            AuditAction::WebhookCreated => "webhook.created",
            AuditAction::WebhookRemoved => "webhook.removed",
            AuditAction::WordListChanged => "word_list.changed",
        }
    }
}

string_enum!(AuditAction, UnknownAuditAction, "audit action");

/// One entry of the audit log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// Its id.
    pub id: i64,
    /// Who acted.
    pub actor: Option<UserRef>,
    /// What was done.
    pub action: AuditAction,
    /// What kind of thing.
    pub target_type: String,
    /// Which one.
    pub target_id: String,
    /// The state before (JSON text).
    pub before: Option<String>,
    /// The state after (JSON text).
    pub after: Option<String>,
    /// The guideline cited.
    pub guideline: Option<String>,
    /// RFC 3339 UTC.
    pub created_at: String,
}

/// `GET /api/v1/moderation/audit` filters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct AuditQuery {
    /// Only this action.
    #[serde(default)]
    pub action: Option<AuditAction>,
    /// Only actions by this member id.
    #[serde(default)]
    pub actor: Option<i64>,
    /// `csv` for a CSV download of every matching entry.
    #[serde(default)]
    pub format: Option<String>,
    /// Page size, 1–100; 20 when absent.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    #[serde(default)]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    #[serde(default)]
    pub cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_reads_back_from_its_name_and_json() {
        for action in AuditAction::ALL {
            let name = action.as_str();
            assert_eq!(name.parse::<AuditAction>(), Ok(*action));
            assert_eq!(
                serde_json::to_string(action).expect("json"),
                format!("\"{name}\"")
            );
        }
        assert!("content.hid".parse::<AuditAction>().is_err());
        // `ALL` is written by hand: it must name every variant.
        let variants = include_str!("audit.rs")
            .matches(concat!("#[serde(rename", " = \""))
            .count();
        assert_eq!(AuditAction::ALL.len(), variants);
    }
}
