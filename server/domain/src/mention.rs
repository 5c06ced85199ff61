//! Mentions: writing `@Display Name` in a comment tells that person. Only
//! people taking part (the idea's author, earlier commenters) and staff can
//! be mentioned, so a mention never becomes a way to ping strangers.

use std::collections::BTreeSet;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::Result;
use crate::entity::{idea, idea_comment, user};

/// Who of `candidates` (id, display name) the text mentions: `@` followed
/// by the name, in any case, not followed by a letter or digit (so
/// `@Sara Park` does not mention "Sara Parkinson" and vice versa).
#[must_use]
pub fn mentioned(text: &str, candidates: &[(i32, String)]) -> Vec<i32> {
    let lower = text.to_lowercase();
    let mut found = BTreeSet::new();
    for (id, name) in candidates {
        let needle = format!("@{}", name.trim().to_lowercase());
        if needle.len() < 2 {
            continue;
        }
        let hit = lower.match_indices(&needle).any(|(at, _)| {
            let before_ok = lower[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = lower[at + needle.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            before_ok && after_ok
        });
        if hit {
            found.insert(*id);
        }
    }
    found.into_iter().collect()
}

/// The people a comment on this idea may mention: its author, everyone
/// who commented, and staff; members who left or whose profile is hidden
/// are not.
pub async fn idea_participants<C: ConnectionTrait>(
    db: &C,
    idea_id: i32,
) -> Result<Vec<(i32, String)>> {
    let mut ids: BTreeSet<i32> = idea_comment::Entity::find()
        .select_only()
        .column(idea_comment::Column::AuthorId)
        .filter(idea_comment::Column::IdeaId.eq(idea_id))
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    if let Some(row) = idea::Entity::find_by_id(idea_id).one(db).await? {
        ids.insert(row.author_id);
    }
    let people = user::Entity::find()
        .filter(
            sea_orm::Condition::any()
                .add(user::Column::Id.is_in(ids))
                .add(user::Column::Role.ne(shared::Role::Customer)),
        )
        .filter(user::Column::DeletedAt.is_null())
        .filter(user::Column::HiddenAt.is_null())
        .all(db)
        .await?;
    Ok(people.into_iter().map(|u| (u.id, u.display_name)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mention_is_at_and_the_whole_name_in_any_case() {
        let people = vec![
            (1, "Sara Park".to_owned()),
            (2, "Sara Parkinson".to_owned()),
            (3, "민준".to_owned()),
            (4, "Jo".to_owned()),
        ];
        assert_eq!(
            mentioned("Thanks @sara park, that helped.", &people),
            vec![1]
        );
        assert_eq!(mentioned("cc @Sara Parkinson", &people), vec![2]);
        assert_eq!(mentioned("@민준 님 확인 부탁드립니다", &people), vec![3]);
        assert_eq!(
            mentioned("@Jones and sara park", &people),
            Vec::<i32>::new()
        );
        assert_eq!(
            mentioned("e-mail me at jo@Jo.example", &people),
            Vec::<i32>::new()
        );
    }
}
