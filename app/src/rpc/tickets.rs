//! Public customer threads, the staff queue, promises, remedies and the answer kit.

use leptos::prelude::*;
use shared::ApiError;

#[cfg(feature = "ssr")]
use super::{caller, ctx, problem};

/// Public tickets, or the staff queue (`sort: urgent`).
#[server(prefix = "/rpc")]
pub async fn list_tickets(
    query: shared::TicketQuery,
) -> Result<shared::Page<shared::TicketCard>, ApiError> {
    domain::ticket::list(&ctx()?, &caller().actor, &query)
        .await
        .map_err(problem)
}

/// The signed-in member's own tickets, most recently active first.
#[server(prefix = "/rpc")]
pub async fn my_tickets(
    query: shared::MyTicketsQuery,
) -> Result<shared::Page<shared::TicketCard>, ApiError> {
    domain::ticket::mine(&ctx()?, &caller().actor, &query)
        .await
        .map_err(problem)
}

/// One ticket thread as the caller may see it.
#[server(prefix = "/rpc")]
pub async fn get_ticket(number: String) -> Result<shared::TicketView, ApiError> {
    domain::ticket::get(&ctx()?, &caller().actor, &number)
        .await
        .map_err(problem)
}

/// The author corrects their ticket within 15 minutes of filing.
#[server(prefix = "/rpc")]
pub async fn edit_ticket(
    number: String,
    title: String,
    body: String,
) -> Result<shared::TicketView, ApiError> {
    let input = shared::TicketEdit {
        title: Some(title),
        body: Some(body),
    };
    domain::ticket::edit_ticket(&ctx()?, &caller().actor, &number, input)
        .await
        .map_err(problem)
}

/// The author corrects one of their replies within 15 minutes.
#[server(prefix = "/rpc")]
pub async fn edit_ticket_post(
    number: String,
    post: i64,
    body: String,
) -> Result<shared::TicketView, ApiError> {
    domain::ticket::edit_post(
        &ctx()?,
        &caller().actor,
        &number,
        post,
        shared::TicketPostEdit { body },
    )
    .await
    .map_err(problem)
}

/// Staff cut personal data out of a ticket or one of its posts.
#[server(prefix = "/rpc")]
pub async fn redact_text(
    kind: shared::RedactableKind,
    id: i64,
    text: String,
    reason: String,
) -> Result<shared::RedactionResult, ApiError> {
    let input = shared::RedactionRequest {
        kind,
        id,
        text,
        reason,
    };
    domain::moderation::redact(&ctx()?, &caller().actor, input)
        .await
        .map_err(problem)
}

/// Files a ticket and opens its thread.
#[server(prefix = "/rpc")]
pub async fn file_ticket(
    kind: shared::TicketKind,
    title: String,
    body: String,
    #[server(default)] private_details: Option<String>,
    #[server(default)] department: Option<String>,
) -> Result<(), ApiError> {
    let input = shared::NewTicket {
        kind,
        title,
        body,
        private_details,
        department: department.filter(|d| !d.is_empty()),
    };
    let ticket = domain::ticket::create(&ctx()?, &caller().actor, input).await?;
    leptos_axum::redirect(&format!("/tickets/{}", ticket.number));
    Ok(())
}

pub use reply::{ReplyTicket, reply_ticket};

/// A reply carries up to eight form fields (body, note flag, promise,
/// remedy): one server function, so one request writes them all at once.
#[expect(
    clippy::too_many_arguments,
    reason = "one argument per form field or column; a struct would only rename them"
)]
mod reply {
    #[cfg(feature = "ssr")]
    use super::{caller, ctx, problem};
    use leptos::prelude::*;
    use shared::ApiError;

