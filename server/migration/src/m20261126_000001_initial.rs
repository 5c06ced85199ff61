//! The first schema: departments and members, the idea board (ideas, votes,
//! comments, status timeline) and voice-of-the-customer tickets with posts.

use sea_orm_migration::{
    prelude::*,
    schema::{
        double, integer, integer_null, pk_auto, string, string_null, string_uniq, text, text_null,
        timestamp_with_time_zone, timestamp_with_time_zone_null,
    },
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Departments::Table)
                .col(pk_auto(Departments::Id))
                .col(string_uniq(Departments::Slug))
                .col(string(Departments::Name))
                .col(text(Departments::Description).default(""))
                .col(string(Departments::Handle))
                .col(integer(Departments::FirstResponseMinutes))
                .col(timestamp_with_time_zone(Departments::CreatedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Users::Table)
                .col(pk_auto(Users::Id))
                .col(string_uniq(Users::Email))
                .col(string_null(Users::PasswordHash))
                .col(string(Users::DisplayName))
                .col(string(Users::Role))
                .col(integer_null(Users::DepartmentId))
                .col(string_null(Users::Title))
                .col(string_null(Users::Initials))
                .col(string(Users::AvatarColor))
                .col(timestamp_with_time_zone(Users::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Users::Table, Users::DepartmentId)
                        .to(Departments::Table, Departments::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Categories::Table)
                .col(pk_auto(Categories::Id))
                .col(string_uniq(Categories::Slug))
                .col(string(Categories::Name))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Ideas::Table)
                .col(pk_auto(Ideas::Id))
                .col(string(Ideas::Title))
                .col(text(Ideas::BodyMd))
                .col(text(Ideas::BodyHtml))
                .col(string(Ideas::Status))
                .col(integer_null(Ideas::CategoryId))
                .col(integer(Ideas::AuthorId))
                .col(integer(Ideas::VotesCount).default(0))
                .col(integer(Ideas::CommentsCount).default(0))
                .col(double(Ideas::TrendingScore).default(0.0))
                .col(integer_null(Ideas::MergedIntoId))
                .col(timestamp_with_time_zone(Ideas::CreatedAt))
                .col(timestamp_with_time_zone(Ideas::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Ideas::Table, Ideas::CategoryId)
                        .to(Categories::Table, Categories::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Ideas::Table, Ideas::AuthorId)
                        .to(Users::Table, Users::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Ideas::Table, Ideas::MergedIntoId)
                        .to(Ideas::Table, Ideas::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;
        for (name, col) in [
            ("idx_ideas_status", Ideas::Status),
            ("idx_ideas_created_at", Ideas::CreatedAt),
            ("idx_ideas_votes_count", Ideas::VotesCount),
            ("idx_ideas_trending_score", Ideas::TrendingScore),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(Ideas::Table)
                    .col(col)
                    .to_owned(),
            )
            .await?;
        }

        m.create_table(
            Table::create()
                .table(IdeaVotes::Table)
                .col(integer(IdeaVotes::IdeaId))
                .col(integer(IdeaVotes::UserId))
                .col(integer_null(IdeaVotes::RecordedById))
                .col(timestamp_with_time_zone(IdeaVotes::CreatedAt))
                .primary_key(
                    Index::create()
                        .col(IdeaVotes::IdeaId)
                        .col(IdeaVotes::UserId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(IdeaVotes::Table, IdeaVotes::IdeaId)
                        .to(Ideas::Table, Ideas::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(IdeaVotes::Table, IdeaVotes::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(IdeaVotes::Table, IdeaVotes::RecordedById)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_idea_votes_user")
                .table(IdeaVotes::Table)
                .col(IdeaVotes::UserId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(IdeaComments::Table)
                .col(pk_auto(IdeaComments::Id))
                .col(integer(IdeaComments::IdeaId))
                .col(integer(IdeaComments::AuthorId))
                .col(text(IdeaComments::BodyMd))
                .col(text(IdeaComments::BodyHtml))
                .col(timestamp_with_time_zone(IdeaComments::CreatedAt))
                .col(timestamp_with_time_zone_null(IdeaComments::EditedAt))
                .col(timestamp_with_time_zone_null(IdeaComments::DeletedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(IdeaComments::Table, IdeaComments::IdeaId)
                        .to(Ideas::Table, Ideas::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(IdeaComments::Table, IdeaComments::AuthorId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_idea_comments_idea")
                .table(IdeaComments::Table)
                .col(IdeaComments::IdeaId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(IdeaStatusChanges::Table)
                .col(pk_auto(IdeaStatusChanges::Id))
                .col(integer(IdeaStatusChanges::IdeaId))
                .col(string(IdeaStatusChanges::FromStatus))
                .col(string(IdeaStatusChanges::ToStatus))
                .col(text(IdeaStatusChanges::ExplanationMd))
                .col(text(IdeaStatusChanges::ExplanationHtml))
                .col(integer(IdeaStatusChanges::ById))
                .col(timestamp_with_time_zone(IdeaStatusChanges::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(IdeaStatusChanges::Table, IdeaStatusChanges::IdeaId)
                        .to(Ideas::Table, Ideas::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(IdeaStatusChanges::Table, IdeaStatusChanges::ById)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_idea_status_changes_idea")
                .table(IdeaStatusChanges::Table)
                .col(IdeaStatusChanges::IdeaId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Tickets::Table)
                .col(pk_auto(Tickets::Id))
                .col(string(Tickets::Kind))
                .col(string(Tickets::Title))
                .col(text(Tickets::BodyMd))
                .col(text(Tickets::BodyHtml))
                .col(text_null(Tickets::PrivateDetails))
                .col(string(Tickets::Status))
                .col(integer_null(Tickets::DepartmentId))
                .col(integer(Tickets::AuthorId))
                .col(timestamp_with_time_zone(Tickets::CreatedAt))
                .col(timestamp_with_time_zone(Tickets::UpdatedAt))
                .col(timestamp_with_time_zone(Tickets::SlaStartedAt))
                .col(timestamp_with_time_zone_null(Tickets::FirstResponseAt))
                .col(integer_null(Tickets::FirstResponseById))
                .col(timestamp_with_time_zone_null(Tickets::ResolvedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Tickets::Table, Tickets::DepartmentId)
                        .to(Departments::Table, Departments::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Tickets::Table, Tickets::AuthorId)
                        .to(Users::Table, Users::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Tickets::Table, Tickets::FirstResponseById)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;
        for (name, col) in [
            ("idx_tickets_status", Tickets::Status),
            ("idx_tickets_department", Tickets::DepartmentId),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(Tickets::Table)
                    .col(col)
                    .to_owned(),
            )
            .await?;
        }

        m.create_table(
            Table::create()
                .table(TicketPosts::Table)
                .col(pk_auto(TicketPosts::Id))
                .col(integer(TicketPosts::TicketId))
                .col(integer(TicketPosts::AuthorId))
                .col(string(TicketPosts::Kind))
                .col(text(TicketPosts::BodyMd))
                .col(text(TicketPosts::BodyHtml))
                .col(timestamp_with_time_zone(TicketPosts::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(TicketPosts::Table, TicketPosts::TicketId)
                        .to(Tickets::Table, Tickets::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(TicketPosts::Table, TicketPosts::AuthorId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_ticket_posts_ticket")
                .table(TicketPosts::Table)
                .col(TicketPosts::TicketId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            TicketPosts::Table.into_iden(),
            Tickets::Table.into_iden(),
            IdeaStatusChanges::Table.into_iden(),
            IdeaComments::Table.into_iden(),
            IdeaVotes::Table.into_iden(),
            Ideas::Table.into_iden(),
            Categories::Table.into_iden(),
            Users::Table.into_iden(),
            Departments::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Departments {
    Table,
    Id,
    Slug,
    Name,
    Description,
    Handle,
    FirstResponseMinutes,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Email,
    PasswordHash,
    DisplayName,
    Role,
    DepartmentId,
    Title,
    Initials,
    AvatarColor,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Categories {
    Table,
    Id,
    Slug,
    Name,
}

#[derive(DeriveIden)]
enum Ideas {
    Table,
    Id,
    Title,
    BodyMd,
    BodyHtml,
    Status,
    CategoryId,
    AuthorId,
    VotesCount,
    CommentsCount,
    TrendingScore,
    MergedIntoId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum IdeaVotes {
    Table,
    IdeaId,
    UserId,
    RecordedById,
    CreatedAt,
}

#[derive(DeriveIden)]
enum IdeaComments {
    Table,
    Id,
    IdeaId,
    AuthorId,
    BodyMd,
    BodyHtml,
    CreatedAt,
    EditedAt,
    DeletedAt,
}

#[derive(DeriveIden)]
enum IdeaStatusChanges {
    Table,
    Id,
    IdeaId,
    FromStatus,
    ToStatus,
    ExplanationMd,
    ExplanationHtml,
    ById,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Tickets {
    Table,
    Id,
    Kind,
    Title,
    BodyMd,
    BodyHtml,
    PrivateDetails,
    Status,
    DepartmentId,
    AuthorId,
    CreatedAt,
    UpdatedAt,
    SlaStartedAt,
    FirstResponseAt,
    FirstResponseById,
    ResolvedAt,
}

#[derive(DeriveIden)]
enum TicketPosts {
    Table,
    Id,
    TicketId,
    AuthorId,
    Kind,
    BodyMd,
    BodyHtml,
    CreatedAt,
}
