//! Staff notes on a customer: internal, signed and dated; their author may
//! correct one for 15 minutes, nobody may remove one.

use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use shared::customer::{CustomerNote, NoteInput};

use super::record::{NOTE_EDIT_MINUTES, customer, rfc3339};
use crate::actor::Actor;
use crate::entity::customer_note;
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result};

/// Longest note accepted.
pub const MAX_CHARS: usize = 4_000;

fn validated(input: &NoteInput) -> Result<String> {
    let body = input.body.trim();
    if body.is_empty() {
        return Err(Error::invalid("body", crate::msg!("field.must_not_empty")));
    }
    let chars = body.chars().count();
    if chars > MAX_CHARS {
        return Err(Error::invalid(
            "body",
            crate::msg!(
                "comment.must_at_most_characters_has",
                max_chars = MAX_CHARS,
                chars = chars
            ),
        ));
    }
    Ok(body.to_owned())
}

/// The notes on one customer, newest first, as `viewer_id` sees them (the
/// author sees until when they may still correct theirs).
pub(super) async fn for_customer(
    ctx: &Ctx,
    viewer_id: i32,
    customer_id: i32,
) -> Result<Vec<CustomerNote>> {
    let rows = customer_note::Entity::find()
        .filter(customer_note::Column::CustomerId.eq(customer_id))
        .order_by_desc(customer_note::Column::Id)
        .all(&ctx.db)
        .await?;
    let people = crate::user::refs(ctx, rows.iter().map(|n| n.author_id)).await?;
    let now = ctx.clock.now();
    rows.into_iter()
        .map(|row| {
            let until = row.created_at + chrono::Duration::minutes(NOTE_EDIT_MINUTES);
            Ok(CustomerNote {
                id: i64::from(row.id),
                author: people.get(&row.author_id).cloned().ok_or_else(|| {
                    Error::Internal(format!("customer note {} has no author", row.id))
                })?,
                body: row.body,
                created_at: rfc3339(row.created_at),
                edited_at: row.edited_at.map(rfc3339),
                editable_until: (row.author_id == viewer_id && now < until).then(|| rfc3339(until)),
            })
        })
        .collect()
}

async fn one(ctx: &Ctx, viewer_id: i32, customer_id: i32, note_id: i32) -> Result<CustomerNote> {
    for_customer(ctx, viewer_id, customer_id)
        .await?
        .into_iter()
        .find(|n| n.id == i64::from(note_id))
        .ok_or_else(|| Error::NotFound(crate::msg!("customer.no_note")))
}

/// Adds a note on a customer, signed by the staff member.
pub async fn add_note(
    ctx: &Ctx,
    actor: &Actor,
    customer_id: i64,
    input: NoteInput,
) -> Result<CustomerNote> {
    let staff = policy::member_for(actor, Action::NoteCustomers, Scope::Others)?;
    let row = customer(ctx, customer_id).await?;
    let body = validated(&input)?;
    let txn = ctx.begin_write().await?;
    let saved = customer_note::ActiveModel {
        customer_id: Set(row.id),
        author_id: Set(staff.id),
        body: Set(body),
        created_at: Set(ctx.clock.now()),
        edited_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    one(ctx, staff.id, row.id, saved.id).await
}

/// Corrects a note: only its author, within 15 minutes of writing it.
pub async fn edit_note(
    ctx: &Ctx,
    actor: &Actor,
    customer_id: i64,
    note_id: i64,
    input: NoteInput,
) -> Result<CustomerNote> {
    let staff = policy::member_for(actor, Action::NoteCustomers, Scope::Others)?;
    let row = customer(ctx, customer_id).await?;
    let missing = || Error::NotFound(crate::msg!("customer.no_note"));
    let note_id = i32::try_from(note_id).map_err(|_| missing())?;
    let note = customer_note::Entity::find_by_id(note_id)
        .one(&ctx.db)
        .await?
        .filter(|n| n.customer_id == row.id)
        .ok_or_else(missing)?;
    if note.author_id != staff.id {
        return Err(Error::Forbidden(crate::msg!("customer.note_author_only")));
    }
    let now = ctx.clock.now();
    if now >= note.created_at + chrono::Duration::minutes(NOTE_EDIT_MINUTES) {
        return Err(Error::Forbidden(crate::msg!("customer.note_edit_window")));
    }
    let body = validated(&input)?;
    let mut active: customer_note::ActiveModel = note.into();
    active.body = Set(body);
    active.edited_at = Set(Some(now));
    let txn = ctx.begin_write().await?;
    active.update(&txn).await?;
    txn.commit().await?;
    one(ctx, staff.id, row.id, note_id).await
}
