//! Public ticket threads: filing a ticket, the thread page with its
//! first-response clock, signed replies, hand-offs and status changes, and
//! the list the support page shows.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::{
    CommitmentView, FirstResponse, RemedyView, TicketCard, TicketKind, TicketPost, TicketStatus,
    TicketView,
};

use crate::auth_state::CurrentUser;
use crate::components::draft::Draft;
use crate::components::field::{field_error, form_error};
use crate::components::not_found::NotFoundNotice;
use crate::components::report_form::ReportForm;
use crate::components::signature::{AuthorName, StaffSignature};
use crate::i18n::Locale;
use crate::rpc::{
    ClaimTicket, FileTicket, RateTicket, ReplyTicket, SetTicketStatus, SettleCommitment,
    TransferTicket, answer_kit, get_ticket, list_departments, set_me_too,
};
use crate::text::title_text;

/// The translation key of a ticket kind.
#[must_use]
pub fn kind_key(kind: TicketKind) -> &'static str {
    match kind {
        TicketKind::Inquiry => "ticket.kind.inquiry",
        TicketKind::Complaint => "ticket.kind.complaint",
        TicketKind::Suggestion => "ticket.kind.suggestion",
        TicketKind::Request => "ticket.kind.request",
    }
}

/// The translation key of a ticket status.
#[must_use]
pub fn ticket_status_key(status: TicketStatus) -> &'static str {
    match status {
        TicketStatus::Open => "ticket.status.open",
        TicketStatus::Acknowledged => "ticket.status.acknowledged",
        TicketStatus::InProgress => "ticket.status.in_progress",
        TicketStatus::WaitingForCustomer => "ticket.status.waiting_for_customer",
        TicketStatus::Resolved => "ticket.status.resolved",
        TicketStatus::Closed => "ticket.status.closed",
    }
}

/// A duration in minutes as people say it: `45 min`, `3 h 5 min`, `2 d 4 h`.
#[must_use]
pub fn format_minutes(minutes: i64, locale: Locale) -> String {
    let (m, h, d) = (
        locale.t("ticket.min"),
        locale.t("ticket.hours"),
        locale.t("ticket.days"),
    );
    match minutes {
        ..60 => format!("{minutes} {m}"),
        60..1440 => format!("{} {h} {} {m}", minutes / 60, minutes % 60),
        _ => format!("{} {d} {} {h}", minutes / 1440, minutes % 1440 / 60),
    }
}

/// "J.K. (Billing)": how a thread names who answered or granted something.
fn short_signature(staff: &shared::StaffIdentity) -> String {
    let department = staff
        .department
        .as_ref()
        .map(|d| d.name.as_str())
        .unwrap_or_default();
    format!("{} ({department})", staff.initials)
}

fn short_time(rfc3339: &str) -> String {
    rfc3339.get(..16).unwrap_or(rfc3339).replace('T', " ")
}

/// "Waiting for 23 min" that keeps counting in the browser, or "answered
/// in 7 min by J.K. (Billing)" once staff replied.
#[component]
pub fn PromiseClock(promise: FirstResponse, department: Option<String>) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let breached = promise.breached;
    match (promise.answered_at.clone(), promise.waiting_minutes) {
        (Some(_), _) => {
            let by = promise.by.as_ref().map(short_signature);
            view! {
                <p class="promise-clock answered" class:breached=breached data-breached=breached.to_string()>
                    {locale.t("ticket.answered_in")} " " <strong>{format_minutes(promise.minutes.unwrap_or(0), locale)}</strong>
                    {by.map(|b| view! { " " {locale.t("ticket.by")} " " <strong class="answered-by">{b}</strong> })}
                    " · " {locale.t("ticket.promise")} " " {format_minutes(promise.target_minutes, locale)}
                </p>
            }
            .into_any()
        }
        (None, waited) => {
            let minutes = RwSignal::new(waited.unwrap_or(0));
            Effect::new(move |_| {
                if let Ok(handle) = set_interval_with_handle(
                    move || minutes.update(|m| *m += 1),
                    std::time::Duration::from_secs(60),
                ) {
                    on_cleanup(move || handle.clear());
                }
            });
            view! {
                <p class="promise-clock waiting" class:breached=breached data-breached=breached.to_string()>
                    <span class="waiting">{locale.t("ticket.waiting")} " " <strong class="waiting-minutes" data-minutes=move || minutes.get()>{move || format_minutes(minutes.get(), locale)}</strong></span>
                    " · " {department.unwrap_or_default()} " " {locale.t("ticket.promises")} " " <strong>{format_minutes(promise.target_minutes, locale)}</strong>
                    {breached.then(|| view! { " · " <span class="breach">{locale.t("ticket.overdue")}</span> })}
                </p>
            }
            .into_any()
        }
    }
}

