//! Server functions: thin adapters from the UI to the domain layer. They hold
//! no rules; errors pass through the one domain → `ApiError` mapping and
//! travel to the browser as problem documents, so forms can show each
//! message beside its field.

use leptos::prelude::*;
use shared::account::{Me, SessionInfo};
use shared::department::Department;
use shared::{ApiError, BoardQuery, IdeaCard, Page};

#[cfg(feature = "ssr")]
fn ctx() -> Result<domain::Ctx, ServerFnError> {
    use_context::<domain::Ctx>().ok_or_else(|| ServerFnError::new("server context missing"))
}

/// Who is calling, as the HTTP layer's middleware resolved it.
#[cfg(feature = "ssr")]
fn caller() -> domain::auth::Caller {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<domain::auth::Caller>().cloned())
        .unwrap_or_default()
}

#[cfg(feature = "ssr")]
fn fail(error: domain::Error) -> ServerFnError {
    let problem = ApiError::from(error);
    ServerFnError::ServerError(serde_json::to_string(&problem).unwrap_or(problem.detail))
}

#[cfg(feature = "ssr")]
fn set_cookie(value: &str) {
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(value),
    ) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

/// Gives the browser the cookie of a session that just started.
#[cfg(feature = "ssr")]
fn keep_session(ctx: &domain::Ctx, token: &str) {
    set_cookie(&domain::auth::session_set_cookie(
        token,
        ctx.settings.secure_cookies(),
    ));
}

/// The problem document behind a server-function error (for field messages).
#[must_use]
pub fn problem(error: &ServerFnError) -> ApiError {
    match error {
        ServerFnError::ServerError(text) => serde_json::from_str(text)
            .unwrap_or_else(|_| ApiError::new(500, "internal", "Error", text.clone())),
        other => ApiError::new(503, "unavailable", "Network error", other.to_string()),
    }
}

/// One page of the idea board.
#[server(prefix = "/rpc")]
pub async fn list_ideas(query: BoardQuery) -> Result<Page<IdeaCard>, ServerFnError> {
    domain::idea::list_board(&ctx()?, &caller().actor, &query)
        .await
        .map_err(fail)
}

/// Ideas like a title being typed (nothing for fewer than two letters).
#[server(prefix = "/rpc")]
pub async fn similar_ideas(q: String) -> Result<Vec<shared::SimilarIdea>, ServerFnError> {
    if domain::search::terms(&q).is_empty() {
        return Ok(Vec::new());
    }
    domain::search::similar(&ctx()?, &caller().actor, &q)
        .await
        .map_err(fail)
}

/// Every department with its first-response promise.
#[server(prefix = "/rpc")]
pub async fn list_departments() -> Result<Vec<Department>, ServerFnError> {
    domain::department::list(&ctx()?).await.map_err(fail)
}

/// The signed-in member, or `None` for a visitor.
#[server(prefix = "/rpc")]
pub async fn current_user() -> Result<Option<Me>, ServerFnError> {
    let caller = caller();
    if caller.actor == domain::Actor::Anonymous {
        return Ok(None);
    }
    domain::auth::me(&ctx()?, &caller.actor)
        .await
        .map(Some)
        .map_err(fail)
}

/// Signs in, casts the vote that sent a visitor here if any, and goes on to
/// `next` (a local path) or the profile. Also works as a plain form post.
#[server(prefix = "/rpc")]
pub async fn sign_in(
    email: String,
    password: String,
    #[server(default)] next: Option<String>,
    #[server(default)] vote: Option<i64>,
) -> Result<(), ServerFnError> {
    let ctx = ctx()?;
    let input = shared::account::SignIn { email, password };
    let session = domain::auth::sign_in(&ctx, input, &caller().client)
        .await
        .map_err(fail)?;
    keep_session(&ctx, &session.token);
    if let Some(number) = vote {
        let actor = domain::auth::actor_for_session(&ctx, &session.token)
            .await
            .map_err(fail)?;
        // The sign-in stands even if the idea is gone; its page will say so.
        let _ = domain::vote::cast(&ctx, &actor, number).await;
    }
    let next = next.filter(|n| shared::redirect::is_local_path(n));
    leptos_axum::redirect(next.as_deref().unwrap_or("/me"));
    Ok(())
}

/// Creates a customer account, signs it in and goes to the profile.
#[server(prefix = "/rpc")]
pub async fn sign_up(
    display_name: String,
    email: String,
    password: String,
) -> Result<(), ServerFnError> {
    let ctx = ctx()?;
    let input = shared::account::SignUp {
        email,
        password,
        display_name,
    };
    let session = domain::auth::sign_up(&ctx, input, &caller().client)
        .await
        .map_err(fail)?;
    keep_session(&ctx, &session.token);
    leptos_axum::redirect("/me");
    Ok(())
}

