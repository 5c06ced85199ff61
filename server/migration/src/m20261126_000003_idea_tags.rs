//! Free tags on ideas, next to the admin-defined categories.

use sea_orm_migration::{
    prelude::*,
    schema::{integer, string},
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(IdeaTags::Table)
                .col(integer(IdeaTags::IdeaId))
                .col(string(IdeaTags::Tag))
                .primary_key(Index::create().col(IdeaTags::IdeaId).col(IdeaTags::Tag))
                .foreign_key(
                    ForeignKey::create()
                        .from(IdeaTags::Table, IdeaTags::IdeaId)
                        .to(Ideas::Table, Ideas::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_idea_tags_tag")
                .table(IdeaTags::Table)
                .col(IdeaTags::Tag)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(IdeaTags::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Ideas {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum IdeaTags {
    Table,
    IdeaId,
    Tag,
}
