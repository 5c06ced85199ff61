//! The one authorization policy: `can(actor, action, scope)`. Every REST
//! handler and server function reaches it through the domain use cases, so a
//! rule holds whether the request comes from the UI, the API or a script.

use shared::{Capabilities, Role};

use crate::actor::{Actor, Member};
use crate::error::{Error, Result};

/// Everything a person can do in Madang. Adding an action means adding its
/// rule to `can` and its row to the policy matrix test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Read the board, ideas, public threads, profiles, roadmap.
    ReadPublic,
    /// Post an idea.
    PostIdea,
    /// Vote or unvote for an idea.
    VoteIdea,
    /// Record a vote on behalf of a customer (phone call).
    VoteOnBehalf,
    /// Comment on an idea.
    CommentIdea,
    /// Edit a comment (own, within the edit window).
    EditComment,
    /// Correct one's own ticket or reply shortly after posting it.
    EditTicket,
    /// Delete a comment (own; leaves a tombstone).
    DeleteComment,
    /// Follow or unfollow an idea.
    FollowIdea,
    /// Change an idea's status with a public explanation.
    ChangeIdeaStatus,
    /// Publish an announcement.
    PublishAnnouncement,
    /// File a ticket.
    OpenTicket,
    /// See a ticket's private details.
    ReadTicketPrivate,
    /// Reply in a ticket thread (the author, or staff officially).
    ReplyTicket,
    /// Post a staff-only internal note.
    PostInternalNote,
    /// Hand a ticket to another department.
    TransferTicket,
    /// Change a ticket's status (staff).
    ChangeTicketStatus,
    /// Reopen a resolved ticket (its author, within 14 days).
    ReopenTicket,
    /// Claim or assign a ticket.
    AssignTicket,
    /// See the staff queue.
    ReadStaffQueue,
    /// Grant a remedy within one's limit.
    GrantRemedy,
    /// Approve a remedy above the limit.
    ApproveRemedy,
    /// Make a dated commitment in an official reply.
    MakeCommitment,
    /// Mark a commitment kept or withdrawn.
    UpdateCommitment,
    /// Say "me too" on a ticket.
    MeToo,
    /// Rate the answer to one's own resolved ticket.
    RateTicket,
    /// Report content to moderators.
    ReportContent,
    /// Read and resolve reports.
    HandleReports,
    /// Hide content with a stated reason.
    HideContent,
    /// Edit an idea's title, category and tags.
    EditIdeaMetadata,
    /// Merge or unmerge duplicate ideas.
    MergeIdeas,
    /// Lock or unlock a thread.
    LockThread,
    /// Pin or feature an idea.
    PinIdea,
    /// Suspend or reinstate a member.
    SuspendMember,
    /// Change the word list that holds posts for review.
    ManageWordList,
    /// Read the audit log.
    ReadAuditLog,
    /// Read the managers' dashboard.
    ReadDashboard,
    /// Manage departments and their promises.
    ManageDepartments,
    /// Invite and manage staff accounts and roles.
    ManageStaff,
    /// Manage product categories.
    ManageCategories,
    /// Manage canned answers and the guidelines checklist.
    ManageAnswerKit,
    /// Manage webhooks.
    ManageWebhooks,
    /// Read the mail outbox.
    ReadOutbox,
    /// Manage one's own account: profile, sessions, API tokens, export, deletion.
    ManageOwnAccount,
    /// Read internal notes and staff-only live events.
    ReadInternalNotes,
    /// Use the answer kit (canned answers, guidelines) in a reply.
    UseAnswerKit,
    /// Write in a discussion a moderator locked.
    SpeakInLockedDiscussion,
    /// Post without the posting quota that slows down spam.
    PostWithoutQuota,
    /// Cut personal data (or other harm) out of any public text, with a
    /// reason; the original stays only in the audit log.
    RedactText,
    /// See a customer's whole history, notes and tags (the social CRM).
    ReadCustomers,
    /// Write internal notes on a customer, and tag them.
    NoteCustomers,
    /// Keep the list of customer tags.
    ManageCustomerTags,
    /// Review staff members' public answers and read every review.
    ReviewAnswers,
    /// Read the reviews of one's own answers.
    ReadOwnReviews,
    /// Reply to a review of one's own answer.
    ReplyToReview,
    /// Merge two accounts of the same customer.
    MergeCustomers,
}