/// Ends this session and goes home.
#[server(prefix = "/rpc")]
pub async fn sign_out() -> Result<(), ServerFnError> {
    let ctx = ctx()?;
    if let Some(token) = caller().session_token {
        domain::auth::sign_out(&ctx, &token).await.map_err(fail)?;
    }
    set_cookie(&domain::auth::session_clear_cookie(
        ctx.settings.secure_cookies(),
    ));
    leptos_axum::redirect("/");
    Ok(())
}

/// Where the member is signed in.
#[server(prefix = "/rpc")]
pub async fn my_sessions() -> Result<Vec<SessionInfo>, ServerFnError> {
    let caller = caller();
    domain::auth::list_sessions(&ctx()?, &caller.actor, caller.session_token.as_deref())
        .await
        .map_err(fail)
}

/// Signs the member out on every device, this one included.
#[server(prefix = "/rpc")]
pub async fn sign_out_everywhere() -> Result<(), ServerFnError> {
    let ctx = ctx()?;
    domain::auth::sign_out_everywhere(&ctx, &caller().actor)
        .await
        .map_err(fail)?;
    set_cookie(&domain::auth::session_clear_cookie(
        ctx.settings.secure_cookies(),
    ));
    leptos_axum::redirect("/signin");
    Ok(())
}

/// Mails a reset link if the account exists (same answer either way).
#[server(prefix = "/rpc")]
pub async fn request_password_reset(email: String) -> Result<(), ServerFnError> {
    let input = shared::account::RequestPasswordReset { email };
    domain::onboarding::request_reset(&ctx()?, input, &caller().client)
        .await
        .map_err(fail)
}

/// Sets a new password from the e-mailed link, then goes to sign in.
#[server(prefix = "/rpc")]
pub async fn complete_password_reset(token: String, password: String) -> Result<(), ServerFnError> {
    let input = shared::account::CompletePasswordReset { token, password };
    domain::onboarding::complete_reset(&ctx()?, input)
        .await
        .map_err(fail)?;
    leptos_axum::redirect("/signin?reset=1");
    Ok(())
}

/// Creates the invited staff account, signs it in, goes to the profile.
#[server(prefix = "/rpc")]
pub async fn accept_invite(
    token: String,
    display_name: String,
    password: String,
) -> Result<(), ServerFnError> {
    let ctx = ctx()?;
    let input = shared::account::AcceptInvite {
        token,
        display_name,
        password,
    };
    let session = domain::onboarding::accept_invite(&ctx, input, &caller().client)
        .await
        .map_err(fail)?;
    keep_session(&ctx, &session.token);
    leptos_axum::redirect("/me");
    Ok(())
}

/// The mail outbox (admins).
#[server(prefix = "/rpc")]
pub async fn outbox() -> Result<Vec<shared::account::OutboxMail>, ServerFnError> {
    domain::mail::list_outbox(&ctx()?, &caller().actor, 200)
        .await
        .map_err(fail)
}

/// One idea with its signed timeline and comments.
#[server(prefix = "/rpc")]
pub async fn get_idea(number: i64) -> Result<shared::IdeaView, ServerFnError> {
    domain::idea::get(&ctx()?, &caller().actor, number)
        .await
        .map_err(fail)
}

/// A member's public profile.
#[server(prefix = "/rpc")]
pub async fn member_profile(id: i64) -> Result<shared::MemberProfile, ServerFnError> {
    domain::member::profile(&ctx()?, id).await.map_err(fail)
}

/// Deletes the signed-in member's account (password confirms), then goes home.
#[server(prefix = "/rpc")]
pub async fn delete_account(password: String) -> Result<(), ServerFnError> {
    let ctx = ctx()?;
    let input = shared::account::DeleteAccount { password };
    domain::privacy::delete_account(&ctx, &caller().actor, input)
        .await
        .map_err(fail)?;
    set_cookie(&domain::auth::session_clear_cookie(
        ctx.settings.secure_cookies(),
    ));
    leptos_axum::redirect("/?account=deleted");
    Ok(())
}

/// Changes the signed-in member's name and signature initials.
#[server(prefix = "/rpc")]
pub async fn update_profile(display_name: String, initials: String) -> Result<(), ServerFnError> {
    let input = shared::account::ProfileUpdate {
        display_name: Some(display_name),
        initials: Some(initials),
    };
    domain::user::update_profile(&ctx()?, &caller().actor, input)
        .await
        .map_err(fail)
}

