//! Reusable pieces of the UI.

pub mod header;
pub mod idea_list;
pub mod status_badge;
