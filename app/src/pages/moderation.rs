//! `/moderation`: the report queue (hide with a public reason, or dismiss)
//! and `/moderation/audit`: the read-only audit log with CSV export.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use shared::moderation::REASONS;

use crate::api::{DismissReport, HideContent, SuspendMember, audit_log, open_reports, problem};
use crate::components::field::{field_error, form_error};
use crate::components::report_form::reason_key;
use crate::i18n::Locale;

/// The moderator queue.
#[component]
pub fn ModerationPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let hide = ServerAction::<HideContent>::new();
    let dismiss = ServerAction::<DismissReport>::new();
    let suspend = ServerAction::<SuspendMember>::new();
    let suspended = move || matches!(suspend.value().get(), Some(Ok(())));
    let reports = Resource::new(
        move || (hide.version().get(), dismiss.version().get()),
        |_| open_reports(),
    );
    view! {
        <Title text=locale.t("moderation.title")/>
        <div class="board-head">
            <div>
                <h1>{locale.t("moderation.title")}</h1>
                <p class="lead">{locale.t("moderation.lead")}</p>
            </div>
            <A href="/moderation/audit" attr:class="button">{locale.t("audit.title")}</A>
        </div>
        <p class="form-error" role="alert">{form_error(hide)}</p>
        <details class="decision suspend">
            <summary>{locale.t("moderation.suspend")}</summary>
            <ActionForm action=suspend attr:class="form" attr:id="suspend-form">
                <p class="form-error" role="alert">{form_error(suspend)}</p>
                <div class="field">
                    <label for="suspend-member">{locale.t("moderation.member_id")}</label>
                    <input id="suspend-member" name="member" inputmode="numeric"/>
                </div>
                <div class="field">
                    <label for="suspend-hours">{locale.t("moderation.hours")}</label>
                    <input id="suspend-hours" name="hours" inputmode="numeric" value="24"/>
                    <p class="field-error" role="alert">{field_error(suspend, "hours")}</p>
                </div>
                <div class="field">
                    <label for="suspend-reason">{locale.t("moderation.suspend_reason")}</label>
                    <input id="suspend-reason" name="reason"/>
                    <p class="field-error" role="alert">{field_error(suspend, "reason")}</p>
                </div>
                <button type="submit" class="button">{locale.t("moderation.suspend_submit")}</button>
                {move || suspended().then(|| view! { <p class="notice" role="status">{locale.t("moderation.suspended")}</p> })}
            </ActionForm>
        </details>
        <Transition fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match reports.await {
                    Ok(items) if items.is_empty() => view! { <p class="empty">{locale.t("moderation.none")}</p> }.into_any(),
                    Ok(items) => view! {
                        <ul class="report-list">
                            {items.into_iter().map(|r| {
                                let kind = r.target.kind.clone();
                                let target_id = r.target.id;
                                view! {
                                    <li class="report-item" data-report=r.id data-target=format!("{}:{}", r.target.kind, r.target.id)>
                                        <p><strong>{locale.t(reason_key(&r.reason))}</strong> " · " {r.target.kind.clone()} " · "
                                            <A href=r.link.clone()>{r.link.clone()}</A> " · " {locale.t("moderation.by")} " " {r.reporter.display_name.clone()}</p>
                                        <blockquote class="report-excerpt">{r.excerpt.clone()}</blockquote>
                                        {r.note.clone().map(|n| view! { <p class="report-note">{locale.t("report.note")} " " {n}</p> })}
                                        {(kind == "comment").then(|| view! {
                                            <ActionForm action=hide attr:class="form hide-form">
                                                <input type="hidden" name="kind" value="comment"/>
                                                <input type="hidden" name="id" value=target_id/>
                                                <select name="reason" aria-label=locale.t("report.reason")>
                                                    {REASONS.into_iter().map(|reason| view! { <option value=reason selected=reason == r.reason>{locale.t(reason_key(reason))}</option> }).collect_view()}
                                                </select>
                                                <input name="guideline" placeholder=locale.t("moderation.guideline") size="4"/>
                                                <button type="submit" class="button small hide">{locale.t("moderation.hide")}</button>
                                            </ActionForm>
                                        })}
                                        <button type="button" class="button small dismiss" on:click=move |_| { dismiss.dispatch(DismissReport { id: r.id }); }>{locale.t("moderation.dismiss")}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <p class="error" role="alert">{problem(&error).detail}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The audit log: who did what, when, before and after.
#[component]
pub fn AuditPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let entries = Resource::new(|| (), |()| audit_log(None));
    view! {
        <Title text=locale.t("audit.title")/>
        <div class="board-head">
            <div>
                <h1>{locale.t("audit.title")}</h1>
                <p class="lead">{locale.t("audit.lead")}</p>
            </div>
            <a href="/api/v1/moderation/audit?format=csv" rel="external" class="button" download="madang-audit.csv">{locale.t("audit.csv")}</a>
        </div>
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match entries.await {
                    Ok(items) => view! {
                        <table class="audit-table">
                            <thead><tr>
                                <th>{locale.t("audit.when")}</th><th>{locale.t("audit.who")}</th><th>{locale.t("audit.what")}</th>
                                <th>{locale.t("audit.target")}</th><th>{locale.t("moderation.guideline")}</th><th>{locale.t("audit.change")}</th>
                            </tr></thead>
                            <tbody>
                                {items.into_iter().map(|e| view! {
                                    <tr data-action=e.action.clone()>
                                        <td>{e.created_at.replace('T', " ")}</td>
                                        <td>{e.actor.map(|a| a.display_name).unwrap_or_default()}</td>
                                        <td class="audit-action">{e.action.clone()}</td>
                                        <td>{format!("{} {}", e.target_type, e.target_id)}</td>
                                        <td>{e.guideline.unwrap_or_default()}</td>
                                        <td class="audit-change"><code>{e.before.unwrap_or_default()}</code> " → " <code>{e.after.unwrap_or_default()}</code></td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                    Err(error) => view! { <p class="error" role="alert">{problem(&error).detail}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
