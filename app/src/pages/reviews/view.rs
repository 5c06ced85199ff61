//! `/staff/reviews/:id`: one review — the answer, the scores per
//! guideline, the coaching — and the reviewed employee's reply.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::answer_review::AnswerReview;

use crate::auth_state::CurrentUser;
use crate::components::field::{field_error, form_error};
use crate::components::when::When;
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::{ReplyToAnswerReview, get_answer_review};
use crate::text::textarea_text;

/// One review.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|n| n.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let reply = ServerAction::<ReplyToAnswerReview>::new();
    let review = load(
        move || (id(), reply.version().get()),
        |(id, _)| get_answer_review(id),
    );
    let CurrentUser(user) = expect_context::<CurrentUser>();
    view! {
        <Title text=locale.t("reviews.one_title")/>
        <p class="back"><A href="/staff/reviews">{locale.t("reviews.back")}</A></p>
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                let me = user.await.ok().flatten().map(|me| me.id);
                match review.await {
                    Ok(r) => {
                        let employee = me == Some(r.answer.employee.id);
                        view! { <Review r employee reply/> }.into_any()
                    }
                    Err(e) => view! { <p class="error" role="alert">{e.detail}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Review(
    r: AnswerReview,
    employee: bool,
    reply: ServerAction<ReplyToAnswerReview>,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let a = r.answer.clone();
    let id = r.id;
    view! {
        <article class="answer-review" data-review=r.id>
            <h1>{format!("{} — {}", locale.t("reviews.one_title"), a.employee.display_name)}</h1>
            <div class="answer-under-review">
                <p class="answer-meta">
                    <A href=a.url.clone()>{a.thread_title.clone()}</A>
                    " · " <When at=a.answered_at.clone()/>
                </p>
                <div class="prose answer-body" inner_html=a.body_html.clone()></div>
            </div>
            <p class="review-overall"><strong>{locale.t("reviews.overall")}</strong> " " <span class="overall">{format!("{} / 5", r.overall)}</span></p>
            <table class="data review-scores">
                <caption>{locale.t("reviews.per_guideline")}</caption>
                <tbody>
                    {r.scores.iter().map(|s| view! {
                        <tr data-guideline=s.position>
                            <th scope="row">{format!("{}. {}", s.position, s.text)}</th>
                            <td class="num score">{s.score}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <section class="coaching">
                <h2>{locale.t("reviews.comment")}</h2>
                <p class="review-comment">{r.comment.clone()}</p>
                <p class="note-meta">{r.reviewer.display_name.clone()} " · " <When at=r.created_at.clone()/></p>
            </section>
            <section class="review-reply">
                <h2>{locale.t("reviews.reply")}</h2>
                {r.reply.clone().map(|text| view! {
                    <p class="reply-body">{text}</p>
                    <p class="note-meta">{a.employee.display_name.clone()} " · " {r.replied_at.clone().map(|at| view! { <When at/> })}</p>
                })}
                {(r.reply.is_none() && !employee).then(|| view! { <p class="empty">{locale.t("reviews.no_reply")}</p> })}
                {employee.then(|| view! {
                    <ActionForm action=reply attr:class="form" attr:id="review-reply-form">
                        <input type="hidden" name="id" value=id/>
                        <p class="form-error" role="alert">{form_error(reply)}</p>
                        <div class="field">
                            <label for="review-reply">{locale.t("reviews.your_reply")}</label>
                            <textarea id="review-reply" name="body" rows="4" maxlength="4000" required=true>{textarea_text(r.reply.clone().unwrap_or_default())}</textarea>
                            <p class="field-error" role="alert">{field_error(reply, "body")}</p>
                        </div>
                        <button type="submit" class="button">{locale.t("reviews.send_reply")}</button>
                    </ActionForm>
                })}
            </section>
        </article>
    }
}