/// The member's API tokens.
#[server(prefix = "/rpc")]
pub async fn my_tokens() -> Result<Vec<shared::account::TokenInfo>, ServerFnError> {
    domain::auth::list_tokens(&ctx()?, &caller().actor)
        .await
        .map_err(fail)
}

/// Creates an API token; the secret comes back this once.
#[server(prefix = "/rpc")]
pub async fn create_token(
    name: String,
    expires_in_days: Option<u32>,
) -> Result<shared::account::TokenCreated, ServerFnError> {
    let input = shared::account::CreateToken {
        name,
        expires_in_days,
    };
    domain::auth::create_token(&ctx()?, &caller().actor, input)
        .await
        .map_err(fail)
}

/// Revokes one of the member's API tokens.
#[server(prefix = "/rpc")]
pub async fn revoke_token(id: i64) -> Result<(), ServerFnError> {
    domain::auth::revoke_token(&ctx()?, &caller().actor, id)
        .await
        .map_err(fail)
}

/// Votes for an idea, or withdraws the vote.
#[server(prefix = "/rpc")]
pub async fn set_vote(number: i64, voted: bool) -> Result<shared::VoteState, ServerFnError> {
    let (ctx, actor) = (ctx()?, caller().actor);
    let state = if voted {
        domain::vote::cast(&ctx, &actor, number).await
    } else {
        domain::vote::retract(&ctx, &actor, number).await
    };
    state.map_err(fail)
}

/// Adds a product area (admins).
#[server(prefix = "/rpc")]
pub async fn create_category(
    slug: String,
    name: String,
) -> Result<shared::Category, ServerFnError> {
    domain::idea::create_category(&ctx()?, &caller().actor, shared::Category { slug, name })
        .await
        .map_err(fail)
}

/// Follows an idea, or stops following it.
#[server(prefix = "/rpc")]
pub async fn set_follow(
    number: i64,
    following: bool,
) -> Result<shared::FollowState, ServerFnError> {
    domain::follow::set(&ctx()?, &caller().actor, number, following)
        .await
        .map_err(fail)
}

/// Staff record a vote for a customer identified by e-mail.
#[server(prefix = "/rpc")]
pub async fn record_vote_for(
    number: i64,
    email: String,
) -> Result<shared::ProxyVoteState, ServerFnError> {
    domain::vote::on_behalf_by_email(&ctx()?, &caller().actor, number, &email)
        .await
        .map_err(fail)
}

/// The product areas ideas are filed under.
#[server(prefix = "/rpc")]
pub async fn list_categories() -> Result<Vec<shared::Category>, ServerFnError> {
    domain::idea::categories(&ctx()?).await.map_err(fail)
}

/// Posts an idea and opens its page. `tags` is comma-separated.
#[server(prefix = "/rpc")]
pub async fn create_idea(
    title: String,
    body: String,
    #[server(default)] category: Option<String>,
    #[server(default)] tags: Option<String>,
) -> Result<(), ServerFnError> {
    let input = shared::NewIdea {
        title,
        body,
        category: category.filter(|c| !c.is_empty()),
        tags: tags
            .unwrap_or_default()
            .split(',')
            .map(str::to_owned)
            .collect(),
    };
    let number = domain::idea::create(&ctx()?, &caller().actor, input)
        .await
        .map_err(fail)?;
    leptos_axum::redirect(&format!("/ideas/{number}"));
    Ok(())
}

/// Public tickets, or the staff queue (`sort: urgent`).
#[server(prefix = "/rpc")]
pub async fn list_tickets(
    query: shared::TicketQuery,
) -> Result<shared::Page<shared::TicketCard>, ServerFnError> {
    domain::ticket::list(&ctx()?, &caller().actor, &query)
        .await
        .map_err(fail)
}

/// One ticket thread as the caller may see it.
#[server(prefix = "/rpc")]
pub async fn get_ticket(number: String) -> Result<shared::TicketView, ServerFnError> {
    domain::ticket::get(&ctx()?, &caller().actor, &number)
        .await
        .map_err(fail)
}

/// Files a ticket and opens its thread.
#[server(prefix = "/rpc")]
pub async fn file_ticket(
    kind: shared::TicketKind,
    title: String,
    body: String,
    #[server(default)] private_details: Option<String>,
    #[server(default)] department: Option<String>,
) -> Result<(), ServerFnError> {
    let input = shared::NewTicket {
        kind,
        title,
        body,
        private_details,
        department: department.filter(|d| !d.is_empty()),
    };
    let ticket = domain::ticket::create(&ctx()?, &caller().actor, input)
        .await
        .map_err(fail)?;
    leptos_axum::redirect(&format!("/tickets/{}", ticket.number));
    Ok(())
}

