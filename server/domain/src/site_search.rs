//! The site's one search box: ideas (titles and bodies), public tickets and
//! announcements holding every word of the query, grouped by kind with title
//! matches first — what a visitor needs before posting a duplicate or
//! asking what was answered already.
//!
//! Words lose their Korean particles and endings first ("요금제를" looks
//! for "요금제", "해지했는데" for "해지"; see [`crate::korean`]) and are
//! matched as substrings, so "해지" finds "해지했는데 요금이 또 나왔어요".
//! Only what anybody may read is searched: ideas neither hidden, held nor
//! merged away, tickets' public title and text (never their private
//! details), published announcements.

use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr, SimpleExpr};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use shared::search::{SearchCounts, SearchHit, SearchKind, SearchQuery, SearchResults};
use shared::ticket::ticket_number;

use crate::entity::{announcement, idea, ticket};
use crate::{Ctx, Error, Result, pagination};

/// Matches looked at per kind: a search is for finding, not for paging
/// through hundreds of results.
const PER_KIND: u64 = 200;
/// Words of a query used at most.
const MAX_WORDS: usize = 8;
/// Characters of text shown around the first match.
const EXCERPT_CHARS: usize = 160;

/// Searches everything public for the query's words.
pub async fn search(ctx: &Ctx, query: &SearchQuery) -> Result<SearchResults> {
    let limit = pagination::page_limit(query.limit)?;
    let offset = pagination::offset(query.cursor.as_deref())?;
    let words = words(&query.q)?;
    let ideas = ideas(ctx, &words).await?;
    let tickets = tickets(ctx, &words).await?;
    let announcements = announcements(ctx, &words).await?;
    let counts = SearchCounts {
        idea: ideas.len() as u64,
        ticket: tickets.len() as u64,
        announcement: announcements.len() as u64,
    };
    let wanted = |kind: SearchKind| query.kind.is_none_or(|k| k == kind);
    let all: Vec<SearchHit> = [ideas, tickets, announcements]
        .into_iter()
        .flatten()
        .filter(|hit| wanted(hit.kind))
        .collect();
    let rows: Vec<SearchHit> = all
        .into_iter()
        .skip(usize::try_from(offset).unwrap_or(usize::MAX))
        .take(usize::try_from(limit + 1).unwrap_or(usize::MAX))
        .collect();
    let (items, next_cursor) =
        pagination::split_page(rows, limit, |_| pagination::next_offset(offset, limit));
    Ok(SearchResults {
        items,
        next_cursor,
        counts,
    })
}

/// Public tickets like a title being typed, for "same problem?" while
/// filing: any of its words in a ticket's title counts, and the tickets
/// sharing the most words (at least half) come first. Few words are
/// needed; nothing for a query without any.
pub async fn similar_tickets(ctx: &Ctx, q: &str) -> Result<Vec<SearchHit>> {
    let Ok(words) = words(q) else {
        return Ok(Vec::new());
    };
    let any_word = words.iter().fold(Condition::any(), |any, word| {
        let title: SimpleExpr = Func::lower(Expr::col(ticket::Column::Title)).into();
        any.add(title.like(contains_pattern(word)))
    });
    let rows = ticket::Entity::find()
        .filter(any_word)
        .order_by_desc(ticket::Column::Id)
        .limit(PER_KIND)
        .all(&ctx.db)
        .await?;
    let mut scored: Vec<(usize, ticket::Model)> = rows
        .into_iter()
        .map(|row| {
            let title = row.title.to_lowercase();
            (
                words.iter().filter(|w| title.contains(w.as_str())).count(),
                row,
            )
        })
        .filter(|(shared, _)| shared * 2 >= words.len())
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.me_too_count.cmp(&a.1.me_too_count)));
    Ok(scored
        .into_iter()
        .take(5)
        .map(|(_, row)| ticket_hit(row, &words))
        .collect())
}

