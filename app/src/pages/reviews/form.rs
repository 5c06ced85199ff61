//! `/staff/review?kind=…&id=…`: the review form for one public staff
//! answer — an overall score, a score per guideline, a coaching comment.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::Guideline;
use shared::answer_review::ReviewDraft;

use super::answer::AnswerText;
use crate::components::field::{field_error, form_error};
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::{CreateAnswerReview, answer_review_form};

/// The review form.
#[component]
pub fn NewReviewPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let params = use_query_map();
    let answer = move || {
        let params = params.read();
        (
            params.get("kind").unwrap_or_default(),
            params
                .get("id")
                .and_then(|id| id.parse::<i64>().ok())
                .unwrap_or(0),
        )
    };
    let draft = load(answer, |(kind, id)| answer_review_form(kind, id));
    let save = ServerAction::<CreateAnswerReview>::new();
    view! {
        <Title text=locale.t("reviews.new_title")/>
        <h1>{locale.t("reviews.new_title")}</h1>
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match draft.await {
                    Ok(d) => view! { <Draft d save/> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.detail}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Draft(d: ReviewDraft, save: ServerAction<CreateAnswerReview>) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let a = d.answer.clone();
    let saved = move || {
        save.value()
            .get()
            .and_then(Result::ok)
            .map(|r| r.id)
            .or(d.reviewed)
    };
    let list = d.guidelines.clone();
    let (kind, answer_id) = (a.answer.kind.as_str(), a.answer.id);
    let own = d.own;
    view! {
        <article class="answer-under-review" data-answer=a.answer.id>
            <AnswerText a=a.clone()/>
        </article>
        {move || match (own, saved()) {
            (true, _) => view! { <p class="notice" role="status">{locale.t("reviews.own_answer")}</p> }.into_any(),
            (false, Some(id)) => view! {
                <p class="notice reviewed" role="status">
                    {locale.t("reviews.saved")} " "
                    <A href=format!("/staff/reviews/{id}") attr:class="open-review">{locale.t("reviews.open")}</A>
                </p>
            }.into_any(),
            (false, None) => {
                let fields = guideline_fields(list.clone(), locale);
                view! {
                <ActionForm action=save attr:class="form review-form" attr:id="review-form">
                    <input type="hidden" name="kind" value=kind/>
                    <input type="hidden" name="id" value=answer_id/>
                    <p class="form-error" role="alert">{form_error(save)}</p>
                    <fieldset class="guideline-scores">
                        <legend>{locale.t("reviews.per_guideline")}</legend>
                        {fields}
                        <p class="field-error" role="alert">{field_error(save, "scores")}</p>
                    </fieldset>
                    <div class="field">
                        <label for="review-overall">{locale.t("reviews.overall")}</label>
                        <select id="review-overall" name="overall" required=true>
                            <option value="">"—"</option>
                            {score_options("")}
                        </select>
                        <p class="field-error" role="alert">{field_error(save, "overall")}</p>
                    </div>
                    <div class="field">
                        <label for="review-comment">{locale.t("reviews.comment")}</label>
                        <textarea id="review-comment" name="comment" rows="5" maxlength="4000" required=true></textarea>
                        <p class="hint">{locale.t("reviews.comment_hint")}</p>
                        <p class="field-error" role="alert">{field_error(save, "comment")}</p>
                    </div>
                    <button type="submit" class="button primary">{locale.t("reviews.save")}</button>
                </ActionForm>
            }.into_any()
            }
        }}
    }
}

/// The options 1–5, each value prefixed (`guideline_id:`) or bare.
fn score_options(prefix: &str) -> impl IntoView + use<> {
    (1..=5)
        .map(|n| view! { <option value=format!("{prefix}{n}")>{n}</option> })
        .collect_view()
}

/// One score select per guideline, each optional.
fn guideline_fields(list: Vec<Guideline>, locale: Locale) -> impl IntoView {
    list.into_iter()
        .map(|g| {
            let id = format!("score-{}", g.id);
            view! {
                <div class="field guideline-score">
                    <label for=id.clone()>{format!("{}. {}", g.position, g.text)}</label>
                    <select id=id name="scores[]" data-guideline=g.position>
                        <option value="">{locale.t("reviews.not_scored")}</option>
                        {score_options(&format!("{}:", g.id))}
                    </select>
                </div>
            }
        })
        .collect_view()
}
