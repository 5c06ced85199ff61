//! A member's rights over their data: download all of it as JSON, and delete
//! the account. Deletion keeps public posts (attributed to "deleted member")
//! so threads stay readable, and removes votes, private details, sessions,
//! tokens and every personal field.

use chrono::SecondsFormat;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};
use shared::Role;
use shared::account::{
    AccountExport, DeleteAccount, ExportedComment, ExportedIdea, ExportedTicket,
    ExportedTicketPost, ExportedVote,
};
use shared::ticket::ticket_number;

use crate::actor::Actor;
use crate::entity::{
    api_token, idea, idea_comment, idea_follow, idea_vote, notification, one_time_token, session,
    ticket, ticket_post, user,
};
use crate::idea::store::recount_votes;
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, auth, password};

fn rfc3339(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Everything stored about the signed-in member.
pub async fn export(
    ctx: &Ctx,
    actor: &Actor,
    session_token: Option<&str>,
) -> Result<AccountExport> {
    let member = policy::member_for(actor, Action::ManageOwnAccount, Scope::Own)?;
    let account = auth::me(ctx, actor).await?;
    let row = user::Entity::find_by_id(member.id)
        .one(&ctx.db)
        .await?
        .ok_or_else(|| Error::NotFound(crate::msg!("not_found.account")))?;
    let ideas = idea::Entity::find()
        .filter(idea::Column::AuthorId.eq(member.id))
        .order_by_asc(idea::Column::Id)
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|i| ExportedIdea {
            number: i64::from(i.id),
            title: i.title,
            body_markdown: i.body_md,
            status: i.status,
            created_at: rfc3339(i.created_at),
        })
        .collect();
    let comments = idea_comment::Entity::find()
        .filter(idea_comment::Column::AuthorId.eq(member.id))
        .order_by_asc(idea_comment::Column::Id)
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|c| ExportedComment {
            idea_number: i64::from(c.idea_id),
            body_markdown: c.body_md,
            created_at: rfc3339(c.created_at),
            deleted: c.deleted_at.is_some(),
        })
        .collect();
    let votes = idea_vote::Entity::find()
        .filter(idea_vote::Column::UserId.eq(member.id))
        .order_by_asc(idea_vote::Column::IdeaId)
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|v| ExportedVote {
            idea_number: i64::from(v.idea_id),
            created_at: rfc3339(v.created_at),
        })
        .collect();
    let tickets = ticket::Entity::find()
        .filter(ticket::Column::AuthorId.eq(member.id))
        .order_by_asc(ticket::Column::Id)
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|t| ExportedTicket {
            number: ticket_number(i64::from(t.id)),
            kind: t.kind,
            title: t.title,
            body_markdown: t.body_md,
            private_details: t.private_details,
            status: t.status,
            created_at: rfc3339(t.created_at),
        })
        .collect();
    let ticket_posts = ticket_post::Entity::find()
        .filter(ticket_post::Column::AuthorId.eq(member.id))
        .order_by_asc(ticket_post::Column::Id)
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|p| ExportedTicketPost {
            ticket_number: ticket_number(i64::from(p.ticket_id)),
            kind: p.kind,
            body_markdown: p.body_md,
            created_at: rfc3339(p.created_at),
        })
        .collect();
    Ok(AccountExport {
        exported_at: rfc3339(ctx.clock.now()),
        account,
        joined_at: rfc3339(row.created_at),
        ideas,
        comments,
        votes,
        tickets,
        ticket_posts,
        sessions: auth::list_sessions(ctx, actor, session_token).await?,
        api_tokens: auth::list_tokens(ctx, actor).await?,
    })
}

/// Deletes the signed-in member's account after checking their password.
pub async fn delete_account(ctx: &Ctx, actor: &Actor, input: DeleteAccount) -> Result<()> {
    let member = policy::member_for(actor, Action::ManageOwnAccount, Scope::Own)?.clone();
    let account = user::Entity::find_by_id(member.id)
        .one(&ctx.db)
        .await?
        .ok_or_else(|| Error::NotFound(crate::msg!("not_found.account")))?;
    let confirmed = account
        .password_hash
        .as_deref()
        .is_some_and(|h| password::verify(&input.password, h));
    if !confirmed {
        return Err(Error::invalid(
            "password",
            crate::msg!("privacy.not_your_current_password"),
        ));
    }
    let txn = ctx.begin_write().await?;
    if member.role == Role::Admin {
        crate::user::keep_an_admin(&txn, crate::msg!("privacy.last_admin")).await?;
    }
    let voted: Vec<i32> = idea_vote::Entity::find()
        .filter(idea_vote::Column::UserId.eq(member.id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|v| v.idea_id)
        .collect();
    idea_vote::Entity::delete_many()
        .filter(idea_vote::Column::UserId.eq(member.id))
        .exec(&txn)
        .await?;
    for idea_id in voted {
        recount_votes(&txn, idea_id).await?;
    }
    ticket::Entity::update_many()
        .col_expr(
            ticket::Column::PrivateDetails,
            Expr::value(Option::<String>::None),
        )
        .filter(ticket::Column::AuthorId.eq(member.id))
        .exec(&txn)
        .await?;
    idea_follow::Entity::delete_many()
        .filter(idea_follow::Column::UserId.eq(member.id))
        .exec(&txn)
        .await?;
    notification::Entity::delete_many()
        .filter(notification::Column::UserId.eq(member.id))
        .exec(&txn)
        .await?;
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(member.id))
        .exec(&txn)
        .await?;
    api_token::Entity::delete_many()
        .filter(api_token::Column::UserId.eq(member.id))
        .exec(&txn)
        .await?;
    one_time_token::Entity::delete_many()
        .filter(one_time_token::Column::UserId.eq(member.id))
        .exec(&txn)
        .await?;
    let mut active = account.into_active_model();
    active.email = Set(format!("deleted-{}@deleted.invalid", member.id));
    active.password_hash = Set(None);
    active.display_name = Set(crate::user::DELETED_NAME.to_owned());
    active.role = Set(Role::Customer);
    active.department_id = Set(None);
    active.title = Set(None);
    active.initials = Set(None);
    active.avatar_color = Set("#9ca3af".to_owned());
    active.deleted_at = Set(Some(ctx.clock.now()));
    active.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}
