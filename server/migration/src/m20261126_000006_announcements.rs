//! Announcements: staff posts ("you asked, we did") that link the ideas
//! they deliver.

use sea_orm_migration::{
    prelude::*,
    schema::{integer, pk_auto, string, text, timestamp_with_time_zone},
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Announcements::Table)
                .col(pk_auto(Announcements::Id))
                .col(string(Announcements::Title))
                .col(text(Announcements::BodyMd))
                .col(text(Announcements::BodyHtml))
                .col(integer(Announcements::AuthorId))
                .col(timestamp_with_time_zone(Announcements::PublishedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Announcements::Table, Announcements::AuthorId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_announcements_published")
                .table(Announcements::Table)
                .col(Announcements::PublishedAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AnnouncementIdeas::Table)
                .col(integer(AnnouncementIdeas::AnnouncementId))
                .col(integer(AnnouncementIdeas::IdeaId))
                .primary_key(
                    Index::create()
                        .col(AnnouncementIdeas::AnnouncementId)
                        .col(AnnouncementIdeas::IdeaId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(AnnouncementIdeas::Table, AnnouncementIdeas::AnnouncementId)
                        .to(Announcements::Table, Announcements::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(AnnouncementIdeas::Table, AnnouncementIdeas::IdeaId)
                        .to(Ideas::Table, Ideas::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_announcement_ideas_idea")
                .table(AnnouncementIdeas::Table)
                .col(AnnouncementIdeas::IdeaId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(AnnouncementIdeas::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(Announcements::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Ideas {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Announcements {
    Table,
    Id,
    Title,
    BodyMd,
    BodyHtml,
    AuthorId,
    PublishedAt,
}

#[derive(DeriveIden)]
enum AnnouncementIdeas {
    Table,
    AnnouncementId,
    IdeaId,
}
