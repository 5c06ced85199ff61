//! Charts drawn as SVG by our own code (no JavaScript charting library):
//! vertical bars over time and horizontal bars per person or department.
//! Each chart comes with its numbers as a table (for screen readers and for
//! anyone who wants exact figures) and a CSV download.

use leptos::prelude::*;

use crate::i18n::{Locale, Translate};

/// Drawing area of a vertical bar chart, in SVG units.
const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 160.0;
/// Room for the value axis label and the day labels.
const LEFT: f64 = 34.0;
const BOTTOM: f64 = 18.0;

#[expect(
    clippy::cast_precision_loss,
    reason = "counts and sizes here are far below 2^52, where f64 is exact"
)]
fn scale(value: i64, max: i64, span: f64) -> f64 {
    if max <= 0 {
        0.0
    } else {
        value.max(0) as f64 / max as f64 * span
    }
}

/// One labelled value.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// What it is: a day, a month, a name.
    pub label: String,
    /// How much.
    pub value: i64,
    /// A target to compare with (drawn as a mark), if any.
    pub target: Option<i64>,
}

/// Vertical bars in order (days, months), with the table beneath.
#[component]
pub fn ColumnChart(
    #[prop(into)] id: String,
    #[prop(into)] title: String,
    bars: Vec<Bar>,
    #[prop(into)] csv_href: String,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let total: i64 = bars.iter().map(|b| b.value).sum();
    #[expect(
        clippy::cast_precision_loss,
        reason = "counts and sizes here are far below 2^52, where f64 is exact"
    )]
    let slot = (WIDTH - LEFT) / bars.len().max(1) as f64;
    let every = (bars.len() / 8).max(1);
    let summary = format!("{title}: {total} ({} {max})", locale.t("chart.max"));
    let rects = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let h = scale(bar.value, max, HEIGHT - BOTTOM - 8.0);
            #[expect(clippy::cast_precision_loss, reason = "counts and sizes here are far below 2^52, where f64 is exact")]
            let x = LEFT + slot * i as f64;
            let label = (i % every == 0).then(|| {
                view! { <text class="axis" x=format!("{:.1}", x + slot / 2.0) y=format!("{:.1}", HEIGHT - 4.0) text-anchor="middle">{short_label(&bar.label)}</text> }
            });
            view! {
                <rect class="bar" x=format!("{:.1}", x + slot * 0.15) y=format!("{:.1}", HEIGHT - BOTTOM - h)
                    width=format!("{:.1}", slot * 0.7) height=format!("{h:.1}")>
                    <title>{format!("{}: {}", bar.label, bar.value)}</title>
                </rect>
                {label}
            }
        })
        .collect_view();
    view! {
        <figure class="chart" id=id.clone() data-total=total>
            <figcaption>{title.clone()} " " <a class="csv" href=csv_href rel="external" download="">{locale.t("chart.csv")}</a></figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=summary class="column-chart">
                <text class="axis" x="2" y="12">{max}</text>
                <line class="baseline" x1=LEFT y1=HEIGHT - BOTTOM x2=WIDTH y2=HEIGHT - BOTTOM/>
                {rects}
            </svg>
            <FigureTable caption=title bars/>
        </figure>
    }
    .into_any()
}

/// Horizontal bars (departments, people), with targets marked.
#[component]
pub fn BarChart(
    #[prop(into)] id: String,
    #[prop(into)] title: String,
    bars: Vec<Bar>,
    #[prop(into)] csv_href: String,
    /// How each value reads ("13분"); the bare number without it.
    #[prop(optional)]
    value_text: Option<fn(i64, Locale) -> String>,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let max = bars
        .iter()
        .map(|b| b.value.max(b.target.unwrap_or(0)))
        .max()
        .unwrap_or(0)
        .max(1);
    let row = 22.0;
    #[expect(
        clippy::cast_precision_loss,
        reason = "counts and sizes here are far below 2^52, where f64 is exact"
    )]
    let height = row * bars.len().max(1) as f64 + 4.0;
    let label_width = 170.0;
    let span = WIDTH - label_width - 60.0;
    let rows = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            #[expect(clippy::cast_precision_loss, reason = "counts and sizes here are far below 2^52, where f64 is exact")]
            let y = row * i as f64 + 2.0;
            let w = scale(bar.value, max, span);
            let target = bar.target.map(|t| {
                let x = label_width + scale(t, max, span);
                view! { <line class="target" x1=format!("{x:.1}") y1=format!("{:.1}", y) x2=format!("{x:.1}") y2=format!("{:.1}", y + row - 4.0)/> }
            });
            let over = bar.target.is_some_and(|t| bar.value > t);
            view! {
                <text class="axis" x="0" y=format!("{:.1}", y + 14.0)>{bar.label.chars().take(24).collect::<String>()}</text>
                <rect class=if over { "bar over" } else { "bar" } x=label_width y=format!("{y:.1}") width=format!("{w:.1}") height=format!("{:.1}", row - 6.0)>
                    <title>{format!("{}: {}", bar.label, bar.value)}</title>
                </rect>
                {target}
                <text class="value" x=format!("{:.1}", label_width + w + 4.0) y=format!("{:.1}", y + 14.0)>{value_text.map_or_else(|| bar.value.to_string(), |text| text(bar.value, locale))}</text>
            }
        })
        .collect_view();
    let summary = format!(
        "{title}: {}",
        bars.iter()
            .map(|b| format!("{} {}", b.label, b.value))
            .collect::<Vec<_>>()
            .join(", ")
    );
    view! {
        <figure class="chart" id=id>
            <figcaption>{title.clone()} " " <a class="csv" href=csv_href rel="external" download="">{locale.t("chart.csv")}</a></figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=summary class="bar-chart">{rows}</svg>
            <FigureTable caption=title bars/>
        </figure>
    }
    .into_any()
}

/// `2026-11-26` → `11-26`; other labels unchanged.
fn short_label(label: &str) -> String {
    if label.len() == 10 && label.as_bytes().get(4) == Some(&b'-') {
        label[5..].to_owned()
    } else {
        label.to_owned()
    }
}

/// The chart's numbers as a table, folded under the chart.
#[component]
fn FigureTable(caption: String, bars: Vec<Bar>) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let has_target = bars.iter().any(|b| b.target.is_some());
    view! {
        <details class="chart-table">
            <summary>{locale.t("chart.table")}</summary>
            <table>
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">{locale.t("chart.label")}</th>
                    <th scope="col">{locale.t("chart.value")}</th>
                    {has_target.then(|| view! { <th scope="col">{locale.t("chart.target")}</th> })}
                </tr></thead>
                <tbody>
                    {bars.into_iter().map(|b| view! {
                        <tr>
                            <th scope="row">{b.label}</th>
                            <td class="num">{b.value}</td>
                            {has_target.then(|| view! { <td class="num">{b.target.map(|t| t.to_string()).unwrap_or_default()}</td> })}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
    .into_any()
}
