//! Insights: the managers' dashboard (admins) and the public scorecard.
//! Figures are computed from the rows of one range of UTC days, fetched by
//! indexed `created_at`/`resolved_at` ranges, so they stay fast on a large
//! board and mean exactly what their definitions below say.
//!
//! Definitions: a ticket's first-response time runs from filing to the first
//! staff answer; the promise is met when that answer came by the stored
//! deadline and breached when it came later or has not come and the deadline
//! passed; percentiles are nearest-rank; commitments count by where the
//! promises made in the range stand now.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QuerySelect, Statement,
};
use shared::insight::{
    CommitmentFigures, Dashboard, DashboardQuery, DayFigures, DepartmentFigures,
    DepartmentParticipation, DurationFigures, MeTooTicket, MonthCount, SatisfactionFigures,
    Scorecard, StaffParticipation, TrendingIdea,
};
use shared::ticket::ticket_number;

use crate::actor::Actor;
use crate::entity::{
    commitment, department, idea, idea_status_change, ticket, ticket_me_too, user,
};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result};

/// Longest range the dashboard computes at once.
const MAX_DAYS: i64 = 366;
/// Days on the public scorecard.
const SCORECARD_DAYS: i64 = 30;
/// Rows in the top lists.
const TOP: usize = 5;

/// An inclusive range of UTC days and its half-open instants.
#[derive(Clone, Copy)]
struct Range {
    from: NaiveDate,
    to: NaiveDate,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

impl Range {
    fn new(from: NaiveDate, to: NaiveDate) -> Self {
        let start = from.and_time(chrono::NaiveTime::MIN).and_utc();
        let end = (to + Duration::days(1))
            .and_time(chrono::NaiveTime::MIN)
            .and_utc();
        Range {
            from,
            to,
            start,
            end,
        }
    }

    fn contains(&self, at: DateTime<Utc>) -> bool {
        self.start <= at && at < self.end
    }