pub use reply::{ReplyTicket, reply_ticket};

/// A reply carries up to eight form fields (body, note flag, promise,
/// remedy): one server function, so one request writes them all at once.
#[allow(clippy::too_many_arguments)]
mod reply {
    #[cfg(feature = "ssr")]
    use super::{caller, ctx, fail};
    use leptos::prelude::*;

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
    ) -> Result<shared::TicketView, ServerFnError> {
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
                    Some(raw) => {
                        Some(raw.trim().replace(',', "").parse::<i64>().map_err(|_| {
                            fail(domain::Error::invalid(
                                "remedy.amount",
                                "give its value in won as a number",
                            ))
                        })?)
                    }
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
            .map_err(fail)
    }
}

/// Hands a ticket to another department (staff).
#[server(prefix = "/rpc")]
pub async fn transfer_ticket(
    number: String,
    department: String,
    note: String,
) -> Result<shared::TicketView, ServerFnError> {
    domain::ticket::transfer(
        &ctx()?,
        &caller().actor,
        &number,
        shared::TicketTransfer { department, note },
    )
    .await
    .map_err(fail)
}

/// Changes a ticket's status (staff; the author resolves, closes, reopens).
#[server(prefix = "/rpc")]
pub async fn set_ticket_status(
    number: String,
    status: shared::TicketStatus,
    #[server(default)] note: Option<String>,
) -> Result<shared::TicketView, ServerFnError> {
    domain::ticket::change_status(
        &ctx()?,
        &caller().actor,
        &number,
        shared::TicketStatusChange { status, note },
    )
    .await
    .map_err(fail)
}

/// Promises, soonest due first, by public status.
#[server(prefix = "/rpc")]
pub async fn list_commitments(
    status: Option<String>,
) -> Result<shared::Page<shared::CommitmentView>, ServerFnError> {
    let query = shared::CommitmentQuery {
        status,
        limit: Some(100),
        cursor: None,
    };
    domain::commitment::list(&ctx()?, &query)
        .await
        .map_err(fail)
}

/// Staff settle a promise (kept with evidence, withdrawn with a reason).
#[server(prefix = "/rpc")]
pub async fn settle_commitment(
    id: i64,
    status: String,
    #[server(default)] evidence: Option<String>,
    #[server(default)] reason: Option<String>,
) -> Result<shared::CommitmentView, ServerFnError> {
    let input = shared::CommitmentUpdate {
        status,
        evidence,
        reason,
    };
    domain::commitment::update(&ctx()?, &caller().actor, id, input)
        .await
        .map_err(fail)
}

/// "Me too" spikes by department (staff).
#[server(prefix = "/rpc")]
pub async fn list_incidents() -> Result<Vec<shared::Incident>, ServerFnError> {
    domain::ticket::incidents(&ctx()?, &caller().actor)
        .await
        .map_err(fail)
}

/// The reply composer's kit for a ticket (staff).
#[server(prefix = "/rpc")]
pub async fn answer_kit(number: String) -> Result<shared::AnswerKit, ServerFnError> {
    domain::answer_kit::for_ticket(&ctx()?, &caller().actor, &number)
        .await
        .map_err(fail)
}

/// Canned answers as written (admins).
#[server(prefix = "/rpc")]
pub async fn list_canned() -> Result<Vec<shared::CannedAnswer>, ServerFnError> {
    domain::answer_kit::list_canned(&ctx()?, &caller().actor)
        .await
        .map_err(fail)
}

/// Adds a canned answer (admins).
#[server(prefix = "/rpc")]
pub async fn add_canned(
    title: String,
    body: String,
) -> Result<shared::CannedAnswer, ServerFnError> {
    domain::answer_kit::create_canned(
        &ctx()?,
        &caller().actor,
        shared::CannedAnswerInput { title, body },
    )
    .await
    .map_err(fail)
}

/// Removes a canned answer (admins).
#[server(prefix = "/rpc")]
pub async fn remove_canned(id: i64) -> Result<(), ServerFnError> {
    domain::answer_kit::delete_canned(&ctx()?, &caller().actor, id)
        .await
        .map_err(fail)
}

/// The guidelines, in order.
#[server(prefix = "/rpc")]
pub async fn list_guidelines() -> Result<Vec<shared::Guideline>, ServerFnError> {
    domain::answer_kit::list_guidelines(&ctx()?)
        .await
        .map_err(fail)
}

