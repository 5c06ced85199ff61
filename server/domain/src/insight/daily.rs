//! Activity per day: counted by the database over the tables members
//! write to, and stored once a day is over.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use shared::insight::DayFigures;

use super::range::Range;
use crate::{Ctx, Error, Result};

/// The members whose activity the figures leave out: staff, whose own
/// tickets, ratings, votes and marks would otherwise flatter the company.
pub(super) const STAFF_MEMBERS: &str =
    "SELECT id FROM users WHERE role IN ('employee', 'moderator', 'admin')";

/// `column` within the range, with the bounds as bound parameters.
pub(super) fn within(backend: DbBackend, column: &str, first: usize) -> String {
    match backend {
        DbBackend::Postgres => format!("{column} >= ${first} AND {column} < ${}", first + 1),
        _ => format!("{column} >= ? AND {column} < ?"),
    }
}

/// Runs a `SELECT key, COUNT(*) … WHERE {range} …` over `created_at` and
/// returns the (key, count) rows.
pub(super) async fn grouped(ctx: &Ctx, sql: &str, range: Range) -> Result<Vec<(i32, i64)>> {
    let backend = ctx.db.get_database_backend();
    let statement = Statement::from_sql_and_values(
        backend,
        sql.replace("{range}", &within(backend, "created_at", 1)),
        [range.start.into(), range.end.into()],
    );
    let rows = ctx.db.query_all_raw(statement).await?;
    rows.iter()
        .map(|row| {
            let key: i32 = row.try_get_by_index(0)?;
            let n: i64 = row.try_get_by_index(1)?;
            Ok((key, n))
        })
        .collect::<std::result::Result<Vec<_>, sea_orm::DbErr>>()
        .map_err(Error::from)
}

/// Customer activity per day, staff left out. A finished day is counted
/// once and stored (`insight_days`, which the database's triggers empty of
/// any day whose rows change); today, and days the store has forgotten,
/// are counted from the rows.
pub(super) async fn daily_figures(ctx: &Ctx, range: Range) -> Result<Vec<DayFigures>> {
    let today = ctx.settings.today(ctx.clock.now());
    let mut stored = stored_days(ctx, &range).await?;
    let mut figures = Vec::new();
    for day in range.days() {
        let key = day.format("%Y-%m-%d").to_string();
        let counted = match stored.remove(&key) {
            Some(known) => known,
            None if day < today => count_and_store(ctx, day, &key).await?,
            None => count_day(&ctx.db, Range::new(day, day, &ctx.settings), key).await?,
        };
        figures.push(counted);
    }
    Ok(figures)
}

/// The calendar a stored day belongs to: the company's time zone, whose
/// midnights cut the days.
fn calendar(range: &Range) -> &'static str {
    range.zone.name()
}

/// The stored days of the range.
async fn stored_days(ctx: &Ctx, range: &Range) -> Result<HashMap<String, DayFigures>> {
    let backend = ctx.db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => {
            "SELECT day, ideas, tickets, comments, votes, active_members FROM insight_days \
             WHERE calendar = $1 AND day BETWEEN $2 AND $3"
        }
        _ => {
            "SELECT day, ideas, tickets, comments, votes, active_members FROM insight_days \
             WHERE calendar = ? AND day BETWEEN ? AND ?"
        }
    };
    let rows = ctx
        .db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [
                calendar(range).into(),
                range.from.format("%Y-%m-%d").to_string().into(),
                range.to.format("%Y-%m-%d").to_string().into(),
            ],
        ))
        .await?;
    rows.iter()
        .map(|row| {
            let day: String = row.try_get_by_index(0)?;
            Ok((
                day.clone(),
                DayFigures {
                    day,
                    ideas: row.try_get_by_index(1)?,
                    tickets: row.try_get_by_index(2)?,
                    comments: row.try_get_by_index(3)?,
                    votes: row.try_get_by_index(4)?,
                    active_members: row.try_get_by_index(5)?,
                },
            ))
        })
        .collect::<std::result::Result<HashMap<_, _>, sea_orm::DbErr>>()
        .map_err(Error::from)
}

