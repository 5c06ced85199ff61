//! The answer kit staff reply with: canned answers (with placeholders such
//! as the customer's name) and the company's guidelines checklist.

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
                .table(CannedAnswers::Table)
                .col(pk_auto(CannedAnswers::Id))
                .col(string(CannedAnswers::Title))
                .col(text(CannedAnswers::BodyMd))
                .col(timestamp_with_time_zone(CannedAnswers::CreatedAt))
                .col(timestamp_with_time_zone(CannedAnswers::UpdatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Guidelines::Table)
                .col(pk_auto(Guidelines::Id))
                .col(integer(Guidelines::Position))
                .col(text(Guidelines::Text))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Guidelines::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(CannedAnswers::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum CannedAnswers {
    Table,
    Id,
    Title,
    BodyMd,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Guidelines {
    Table,
    Id,
    Position,
    Text,
}