impl Action {
    /// Every action, for tables and tests.
    pub const ALL: [Action; 56] = [
        Action::ReadPublic,
        Action::PostIdea,
        Action::VoteIdea,
        Action::VoteOnBehalf,
        Action::CommentIdea,
        Action::EditComment,
        Action::EditTicket,
        Action::DeleteComment,
        Action::FollowIdea,
        Action::ChangeIdeaStatus,
        Action::PublishAnnouncement,
        Action::OpenTicket,
        Action::ReadTicketPrivate,
        Action::ReplyTicket,
        Action::PostInternalNote,
        Action::TransferTicket,
        Action::ChangeTicketStatus,
        Action::ReopenTicket,
        Action::AssignTicket,
        Action::ReadStaffQueue,
        Action::GrantRemedy,
        Action::ApproveRemedy,
        Action::MakeCommitment,
        Action::UpdateCommitment,
        Action::MeToo,
        Action::RateTicket,
        Action::ReportContent,
        Action::HandleReports,
        Action::HideContent,
        Action::EditIdeaMetadata,
        Action::MergeIdeas,
        Action::LockThread,
        Action::PinIdea,
        Action::SuspendMember,
        Action::ManageWordList,
        Action::ReadAuditLog,
        Action::ReadDashboard,
        Action::ManageDepartments,
        Action::ManageStaff,
        Action::ManageCategories,
        Action::ManageAnswerKit,
        Action::ManageWebhooks,
        Action::ReadOutbox,
        Action::ManageOwnAccount,
        Action::ReadInternalNotes,
        Action::UseAnswerKit,
        Action::SpeakInLockedDiscussion,
        Action::PostWithoutQuota,
        Action::RedactText,
        Action::ReadCustomers,
        Action::NoteCustomers,
        Action::ManageCustomerTags,
        Action::ReviewAnswers,
        Action::ReadOwnReviews,
        Action::ReplyToReview,
        Action::MergeCustomers,
    ];
}

/// How the resource relates to the actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The actor's own resource (their comment, their ticket, their account).
    Own,
    /// Somebody else's resource, or one with no owner.
    Others,
}

/// Who may do an action, from the narrowest to the widest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    /// Anyone, signed in or not.
    Anyone,
    /// Any member, on anything.
    AnyMember,
    /// Any member, on their own resource only.
    OwnerOnly,
    /// The owner, or staff on anyone's.
    OwnerOrStaff,
    /// Employees, moderators and admins.
    Staff,
    /// Moderators and admins.
    Moderators,
    /// Admins.
    Admins,
}

fn rule(action: Action) -> Rule {
    use Action as A;
    match action {
        A::ReadPublic => Rule::Anyone,
        A::PostIdea
        | A::VoteIdea
        | A::CommentIdea
        | A::FollowIdea
        | A::OpenTicket
        | A::MeToo
        | A::ReportContent => Rule::AnyMember,
        A::EditComment
        | A::EditTicket
        | A::DeleteComment
        | A::ReopenTicket
        | A::RateTicket
        | A::ManageOwnAccount
        | A::ReadOwnReviews
        | A::ReplyToReview => Rule::OwnerOnly,
        A::ReadTicketPrivate | A::ReplyTicket => Rule::OwnerOrStaff,
        A::VoteOnBehalf
        | A::ChangeIdeaStatus
        | A::PublishAnnouncement
        | A::PostInternalNote
        | A::TransferTicket
        | A::ChangeTicketStatus
        | A::AssignTicket
        | A::ReadStaffQueue
        | A::GrantRemedy
        | A::MakeCommitment
        | A::UpdateCommitment
        | A::ReadInternalNotes
        | A::UseAnswerKit
        | A::SpeakInLockedDiscussion
        | A::PostWithoutQuota
        | A::RedactText
        | A::ReadCustomers
        | A::NoteCustomers => Rule::Staff,
        A::HandleReports
        | A::HideContent
        | A::EditIdeaMetadata
        | A::MergeIdeas
        | A::LockThread
        | A::PinIdea
        | A::SuspendMember
        | A::ManageWordList
        | A::ReadAuditLog => Rule::Moderators,
        A::ApproveRemedy
        | A::ReadDashboard
        | A::ManageDepartments
        | A::ManageStaff
        | A::ManageCategories
        | A::ManageAnswerKit
        | A::ManageWebhooks
        | A::ReadOutbox
        | A::ManageCustomerTags
        | A::ReviewAnswers
        | A::MergeCustomers => Rule::Admins,
    }
}

