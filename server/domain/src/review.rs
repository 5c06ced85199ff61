//! The word list: words and phrases (Korean or English) that hold a post
//! for a moderator's review instead of publishing it — never a silent drop.
//! English words match whole words (`ass` does not catch `class`); Korean
//! words match inside longer words, since particles attach to them
//! (`바카라` catches `바카라를`).

use sea_orm::{ActiveModelTrait, EntityTrait, QueryOrder, Set};
use shared::WordList;

use crate::actor::Actor;
use crate::entity::review_word;
use crate::policy::{self, Action, Scope};
use crate::{Ctx, Error, Result, audit};

/// Most words the list may hold.
const MAX_WORDS: usize = 500;
/// Longest word or phrase.
const MAX_WORD_CHARS: usize = 50;

/// The list, alphabetical.
pub async fn words(ctx: &Ctx) -> Result<Vec<String>> {
    Ok(review_word::Entity::find()
        .order_by_asc(review_word::Column::Word)
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|w| w.word)
        .collect())
}

/// The list as moderators read it.
pub async fn list(ctx: &Ctx, actor: &Actor) -> Result<WordList> {
    policy::authorize(actor, Action::ManageWordList, Scope::Others)?;
    Ok(WordList {
        words: words(ctx).await?,
    })
}

/// Replaces the list (moderators); the change is audited with both lists.
pub async fn replace(ctx: &Ctx, actor: &Actor, input: WordList) -> Result<WordList> {
    let moderator = policy::member_for(actor, Action::ManageWordList, Scope::Others)?;
    let mut next: Vec<String> = input
        .words
        .iter()
        .map(|w| {
            w.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    next.sort();
    next.dedup();
    if next.len() > MAX_WORDS {
        return Err(Error::invalid(
            "words",
            crate::msg!(
                "review.at_most_words_there_are",
                max_words = MAX_WORDS,
                next = next.len()
            ),
        ));
    }
    if let Some(long) = next.iter().find(|w| w.chars().count() > MAX_WORD_CHARS) {
        return Err(Error::invalid(
            "words",
            crate::msg!(
                "review.each_word_must_at_most",
                max_word_chars = MAX_WORD_CHARS,
                long = long
            ),
        ));
    }
    let before = words(ctx).await?;
    let now = ctx.clock.now();
    let txn = ctx.begin_write().await?;
    review_word::Entity::delete_many().exec(&txn).await?;
    for word in &next {
        review_word::ActiveModel {
            word: Set(word.clone()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    audit::record(
        &txn,
        audit::Entry {
            guideline: None,
            actor_id: moderator.id,
            action: shared::AuditAction::WordListChanged,
            target_type: "word_list",
            target_id: String::new(),
            before: Some(serde_json::json!(before)),
            after: Some(serde_json::json!(next)),
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(WordList { words: next })
}

/// Whether `word` occurs in `text` (both lower-case) as the rules above say.
fn occurs(text: &str, word: &str) -> bool {
    let whole_word = word.is_ascii();
    let mut start = 0;
    while let Some(found) = text[start..].find(word) {
        let at = start + found;
        let end = at + word.len();
        if !whole_word {
            return true;
        }
        let before_ok = !text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let after_ok = !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if before_ok && after_ok {
            return true;
        }
        start = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// The listed words found in the texts.
#[must_use]
pub fn matches(words: &[String], texts: &[&str]) -> Vec<String> {
    let lowered: Vec<String> = texts.iter().map(|t| t.to_lowercase()).collect();
    words
        .iter()
        .filter(|w| lowered.iter().any(|t| occurs(t, w)))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::matches;

    fn list(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn english_words_match_whole_words_only() {
        let words = list(&["casino", "free money"]);
        assert_eq!(matches(&words, &["Best CASINO in town"]), vec!["casino"]);
        assert_eq!(
            matches(&words, &["casinos", "a class act"]),
            Vec::<String>::new()
        );
        assert_eq!(matches(&words, &["get Free money!"]), vec!["free money"]);
    }

    #[test]
    fn korean_words_match_with_particles_attached() {
        let words = list(&["바카라"]);
        assert_eq!(matches(&words, &["바카라를 하세요"]), vec!["바카라"]);
        assert!(matches(&words, &["요금제 문의"]).is_empty());
    }
}
