//! Announcements: the company blog beside the board. Staff publish posts
//! that link the ideas they deliver; anyone reads them here or in the Atom
//! feed.

use crate::components::when::When;
use crate::time::Style;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use shared::AnnouncementView;

use crate::auth_state::CurrentUser;
use crate::components::field::{field_error, form_error};
use crate::components::not_found::NotFoundNotice;
use crate::components::signature::AuthorName;
use crate::components::status_badge::StatusBadge;
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::{PublishAnnouncement, get_announcement, list_announcements};
use crate::text::title_text;

/// Where feed readers subscribe.
pub const FEED_PATH: &str = "/feeds/announcements.atom";

/// The list at `/announcements`, with the publish form for staff.
#[component]
pub fn AnnouncementsPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let CurrentUser(user) = expect_context::<CurrentUser>();
    let query = use_query_map();
    let posts = load(move || query.read().get("cursor"), list_announcements);
    view! {
        <Title text=locale.t("announcements.title")/>
        <Meta name="description" content=locale.t("meta.announcements")/>
        <Link rel="alternate" type_="application/atom+xml" href=FEED_PATH title=locale.t("announcements.title")/>
        <div class="board-head">
            <div>
                <h1>{locale.t("announcements.title")}</h1>
                <p class="lead">{locale.t("announcements.lead")}</p>
            </div>
            <a href=FEED_PATH rel="external" class="button feed-link">{locale.t("announcements.feed")}</a>
        </div>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let staff = matches!(user.await, Ok(Some(ref me)) if me.can.publish_announcements);
                staff.then(|| view! { <PublishForm/> })
            })}
        </Suspense>
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match posts.await {
                    Ok(page) if page.items.is_empty() => view! { <p class="empty">{locale.t("announcements.empty")}</p> }.into_any(),
                    Ok(page) => {
                        let more = page.next_cursor.map(|c| view! {
                            <A href=format!("/announcements?cursor={c}") attr:class="more">{locale.t("announcements.more")}</A>
                        });
                        view! {
                            <div class="announcement-list">
                                {page.items.into_iter().map(|post| view! { <Post post linked_title=true/> }).collect_view()}
                            </div>
                            {more}
                        }.into_any()
                    }
                    Err(_) => view! { <p class="error" role="alert">{locale.t("error.load")}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// One post at `/announcements/:id`.
#[component]
pub fn AnnouncementPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let params = use_params_map();
    let post = load(
        move || {
            params
                .read()
                .get("id")
                .and_then(|id| id.parse::<i64>().ok())
        },
        |id| async move {
            match id {
                Some(id) => get_announcement(id).await.ok(),
                None => None,
            }
        },
    );
    view! {
        <A href="/announcements" attr:class="back">"← " {locale.t("announcements.title")}</A>
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match post.await {
                    Some(post) => view! {
                        <Title text=title_text(&post.title)/>
                        <Post post linked_title=false/>
                    }.into_any(),
                    None => view! { <NotFoundNotice message=locale.t("announcements.not_found")/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Post(post: AnnouncementView, linked_title: bool) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let href = format!("/announcements/{}", post.id);
    let title = if linked_title {
        view! { <h2 class="announcement-title"><A href=href>{post.title.clone()}</A></h2> }
            .into_any()
    } else {
        view! { <h1 class="announcement-title">{post.title.clone()}</h1> }.into_any()
    };
    let body = post.body_html.clone();
    view! {
        <article class="announcement" data-announcement=post.id>
            {title}
            <div class="idea-meta">
                <AuthorName author=post.author.clone()/>
                <When at=post.published_at.clone() style=Style::Date/>
            </div>
            <div class="prose" inner_html=body></div>
            {(!post.ideas.is_empty()).then(|| view! {
                <div class="delivered">
                    <h3>{locale.t("announcements.delivers")}</h3>
                    <ul>
                        {post.ideas.into_iter().map(|idea| view! {
                            <li data-idea=idea.number>
                                <StatusBadge status=idea.status/>
                                " " <A href=format!("/ideas/{}", idea.number)>{format!("#{} {}", idea.number, idea.title)}</A>
                                " · " {idea.votes} " " {locale.t("board.votes")}
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
        </article>
    }
}

/// Staff write a post; idea numbers link it to the ideas it delivers.
#[component]
fn PublishForm() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let action = ServerAction::<PublishAnnouncement>::new();
    view! {
        <details class="decision publish">
            <summary>{locale.t("announcements.write")}</summary>
            <ActionForm action=action attr:class="form" attr:id="announcement-form">
                <p class="form-error" role="alert">{form_error(action)}</p>
                <div class="field">
                    <label for="announcement-title">{locale.t("announcements.field_title")}</label>
                    <input id="announcement-title" name="title" maxlength="120"/>
                    <p class="field-error" id="announcement-title-error" role="alert">{field_error(action, "title")}</p>
                </div>
                <div class="field">
                    <label for="announcement-body">{locale.t("announcements.field_body")}</label>
                    <textarea id="announcement-body" name="body" rows="6"></textarea>
                    <p class="field-error" id="announcement-body-error" role="alert">{field_error(action, "body")}</p>
                </div>
                <div class="field">
                    <label for="announcement-ideas">{locale.t("announcements.field_ideas")}</label>
                    <input id="announcement-ideas" name="ideas" inputmode="numeric"/>
                    <p class="hint">{locale.t("announcements.ideas_hint")}</p>
                    <p class="field-error" id="announcement-ideas-error" role="alert">{field_error(action, "ideas")}</p>
                </div>
                <button type="submit" class="button primary" disabled=move || action.pending().get()>{locale.t("announcements.publish")}</button>
            </ActionForm>
        </details>
    }
}