/// Appends a guideline (admins).
#[server(prefix = "/rpc")]
pub async fn add_guideline(text: String) -> Result<shared::Guideline, ServerFnError> {
    domain::answer_kit::add_guideline(&ctx()?, &caller().actor, shared::GuidelineInput { text })
        .await
        .map_err(fail)
}

/// Removes a guideline (admins).
#[server(prefix = "/rpc")]
pub async fn remove_guideline(id: i64) -> Result<(), ServerFnError> {
    domain::answer_kit::delete_guideline(&ctx()?, &caller().actor, id)
        .await
        .map_err(fail)
}

/// Remedy limits per role and department (staff read, admins set).
#[server(prefix = "/rpc")]
pub async fn remedy_limits() -> Result<Vec<shared::RemedyLimit>, ServerFnError> {
    domain::remedy::limits(&ctx()?, &caller().actor)
        .await
        .map_err(fail)
}

/// Sets a remedy limit (admins); an empty department means every one.
#[server(prefix = "/rpc")]
pub async fn set_remedy_limit(
    role: shared::Role,
    #[server(default)] department: Option<String>,
    max_won: String,
) -> Result<shared::RemedyLimit, ServerFnError> {
    let max_won = max_won
        .trim()
        .replace(',', "")
        .parse::<i64>()
        .map_err(|_| fail(domain::Error::invalid("max_won", "give an amount in won")))?;
    let input = shared::RemedyLimit {
        role,
        department: department.filter(|d| !d.is_empty()),
        max_won,
    };
    domain::remedy::set_limit(&ctx()?, &caller().actor, input)
        .await
        .map_err(fail)
}

/// Merges an idea into another (moderators) and opens the target.
#[server(prefix = "/rpc")]
pub async fn merge_idea(number: i64, into: i64) -> Result<(), ServerFnError> {
    let target = domain::merge::merge(&ctx()?, &caller().actor, number, into)
        .await
        .map_err(fail)?;
    leptos_axum::redirect(&format!("/ideas/{}", target.number));
    Ok(())
}

/// Undoes a merge (moderators).
#[server(prefix = "/rpc")]
pub async fn unmerge_idea(number: i64) -> Result<(), ServerFnError> {
    domain::merge::unmerge(&ctx()?, &caller().actor, number)
        .await
        .map(|_| ())
        .map_err(fail)
}

/// Reports content to the moderators.
#[server(prefix = "/rpc")]
pub async fn report_content(
    kind: String,
    id: i64,
    reason: String,
    #[server(default)] note: Option<String>,
) -> Result<(), ServerFnError> {
    let input = shared::NewReport {
        target: shared::ContentRef { kind, id },
        reason,
        note,
    };
    domain::moderation::report(&ctx()?, &caller().actor, input)
        .await
        .map(|_| ())
        .map_err(fail)
}

/// Open reports (moderators).
#[server(prefix = "/rpc")]
pub async fn open_reports() -> Result<Vec<shared::ReportView>, ServerFnError> {
    domain::moderation::open_reports(&ctx()?, &caller().actor)
        .await
        .map_err(fail)
}

/// Hides a comment with a public reason (moderators).
#[server(prefix = "/rpc")]
pub async fn hide_content(
    kind: String,
    id: i64,
    reason: String,
    #[server(default)] guideline: Option<String>,
) -> Result<(), ServerFnError> {
    let input = shared::HideRequest {
        target: shared::ContentRef { kind, id },
        reason,
        guideline,
    };
    domain::moderation::hide(&ctx()?, &caller().actor, input)
        .await
        .map_err(fail)
}

/// Suspends a member for some hours with a reason (moderators).
#[server(prefix = "/rpc")]
pub async fn suspend_member(
    member: i64,
    hours: i64,
    reason: String,
    #[server(default)] guideline: Option<String>,
) -> Result<(), ServerFnError> {
    domain::moderation::suspend(
        &ctx()?,
        &caller().actor,
        shared::Suspension {
            member,
            hours,
            reason,
            guideline,
        },
    )
    .await
    .map_err(fail)
}

/// Shows hidden content again, or releases a post held for review (moderators).
#[server(prefix = "/rpc")]
pub async fn unhide_content(kind: String, id: i64) -> Result<(), ServerFnError> {
    let input = shared::UnhideRequest {
        target: shared::ContentRef { kind, id },
    };
    domain::moderation::unhide(&ctx()?, &caller().actor, input)
        .await
        .map_err(fail)
}

/// Posts held for review (moderators).
#[server(prefix = "/rpc")]
pub async fn held_posts() -> Result<Vec<shared::HeldPost>, ServerFnError> {
    domain::moderation::held_posts(&ctx()?, &caller().actor)
        .await
        .map_err(fail)
}