    fn days(&self) -> Vec<NaiveDate> {
        self.from
            .iter_days()
            .take_while(|d| *d <= self.to)
            .collect()
    }
}

fn parse_day(field: &str, raw: Option<&str>) -> Result<Option<NaiveDate>> {
    match raw.map(str::trim).filter(|r| !r.is_empty()) {
        None => Ok(None),
        Some(raw) => NaiveDate::parse_from_str(raw, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| Error::invalid(field, "must be a date like 2026-11-26")),
    }
}

fn range_of(query: &DashboardQuery, now: DateTime<Utc>) -> Result<Range> {
    let to = parse_day("to", query.to.as_deref())?.unwrap_or_else(|| now.date_naive());
    let days = query.days.unwrap_or(30);
    if !(1..=MAX_DAYS).contains(&days) {
        return Err(Error::invalid(
            "days",
            format!("must be between 1 and {MAX_DAYS}"),
        ));
    }
    let from = parse_day("from", query.from.as_deref())?.unwrap_or(to - Duration::days(days - 1));
    if from > to {
        return Err(Error::invalid("from", "must not be after `to`"));
    }
    if (to - from).num_days() >= MAX_DAYS {
        return Err(Error::invalid(
            "from",
            format!("the range may span at most {MAX_DAYS} days"),
        ));
    }
    Ok(Range::new(from, to))
}

/// The value at nearest rank `ceil(p × n)` of sorted values.
fn nearest_rank(sorted: &[i64], percent: usize) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (sorted.len() * percent).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

fn durations(mut minutes: Vec<i64>) -> DurationFigures {
    minutes.sort_unstable();
    DurationFigures {
        count: i64::try_from(minutes.len()).unwrap_or(i64::MAX),
        median_minutes: nearest_rank(&minutes, 50),
        p90_minutes: nearest_rank(&minutes, 90),
    }
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn percent(part: i64, whole: i64) -> Option<f64> {
    #[allow(clippy::cast_precision_loss)]
    (whole > 0).then(|| (part as f64) * 100.0 / (whole as f64))
}

/// Tickets filed in the range.
async fn tickets_filed(ctx: &Ctx, range: Range) -> Result<Vec<ticket::Model>> {
    Ok(ticket::Entity::find()
        .filter(ticket::Column::CreatedAt.gte(range.start))
        .filter(ticket::Column::CreatedAt.lt(range.end))
        .all(&ctx.db)
        .await?)
}

/// First answers and promises per department, for tickets filed in the range.
fn department_figures(
    departments: &[department::Model],
    filed: &[ticket::Model],
    now: DateTime<Utc>,
) -> Vec<DepartmentFigures> {
    departments
        .iter()
        .map(|d| {
            let mine: Vec<&ticket::Model> = filed
                .iter()
                .filter(|t| t.department_id == Some(d.id))
                .collect();
            let minutes: Vec<i64> = mine
                .iter()
                .filter_map(|t| {
                    t.first_response_at
                        .map(|at| (at - t.created_at).num_minutes())
                })
                .collect();
            let (mut met, mut breached) = (0, 0);
            for t in &mine {
                match (t.first_response_at, t.sla_due_at) {
                    (Some(answered), Some(due)) if answered <= due => met += 1,
                    (Some(_), Some(_)) => breached += 1,
                    (None, Some(due)) if due < now => breached += 1,
                    _ => {}
                }
            }
            let stats = durations(minutes);
            DepartmentFigures {
                slug: d.slug.clone(),
                name: d.name.clone(),
                target_minutes: i64::from(d.first_response_minutes),
                answered: stats.count,
                median_minutes: stats.median_minutes,
                p90_minutes: stats.p90_minutes,
                sla_met: met,
                sla_breached: breached,
                sla_percent: percent(met, met + breached),
            }
        })
        .collect()
}

fn first_response(filed: &[ticket::Model]) -> DurationFigures {
    durations(
        filed
            .iter()
            .filter_map(|t| {
                t.first_response_at
                    .map(|at| (at - t.created_at).num_minutes())
            })
            .collect(),
    )
}

async fn all_departments(ctx: &Ctx) -> Result<Vec<department::Model>> {
    let mut rows = department::Entity::find().all(&ctx.db).await?;
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(rows)
}

async fn commitment_figures(ctx: &Ctx, range: Range) -> Result<CommitmentFigures> {
    let now = ctx.clock.now();
    let rows = commitment::Entity::find()
        .filter(commitment::Column::CreatedAt.gte(range.start))
        .filter(commitment::Column::CreatedAt.lt(range.end))
        .all(&ctx.db)
        .await?;
    let mut figures = CommitmentFigures::default();
    for row in &rows {
        match crate::commitment::status_of(row, now) {
            "kept"
                if row
                    .settled_at
                    .is_some_and(|at| crate::commitment::today(at) <= row.due_on) =>
            {
                figures.kept_on_time += 1;
            }
            "kept" => figures.kept_late += 1,
            "withdrawn" => figures.withdrawn += 1,
            "overdue" => figures.overdue += 1,
            _ => figures.pending += 1,
        }
    }
    Ok(figures)
}

/// Status changes to done in the range, per `YYYY-MM`.
async fn delivered(ctx: &Ctx, range: Range) -> Result<Vec<MonthCount>> {
    let times: Vec<DateTime<Utc>> = idea_status_change::Entity::find()
        .select_only()
        .column(idea_status_change::Column::CreatedAt)
        .filter(idea_status_change::Column::ToStatus.eq("done"))
        .filter(idea_status_change::Column::CreatedAt.gte(range.start))
        .filter(idea_status_change::Column::CreatedAt.lt(range.end))
        .into_tuple()
        .all(&ctx.db)
        .await?;
    let mut months: BTreeMap<String, i64> = BTreeMap::new();
    for at in times {
        *months.entry(at.format("%Y-%m").to_string()).or_default() += 1;
    }
    Ok(months
        .into_iter()
        .map(|(month, count)| MonthCount { month, count })
        .collect())
}

async fn resolved(ctx: &Ctx, range: Range) -> Result<Vec<ticket::Model>> {
    Ok(ticket::Entity::find()
        .filter(ticket::Column::ResolvedAt.gte(range.start))
        .filter(ticket::Column::ResolvedAt.lt(range.end))
        .all(&ctx.db)
        .await?)
}

/// The UTC day of a timestamp column (text `YYYY-MM-DD` once cast), in
/// each database's words (SQLite stores RFC 3339 text in UTC).
fn day_of(backend: DbBackend, column: &str) -> String {
    match backend {
        DbBackend::Postgres => format!("CAST(({column} AT TIME ZONE 'UTC') AS DATE)"),
        _ => format!("substr({column}, 1, 10)"),
    }
}

/// `column` within the range, with the bounds as bound parameters.
fn within(backend: DbBackend, column: &str, first: usize) -> String {
    match backend {
        DbBackend::Postgres => format!("{column} >= ${first} AND {column} < ${}", first + 1),
        _ => format!("{column} >= ? AND {column} < ?"),
    }
}

/// Runs a `SELECT key, COUNT(*) … WHERE {range} …` over `created_at` and
/// returns the (key, count) rows.
async fn grouped(ctx: &Ctx, sql: &str, range: Range) -> Result<Vec<(i32, i64)>> {
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

/// Activity per day, counted by the database: one grouped pass over the
/// five tables members write to.
async fn daily_figures(ctx: &Ctx, range: Range) -> Result<Vec<DayFigures>> {
    let backend = ctx.db.get_database_backend();
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
                "SELECT {} AS day, {member} AS uid, {flags} FROM {table} WHERE {extra}{}",
                day_of(backend, "created_at"),
                within(backend, "created_at", first)
            )
        })
        .collect();
    let sql = format!(
        "SELECT CAST(day AS TEXT), SUM(i), SUM(t), SUM(c), SUM(v), COUNT(DISTINCT uid) FROM ({}) x GROUP BY day",
        parts.join(" UNION ALL ")
    );
    let rows = ctx
        .db
        .query_all_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?;
    let mut by_day: HashMap<String, DayFigures> = HashMap::new();
    for row in rows {
        let day: String = row.try_get_by_index(0)?;
        let number = |i: usize| -> std::result::Result<i64, sea_orm::DbErr> {
            row.try_get_by_index::<i64>(i)
                .or_else(|_| row.try_get_by_index::<i32>(i).map(i64::from))
                .or_else(|_| {
                    row.try_get_by_index::<sea_orm::prelude::Decimal>(i)
                        .map(|d| i64::try_from(d).unwrap_or(0))
                })
        };
        by_day.insert(
            day.clone(),
            DayFigures {
                day,
                ideas: number(1)?,
                tickets: number(2)?,
                comments: number(3)?,
                votes: number(4)?,
                active_members: number(5)?,
            },
        );
    }
    Ok(range
        .days()
        .into_iter()
        .map(|day| {
            let key = day.format("%Y-%m-%d").to_string();
            by_day.remove(&key).unwrap_or(DayFigures {
                day: key,
                ideas: 0,
                tickets: 0,
                comments: 0,
                votes: 0,
                active_members: 0,
            })
        })
        .collect())
}

