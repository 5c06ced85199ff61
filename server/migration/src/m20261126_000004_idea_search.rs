//! The n-gram search index of ideas (see `domain::search`), and indexes for
//! the board's "recently updated" order.

use sea_orm_migration::{
    prelude::*,
    schema::{integer, string},
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // The primary key (term, idea_id) is the index a search reads: all
        // ideas of a term, in order, without touching the table.
        m.create_table(
            Table::create()
                .table(IdeaSearchTerms::Table)
                .col(string(IdeaSearchTerms::Term))
                .col(integer(IdeaSearchTerms::IdeaId))
                .primary_key(
                    Index::create()
                        .col(IdeaSearchTerms::Term)
                        .col(IdeaSearchTerms::IdeaId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(IdeaSearchTerms::Table, IdeaSearchTerms::IdeaId)
                        .to(Ideas::Table, Ideas::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_idea_search_terms_idea")
                .table(IdeaSearchTerms::Table)
                .col(IdeaSearchTerms::IdeaId)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_ideas_updated")
                .table(Ideas::Table)
                .col(Ideas::UpdatedAt)
                .col(Ideas::Id)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("idx_ideas_updated").to_owned())
            .await?;
        m.drop_table(Table::drop().table(IdeaSearchTerms::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Ideas {
    Table,
    Id,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum IdeaSearchTerms {
    Table,
    Term,
    IdeaId,
}
