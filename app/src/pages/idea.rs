//! One idea's page: the description, its votes, the public timeline of
//! signed decisions (who decided what, when and why) and the comments.

use crate::components::pick::pick;
use crate::components::when::When;
use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::components::live_region::LiveRefresh;
use leptos_meta::{Link, Meta, Title};
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::IdeaStatus;
use shared::answer_review::AnswerKind;

use crate::auth_state::CurrentUser;
use crate::components::draft::Draft;
use crate::components::field::{field_error, form_error, only_field_error};
use crate::components::follow_button::FollowButton;
use crate::components::not_found::NotFoundNotice;
use crate::components::report_form::ReportForm;
use crate::components::review_link::ReviewLink;
use crate::components::share::ShareBox;
use crate::components::signature::{AuthorName, StaffSignature};
use crate::components::status_badge::{StatusBadge, status_key};
use crate::components::vote_button::VoteButton;
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::pages::idea_curation::{CuratedIdea, CurationActions, CurationTools};
use crate::rpc::{
    ChangeIdeaStatus, DeleteComment, EditComment, MergeIdea, PostComment, RecordVoteFor,
    UnmergeIdea, get_idea, list_categories, list_guidelines,
};
use crate::text::{textarea_text, title_text};

/// The idea page at `/ideas/:number`.
#[component]
pub fn IdeaPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let params = use_params_map();
    let number = move || {
        params
            .read()
            .get("number")
            .and_then(|n| n.parse::<i64>().ok())
    };
    let post = ServerAction::<PostComment>::new();
    // Outside what live events re-render, so a half-written comment survives them.
    let comment_draft = Draft::new();
    let remove = ServerAction::<DeleteComment>::new();
    let decide = ServerAction::<ChangeIdeaStatus>::new();
    let record = ServerAction::<RecordVoteFor>::new();
    let amend = ServerAction::<EditComment>::new();
    let merge = ServerAction::<MergeIdea>::new();
    let unmerge = ServerAction::<UnmergeIdea>::new();
    let curation = CurationActions::new();
    // Votes, comments and decisions by others appear without reloading.
    let live = crate::live::live_counter(move || number().map(|n| format!("idea:{n}")));
    // What the moderators' forms offer; loaded with the page, not inside
    // the forms, so the selects keep their choice after hydration — and
    // only for moderators, so readers do not pay for it.
    let CurrentUser(user) = expect_context::<CurrentUser>();
    let choices = load(
        || (),
        move |()| async move {
            let moderator = matches!(
                user.await,
                Ok(Some(me)) if me.can.curate_ideas
            );
            if !moderator {
                return (Vec::new(), Vec::new());
            }
            (
                list_guidelines().await.unwrap_or_default(),
                list_categories().await.unwrap_or_default(),
            )
        },
    );
    let idea = load(
        move || {
            (
                number(),
                post.version().get(),
                remove.version().get(),
                decide.version().get(),
                record.version().get(),
                amend.version().get(),
                unmerge.version().get(),
                curation.version(),
                live.get(),
            )
        },
        |(number, _, _, _, _, _, _, _, _)| async move {
            match number {
                Some(n) => get_idea(n).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let topics = params
        .read_untracked()
        .get("number")
        .map(|n| format!("idea:{n}"))
        .unwrap_or_default();
    view! {
        <A href="/" attr:class="back">"← " {locale.t("idea.back")}</A>
        <div id="idea-live">
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match idea.await {
                    Ok(Some(idea)) => {
                        let description = idea.body_html.clone();
                        let can_report = idea.can_comment;
                        let can_review = idea.can_review_answers;
                        let tools = if idea.can_moderate {
                            let (guidelines, categories) = choices.await;
                            Some(view! {
                                <CurationTools
                                    idea=CuratedIdea {
                                        number: idea.number,
                                        title: idea.title.clone(),
                                        category: idea.category.clone(),
                                        tags: idea.tags.clone(),
                                        locked: idea.locked.is_some(),
                                        pinned: idea.pinned,
                                        hidden: idea.hidden.is_some(),
                                    }
                                    actions=curation
                                    guidelines
                                    categories
                                />
                            }.into_any())
                        } else {
                            None
                        };
                        let heading = if idea.title.is_empty() {
                            locale.t("idea.hidden_title").to_owned()
                        } else {
                            idea.title.clone()
                        };
                        let locked = idea.locked.is_some();
                        view! {
                            <Title text=title_text(&idea.title)/>
                            <Meta property="og:title" content=idea.title.clone()/>
                            <Meta property="og:type" content="article"/>
                            <Meta property="og:description" content=crate::seo::excerpt(&idea.body_html)/>
                            <Meta name="description" content=crate::seo::excerpt(&idea.body_html)/>
                            <Meta name="twitter:card" content="summary"/>
                            <Meta name="twitter:title" content=idea.title.clone()/>
                            <Meta property="og:url" content=idea.url.clone()/>
                            <Link rel="canonical" href=idea.url.clone()/>
                            <article class="idea-page" data-idea=idea.number>
                                <header class="idea-header">
                                    <VoteButton number=idea.number votes=idea.votes voted=idea.voted title=idea.title.clone()/>
                                    <div>
                                        <h1 class="idea-page-title">{heading}</h1>
                                        <div class="idea-meta">
                                            <StatusBadge status=idea.status/>
                                            {idea.pinned.then(|| view! { <span class="badge featured">{locale.t("idea.featured")}</span> })}
                                            {idea.category.clone().map(|c| view! { <span class="category">{c}</span> })}
                                            {idea.tags.clone().into_iter().map(|t| view! {
                                                <A href=format!("/?tag={}", crate::url::encode_component(&t)) attr:class="tag">"#" {t}</A>
                                            }).collect_view()}
                                            <span>{locale.t("board.by")} " "</span>
                                            <AuthorName author=idea.author.clone()/>
                                            <When at=idea.created_at.clone()/>
                                        </div>
                                        <div class="idea-actions">
                                            <FollowButton number=idea.number following=idea.following followers=idea.followers/>
                                            {(can_report && idea.hidden.is_none()).then(|| view! { <ReportForm kind=shared::ContentKind::Idea id=idea.number/> })}
                                            {(idea.votes_on_behalf > 0).then(|| view! {
                                                <span class="on-behalf-note" data-on-behalf=idea.votes_on_behalf>
                                                    {format!("{} {}", idea.votes_on_behalf, locale.t("idea.votes_on_behalf"))}
                                                </span>
                                            })}
                                        </div>
                                    </div>
                                </header>
                                {idea.hidden.clone().map(|reason| view! {
                                    <p class="tombstone hidden-by-moderator idea-hidden">{locale.t("idea.hidden_idea")} " " <strong class="hidden-reason">{reason}</strong></p>
                                })}
                                {idea.held_for_review.then(|| view! {
                                    <p class="notice held" role="status">
                                        {locale.t(if idea.awaiting_confirmation { "idea.awaiting_confirmation" } else { "idea.held" })}
                                        {idea.awaiting_confirmation.then(|| view! { " " <A href="/me">{locale.t("held.confirm_link")}</A> })}
                                    </p>
                                })}
                                {idea.locked.clone().map(|reason| view! {
                                    <p class="notice locked">{locale.t("idea.locked")} " " <strong class="locked-reason">{reason}</strong></p>
                                })}
                                {tools}
                                {idea.merged_into.map(|target| view! {
                                    <p class="notice">{locale.t("idea.merged_into")} " " <A href=format!("/ideas/{target}")>{format!("#{target}")}</A></p>
                                })}
                                {idea.can_merge.then(|| {
                                    let number = idea.number;
                                    match idea.merged_into {
                                        Some(_) => view! {
                                            <button type="button" class="button small unmerge" on:click=move |_| { unmerge.dispatch(UnmergeIdea { number }); }>{locale.t("merge.undo")}</button>
                                        }.into_any(),
                                        None => view! {
                                            <details class="decision merge">
                                                <summary>{locale.t("merge.open")}</summary>
                                                <ActionForm action=merge attr:class="form" attr:id="merge-form">
                                                    <p class="form-error" role="alert">{form_error(merge)}</p>
                                                    <input type="hidden" name="number" value=number/>
                                                    <label for="merge-into">{locale.t("merge.into")}</label>
                                                    <input id="merge-into" name="into" inputmode="numeric"/>
                                                    <p class="field-error" role="alert">{field_error(merge, "into")}</p>
                                                    <button type="submit" class="button">{locale.t("merge.submit")}</button>
                                                </ActionForm>
                                            </details>
                                        }.into_any(),
                                    }
                                })}
                                <div class="idea-body prose" inner_html=description></div>
                                <ShareBox url=idea.url.clone() title=idea.title.clone()/>
                                {idea.can_vote_on_behalf.then(|| view! { <ProxyVoteForm number=idea.number record=record/> })}

                                <section class="timeline" aria-labelledby="timeline-title">
                                    <h2 id="timeline-title">{locale.t("idea.timeline")}</h2>
                                    {idea.can_change_status.then(|| view! { <DecisionForm number=idea.number current=idea.status decide=decide/> })}
                                    {if idea.timeline.is_empty() {
                                        view! { <p class="empty">{locale.t("idea.no_timeline")}</p> }.into_any()
                                    } else {
                                        view! {
                                            <ol class="timeline-list">
                                                {idea.timeline.into_iter().map(|entry| {
                                                    let text = entry.text_html.clone();
                                                    view! {
                                                        <li class="timeline-entry" data-kind=entry.kind.as_str()>
                                                            <div class="timeline-head">
                                                                <StaffSignature staff=entry.by/>
                                                                {match entry.announcement.clone() {
                                                                    Some(post) => view! {
                                                                        <span class="timeline-action">
                                                                            {locale.t("idea.announced")} " "
                                                                            <A href=format!("/announcements/{}", post.id)>{post.title}</A>
                                                                        </span>
                                                                    }.into_any(),
                                                                    None if entry.status.is_some() => view! {
                                                                        <span class="timeline-action">
                                                                            {locale.t("idea.moved")} " "
                                                                            {entry.status.map(|s| view! { <strong data-status=s.as_str()>{locale.t(status_key(s))}</strong> })}
                                                                        </span>
                                                                    }.into_any(),
                                                                    None => view! {
                                                                        <span class="timeline-action">{locale.t(timeline_key(entry.kind))}</span>
                                                                    }.into_any(),
                                                                }}
                                                                <When at=entry.at.clone()/>
                                                            </div>
                                                            <div class="timeline-text prose" inner_html=text></div>
                                                        </li>
                                                    }
                                                }).collect_view()}
                                            </ol>
                                        }.into_any()
                                    }}
                                </section>

                                <section class="comments" aria-labelledby="comments-title">
                                    <h2 id="comments-title">{locale.t("idea.comments")} " (" {idea.comments_count} ")"</h2>
                                    <CommentForm number=idea.number post=post draft=comment_draft signed_in=idea.can_comment locked/>
                                    {if idea.comments.is_empty() {
                                        view! { <p class="empty">{locale.t("idea.no_comments")}</p> }.into_any()
                                    } else {
                                        view! {
                                            <ol class="comment-list">
                                                {idea.comments.into_iter().map(|c| {
                                                    let body = c.body_html.clone();
                                                    let official = c.author.staff.is_some();
                                                    view! {
                                                        <li class="comment" class:official=official data-comment=c.id id=format!("comment-{}", c.id)>
                                                            <div class="comment-head">
                                                                <AuthorName author=c.author/>
                                                                <When at=c.created_at.clone()/>
                                                                {c.edited.then(|| view! { <span class="edited">{locale.t("idea.edited")}</span> })}
                                                                {(can_review && official && !c.deleted && c.hidden.is_none() && !c.mine).then(|| view! { <ReviewLink kind=AnswerKind::IdeaComment id=c.id/> })}
                                                                {(!c.deleted && c.hidden.is_none() && can_report && !c.mine).then(|| view! { <ReportForm kind=shared::ContentKind::Comment id=c.id/> })}
                                                                {(!c.deleted && c.mine).then(|| view! {
                                                                    <button type="button" class="button small delete-comment" on:click=move |_| { remove.dispatch(DeleteComment { id: c.id }); }>
                                                                        {locale.t("comment.delete")}
                                                                    </button>
                                                                })}
                                                            </div>
                                                            {c.source_md.clone().filter(|_| c.editable).map(|source| view! { <CommentEditor id=c.id source amend/> })}
                                                            {c.held_for_review.then(|| view! { <p class="notice held" role="status">{locale.t(held_key(c.awaiting_confirmation))}</p> })}
                                                            {if let Some(reason) = c.hidden.clone() {
                                                                view! { <p class="tombstone hidden-by-moderator">{locale.t("idea.hidden_comment")} " " <strong class="hidden-reason">{reason}</strong></p> }.into_any()
                                                            } else if c.deleted {
                                                                view! { <p class="tombstone">{locale.t("idea.deleted_comment")}</p> }.into_any()
                                                            } else {
                                                                view! { <div class="comment-body prose" inner_html=body></div> }.into_any()
                                                            }}
                                                        </li>
                                                    }
                                                }).collect_view()}
                                            </ol>
                                        }.into_any()
                                    }}
                                </section>
                            </article>
                        }.into_any()
                    }
                    _ => view! { <NotFoundNotice message=locale.t("idea.not_found")/> }.into_any(),
                }
            })}
        </Suspense>
        </div>
        <LiveRefresh topics region="idea-live".to_owned()/>
    }
}

