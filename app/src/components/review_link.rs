//! The "review" link beside a public staff answer, for managers: it opens
//! the review form for that answer (a plain link, so it works before the
//! WASM arrives).

use leptos::prelude::*;
use leptos_router::components::A;
use shared::answer_review::AnswerKind;

use crate::i18n::{Locale, Translate};

/// Links one answer to its review form.
#[component]
pub fn ReviewLink(kind: AnswerKind, id: i64) -> impl IntoView {
    let locale = expect_context::<Locale>();
    view! {
        <A href=format!("/staff/review?kind={kind}&id={id}") attr:class="button small review-answer" attr:data-answer=id>
            {locale.t("reviews.review")}
        </A>
    }
}
