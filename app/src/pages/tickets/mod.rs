//! Public ticket threads: filing a ticket, the thread page with its
//! first-response clock, signed replies, hand-offs and status changes, and
//! the list the support page shows.

mod correct;
mod hours;
mod new;
mod promises;
mod reply;
mod thread;

pub use new::NewTicketPage;
pub use promises::Commitment;
pub use thread::TicketPage;

use crate::components::when::When;
use crate::time::Style;
use leptos::prelude::*;
use leptos_router::components::A;
use shared::{
    ClockKind, ClockOutcome, FirstResponse, ResponseClock, TicketCard, TicketKind, TicketStatus,
};

use crate::i18n::{Locale, Translate};
use crate::rpc::ClaimTicket;

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

/// The translation key of a ticket status in staff words ("waiting for
/// the customer"), where the customer reads "waiting for you".
#[must_use]
pub fn staff_status_key(status: TicketStatus) -> &'static str {
    match status {
        TicketStatus::Open => "staff.status.open",
        TicketStatus::Acknowledged => "staff.status.acknowledged",
        TicketStatus::InProgress => "staff.status.in_progress",
        TicketStatus::WaitingForCustomer => "staff.status.waiting_for_customer",
        TicketStatus::Resolved => "staff.status.resolved",
        TicketStatus::Closed => "staff.status.closed",
    }
}

/// A status in the words of its reader: staff or customer.
#[must_use]
pub fn status_key_for(status: TicketStatus, staff: bool) -> &'static str {
    if staff {
        staff_status_key(status)
    } else {
        ticket_status_key(status)
    }
}

/// A duration in minutes as people say it: `45 min`, `3 h 5 min`, `2 d 4 h`.
#[must_use]
pub fn format_minutes(minutes: i64, locale: Locale) -> String {
    let (key, args) = match minutes {
        ..60 => ("duration.minutes", [("m", minutes), ("h", 0), ("d", 0)]),
        60..1440 => (
            "duration.hours",
            [("m", minutes % 60), ("h", minutes / 60), ("d", 0)],
        ),
        _ => (
            "duration.days",
            [("m", 0), ("h", minutes % 1440 / 60), ("d", minutes / 1440)],
        ),
    };
    locale.format(key, &args.map(|(name, value)| (name, value.to_string())))
}

/// "J.K. (Billing)": how a thread names who answered or granted something.
pub(super) fn short_signature(staff: &shared::StaffIdentity) -> String {
    let department = staff
        .department
        .as_ref()
        .map(|d| d.name.as_str())
        .unwrap_or_default();
    format!("{} ({department})", staff.initials)
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
            let minutes = ticking(waited.unwrap_or(0));
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

fn since_key(kind: ClockKind) -> &'static str {
    match kind {
        ClockKind::First => "clock.since.first",
        ClockKind::HandOff => "clock.since.hand_off",
        ClockKind::NextReply => "clock.since.next_reply",
    }
}

/// Minutes that keep counting in the browser once hydrated.
fn ticking(start: i64) -> RwSignal<i64> {
    let minutes = RwSignal::new(start);
    Effect::new(move |_| {
        if let Ok(handle) = set_interval_with_handle(
            move || minutes.update(|m| *m += 1),
            std::time::Duration::from_mins(1),
        ) {
            on_cleanup(move || handle.clear());
        }
    });
    minutes
}

