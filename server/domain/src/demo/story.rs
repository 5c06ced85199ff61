//! The demo's trust loop, so `/commitments`, the scorecard's "promises
//! kept" and a thread's clocks have something to show: promises in every
//! state (pending, kept on time, kept late, overdue, withdrawn), remedies
//! granted within the limit and one waiting for approval, and a complaint
//! handed from Customer Care to Mobile with both clocks. Everything is
//! consistent with the rules: remedies within the per-ticket and monthly
//! sums, promises made in answers by staff who did not file the ticket.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, DatabaseTransaction, Set};
use shared::{
    ClockKind, ClockOutcome, CommitmentStatus, RemedyKind, RemedyStatus, TicketKind,
    TicketPostKind, TicketStatus,
};

use super::post::insert_post;
use crate::entity::{commitment, remedy, ticket, ticket_clock, ticket_post};
use crate::{Result, markdown};

/// A demo ticket that got its first answer, oldest first.
pub(super) struct AnsweredTicket {
    /// The ticket.
    pub ticket_id: i32,
    /// Its department.
    pub department_id: i32,
    /// Who answered it.
    pub answerer: i32,
    /// The answer post, where promises and remedies were offered.
    pub post_id: i32,
    /// When.
    pub answered_at: DateTime<Utc>,
}

fn day(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}

/// One demo promise: its state, due and settled so many days after the
/// answer (a negative due: that many days before today).
struct DemoPromise {
    text: &'static str,
    status: CommitmentStatus,
    due_days: i64,
    settled_days: Option<i64>,
    evidence: Option<&'static str>,
    reason: Option<&'static str>,
}

