//! The social CRM: staff see one customer whole — everything they did
//! here, what was promised and granted to them, how far their voice
//! carries — and keep internal notes and tags on them. Nothing here ever
//! reaches the customer or a public surface: every entry point asks the
//! policy for staff first.

mod figures;
mod list;
mod merge;
mod notes;
mod record;
mod tags;
mod view;

pub use list::list;
pub use merge::merge;
pub use notes::{add_note, edit_note};
pub use record::NOTE_EDIT_MINUTES;
pub(crate) use tags::tagged_with;
pub use tags::{create_tag, delete_tag, list_tags, set_tags};
pub(crate) use view::summary_of;
pub use view::view;