/// Whether an action changes something; a suspended member may do only
/// the others (read, and look after their own account).
fn writes(action: Action) -> bool {
    !matches!(
        action,
        Action::ReadPublic
            | Action::ReadTicketPrivate
            | Action::ReadStaffQueue
            | Action::ReadAuditLog
            | Action::ReadDashboard
            | Action::ReadOutbox
            | Action::ManageOwnAccount
            | Action::ReadInternalNotes
            | Action::ReadCustomers
            | Action::ReadOwnReviews
    )
}

fn member_may(member: &Member, rule: Rule, scope: Scope) -> bool {
    let staff = member.role.is_staff();
    match rule {
        Rule::Anyone | Rule::AnyMember => true,
        Rule::OwnerOnly => scope == Scope::Own,
        Rule::OwnerOrStaff => scope == Scope::Own || staff,
        Rule::Staff => staff,
        Rule::Moderators => matches!(member.role, Role::Moderator | Role::Admin),
        Rule::Admins => member.role == Role::Admin,
    }
}

/// Why a member was refused, in words that say what would be needed.
fn refusal(rule: Rule) -> crate::Message {
    match rule {
        Rule::Anyone | Rule::AnyMember => crate::msg!("policy.not_allowed"),
        Rule::OwnerOnly => crate::msg!("policy.owner_only"),
        Rule::OwnerOrStaff => crate::msg!("policy.owner_or_staff"),
        Rule::Staff => crate::msg!("policy.staff"),
        Rule::Moderators => crate::msg!("policy.moderators"),
        Rule::Admins => crate::msg!("policy.admins"),
    }
}

/// True when `actor` may do `action` on a resource in `scope`.
#[must_use]
pub fn can(actor: &Actor, action: Action, scope: Scope) -> bool {
    let rule = rule(action);
    match actor {
        Actor::Anonymous => rule == Rule::Anyone,
        Actor::Member(member) => {
            (member.suspension.is_none() || !writes(action)) && member_may(member, rule, scope)
        }
    }
}

/// The tools the member may open (`Me.can`), from the same rules the
/// use cases check.
#[must_use]
pub fn capabilities(member: &Member) -> Capabilities {
    let actor = Actor::Member(member.clone());
    let may = |action| can(&actor, action, Scope::Others);
    Capabilities {
        staff_queue: may(Action::ReadStaffQueue),
        moderate: may(Action::HandleReports),
        curate_ideas: may(Action::EditIdeaMetadata),
        publish_announcements: may(Action::PublishAnnouncement),
        read_insight: may(Action::ReadDashboard),
        administer: may(Action::ManageStaff),
        review_answers: may(Action::ReviewAnswers),
    }
}

/// Like `can`, but as the error a use case returns: 401 for a visitor who
/// must sign in, 403 for a member without the right.
pub fn authorize(actor: &Actor, action: Action, scope: Scope) -> Result<()> {
    if let Some(message) = actor.member().and_then(|m| m.suspension.as_ref())
        && writes(action)
    {
        return Err(Error::Forbidden(message.clone()));
    }
    if can(actor, action, scope) {
        return Ok(());
    }
    match actor {
        Actor::Anonymous => Err(Error::Unauthenticated),
        Actor::Member(_) => Err(Error::Forbidden(refusal(rule(action)))),
    }
}

