//! Merging duplicate ideas, reversibly: each merge remembers exactly which
//! votes and follows it added to the target, so unmerging takes back those
//! and nothing else.

use sea_orm_migration::{
    prelude::*,
    schema::{integer, pk_auto, string, timestamp_with_time_zone, timestamp_with_time_zone_null},
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(IdeaMerges::Table)
                .col(pk_auto(IdeaMerges::Id))
                .col(integer(IdeaMerges::SourceId))
                .col(integer(IdeaMerges::TargetId))
                .col(string(IdeaMerges::SourceStatus))
                .col(integer(IdeaMerges::ById))
                .col(timestamp_with_time_zone(IdeaMerges::CreatedAt))
                .col(timestamp_with_time_zone_null(IdeaMerges::UndoneAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(IdeaMerges::Table, IdeaMerges::SourceId)
                        .to(Ideas::Table, Ideas::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(IdeaMerges::Table, IdeaMerges::TargetId)
                        .to(Ideas::Table, Ideas::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(IdeaMergeCarried::Table)
                .col(integer(IdeaMergeCarried::MergeId))
                .col(integer(IdeaMergeCarried::UserId))
                .col(string(IdeaMergeCarried::Kind))
                .primary_key(
                    Index::create()
                        .col(IdeaMergeCarried::MergeId)
                        .col(IdeaMergeCarried::UserId)
                        .col(IdeaMergeCarried::Kind),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(IdeaMergeCarried::Table, IdeaMergeCarried::MergeId)
                        .to(IdeaMerges::Table, IdeaMerges::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(IdeaMergeCarried::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(IdeaMerges::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Ideas {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum IdeaMerges {
    Table,
    Id,
    SourceId,
    TargetId,
    SourceStatus,
    ById,
    CreatedAt,
    UndoneAt,
}

#[derive(DeriveIden)]
enum IdeaMergeCarried {
    Table,
    MergeId,
    UserId,
    Kind,
}
