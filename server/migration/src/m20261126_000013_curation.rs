//! Curation: ideas, ticket posts and profiles can be hidden (or held for
//! review) like comments; ideas can be locked and pinned; every curation of
//! an idea (edit, lock, pin, hide) is kept as public history; the word list
//! that holds posts for review.

use sea_orm_migration::{
    prelude::*,
    schema::{
        integer, integer_null, pk_auto, string, string_null, string_uniq, text_null,
        timestamp_with_time_zone, timestamp_with_time_zone_null,
    },
};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The four columns that make a row hideable with a stated reason.
fn hidden_columns() -> [ColumnDef; 4] {
    [
        text_null(HidingColumns::HiddenReason),
        string_null(HidingColumns::HiddenGuideline),
        integer_null(HidingColumns::HiddenById),
        timestamp_with_time_zone_null(HidingColumns::HiddenAt),
    ]
}

async fn add_columns(
    m: &SchemaManager<'_>,
    table: impl IntoIden + Clone,
    columns: Vec<ColumnDef>,
) -> Result<(), DbErr> {
    for column in columns {
        m.alter_table(
            Table::alter()
                .table(table.clone())
                .add_column(column)
                .to_owned(),
        )
        .await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut idea_columns = hidden_columns().to_vec();
        idea_columns.extend([
            timestamp_with_time_zone_null(Ideas::LockedAt),
            text_null(Ideas::LockedReason),
            timestamp_with_time_zone_null(Ideas::PinnedAt),
        ]);
        add_columns(m, Ideas::Table, idea_columns).await?;
        add_columns(m, TicketPosts::Table, hidden_columns().to_vec()).await?;
        add_columns(m, Users::Table, hidden_columns().to_vec()).await?;
        m.create_table(
            Table::create()
                .table(IdeaCurations::Table)
                .col(pk_auto(IdeaCurations::Id))
                .col(integer(IdeaCurations::IdeaId))
                .col(string(IdeaCurations::Kind))
                .col(integer(IdeaCurations::ById))
                .col(text_null(IdeaCurations::Before))
                .col(text_null(IdeaCurations::After))
                .col(text_null(IdeaCurations::Reason))
                .col(string_null(IdeaCurations::Guideline))
                .col(timestamp_with_time_zone(IdeaCurations::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(IdeaCurations::Table, IdeaCurations::IdeaId)
                        .to(Ideas::Table, Ideas::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_idea_curations_idea")
                .table(IdeaCurations::Table)
                .col(IdeaCurations::IdeaId)
                .col(IdeaCurations::Id)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_ideas_pinned")
                .table(Ideas::Table)
                .col(Ideas::PinnedAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ReviewWords::Table)
                .col(pk_auto(ReviewWords::Id))
                .col(string_uniq(ReviewWords::Word))
                .col(timestamp_with_time_zone(ReviewWords::CreatedAt))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ReviewWords::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(IdeaCurations::Table).to_owned())
            .await
    }
}

/// The hiding columns every hideable table shares (named as the columns).
#[expect(
    clippy::enum_variant_names,
    reason = "the variants are column names, which sea-query derives from them"
)]
#[derive(DeriveIden)]
enum HidingColumns {
    HiddenReason,
    HiddenGuideline,
    HiddenById,
    HiddenAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Ideas {
    Table,
    Id,
    LockedAt,
    LockedReason,
    PinnedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum TicketPosts {
    Table,
}

#[derive(Clone, Copy, DeriveIden)]
enum Users {
    Table,
}

#[derive(DeriveIden)]
enum IdeaCurations {
    Table,
    Id,
    IdeaId,
    Kind,
    ById,
    Before,
    After,
    Reason,
    Guideline,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ReviewWords {
    Table,
    Id,
    Word,
    CreatedAt,
}
