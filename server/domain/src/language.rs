//! The language a member reads their notifications and mail in: chosen on
//! `/me`, first set from the language they signed up in. Texts for a member
//! are worded when written, in this language, so a mail sent tomorrow reads
//! like the bell today.

use std::collections::{BTreeSet, HashMap};

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
};
use shared::Locale;

use crate::Result;
use crate::entity::user;

/// The stored choice, English when none was stored.
fn parse(stored: Option<&str>) -> Locale {
    stored.and_then(Locale::from_tag).unwrap_or_default()
}

/// One member's language (English for an unknown id).
pub async fn of<C: ConnectionTrait>(db: &C, member_id: i32) -> Result<Locale> {
    let stored: Option<Option<String>> = user::Entity::find_by_id(member_id)
        .select_only()
        .column(user::Column::Locale)
        .into_tuple()
        .one(db)
        .await?;
    Ok(parse(stored.flatten().as_deref()))
}

/// The language of each of these members.
pub async fn of_each<C: ConnectionTrait>(
    db: &C,
    member_ids: &BTreeSet<i32>,
) -> Result<HashMap<i32, Locale>> {
    let mut languages = HashMap::with_capacity(member_ids.len());
    let ids: Vec<i32> = member_ids.iter().copied().collect();
    for chunk in ids.chunks(500) {
        let rows: Vec<(i32, Option<String>)> = user::Entity::find()
            .select_only()
            .column(user::Column::Id)
            .column(user::Column::Locale)
            .filter(user::Column::Id.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        for (id, stored) in rows {
            languages.insert(id, parse(stored.as_deref()));
        }
    }
    Ok(languages)
}

/// Stores a member's choice.
pub async fn set<C: ConnectionTrait>(db: &C, member_id: i32, locale: Locale) -> Result<()> {
    user::ActiveModel {
        id: Set(member_id),
        locale: Set(Some(locale.tag().to_owned())),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}
