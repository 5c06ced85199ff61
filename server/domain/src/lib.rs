//! Madang's service layer: every business rule and every authorization check
//! lives here, behind plain async functions that REST handlers and Leptos
//! server functions both call. No HTTP and no UI types in this crate.

pub mod actor;
pub mod announcement;
pub mod answer_kit;
pub mod answer_review;
pub mod audit;
pub mod auth;
pub mod business_hours;
pub mod comment;
pub mod commitment;
pub mod consent;
pub mod csv;
pub mod ctx;
pub mod curation;
pub mod customer;
pub mod db;
#[cfg(feature = "demo")]
pub mod demo;
pub mod department;
pub mod entity;
pub mod error;
pub mod events;
pub mod feed;
pub mod follow;
pub mod guard;
pub mod guideline;
pub mod holiday;
pub mod i18n;
pub mod idea;
pub mod insight;
pub mod korean;
pub mod language;
pub mod mail;
pub mod markdown;
pub mod member;
pub mod mention;
pub mod merge;
pub mod moderation;
pub mod notification;
pub mod notification_mail;
pub mod onboarding;
mod one_time_link;
pub mod operations;
mod pagination;
pub mod password;
mod personal_data;
pub mod policy;
pub mod privacy;
pub mod rate_limit;
pub mod remedy;
pub mod review;
pub mod search;
pub mod secret_token;
pub mod site_search;
pub mod sitemap;
pub mod ticket;
pub mod user;
pub mod verification;
pub mod visibility;
pub mod vote;
pub mod webhook;

pub use actor::{Actor, Member};
pub use ctx::{Clock, Ctx, IncidentRule, Settings};
pub use error::{Error, Result};
pub use i18n::Message;