/// The managers' dashboard for a range (admins: the managers of PRODUCT.md).
pub async fn dashboard(ctx: &Ctx, actor: &Actor, query: &DashboardQuery) -> Result<Dashboard> {
    policy::authorize(actor, Action::ReadDashboard, Scope::Others)?;
    let now = ctx.clock.now();
    let range = range_of(query, now)?;
    let db = &ctx.db;

    let daily = daily_figures(ctx, range).await?;
    let filed = tickets_filed(ctx, range).await?;

    // Trending: votes gained in the range.
    let top: Vec<(i32, i64)> = grouped(
        ctx,
        "SELECT idea_id, COUNT(*) AS n FROM idea_votes WHERE {range} GROUP BY idea_id ORDER BY n DESC, idea_id LIMIT 5",
        range,
    )
    .await?;
    let titles: HashMap<i32, String> = if top.is_empty() {
        HashMap::new()
    } else {
        idea::Entity::find()
            .filter(idea::Column::Id.is_in(top.iter().map(|(id, _)| *id)))
            .all(db)
            .await?
            .into_iter()
            .map(|i| (i.id, i.title))
            .collect()
    };
    let trending = top
        .into_iter()
        .map(|(id, votes_gained)| TrendingIdea {
            number: i64::from(id),
            title: titles.get(&id).cloned().unwrap_or_default(),
            votes_gained,
        })
        .collect();

    // "Me too" marks in the range.
    let marks: Vec<i32> = ticket_me_too::Entity::find()
        .select_only()
        .column(ticket_me_too::Column::TicketId)
        .filter(ticket_me_too::Column::CreatedAt.gte(range.start))
        .filter(ticket_me_too::Column::CreatedAt.lt(range.end))
        .into_tuple()
        .all(db)
        .await?;
    let mut per_ticket: HashMap<i32, i64> = HashMap::new();
    for id in marks {
        *per_ticket.entry(id).or_default() += 1;
    }
    let mut loud: Vec<(i32, i64)> = per_ticket.into_iter().collect();
    loud.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    loud.truncate(TOP);
    let departments = all_departments(ctx).await?;
    let slug_of: HashMap<i32, String> =
        departments.iter().map(|d| (d.id, d.slug.clone())).collect();
    let loud_tickets: HashMap<i32, ticket::Model> = if loud.is_empty() {
        HashMap::new()
    } else {
        ticket::Entity::find()
            .filter(ticket::Column::Id.is_in(loud.iter().map(|(id, _)| *id)))
            .all(db)
            .await?
            .into_iter()
            .map(|t| (t.id, t))
            .collect()
    };
    let me_too = loud
        .into_iter()
        .filter_map(|(id, marks)| {
            loud_tickets.get(&id).map(|t| MeTooTicket {
                number: ticket_number(i64::from(id)),
                title: t.title.clone(),
                department: t.department_id.and_then(|d| slug_of.get(&d).cloned()),
                marks,
            })
        })
        .collect();

    // Participation: every staff member, also those with no answers.
    let staff: Vec<user::Model> = user::Entity::find()
        .filter(user::Column::Role.is_in(["employee", "moderator", "admin"]))
        .filter(user::Column::DeletedAt.is_null())
        .all(db)
        .await?;
    let per_author = |rows: Vec<(i32, i64)>| rows.into_iter().collect::<HashMap<i32, i64>>();
    let replies = per_author(
        grouped(
            ctx,
            "SELECT author_id, COUNT(*) FROM ticket_posts WHERE kind = 'reply' AND {range} GROUP BY author_id",
            range,
        )
        .await?,
    );
    let decisions = per_author(
        grouped(
            ctx,
            "SELECT by_id, COUNT(*) FROM idea_status_changes WHERE {range} GROUP BY by_id",
            range,
        )
        .await?,
    );
    let staff_ids: Vec<String> = staff.iter().map(|s| s.id.to_string()).collect();
    let comments = if staff_ids.is_empty() {
        HashMap::new()
    } else {
        per_author(
            grouped(
                ctx,
                &format!(
                    "SELECT author_id, COUNT(*) FROM idea_comments WHERE author_id IN ({}) AND {{range}} GROUP BY author_id",
                    staff_ids.join(", ")
                ),
                range,
            )
            .await?,
        )
    };
    let mut participation: Vec<StaffParticipation> = staff
        .iter()
        .map(|s| {
            let get = |m: &HashMap<i32, i64>| m.get(&s.id).copied().unwrap_or(0);
            let (replied, decided, commented) = (get(&replies), get(&decisions), get(&comments));
            StaffParticipation {
                id: i64::from(s.id),
                display_name: s.display_name.clone(),
                department: s.department_id.and_then(|d| slug_of.get(&d).cloned()),
                replies: replied,
                decisions: decided,
                comments: commented,
                total: replied + decided + commented,
            }
        })
        .collect();
    participation.sort_by(|a, b| {
        b.total
            .cmp(&a.total)
            .then(a.display_name.cmp(&b.display_name))
    });
    let department_participation = departments
        .iter()
        .map(|d| {
            let members: Vec<&StaffParticipation> = participation
                .iter()
                .filter(|p| p.department.as_deref() == Some(d.slug.as_str()))
                .collect();
            DepartmentParticipation {
                slug: d.slug.clone(),
                name: d.name.clone(),
                staff: count(members.len()),
                staff_answering: count(members.iter().filter(|p| p.total > 0).count()),
                answers: members.iter().map(|p| p.total).sum(),
            }
        })
        .collect();

    let resolved = resolved(ctx, range).await?;
    let ratings: Vec<i32> = resolved.iter().filter_map(|t| t.rating_score).collect();
    #[allow(clippy::cast_precision_loss)]
    let satisfaction = SatisfactionFigures {
        count: count(ratings.len()),
        average: (!ratings.is_empty())
            .then(|| f64::from(ratings.iter().sum::<i32>()) / ratings.len() as f64),
    };
    Ok(Dashboard {
        from: range.from.format("%Y-%m-%d").to_string(),
        to: range.to.format("%Y-%m-%d").to_string(),
        daily,
        departments: department_figures(&departments, &filed, now),
        first_response: first_response(&filed),
        resolution: durations(
            resolved
                .iter()
                .filter_map(|t| t.resolved_at.map(|at| (at - t.created_at).num_minutes()))
                .collect(),
        ),
        satisfaction,
        commitments: commitment_figures(ctx, range).await?,
        delivered: delivered(ctx, range).await?,
        trending,
        me_too,
        participation,
        department_participation,
    })
}

