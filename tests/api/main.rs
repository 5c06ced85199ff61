//! API and page tests against the real server, each on `SQLite` and `PostgreSQL`.

mod accounts;
mod announcements;
mod clocks;
mod comments;
mod contract;
mod curation;
mod demo;
mod follows;
mod ideas;
mod insight;
mod limits;
mod live;
mod meta;
mod moderation;
mod new_ideas;
mod onboarding;
mod pages;
mod privacy;
mod promises;
mod search;
mod security;
mod smtp;
mod tickets;
mod told;
mod votes;
mod webhooks;
