//! `/dashboard` (admins, the managers): is the company listening? Activity,
//! first answers against each department's promise, resolution, ratings,
//! promises kept, ideas delivered, what customers push, and who answers —
//! for any range of days; each chart with its table and CSV.
//! `/scorecard`: the public summary of the last 30 days.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;
use shared::answer_review::QualityFigures;
use shared::insight::{Dashboard, DayFigures, DepartmentFigures};

use crate::components::chart::{Bar, BarChart, ColumnChart};
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::{get_dashboard, get_scorecard};

fn minutes_text(minutes: Option<i64>, locale: Locale) -> String {
    minutes.map_or_else(
        || "—".to_owned(),
        |m| crate::pages::tickets::format_minutes(m, locale),
    )
}

fn percent_text(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |p| format!("{p:.0}%"))
}

/// A headline figure.
#[component]
fn Tile(
    #[prop(into)] class: String,
    #[prop(into)] label: String,
    #[prop(into)] value: String,
) -> impl IntoView {
    view! {
        <div class=format!("stat {class}")>
            <span class="stat-value">{value}</span>
            <span class="stat-label">{label}</span>
        </div>
    }
}

/// Met and breached promises over all departments.
fn overall_sla(departments: &[DepartmentFigures]) -> Option<f64> {
    let met: i64 = departments.iter().map(|d| d.sla_met).sum();
    let breached: i64 = departments.iter().map(|d| d.sla_breached).sum();
    #[expect(
        clippy::cast_precision_loss,
        reason = "counts and sizes here are far below 2^52, where f64 is exact"
    )]
    (met + breached > 0).then(|| met as f64 * 100.0 / (met + breached) as f64)
}

fn daily_bars(daily: &[DayFigures], pick: fn(&DayFigures) -> i64) -> Vec<Bar> {
    daily
        .iter()
        .map(|d| Bar {
            label: d.day.clone(),
            value: pick(d),
            target: None,
        })
        .collect()
}

