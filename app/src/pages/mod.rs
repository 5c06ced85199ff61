//! One module per routed page.

pub mod admin;
pub mod admin_outbox;
pub mod admin_webhooks;
pub mod announcements;
pub mod board;
pub mod commitments;
pub mod customers;
pub mod dashboard;
pub mod idea;
pub mod idea_curation;
pub mod member;
pub mod moderation;
pub mod my_tickets;
pub mod new_idea;
pub mod notifications;
pub mod onboarding;
pub mod profile;
pub mod reviews;
pub mod roadmap;
pub mod search;
pub mod sign_in;
pub mod sign_up;
pub mod staff_queue;
pub mod support;
pub mod tickets;
pub mod verify;
