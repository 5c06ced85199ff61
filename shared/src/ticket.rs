//! Voice-of-the-customer tickets: their kinds, statuses and public numbers.

use serde::{Deserialize, Serialize};

/// What the customer is asking for; departments triage by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
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