/// The translation key of a moderator's step in the timeline.
fn timeline_key(kind: shared::TimelineKind) -> &'static str {
    use shared::TimelineKind;
    match kind {
        TimelineKind::StatusChanged => "idea.moved",
        TimelineKind::Announcement => "idea.announced",
        TimelineKind::Edited => "timeline.edited",
        TimelineKind::Locked => "timeline.locked",
        TimelineKind::Unlocked => "timeline.unlocked",
        TimelineKind::Pinned => "timeline.pinned",
        TimelineKind::Unpinned => "timeline.unpinned",
        TimelineKind::Hidden => "timeline.hidden",
        TimelineKind::Unhidden => "timeline.unhidden",
    }
}

/// The author's edit box for a comment still inside its 15-minute window.
#[component]
fn CommentEditor(id: i64, source: String, amend: ServerAction<EditComment>) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let field_id = format!("comment-edit-{id}");
    view! {
        <details class="edit-comment">
            <summary>{locale.t("comment.edit")}</summary>
            <ActionForm action=amend attr:class="form">
                <p class="form-error" role="alert">{form_error(amend)}</p>
                <input type="hidden" name="id" value=id/>
                <label class="visually-hidden" for=field_id.clone()>{locale.t("comment.edit")}</label>
                <textarea id=field_id name="body" rows="3">{textarea_text(source)}</textarea>
                <p class="field-error" role="alert">{field_error(amend, "body")}</p>
                <button type="submit" class="button small">{locale.t("comment.save")}</button>
            </ActionForm>
        </details>
    }
}

