//! A public staff answer as a reviewer reads it: who, where, when, and
//! what it said.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::answer_review::AnswerToReview;

use crate::components::when::When;

/// The answer's author, department, thread and time, then its text.
#[component]
pub fn AnswerText(a: AnswerToReview) -> impl IntoView {
    view! {
        <p class="answer-meta">
            <strong class="employee">{a.employee.display_name.clone()}</strong>
            {a.department.clone().map(|d| view! { " · " <span class="category">{d}</span> })}
            " · " <A href=a.url.clone()>{a.thread_title.clone()}</A>
            " · " <When at=a.answered_at.clone()/>
        </p>
        <div class="prose answer-body" inner_html=a.body_html></div>
    }
}
