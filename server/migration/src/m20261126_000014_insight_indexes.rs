//! Indexes for the dashboard: every figure reads one range of days by
//! `created_at` (or `resolved_at`), so each table it reads has one.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let indexes: [(&str, &str, &str); 7] = [
            ("idx_idea_votes_created", "idea_votes", "created_at"),
            ("idx_idea_comments_created", "idea_comments", "created_at"),
            ("idx_ticket_posts_created", "ticket_posts", "created_at"),
            ("idx_tickets_created", "tickets", "created_at"),
            ("idx_tickets_resolved", "tickets", "resolved_at"),
            (
                "idx_idea_status_changes_created",
                "idea_status_changes",
                "created_at",
            ),
            ("idx_commitments_created", "commitments", "created_at"),
        ];
        for (name, table, column) in indexes {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(Alias::new(table))
                    .col(Alias::new(column))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}
