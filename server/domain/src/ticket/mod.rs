//! Voice-of-the-customer tickets: complaints, inquiries, suggestions and
//! requests handled in public threads, by named staff, against each
//! department's first-response promise.
//!
//! What only some may see is decided here and nowhere else: private details
//! reach the author and staff, internal notes reach staff.

mod command;
mod feedback;
mod store;
mod view;

use chrono::Duration;

pub use command::{assign, change_status, create, reply, transfer};
pub use feedback::{me_too, rate};
pub use view::{get, incidents, list};

/// How long after resolution the author may reopen a ticket.
pub const REOPEN_WINDOW: Duration = Duration::days(14);
/// The promise for a ticket no department holds yet.
pub const DEFAULT_TARGET_MINUTES: i32 = 60;
/// The department that triages tickets filed without one, when it exists.
pub const TRIAGE_DEPARTMENT: &str = "customer-care";
/// Longest private details accepted (an order number, a phone number).
pub const PRIVATE_DETAILS_MAX_CHARS: usize = 500;