    /// A reply in a ticket thread (`internal` for staff notes); staff may add
    /// a promise (text and due date) and a remedy (kind and amount in won).
    #[server(prefix = "/rpc")]
    pub async fn reply_ticket(
        number: String,
        body: String,
        #[server(default)] internal: Option<String>,
        #[server(default)] commitment_text: Option<String>,
        #[server(default)] commitment_due_on: Option<String>,
        #[server(default)] remedy_kind: Option<String>,
        #[server(default)] remedy_amount: Option<String>,
        #[server(default)] remedy_description: Option<String>,
    ) -> Result<shared::TicketView, ApiError> {
        let given = |v: Option<String>| v.filter(|t| !t.trim().is_empty());
        let commitment_text = given(commitment_text);
        let commitment_due_on = given(commitment_due_on);
        let commitment = (commitment_text.is_some() || commitment_due_on.is_some()).then(|| {
            shared::CommitmentInput {
                text: commitment_text.unwrap_or_default(),
                due_on: commitment_due_on.unwrap_or_default(),
                department: None,
            }
        });
        let remedy = match given(remedy_kind) {
            Some(kind) => {
                let amount = match given(remedy_amount) {
                    Some(raw) => Some(shared::promise::parse_won(&raw).ok_or_else(|| {
                        problem(domain::Error::invalid(
                            "remedy.amount",
                            domain::msg!("rpc.won_as_number"),
                        ))
                    })?),
                    None => None,
                };
                Some(shared::RemedyInput {
                    kind,
                    amount,
                    description: given(remedy_description),
                })
            }
            None => None,
        };
        let input = shared::NewTicketReply {
            body,
            internal: internal.is_some_and(|v| v == "on" || v == "true"),
            commitment,
            remedy,
        };
        domain::ticket::reply(&ctx()?, &caller().actor, &number, input)
            .await
            .map_err(problem)
    }
}

/// Hands a ticket to another department (staff).
#[server(prefix = "/rpc")]
pub async fn transfer_ticket(
    number: String,
    department: String,
    note: String,
) -> Result<shared::TicketView, ApiError> {
    domain::ticket::transfer(
        &ctx()?,
        &caller().actor,
        &number,
        shared::TicketTransfer { department, note },
    )
    .await
    .map_err(problem)
}

/// Changes a ticket's status (staff; the author resolves, closes, reopens).
#[server(prefix = "/rpc")]
pub async fn set_ticket_status(
    number: String,
    status: shared::TicketStatus,
    #[server(default)] note: Option<String>,
    #[server(default)] open_promises: Option<shared::ticket::OpenPromises>,
    #[server(default)] withdraw_reason: Option<String>,
) -> Result<shared::TicketView, ApiError> {
    domain::ticket::change_status(
        &ctx()?,
        &caller().actor,
        &number,
        shared::TicketStatusChange {
            status,
            note,
            open_promises,
            withdraw_reason,
        },
    )
    .await
    .map_err(problem)
}

/// Promises, soonest due first, by public status.
#[server(prefix = "/rpc")]
pub async fn list_commitments(
    status: Option<String>,
) -> Result<shared::Page<shared::CommitmentView>, ApiError> {
    let query = shared::CommitmentQuery {
        status,
        limit: Some(100),
        cursor: None,
    };
    domain::commitment::list(&ctx()?, &query)
        .await
        .map_err(problem)
}

/// Staff settle a promise (kept with evidence, withdrawn with a reason).
#[server(prefix = "/rpc")]
pub async fn settle_commitment(
    id: i64,
    status: String,
    #[server(default)] evidence: Option<String>,
    #[server(default)] reason: Option<String>,
) -> Result<shared::CommitmentView, ApiError> {
    let input = shared::CommitmentUpdate {
        status,
        evidence,
        reason,
    };
    domain::commitment::update(&ctx()?, &caller().actor, id, input)
        .await
        .map_err(problem)
}

/// "Me too" spikes by department (staff).
#[server(prefix = "/rpc")]
pub async fn list_incidents() -> Result<Vec<shared::Incident>, ApiError> {
    domain::ticket::incidents(&ctx()?, &caller().actor)
        .await
        .map_err(problem)
}

/// The reply composer's kit for a ticket (staff).
#[server(prefix = "/rpc")]
pub async fn answer_kit(number: String) -> Result<shared::AnswerKit, ApiError> {
    domain::answer_kit::for_ticket(&ctx()?, &caller().actor, &number)
        .await
        .map_err(problem)
}

/// Canned answers as written (admins).
#[server(prefix = "/rpc")]
pub async fn list_canned() -> Result<Vec<shared::CannedAnswer>, ApiError> {
    domain::answer_kit::list_canned(&ctx()?, &caller().actor)
        .await
        .map_err(problem)
}

/// Adds a canned answer (admins).
#[server(prefix = "/rpc")]
pub async fn add_canned(
    title: String,
    body: String,
    #[server(default)] title_en: String,
    #[server(default)] body_en: String,
) -> Result<shared::CannedAnswer, ApiError> {
    let input = shared::CannedAnswerInput {
        title,
        body,
        title_en,
        body_en,
    };
    domain::answer_kit::create_canned(&ctx()?, &caller().actor, input)
        .await
        .map_err(problem)
}