/// Counts a finished day and stores it, in one write transaction. On
/// `PostgreSQL` the store is locked first, so a row written meanwhile
/// either is counted here or its trigger waits and forgets this day;
/// `SQLite` has one writer at a time, which gives the same.
async fn count_and_store(ctx: &Ctx, day: NaiveDate, key: &str) -> Result<DayFigures> {
    let range = Range::new(day, day, &ctx.settings);
    let txn = ctx.begin_write().await?;
    let backend = txn.get_database_backend();
    if backend == DbBackend::Postgres {
        txn.execute_unprepared("LOCK TABLE insight_days IN EXCLUSIVE MODE")
            .await?;
    }
    let figures = count_day(&txn, range, key.to_owned()).await?;
    let sql = match backend {
        DbBackend::Postgres => {
            "INSERT INTO insight_days (day, calendar, ideas, tickets, comments, votes, active_members) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (day, calendar) DO UPDATE SET \
             ideas = excluded.ideas, tickets = excluded.tickets, comments = excluded.comments, \
             votes = excluded.votes, active_members = excluded.active_members"
        }
        _ => {
            "INSERT INTO insight_days (day, calendar, ideas, tickets, comments, votes, active_members) \
             VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (day, calendar) DO UPDATE SET \
             ideas = excluded.ideas, tickets = excluded.tickets, comments = excluded.comments, \
             votes = excluded.votes, active_members = excluded.active_members"
        }
    };
    txn.execute_raw(Statement::from_sql_and_values(
        backend,
        sql,
        [
            key.into(),
            calendar(&range).into(),
            figures.ideas.into(),
            figures.tickets.into(),
            figures.comments.into(),
            figures.votes.into(),
            figures.active_members.into(),
        ],
    ))
    .await?;
    txn.commit().await?;
    Ok(figures)
}

/// One day's customer activity, counted from the rows by the database: one
/// pass over the five tables members write to, staff left out.
async fn count_day(db: &impl ConnectionTrait, range: Range, day: String) -> Result<DayFigures> {
    let backend = db.get_database_backend();
    // The first SELECT names the columns for the whole UNION.
    let sources = [
        ("ideas", "author_id", "1 AS i, 0 AS t, 0 AS c, 0 AS v", ""),
        ("tickets", "author_id", "0, 1, 0, 0", ""),
        ("idea_comments", "author_id", "0, 0, 1, 0", ""),
        ("idea_votes", "user_id", "0, 0, 0, 1", ""),
        (
            "ticket_posts",
            "author_id",
            "0, 0, 0, 0",
            "kind <> 'internal' AND ",
        ),
    ];
    let mut values = Vec::new();
    let parts: Vec<String> = sources
        .iter()
        .map(|(table, member, flags, extra)| {
            let first = values.len() + 1;
            values.push(range.start.into());
            values.push(range.end.into());
            format!(
                "SELECT {member} AS uid, {flags} FROM {table} WHERE {extra}{member} NOT IN ({STAFF_MEMBERS}) AND {}",
                within(backend, "created_at", first)
            )
        })
        .collect();
    let sql = format!(
        "SELECT COALESCE(SUM(i), 0), COALESCE(SUM(t), 0), COALESCE(SUM(c), 0), COALESCE(SUM(v), 0), \
         COUNT(DISTINCT uid) FROM ({}) x",
        parts.join(" UNION ALL ")
    );
    let row = db
        .query_one_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?;
    let number = |i: usize| -> std::result::Result<i64, sea_orm::DbErr> {
        let Some(row) = &row else { return Ok(0) };
        row.try_get_by_index::<i64>(i)
            .or_else(|_| row.try_get_by_index::<i32>(i).map(i64::from))
            .or_else(|_| {
                row.try_get_by_index::<sea_orm::prelude::Decimal>(i)
                    .map(|d| i64::try_from(d).unwrap_or(0))
            })
    };
    Ok(DayFigures {
        day,
        ideas: number(0)?,
        tickets: number(1)?,
        comments: number(2)?,
        votes: number(3)?,
        active_members: number(4)?,
    })
}
