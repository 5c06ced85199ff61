//! Following ideas, and the notification records written when something a
//! member cares about changes (delivery by e-mail and live events comes
//! later; the records are the source of truth).

use sea_orm_migration::{
    prelude::*,
    schema::{
        integer, integer_null, pk_auto, string, text, timestamp_with_time_zone,
        timestamp_with_time_zone_null,
    },
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(IdeaFollows::Table)
                .col(integer(IdeaFollows::IdeaId))
                .col(integer(IdeaFollows::UserId))
                .col(timestamp_with_time_zone(IdeaFollows::CreatedAt))
                .primary_key(
                    Index::create()
                        .col(IdeaFollows::IdeaId)
                        .col(IdeaFollows::UserId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(IdeaFollows::Table, IdeaFollows::IdeaId)
                        .to(Ideas::Table, Ideas::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(IdeaFollows::Table, IdeaFollows::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_idea_follows_user")
                .table(IdeaFollows::Table)
                .col(IdeaFollows::UserId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Notifications::Table)
                .col(pk_auto(Notifications::Id))
                .col(integer(Notifications::UserId))
                .col(string(Notifications::Kind))
                .col(integer_null(Notifications::IdeaId))
                .col(integer_null(Notifications::ActorId))
                .col(string(Notifications::Subject))
                .col(text(Notifications::BodyText))
                .col(string(Notifications::Link))
                .col(timestamp_with_time_zone(Notifications::CreatedAt))
                .col(timestamp_with_time_zone_null(Notifications::ReadAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Notifications::Table, Notifications::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Notifications::Table, Notifications::IdeaId)
                        .to(Ideas::Table, Ideas::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_notifications_user")
                .table(Notifications::Table)
                .col(Notifications::UserId)
                .col(Notifications::Id)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Notifications::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(IdeaFollows::Table).to_owned())
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
enum IdeaFollows {
    Table,
    IdeaId,
    UserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    UserId,
    Kind,
    IdeaId,
    ActorId,
    Subject,
    BodyText,
    Link,
    CreatedAt,
    ReadAt,
}
