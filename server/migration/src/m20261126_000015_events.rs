//! The event log behind live pages: every change that open browsers should
//! see is appended here in the change's transaction, then fanned out to
//! subscribers (on every instance) and replayed after `Last-Event-ID`.

use sea_orm_migration::{
    prelude::*,
    schema::{pk_auto, string, text, timestamp_with_time_zone},
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Events::Table)
                .col(pk_auto(Events::Id))
                .col(string(Events::Topic))
                .col(string(Events::Kind))
                .col(string(Events::Audience))
                .col(text(Events::Payload))
                .col(timestamp_with_time_zone(Events::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_events_topic")
                .table(Events::Table)
                .col(Events::Topic)
                .col(Events::Id)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_events_created")
                .table(Events::Table)
                .col(Events::CreatedAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Events::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Events {
    Table,
    Id,
    Topic,
    Kind,
    Audience,
    Payload,
    CreatedAt,
}
