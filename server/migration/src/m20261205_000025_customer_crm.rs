//! The social CRM's own records: staff notes on a customer (internal,
//! signed and dated, never shown to the customer or in public), and tags
//! from a list admins keep (VIP, opinion leader, partner…) with who tagged
//! a customer and when.

use sea_orm_migration::{
    prelude::*,
    schema::{
        integer, integer_null, pk_auto, string_uniq, text, timestamp_with_time_zone,
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
                .table(CustomerNotes::Table)
                .col(pk_auto(CustomerNotes::Id))
                .col(integer(CustomerNotes::CustomerId))
                .col(integer(CustomerNotes::AuthorId))
                .col(text(CustomerNotes::Body))
                .col(timestamp_with_time_zone(CustomerNotes::CreatedAt))
                .col(timestamp_with_time_zone_null(CustomerNotes::EditedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(CustomerNotes::Table, CustomerNotes::CustomerId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(CustomerNotes::Table, CustomerNotes::AuthorId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_customer_notes_customer")
                .table(CustomerNotes::Table)
                .col(CustomerNotes::CustomerId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CustomerTags::Table)
                .col(pk_auto(CustomerTags::Id))
                .col(string_uniq(CustomerTags::Name))
                .col(timestamp_with_time_zone(CustomerTags::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CustomerTagLinks::Table)
                .col(pk_auto(CustomerTagLinks::Id))
                .col(integer(CustomerTagLinks::UserId))
                .col(integer(CustomerTagLinks::TagId))
                .col(integer_null(CustomerTagLinks::TaggedById))
                .col(timestamp_with_time_zone(CustomerTagLinks::TaggedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(CustomerTagLinks::Table, CustomerTagLinks::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(CustomerTagLinks::Table, CustomerTagLinks::TagId)
                        .to(CustomerTags::Table, CustomerTags::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_customer_tag_links_user_tag")
                .table(CustomerTagLinks::Table)
                .col(CustomerTagLinks::UserId)
                .col(CustomerTagLinks::TagId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_customer_tag_links_tag")
                .table(CustomerTagLinks::Table)
                .col(CustomerTagLinks::TagId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(CustomerTagLinks::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(CustomerTags::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(CustomerNotes::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CustomerNotes {
    Table,
    Id,
    CustomerId,
    AuthorId,
    Body,
    CreatedAt,
    EditedAt,
}

#[derive(DeriveIden)]
enum CustomerTags {
    Table,
    Id,
    Name,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CustomerTagLinks {
    Table,
    Id,
    UserId,
    TagId,
    TaggedById,
    TaggedAt,
}
