//! Promises and remedies made in ticket threads: what staff send, what the
//! thread and `/commitments` show, and the limits on remedies.

use serde::{Deserialize, Serialize};

/// A promise made in an official reply.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommitmentInput {
    /// What will be done, publicly.
    pub text: String,
    /// `YYYY-MM-DD`, today or later.
    pub due_on: String,
    /// The owner department (slug); the ticket's department when absent.
    #[serde(default)]
    pub department: Option<String>,
}

/// A remedy offered in an official reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RemedyInput {
    /// `month_free`, `credit` or `custom` (a `RemedyKind`; read as text so
    /// that every invalid field is reported at once).
    pub kind: String,
    /// Its value in won (for a free month: that month's fee).
    #[serde(default)]
    pub amount: Option<i64>,
    /// What it is, in words (required for `custom`).
    #[serde(default)]
    pub description: Option<String>,
}

/// A promise as the thread and `/commitments` show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommitmentView {
    /// Its id.
    pub id: i64,
    /// The ticket it was made on.
    pub ticket: String,
    /// The ticket's title.
    pub ticket_title: String,
    /// What will be done.
    pub text: String,
    /// `YYYY-MM-DD`.
    pub due_on: String,
    /// `pending`, `kept`, `overdue` (pending past its date) or `withdrawn`.
    pub status: crate::CommitmentStatus,
    /// For `kept`: whether it was kept by the due date.
    pub on_time: Option<bool>,
    /// The department that owns it.
    pub department: Option<crate::staff::DepartmentRef>,
    /// Who made it (signed).
    pub made_by: crate::staff::UserRef,
    /// For `kept`: a link or words showing it was done.
    pub evidence: Option<String>,
    /// For `withdrawn`: why.
    pub reason: Option<String>,
    /// RFC 3339 UTC.
    pub created_at: String,
}

/// `PUT /api/v1/commitments/{id}`: staff settle a promise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommitmentUpdate {
    /// `kept` (needs `evidence`), `withdrawn` (needs `reason`) or `pending`
    /// (a `CommitmentStatus`, checked by the service with a field error).
    pub status: String,
    /// A link or words showing it was done.
    #[serde(default)]
    pub evidence: Option<String>,
    /// Why it was withdrawn.
    #[serde(default)]
    pub reason: Option<String>,
}

/// `GET /api/v1/commitments` filters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct CommitmentQuery {
    /// `pending`, `kept`, `overdue` or `withdrawn` (a `CommitmentStatus`).
    #[serde(default)]
    pub status: Option<String>,
    /// Page size, 1–100; 20 when absent.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    #[serde(default)]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    #[serde(default)]
    pub cursor: Option<String>,
}

/// A remedy as the thread shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RemedyView {
    /// Its id.
    pub id: i64,
    /// The ticket it was granted on (`VOC-000123`).
    pub ticket: String,
    /// The reply it was offered in, as the thread shows it (sanitised
    /// HTML), so an approver reads what the customer was told.
    pub reply_html: Option<String>,
    /// `month_free`, `credit` or `custom`.
    pub kind: crate::RemedyKind,
    /// Value in won.
    pub amount: i64,
    /// In words.
    pub description: String,
    /// `granted`, `pending_approval` or `rejected`.
    pub status: crate::RemedyStatus,
    /// Who granted it (signed).
    pub granted_by: crate::staff::UserRef,
    /// Who approved or rejected it, above the limit.
    pub decided_by: Option<crate::staff::UserRef>,
    /// RFC 3339 UTC.
    pub created_at: String,
}

/// One remedy limit: staff of `role` (in `department`, or in any department
/// when absent) grant up to `max_won` without approval.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RemedyLimit {
    /// `employee`, `moderator` or `admin`.
    pub role: crate::staff::Role,
    /// Department slug, or none for every department.
    #[serde(default)]
    pub department: Option<String>,
    /// The most this role may grant on one ticket without approval, in
    /// won: the sum of every remedy granted on it, not each grant.
    pub max_won: i64,
    /// The most this role may grant one customer in a calendar month (UTC)
    /// without approval, summed over all their tickets; when absent, the
    /// per-ticket limit.
    #[serde(default)]
    pub monthly_max_won: Option<i64>,
}

/// What a staff member may still grant on one ticket without approval,
/// shown in the composer before they send.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RemedyAllowance {
    /// Won left on this ticket; absent when unlimited (admins).
    pub ticket_left_won: Option<i64>,
    /// Won left for this customer this month; absent when unlimited.
    pub month_left_won: Option<i64>,
    /// Whether the caller may grant or promise here at all (not on a
    /// ticket they filed themselves).
    pub allowed: bool,
}

/// Reads an amount of won as people type it: `55000`, `55,000`,
/// `55,000원` or `₩55,000`. `None` for anything else (negative amounts,
/// decimals, words), so each door can say what is wrong in its own field.
#[must_use]
pub fn parse_won(raw: &str) -> Option<i64> {
    let trimmed = raw.trim();
    let trimmed = trimmed.strip_prefix('₩').unwrap_or(trimmed);
    let trimmed = trimmed.strip_suffix('원').unwrap_or(trimmed).trim();
    let digits: String = trimmed.chars().filter(|c| *c != ',').collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// An amount of won with thousands separators (`55,000`), as both the
/// pages and the server's notices print it.
#[must_use]
pub fn won(amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if amount < 0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::parse_won;

    #[test]
    fn won_amounts_read_as_typed() {
        for (raw, won) in [
            ("55000", Some(55_000)),
            (" 55,000 ", Some(55_000)),
            ("55,000원", Some(55_000)),
            ("₩55,000", Some(55_000)),
            ("-5", None),
            ("5.5", None),
            ("", None),
            ("오만 원", None),
            ("99999999999999999999", None),
        ] {
            assert_eq!(parse_won(raw), won, "{raw:?}");
        }
        for (amount, text) in [
            (0, "0"),
            (999, "999"),
            (55_000, "55,000"),
            (-1_234_567, "-1,234,567"),
        ] {
            assert_eq!(super::won(amount), text);
        }
    }
}
