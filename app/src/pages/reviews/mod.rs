//! `/staff/reviews`: answer quality reviews. Managers (admins) see the
//! week's sample of public staff answers still to review and every review;
//! a staff member sees the reviews of their own answers and replies.

mod answer;
mod form;
mod view;

pub use form::NewReviewPage;
pub use view::ReviewPage;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use shared::answer_review::{AnswerReview, AnswerToReview};

use answer::AnswerText;

use crate::auth_state::CurrentUser;
use crate::components::when::When;
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::{answers_to_review, list_answer_reviews};

/// The review queue and the list of reviews.
#[component]
pub fn ReviewsPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let CurrentUser(user) = expect_context::<CurrentUser>();
    let reviews = load(|| (), |()| list_answer_reviews(None));
    view! {
        <Title text=locale.t("reviews.title")/>
        <h1>{locale.t("reviews.title")}</h1>
        <p class="lead">{locale.t("reviews.lead")}</p>
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                let manager = matches!(user.await, Ok(Some(me)) if me.can.review_answers);
                let list = reviews.await;
                let queue = if manager { Some(answers_to_review().await) } else { None };
                view! {
                    {queue.map(|q| match q {
                        Ok(q) => view! { <Queue items=q.items per_employee=q.per_employee/> }.into_any(),
                        Err(e) => view! { <p class="error" role="alert">{e.detail}</p> }.into_any(),
                    })}
                    <section class="review-list-section">
                        <h2>{locale.t(if manager { "reviews.all" } else { "reviews.mine" })}</h2>
                        {match list {
                            Ok(list) if list.items.is_empty() => view! { <p class="empty">{locale.t("reviews.none")}</p> }.into_any(),
                            Ok(list) => view! {
                                <ul class="review-list">{list.items.into_iter().map(|r| view! { <ReviewRow r/> }).collect_view()}</ul>
                            }.into_any(),
                            Err(e) => view! { <p class="error" role="alert">{e.detail}</p> }.into_any(),
                        }}
                    </section>
                }.into_any()
            })}
        </Suspense>
    }
}

#[component]
fn Queue(items: Vec<AnswerToReview>, per_employee: i64) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let empty = items.is_empty();
    view! {
        <section class="review-queue">
            <h2>{locale.t("reviews.queue")}</h2>
            <p class="hint">{format!("{} {per_employee}", locale.t("reviews.queue_hint"))}</p>
            {empty.then(|| view! { <p class="empty">{locale.t("reviews.queue_empty")}</p> })}
            <ul class="answer-list">
                {items.into_iter().map(|a| {
                    let href = format!("/staff/review?kind={}&id={}", a.answer.kind, a.answer.id);
                    view! {
                        <li class="answer-to-review" data-answer=a.answer.id data-employee=a.employee.id>
                            <AnswerText a=a.clone()/>
                            <A href=href attr:class="button small review-answer">{locale.t("reviews.review")}</A>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn ReviewRow(r: AnswerReview) -> impl IntoView {
    let locale = expect_context::<Locale>();
    view! {
        <li class="review-row" data-review=r.id data-employee=r.answer.employee.id>
            <A href=format!("/staff/reviews/{}", r.id)>
                <span class="overall" aria-label=locale.t("reviews.overall")>{format!("{} / 5", r.overall)}</span>
                " " <strong>{r.answer.employee.display_name.clone()}</strong>
                " · " {r.answer.thread_title.clone()}
            </A>
            " · " <span class="reviewer">{locale.t("reviews.by")} " " {r.reviewer.display_name.clone()}</span>
            " · " <When at=r.created_at.clone()/>
            {r.reply.is_some().then(|| view! { " · " <span class="badge replied">{locale.t("reviews.replied")}</span> })}
        </li>
    }
}
