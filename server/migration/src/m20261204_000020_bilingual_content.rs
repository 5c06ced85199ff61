//! What the company writes, in English beside Korean: department names and
//! descriptions, product area names, guidelines, canned answers. The
//! existing columns keep the company's own (Korean) wording; an empty English
//! column shows the Korean to English readers.
//!
//! Merge notes in an idea's timeline were stored as English sentences; they
//! become a `system_note` (`merged_into:12`, `unmerged_from:12`) worded for
//! each reader.
//!
//! Remedies granted without a description stored an English default ("One
//! month free", "A credit of 5000 won"); those are cleared, so the page words
//! the kind in the reader's language.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A text column that starts empty on every existing row.
fn english(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .text()
        .not_null()
        .default("")
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        let columns = [
            (Departments::Table.into_iden(), english(Departments::NameEn)),
            (
                Departments::Table.into_iden(),
                english(Departments::DescriptionEn),
            ),
            (Categories::Table.into_iden(), english(Categories::NameEn)),
            (Guidelines::Table.into_iden(), english(Guidelines::TextEn)),
            (
                CannedAnswers::Table.into_iden(),
                english(CannedAnswers::TitleEn),
            ),
            (
                CannedAnswers::Table.into_iden(),
                english(CannedAnswers::BodyMdEn),
            ),
        ];
        for (table, mut column) in columns {
            m.alter_table(
                Table::alter()
                    .table(table)
                    .add_column(&mut column)
                    .to_owned(),
            )
            .await?;
        }
        m.alter_table(
            Table::alter()
                .table(IdeaStatusChanges::Table)
                .add_column(
                    ColumnDef::new(IdeaStatusChanges::SystemNote)
                        .string()
                        .null(),
                )
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        note_merges(m).await?;
        db.execute_unprepared(
            "UPDATE remedies SET description = '' \
             WHERE (kind = 'month_free' AND description = 'One month free') \
                OR (kind = 'credit' AND description LIKE 'A credit of % won')",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}

/// Marks the merge notes written before this migration.
async fn note_merges(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = m.get_connection();
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT id, explanation_md FROM idea_status_changes \
             WHERE explanation_md LIKE 'Merged into [#%' \
                OR explanation_md LIKE 'Unmerged from [#%'"
                .to_owned(),
        ))
        .await?;
    for row in rows {
        let id: i32 = row.try_get_by_index(0)?;
        let text: String = row.try_get_by_index(1)?;
        let (kind, rest) = match text.strip_prefix("Merged into [#") {
            Some(rest) => ("merged_into", rest),
            None => (
                "unmerged_from",
                text.strip_prefix("Unmerged from [#").unwrap_or_default(),
            ),
        };
        let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if number.is_empty() {
            continue;
        }
        let update = Query::update()
            .table(IdeaStatusChanges::Table)
            .value(IdeaStatusChanges::SystemNote, format!("{kind}:{number}"))
            .and_where(Expr::col(IdeaStatusChanges::Id).eq(id))
            .to_owned();
        db.execute(&update).await?;
    }
    Ok(())
}

#[derive(DeriveIden)]
enum IdeaStatusChanges {
    Table,
    Id,
    SystemNote,
}

#[derive(DeriveIden)]
enum Departments {
    Table,
    NameEn,
    DescriptionEn,
}

#[derive(DeriveIden)]
enum Categories {
    Table,
    NameEn,
}

#[derive(DeriveIden)]
enum Guidelines {
    Table,
    TextEn,
}

#[derive(DeriveIden)]
enum CannedAnswers {
    Table,
    TitleEn,
    BodyMdEn,
}
