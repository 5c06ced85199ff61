//! `/tickets/{number}`: the public thread with its promise clock, signed
//! posts, "me too" and the customer's rating.

use crate::components::when::When;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::answer_review::AnswerKind;
use shared::{RedactableKind, TicketPost, TicketPostKind, TicketStatus, TicketView};

use super::correct::{Corrections, EditPostForm, EditTicketForm, RedactForm};
use super::promises::{Commitment, Remedy};
use super::reply::{ReplyForm, StaffTools};
use super::{ResponseClocks, kind_key, status_key_for};
use crate::components::draft::Draft;
use crate::components::field::field_error;
use crate::components::not_found::NotFoundNotice;
use crate::components::report_form::ReportForm;
use crate::components::review_link::ReviewLink;
use crate::components::share::ShareBox;
use crate::components::signature::{AuthorName, StaffSignature};
use crate::components::toggle_form::ToggleForm;
use crate::i18n::{Locale, Translate};
use crate::loaded::load;
use crate::rpc::{
    ClaimTicket, RateTicket, ReplyTicket, SetMeToo, SetTicketStatus, SettleCommitment,
    TransferTicket, answer_kit, get_ticket, list_departments, set_me_too,
};
use crate::text::title_text;
use leptos::server_fn::ServerFn;

/// `/tickets/:number`: the public thread.
#[component]
pub fn TicketPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let params = use_params_map();
    let reply = ServerAction::<ReplyTicket>::new();
    // Outside what live events re-render, so a half-written reply survives them.
    let draft = Draft::new();
    let transfer = ServerAction::<TransferTicket>::new();
    let status = ServerAction::<SetTicketStatus>::new();
    let claim = ServerAction::<ClaimTicket>::new();
    let rate = ServerAction::<RateTicket>::new();
    let settle = ServerAction::<SettleCommitment>::new();
    let corrections = Corrections::new();
    provide_context(corrections);
    let departments = load(|| (), |()| list_departments());
    // Staff only; for others the server refuses and the kit stays empty.
    let kit = load(
        move || params.read().get("number"),
        |number| async move {
            match number {
                Some(n) => answer_kit(n).await.unwrap_or_default(),
                None => shared::AnswerKit::default(),
            }
        },
    );
    // Replies, hand-offs and statuses by others appear without reloading.
    let live = crate::live::live_counter(move || {
        params.read().get("number").map(|n| format!("ticket:{n}"))
    });
    let ticket = load(
        move || {
            (
                params.read().get("number"),
                live.get(),
                reply.version().get(),
                transfer.version().get(),
                status.version().get(),
                claim.version().get(),
                rate.version().get(),
                settle.version().get(),
                corrections.version(),
            )
        },
        |(number, ..)| async move {
            match number {
                Some(n) => get_ticket(n).await.ok(),
                None => None,
            }
        },
    );
    let topics = params
        .read_untracked()
        .get("number")
        .map(|n| format!("ticket:{n}"))
        .unwrap_or_default();
    view! {
        <A href="/support" attr:class="back">"← " {locale.t("support.title")}</A>
        <div id="ticket-live">
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                match ticket.await {
                    Some(t) => {
                        let (departments, kit) = if t.can.staff {
                            (departments.await.unwrap_or_default(), kit.await)
                        } else {
                            (Vec::new(), shared::AnswerKit::default())
                        };
                        view! { <Thread t departments kit reply draft transfer status claim rate settle/> }.into_any()
                    }
                    None => view! { <NotFoundNotice message=locale.t("ticket.not_found")/> }.into_any(),
                }
            })}
        </Suspense>
        </div>
        <crate::components::live_region::LiveRefresh topics region="ticket-live".to_owned()/>
    }
}