/// Staff record a vote for a customer who asked on the phone or in a store;
/// the vote is marked as recorded by staff.
#[component]
fn ProxyVoteForm(number: i64, record: ServerAction<RecordVoteFor>) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let done = move || {
        record.value().get().and_then(Result::ok).map(|state| {
            let key = if state.on_behalf {
                "proxy.recorded"
            } else {
                "proxy.already"
            };
            view! { <p class="notice" role="status">{locale.t(key)}</p> }
        })
    };
    view! {
        <details class="decision proxy-vote">
            <summary>{locale.t("proxy.open")}</summary>
            <ActionForm action=record attr:class="form" attr:id="proxy-vote-form">
                <p class="form-error" role="alert">{form_error(record)}</p>
                <input type="hidden" name="number" value=number/>
                <div class="field">
                    <label for="proxy-email">{locale.t("proxy.email")}</label>
                    <input id="proxy-email" name="email" type="email" autocomplete="off"/>
                    <p class="field-error" id="proxy-email-error" role="alert">{field_error(record, "email")}</p>
                </div>
                <button type="submit" class="button">{locale.t("proxy.submit")}</button>
                {done}
            </ActionForm>
        </details>
    }
}

/// The comment box under an idea; visitors get a sign-in link instead.
#[component]
fn CommentForm(
    number: i64,
    post: ServerAction<PostComment>,
    draft: Draft,
    signed_in: bool,
    locked: bool,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let form = NodeRef::<leptos::html::Form>::new();
    draft.bind(post, form);
    let error = only_field_error(post, "body");
    let held = move || {
        post.value()
            .get()
            .and_then(Result::ok)
            .filter(|comment| comment.held_for_review)
            .map(|comment| view! { <p class="notice held" role="status">{locale.t(held_key(comment.awaiting_confirmation))}</p> })
    };
    view! {
        {held}
        <Show
            when=move || signed_in
            fallback=move || if locked {
                view! { <p class="aside locked-note">{locale.t("comment.locked")}</p> }.into_any()
            } else {
                view! {
                    <p class="aside"><A href=format!("/signin?next=/ideas/{number}")>{locale.t("comment.sign_in")}</A></p>
                }.into_any()
            }
        >
            <ActionForm action=post node_ref=form attr:class="form comment-form" attr:id="comment-form">
                <input type="hidden" name="number" value=number/>
                <div class="field">
                    <label for="comment-body">{locale.t("comment.label")}</label>
                    <textarea id="comment-body" name="body" rows="3"></textarea>
                    <p class="field-error" id="comment-body-error" role="alert">{error}</p>
                </div>
                <button type="submit" class="button primary" disabled=move || post.pending().get()>{locale.t("comment.submit")}</button>
            </ActionForm>
        </Show>
    }
}

