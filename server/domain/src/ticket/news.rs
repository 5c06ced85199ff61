//! Who hears about what happens on a ticket, and in whose name: the author
//! on every answer, hand-off, status change, promise and remedy; members who
//! said "me too" on answers and on the end; the receiving department's
//! staff on a hand-off; the assignee when the customer writes again. Each
//! notice names who acted ("Jiho Kwon (Billing) answered"); nobody is told
//! about their own act.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use shared::ticket::ticket_number;
use shared::{NotificationKind, Role};

use crate::Result;
use crate::entity::{department, ticket, ticket_me_too, user};
use crate::i18n::Message;
use crate::notification::{Notice, tell_member};

/// Who is told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Audience {
    /// Whoever filed the ticket.
    Author,
    /// Members who said it happened to them too.
    MeToo,
    /// Staff of this department (the receiving one on a hand-off).
    Department(i32),
    /// The staff member the ticket is assigned to, if any.
    Assignee,
}

/// Something that happened on a ticket, told to one or more audiences.
pub(crate) struct News<'a> {
    /// The ticket.
    pub ticket: &'a ticket::Model,
    /// Who acted.
    pub actor_id: i32,
    /// What kind of notice.
    pub kind: NotificationKind,
    /// What they did, after their name: "answered", "handed it to Mobile".
    pub did: Message,
    /// Plain text: the public words that came with it.
    pub text: Message,
}

/// "Jiho Kwon (Billing)" for staff, the display name for anyone else.
async fn name_of<C: ConnectionTrait>(db: &C, member_id: i32) -> Result<Message> {
    let Some(member) = user::Entity::find_by_id(member_id).one(db).await? else {
        return Ok(Message::said(""));
    };
    let department = match member.department_id.filter(|_| member.role.is_staff()) {
        Some(id) => department::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    Ok(match department {
        Some(d) => crate::msg!("notice.staff_name", name = member.display_name)
            .arg_names("department", d.names()),
        None => Message::said(member.display_name),
    })
}

async fn members_of<C: ConnectionTrait>(
    db: &C,
    row: &ticket::Model,
    audience: Audience,
) -> Result<Vec<i32>> {
    Ok(match audience {
        Audience::Author => vec![row.author_id],
        Audience::Assignee => row.assignee_id.into_iter().collect(),
        Audience::MeToo => {
            ticket_me_too::Entity::find()
                .select_only()
                .column(ticket_me_too::Column::UserId)
                .filter(ticket_me_too::Column::TicketId.eq(row.id))
                .into_tuple()
                .all(db)
                .await?
        }
        Audience::Department(id) => {
            user::Entity::find()
                .select_only()
                .column(user::Column::Id)
                .filter(user::Column::DepartmentId.eq(id))
                .filter(user::Column::Role.is_in([Role::Employee, Role::Moderator, Role::Admin]))
                .filter(user::Column::DeletedAt.is_null())
                .into_tuple()
                .all(db)
                .await?
        }
    })
}

/// Tells every member of the audiences once (not the actor).
pub(crate) async fn tell<C: ConnectionTrait>(
    db: &C,
    news: News<'_>,
    audiences: &[Audience],
    at: DateTime<Utc>,
) -> Result<()> {
    let mut people = BTreeSet::new();
    for audience in audiences {
        people.extend(members_of(db, news.ticket, *audience).await?);
    }
    people.remove(&news.actor_id);
    if people.is_empty() {
        return Ok(());
    }
    let number = ticket_number(i64::from(news.ticket.id));
    let subject = crate::msg!(
        "notice.ticket",
        number = &number,
        title = &news.ticket.title
    )
    .arg_message("actor", name_of(db, news.actor_id).await?)
    .arg_message("did", news.did);
    for member_id in people {
        tell_member(
            db,
            Notice {
                member_id,
                kind: news.kind,
                actor_id: news.actor_id,
                subject: subject.clone(),
                text: news.text.clone(),
                link: format!("/tickets/{number}"),
            },
            at,
        )
        .await?;
    }
    Ok(())
}