/// The managers' dashboard.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let params = use_query_map();
    let range = Memo::new(move |_| {
        let p = params.read();
        (
            p.get("from").filter(|v| !v.is_empty()),
            p.get("to").filter(|v| !v.is_empty()),
            p.get("days").and_then(|v| v.parse::<i64>().ok()),
        )
    });
    let data = load(
        move || range.get(),
        |(from, to, days)| get_dashboard(from, to, days),
    );
    view! {
        <Title text=locale.t("dashboard.title")/>
        <div class="board-head">
            <div>
                <h1>{locale.t("dashboard.title")}</h1>
                <p class="lead">{locale.t("dashboard.lead")}</p>
            </div>
        </div>
        <Definitions/>
        <Transition fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => view! { <DashboardBody d/> }.into_any(),
                    Err(error) => view! { <p class="error" role="alert">{error.detail}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn DashboardBody(d: Dashboard) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let Dashboard {
        from,
        to,
        time_zone,
        daily,
        departments,
        first_response,
        resolution,
        satisfaction,
        commitments: c,
        delivered,
        trending,
        me_too,
        participation,
        department_participation,
        quality,
        department_quality,
    } = d;
    let query = format!("from={from}&to={to}");
    let csv = move |table: &str| format!("/api/v1/dashboard/csv/{table}?{query}");
    let range_label = format!("{from} – {to} ({time_zone})");
    let (from_value, to_value) = (from.clone(), to.clone());
    let quick = [
        (7, "dashboard.last7"),
        (30, "dashboard.last30"),
        (90, "dashboard.last90"),
    ]
    .into_iter()
    .map(|(days, key)| {
        let href = format!("/dashboard?days={days}&to={to}");
        view! { <A href=href attr:class="tab" attr:data-days=days>{locale.t(key)}</A> }
    })
    .collect_view();
    let bar = |label: &str, value: i64| Bar {
        label: label.to_owned(),
        value,
        target: None,
    };
    let commitment_bars = vec![
        bar(locale.t("dashboard.kept_on_time"), c.kept_on_time),
        bar(locale.t("dashboard.kept_late"), c.kept_late),
        bar(locale.t("dashboard.overdue"), c.overdue),
        bar(locale.t("dashboard.pending"), c.pending),
        bar(locale.t("dashboard.withdrawn"), c.withdrawn),
    ];
    let department_bars: Vec<Bar> = departments
        .iter()
        .map(|r| Bar {
            label: r.name.clone(),
            value: r.median_minutes.unwrap_or(0),
            target: Some(r.target_minutes),
        })
        .collect();
    let participation_bars: Vec<Bar> = participation
        .iter()
        .map(|p| bar(&p.display_name, p.total))
        .collect();
    let delivered_bars: Vec<Bar> = delivered.iter().map(|m| bar(&m.month, m.count)).collect();
    let sla = percent_text(overall_sla(&departments));
    let satisfaction_label = format!(
        "{} ({})",
        locale.t("dashboard.satisfaction"),
        satisfaction.count
    );
    let satisfaction_value = satisfaction
        .average
        .map_or_else(|| "—".to_owned(), |a| format!("{a:.1} / 5"));
    let department_rows = departments
        .into_iter()
        .map(|r| {
            view! {
                <tr data-department=r.slug>
                    <th scope="row">{r.name}</th>
                    <td class="num">{crate::pages::tickets::format_minutes(r.target_minutes, locale)}</td>
                    <td class="num answered">{r.answered}</td>
                    <td class="num median">{minutes_text(r.median_minutes, locale)}</td>
                    <td class="num">{minutes_text(r.p90_minutes, locale)}</td>
                    <td class="num">{format!("{} ({} / {})", percent_text(r.sla_percent), r.sla_met, r.sla_met + r.sla_breached)}</td>
                </tr>
            }
        })
        .collect_view();
    let trending_rows = trending
        .into_iter()
        .map(|t| view! {
            <li><A href=format!("/ideas/{}", t.number)>{t.title}</A> " " <span class="count">{format!("+{}", t.votes_gained)}</span></li>
        })
        .collect_view();
    let me_too_rows = me_too
        .into_iter()
        .map(|t| view! {
            <li><A href=format!("/tickets/{}", t.number)>{t.title}</A> " " <span class="count">{t.marks}</span></li>
        })
        .collect_view();
    let participation_rows = department_participation
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{r.name}</th>
                    <td class="num">{format!("{} / {}", r.staff_answering, r.staff)}</td>
                    <td class="num">{r.answers}</td>
                </tr>
            }
        })
        .collect_view();
    let (csv_daily, csv_departments, csv_commitments, csv_delivered) = (
        csv("daily"),
        csv("departments"),
        csv("commitments"),
        csv("delivered"),
    );
    let (csv_quality, csv_department_quality) = (csv("quality"), csv("department_quality"));
    let (csv_trending, csv_me_too, csv_participation, csv_department_participation) = (
        csv("trending"),
        csv("me_too"),
        csv("participation"),
        csv("department_participation"),
    );
    let top = view! {
        <Form method="GET" action="/dashboard">
            <div class="board-filters range-picker">
                <label for="range-from">{locale.t("dashboard.from")}</label>
                <input id="range-from" type="date" name="from" value=from_value/>
                <label for="range-to">{locale.t("dashboard.to")}</label>
                <input id="range-to" type="date" name="to" value=to_value/>
                <button type="submit" class="button">{locale.t("dashboard.show")}</button>
                <nav class="tabs quick-ranges">{quick}</nav>
            </div>
        </Form>
        <p class="aside range-shown" data-from=from data-to=to>{range_label}</p>
        <div class="stats dashboard-tiles">
            <Tile class="first-response-median" label=locale.t("dashboard.first_response_median") value=minutes_text(first_response.median_minutes, locale)/>
            <Tile class="first-response-p90" label=locale.t("dashboard.first_response_p90") value=minutes_text(first_response.p90_minutes, locale)/>
            <Tile class="sla" label=locale.t("dashboard.sla") value=sla/>
            <Tile class="resolution-median" label=locale.t("dashboard.resolution_median") value=minutes_text(resolution.median_minutes, locale)/>
            <Tile class="satisfaction" label=satisfaction_label value=satisfaction_value/>
            <Tile class="kept-on-time" label=locale.t("dashboard.kept_on_time") value=c.kept_on_time.to_string()/>
            <Tile class="overdue" label=locale.t("dashboard.overdue") value=c.overdue.to_string()/>
        </div>

    }
    .into_any();
    let middle = view! {
        <h2>{locale.t("dashboard.activity")}</h2>
        <div class="chart-grid">
            <ColumnChart id="chart-ideas" title=locale.t("dashboard.ideas") bars=daily_bars(&daily, |f| f.ideas) csv_href=csv_daily.clone()/>
            <ColumnChart id="chart-tickets" title=locale.t("dashboard.tickets") bars=daily_bars(&daily, |f| f.tickets) csv_href=csv_daily.clone()/>
            <ColumnChart id="chart-comments" title=locale.t("dashboard.comments") bars=daily_bars(&daily, |f| f.comments) csv_href=csv_daily.clone()/>
            <ColumnChart id="chart-votes" title=locale.t("dashboard.votes") bars=daily_bars(&daily, |f| f.votes) csv_href=csv_daily.clone()/>
            <ColumnChart id="chart-active" title=locale.t("dashboard.active_members") bars=daily_bars(&daily, |f| f.active_members) csv_href=csv_daily/>
        </div>

        <h2>{locale.t("dashboard.departments")}</h2>
        <BarChart id="chart-departments" title=locale.t("dashboard.median_vs_promise") bars=department_bars csv_href=csv_departments value_text=crate::pages::tickets::format_minutes/>
        <table class="data departments-table">
            <thead><tr>
                <th scope="col">{locale.t("dashboard.department")}</th>
                <th scope="col">{locale.t("dashboard.promise")}</th>
                <th scope="col">{locale.t("dashboard.answered")}</th>
                <th scope="col">{locale.t("dashboard.median")}</th>
                <th scope="col">{locale.t("dashboard.p90")}</th>
                <th scope="col">{locale.t("dashboard.sla")}</th>
            </tr></thead>
            <tbody>{department_rows}</tbody>
        </table>

        <h2>{locale.t("dashboard.promises")}</h2>
        <BarChart id="chart-commitments" title=locale.t("dashboard.promises") bars=commitment_bars csv_href=csv_commitments/>

        <h2>{locale.t("dashboard.delivered")}</h2>
        <ColumnChart id="chart-delivered" title=locale.t("dashboard.delivered") bars=delivered_bars csv_href=csv_delivered/>

    }
    .into_any();
    let bottom = view! {
        <div class="two-columns">
            <section>
                <h2>{locale.t("dashboard.trending")} " " <a class="csv" href=csv_trending rel="external" download="">{locale.t("chart.csv")}</a></h2>
                <ol class="top-list trending">{trending_rows}</ol>
            </section>
            <section>
                <h2>{locale.t("dashboard.me_too")} " " <a class="csv" href=csv_me_too rel="external" download="">{locale.t("chart.csv")}</a></h2>
                <ol class="top-list me-too">{me_too_rows}</ol>
            </section>
        </div>

        <h2>{locale.t("dashboard.participation")}</h2>
        <BarChart id="chart-participation" title=locale.t("dashboard.answers_per_person") bars=participation_bars csv_href=csv_participation/>
        <table class="data participation-table">
            <caption>{locale.t("dashboard.per_department")} " " <a class="csv" href=csv_department_participation rel="external" download="">{locale.t("chart.csv")}</a></caption>
            <thead><tr>
                <th scope="col">{locale.t("dashboard.department")}</th>
                <th scope="col">{locale.t("dashboard.staff_answering")}</th>
                <th scope="col">{locale.t("dashboard.answers")}</th>
            </tr></thead>
            <tbody>{participation_rows}</tbody>
        </table>

        <h2>{locale.t("dashboard.quality")}</h2>
        <p class="aside">{locale.t("dashboard.quality_lead")} " " <A href="/staff/reviews">{locale.t("dashboard.quality_queue")}</A></p>
        <QualityTable class="quality-table" caption=locale.t("dashboard.per_person") rows=quality csv_href=Some(csv_quality)/>
        <QualityTable class="department-quality-table" caption=locale.t("dashboard.per_department") rows=department_quality csv_href=Some(csv_department_quality)/>
    }
    .into_any();
    view! { {top} {middle} {bottom} }
}

