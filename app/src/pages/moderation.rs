//! `/moderation`: the report queue (hide with a public reason, or dismiss),
//! posts held for review, the word list, suspensions; and
//! `/moderation/audit`: the read-only audit log with CSV export.

use crate::components::pick::pick;
use crate::components::when::When;
use crate::time::Style;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use shared::moderation::REASONS;

use crate::components::field::{field_error, form_error};
use crate::components::guideline_select::GuidelineSelect;
use crate::components::report_form::reason_key;
use crate::i18n::{Locale, Translate};
use crate::loaded::{Loaded, load};
use crate::rpc::{
    DismissReport, HideContent, SaveWordList, SuspendMember, UnhideContent, audit_log, held_posts,
    list_guidelines, open_reports, word_list,
};
use crate::text::textarea_text;

/// The moderator queue.
#[component]
pub fn ModerationPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let hide = ServerAction::<HideContent>::new();
    let dismiss = ServerAction::<DismissReport>::new();
    let suspend = ServerAction::<SuspendMember>::new();
    let release = ServerAction::<UnhideContent>::new();
    let save_words = ServerAction::<SaveWordList>::new();
    let suspended = move || matches!(suspend.value().get(), Some(Ok(())));
    let reports = load(
        move || (hide.version().get(), dismiss.version().get()),
        |_| open_reports(),
    );
    let held = load(
        move || (hide.version().get(), release.version().get()),
        |_| held_posts(),
    );
    let words = load(move || save_words.version().get(), |_| word_list());
    let guidelines = load(|| (), |()| list_guidelines());
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
        <Suspense fallback=|| ()>
        {move || Suspend::new(async move {
            let guidelines = guidelines.await.unwrap_or_default();
            let (for_suspend, for_held) = (guidelines.clone(), guidelines.clone());
            view! {
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
                <div class="field">
                    <label for="suspend-guideline">{locale.t("moderation.guideline")}</label>
                    <GuidelineSelect guidelines=for_suspend id="suspend-guideline"/>
                    <p class="field-error" role="alert">{field_error(suspend, "guideline")}</p>
                </div>
                <button type="submit" class="button">{locale.t("moderation.suspend_submit")}</button>
                {move || suspended().then(|| view! { <p class="notice" role="status">{locale.t("moderation.suspended")}</p> })}
            </ActionForm>
        </details>
        <WordListEditor words save_words/>
        <HeldPosts held hide release guidelines=for_held/>
        <ReportQueue reports hide dismiss guidelines/>
            }
        })}
        </Suspense>
    }
}