/// The dashboard's tables, by the name used in `/api/v1/dashboard/{table}.csv`.
pub const TABLES: [&str; 9] = [
    "daily",
    "departments",
    "durations",
    "commitments",
    "delivered",
    "trending",
    "me_too",
    "participation",
    "department_participation",
];

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// One dashboard table as CSV (admins), the same figures as the JSON.
pub async fn csv(ctx: &Ctx, actor: &Actor, query: &DashboardQuery, table: &str) -> Result<String> {
    if !TABLES.contains(&table) {
        return Err(Error::NotFound(format!(
            "no dashboard table `{table}`; the tables are {}",
            TABLES.join(", ")
        )));
    }
    let d = dashboard(ctx, actor, query).await?;
    let mut out = String::new();
    let mut push = |fields: Vec<String>| out.push_str(&crate::csv::line(&fields));
    let s = |v: &str| v.to_owned();
    match table {
        "daily" => {
            push(
                [
                    "day",
                    "ideas",
                    "tickets",
                    "comments",
                    "votes",
                    "active_members",
                ]
                .map(s)
                .to_vec(),
            );
            for r in &d.daily {
                push(vec![
                    r.day.clone(),
                    r.ideas.to_string(),
                    r.tickets.to_string(),
                    r.comments.to_string(),
                    r.votes.to_string(),
                    r.active_members.to_string(),
                ]);
            }
        }
        "departments" => {
            push(
                [
                    "department",
                    "target_minutes",
                    "answered",
                    "median_minutes",
                    "p90_minutes",
                    "sla_met",
                    "sla_breached",
                    "sla_percent",
                ]
                .map(s)
                .to_vec(),
            );
            for r in &d.departments {
                push(vec![
                    r.name.clone(),
                    r.target_minutes.to_string(),
                    r.answered.to_string(),
                    opt(r.median_minutes),
                    opt(r.p90_minutes),
                    r.sla_met.to_string(),
                    r.sla_breached.to_string(),
                    opt(r.sla_percent.map(|p| format!("{p:.1}"))),
                ]);
            }
        }
        "durations" => {
            push(
                [
                    "figure",
                    "count",
                    "median_minutes",
                    "p90_minutes",
                    "average",
                ]
                .map(s)
                .to_vec(),
            );
            for (name, f) in [
                ("first_response", &d.first_response),
                ("resolution", &d.resolution),
            ] {
                push(vec![
                    name.to_owned(),
                    f.count.to_string(),
                    opt(f.median_minutes),
                    opt(f.p90_minutes),
                    String::new(),
                ]);
            }
            push(vec![
                "satisfaction".to_owned(),
                d.satisfaction.count.to_string(),
                String::new(),
                String::new(),
                opt(d.satisfaction.average.map(|a| format!("{a:.2}"))),
            ]);
        }
        "commitments" => {
            let c = &d.commitments;
            push(
                [
                    "pending",
                    "kept_on_time",
                    "kept_late",
                    "overdue",
                    "withdrawn",
                ]
                .map(s)
                .to_vec(),
            );
            push(
                [
                    c.pending,
                    c.kept_on_time,
                    c.kept_late,
                    c.overdue,
                    c.withdrawn,
                ]
                .map(|n| n.to_string())
                .to_vec(),
            );
        }
        "delivered" => {
            push(["month", "ideas_delivered"].map(s).to_vec());
            for r in &d.delivered {
                push(vec![r.month.clone(), r.count.to_string()]);
            }
        }
        "trending" => {
            push(["number", "title", "votes_gained"].map(s).to_vec());
            for r in &d.trending {
                push(vec![
                    r.number.to_string(),
                    r.title.clone(),
                    r.votes_gained.to_string(),
                ]);
            }
        }
        "me_too" => {
            push(["ticket", "title", "department", "marks"].map(s).to_vec());
            for r in &d.me_too {
                push(vec![
                    r.number.clone(),
                    r.title.clone(),
                    opt(r.department.clone()),
                    r.marks.to_string(),
                ]);
            }
        }
        "participation" => {
            push(
                [
                    "member_id",
                    "name",
                    "department",
                    "replies",
                    "decisions",
                    "comments",
                    "total",
                ]
                .map(s)
                .to_vec(),
            );
            for r in &d.participation {
                push(vec![
                    r.id.to_string(),
                    r.display_name.clone(),
                    opt(r.department.clone()),
                    r.replies.to_string(),
                    r.decisions.to_string(),
                    r.comments.to_string(),
                    r.total.to_string(),
                ]);
            }
        }
        _ => {
            push(
                ["department", "staff", "staff_answering", "answers"]
                    .map(s)
                    .to_vec(),
            );
            for r in &d.department_participation {
                push(vec![
                    r.name.clone(),
                    r.staff.to_string(),
                    r.staff_answering.to_string(),
                    r.answers.to_string(),
                ]);
            }
        }
    }
    Ok(out)
}

