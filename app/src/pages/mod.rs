//! One module per routed page.

pub mod announcements;
pub mod board;
pub mod profile;
pub mod roadmap;
pub mod sign_in;
pub mod sign_up;
pub mod support;
