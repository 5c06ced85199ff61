//! The board's featured strip asks for pinned ideas in trending order. With
//! no pinned idea among 100,000, `SQLite` walked the whole trending index
//! looking for one (issue 17: the board page at 5 req/s). A partial index
//! holds only pinned ideas, already in that order, so the strip reads a
//! handful of rows on both databases.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::ConnectionTrait;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.get_connection()
            .execute_unprepared(
                "CREATE INDEX IF NOT EXISTS idx_ideas_featured ON ideas (trending_score) \
                 WHERE pinned_at IS NOT NULL",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.get_connection()
            .execute_unprepared("DROP INDEX IF EXISTS idx_ideas_featured")
            .await?;
        Ok(())
    }
}
