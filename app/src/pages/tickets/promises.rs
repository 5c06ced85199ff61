//! Promises and remedies as the thread shows them.

use crate::components::when::company_zone;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;
use shared::{CommitmentStatus, CommitmentView, RemedyStatus, RemedyView};

use super::{short_signature, won};
use crate::components::field::{field_error, form_error};
use crate::i18n::{Locale, Translate};
use crate::rpc::SettleCommitment;

/// One promise with its public status; staff can settle it.
#[component]
pub fn Commitment(
    c: CommitmentView,
    settle: Option<ServerAction<SettleCommitment>>,
) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let status_key = match c.status {
        CommitmentStatus::Kept => "commitment.kept",
        CommitmentStatus::Overdue => "commitment.overdue",
        CommitmentStatus::Withdrawn => "commitment.withdrawn",
        CommitmentStatus::Pending => "commitment.pending",
    };
    let open = matches!(
        c.status,
        CommitmentStatus::Pending | CommitmentStatus::Overdue
    );
    view! {
        <li class=format!("commitment commitment-{}", c.status) data-commitment=c.id data-status=c.status.as_str()>
            <span class="commitment-status">{locale.t(status_key)}</span>
            " " <strong class="commitment-text">{c.text.clone()}</strong>
            " · " {locale.t("commitment.due")} " " <time class="commitment-due" datetime=c.due_on.clone()>{c.due_on.clone()}</time>
            " " <span class="zone-note">{locale.format("time.in_zone", &[("zone", company_zone())])}</span>
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
pub(super) fn Remedy(r: RemedyView) -> impl IntoView {
    let locale = expect_context::<Locale>();
    let status_key = match r.status {
        RemedyStatus::Granted => "remedy.granted",
        RemedyStatus::Rejected => "remedy.rejected",
        RemedyStatus::PendingApproval => "remedy.pending",
    };
    let by = r.granted_by.staff.as_ref().map(short_signature);
    view! {
        <li class=format!("remedy remedy-{}", r.status) data-remedy=r.id data-status=r.status.as_str()>
            <span class="remedy-status">{locale.t(status_key)}</span>
            " " <strong class="remedy-description">{r.description.clone()}</strong>
            " · " <span class="remedy-amount">{won(r.amount)} " " {locale.t("remedy.won")}</span>
            {by.map(|b| view! { " · " {locale.t("ticket.by")} " " {b} })}
        </li>
    }
}