/// Answer quality per person or department: reviewed answers, the average
/// score and the weakest guideline, the same figures as the CSV.
#[component]
fn QualityTable(
    class: &'static str,
    caption: &'static str,
    rows: Vec<QualityFigures>,
    csv_href: Option<String>,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let score = |value: Option<f64>| value.map_or_else(|| "—".to_owned(), |a| format!("{a:.1}"));
    let empty = rows
        .is_empty()
        .then(|| view! { <p class="empty">{locale.t("dashboard.quality_none")}</p> });
    let rows = rows
        .into_iter()
        .map(|r| {
            let weakest = r.weakest_guideline.map_or_else(
                || "—".to_owned(),
                |g| {
                    format!(
                        "{} {g} ({})",
                        locale.t("dashboard.guideline"),
                        score(r.weakest_average)
                    )
                },
            );
            view! {
                <tr data-member=r.id data-department=r.department>
                    <th scope="row">{r.name}</th>
                    <td class="num reviewed">{r.reviewed}</td>
                    <td class="num average">{score(r.average)}</td>
                    <td class="weakest">{weakest}</td>
                </tr>
            }
        })
        .collect_view();
    let csv = csv_href.map(|href| view! { " " <a class="csv" href=href rel="external" download="">{locale.t("chart.csv")}</a> });
    view! {
        <table class=format!("data {class}")>
            <caption>{caption} {csv}</caption>
            <thead><tr>
                <th scope="col">{locale.t("dashboard.name")}</th>
                <th scope="col">{locale.t("dashboard.reviewed")}</th>
                <th scope="col">{locale.t("dashboard.average_score")}</th>
                <th scope="col">{locale.t("dashboard.weakest_guideline")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        {empty}
    }
}

/// How the figures are counted, in words anyone can check: the same
/// definitions the domain's insight module implements.
#[component]
fn Definitions() -> impl IntoView {
    let locale = expect_context::<Locale>();
    view! {
        <details class="definitions">
            <summary>{locale.t("insight.definitions")}</summary>
            <ul>
                <li class="definition-clocks">{locale.t("insight.definition.clocks")}</li>
                <li class="definition-closing">{locale.t("insight.definition.closing")}</li>
                <li class="definition-next-reply">{locale.t("insight.definition.next_reply")}</li>
                <li class="definition-staff">{locale.t("insight.definition.staff")}</li>
                <li class="definition-business-hours">{locale.t("insight.definition.business_hours")}</li>
            </ul>
        </details>
    }
}

/// The public scorecard: the last 30 days.
#[component]
pub fn ScorecardPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let card = load(|| (), |()| get_scorecard());
    view! {
        <Title text=locale.t("scorecard.title")/>
        <h1>{locale.t("scorecard.title")}</h1>
        <p class="lead">{locale.t("scorecard.lead")}</p>
        <Definitions/>
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match card.await {
                    Ok(s) => view! {
                        <p class="aside range-shown">{format!("{} – {} ({})", s.from, s.to, s.time_zone)}</p>
                        <div class="stats scorecard-tiles">
                            <Tile class="median-first-response" label=locale.t("scorecard.first_response") value=minutes_text(s.median_first_response_minutes, locale)/>
                            <Tile class="kept-on-time" label=format!("{} ({})", locale.t("scorecard.kept"), s.commitments_counted) value=percent_text(s.commitments_kept_on_time_percent)/>
                            <Tile class="ideas-delivered" label=locale.t("scorecard.delivered") value=s.ideas_delivered.to_string()/>
                            <Tile class="tickets-resolved" label=locale.t("scorecard.resolved") value=s.tickets_resolved.to_string()/>
                        </div>
                        <table class="data scorecard-departments">
                            <caption>{locale.t("scorecard.departments")}</caption>
                            <thead><tr>
                                <th scope="col">{locale.t("dashboard.department")}</th>
                                <th scope="col">{locale.t("dashboard.promise")}</th>
                                <th scope="col">{locale.t("dashboard.median")}</th>
                                <th scope="col">{locale.t("dashboard.sla")}</th>
                            </tr></thead>
                            <tbody>
                                {s.departments.into_iter().map(|r| view! {
                                    <tr>
                                        <th scope="row">{r.name}</th>
                                        <td class="num">{crate::pages::tickets::format_minutes(r.target_minutes, locale)}</td>
                                        <td class="num">{minutes_text(r.median_minutes, locale)}</td>
                                        <td class="num">{percent_text(r.sla_percent)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        {(!s.quality.is_empty()).then(|| view! {
                            <QualityTable class="scorecard-quality" caption=locale.t("scorecard.quality") rows=s.quality csv_href=None/>
                        })}
                    }.into_any(),
                    Err(error) => view! { <p class="error" role="alert">{error.detail}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
