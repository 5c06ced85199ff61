//! The dashboard's tables as CSV, one table per download.

use shared::insight::DashboardQuery;

use super::dashboard::dashboard;
use crate::actor::Actor;
use crate::{Ctx, Error, Result};

/// The dashboard's tables, by the name used in `/api/v1/dashboard/{table}.csv`.
pub const TABLES: [&str; 11] = [
    "daily",
    "departments",
    "durations",
    "commitments",
    "delivered",
    "trending",
    "me_too",
    "participation",
    "department_participation",
    "quality",
    "department_quality",
];

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// One dashboard table as CSV (admins), the same figures as the JSON.
pub async fn csv(ctx: &Ctx, actor: &Actor, query: &DashboardQuery, table: &str) -> Result<String> {
    if !TABLES.contains(&table) {
        return Err(Error::NotFound(crate::msg!(
            "not_found.no_dashboard_table_tables_are",
            table = table,
            join = TABLES.join(", ")
        )));
    }
    let d = dashboard(ctx, actor, query).await?;
    let mut out = String::new();
    let mut push = |fields: Vec<String>| out.push_str(&crate::csv::line(&fields));
    // Headers in the reader's language; English keeps the field names.
    let locale = crate::i18n::request_locale();
    let s = |column: &str| crate::i18n::word(locale, "csv", column);
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
        "quality" | "department_quality" => {
            let per_employee = table == "quality";
            let mut header = vec!["name", "department", "reviewed", "average_score"];
            if per_employee {
                header.insert(0, "member_id");
            }
            header.extend(["weakest_guideline", "weakest_average"]);
            push(header.into_iter().map(s).collect());
            let rows = if per_employee {
                &d.quality
            } else {
                &d.department_quality
            };
            for r in rows {
                let mut fields = vec![
                    r.name.clone(),
                    opt(r.department.clone()),
                    r.reviewed.to_string(),
                    opt(r.average.map(|a| format!("{a:.2}"))),
                    opt(r.weakest_guideline),
                    opt(r.weakest_average.map(|a| format!("{a:.2}"))),
                ];
                if per_employee {
                    fields.insert(0, opt(r.id));
                }
                push(fields);
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