#[component]
fn Thread(
    t: TicketView,
    departments: Vec<shared::department::Department>,
    kit: shared::AnswerKit,
    reply: ServerAction<ReplyTicket>,
    draft: Draft,
    transfer: ServerAction<TransferTicket>,
    status: ServerAction<SetTicketStatus>,
    claim: ServerAction<ClaimTicket>,
    rate: ServerAction<RateTicket>,
    settle: ServerAction<SettleCommitment>,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let dept = t.department.as_ref().map(|d| d.name.clone());
    let staff = t.can.staff;
    let number = t.number.clone();
    let body = t.body_html.clone();
    // Promises not yet kept and remedies waiting: resolving asks about them.
    let open_promises = t
        .commitments
        .iter()
        .filter(|c| {
            matches!(
                c.status,
                shared::CommitmentStatus::Pending | shared::CommitmentStatus::Overdue
            )
        })
        .count()
        + t.remedies
            .iter()
            .filter(|r| r.status == shared::RemedyStatus::PendingApproval)
            .count();
    view! {
        <Title text=title_text(&format!("{} {}", t.number, t.title))/>
        <Meta name="description" content=crate::seo::excerpt(&t.body_html)/>
        <Meta property="og:title" content=t.title.clone()/>
        <Meta property="og:type" content="article"/>
        <Meta property="og:description" content=crate::seo::excerpt(&t.body_html)/>
        <Meta property="og:url" content=t.url.clone()/>
        <Link rel="canonical" href=t.url.clone()/>
        <article class="ticket-page" data-ticket=t.number.clone()>
            <header>
                <div class="idea-meta">
                    <code class="ticket-number">{t.number.clone()}</code>
                    <span class="kind">{locale.t(kind_key(t.kind))}</span>
                    <span class=format!("ticket-status ticket-status-{}", t.status.as_str()) data-status=t.status.as_str()>{locale.t(status_key_for(t.status, staff))}</span>
                    {dept.clone().map(|d| view! { <span class="category ticket-department">{d}</span> })}
                    {t.assignee.clone().map(|a| view! { <span class="assignee">"→ " {a.display_name}</span> })}
                </div>
                <h1 class="ticket-title">{t.title.clone()}</h1>
                <div class="idea-meta">
                    <AuthorName author=t.author.clone()/>
                    {(t.author_unconfirmed == Some(true)).then(|| view! {
                        <span class="unconfirmed-badge" title=locale.t("ticket.unconfirmed_hint")>{locale.t("ticket.unconfirmed")}</span>
                    })}
                    <When at=t.created_at.clone()/>
                </div>
                <ResponseClocks clocks=t.clocks.clone() first=t.first_response.clone() department=dept/>
                {t.customer.clone().map(|c| view! { <CustomerSummaryNote c/> })}
            </header>
            <div class="idea-body prose" inner_html=body></div>
            {t.can.edit.then(|| view! { <EditTicketForm number=number.clone() title=t.title.clone() body=t.source.clone().unwrap_or_default()/> })}
            {staff.then(|| shared::ticket::parse_ticket_number(&t.number).map(|id| view! { <RedactForm kind=RedactableKind::Ticket id/> }))}
            {t.private_details.clone().map(|p| view! {
                <div class="private-details" role="note">
                    <strong>{locale.t("ticket.private_label")}</strong> " " <span class="private-value">{p}</span>
                </div>
            })}
            <MeToo number=number.clone() count=t.me_too mine=t.me_too_mine allowed=t.can.me_too/>
            <ShareBox url=t.url.clone() title=t.title.clone()/>
            <ol class="ticket-thread">
                {t.posts.into_iter().map(|p| view! { <Post p for_staff=staff reviewer=t.can.review number=number.clone()/> }).collect_view()}
            </ol>
            {(!t.commitments.is_empty()).then(|| view! {
                <section class="commitments" aria-labelledby="commitments-title">
                    <h2 id="commitments-title">{locale.t("commitment.title")}</h2>
                    <ul class="commitment-list">
                        {t.commitments.clone().into_iter().map(|c| view! { <Commitment c settle=staff.then_some(settle)/> }).collect_view()}
                    </ul>
                </section>
            })}
            {(!t.remedies.is_empty()).then(|| view! {
                <section class="remedies" aria-labelledby="remedies-title">
                    <h2 id="remedies-title">{locale.t("remedy.title")}</h2>
                    <ul class="remedy-list">
                        {t.remedies.clone().into_iter().map(|r| view! { <Remedy r/> }).collect_view()}
                    </ul>
                </section>
            })}
            {t.rating.clone().map(|r| view! {
                <p class="rating" data-score=r.score>{locale.t("ticket.rated")} " " {"★".repeat(usize::try_from(r.score).unwrap_or(0))} " " {r.comment.unwrap_or_default()}</p>
            })}
            {t.can.reply.then(|| view! { <ReplyForm number=number.clone() reply draft staff=t.can.staff kit allowance=t.remedy_allowance/> })}
            {t.can.rate.then(|| view! { <RatingForm number=number.clone() rate/> })}
            {t.can.reopen.then(|| {
                let number = number.clone();
                view! {
                    <button type="button" class="button reopen" on:click=move |_| {
                        status.dispatch(SetTicketStatus { number: number.clone(), status: TicketStatus::Open, note: None, open_promises: None, withdraw_reason: None });
                    }>{locale.t("ticket.reopen")}</button>
                }
            })}
            {t.can.staff.then(|| view! { <StaffTools number=number.clone() current=t.status departments transfer status claim claimed=t.assignee.is_some() open_promises/> })}
        </article>
    }
}

/// For staff: who the customer is at a glance — earlier tickets, open
/// promises, remedies this year, tags — with a link to the full view.
#[component]
fn CustomerSummaryNote(c: shared::customer::CustomerSummary) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let tags = (!c.tags.is_empty()).then(|| {
        view! { " · " {c.tags.iter().map(|t| view! { <span class="tag">{t.clone()}</span> " " }).collect_view()} }
    });
    view! {
        <aside class="customer-summary" aria-label=locale.t("customers.sidebar_title")>
            <strong>{c.display_name.clone()}</strong>
            {format!(
                " · {} {} · {} {} · {} {} {}",
                c.tickets, locale.t("customers.earlier_tickets"),
                c.open_promises, locale.t("customers.open_promises_short"),
                locale.t("customers.remedies_short"), super::won(c.remedies_this_year_won), locale.t("remedy.won"),
            )}
            {tags}
            " · " <A href=format!("/staff/customers/{}", c.id) attr:class="customer-full-view">{locale.t("customers.full_view")}</A>
        </aside>
    }
}