/// Removes a canned answer (admins).
#[server(prefix = "/rpc")]
pub async fn remove_canned(id: i64) -> Result<(), ApiError> {
    domain::answer_kit::delete_canned(&ctx()?, &caller().actor, id)
        .await
        .map_err(problem)
}

/// The guidelines, in order.
#[server(prefix = "/rpc")]
pub async fn list_guidelines() -> Result<Vec<shared::Guideline>, ApiError> {
    domain::guideline::list_guidelines(&ctx()?)
        .await
        .map_err(problem)
}

/// Appends a guideline (admins).
#[server(prefix = "/rpc")]
pub async fn add_guideline(
    text: String,
    #[server(default)] text_en: String,
) -> Result<shared::Guideline, ApiError> {
    let input = shared::GuidelineInput { text, text_en };
    domain::guideline::add_guideline(&ctx()?, &caller().actor, input)
        .await
        .map_err(problem)
}

/// Removes a guideline (admins).
#[server(prefix = "/rpc")]
pub async fn remove_guideline(id: i64) -> Result<(), ApiError> {
    domain::guideline::delete_guideline(&ctx()?, &caller().actor, id)
        .await
        .map_err(problem)
}

/// Remedy limits per role and department (staff read, admins set).
#[server(prefix = "/rpc")]
pub async fn remedy_limits() -> Result<Vec<shared::RemedyLimit>, ApiError> {
    domain::remedy::limits(&ctx()?, &caller().actor)
        .await
        .map_err(problem)
}

/// Sets a remedy limit (admins); an empty department means every one, an
/// empty monthly cap means the per-ticket one.
#[server(prefix = "/rpc")]
pub async fn set_remedy_limit(
    role: shared::Role,
    #[server(default)] department: Option<String>,
    max_won: String,
    #[server(default)] monthly_max_won: Option<String>,
) -> Result<shared::RemedyLimit, ApiError> {
    let won = |field: &str, raw: &str| {
        shared::promise::parse_won(raw).ok_or_else(|| {
            problem(domain::Error::invalid(
                field,
                domain::msg!("rpc.give_amount_won"),
            ))
        })
    };
    let max_won = won("max_won", &max_won)?;
    let monthly_max_won = match monthly_max_won.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => Some(won("monthly_max_won", raw)?),
    };
    let input = shared::RemedyLimit {
        role,
        department: department.filter(|d| !d.is_empty()),
        max_won,
        monthly_max_won,
    };
    domain::remedy::set_limit(&ctx()?, &caller().actor, input)
        .await
        .map_err(problem)
}

/// Remedies waiting for an admin's approval.
#[server(prefix = "/rpc")]
pub async fn pending_remedies() -> Result<Vec<shared::RemedyView>, ApiError> {
    domain::remedy::pending(&ctx()?, &caller().actor)
        .await
        .map_err(problem)
}

/// An admin approves or rejects a remedy above its granter's limit.
#[server(prefix = "/rpc")]
pub async fn decide_remedy(id: i64, approve: bool) -> Result<shared::RemedyView, ApiError> {
    domain::remedy::decide(&ctx()?, &caller().actor, id, approve)
        .await
        .map_err(problem)
}

/// Claims a ticket for the signed-in staff member.
#[server(prefix = "/rpc")]
pub async fn claim_ticket(number: String) -> Result<shared::TicketView, ApiError> {
    let caller = caller();
    let me = caller.actor.member().map(|m| i64::from(m.id));
    domain::ticket::assign(
        &ctx()?,
        &caller.actor,
        &number,
        shared::TicketAssignment { assignee: me },
    )
    .await
    .map_err(problem)
}

/// Says or takes back "me too".
#[server(prefix = "/rpc")]
pub async fn set_me_too(number: String, affected: bool) -> Result<shared::MeTooState, ApiError> {
    domain::ticket::me_too(&ctx()?, &caller().actor, &number, affected)
        .await
        .map_err(problem)
}

/// The author rates the handling of a resolved ticket.
#[server(prefix = "/rpc")]
pub async fn rate_ticket(
    number: String,
    score: i64,
    #[server(default)] comment: Option<String>,
) -> Result<shared::TicketView, ApiError> {
    domain::ticket::rate(
        &ctx()?,
        &caller().actor,
        &number,
        shared::Rating { score, comment },
    )
    .await
    .map_err(problem)
}
