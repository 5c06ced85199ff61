//! Loading the demo into an empty database, in one transaction.

use chrono::{DateTime, Duration, Utc};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use sea_orm::{ActiveModelTrait, EntityTrait, PaginatorTrait, Set, TransactionTrait};
use shared::{IdeaStatus, Role, TicketStatus};

use super::content::{
    CANNED_ANSWERS, CATEGORIES, COMMENTS, DEMO_ANNOUNCEMENT, GUIDELINES, REVIEW_WORDS,
};
use super::ideas::IDEAS;
use super::people::{CUSTOMER_NAMES, DEMO_PASSWORD, DEPARTMENTS, STAFF};
use super::post::insert_post;
use super::tickets::TICKETS;
use crate::entity::{
    announcement, announcement_idea, canned_answer, category, department, guideline, idea,
    idea_comment, idea_status_change, idea_vote, remedy_limit, ticket, user,
};
use crate::{Ctx, Result, idea::store::trending_score, markdown, password};

/// True when the database holds no members yet: the one case in which the
/// demo is loaded, so real data is never mixed with it.
pub async fn is_empty(ctx: &Ctx) -> Result<bool> {
    Ok(user::Entity::find().count(&ctx.db).await? == 0)
}

/// Loads the demo in one transaction (all or nothing). The random choices
/// come from a fixed seed, so every fresh database gets the same board.
pub async fn load(ctx: &Ctx) -> Result<()> {
    let now = ctx.clock.now();
    let mut rng = StdRng::seed_from_u64(2026);
    // One hash for the shared demo password: hashing is deliberately slow.
    let password_hash = password::hash(DEMO_PASSWORD)?;
    let txn = ctx.db.begin().await?;

    let mut department_ids = std::collections::HashMap::new();
    for d in &DEPARTMENTS {
        let row = department::ActiveModel {
            slug: Set(d.slug.to_owned()),
            name: Set(d.name.0.to_owned()),
            name_en: Set(d.name.1.to_owned()),
            description: Set(d.description.0.to_owned()),
            description_en: Set(d.description.1.to_owned()),
            handle: Set(format!("@hanbit-{}", d.slug)),
            first_response_minutes: Set(d.minutes),
            created_at: Set(now - Duration::days(400)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        department_ids.insert(d.slug, row.id);
    }

    let mut staff_ids = Vec::new();
    for s in &STAFF {
        let id = insert_user(
            &txn,
            now,
            s.0,
            s.1,
            s.2,
            Some(id_of(&department_ids, s.3)?),
            Some(s.4),
            Some(s.5),
            &password_hash,
        )
        .await?;
        staff_ids.push((id, s.3));
    }
    let mut customer_ids = Vec::new();
    for (i, name) in CUSTOMER_NAMES.iter().enumerate() {
        let email = if i == 0 {
            "customer@hanbit.example".to_owned()
        } else {
            format!("member{i:02}@customers.example")
        };
        customer_ids.push(
            insert_user(
                &txn,
                now,
                &email,
                name,
                Role::Customer,
                None,
                None,
                None,
                &password_hash,
            )
            .await?,
        );
    }

    let mut category_ids = std::collections::HashMap::new();
    for (slug, (name, name_en)) in CATEGORIES {
        let row = category::ActiveModel {
            slug: Set(slug.to_owned()),
            name: Set(name.to_owned()),
            name_en: Set(name_en.to_owned()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        category_ids.insert(slug, row.id);
    }

    let mut delivered = Vec::new();
    for (i, d) in IDEAS.iter().enumerate() {
        let age_days = 60 - i64::try_from(i * 2).unwrap_or(0);
        let created_at =
            now - Duration::days(age_days) - Duration::minutes(rng.random_range(0..600));
        let vote_count = rng.random_range(0..customer_ids.len());
        let voters: Vec<i32> = customer_ids
            .choose_multiple(&mut rng, vote_count)
            .copied()
            .collect();
        let comment_count = rng.random_range(0..4);
        let commenters: Vec<i32> = customer_ids
            .choose_multiple(&mut rng, comment_count)
            .copied()
            .collect();
        let author_id = customer_ids[i % customer_ids.len()];
        let votes = i32::try_from(voters.len()).unwrap_or(0);
        let row = idea::ActiveModel {
            title: Set(d.0.to_owned()),
            body_md: Set(d.1.to_owned()),
            body_html: Set(markdown::render(d.1)),
            status: Set(d.3),
            category_id: Set(Some(id_of(&category_ids, d.2)?)),
            author_id: Set(author_id),
            votes_count: Set(votes),
            comments_count: Set(i32::try_from(commenters.len()).unwrap_or(0)),
            trending_score: Set(trending_score(votes, created_at)),
            merged_into_id: Set(None),
            created_at: Set(created_at),
            updated_at: Set(created_at + Duration::days(1)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        crate::search::index_idea(&txn, row.id, &row.title, &[]).await?;
        crate::follow::add(&txn, row.id, author_id, created_at).await?;
        for (k, voter) in voters.iter().enumerate() {
            idea_vote::ActiveModel {
                idea_id: Set(row.id),
                user_id: Set(*voter),
                recorded_by_id: Set(None),
                created_at: Set(created_at + Duration::hours(i64::try_from(k).unwrap_or(0) + 1)),
            }
            .insert(&txn)
            .await?;
        }
        for (k, commenter) in commenters.iter().enumerate() {
            let body = COMMENTS[(i + k) % COMMENTS.len()];
            idea_comment::ActiveModel {
                idea_id: Set(row.id),
                author_id: Set(*commenter),
                body_md: Set(body.to_owned()),
                body_html: Set(markdown::render(body)),
                created_at: Set(created_at + Duration::hours(i64::try_from(k).unwrap_or(0) * 5 + 2)),
                edited_at: Set(None),
                deleted_at: Set(None),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            crate::follow::add(&txn, row.id, *commenter, created_at).await?;
        }
        if d.3 == IdeaStatus::Done {
            delivered.push((row.id, created_at + Duration::days(1)));
        }
        if d.3 != IdeaStatus::New {
            let (by_id, _) = staff_ids[(i % (staff_ids.len() - 1)) + 1];
            idea_status_change::ActiveModel {
                idea_id: Set(row.id),
                from_status: Set(IdeaStatus::New),
                to_status: Set(d.3),
                explanation_md: Set(d.4.to_owned()),
                explanation_html: Set(markdown::render(d.4)),
                by_id: Set(by_id),
                created_at: Set(created_at + Duration::days(1)),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }

    if let Some(&(_, last_done)) = delivered.iter().max_by_key(|(_, at)| *at) {
        let (author, _) = staff_ids[1];
        let post = announcement::ActiveModel {
            title: Set(DEMO_ANNOUNCEMENT.0.to_owned()),
            body_md: Set(DEMO_ANNOUNCEMENT.1.to_owned()),
            body_html: Set(markdown::render(DEMO_ANNOUNCEMENT.1)),
            author_id: Set(author),
            published_at: Set(last_done + Duration::hours(2)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        for (idea_id, _) in &delivered {
            announcement_idea::ActiveModel {
                announcement_id: Set(post.id),
                idea_id: Set(*idea_id),
            }
            .insert(&txn)
            .await?;
        }
    }

    // Employees grant up to 60,000 won on their own (a month of the usual
    // plan); moderators up to 100,000; more waits for an admin.
    for (role, max_won) in [(Role::Employee, 60_000), (Role::Moderator, 100_000)] {
        remedy_limit::ActiveModel {
            role: Set(role),
            department_id: Set(None),
            max_won: Set(max_won),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }

    for ((title, title_en), (body, body_en)) in CANNED_ANSWERS {
        canned_answer::ActiveModel {
            title: Set(title.to_owned()),
            title_en: Set(title_en.to_owned()),
            body_md: Set(body.to_owned()),
            body_md_en: Set(body_en.to_owned()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    for (position, (text, text_en)) in (1..).zip(GUIDELINES) {
        guideline::ActiveModel {
            position: Set(position),
            text: Set(text.to_owned()),
            text_en: Set(text_en.to_owned()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    for word in REVIEW_WORDS {
        crate::entity::review_word::ActiveModel {
            word: Set(word.to_owned()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }

    let mut answered_tickets = Vec::new();
    for (i, t) in TICKETS.iter().enumerate() {
        let created_at = now
            - Duration::hours(i64::try_from(20 - i).unwrap_or(0) * 9)
            - Duration::minutes(rng.random_range(0..50));
        let author_id = customer_ids[(i * 5) % customer_ids.len()];
        let department_id = id_of(&department_ids, t.3)?;
        let answerer = staff_ids
            .iter()
            .find(|(_, dept)| *dept == t.3)
            .map_or(staff_ids[0].0, |(id, _)| *id);
        let answered = t.4 != TicketStatus::Open;
        let first_response_at =
            answered.then(|| created_at + Duration::minutes(rng.random_range(4..90)));
        let resolved = matches!(t.4, TicketStatus::Resolved | TicketStatus::Closed);
        let target = DEPARTMENTS
            .iter()
            .find(|d| d.slug == t.3)
            .map_or(60, |d| d.minutes);
        let due_at = created_at + Duration::minutes(i64::from(target));
        let row = ticket::ActiveModel {
            kind: Set(t.0),
            title: Set(t.1.to_owned()),
            body_md: Set(t.2.to_owned()),
            body_html: Set(markdown::render(t.2)),
            private_details: Set(Some(format!("Customer no. 10-{:06}", 482_113 + i * 37))),
            status: Set(t.4),
            department_id: Set(Some(department_id)),
            author_id: Set(author_id),
            created_at: Set(created_at),
            updated_at: Set(first_response_at.unwrap_or(created_at)),
            sla_started_at: Set(created_at),
            // The deadline of the running clock: none once answered.
            sla_due_at: Set((!answered).then_some(due_at)),
            first_response_at: Set(first_response_at),
            first_response_by_id: Set(answered.then_some(answerer)),
            resolved_at: Set(resolved.then(|| created_at + Duration::hours(6))),
            rating_score: Set(resolved.then(|| rng.random_range(3..=5))),
            me_too_count: Set(i32::try_from(i % 4).unwrap_or(0)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        crate::entity::ticket_clock::ActiveModel {
            ticket_id: Set(row.id),
            department_id: Set(Some(department_id)),
            kind: Set(shared::ClockKind::First),
            target_minutes: Set(target),
            started_at: Set(created_at),
            due_at: Set(due_at),
            stopped_at: Set(first_response_at),
            outcome: Set(answered.then_some(shared::ClockOutcome::Answered)),
            stopped_by_id: Set(answered.then_some(answerer)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        // A few other customers say "me too" within the first hours.
        for k in 0..(i % 4) {
            crate::entity::ticket_me_too::ActiveModel {
                ticket_id: Set(row.id),
                user_id: Set(customer_ids[(i * 5 + k + 1) % customer_ids.len()]),
                created_at: Set(
                    created_at + Duration::minutes(i64::try_from(10 + k * 7).unwrap_or(0))
                ),
            }
            .insert(&txn)
            .await?;
        }
        if let Some(at) = first_response_at {
            let reply = if t.1.is_ascii() {
                "Thank you for telling us. We are looking into the cause now and will update this thread."
            } else {
                "불편을 드려 죄송합니다. 지금 원인을 확인하고 있으며 이 글에서 진행 상황을 알려 드리겠습니다."
            };
            let post_id = insert_post(
                &txn,
                row.id,
                answerer,
                shared::TicketPostKind::Reply,
                reply,
                at,
            )
            .await?;
            answered_tickets.push(super::story::AnsweredTicket {
                ticket_id: row.id,
                department_id,
                answerer,
                post_id,
                answered_at: at,
            });
            insert_post(
                &txn,
                row.id,
                answerer,
                shared::TicketPostKind::Internal,
                "Checked the account history; see the customer number in the private details.",
                at + Duration::minutes(3),
            )
            .await?;
        }
        if resolved {
            insert_post(&txn, row.id, answerer, shared::TicketPostKind::Reply, "This is now fixed. If anything is still wrong, reopen this thread and we will continue here.", created_at + Duration::hours(6)).await?;
        }
    }
    let agent = |email: &str| {
        STAFF
            .iter()
            .zip(&staff_ids)
            .find(|(s, _)| s.0 == email)
            .map(|(_, (id, _))| *id)
            .ok_or_else(|| crate::Error::Internal(format!("demo staff `{email}` missing")))
    };
    let minutes = |slug: &str| {
        DEPARTMENTS
            .iter()
            .find(|d| d.slug == slug)
            .map_or(60, |d| d.minutes)
    };
    super::story::load(
        &txn,
        now,
        &answered_tickets,
        &super::story::HandOff {
            customer: customer_ids[0],
            care: (
                id_of(&department_ids, "customer-care")?,
                agent("sara.park@hanbit.example")?,
                minutes("customer-care"),
            ),
            mobile: (
                id_of(&department_ids, "mobile")?,
                agent("hana.choi@hanbit.example")?,
                minutes("mobile"),
            ),
        },
    )
    .await?;
    super::crm::load(
        &txn,
        now,
        &super::crm::Crm {
            vip: customer_ids[0],
            agent: agent("sara.park@hanbit.example")?,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

fn id_of(ids: &std::collections::HashMap<&str, i32>, slug: &str) -> Result<i32> {
    ids.get(slug)
        .copied()
        .ok_or_else(|| crate::Error::Internal(format!("demo data refers to unknown slug `{slug}`")))
}

#[expect(
    clippy::too_many_arguments,
    reason = "one argument per form field or column; a struct would only rename them"
)]
async fn insert_user(
    txn: &sea_orm::DatabaseTransaction,
    now: DateTime<Utc>,
    email: &str,
    name: &str,
    role: Role,
    department_id: Option<i32>,
    title: Option<&str>,
    initials: Option<&str>,
    password_hash: &str,
) -> Result<i32> {
    let row = user::ActiveModel {
        email: Set(email.to_owned()),
        password_hash: Set(Some(password_hash.to_owned())),
        display_name: Set(name.to_owned()),
        role: Set(role),
        department_id: Set(department_id),
        title: Set(title.map(str::to_owned)),
        initials: Set(Some(
            initials.map_or_else(|| crate::user::derive_initials(name), str::to_owned),
        )),
        avatar_color: Set(crate::user::avatar_color(email)),
        created_at: Set(now - Duration::days(300)),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(row.id)
}
