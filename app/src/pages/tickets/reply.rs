//! Writing in a thread: the reply form with its answer kit, and the staff
//! tools (hand-off, status, assignment).

use leptos::form::ActionForm;
use leptos::prelude::*;
use shared::TicketStatus;

use super::staff_status_key;
use crate::components::draft::Draft;
use crate::components::field::{field_error, form_error};
use crate::components::pick::pick;
use crate::i18n::{Locale, Translate};
use crate::rpc::{ClaimTicket, ReplyTicket, SetTicketStatus, TransferTicket};

#[component]
pub(super) fn ReplyForm(
    number: String,
    reply: ServerAction<ReplyTicket>,
    draft: Draft,
    staff: bool,
    kit: shared::AnswerKit,
    allowance: Option<shared::RemedyAllowance>,
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
                    <PromiseRemedyFields reply allowance/>
                </details>
            })}
            <button type="submit" class="button primary">{locale.t("ticket.send")}</button>
        </ActionForm>
    }
}

/// What staff may sum up to alone, shown before they send: "up to 5,000
/// won more on this ticket, 35,000 won for this customer this month".
fn allowance_text(allowance: shared::RemedyAllowance, locale: Locale) -> String {
    match (allowance.ticket_left_won, allowance.month_left_won) {
        (Some(ticket), Some(month)) => format!(
            "{} {} {} · {} {} {}",
            locale.t("remedy.left_ticket"),
            super::won(ticket),
            locale.t("remedy.won"),
            locale.t("remedy.left_month"),
            super::won(month),
            locale.t("remedy.won"),
        ),
        _ => locale.t("remedy.unlimited").to_owned(),
    }
}

/// The promise and remedy fields of a staff reply, with the remaining
/// limit; on a ticket the employee filed, only why they are not offered.
#[component]
fn PromiseRemedyFields(
    reply: ServerAction<ReplyTicket>,
    allowance: Option<shared::RemedyAllowance>,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    if allowance.is_some_and(|a| !a.allowed) {
        return view! { <p class="hint own-ticket">{locale.t("remedy.own_ticket")}</p> }.into_any();
    }
    view! {
                    {allowance.map(|a| view! { <p class="hint remedy-allowance" data-ticket-left=a.ticket_left_won data-month-left=a.month_left_won>{allowance_text(a, locale)} " — " {locale.t("remedy.above_waits")}</p> })}
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
    }
    .into_any()
}

#[component]
pub(super) fn StaffTools(
    number: String,
    current: TicketStatus,
    departments: Vec<shared::department::Department>,
    transfer: ServerAction<TransferTicket>,
    status: ServerAction<SetTicketStatus>,
    claim: ServerAction<ClaimTicket>,
    claimed: bool,
    open_promises: usize,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let (shown_status, remember_status) = pick("ticket-new-status", current.as_str());
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
                        <select id="ticket-new-status" name="status" on:change=remember_status>
                            {TicketStatus::ALL.into_iter().map(|s| view! {
                                <option value=s.as_str() selected=s.as_str() == shown_status>{locale.t(staff_status_key(s))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="ticket-status-note">{locale.t("ticket.status_note")}</label>
                        <input id="ticket-status-note" name="note" aria-describedby="ticket-status-note-error"/>
                        <p class="field-error" id="ticket-status-note-error" role="alert">{field_error(status, "note")}</p>
                    </div>
                    {(open_promises > 0).then(|| view! {
                        <fieldset class="open-promises">
                            <legend>{locale.t("ticket.open_promises")} " (" {open_promises} ")"</legend>
                            <label class="checkbox"><input type="radio" name="open_promises" value="keep"/> " " {locale.t("ticket.open_keep")}</label>
                            <label class="checkbox"><input type="radio" name="open_promises" value="withdraw"/> " " {locale.t("ticket.open_withdraw")}</label>
                            <p class="field-error" id="open-promises-error" role="alert">{field_error(status, "open_promises")}</p>
                            <div class="field">
                                <label for="withdraw-reason">{locale.t("ticket.withdraw_reason")}</label>
                                <input id="withdraw-reason" name="withdraw_reason"/>
                                <p class="field-error" id="withdraw-reason-error" role="alert">{field_error(status, "withdraw_reason")}</p>
                            </div>
                        </fieldset>
                    })}
                    <button type="submit" class="button">{locale.t("ticket.status_submit")}</button>
                </ActionForm>
            </details>
        </section>
    }
}
