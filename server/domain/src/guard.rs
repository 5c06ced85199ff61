//! Guards on what members post: per-member quotas for ideas, comments,
//! tickets and votes (429 with `Retry-After`), a cap on links from new
//! members (422 on the field), and the word list that holds ideas and
//! comments for review. Staff are accountable by name and pass unchecked.

use chrono::Duration;
use sea_orm::EntityTrait;

use crate::actor::{Actor, Member};
use crate::entity::user;
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, rate_limit, review};

/// What a member is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Post {
    /// Posting an idea.
    Idea,
    /// Commenting on an idea.
    Comment,
    /// Filing a ticket.
    Ticket,
    /// Voting or unvoting.
    Vote,
}

impl Post {
    /// How many in how long: generous for people, tight for scripts.
    fn quota(self) -> (u32, Duration) {
        match self {
            Post::Idea | Post::Ticket => (10, Duration::hours(1)),
            Post::Comment => (30, Duration::minutes(10)),
            Post::Vote => (120, Duration::minutes(10)),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Post::Idea => "idea",
            Post::Comment => "comment",
            Post::Ticket => "ticket",
            Post::Vote => "vote",
        }
    }
}

/// How long a member counts as new.
pub const NEW_MEMBER_DAYS: i64 = 3;
/// Links a new member may put in one post.
pub const NEW_MEMBER_LINKS: usize = 2;

/// A post the guard let through.
#[derive(Debug, Default)]
pub struct Admission {
    /// Listed words it contains; non-empty means "hold for review".
    pub held_for: Vec<String>,
    /// The author has not confirmed their address and the site holds such
    /// posts until they do.
    pub unconfirmed: bool,
}

impl Admission {
    /// Whether the post waits (for a moderator or the author's
    /// confirmation) before others see it.
    #[must_use]
    pub fn held(&self) -> bool {
        self.hold_reason().is_some()
    }

    /// The hiding reason stored while it waits: review first, as a
    /// moderator must look at it even after the author confirms.
    #[must_use]
    pub fn hold_reason(&self) -> Option<&'static str> {
        if !self.held_for.is_empty() {
            Some(crate::visibility::HELD)
        } else if self.unconfirmed {
            Some(crate::visibility::AWAITING_CONFIRMATION)
        } else {
            None
        }
    }
}

/// Links in a text: `http://…`, `https://…` and bare `www.…`.
fn count_links(text: &str) -> usize {
    let lower = text.to_lowercase();
    let schemes = lower.matches("http://").count() + lower.matches("https://").count();
    let bare = lower
        .match_indices("www.")
        .filter(|(at, _)| !lower[..*at].ends_with("//"))
        .count();
    schemes + bare
}

/// The member's quota for this kind of post; `None` for staff, who post
/// without one. Votes take their place inside the vote's own transaction
/// (`rate_limit::take_quota_in`); the other posts through [`admit`].
#[must_use]
pub fn quota(member: &Member, post: Post) -> Option<rate_limit::Quota> {
    if policy::can(
        &Actor::Member(member.clone()),
        Action::PostWithoutQuota,
        Scope::Others,
    ) {
        return None;
    }
    let (max, window) = post.quota();
    Some(rate_limit::Quota {
        bucket: format!("{}:{}", post.name(), member.id),
        max,
        window,
    })
}

/// Checks a member's post and counts it against their quota. `field` names
/// the form field a link error belongs to.
pub async fn admit(
    ctx: &Ctx,
    member: &Member,
    post: Post,
    field: &str,
    texts: &[&str],
) -> Result<Admission> {
    let Some(quota) = quota(member, post) else {
        return Ok(Admission::default());
    };
    if post != Post::Vote {
        let links: usize = texts.iter().map(|t| count_links(t)).sum();
        if links > NEW_MEMBER_LINKS {
            let joined = user::Entity::find_by_id(member.id)
                .one(&ctx.db)
                .await?
                .map(|u| u.created_at);
            let now = ctx.clock.now();
            if joined.is_some_and(|at| now - at < Duration::days(NEW_MEMBER_DAYS)) {
                return Err(Error::invalid(
                    field,
                    crate::msg!(
                        "guard.new_members_may_include_at",
                        new_member_links = NEW_MEMBER_LINKS,
                        new_member_days = NEW_MEMBER_DAYS,
                        links = links
                    ),
                ));
            }
        }
    }
    let public = matches!(post, Post::Idea | Post::Comment);
    let held_for = if public {
        review::matches(&review::words(ctx).await?, texts)
    } else {
        Vec::new()
    };
    let unconfirmed = public
        && ctx.settings.hold_unconfirmed_posts
        && user::Entity::find_by_id(member.id)
            .one(&ctx.db)
            .await?
            .is_some_and(|u| u.email_verified_at.is_none());
    rate_limit::take_quota(ctx, &quota).await?;
    Ok(Admission {
        held_for,
        unconfirmed,
    })
}

#[cfg(test)]
mod tests {
    use super::count_links;

    #[test]
    fn links_are_counted_once_each() {
        assert_eq!(count_links("no links here"), 0);
        assert_eq!(
            count_links("see https://www.example.com and [x](http://a.kr) or www.b.kr"),
            3
        );
    }
}
