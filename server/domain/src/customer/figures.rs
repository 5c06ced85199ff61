//! Figures about customers, counted for a handful of them at once (a page
//! of the list, or the one customer of the full view) so the list and the
//! view say the same numbers.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use shared::customer::Influence;
use shared::{CommitmentStatus, RemedyStatus, TicketStatus};

use crate::entity::{commitment, idea, idea_comment, idea_follow, remedy, ticket, ticket_me_too};
use crate::{Ctx, Result};

/// What is counted for one customer.
#[derive(Clone, Debug, Default)]
pub(super) struct Figures {
    pub tickets: i64,
    pub open_tickets: i64,
    pub open_promises: i64,
    pub remedies_this_year_won: i64,
    pub remedies_this_month_won: i64,
    pub influence: Influence,
}

/// Whether a ticket still waits for something.
pub(super) fn is_open(status: TicketStatus) -> bool {
    !matches!(status, TicketStatus::Resolved | TicketStatus::Closed)
}

/// The first instant of the calendar year, in the company's zone, that
/// `now` is in.
pub(super) fn year_start(ctx: &Ctx, now: DateTime<Utc>) -> DateTime<Utc> {
    let today = ctx.settings.today(now);
    chrono::NaiveDate::from_ymd_opt(today.year(), 1, 1)
        .map_or(now, |first| ctx.settings.start_of(first))
}

/// Figures for each of `ids` (a few: a page of the list at most).
pub(super) async fn figures(ctx: &Ctx, ids: &[i32]) -> Result<HashMap<i32, Figures>> {
    let mut all: HashMap<i32, Figures> = ids.iter().map(|id| (*id, Figures::default())).collect();
    if ids.is_empty() {
        return Ok(all);
    }
    let now = ctx.clock.now();
    let year_began = year_start(ctx, now);
    let month_began = crate::remedy::month_start(now, &ctx.settings);
    let threshold = ctx.settings.opinion_leader_threshold;

    // Tickets, their promises, remedies and "me too" marks.
    let tickets: Vec<(i32, i32, TicketStatus)> = ticket::Entity::find()
        .select_only()
        .column(ticket::Column::Id)
        .column(ticket::Column::AuthorId)
        .column(ticket::Column::Status)
        .filter(ticket::Column::AuthorId.is_in(ids.to_vec()))
        .into_tuple()
        .all(&ctx.db)
        .await?;
    let ticket_author: HashMap<i32, i32> = tickets.iter().map(|t| (t.0, t.1)).collect();
    for (_, author, status) in &tickets {
        if let Some(f) = all.get_mut(author) {
            f.tickets += 1;
            f.open_tickets += i64::from(is_open(*status));
        }
    }
    let ticket_ids: Vec<i32> = ticket_author.keys().copied().collect();
    let pending: Vec<i32> = commitment::Entity::find()
        .select_only()
        .column(commitment::Column::TicketId)
        .filter(commitment::Column::TicketId.is_in(ticket_ids.clone()))
        .filter(commitment::Column::Status.eq(CommitmentStatus::Pending))
        .into_tuple()
        .all(&ctx.db)
        .await?;
    for ticket_id in pending {
        if let Some(f) = ticket_author.get(&ticket_id).and_then(|a| all.get_mut(a)) {
            f.open_promises += 1;
        }
    }
    let granted: Vec<(i32, i64, DateTime<Utc>)> = remedy::Entity::find()
        .select_only()
        .column(remedy::Column::TicketId)
        .column(remedy::Column::AmountWon)
        .column(remedy::Column::CreatedAt)
        .filter(remedy::Column::TicketId.is_in(ticket_ids.clone()))
        .filter(remedy::Column::Status.eq(RemedyStatus::Granted))
        .filter(remedy::Column::CreatedAt.gte(year_began))
        .into_tuple()
        .all(&ctx.db)
        .await?;
    for (ticket_id, amount, at) in granted {
        if let Some(f) = ticket_author.get(&ticket_id).and_then(|a| all.get_mut(a)) {
            f.remedies_this_year_won += amount;
            if at >= month_began {
                f.remedies_this_month_won += amount;
            }
        }
    }
    let me_too: Vec<(i32, i32)> = ticket_me_too::Entity::find()
        .select_only()
        .column(ticket_me_too::Column::TicketId)
        .column(ticket_me_too::Column::UserId)
        .filter(ticket_me_too::Column::TicketId.is_in(ticket_ids))
        .into_tuple()
        .all(&ctx.db)
        .await?;
    for (ticket_id, user_id) in me_too {
        if let Some(author) = ticket_author.get(&ticket_id)
            && *author != user_id
            && let Some(f) = all.get_mut(author)
        {
            f.influence.me_too_drawn += 1;
        }
    }

    // Ideas, with the votes, followers and comments they drew.
    let ideas: Vec<(i32, i32, i32)> = idea::Entity::find()
        .select_only()
        .column(idea::Column::Id)
        .column(idea::Column::AuthorId)
        .column(idea::Column::VotesCount)
        .filter(idea::Column::AuthorId.is_in(ids.to_vec()))
        .into_tuple()
        .all(&ctx.db)
        .await?;
    let idea_author: HashMap<i32, i32> = ideas.iter().map(|i| (i.0, i.1)).collect();
    for (_, author, votes) in &ideas {
        if let Some(f) = all.get_mut(author) {
            f.influence.ideas += 1;
            f.influence.votes_received += i64::from(*votes);
        }
    }
    let idea_ids: Vec<i32> = idea_author.keys().copied().collect();
    let followers: Vec<(i32, i32)> = idea_follow::Entity::find()
        .select_only()
        .column(idea_follow::Column::IdeaId)
        .column(idea_follow::Column::UserId)
        .filter(idea_follow::Column::IdeaId.is_in(idea_ids.clone()))
        .into_tuple()
        .all(&ctx.db)
        .await?;
    let mut following: HashSet<(i32, i32)> = HashSet::new();
    for (idea_id, user_id) in followers {
        if let Some(author) = idea_author.get(&idea_id)
            && *author != user_id
            && following.insert((*author, user_id))
            && let Some(f) = all.get_mut(author)
        {
            f.influence.followers += 1;
        }
    }
    let drawn: Vec<(i32, i32)> = idea_comment::Entity::find()
        .select_only()
        .column(idea_comment::Column::IdeaId)
        .column(idea_comment::Column::AuthorId)
        .filter(idea_comment::Column::IdeaId.is_in(idea_ids))
        .filter(idea_comment::Column::DeletedAt.is_null())
        .into_tuple()
        .all(&ctx.db)
        .await?;
    for (idea_id, author_id) in drawn {
        if let Some(author) = idea_author.get(&idea_id)
            && *author != author_id
            && let Some(f) = all.get_mut(author)
        {
            f.influence.comments_drawn += 1;
        }
    }

    for f in all.values_mut() {
        let i = &mut f.influence;
        i.reach = i.votes_received + i.followers + i.comments_drawn + i.me_too_drawn;
        i.threshold = threshold;
    }
    Ok(all)
}