/// The query's words, stemmed and lower-cased; an error on `q` when none is
/// left (only punctuation or single Latin letters).
fn words(q: &str) -> Result<Vec<String>> {
    let mut words: Vec<String> = Vec::new();
    for word in crate::korean::stems(q).split(' ') {
        let word = word.to_lowercase();
        let long_enough = !word.is_ascii() || word.chars().count() >= 2;
        if long_enough && !words.contains(&word) {
            words.push(word);
        }
    }
    words.truncate(MAX_WORDS);
    if words.is_empty() {
        return Err(Error::invalid(
            "q",
            crate::msg!("search.give_at_least_two_letters"),
        ));
    }
    Ok(words)
}

/// `%word%` with the pattern characters of the word taken literally.
fn contains_pattern(word: &str) -> LikeExpr {
    let mut pattern = String::from("%");
    for c in word.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    LikeExpr::new(pattern).escape('\\')
}

/// Every word in the title or the text (each word may be in either).
fn every_word_in<C: ColumnTrait>(words: &[String], title: C, text: C) -> Condition {
    let lower = |column: C| -> SimpleExpr { Func::lower(Expr::col(column)).into() };
    words.iter().fold(Condition::all(), |all, word| {
        all.add(
            Condition::any()
                .add(lower(title).like(contains_pattern(word)))
                .add(lower(text).like(contains_pattern(word))),
        )
    })
}

/// Whether every word is in the title.
fn all_in_title(title: &str, words: &[String]) -> bool {
    let title = title.to_lowercase();
    words.iter().all(|w| title.contains(w.as_str()))
}

/// Title matches first, keeping the database's order within each group.
fn titles_first(mut hits: Vec<SearchHit>) -> Vec<SearchHit> {
    hits.sort_by_key(|hit| !hit.in_title);
    hits
}

