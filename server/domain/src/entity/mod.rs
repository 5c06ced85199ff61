//! SeaORM entities, one module per table. Models never leave `domain`: use
//! cases map them to `shared` read models.

pub mod announcement;
pub mod announcement_idea;
pub mod api_token;
pub mod audit_event;
pub mod auth_attempt;
pub mod canned_answer;
pub mod category;
pub mod commitment;
pub mod department;
pub mod event;
pub mod guideline;
pub mod idea;
pub mod idea_comment;
pub mod idea_curation;
pub mod idea_follow;
pub mod idea_merge;
pub mod idea_merge_carried;
pub mod idea_search_term;
pub mod idea_status_change;
pub mod idea_tag;
pub mod idea_vote;
pub mod notification;
pub mod one_time_token;
pub mod outbox_mail;
pub mod remedy;
pub mod remedy_limit;
pub mod report;
pub mod review_word;
pub mod session;
pub mod ticket;
pub mod ticket_me_too;
pub mod ticket_post;
pub mod user;
