//! Response clocks: each promise a department makes to answer a ticket in
//! time. A ticket has one when it is filed, a new one when it is handed to
//! another department and another when the customer writes again after an
//! answer; each stops at the answer that keeps (or breaks) it.

use serde::{Deserialize, Serialize};

vocabulary! {
    /// Why a response clock started.
    pub enum ClockKind (UnknownClockKind, "clock kind") {
        /// The ticket was filed.
        First = "first",
        /// The ticket was handed to this department.
        HandOff = "hand_off",
        /// The customer wrote again after an answer (next reply time).
        NextReply = "next_reply",
    }
}

vocabulary! {
    /// How a response clock stopped.
    pub enum ClockOutcome (UnknownClockOutcome, "clock outcome") {
        /// Staff of the department answered publicly (a reply, or the
        /// public note that closed the ticket).
        Answered = "answered",
        /// The department handed the ticket on before answering.
        HandedOff = "handed_off",
        /// The customer closed or resolved the ticket themselves; nobody
        /// was waiting any more, so the clock is not counted.
        Withdrawn = "withdrawn",
    }
}

/// One response clock as the thread and the queue show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResponseClock {
    /// Why it started.
    pub kind: ClockKind,
    /// The department whose promise it is.
    pub department: Option<crate::staff::DepartmentRef>,
    /// The promise in minutes.
    pub target_minutes: i64,
    /// RFC 3339 UTC.
    pub started_at: String,
    /// When the answer is (or was) due, RFC 3339 UTC.
    pub due_at: String,
    /// When it stopped; absent while it runs.
    pub stopped_at: Option<String>,
    /// How it stopped; absent while it runs.
    pub outcome: Option<ClockOutcome>,
    /// Who stopped it (the answerer, or who handed it on).
    pub by: Option<crate::staff::StaffIdentity>,
    /// Minutes from start to stop: business minutes when the department
    /// keeps hours.
    pub minutes: Option<i64>,
    /// Stopped after its due time, or still running past it.
    pub breached: bool,
    /// While it runs: minutes since it started.
    pub waiting_minutes: Option<i64>,
    /// The department's hours the promise counts in, e.g.
    /// `mon-fri 09:00-18:00`; absent: around the clock.
    #[serde(default)]
    pub business_hours: Option<String>,
    /// The IANA zone of those hours.
    #[serde(default)]
    pub time_zone: Option<String>,
    /// RFC 3339 UTC: when the promise began to count, if later than the
    /// start (the ticket came out of hours).
    #[serde(default)]
    pub counts_from: Option<String>,
}