/// One promise per state on the oldest answered tickets.
async fn promises(
    txn: &DatabaseTransaction,
    now: DateTime<Utc>,
    answered: &[AnsweredTicket],
) -> Result<()> {
    let states = [
        DemoPromise {
            text: "Send a technician to replace the modem",
            status: CommitmentStatus::Kept,
            due_days: 2,
            settled_days: Some(1),
            evidence: Some("Modem replaced on site; speed test 940 Mbps."),
            reason: None,
        },
        DemoPromise {
            text: "Refund the double charge to the card",
            status: CommitmentStatus::Kept,
            due_days: 1,
            settled_days: Some(3),
            evidence: Some("Refund of 55,000 won sent; visible on the next statement."),
            reason: None,
        },
        DemoPromise {
            text: "Call back with the cause of the outage",
            status: CommitmentStatus::Pending,
            due_days: -2,
            settled_days: None,
            evidence: None,
            reason: None,
        },
        DemoPromise {
            text: "Move the auto-pay date to the 26th",
            status: CommitmentStatus::Withdrawn,
            due_days: 3,
            settled_days: Some(1),
            evidence: None,
            reason: Some("The bank cannot move the date this month; we will ask again in January."),
        },
        DemoPromise {
            text: "Update the app so the plan shows correctly",
            status: CommitmentStatus::Pending,
            due_days: 0,
            settled_days: None,
            evidence: None,
            reason: None,
        },
    ];
    for (t, promise) in answered.iter().zip(states) {
        let DemoPromise {
            text,
            status,
            due_days,
            settled_days,
            evidence,
            reason,
        } = promise;
        // Negative: an overdue promise, its date two days ago. Zero: due
        // in three days from now, still pending.
        let due_on = match due_days {
            d if d < 0 => day(now + Duration::days(d)),
            0 => day(now + Duration::days(3)),
            d => day(t.answered_at + Duration::days(d)),
        };
        commitment::ActiveModel {
            ticket_id: Set(t.ticket_id),
            post_id: Set(Some(t.post_id)),
            text: Set(text.to_owned()),
            due_on: Set(due_on),
            department_id: Set(Some(t.department_id)),
            status: Set(status),
            evidence: Set(evidence.map(str::to_owned)),
            reason: Set(reason.map(str::to_owned)),
            made_by_id: Set(t.answerer),
            created_at: Set(t.answered_at),
            settled_at: Set(settled_days.map(|d| t.answered_at + Duration::days(d))),
            // Told already: the demo starts without a burst of notices.
            overdue_notified_at: Set((due_days < 0).then_some(now)),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}

/// A free month granted within the limit, and a larger credit waiting for
/// a manager's approval.
async fn remedies(txn: &DatabaseTransaction, answered: &[AnsweredTicket]) -> Result<()> {
    let offers = [
        (RemedyKind::MonthFree, 55_000, RemedyStatus::Granted),
        (RemedyKind::Credit, 150_000, RemedyStatus::PendingApproval),
    ];
    for (t, (kind, amount, status)) in answered.iter().skip(1).zip(offers) {
        remedy::ActiveModel {
            ticket_id: Set(t.ticket_id),
            post_id: Set(Some(t.post_id)),
            kind: Set(kind),
            amount_won: Set(amount),
            // Worded for each reader from the kind.
            description: Set(String::new()),
            status: Set(status),
            granted_by_id: Set(t.answerer),
            decided_by_id: Set(None),
            created_at: Set(t.answered_at),
            decided_at: Set(None),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}

/// Who takes part in the hand-off story.
pub(super) struct HandOff {
    /// The customer who files it.
    pub customer: i32,
    /// Customer Care, its agent and its promise in minutes.
    pub care: (i32, i32, i32),
    /// Mobile, its agent and its promise in minutes.
    pub mobile: (i32, i32, i32),
}

/// A complaint Customer Care answered in 4 minutes and handed to Mobile,
/// which answered 15 minutes after the hand-off.
async fn hand_off(txn: &DatabaseTransaction, now: DateTime<Utc>, who: &HandOff) -> Result<()> {
    let filed = now - Duration::hours(2);
    let (care, care_agent, care_minutes) = who.care;
    let (mobile, mobile_agent, mobile_minutes) = who.mobile;
    let answered = filed + Duration::minutes(4);
    let handed = filed + Duration::minutes(6);
    let mobile_answered = handed + Duration::minutes(15);
    let body = "새 휴대폰으로 바꾼 뒤 eSIM이 활성화되지 않아 전화와 데이터가 모두 안 됩니다.";
    let row = ticket::ActiveModel {
        kind: Set(TicketKind::Complaint),
        title: Set("eSIM이 활성화되지 않아요".to_owned()),
        body_html: Set(markdown::render(body)),
        body_md: Set(body.to_owned()),
        private_details: Set(Some("Customer no. 10-588120".to_owned())),
        status: Set(TicketStatus::InProgress),
        department_id: Set(Some(mobile)),
        author_id: Set(who.customer),
        created_at: Set(filed),
        updated_at: Set(mobile_answered),
        sla_started_at: Set(handed),
        sla_due_at: Set(None),
        first_response_at: Set(Some(answered)),
        first_response_by_id: Set(Some(care_agent)),
        me_too_count: Set(0),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    insert_post(
        txn,
        row.id,
        care_agent,
        TicketPostKind::Reply,
        "불편을 드려 죄송합니다. eSIM 개통은 모바일팀이 직접 확인해야 해서 바로 전달하겠습니다.",
        answered,
    )
    .await?;
    ticket_post::ActiveModel {
        ticket_id: Set(row.id),
        author_id: Set(care_agent),
        kind: Set(TicketPostKind::Transfer),
        body_md: Set("eSIM 개통 문제는 모바일팀 담당입니다.".to_owned()),
        body_html: Set(markdown::render("eSIM 개통 문제는 모바일팀 담당입니다.")),
        created_at: Set(handed),
        from_department_id: Set(Some(care)),
        to_department_id: Set(Some(mobile)),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    insert_post(
        txn,
        row.id,
        mobile_agent,
        TicketPostKind::Reply,
        "eSIM 프로필을 다시 발급했습니다. 휴대폰을 재시작하면 10분 안에 개통됩니다.",
        mobile_answered,
    )
    .await?;
    for (department, kind, target, started, stopped, outcome, by) in [
        (
            care,
            ClockKind::First,
            care_minutes,
            filed,
            answered,
            ClockOutcome::Answered,
            care_agent,
        ),
        (
            mobile,
            ClockKind::HandOff,
            mobile_minutes,
            handed,
            mobile_answered,
            ClockOutcome::Answered,
            mobile_agent,
        ),
    ] {
        ticket_clock::ActiveModel {
            ticket_id: Set(row.id),
            department_id: Set(Some(department)),
            kind: Set(kind),
            target_minutes: Set(target),
            started_at: Set(started),
            due_at: Set(started + Duration::minutes(i64::from(target))),
            stopped_at: Set(Some(stopped)),
            outcome: Set(Some(outcome)),
            stopped_by_id: Set(Some(by)),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}

/// Loads the whole story.
pub(super) async fn load(
    txn: &DatabaseTransaction,
    now: DateTime<Utc>,
    answered: &[AnsweredTicket],
    who: &HandOff,
) -> Result<()> {
    promises(txn, now, answered).await?;
    remedies(txn, answered).await?;
    hand_off(txn, now, who).await
}