fn rfc3339(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

async fn ideas(ctx: &Ctx, words: &[String]) -> Result<Vec<SearchHit>> {
    let rows = idea::Entity::find()
        .filter(idea::Column::HiddenAt.is_null())
        .filter(idea::Column::MergedIntoId.is_null())
        .filter(every_word_in(
            words,
            idea::Column::Title,
            idea::Column::BodyMd,
        ))
        .order_by_desc(idea::Column::VotesCount)
        .order_by_desc(idea::Column::Id)
        .limit(PER_KIND)
        .all(&ctx.db)
        .await?;
    Ok(titles_first(
        rows.into_iter()
            .map(|row| SearchHit {
                kind: SearchKind::Idea,
                number: Some(row.id.to_string()),
                id: None,
                in_title: all_in_title(&row.title, words),
                excerpt_html: excerpt(&row.body_md, words),
                url: format!("/ideas/{}", row.id),
                status: Some(row.status.as_str().to_owned()),
                count: Some(i64::from(row.votes_count)),
                created_at: rfc3339(row.created_at),
                title: row.title,
            })
            .collect(),
    ))
}

async fn tickets(ctx: &Ctx, words: &[String]) -> Result<Vec<SearchHit>> {
    let rows = ticket::Entity::find()
        .filter(every_word_in(
            words,
            ticket::Column::Title,
            ticket::Column::BodyMd,
        ))
        .order_by_desc(ticket::Column::Id)
        .limit(PER_KIND)
        .all(&ctx.db)
        .await?;
    Ok(titles_first(
        rows.into_iter().map(|row| ticket_hit(row, words)).collect(),
    ))
}

/// A public ticket as a search result.
fn ticket_hit(row: ticket::Model, words: &[String]) -> SearchHit {
    let number = ticket_number(i64::from(row.id));
    SearchHit {
        kind: SearchKind::Ticket,
        url: format!("/tickets/{number}"),
        number: Some(number),
        id: None,
        in_title: all_in_title(&row.title, words),
        excerpt_html: excerpt(&row.body_md, words),
        status: Some(row.status.as_str().to_owned()),
        count: Some(i64::from(row.me_too_count)),
        created_at: rfc3339(row.created_at),
        title: row.title,
    }
}

async fn announcements(ctx: &Ctx, words: &[String]) -> Result<Vec<SearchHit>> {
    let rows = announcement::Entity::find()
        .filter(every_word_in(
            words,
            announcement::Column::Title,
            announcement::Column::BodyMd,
        ))
        .order_by_desc(announcement::Column::PublishedAt)
        .limit(PER_KIND)
        .all(&ctx.db)
        .await?;
    Ok(titles_first(
        rows.into_iter()
            .map(|row| SearchHit {
                kind: SearchKind::Announcement,
                number: None,
                id: Some(i64::from(row.id)),
                in_title: all_in_title(&row.title, words),
                excerpt_html: excerpt(&row.body_md, words),
                url: format!("/announcements/{}", row.id),
                status: None,
                count: None,
                created_at: rfc3339(row.published_at),
                title: row.title,
            })
            .collect(),
    ))
}

/// A short piece of the text around the first match, as escaped HTML with
/// the words marked. Markdown's symbols are dropped and whitespace folded,
/// so it reads as plain text.
#[must_use]
pub fn excerpt(text: &str, words: &[String]) -> String {
    let plain: Vec<char> = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '#' | '`' | '[' | ']'))
        .collect();
    // One lower-case character per character, so positions line up.
    let lower: Vec<char> = plain
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    let needles: Vec<Vec<char>> = words.iter().map(|w| w.chars().collect()).collect();
    let match_at = |i: usize| {
        needles
            .iter()
            .filter(|n| !n.is_empty() && lower[i..].starts_with(n))
            .map(Vec::len)
            .max()
    };
    let first = (0..lower.len()).find(|&i| match_at(i).is_some());
    let start = first.map_or(0, |i| i.saturating_sub(EXCERPT_CHARS / 4));
    let end = (start + EXCERPT_CHARS).min(plain.len());
    let mut html = String::new();
    if start > 0 {
        html.push('…');
    }
    let mut i = start;
    while i < end {
        if let Some(len) = match_at(i) {
            let until = (i + len).min(end);
            let found: String = plain[i..until].iter().collect();
            html.push_str("<mark>");
            html.push_str(&crate::markdown::escape_text(&found));
            html.push_str("</mark>");
            i = until;
        } else {
            html.push_str(&crate::markdown::escape_text(&plain[i].to_string()));
            i += 1;
        }
    }
    if end < plain.len() {
        html.push('…');
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(q: &str) -> Vec<String> {
        words(q).expect("words")
    }

    #[test]
    fn query_words_lose_korean_endings_and_single_latin_letters() {
        assert_eq!(words_of("요금제를 비교"), ["요금제", "비교"]);
        assert_eq!(words_of("해지했는데"), ["해지"]);
        assert_eq!(words_of("a Router router"), ["router"]);
        assert!(words("a ! ?").is_err());
    }

    #[test]
    fn excerpts_mark_the_words_and_escape_the_rest() {
        let words = vec!["해지".to_owned(), "요금".to_owned()];
        let html = excerpt("지난달 **해지**했는데 <b>요금</b>이 또 나왔어요", &words);
        assert_eq!(
            html,
            "지난달 <mark>해지</mark>했는데 &lt;b&gt;<mark>요금</mark>&lt;/b&gt;이 또 나왔어요"
        );
        let long = format!("{} router {}", "x".repeat(300), "y".repeat(300));
        let html = excerpt(&long, &["router".to_owned()]);
        assert!(html.starts_with('…') && html.ends_with('…'), "{html}");
        assert!(html.contains("<mark>router</mark>"), "{html}");
        assert!(html.chars().count() <= EXCERPT_CHARS + 2 + "<mark></mark>".len());
        // Case is ignored, the text keeps its own.
        assert_eq!(
            excerpt("New ROUTER", &["router".to_owned()]),
            "New <mark>ROUTER</mark>"
        );
    }

    #[test]
    fn like_patterns_take_wildcards_literally() {
        let pattern = format!("{:?}", contains_pattern("50%_off\\"));
        assert!(pattern.contains(r"%50\\%\\_off\\\\%"), "{pattern}");
    }
}
