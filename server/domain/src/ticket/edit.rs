//! Corrections by the author: a ticket's title and description, or one of
//! their replies, within 15 minutes of posting (a typo, a number that
//! belongs in the private details). Later, they ask staff to redact.

use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
use shared::{TicketEdit, TicketPostEdit, TicketPostKind, TicketView};

use super::store::{EDIT_WINDOW, find, validate_text};
use super::view::get;
use crate::actor::Actor;
use crate::entity::ticket_post;
use crate::personal_data::{self, Instead};
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, markdown};

fn too_late() -> Error {
    Error::Conflict(crate::msg!("edit.tickets_replies_can_corrected_15"))
}

/// The author corrects their ticket's title and description.
pub async fn edit_ticket(
    ctx: &Ctx,
    actor: &Actor,
    number: &str,
    input: TicketEdit,
) -> Result<TicketView> {
    let member = actor.member().ok_or(Error::Unauthenticated)?;
    let title = input.title.as_deref().map(str::trim).map(str::to_owned);
    if title.is_none() && input.body.is_none() {
        return Err(Error::invalid(
            "title",
            crate::msg!("edit.give_new_title_description"),
        ));
    }
    if let Some(title) = &title
        && !(5..=120).contains(&title.chars().count())
    {
        return Err(Error::invalid(
            "title",
            crate::msg!("field.must_5_120_characters"),
        ));
    }
    if let Some(body) = &input.body {
        validate_text("body", body, 1)?;
    }
    personal_data::refuse(
        &[
            ("title", title.as_deref().unwrap_or_default()),
            ("body", input.body.as_deref().unwrap_or_default()),
        ],
        Instead::TicketThread,
    )?;
    let txn = ctx.begin_write().await?;
    let row = find(&txn, number, true).await?;
    let scope = if row.author_id == member.id {
        Scope::Own
    } else {
        Scope::Others
    };
    policy::authorize(actor, Action::EditTicket, scope)?;
    if ctx.clock.now() - row.created_at > EDIT_WINDOW {
        return Err(too_late());
    }
    let mut active = row.into_active_model();
    if let Some(title) = title {
        active.title = Set(title);
    }
    if let Some(body) = input.body {
        active.body_html = Set(markdown::render(&body));
        active.body_md = Set(body);
    }
    active.updated_at = Set(ctx.clock.now());
    active.update(&txn).await?;
    txn.commit().await?;
    get(ctx, actor, number).await
}

/// The author corrects one of their public replies.
pub async fn edit_post(
    ctx: &Ctx,
    actor: &Actor,
    number: &str,
    post_id: i64,
    input: TicketPostEdit,
) -> Result<TicketView> {
    let member = actor.member().ok_or(Error::Unauthenticated)?;
    validate_text("body", &input.body, 1)?;
    personal_data::refuse(&[("body", &input.body)], Instead::TicketThread)?;
    let not_found = || {
        Error::NotFound(crate::msg!(
            "not_found.post",
            post_id = post_id,
            number = number
        ))
    };
    let txn = ctx.begin_write().await?;
    let ticket = find(&txn, number, true).await?;
    let post = match i32::try_from(post_id) {
        Ok(id) => ticket_post::Entity::find_by_id(id).one(&txn).await?,
        Err(_) => None,
    }
    .filter(|p| p.ticket_id == ticket.id)
    .filter(|p| p.kind != TicketPostKind::Internal || member.role.is_staff())
    .ok_or_else(not_found)?;
    let scope = if post.author_id == member.id {
        Scope::Own
    } else {
        Scope::Others
    };
    policy::authorize(actor, Action::EditTicket, scope)?;
    if post.kind != TicketPostKind::Reply || post.hidden_at.is_some() {
        return Err(Error::Conflict(crate::msg!(
            "edit.only_visible_reply_can_corrected"
        )));
    }
    if ctx.clock.now() - post.created_at > EDIT_WINDOW {
        return Err(too_late());
    }
    let mut active = post.into_active_model();
    active.body_html = Set(markdown::render(&input.body));
    active.body_md = Set(input.body);
    active.update(&txn).await?;
    txn.commit().await?;
    get(ctx, actor, number).await
}