/// The word list that holds posts for review (moderators).
#[server(prefix = "/rpc")]
pub async fn word_list() -> Result<shared::WordList, ServerFnError> {
    domain::review::list(&ctx()?, &caller().actor)
        .await
        .map_err(fail)
}

/// Replaces the word list, one word or phrase per line (moderators).
#[server(prefix = "/rpc")]
pub async fn save_word_list(words: String) -> Result<shared::WordList, ServerFnError> {
    let input = shared::WordList {
        words: words.lines().map(str::to_owned).collect(),
    };
    domain::review::replace(&ctx()?, &caller().actor, input)
        .await
        .map_err(fail)
}

/// Corrects an idea's title, category and tags (moderators); tags are
/// comma-separated.
#[server(prefix = "/rpc")]
pub async fn edit_idea(
    number: i64,
    title: String,
    #[server(default)] category: Option<String>,
    #[server(default)] tags: Option<String>,
    #[server(default)] reason: Option<String>,
    #[server(default)] guideline: Option<String>,
) -> Result<(), ServerFnError> {
    let input = shared::IdeaEdit {
        title: Some(title),
        category: Some(category.unwrap_or_default()),
        tags: Some(
            tags.unwrap_or_default()
                .split(',')
                .filter(|t| !t.trim().is_empty())
                .map(str::to_owned)
                .collect(),
        ),
        reason,
        guideline,
    };
    domain::curation::edit(&ctx()?, &caller().actor, number, input)
        .await
        .map_err(fail)
}

/// Locks an idea's discussion with a reason (moderators).
#[server(prefix = "/rpc")]
pub async fn lock_idea(
    number: i64,
    reason: String,
    #[server(default)] guideline: Option<String>,
) -> Result<(), ServerFnError> {
    let input = shared::LockRequest { reason, guideline };
    domain::curation::lock(&ctx()?, &caller().actor, number, input)
        .await
        .map_err(fail)
}

/// Reopens a locked discussion (moderators).
#[server(prefix = "/rpc")]
pub async fn unlock_idea(number: i64) -> Result<(), ServerFnError> {
    domain::curation::unlock(&ctx()?, &caller().actor, number)
        .await
        .map_err(fail)
}

/// Features an idea above the board, or stops featuring it (moderators).
#[server(prefix = "/rpc")]
pub async fn pin_idea(number: i64, pinned: bool) -> Result<(), ServerFnError> {
    domain::curation::set_pinned(&ctx()?, &caller().actor, number, pinned)
        .await
        .map_err(fail)
}

/// Closes a report without action (moderators).
#[server(prefix = "/rpc")]
pub async fn dismiss_report(id: i64) -> Result<(), ServerFnError> {
    domain::moderation::dismiss(&ctx()?, &caller().actor, id)
        .await
        .map_err(fail)
}

/// The audit log's newest entries, optionally for one action (moderators).
#[server(prefix = "/rpc")]
pub async fn audit_log(action: Option<String>) -> Result<Vec<shared::AuditEntry>, ServerFnError> {
    let query = shared::AuditQuery {
        action,
        limit: Some(100),
        ..shared::AuditQuery::default()
    };
    domain::moderation::audit_log(&ctx()?, &caller().actor, &query)
        .await
        .map(|page| page.items)
        .map_err(fail)
}

/// Remedies waiting for an admin's approval.
#[server(prefix = "/rpc")]
pub async fn pending_remedies() -> Result<Vec<shared::RemedyView>, ServerFnError> {
    domain::remedy::pending(&ctx()?, &caller().actor)
        .await
        .map_err(fail)
}

/// An admin approves or rejects a remedy above its granter's limit.
#[server(prefix = "/rpc")]
pub async fn decide_remedy(id: i64, approve: bool) -> Result<shared::RemedyView, ServerFnError> {
    domain::remedy::decide(&ctx()?, &caller().actor, id, approve)
        .await
        .map_err(fail)
}

/// Claims a ticket for the signed-in staff member.
#[server(prefix = "/rpc")]
pub async fn claim_ticket(number: String) -> Result<shared::TicketView, ServerFnError> {
    let caller = caller();
    let me = caller.actor.member().map(|m| i64::from(m.id));
    domain::ticket::assign(
        &ctx()?,
        &caller.actor,
        &number,
        shared::TicketAssignment { assignee: me },
    )
    .await
    .map_err(fail)
}

/// Says or takes back "me too".
#[server(prefix = "/rpc")]
pub async fn set_me_too(
    number: String,
    affected: bool,
) -> Result<shared::MeTooState, ServerFnError> {
    domain::ticket::me_too(&ctx()?, &caller().actor, &number, affected)
        .await
        .map_err(fail)
}

