//! Writing the posts of a demo thread, for the ticket loader and the story.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, Set};

use crate::entity::ticket_post;
use crate::{Result, markdown};

/// Writes one post of a demo thread; returns its id.
pub(super) async fn insert_post(
    txn: &sea_orm::DatabaseTransaction,
    ticket_id: i32,
    author_id: i32,
    kind: shared::TicketPostKind,
    body: &str,
    at: DateTime<Utc>,
) -> Result<i32> {
    let post = ticket_post::ActiveModel {
        ticket_id: Set(ticket_id),
        author_id: Set(author_id),
        kind: Set(kind),
        body_md: Set(body.to_owned()),
        body_html: Set(markdown::render(body)),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(post.id)
}