/// Open reports: each with its context, hide (any kind) or dismiss.
#[component]
fn ReportQueue(
    reports: Loaded<Result<Vec<shared::ReportView>, shared::ApiError>>,
    hide: ServerAction<HideContent>,
    dismiss: ServerAction<DismissReport>,
    guidelines: Vec<shared::Guideline>,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    view! {
        <h2>{locale.t("moderation.reports_title")}</h2>
        <Transition fallback=|| view! { <p class="loading">"…"</p> }>
            {move || { let guidelines = guidelines.clone(); Suspend::new(async move {
                match reports.await {
                    Ok(items) if items.is_empty() => view! { <p class="empty">{locale.t("moderation.none")}</p> }.into_any(),
                    Ok(items) => view! {
                        <ul class="report-list">
                            {items.into_iter().map(|r| {
                                let kind = r.target.kind;
                                let target_id = r.target.id;
                                let guidelines = guidelines.clone();
                                view! {
                                    <li class="report-item" data-report=r.id data-target=format!("{}:{}", r.target.kind, r.target.id)>
                                        <p><strong>{locale.t(reason_key(&r.reason))}</strong> " · " {r.target.kind.as_str()} " · "
                                            <A href=r.link.clone()>{r.link.clone()}</A> " · " {locale.t("moderation.by")} " " {r.reporter.display_name.clone()}</p>
                                        <blockquote class="report-excerpt">{r.excerpt.clone()}</blockquote>
                                        {r.note.clone().map(|n| view! { <p class="report-note">{locale.t("report.note")} " " {n}</p> })}
                                        <HideForm hide kind target_id reason=r.reason.clone() guidelines select_id=format!("report-{}-guideline", r.id)/>
                                        <button type="button" class="button small dismiss" on:click=move |_| { dismiss.dispatch(DismissReport { id: r.id }); }>{locale.t("moderation.dismiss")}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <p class="error" role="alert">{error.detail}</p> }.into_any(),
                }
            })}}
        </Transition>
    }
}

/// Posts the word list held: publish them, or hide them with a reason.
#[component]
fn HeldPosts(
    held: Loaded<Result<Vec<shared::HeldPost>, shared::ApiError>>,
    hide: ServerAction<HideContent>,
    release: ServerAction<UnhideContent>,
    guidelines: Vec<shared::Guideline>,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    view! {
        <h2>{locale.t("moderation.held_title")}</h2>
        <p class="form-error" role="alert">{form_error(release)}</p>
        <Transition fallback=|| view! { <p class="loading">"…"</p> }>
            {move || { let guidelines = guidelines.clone(); Suspend::new(async move {
                match held.await {
                    Ok(items) if items.is_empty() => view! { <p class="empty held-none">{locale.t("moderation.held_none")}</p> }.into_any(),
                    Ok(items) => view! {
                        <ul class="report-list held-list">
                            {items.into_iter().map(|h| {
                                let kind = h.target.kind;
                                let id = h.target.id;
                                let release_kind = kind;
                                let guidelines = guidelines.clone();
                                let select_id = format!("held-{kind}-{id}-guideline");
                                view! {
                                    <li class="report-item held-item" data-target=format!("{}:{}", h.target.kind, h.target.id)>
                                        <p><strong>{kind.as_str()}</strong> " · " <A href=h.link.clone()>{h.link.clone()}</A> " · " {h.author.display_name.clone()}
                                            " · " {locale.t("moderation.held_words")} " " <span class="held-words">{h.matched.join(", ")}</span></p>
                                        <blockquote class="report-excerpt">{h.excerpt.clone()}</blockquote>
                                        <button type="button" class="button small release" on:click=move |_| { release.dispatch(UnhideContent { kind: release_kind, id }); }>{locale.t("moderation.release")}</button>
                                        <HideForm hide kind target_id=id reason="spam".to_owned() guidelines select_id/>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <p class="error" role="alert">{error.detail}</p> }.into_any(),
                }
            })}}
        </Transition>
    }
}

/// Hide one thing with a reason (preselected) and a cited guideline.
#[component]
fn HideForm(
    hide: ServerAction<HideContent>,
    kind: shared::ContentKind,
    target_id: i64,
    reason: String,
    guidelines: Vec<shared::Guideline>,
    select_id: String,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let reason_id = format!("{select_id}-reason");
    let (shown_reason, remember_reason) = pick(&reason_id, &reason);
    view! {
        <ActionForm action=hide attr:class="form hide-form">
            <input type="hidden" name="kind" value=kind.as_str()/>
            <input type="hidden" name="id" value=target_id/>
            <select id=reason_id name="reason" aria-label=locale.t("report.reason") on:change=remember_reason>
                {REASONS.into_iter().map(|option| view! { <option value=option selected=option == shown_reason>{locale.t(reason_key(option))}</option> }).collect_view()}
            </select>
            <GuidelineSelect guidelines id=select_id/>
            <button type="submit" class="button small hide">{locale.t("moderation.hide")}</button>
        </ActionForm>
    }
}

/// The word list, one word or phrase per line.
#[component]
fn WordListEditor(
    words: Loaded<Result<shared::WordList, shared::ApiError>>,
    save_words: ServerAction<SaveWordList>,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let saved = move || matches!(save_words.value().get(), Some(Ok(_)));
    view! {
        <details class="decision word-list">
            <summary>{locale.t("moderation.words_title")}</summary>
            <Transition fallback=|| view! { <p class="loading">"…"</p> }>
                {move || Suspend::new(async move {
                    let current = words.await.map(|w| w.words.join("\n")).unwrap_or_default();
                    view! {
                        <ActionForm action=save_words attr:class="form" attr:id="word-list-form">
                            <p class="form-error" role="alert">{form_error(save_words)}</p>
                            <label for="word-list">{locale.t("moderation.words_title")}</label>
                            <textarea id="word-list" name="words" rows="6">{textarea_text(current)}</textarea>
                            <p class="hint">{locale.t("moderation.words_hint")}</p>
                            <p class="field-error" role="alert">{field_error(save_words, "words")}</p>
                            <button type="submit" class="button">{locale.t("moderation.words_save")}</button>
                            {move || saved().then(|| view! { <p class="notice" role="status">{locale.t("moderation.words_saved")}</p> })}
                        </ActionForm>
                    }
                })}
            </Transition>
        </details>
    }
}

/// The audit log: who did what, when, before and after.
#[component]
pub fn AuditPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let entries = load(|| (), |()| audit_log(None));
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
                                    <tr data-action=e.action.as_str()>
                                        <td><When at=e.created_at.clone() style=Style::DateTime/></td>
                                        <td>{e.actor.map(|a| a.display_name).unwrap_or_default()}</td>
                                        <td class="audit-action">{e.action.as_str()}</td>
                                        <td>{format!("{} {}", e.target_type, e.target_id)}</td>
                                        <td>{e.guideline.unwrap_or_default()}</td>
                                        <td class="audit-change"><code>{e.before.unwrap_or_default()}</code> " → " <code>{e.after.unwrap_or_default()}</code></td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                    Err(error) => view! { <p class="error" role="alert">{error.detail}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