/// The author rates the handling of a resolved ticket.
#[server(prefix = "/rpc")]
pub async fn rate_ticket(
    number: String,
    score: i64,
    #[server(default)] comment: Option<String>,
) -> Result<shared::TicketView, ServerFnError> {
    domain::ticket::rate(
        &ctx()?,
        &caller().actor,
        &number,
        shared::Rating { score, comment },
    )
    .await
    .map_err(fail)
}

/// Announcements, newest first.
#[server(prefix = "/rpc")]
pub async fn list_announcements(
    cursor: Option<String>,
) -> Result<shared::Page<shared::AnnouncementView>, ServerFnError> {
    domain::announcement::list(&ctx()?, None, cursor.as_deref())
        .await
        .map_err(fail)
}

/// One announcement.
#[server(prefix = "/rpc")]
pub async fn get_announcement(id: i64) -> Result<shared::AnnouncementView, ServerFnError> {
    domain::announcement::get(&ctx()?, id).await.map_err(fail)
}

/// Publishes an announcement (staff) and opens it. `ideas` lists idea
/// numbers separated by commas or spaces (`#` allowed).
#[server(prefix = "/rpc")]
pub async fn publish_announcement(
    title: String,
    body: String,
    #[server(default)] ideas: Option<String>,
) -> Result<(), ServerFnError> {
    let raw = ideas.unwrap_or_default();
    let mut numbers = Vec::new();
    for part in raw
        .split(|c: char| c == ',' || c.is_whitespace())
        .map(|p| p.trim().trim_start_matches('#'))
        .filter(|p| !p.is_empty())
    {
        match part.parse::<i64>() {
            Ok(n) => numbers.push(n),
            Err(_) => {
                return Err(fail(domain::Error::invalid(
                    "ideas",
                    format!("`{part}` is not an idea number"),
                )));
            }
        }
    }
    let input = shared::NewAnnouncement {
        title,
        body,
        ideas: numbers,
    };
    let post = domain::announcement::publish(&ctx()?, &caller().actor, input)
        .await
        .map_err(fail)?;
    leptos_axum::redirect(&format!("/announcements/{}", post.id));
    Ok(())
}

/// Comments on an idea.
#[server(prefix = "/rpc")]
pub async fn post_comment(number: i64, body: String) -> Result<shared::CommentView, ServerFnError> {
    let input = shared::NewComment { body };
    domain::comment::create(&ctx()?, &caller().actor, number, input)
        .await
        .map_err(fail)
}

/// Deletes one's own comment (a tombstone stays).
#[server(prefix = "/rpc")]
pub async fn delete_comment(id: i64) -> Result<(), ServerFnError> {
    domain::comment::delete(&ctx()?, &caller().actor, id)
        .await
        .map_err(fail)
}

/// Changes one's own comment (within 15 minutes of posting).
#[server(prefix = "/rpc")]
pub async fn edit_comment(id: i64, body: String) -> Result<shared::CommentView, ServerFnError> {
    domain::comment::edit(&ctx()?, &caller().actor, id, shared::NewComment { body })
        .await
        .map_err(fail)
}

/// Invites a staff member by e-mail (admins).
#[server(prefix = "/rpc")]
pub async fn invite_staff(
    email: String,
    role: shared::Role,
    #[server(default)] department: Option<String>,
    #[server(default)] title: Option<String>,
) -> Result<shared::account::InviteCreated, ServerFnError> {
    let input = shared::account::CreateInvite {
        email,
        role,
        department: department.filter(|d| !d.is_empty()),
        title: title.filter(|t| !t.is_empty()),
    };
    domain::onboarding::invite(&ctx()?, &caller().actor, input)
        .await
        .map_err(fail)
}

/// Creates a department (admins).
#[server(prefix = "/rpc")]
pub async fn create_department(
    slug: String,
    name: String,
    #[server(default)] description: String,
    first_response_minutes: i64,
) -> Result<Department, ServerFnError> {
    let input = shared::department::DepartmentInput {
        slug,
        name,
        description,
        handle: String::new(),
        first_response_minutes,
    };
    domain::department::create(&ctx()?, &caller().actor, input)
        .await
        .map_err(fail)
}

