//! Indexes found missing by the query-plan test (`tests/plans.rs`, issue
//! 17), which runs every server-rendered page on the benchmark database and
//! fails when a query reads a whole big table:
//! - a member's ideas, tickets and ticket posts (their public page, "my
//!   tickets", the customer record) were found by reading every idea,
//!   ticket and post;
//! - staff members (`role IN (…)`, which the dashboard, the scorecard and
//!   assignment lists leave out or list) were found by reading every member;
//! - the moderation queue's held ideas and comments were found by reading
//!   all of them. Few rows are ever held, so those indexes hold only them.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::ConnectionTrait;

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEXES: [(&str, &str); 6] = [
    ("idx_ideas_author", "ideas (author_id, id)"),
    ("idx_tickets_author", "tickets (author_id, updated_at)"),
    (
        "idx_ticket_posts_author",
        "ticket_posts (author_id, created_at)",
    ),
    ("idx_users_role", "users (role)"),
    (
        "idx_ideas_held",
        "ideas (hidden_reason, id) WHERE hidden_reason IS NOT NULL",
    ),
    (
        "idx_idea_comments_held",
        "idea_comments (hidden_reason, id) WHERE hidden_reason IS NOT NULL",
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        for (name, on) in INDEXES {
            db.execute_unprepared(&format!("CREATE INDEX IF NOT EXISTS {name} ON {on}"))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        for (name, _) in INDEXES {
            db.execute_unprepared(&format!("DROP INDEX IF EXISTS {name}"))
                .await?;
        }
        Ok(())
    }
}
