//! The closed vocabularies of tickets, promises, remedies and reports: one
//! enum each, spoken the same way by the database, the API and the UI.

vocabulary! {
    /// What a post in a ticket thread is.
    pub enum TicketPostKind (UnknownTicketPostKind, "ticket post kind") {
        /// A public reply, by the customer or staff.
        Reply = "reply",
        /// A note only staff see.
        Internal = "internal",
        /// A public hand-off note between departments.
        Transfer = "transfer",
        /// A public status change, with an optional note.
        Status = "status",
    }
}

vocabulary! {
    /// Where a promise stands. `Overdue` is never stored: it is a pending
    /// promise past its date, as every reader sees it.
    pub enum CommitmentStatus (UnknownCommitmentStatus, "promise status") {
        /// Made and not yet due or settled.
        Pending = "pending",
        /// Done, with evidence.
        Kept = "kept",
        /// Pending past its due date.
        Overdue = "overdue",
        /// Taken back, with a reason.
        Withdrawn = "withdrawn",
    }
}

vocabulary! {
    /// What a remedy gives the customer.
    pub enum RemedyKind (UnknownRemedyKind, "remedy kind") {
        /// A month without the fee.
        MonthFree = "month_free",
        /// Money off the next bill.
        Credit = "credit",
        /// Anything else, described in words.
        Custom = "custom",
    }
}

vocabulary! {
    /// Where a remedy stands.
    pub enum RemedyStatus (UnknownRemedyStatus, "remedy status") {
        /// Given to the customer.
        Granted = "granted",
        /// Above the granter's limit: waits for an admin.
        PendingApproval = "pending_approval",
        /// Refused by an admin.
        Rejected = "rejected",
    }
}

vocabulary! {
    /// Where a report stands.
    pub enum ReportStatus (UnknownReportStatus, "report status") {
        /// Waiting for a moderator.
        Open = "open",
        /// A moderator found nothing to act on.
        Dismissed = "dismissed",
        /// The content was hidden.
        Actioned = "actioned",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The string in the database, in `as_str`, in JSON and in the `OpenAPI`
    /// schema (serde's `snake_case`) must be one.
    fn round_trips<T>(all: &[T])
    where
        T: Copy + std::fmt::Debug + PartialEq + std::str::FromStr + serde::Serialize,
        T: std::fmt::Display,
        <T as std::str::FromStr>::Err: std::fmt::Debug,
    {
        for value in all {
            let text = value.to_string();
            assert_eq!(text.parse::<T>().ok(), Some(*value), "{text}");
            let json = serde_json::to_string(value).expect("json");
            assert_eq!(json, format!("\"{text}\""), "{value:?}");
        }
    }

    #[test]
    fn every_value_reads_back_from_its_string_and_json() {
        round_trips(TicketPostKind::ALL);
        round_trips(CommitmentStatus::ALL);
        round_trips(RemedyKind::ALL);
        round_trips(RemedyStatus::ALL);
        round_trips(ReportStatus::ALL);
        round_trips(crate::notification::NotificationKind::ALL);
        round_trips(crate::live::LiveEventKind::ALL);
        round_trips(crate::idea::CurationKind::ALL);
        round_trips(crate::idea::TimelineKind::ALL);
        round_trips(crate::webhook::DeliveryStatus::ALL);
        round_trips(crate::clock::ClockKind::ALL);
        round_trips(crate::clock::ClockOutcome::ALL);
        round_trips(crate::ticket::OpenPromises::ALL);
        round_trips(crate::moderation::ContentKind::ALL);
        round_trips(crate::moderation::RedactableKind::ALL);
        assert_eq!(
            RemedyStatus::PendingApproval.to_string(),
            "pending_approval"
        );
        assert!("overdue ".parse::<CommitmentStatus>().is_err());
    }
}