/// One response clock: who answered (or handed on) in how long, or who
/// owes the answer now, by when and since what.
#[component]
fn ClockLine(clock: ResponseClock) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let department = clock
        .department
        .as_ref()
        .map(|d| d.name.clone())
        .unwrap_or_default();
    let breached = clock.breached;
    let kind = clock.kind.as_str();
    let late =
        breached.then(|| view! { " · " <span class="breach">{locale.t("clock.late")}</span> });
    match clock.outcome {
        Some(ClockOutcome::Answered) => {
            let by = clock.by.as_ref().map(short_signature);
            view! {
                <p class="promise-clock answered" class:breached=breached data-breached=breached.to_string() data-clock=kind>
                    <strong class="clock-department">{department}</strong> " · "
                    {locale.t("ticket.answered_in")} " " <strong class="clock-minutes">{format_minutes(clock.minutes.unwrap_or(0), locale)}</strong>
                    {by.map(|b| view! { " " {locale.t("ticket.by")} " " <strong class="answered-by">{b}</strong> })}
                    " · " {locale.t("ticket.promise")} " " {format_minutes(clock.target_minutes, locale)}
                    {late}
                </p>
            }
            .into_any()
        }
        Some(ClockOutcome::HandedOff) => view! {
            <p class="promise-clock handed-off" class:breached=breached data-breached=breached.to_string() data-clock=kind>
                <strong class="clock-department">{department}</strong> " · "
                {locale.t("clock.handed_on_after")} " " <strong class="clock-minutes">{format_minutes(clock.minutes.unwrap_or(0), locale)}</strong>
                {late}
            </p>
        }
        .into_any(),
        Some(ClockOutcome::Withdrawn) => ().into_any(),
        None => {
            let minutes = ticking(clock.waiting_minutes.unwrap_or(0));
            view! {
                <p class="promise-clock waiting" class:breached=breached data-breached=breached.to_string() data-clock=kind>
                    <strong class="clock-department">{department}</strong> " · "
                    <span class="waiting">{locale.t("ticket.waiting")} " " <strong class="waiting-minutes" data-minutes=move || minutes.get()>{move || format_minutes(minutes.get(), locale)}</strong></span>
                    " · " {locale.t("clock.due_within")} " " <strong>{format_minutes(clock.target_minutes, locale)}</strong>
                    " " {locale.t(since_key(clock.kind))} " " <When at=clock.started_at.clone() style=Style::DateTime/>
                    {breached.then(|| view! { " · " <span class="breach">{locale.t("ticket.overdue")}</span> })}
                </p>
            }
            .into_any()
        }
    }
}

/// Every response clock of a thread, oldest first: "Customer Care answered
/// in 4 min", then "Mobile: waiting 3 min, answer due within 30 min of the
/// hand-off at 10:12". Tickets from before clocks were kept show the first
/// answer alone.
#[component]
pub fn ResponseClocks(
    clocks: Vec<ResponseClock>,
    first: FirstResponse,
    department: Option<String>,
) -> impl IntoView {
    if clocks.is_empty() {
        return view! { <PromiseClock promise=first department/> }.into_any();
    }
    view! {
        <div class="response-clocks">
            {clocks.into_iter().map(|clock| view! { <ClockLine clock=clock.clone()/> <hours::HoursNote clock/> }).collect_view()}
        </div>
    }
    .into_any()
}

/// Ticket cards for the support page and the staff queue.
#[component]
pub fn TicketList(
    tickets: Vec<TicketCard>,
    #[prop(optional)] claim: Option<ServerAction<ClaimTicket>>,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    // The queue (with its claim button) speaks staff words.
    let staff = claim.is_some();
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
                                <span class=format!("ticket-status ticket-status-{}", t.status.as_str()) data-status=t.status.as_str()>{locale.t(status_key_for(t.status, staff))}</span>
                                {dept.clone().map(|d| view! { <span class="category">{d}</span> })}
                                {(t.me_too > 0).then(|| view! { <span class="me-too-count">{t.me_too} " " {locale.t("ticket.affected")}</span> })}
                                {t.assignee.clone().map(|a| view! { <span class="assignee">"→ " {a.display_name}</span> })}
                                <span class="last-activity">{locale.t("ticket.last_activity")} " " <When at=t.last_activity_at.clone()/></span>
                            </div>
                            {match t.clock.clone() {
                                Some(clock) => view! {
                                    {(clock.kind == ClockKind::NextReply).then(|| view! { <span class="customer-replied">{locale.t("clock.customer_replied")}</span> })}
                                    <ClockLine clock/>
                                }.into_any(),
                                None => view! { <PromiseClock promise=t.first_response.clone() department=dept/> }.into_any(),
                            }}
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

pub use shared::promise::won;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_read_as_minutes_hours_or_days() {
        let en = Locale::En;
        assert_eq!(format_minutes(7, en), "7 min");
        assert_eq!(format_minutes(185, en), "3 h 5 min");
        assert_eq!(format_minutes(8101, en), "5 d 15 h");
        assert_eq!(format_minutes(90, Locale::Ko), "1시간 30분");
        assert_eq!(format_minutes(13, Locale::Ko), "13분");
    }
}