/// The signed-in member allowed to do `action`, or the matching error.
pub fn member_for(actor: &Actor, action: Action, scope: Scope) -> Result<&Member> {
    authorize(actor, action, scope)?;
    actor.member().ok_or(Error::Unauthenticated)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected permissions, written out independently of `rule`:
    /// anonymous, then for customer / employee / moderator / admin:
    /// `-` never, `o` own only, `a` any.
    fn expected(action: Action) -> (bool, [char; 4]) {
        use Action as A;
        // An exhaustive match: a new action without a row does not compile.
        match action {
            A::ReadPublic => (true, ['a', 'a', 'a', 'a']),
            A::PostIdea
            | A::VoteIdea
            | A::CommentIdea
            | A::FollowIdea
            | A::OpenTicket
            | A::MeToo
            | A::ReportContent => (false, ['a', 'a', 'a', 'a']),
            A::EditComment
            | A::EditTicket
            | A::DeleteComment
            | A::ReopenTicket
            | A::RateTicket
            | A::ManageOwnAccount
            | A::ReadOwnReviews
            | A::ReplyToReview => (false, ['o', 'o', 'o', 'o']),
            A::ReadTicketPrivate | A::ReplyTicket => (false, ['o', 'a', 'a', 'a']),
            A::VoteOnBehalf
            | A::ChangeIdeaStatus
            | A::PublishAnnouncement
            | A::PostInternalNote
            | A::TransferTicket
            | A::ChangeTicketStatus
            | A::AssignTicket
            | A::ReadStaffQueue
            | A::GrantRemedy
            | A::MakeCommitment
            | A::UpdateCommitment
            | A::ReadInternalNotes
            | A::UseAnswerKit
            | A::SpeakInLockedDiscussion
            | A::PostWithoutQuota
            | A::RedactText
            | A::ReadCustomers
            | A::NoteCustomers => (false, ['-', 'a', 'a', 'a']),
            A::HandleReports
            | A::HideContent
            | A::EditIdeaMetadata
            | A::MergeIdeas
            | A::LockThread
            | A::PinIdea
            | A::SuspendMember
            | A::ManageWordList
            | A::ReadAuditLog => (false, ['-', '-', 'a', 'a']),
            A::ApproveRemedy
            | A::ReadDashboard
            | A::ManageDepartments
            | A::ManageStaff
            | A::ManageCategories
            | A::ManageAnswerKit
            | A::ManageWebhooks
            | A::ReadOutbox
            | A::ManageCustomerTags
            | A::ReviewAnswers
            | A::MergeCustomers => (false, ['-', '-', '-', 'a']),
        }
    }

    #[test]
    fn every_role_and_scope_gets_exactly_the_listed_permission() {
        let mut checked = 0;
        for action in Action::ALL {
            let (anonymous, by_role) = expected(action);
            for scope in [Scope::Own, Scope::Others] {
                assert_eq!(
                    can(&Actor::Anonymous, action, scope),
                    anonymous,
                    "anonymous {action:?} {scope:?}"
                );
                for (role, cell) in Role::ALL.into_iter().zip(by_role) {
                    let actor = Actor::Member(Member {
                        id: 7,
                        role,
                        department_id: None,
                        suspension: None,
                    });
                    let want = match cell {
                        'a' => true,
                        'o' => scope == Scope::Own,
                        _ => false,
                    };
                    assert_eq!(
                        can(&actor, action, scope),
                        want,
                        "{role} {action:?} {scope:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, Action::ALL.len() * 2 * 4);
    }

    #[test]
    fn the_action_list_has_no_duplicates() {
        let distinct: std::collections::HashSet<_> = Action::ALL.iter().collect();
        assert_eq!(distinct.len(), Action::ALL.len());
    }

    #[test]
    fn visitors_must_sign_in_and_members_are_forbidden() {
        assert!(matches!(
            authorize(&Actor::Anonymous, Action::PostIdea, Scope::Others),
            Err(Error::Unauthenticated)
        ));
        let customer = Actor::Member(Member {
            id: 1,
            role: Role::Customer,
            department_id: None,
            suspension: None,
        });
        assert!(matches!(
            authorize(&customer, Action::TransferTicket, Scope::Others),
            Err(Error::Forbidden(_))
        ));
        assert!(authorize(&customer, Action::PostIdea, Scope::Others).is_ok());
    }

    #[test]
    fn a_suspended_member_reads_but_does_not_write() {
        let suspended = Actor::Member(Member {
            id: 1,
            role: Role::Customer,
            department_id: None,
            suspension: Some(crate::msg!(
                "auth.suspended",
                until = "2026-12-01 09:00 KST",
                reason = "spam"
            )),
        });
        assert!(can(&suspended, Action::ReadPublic, Scope::Others));
        assert!(can(&suspended, Action::ManageOwnAccount, Scope::Own));
        assert!(!can(&suspended, Action::PostIdea, Scope::Others));
        match authorize(&suspended, Action::CommentIdea, Scope::Others) {
            Err(Error::Forbidden(message)) => {
                assert_eq!(message.key(), "auth.suspended");
                assert!(
                    message
                        .to_string()
                        .contains("suspended until 2026-12-01 09:00 KST: spam")
                );
            }
            other => panic!("expected a suspension refusal, got {other:?}"),
        }
    }
}