/// Ticket cards for the support page and the staff queue.
#[component]
pub fn TicketList(
    tickets: Vec<TicketCard>,
    #[prop(optional)] claim: Option<ServerAction<ClaimTicket>>,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    if tickets.is_empty() {
        return view! { <p class="empty">{locale.t("ticket.none")}</p> }.into_any();
    }
    view! {
        <ol class="ticket-list">
            {tickets.into_iter().map(|t| {
                let number = t.number.clone();
                let dept = t.department.as_ref().map(|d| d.name.clone());
                view! {
                    <li class="ticket-card" data-ticket=t.number.clone() class:breached=t.first_response.breached>
                        <div class="ticket-main">
                            <h3><A href=format!("/tickets/{}", t.number)>{t.title.clone()}</A></h3>
                            <div class="idea-meta">
                                <code class="ticket-number">{t.number.clone()}</code>
                                <span class="kind">{locale.t(kind_key(t.kind))}</span>
                                <span class=format!("ticket-status ticket-status-{}", t.status.as_str()) data-status=t.status.as_str()>{locale.t(ticket_status_key(t.status))}</span>
                                {dept.clone().map(|d| view! { <span class="category">{d}</span> })}
                                {(t.me_too > 0).then(|| view! { <span class="me-too-count">{t.me_too} " " {locale.t("ticket.affected")}</span> })}
                                {t.assignee.clone().map(|a| view! { <span class="assignee">"→ " {a.display_name}</span> })}
                            </div>
                            <PromiseClock promise=t.first_response.clone() department=dept/>
                        </div>
                        {claim.filter(|_| t.assignee.is_none()).map(|claim| view! {
                            <button type="button" class="button small claim" on:click=move |_| { claim.dispatch(ClaimTicket { number: number.clone() }); }>
                                {locale.t("ticket.claim")}
                            </button>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

/// `/tickets/new`: file a complaint, inquiry, suggestion or request.
#[component]
pub fn NewTicketPage() -> impl IntoView {
    let locale = expect_context::<Locale>();
    let CurrentUser(user) = expect_context::<CurrentUser>();
    let departments = Resource::new(|| (), |()| list_departments());
    let action = ServerAction::<FileTicket>::new();
    view! {
        <Title text=locale.t("ticket.new_title")/>
        <section class="auth-card wide">
            <h1>{locale.t("ticket.new_title")}</h1>
            <p class="lead">{locale.t("ticket.new_lead")}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    if !matches!(user.await, Ok(Some(_))) {
                        return view! {
                            <p class="notice">{locale.t("ticket.sign_in")}</p>
                            <A href="/signin?next=/tickets/new" attr:class="button primary">{locale.t("signin.submit")}</A>
                        }.into_any();
                    }
                    let options = departments.await.unwrap_or_default();
                    view! {
                        <ActionForm action=action attr:class="form" attr:id="ticket-form">
                            <p class="form-error" role="alert">{form_error(action)}</p>
                            <div class="field">
                                <label for="ticket-kind">{locale.t("ticket.field_kind")}</label>
                                <select id="ticket-kind" name="kind">
                                    {TicketKind::ALL.into_iter().map(|k| view! { <option value=k.as_str()>{locale.t(kind_key(k))}</option> }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="ticket-title">{locale.t("ticket.field_title")}</label>
                                <input id="ticket-title" name="title" maxlength="120"/>
                                <p class="field-error" id="ticket-title-error" role="alert">{field_error(action, "title")}</p>
                            </div>
                            <div class="field">
                                <label for="ticket-body">{locale.t("ticket.field_body")}</label>
                                <textarea id="ticket-body" name="body" rows="6"></textarea>
                                <p class="hint">{locale.t("ticket.body_hint")}</p>
                                <p class="field-error" id="ticket-body-error" role="alert">{field_error(action, "body")}</p>
                            </div>
                            <div class="field private">
                                <label for="ticket-private">{locale.t("ticket.field_private")}</label>
                                <input id="ticket-private" name="private_details" autocomplete="off"/>
                                <p class="hint">{locale.t("ticket.private_hint")}</p>
                                <p class="field-error" id="ticket-private-error" role="alert">{field_error(action, "private_details")}</p>
                            </div>
                            <div class="field">
                                <label for="ticket-department">{locale.t("ticket.field_department")}</label>
                                <select id="ticket-department" name="department">
                                    <option value="">{locale.t("ticket.any_department")}</option>
                                    {options.into_iter().map(|d| view! {
                                        <option value=d.slug>{d.name} " — " {d.first_response_minutes} " " {locale.t("ticket.min")}</option>
                                    }).collect_view()}
                                </select>
                                <p class="field-error" role="alert">{field_error(action, "department")}</p>
                            </div>
                            <button type="submit" class="button primary" disabled=move || action.pending().get()>{locale.t("ticket.submit")}</button>
                        </ActionForm>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}

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
    let departments = Resource::new(|| (), |()| list_departments());
    // Staff only; for others the server refuses and the kit stays empty.
    let kit = Resource::new(
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
    let ticket = Resource::new(
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
            )
        },
        |(number, ..)| async move {
            match number {
                Some(n) => get_ticket(n).await.ok(),
                None => None,
            }
        },
    );
    view! {
        <A href="/support" attr:class="back">"← " {locale.t("support.title")}</A>
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
    view! {
        <Title text=title_text(&format!("{} {}", t.number, t.title))/>
        <article class="ticket-page" data-ticket=t.number.clone()>
            <header>
                <div class="idea-meta">
                    <code class="ticket-number">{t.number.clone()}</code>
                    <span class="kind">{locale.t(kind_key(t.kind))}</span>
                    <span class=format!("ticket-status ticket-status-{}", t.status.as_str()) data-status=t.status.as_str()>{locale.t(ticket_status_key(t.status))}</span>
                    {dept.clone().map(|d| view! { <span class="category ticket-department">{d}</span> })}
                    {t.assignee.clone().map(|a| view! { <span class="assignee">"→ " {a.display_name}</span> })}
                </div>
                <h1 class="ticket-title">{t.title.clone()}</h1>
                <div class="idea-meta">
                    <AuthorName author=t.author.clone()/>
                    <time datetime=t.created_at.clone()>{short_time(&t.created_at)}</time>
                </div>
                <PromiseClock promise=t.first_response.clone() department=dept/>
            </header>
            <div class="idea-body prose" inner_html=body></div>
            {t.private_details.clone().map(|p| view! {
                <div class="private-details" role="note">
                    <strong>{locale.t("ticket.private_label")}</strong> " " <span class="private-value">{p}</span>
                </div>
            })}
            <MeToo number=number.clone() count=t.me_too mine=t.me_too_mine allowed=t.can.me_too/>
            <ol class="ticket-thread">
                {t.posts.into_iter().map(|p| view! { <Post p/> }).collect_view()}
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
            {t.can.reply.then(|| view! { <ReplyForm number=number.clone() reply draft staff=t.can.staff kit/> })}
            {t.can.rate.then(|| view! { <RatingForm number=number.clone() rate/> })}
            {t.can.reopen.then(|| {
                let number = number.clone();
                view! {
                    <button type="button" class="button reopen" on:click=move |_| {
                        status.dispatch(SetTicketStatus { number: number.clone(), status: TicketStatus::Open, note: None });
                    }>{locale.t("ticket.reopen")}</button>
                }
            })}
            {t.can.staff.then(|| view! { <StaffTools number=number.clone() current=t.status departments transfer status claim claimed=t.assignee.is_some()/> })}
        </article>
    }
}

#[component]
fn Post(p: TicketPost) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let body = p.body_html.clone();
    let has_text = !body.trim().is_empty();
    let official = p.author.staff.clone();
    let head = match official {
        Some(staff) => view! { <StaffSignature staff/> }.into_any(),
        None => view! { <AuthorName author=p.author.clone()/> }.into_any(),
    };
    let action = match p.kind.as_str() {
        "transfer" => Some(view! {
            <span class="post-action">
                {locale.t("ticket.handed_to")} " " <strong class="to-department">{p.to_department.clone().map(|d| d.name).unwrap_or_default()}</strong>
            </span>
        }.into_any()),
        "status" => p.status.map(|s| view! {
            <span class="post-action">{locale.t("ticket.marked")} " " <strong data-status=s.as_str()>{locale.t(ticket_status_key(s))}</strong></span>
        }.into_any()),
        "internal" => Some(view! { <span class="post-action internal-label">{locale.t("ticket.internal")}</span> }.into_any()),
        _ => None,
    };
    view! {
        <li class=format!("ticket-post post-{}", p.kind) data-kind=p.kind.clone()>
            <div class="timeline-head">
                {head}
                {action}
                <time datetime=p.created_at.clone()>{short_time(&p.created_at)}</time>
            </div>
            {match p.hidden.clone() {
                Some(reason) => view! {
                    <p class="tombstone hidden-by-moderator">{locale.t("moderation.hidden_post")} " " <strong class="hidden-reason">{reason}</strong></p>
                }.into_any(),
                None => has_text.then(|| view! { <div class="prose post-body" inner_html=body></div> }).into_any(),
            }}
            {(p.kind == "reply" && p.hidden.is_none() && p.author.staff.is_none()).then(|| view! { <ReportForm kind="ticket_post" id=p.id/> })}
        </li>
    }
}

/// Formats won with thousands separators: `55,000 won`.
#[must_use]
pub fn won(amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if amount < 0 {
        out.insert(0, '-');
    }
    out
}

/// One promise with its public status; staff can settle it.
#[component]
pub fn Commitment(
    c: CommitmentView,
    settle: Option<ServerAction<SettleCommitment>>,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let status_key = match c.status.as_str() {
        "kept" => "commitment.kept",
        "overdue" => "commitment.overdue",
        "withdrawn" => "commitment.withdrawn",
        _ => "commitment.pending",
    };
    let open = c.status == "pending" || c.status == "overdue";
    view! {
        <li class=format!("commitment commitment-{}", c.status) data-commitment=c.id data-status=c.status.clone()>
            <span class="commitment-status">{locale.t(status_key)}</span>
            " " <strong class="commitment-text">{c.text.clone()}</strong>
            " · " {locale.t("commitment.due")} " " <time class="commitment-due">{c.due_on.clone()}</time>
            {c.department.clone().map(|d| view! { " · " <span class="category">{d.name}</span> })}
            " · " <A href=format!("/tickets/{}", c.ticket)>{c.ticket.clone()}</A>
            {c.evidence.clone().map(|e| view! { <p class="evidence">{locale.t("commitment.evidence")} " " {e}</p> })}
            {c.reason.clone().map(|r| view! { <p class="reason">{locale.t("commitment.reason")} " " {r}</p> })}
            {settle.filter(|_| open).map(|settle| view! {
                <ActionForm action=settle attr:class="form settle-form">
                    <input type="hidden" name="id" value=c.id/>
                    <select name="status" aria-label=locale.t("commitment.settle")>
                        <option value="kept">{locale.t("commitment.kept")}</option>
                        <option value="withdrawn">{locale.t("commitment.withdrawn")}</option>
                    </select>
                    <input name="evidence" placeholder=locale.t("commitment.evidence_hint")/>
                    <input name="reason" placeholder=locale.t("commitment.reason_hint")/>
                    <button type="submit" class="button small">{locale.t("commitment.settle")}</button>
                    <p class="form-error" role="alert">{form_error(settle)}</p>
                    <p class="field-error" role="alert">{field_error(settle, "evidence")}</p>
                    <p class="field-error" role="alert">{field_error(settle, "reason")}</p>
                </ActionForm>
            })}
        </li>
    }
}

#[component]
fn Remedy(r: RemedyView) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let status_key = match r.status.as_str() {
        "granted" => "remedy.granted",
        "rejected" => "remedy.rejected",
        _ => "remedy.pending",
    };
    let by = r.granted_by.staff.as_ref().map(short_signature);
    view! {
        <li class=format!("remedy remedy-{}", r.status) data-remedy=r.id data-status=r.status.clone()>
            <span class="remedy-status">{locale.t(status_key)}</span>
            " " <strong class="remedy-description">{r.description.clone()}</strong>
            " · " <span class="remedy-amount">{won(r.amount)} " " {locale.t("remedy.won")}</span>
            {by.map(|b| view! { " · " {locale.t("ticket.by")} " " {b} })}
        </li>
    }
}

#[component]
fn MeToo(number: String, count: i64, mine: bool, allowed: bool) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let count = RwSignal::new(count);
    let mine = RwSignal::new(mine);
    let on_click = move |_| {
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
                <button type="button" class="button small me-too-button" aria-pressed=move || mine.get().to_string() on:click=on_click>
                    {locale.t("ticket.me_too")}
                </button>
            })}
            <span class="me-too-count">{move || count.get()} " " {locale.t("ticket.affected")}</span>
        </div>
    }
}

#[component]
fn ReplyForm(
    number: String,
    reply: ServerAction<ReplyTicket>,
    draft: Draft,
    staff: bool,
    kit: shared::AnswerKit,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let form = NodeRef::<leptos::html::Form>::new();
    let text = NodeRef::<leptos::html::Textarea>::new();
    draft.bind(reply, form);
    let canned = kit.canned.clone();
    let insert = move |snippet: String| {
        if let Some(area) = text.get() {
            let current = area.value();
            let joined = if current.trim().is_empty() {
                snippet
            } else {
                format!("{current}\n\n{snippet}")
            };
            area.set_value(&joined);
        }
    };
    let template = kit.statement_template.clone();
    let tools = (staff && (!kit.canned.is_empty() || !kit.guidelines.is_empty())).then(|| {
        let on_pick = move |ev: leptos::ev::Event| {
            let id = event_target_value(&ev);
            if let Some(answer) = canned.iter().find(|c| c.id.to_string() == id) {
                insert(answer.body.clone());
            }
        };
        view! {
            <div class="composer-tools">
                <label for="canned-pick">{locale.t("kit.canned")}</label>
                <select id="canned-pick" on:change=on_pick>
                    <option value="">{locale.t("kit.pick")}</option>
                    {kit.canned.iter().map(|c| view! { <option value=c.id.to_string()>{c.title.clone()}</option> }).collect_view()}
                </select>
                <button type="button" class="button small statement" on:click=move |_| insert(template.clone())>{locale.t("kit.statement")}</button>
                <details class="guidelines">
                    <summary>{locale.t("kit.guidelines")} " (" {kit.guidelines.len()} ")"</summary>
                    <ol>
                        {kit.guidelines.iter().map(|g| view! {
                            <li><label><input type="checkbox"/> " " {g.text.clone()}</label></li>
                        }).collect_view()}
                    </ol>
                </details>
            </div>
        }
    });
    view! {
        <ActionForm action=reply node_ref=form attr:class="form" attr:id="ticket-reply-form">
            <p class="form-error" role="alert">{form_error(reply)}</p>
            <input type="hidden" name="number" value=number/>
            {tools}
            <div class="field">
                <label for="ticket-reply">{locale.t(if staff { "ticket.reply_staff" } else { "ticket.reply" })}</label>
                <textarea id="ticket-reply" name="body" rows="4" node_ref=text></textarea>
                <p class="field-error" id="ticket-reply-error" role="alert">{field_error(reply, "body")}</p>
            </div>
            {staff.then(|| view! {
                <label class="checkbox"><input type="checkbox" name="internal" id="ticket-internal"/> " " {locale.t("ticket.internal_option")}</label>
                <details class="decision promise-remedy">
                    <summary>{locale.t("ticket.add_promise_remedy")}</summary>
                    <div class="field">
                        <label for="commitment-text">{locale.t("commitment.text")}</label>
                        <input id="commitment-text" name="commitment_text"/>
                        <p class="field-error" id="commitment-text-error" role="alert">{field_error(reply, "commitment.text")}</p>
                    </div>
                    <div class="field">
                        <label for="commitment-due">{locale.t("commitment.due_on")}</label>
                        <input id="commitment-due" name="commitment_due_on" type="date"/>
                        <p class="field-error" id="commitment-due-error" role="alert">{field_error(reply, "commitment.due_on")}</p>
                    </div>
                    <div class="field">
                        <label for="remedy-kind">{locale.t("remedy.kind")}</label>
                        <select id="remedy-kind" name="remedy_kind">
                            <option value="">{locale.t("remedy.none")}</option>
                            <option value="month_free">{locale.t("remedy.month_free")}</option>
                            <option value="credit">{locale.t("remedy.credit")}</option>
                            <option value="custom">{locale.t("remedy.custom")}</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="remedy-amount">{locale.t("remedy.amount")}</label>
                        <input id="remedy-amount" name="remedy_amount" inputmode="numeric"/>
                        <p class="field-error" id="remedy-amount-error" role="alert">{field_error(reply, "remedy.amount")}</p>
                    </div>
                    <div class="field">
                        <label for="remedy-description">{locale.t("remedy.description")}</label>
                        <input id="remedy-description" name="remedy_description"/>
                        <p class="field-error" role="alert">{field_error(reply, "remedy.description")}</p>
                    </div>
                </details>
            })}
            <button type="submit" class="button primary">{locale.t("ticket.send")}</button>
        </ActionForm>
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

#[component]
fn StaffTools(
    number: String,
    current: TicketStatus,
    departments: Vec<shared::department::Department>,
    transfer: ServerAction<TransferTicket>,
    status: ServerAction<SetTicketStatus>,
    claim: ServerAction<ClaimTicket>,
    claimed: bool,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let claim_number = number.clone();
    let status_number = number.clone();
    view! {
        <section class="staff-tools" aria-label=locale.t("ticket.staff_tools")>
            {(!claimed).then(|| view! {
                <button type="button" class="button small claim" on:click=move |_| { claim.dispatch(ClaimTicket { number: claim_number.clone() }); }>
                    {locale.t("ticket.claim")}
                </button>
            })}
            <details class="decision transfer">
                <summary>{locale.t("ticket.transfer")}</summary>
                <ActionForm action=transfer attr:class="form" attr:id="ticket-transfer-form">
                    <p class="form-error" role="alert">{form_error(transfer)}</p>
                    <input type="hidden" name="number" value=number.clone()/>
                    <div class="field">
                        <label for="transfer-department">{locale.t("ticket.field_department")}</label>
                        <select id="transfer-department" name="department">
                            {departments.into_iter().map(|d| view! { <option value=d.slug>{d.name}</option> }).collect_view()}
                        </select>
                        <p class="field-error" id="transfer-department-error" role="alert">{field_error(transfer, "department")}</p>
                    </div>
                    <div class="field">
                        <label for="transfer-note">{locale.t("ticket.transfer_note")}</label>
                        <textarea id="transfer-note" name="note" rows="2"></textarea>
                        <p class="hint">{locale.t("ticket.transfer_hint")}</p>
                        <p class="field-error" id="transfer-note-error" role="alert">{field_error(transfer, "note")}</p>
                    </div>
                    <button type="submit" class="button">{locale.t("ticket.transfer_submit")}</button>
                </ActionForm>
            </details>
            <details class="decision ticket-status-form">
                <summary>{locale.t("ticket.change_status")}</summary>
                <ActionForm action=status attr:class="form" attr:id="ticket-status-form">
                    <p class="form-error" role="alert">{form_error(status)}</p>
                    <input type="hidden" name="number" value=status_number/>
                    <div class="field">
                        <label for="ticket-new-status">{locale.t("decision.status")}</label>
                        <select id="ticket-new-status" name="status">
                            {TicketStatus::ALL.into_iter().map(|s| view! {
                                <option value=s.as_str() selected=s == current>{locale.t(ticket_status_key(s))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="ticket-status-note">{locale.t("ticket.status_note")}</label>
                        <input id="ticket-status-note" name="note"/>
                    </div>
                    <button type="submit" class="button">{locale.t("ticket.status_submit")}</button>
                </ActionForm>
            </details>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_read_as_minutes_hours_or_days() {
        let en = Locale::En;
        assert_eq!(format_minutes(7, en), "7 min");
        assert_eq!(format_minutes(185, en), "3 h 5 min");
        assert_eq!(format_minutes(8101, en), "5 d 15 h");
        assert_eq!(format_minutes(90, Locale::Ko), "1 시간 30 분");
    }
}
