//! Moderation: members report content with a reason; moderators dismiss
//! reports or hide the content with a reason stated in public (a tombstone,
//! never a silent deletion); every action goes to the audit log, which
//! moderators read, filter and export as CSV.

mod audit_log;
mod hide;
mod redact;
mod report;
mod suspend;

pub use audit_log::{audit_csv, audit_log};
pub use hide::{held_posts, hide, unhide};
pub use redact::redact;
pub use report::{dismiss, open_reports, report};
pub use suspend::{lift_suspension, suspend};
