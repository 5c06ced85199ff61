//! A list of idea cards, used by the board and the roadmap.

use crate::components::when::When;
use leptos::prelude::*;
use leptos_router::components::A;
use shared::IdeaCard;

use crate::components::status_badge::StatusBadge;
use crate::components::vote_button::VoteButton;
use crate::i18n::{Locale, Translate};

/// Idea cards in the order given.
#[component]
pub fn IdeaList(ideas: Vec<IdeaCard>) -> impl IntoView {
    let locale = expect_context::<Locale>();
    if ideas.is_empty() {
        return view! { <p class="empty">{locale.t("board.empty")}</p> }.into_any();
    }
    view! {
        <ol class="idea-list">
            {ideas.into_iter().map(|idea| view! { <IdeaRow idea/> }).collect_view()}
        </ol>
    }
    .into_any()
}

#[component]
fn IdeaRow(idea: IdeaCard) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let official = idea.author.staff.is_some();
    view! {
        <li class="idea-card" data-idea=idea.number>
            <VoteButton number=idea.number votes=idea.votes voted=idea.voted title=idea.title.clone()/>
            <div class="idea-main">
                <h3 class="idea-title"><A href=format!("/ideas/{}", idea.number)>{idea.title}</A></h3>
                <div class="idea-meta">
                    <StatusBadge status=idea.status/>
                    {idea.category.map(|c| view! { <span class="category">{c}</span> })}
                    <span class="author" class:official=official>
                        {locale.t("board.by")} " "
                        <A href=format!("/members/{}", idea.author.id)>{idea.author.display_name}</A>
                    </span>
                    <When at=idea.created_at.clone()/>
                    <span class="comment-count">{idea.comments} " " {locale.t("board.comments")}</span>
                </div>
            </div>
        </li>
    }
}
