//! Business hours and holidays: a department's hours per weekday and its
//! time zone (none: around the clock, in the company's zone), the holiday
//! calendar (the Korean public holidays of 2026–2027 to start with; admins
//! edit it), and on each response clock the hours it was promised under
//! and the business minutes it took, so a later change of hours does not
//! rewrite a promise already made.

use sea_orm_migration::{
    prelude::*,
    schema::{
        date, integer_null, pk_auto, string, string_null, text_null, timestamp_with_time_zone_null,
    },
};

/// The public holidays of the Republic of Korea (관공서의 공휴일에 관한
/// 규정), substitute holidays included: date, Korean name, English name.
pub const KOREAN_PUBLIC_HOLIDAYS: [(&str, &str, &str); 40] = [
    ("2026-01-01", "신정", "New Year's Day"),
    ("2026-02-16", "설날 연휴", "Seollal"),
    ("2026-02-17", "설날", "Seollal"),
    ("2026-02-18", "설날 연휴", "Seollal"),
    ("2026-03-01", "삼일절", "Independence Movement Day"),
    ("2026-03-02", "대체공휴일", "Substitute holiday"),
    ("2026-05-05", "어린이날", "Children's Day"),
    ("2026-05-24", "부처님 오신 날", "Buddha's Birthday"),
    ("2026-05-25", "대체공휴일", "Substitute holiday"),
    ("2026-06-03", "전국동시지방선거", "Local elections"),
    ("2026-06-06", "현충일", "Memorial Day"),
    ("2026-08-15", "광복절", "Liberation Day"),
    ("2026-08-17", "대체공휴일", "Substitute holiday"),
    ("2026-09-24", "추석 연휴", "Chuseok"),
    ("2026-09-25", "추석", "Chuseok"),
    ("2026-09-26", "추석 연휴", "Chuseok"),
    ("2026-10-03", "개천절", "National Foundation Day"),
    ("2026-10-05", "대체공휴일", "Substitute holiday"),
    ("2026-10-09", "한글날", "Hangul Day"),
    ("2026-12-25", "성탄절", "Christmas Day"),
    ("2027-01-01", "신정", "New Year's Day"),
    ("2027-02-06", "설날 연휴", "Seollal"),
    ("2027-02-07", "설날", "Seollal"),
    ("2027-02-08", "설날 연휴", "Seollal"),
    ("2027-02-09", "대체공휴일", "Substitute holiday"),
    ("2027-03-01", "삼일절", "Independence Movement Day"),
    ("2027-05-05", "어린이날", "Children's Day"),
    ("2027-05-13", "부처님 오신 날", "Buddha's Birthday"),
    ("2027-06-06", "현충일", "Memorial Day"),
    ("2027-08-15", "광복절", "Liberation Day"),
    ("2027-08-16", "대체공휴일", "Substitute holiday"),
    ("2027-09-14", "추석 연휴", "Chuseok"),
    ("2027-09-15", "추석", "Chuseok"),
    ("2027-09-16", "추석 연휴", "Chuseok"),
    ("2027-10-03", "개천절", "National Foundation Day"),
    ("2027-10-04", "대체공휴일", "Substitute holiday"),
    ("2027-10-09", "한글날", "Hangul Day"),
    ("2027-10-11", "대체공휴일", "Substitute holiday"),
    ("2027-12-25", "성탄절", "Christmas Day"),
    ("2027-12-27", "대체공휴일", "Substitute holiday"),
];

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        for column in [
            text_null(Departments::BusinessHours),
            string_null(Departments::TimeZone),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Departments::Table)
                    .add_column(column)
                    .to_owned(),
            )
            .await?;
        }
        for column in [
            text_null(TicketClocks::BusinessHours),
            string_null(TicketClocks::TimeZone),
            timestamp_with_time_zone_null(TicketClocks::CountsFrom),
            integer_null(TicketClocks::BusinessMinutes),
        ] {
            m.alter_table(
                Table::alter()
                    .table(TicketClocks::Table)
                    .add_column(column)
                    .to_owned(),
            )
            .await?;
        }
        m.create_table(
            Table::create()
                .table(Holidays::Table)
                .col(pk_auto(Holidays::Id))
                .col(date(Holidays::Day).unique_key())
                .col(string(Holidays::Name))
                .col(string(Holidays::NameEn))
                .to_owned(),
        )
        .await?;
        let mut insert = Query::insert()
            .into_table(Holidays::Table)
            .columns([Holidays::Day, Holidays::Name, Holidays::NameEn])
            .to_owned();
        for (day, name, name_en) in KOREAN_PUBLIC_HOLIDAYS {
            let day = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .map_err(|e| DbErr::Custom(format!("holiday {day}: {e}")))?;
            insert
                .values([day.into(), name.into(), name_en.into()])
                .map_err(|e| DbErr::Custom(format!("holiday {day}: {e}")))?;
        }
        m.exec_stmt(insert).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Holidays::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Departments {
    Table,
    BusinessHours,
    TimeZone,
}

#[derive(DeriveIden)]
enum TicketClocks {
    Table,
    BusinessHours,
    TimeZone,
    CountsFrom,
    BusinessMinutes,
}

#[derive(DeriveIden)]
enum Holidays {
    Table,
    Id,
    Day,
    Name,
    NameEn,
}
