//! The line under a response clock that keeps business hours: when the
//! department answers, and — for a question that came out of hours — when
//! the promise began to run, so nobody reads a night's wait as a broken
//! promise.

use leptos::prelude::*;
use shared::ResponseClock;

use crate::components::when::When;
use crate::i18n::{Locale, Translate};
use crate::time::Style;

use super::format_minutes;

/// `mon-fri 09:00-18:00; sat 10:00-14:00` in the reader's words.
fn hours_text(text: &str, locale: Locale) -> String {
    const DAYS: [(&str, &str); 7] = [
        ("mon", "day.mon"),
        ("tue", "day.tue"),
        ("wed", "day.wed"),
        ("thu", "day.thu"),
        ("fri", "day.fri"),
        ("sat", "day.sat"),
        ("sun", "day.sun"),
    ];
    text.split(';')
        .map(|entry| {
            let entry = entry.trim();
            let (days, hours) = entry.split_once(' ').unwrap_or((entry, ""));
            let days = days
                .split('-')
                .map(|d| {
                    DAYS.iter()
                        .find(|(code, _)| *code == d)
                        .map_or(d, |(_, key)| locale.t(key))
                })
                .collect::<Vec<_>>()
                .join("–");
            format!("{days} {}", hours.replace('-', "–"))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Billing answers Mon–Fri 09:00–18:00 (Asia/Seoul); this came at …, the
/// 30-minute promise runs from …; counted in business minutes."
#[component]
pub fn HoursNote(clock: ResponseClock) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let hours = clock.business_hours.clone()?;
    let department = clock
        .department
        .as_ref()
        .map(|d| d.name.clone())
        .unwrap_or_default();
    let zone = clock.time_zone.clone().unwrap_or_default();
    let late_start = clock.counts_from.clone().map(|from| {
        view! {
            " " {locale.t("clock.came_at")} " " <When at=clock.started_at.clone() style=Style::DateTime/> " — "
            {format_minutes(clock.target_minutes, locale)} " " {locale.t("clock.runs_from")} " "
            <strong class="counts-from"><When at=from style=Style::DateTime/></strong>
        }
    });
    Some(view! {
        <p class="business-hours-note" data-hours=hours.clone()>
            <strong>{department}</strong> " " {locale.t("clock.answers_during")} " "
            <span class="business-hours">{hours_text(&hours, locale)}</span> " (" {zone} ")."
            {late_start}
            " " {locale.t("clock.business_minutes")}
        </p>
    })
}
