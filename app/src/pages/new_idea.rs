//! Posting an idea: title, Markdown description, product area and tags,
//! each with its own error message. Visitors are asked to sign in first.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::auth_state::CurrentUser;
use crate::components::field::{field_error, form_error};
use crate::components::status_badge::StatusBadge;
use crate::components::vote_button::VoteButton;
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::{CreateIdea, list_categories, similar_ideas};

/// The page at `/ideas/new`.
#[component]
pub fn NewIdeaPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let CurrentUser(user) = expect_context::<CurrentUser>();
    let categories = load(|| (), |()| list_categories());
    let action = ServerAction::<CreateIdea>::new();
    let (typed, on_title) = crate::components::typing::after_pause();
    view! {
        <Title text=locale.t("new_idea.title")/>
        <section class="auth-card wide">
            <h1>{locale.t("new_idea.title")}</h1>
            <p class="lead">{locale.t("new_idea.lead")}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let signed_in = matches!(user.await, Ok(Some(_)));
                    if !signed_in {
                        return view! {
                            <p class="notice">{locale.t("new_idea.sign_in")}</p>
                            <A href="/signin?next=/ideas/new" attr:class="button primary">{locale.t("signin.submit")}</A>
                        }.into_any();
                    }
                    let options = categories.await.unwrap_or_default();
                    view! {
                        <ActionForm action=action attr:class="form" attr:id="new-idea-form">
                            <p class="form-error" role="alert">{form_error(action)}</p>
                            <div class="field">
                                <label for="idea-title">{locale.t("new_idea.field_title")}</label>
                                <input id="idea-title" name="title" required=true maxlength="120" autocomplete="off" on:input=on_title/>
                                <p class="field-error" id="idea-title-error" role="alert">{field_error(action, "title")}</p>
                            </div>
                            <SimilarSuggestions typed/>
                            <div class="field">
                                <label for="idea-body">{locale.t("new_idea.field_body")}</label>
                                <textarea id="idea-body" name="body" rows="7"></textarea>
                                <p class="hint">{locale.t("new_idea.body_hint")}</p>
                                <p class="field-error" id="idea-body-error" role="alert">{field_error(action, "body")}</p>
                            </div>
                            <div class="field">
                                <label for="idea-category">{locale.t("new_idea.field_category")}</label>
                                <select id="idea-category" name="category">
                                    <option value="">{locale.t("new_idea.no_category")}</option>
                                    {options.into_iter().map(|c| view! { <option value=c.slug>{c.name}</option> }).collect_view()}
                                </select>
                                <p class="field-error" role="alert">{field_error(action, "category")}</p>
                            </div>
                            <div class="field">
                                <label for="idea-tags">{locale.t("new_idea.field_tags")}</label>
                                <input id="idea-tags" name="tags"/>
                                <p class="hint">{locale.t("new_idea.tags_hint")}</p>
                                <p class="field-error" id="idea-tags-error" role="alert">{field_error(action, "tags")}</p>
                            </div>
                            <button type="submit" class="button primary" disabled=move || action.pending().get()>
                                {locale.t("new_idea.submit")}
                            </button>
                        </ActionForm>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}

/// Existing ideas like the title being typed, each with its vote button, so
/// a member can back the original instead of posting it again.
#[component]
fn SimilarSuggestions(typed: RwSignal<String>) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let found = load(
        move || typed.get(),
        |q| async move {
            if q.trim().is_empty() {
                return Vec::new();
            }
            similar_ideas(q).await.unwrap_or_default()
        },
    );
    view! {
        <div class="similar" aria-live="polite">
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let items = found.await;
                    (!items.is_empty()).then(|| view! {
                        <div class="similar-box" id="similar-ideas">
                            <h2>{locale.t("new_idea.similar_title")}</h2>
                            <p class="hint">{locale.t("new_idea.similar_hint")}</p>
                            <ul>
                                {items.into_iter().map(|idea| view! {
                                    <li class="similar-idea" data-idea=idea.number>
                                        <VoteButton number=idea.number votes=idea.votes voted=idea.voted title=idea.title.clone()/>
                                        <A href=format!("/ideas/{}", idea.number)>{idea.title}</A>
                                        <StatusBadge status=idea.status/>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </div>
                    })
                })}
            </Transition>
        </div>
    }
}
