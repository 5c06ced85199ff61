//! Madang's schema history. Every change is a new migration, run at start-up
//! and by `madang migrate`; the same statements serve `SQLite` and `PostgreSQL`.

pub use m20261205_000027_business_hours::KOREAN_PUBLIC_HOLIDAYS;
pub use sea_orm_migration::prelude::*;

mod m20261126_000001_initial;
mod m20261126_000002_accounts;
mod m20261126_000003_idea_tags;
mod m20261126_000004_idea_search;
mod m20261126_000005_follows_notifications;
mod m20261126_000006_announcements;
mod m20261126_000007_ticket_workflow;
mod m20261126_000008_commitments_remedies;
mod m20261126_000009_answer_kit;
mod m20261126_000010_reports_hiding;
mod m20261126_000011_suspensions;
mod m20261126_000012_merges;
mod m20261126_000013_curation;
mod m20261126_000014_insight_indexes;
mod m20261126_000015_events;
mod m20261126_000016_delivery;
mod m20261129_000017_token_expiry;
mod m20261203_000018_response_clocks;
mod m20261204_000019_member_language_consent;
mod m20261204_000020_bilingual_content;
mod m20261204_000021_featured_index;
mod m20261204_000022_insight_days;
mod m20261204_000023_ticket_time_indexes;
mod m20261204_000024_participation_indexes;
mod m20261205_000025_customer_crm;
mod m20261205_000026_answer_reviews;
mod m20261205_000027_business_hours;
mod m20261205_000028_lookup_indexes;
mod m20261205_000029_last_active;

/// Lists every migration in the order it must run.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261126_000001_initial::Migration),
            Box::new(m20261126_000002_accounts::Migration),
            Box::new(m20261126_000003_idea_tags::Migration),
            Box::new(m20261126_000004_idea_search::Migration),
            Box::new(m20261126_000005_follows_notifications::Migration),
            Box::new(m20261126_000006_announcements::Migration),
            Box::new(m20261126_000007_ticket_workflow::Migration),
            Box::new(m20261126_000008_commitments_remedies::Migration),
            Box::new(m20261126_000009_answer_kit::Migration),
            Box::new(m20261126_000010_reports_hiding::Migration),
            Box::new(m20261126_000011_suspensions::Migration),
            Box::new(m20261126_000012_merges::Migration),
            Box::new(m20261126_000013_curation::Migration),
            Box::new(m20261126_000014_insight_indexes::Migration),
            Box::new(m20261126_000015_events::Migration),
            Box::new(m20261126_000016_delivery::Migration),
            Box::new(m20261129_000017_token_expiry::Migration),
            Box::new(m20261203_000018_response_clocks::Migration),
            Box::new(m20261204_000019_member_language_consent::Migration),
            Box::new(m20261204_000020_bilingual_content::Migration),
            Box::new(m20261204_000021_featured_index::Migration),
            Box::new(m20261204_000022_insight_days::Migration),
            Box::new(m20261204_000023_ticket_time_indexes::Migration),
            Box::new(m20261204_000024_participation_indexes::Migration),
            Box::new(m20261205_000025_customer_crm::Migration),
            Box::new(m20261205_000026_answer_reviews::Migration),
            Box::new(m20261205_000027_business_hours::Migration),
            Box::new(m20261205_000028_lookup_indexes::Migration),
            Box::new(m20261205_000029_last_active::Migration),
        ]
    }
}
