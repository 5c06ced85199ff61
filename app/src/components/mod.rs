//! Reusable pieces of the UI.

pub mod carry_on;
pub mod chart;
pub mod draft;
pub mod field;
pub mod follow_button;
pub mod guideline_select;
pub mod header;
pub mod hydration_mark;
pub mod idea_list;
pub mod live_region;
pub mod not_found;
pub mod notification_bell;
pub mod pick;
pub mod profile_form;
pub mod report_form;
pub mod review_link;
pub mod share;
pub mod signature;
pub mod status_badge;
pub mod toggle_form;
pub mod tokens;
pub mod typing;
pub mod vote_button;
pub mod welcome;
pub mod when;
