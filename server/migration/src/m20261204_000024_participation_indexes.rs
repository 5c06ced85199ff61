//! The dashboard's participation table counts staff members' comments and
//! replies over the range. Without these indexes a year read every comment
//! of the range (100,000 on the bench database, 27 ms) to keep the staff's
//! few, and every post to keep the replies; with them the comments are
//! found by author and the posts read from the index alone (1 ms and 9 ms).
//! The posts' index begins with the time, so it replaces the one-column one.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::ConnectionTrait;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        for statement in [
            "CREATE INDEX IF NOT EXISTS idx_idea_comments_author_created ON idea_comments \
             (author_id, created_at)",
            "CREATE INDEX IF NOT EXISTS idx_ticket_posts_created_kind ON ticket_posts \
             (created_at, kind, author_id)",
            "DROP INDEX IF EXISTS idx_ticket_posts_created",
        ] {
            db.execute_unprepared(statement).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        for statement in [
            "CREATE INDEX IF NOT EXISTS idx_ticket_posts_created ON ticket_posts (created_at)",
            "DROP INDEX IF EXISTS idx_ticket_posts_created_kind",
            "DROP INDEX IF EXISTS idx_idea_comments_author_created",
        ] {
            db.execute_unprepared(statement).await?;
        }
        Ok(())
    }
}
