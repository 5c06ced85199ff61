//! "Report": a member tells the moderators why something should not be
//! here (spam, abuse, personal information, off-topic, other).

use leptos::form::ActionForm;
use leptos::prelude::*;
use shared::moderation::REASONS;

use crate::components::field::{field_error, form_error};
use crate::i18n::{Locale, Translate};
use crate::rpc::ReportContent;

/// The translation key of a report reason.
#[must_use]
pub fn reason_key(reason: &str) -> &'static str {
    match reason {
        "spam" => "report.spam",
        "abuse" => "report.abuse",
        "personal_information" => "report.personal_information",
        "off_topic" => "report.off_topic",
        _ => "report.other",
    }
}

/// A folded report form for one piece of content.
#[component]
pub fn ReportForm(kind: shared::ContentKind, id: i64) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let action = ServerAction::<ReportContent>::new();
    let sent = move || matches!(action.value().get(), Some(Ok(())));
    view! {
        <details class="report">
            <summary>{locale.t("report.open")}</summary>
            <Show when=sent fallback=move || view! {
                <ActionForm action=action attr:class="form report-form">
                    <p class="form-error" role="alert">{form_error(action)}</p>
                    <input type="hidden" name="kind" value=kind.as_str()/>
                    <input type="hidden" name="id" value=id/>
                    <label>{locale.t("report.reason")} " "
                        <select name="reason">
                            {REASONS.into_iter().map(|r| view! { <option value=r>{locale.t(reason_key(r))}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>{locale.t("report.note")} " " <input name="note"/></label>
                    <p class="field-error" role="alert">{field_error(action, "note")}</p>
                    <button type="submit" class="button small">{locale.t("report.submit")}</button>
                </ActionForm>
            }>
                <p class="notice" role="status">{locale.t("report.thanks")}</p>
            </Show>
        </details>
    }
}
