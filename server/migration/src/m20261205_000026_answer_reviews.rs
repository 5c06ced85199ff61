//! Answer quality reviews: a manager's overall score, per-guideline scores
//! and coaching comment on one public staff answer (a ticket reply or an
//! idea comment), and the reviewed employee's reply. One review per answer.

use sea_orm_migration::{
    prelude::*,
    schema::{
        integer, pk_auto, string, text, text_null, timestamp_with_time_zone,
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
                .table(AnswerReviews::Table)
                .col(pk_auto(AnswerReviews::Id))
                .col(string(AnswerReviews::AnswerKind))
                .col(integer(AnswerReviews::AnswerId))
                .col(integer(AnswerReviews::EmployeeId))
                .col(integer(AnswerReviews::ReviewerId))
                .col(integer(AnswerReviews::Overall))
                .col(text(AnswerReviews::Comment))
                .col(timestamp_with_time_zone(AnswerReviews::AnsweredAt))
                .col(timestamp_with_time_zone(AnswerReviews::CreatedAt))
                .col(text_null(AnswerReviews::Reply))
                .col(timestamp_with_time_zone_null(AnswerReviews::RepliedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(AnswerReviews::Table, AnswerReviews::EmployeeId)
                        .to(Users::Table, Users::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(AnswerReviews::Table, AnswerReviews::ReviewerId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_answer_reviews_answer")
                .table(AnswerReviews::Table)
                .col(AnswerReviews::AnswerKind)
                .col(AnswerReviews::AnswerId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_answer_reviews_employee_answered")
                .table(AnswerReviews::Table)
                .col(AnswerReviews::EmployeeId)
                .col(AnswerReviews::AnsweredAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AnswerReviewScores::Table)
                .col(pk_auto(AnswerReviewScores::Id))
                .col(integer(AnswerReviewScores::ReviewId))
                .col(integer(AnswerReviewScores::GuidelineId))
                .col(integer(AnswerReviewScores::Score))
                .foreign_key(
                    ForeignKey::create()
                        .from(AnswerReviewScores::Table, AnswerReviewScores::ReviewId)
                        .to(AnswerReviews::Table, AnswerReviews::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(AnswerReviewScores::Table, AnswerReviewScores::GuidelineId)
                        .to(Guidelines::Table, Guidelines::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_answer_review_scores_review_guideline")
                .table(AnswerReviewScores::Table)
                .col(AnswerReviewScores::ReviewId)
                .col(AnswerReviewScores::GuidelineId)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(AnswerReviewScores::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(AnswerReviews::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Guidelines {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum AnswerReviews {
    Table,
    Id,
    AnswerKind,
    AnswerId,
    EmployeeId,
    ReviewerId,
    Overall,
    Comment,
    AnsweredAt,
    CreatedAt,
    Reply,
    RepliedAt,
}

#[derive(DeriveIden)]
enum AnswerReviewScores {
    Table,
    Id,
    ReviewId,
    GuidelineId,
    Score,
}