/// A staff decision: new status with a public explanation.
#[server(prefix = "/rpc")]
pub async fn change_idea_status(
    number: i64,
    status: shared::IdeaStatus,
    explanation: String,
    #[server(default)] duplicate_of: Option<String>,
) -> Result<(), ServerFnError> {
    // The form sends an empty field when no original is named.
    let duplicate_of = match duplicate_of
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        Some(raw) => Some(raw.trim_start_matches('#').parse::<i64>().map_err(|_| {
            fail(domain::Error::invalid(
                "duplicate_of",
                "must be an idea number",
            ))
        })?),
        None => None,
    };
    let input = shared::StatusChange {
        status,
        explanation,
        duplicate_of,
    };
    domain::idea::change_status(&ctx()?, &caller().actor, number, input)
        .await
        .map_err(fail)
}

/// The managers' dashboard for a range of days (admins).
#[server(prefix = "/rpc")]
pub async fn get_dashboard(
    #[server(default)] from: Option<String>,
    #[server(default)] to: Option<String>,
    #[server(default)] days: Option<i64>,
) -> Result<shared::insight::Dashboard, ServerFnError> {
    let query = shared::insight::DashboardQuery { from, to, days };
    domain::dashboard::dashboard(&ctx()?, &caller().actor, &query)
        .await
        .map_err(fail)
}

/// The public scorecard (anyone).
#[server(prefix = "/rpc")]
pub async fn get_scorecard() -> Result<shared::insight::Scorecard, ServerFnError> {
    domain::dashboard::scorecard(&ctx()?).await.map_err(fail)
}

/// The signed-in member's newest notifications and unread count.
#[server(prefix = "/rpc")]
pub async fn my_notifications() -> Result<shared::NotificationList, ServerFnError> {
    domain::notification::list(&ctx()?, &caller().actor)
        .await
        .map_err(fail)
}

/// Marks all of the member's notifications read.
#[server(prefix = "/rpc")]
pub async fn mark_notifications_read() -> Result<(), ServerFnError> {
    domain::notification::mark_all_read(&ctx()?, &caller().actor)
        .await
        .map_err(fail)
}

/// The signed-in member's e-mail preference for notifications.
#[server(prefix = "/rpc")]
pub async fn notification_settings() -> Result<shared::NotificationSettings, ServerFnError> {
    domain::notification_mail::settings(&ctx()?, &caller().actor)
        .await
        .map_err(fail)
}

/// Sets how the member hears about notifications by e-mail.
#[server(prefix = "/rpc")]
pub async fn set_notification_settings(
    email: String,
) -> Result<shared::NotificationSettings, ServerFnError> {
    let email = email.parse::<shared::EmailMode>().map_err(|_| {
        fail(domain::Error::invalid(
            "email",
            "choose instant, daily or off",
        ))
    })?;
    domain::notification_mail::update_settings(
        &ctx()?,
        &caller().actor,
        shared::NotificationSettings { email },
    )
    .await
    .map_err(fail)
}

/// The one-click unsubscribe link of a notification mail.
#[server(prefix = "/rpc")]
pub async fn unsubscribe_link(token: String) -> Result<shared::Unsubscribed, ServerFnError> {
    domain::notification_mail::unsubscribe(&ctx()?, &token)
        .await
        .map_err(fail)
}

/// Registered webhooks with their delivery counts (admins).
#[server(prefix = "/rpc")]
pub async fn list_webhooks() -> Result<Vec<shared::webhook::WebhookView>, ServerFnError> {
    domain::webhook::list(&ctx()?, &caller().actor)
        .await
        .map_err(fail)
}

/// Registers a webhook (admins); the answer carries its secret, once.
#[server(prefix = "/rpc")]
pub async fn create_webhook(
    url: String,
    description: String,
    events: Option<Vec<String>>,
) -> Result<shared::webhook::WebhookView, ServerFnError> {
    let input = shared::webhook::NewWebhook {
        url,
        description,
        events: events.unwrap_or_default(),
    };
    domain::webhook::create(&ctx()?, &caller().actor, input)
        .await
        .map_err(fail)
}

/// Removes a webhook (admins).
#[server(prefix = "/rpc")]
pub async fn delete_webhook(id: i64) -> Result<(), ServerFnError> {
    domain::webhook::delete(&ctx()?, &caller().actor, id)
        .await
        .map_err(fail)
}

/// Sends a test delivery (admins).
#[server(prefix = "/rpc")]
pub async fn ping_webhook(id: i64) -> Result<(), ServerFnError> {
    domain::webhook::ping(&ctx()?, &caller().actor, id)
        .await
        .map(|_| ())
        .map_err(fail)
}

/// A webhook's newest deliveries with every try (admins).
#[server(prefix = "/rpc")]
pub async fn webhook_deliveries(
    id: i64,
) -> Result<Vec<shared::webhook::WebhookDeliveryView>, ServerFnError> {
    domain::webhook::deliveries(&ctx()?, &caller().actor, id, 20)
        .await
        .map_err(fail)
}
