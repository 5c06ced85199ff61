//! Reports of content and hiding with a public, stated reason: a hidden
//! comment stays as a tombstone that says who hid it and why.

use sea_orm_migration::{
    prelude::*,
    schema::{
        integer, integer_null, pk_auto, string, string_null, text_null, timestamp_with_time_zone,
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
                .table(Reports::Table)
                .col(pk_auto(Reports::Id))
                .col(string(Reports::TargetType))
                .col(integer(Reports::TargetId))
                .col(string(Reports::Reason))
                .col(text_null(Reports::Note))
                .col(integer(Reports::ReporterId))
                .col(string(Reports::Status))
                .col(integer_null(Reports::HandledById))
                .col(timestamp_with_time_zone_null(Reports::HandledAt))
                .col(timestamp_with_time_zone(Reports::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Reports::Table, Reports::ReporterId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_reports_status")
                .table(Reports::Table)
                .col(Reports::Status)
                .col(Reports::Id)
                .to_owned(),
        )
        .await?;
        for column in [
            text_null(IdeaComments::HiddenReason),
            string_null(IdeaComments::HiddenGuideline),
            integer_null(IdeaComments::HiddenById),
            timestamp_with_time_zone_null(IdeaComments::HiddenAt),
        ] {
            m.alter_table(
                Table::alter()
                    .table(IdeaComments::Table)
                    .add_column(column)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Reports::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum IdeaComments {
    Table,
    HiddenReason,
    HiddenGuideline,
    HiddenById,
    HiddenAt,
}

#[derive(DeriveIden)]
enum Reports {
    Table,
    Id,
    TargetType,
    TargetId,
    Reason,
    Note,
    ReporterId,
    Status,
    HandledById,
    HandledAt,
    CreatedAt,
}