#[component]
fn Post(p: TicketPost, for_staff: bool, reviewer: bool, number: String) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let body = p.body_html.clone();
    let has_text = !body.trim().is_empty();
    // Only a public staff reply is an official answer; notes, hand-offs and
    // status posts are signed without the badge and look different.
    let answer = p.kind == TicketPostKind::Reply && p.author.staff.is_some();
    let head = match p.author.staff.clone() {
        Some(staff) => view! { <StaffSignature staff official=answer/> }.into_any(),
        None => view! { <AuthorName author=p.author.clone()/> }.into_any(),
    };
    let action = match p.kind {
        TicketPostKind::Transfer => Some(view! {
            <span class="post-action">
                {locale.t("ticket.handed_to")} " " <strong class="to-department">{p.to_department.clone().map(|d| d.name).unwrap_or_default()}</strong>
            </span>
        }.into_any()),
        TicketPostKind::Status => p.status.map(|s| view! {
            <span class="post-action">{locale.t("ticket.marked")} " " <strong data-status=s.as_str()>{locale.t(status_key_for(s, for_staff))}</strong></span>
        }.into_any()),
        TicketPostKind::Internal => Some(view! { <span class="post-action internal-label">{locale.t("ticket.internal")}</span> }.into_any()),
        TicketPostKind::Reply => None,
    };
    view! {
        <li class=format!("ticket-post post-{}", p.kind) class:official-answer=answer data-kind=p.kind.as_str() id=format!("post-{}", p.id)>
            <div class="timeline-head">
                {head}
                {action}
                <When at=p.created_at.clone()/>
                {(reviewer && answer && p.hidden.is_none()).then(|| view! { <ReviewLink kind=AnswerKind::TicketReply id=p.id/> })}
            </div>
            {match p.hidden.clone() {
                Some(reason) => view! {
                    <p class="tombstone hidden-by-moderator">{locale.t("moderation.hidden_post")} " " <strong class="hidden-reason">{reason}</strong></p>
                }.into_any(),
                None => has_text.then(|| view! { <div class="prose post-body" inner_html=body></div> }).into_any(),
            }}
            {(p.kind == TicketPostKind::Reply && p.hidden.is_none() && p.author.staff.is_none()).then(|| view! { <ReportForm kind=shared::ContentKind::TicketPost id=p.id/> })}
            {p.editable.then(|| view! { <EditPostForm number=number.clone() post=p.id body=p.source.clone().unwrap_or_default()/> })}
            {(for_staff && p.kind != TicketPostKind::Internal && p.hidden.is_none() && has_text).then(|| view! { <RedactForm kind=RedactableKind::TicketPost id=p.id/> })}
        </li>
    }
}

/// "Me too": the member is affected as well. A real form, like the vote.
#[component]
fn MeToo(number: String, count: i64, mine: bool, allowed: bool) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let count = RwSignal::new(count);
    let mine = RwSignal::new(mine);
    let fields = vec![
        ("number", Signal::stored(number.clone())),
        (
            "affected",
            Signal::derive(move || (!mine.get()).to_string()),
        ),
    ];
    let on_toggle = move || {
        let wanted = !mine.get_untracked();
        let number = number.clone();
        leptos::task::spawn_local(async move {
            if let Ok(state) = set_me_too(number, wanted).await {
                count.set(state.me_too);
                mine.set(state.mine);
            }
        });
    };
    view! {
        <div class="me-too">
            {allowed.then(|| view! {
                <ToggleForm action=SetMeToo::PATH fields on_toggle class="me-too-form">
                    <button type="submit" class="button small me-too-button" aria-pressed=move || mine.get().to_string()>
                        {locale.t("ticket.me_too")}
                    </button>
                </ToggleForm>
            })}
            <span class="me-too-count">{move || count.get()} " " {locale.t("ticket.affected")}</span>
        </div>
    }
}

#[component]
fn RatingForm(number: String, rate: ServerAction<RateTicket>) -> impl IntoView {
    let locale = expect_context::<Locale>();
    view! {
        <ActionForm action=rate attr:class="form rating-form" attr:id="ticket-rating-form">
            <input type="hidden" name="number" value=number/>
            <fieldset>
                <legend>{locale.t("ticket.rate")}</legend>
                {(1..=5).map(|n| view! {
                    <label class="star"><input type="radio" name="score" value=n required=true/> " " {n}</label>
                }).collect_view()}
            </fieldset>
            <p class="field-error" role="alert">{field_error(rate, "score")}</p>
            <div class="field">
                <label for="rating-comment">{locale.t("ticket.rating_comment")}</label>
                <input id="rating-comment" name="comment"/>
            </div>
            <button type="submit" class="button">{locale.t("ticket.rate_submit")}</button>
        </ActionForm>
    }
}
