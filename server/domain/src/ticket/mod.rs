//! Voice-of-the-customer tickets: complaints, inquiries, suggestions and
//! requests handled in public threads, by named staff, against each
//! department's first-response promise.
//!
//! What only some may see is decided here and nowhere else: private details
//! reach the author and staff, internal notes reach staff.

mod clock;
mod command;
mod edit;
mod feedback;
pub(crate) mod news;
mod status;
mod store;
mod view;

pub use clock::breached;
pub(crate) use clock::taken;
pub use command::{assign, create, reply, transfer};
pub use edit::{edit_post, edit_ticket};
pub use feedback::{me_too, rate};
pub use status::change_status;
pub use store::{
    DEFAULT_TARGET_MINUTES, EDIT_WINDOW, PRIVATE_DETAILS_MAX_CHARS, REOPEN_WINDOW,
    TRIAGE_DEPARTMENT,
};
pub use view::{get, incidents, list, mine};