/// Staff move the idea to a new status with a public explanation, which the
/// timeline shows signed with their name, department and title.
#[component]
fn DecisionForm(
    number: i64,
    current: IdeaStatus,
    decide: ServerAction<ChangeIdeaStatus>,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let (status, remember_status) = pick("decision-status", current.as_str());
    view! {
        <details class="decision status-decision">
            <summary>{locale.t("decision.open")}</summary>
            <ActionForm action=decide attr:class="form" attr:id="decision-form">
                <p class="form-error" role="alert">{form_error(decide)}</p>
                <input type="hidden" name="number" value=number/>
                <div class="field">
                    <label for="decision-status">{locale.t("decision.status")}</label>
                    <select id="decision-status" name="status" on:change=remember_status>
                        {IdeaStatus::ALL.into_iter().map(|s| view! {
                            <option value=s.as_str() selected=s.as_str() == status>{locale.t(status_key(s))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="decision-explanation">{locale.t("decision.explanation")}</label>
                    <textarea id="decision-explanation" name="explanation" rows="4"></textarea>
                    <p class="hint">{locale.t("decision.hint")}</p>
                    <p class="field-error" id="decision-explanation-error" role="alert">{field_error(decide, "explanation")}</p>
                </div>
                <div class="field">
                    <label for="decision-duplicate">{locale.t("decision.duplicate_of")}</label>
                    <input id="decision-duplicate" name="duplicate_of" inputmode="numeric"/>
                    <p class="field-error" role="alert">{field_error(decide, "duplicate_of")}</p>
                </div>
                <button type="submit" class="button primary">{locale.t("decision.submit")}</button>
            </ActionForm>
        </details>
    }
}

/// Why the reader's own comment is not public yet.
fn held_key(awaiting_confirmation: bool) -> &'static str {
    if awaiting_confirmation {
        "comment.awaiting_confirmation"
    } else {
        "comment.held"
    }
}