/// The public scorecard over the last 30 days (anyone).
pub async fn scorecard(ctx: &Ctx) -> Result<Scorecard> {
    let now = ctx.clock.now();
    let to = now.date_naive();
    let range = Range::new(to - Duration::days(SCORECARD_DAYS - 1), to);
    let filed = tickets_filed(ctx, range).await?;
    let departments = all_departments(ctx).await?;
    let promises = commitment_figures(ctx, range).await?;
    let counted = promises.kept_on_time + promises.kept_late + promises.overdue;
    let resolved = resolved(ctx, range).await?;
    let ideas_delivered = delivered(ctx, range).await?.iter().map(|m| m.count).sum();
    Ok(Scorecard {
        from: range.from.format("%Y-%m-%d").to_string(),
        to: range.to.format("%Y-%m-%d").to_string(),
        median_first_response_minutes: first_response(&filed).median_minutes,
        commitments_kept_on_time_percent: percent(promises.kept_on_time, counted),
        commitments_counted: counted,
        ideas_delivered,
        tickets_resolved: count(
            resolved
                .iter()
                .filter(|t| t.resolved_at.is_some_and(|at| range.contains(at)))
                .count(),
        ),
        departments: department_figures(&departments, &filed, now),
    })
}

#[cfg(test)]
mod tests {
    use super::nearest_rank;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let values = [5, 10, 20, 40, 80];
        assert_eq!(nearest_rank(&values, 50), Some(20));
        assert_eq!(nearest_rank(&values, 90), Some(80));
        assert_eq!(nearest_rank(&[7, 9], 50), Some(7));
        assert_eq!(nearest_rank(&[], 50), None);
    }
}
