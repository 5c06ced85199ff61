//! Finding ideas by their words, in Korean as well as English, with the same
//! index on `SQLite` and `PostgreSQL`.
//!
//! Korean writes several words together and bends them with endings
//! ("요금제를", "요금제가"), so whole-word matching fails; the database's own
//! tools differ (FTS5 trigram needs three characters, `pg_trgm` depends on the
//! server locale to see Hangul at all). So Madang keeps its own n-gram index:
//! every idea's title and tags are cut into short overlapping pieces
//! (*terms*) stored in `idea_search_terms (term, idea_id)`:
//!
//! - a word with any non-ASCII letter (Hangul, Han, kana, accented Latin) is
//!   cut into character bigrams ("요금제" → "요금", "금제"); a one-letter word is
//!   kept whole;
//! - an ASCII word is cut into trigrams ("router" → "rou", "out", "ute",
//!   "ter"); a two-letter word ("tv", "5g") is kept whole; single ASCII letters
//!   are dropped.
//!
//! A query is cut the same way. The board's search box asks for ideas holding
//! every term of the query (a substring search that tolerates endings: "요금제"
//! finds "요금제를"); similar-idea suggestions rank ideas by how many of the
//! query's terms they share, so a differently worded title still finds them.

use std::collections::BTreeSet;

use sea_orm::sea_query::{Expr, ExprTrait, Func, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use shared::SimilarIdea;

use crate::actor::Actor;
use crate::entity::{idea, idea_search_term, idea_tag};
use crate::{Ctx, Error, Result};

/// At most this many suggestions: enough to spot a duplicate, few enough to
/// read while typing.
pub const SIMILAR_LIMIT: u64 = 5;

/// A query with more terms than this is cut; a title is at most 120 characters.
const MAX_QUERY_TERMS: usize = 64;

/// The search terms of a text (see the module documentation).
#[must_use]
pub fn terms(text: &str) -> BTreeSet<String> {
    let lower = text.to_lowercase();
    let mut out = BTreeSet::new();
    for word in lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let chars: Vec<char> = word.chars().collect();
        let (size, keep_single) = if word.is_ascii() {
            (3, false)
        } else {
            (2, true)
        };
        if chars.len() < size {
            if chars.len() > 1 || keep_single {
                out.insert(word.to_owned());
            }
            continue;
        }
        for window in chars.windows(size) {
            out.insert(window.iter().collect());
        }
    }
    out
}

/// Rewrites an idea's terms from its title and tags; call inside the
/// transaction that changes either.
pub async fn index_idea<C: ConnectionTrait>(
    db: &C,
    idea_id: i32,
    title: &str,
    tags: &[String],
) -> Result<()> {
    idea_search_term::Entity::delete_many()
        .filter(idea_search_term::Column::IdeaId.eq(idea_id))
        .exec(db)
        .await?;
    let mut all = terms(title);
    for tag in tags {
        all.extend(terms(tag));
    }
    if all.is_empty() {
        return Ok(());
    }
    let rows: Vec<_> = all
        .into_iter()
        .map(|term| idea_search_term::ActiveModel {
            term: Set(term),
            idea_id: Set(idea_id),
        })
        .collect();
    for chunk in rows.chunks(200) {
        idea_search_term::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Indexes every idea that has no terms yet: ideas written before the index
/// existed and demo data. Cheap when nothing is missing (one query).
pub async fn index_missing(ctx: &Ctx) -> Result<u64> {
    // An anti-join: `NOT IN (subquery)` over millions of term rows becomes
    // a rescanned subquery on PostgreSQL and kept start-up from finishing.
    let has_terms = Query::select()
        .expr(Expr::val(1))
        .from(idea_search_term::Entity)
        .and_where(
            Expr::col((idea_search_term::Entity, idea_search_term::Column::IdeaId))
                .equals((idea::Entity, idea::Column::Id)),
        )
        .to_owned();
    let missing = idea::Entity::find()
        .filter(Expr::exists(has_terms).not())
        .all(&ctx.db)
        .await?;
    let mut indexed = 0;
    for row in missing {
        let tags: Vec<String> = idea_tag::Entity::find()
            .filter(idea_tag::Column::IdeaId.eq(row.id))
            .all(&ctx.db)
            .await?
            .into_iter()
            .map(|t| t.tag)
            .collect();
        let written = terms(&row.title).len() + tags.len();
        index_idea(&ctx.db, row.id, &row.title, &tags).await?;
        if written > 0 {
            indexed += 1;
        }
    }
    Ok(indexed)
}

/// The query's terms, or an error naming the `q` parameter when it has none
/// (only punctuation or single ASCII letters). Korean words lose their particles and endings first (see
/// [`crate::korean`]): "요금제를" looks for "요금제".
fn query_terms(q: &str) -> Result<Vec<String>> {
    let all: Vec<String> = terms(&crate::korean::stems(q))
        .into_iter()
        .take(MAX_QUERY_TERMS)
        .collect();
    if all.is_empty() {
        return Err(Error::invalid(
            "q",
            crate::msg!("search.give_at_least_two_letters"),
        ));
    }
    Ok(all)
}

/// Ids of ideas holding every term of the query, as a subquery the board's
/// own filters and keyset pagination apply on top of.
pub fn all_terms_subquery(q: &str) -> Result<SelectStatement> {
    let wanted = query_terms(q)?;
    let needed = i64::try_from(wanted.len()).unwrap_or(i64::MAX);
    Ok(Query::select()
        .column(idea_search_term::Column::IdeaId)
        .from(idea_search_term::Entity)
        .and_where(idea_search_term::Column::Term.is_in(wanted))
        .group_by_col(idea_search_term::Column::IdeaId)
        .and_having(Func::count(Expr::col(idea_search_term::Column::Term)).gte(needed))
        .to_owned())
}

#[derive(Debug, FromQueryResult)]
struct Hit {
    idea_id: i32,
    hits: i64,
}

/// Up to five ideas sharing the most terms with a title being typed, at
/// least a third of them (Korean rewording keeps the stems but changes
/// endings and spacing, so half is too strict); merged ideas are left out
/// (their target is there).
pub async fn similar(ctx: &Ctx, actor: &Actor, q: &str) -> Result<Vec<SimilarIdea>> {
    let wanted = query_terms(q)?;
    let needed = i64::try_from(wanted.len().div_ceil(3)).unwrap_or(i64::MAX);
    let hits: Vec<Hit> = idea_search_term::Entity::find()
        .select_only()
        .column(idea_search_term::Column::IdeaId)
        .column_as(
            Expr::expr(Func::count(Expr::col(idea_search_term::Column::Term))),
            "hits",
        )
        .filter(idea_search_term::Column::Term.is_in(wanted))
        .group_by(idea_search_term::Column::IdeaId)
        .having(Func::count(Expr::col(idea_search_term::Column::Term)).gte(needed))
        .order_by_desc(Expr::col("hits"))
        .order_by_desc(idea_search_term::Column::IdeaId)
        // Ties on hits are broken by votes below; look a little further.
        .limit(SIMILAR_LIMIT * 4)
        .into_model::<Hit>()
        .all(&ctx.db)
        .await?;
    if hits.is_empty() {
        return Ok(Vec::new());
    }
    let rows = idea::Entity::find()
        .filter(idea::Column::Id.is_in(hits.iter().map(|h| h.idea_id)))
        .filter(idea::Column::MergedIntoId.is_null())
        .filter(idea::Column::HiddenAt.is_null())
        .all(&ctx.db)
        .await?;
    let mut ranked: Vec<(i64, idea::Model)> = rows
        .into_iter()
        .map(|row| {
            let score = hits
                .iter()
                .find(|h| h.idea_id == row.id)
                .map_or(0, |h| h.hits);
            (score, row)
        })
        .collect();
    ranked.sort_by(|(a_hits, a), (b_hits, b)| {
        b_hits
            .cmp(a_hits)
            .then(b.votes_count.cmp(&a.votes_count))
            .then(b.id.cmp(&a.id))
    });
    ranked.truncate(usize::try_from(SIMILAR_LIMIT).unwrap_or(5));
    let ids: Vec<i32> = ranked.iter().map(|(_, row)| row.id).collect();
    let voted = crate::vote::voted_among(ctx, actor, &ids).await?;
    ranked
        .into_iter()
        .map(|(_, row)| {
            Ok(SimilarIdea {
                number: i64::from(row.id),
                status: row.status,
                votes: i64::from(row.votes_count),
                voted: voted.contains(&row.id),
                title: row.title,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the board's search (every query term in the title) finds it.
    fn finds(query: &str, title: &str) -> bool {
        let wanted = query_terms(query).expect("a searchable query");
        let have = terms(title);
        wanted.iter().all(|t| have.contains(t))
    }

    #[test]
    fn korean_queries_with_particles_and_endings_find_their_titles() {
        // Real queries and the titles people meant, from the demo company's
        // board and support threads; none of them matched before.
        let pairs = [
            ("요금제를", "요금제 비교 계산기"),
            ("요금제가", "요금제 비교 계산기"),
            ("요금제는", "요금제 비교 계산기"),
            ("요금제에서", "요금제 비교 계산기"),
            ("해지했는데", "해지했는데 요금이 또 나왔어요"),
            ("해지를", "해지했는데 요금이 또 나왔어요"),
            ("요금이", "해지했는데 요금이 또 나왔어요"),
            ("로밍을", "해외 로밍 하루 요금 상한"),
            ("로밍이", "해외 로밍 하루 요금 상한"),
            ("데이터를", "남은 데이터 이월"),
            ("데이터가", "남은 데이터 이월"),
            ("이월은", "남은 데이터 이월"),
            ("인터넷이", "저녁마다 인터넷이 느려요"),
            ("인터넷을", "저녁마다 인터넷이 느려요"),
            ("알림이", "공유기 재부팅 알림"),
            ("로그인이", "앱 로그인이 자꾸 풀려요"),
            ("로그인을", "앱 로그인이 자꾸 풀려요"),
            ("청구서를", "청구서 이메일 수신 설정"),
            ("청구서가", "청구서 이메일 수신 설정"),
            ("포인트로", "멤버십 포인트로 요금 결제"),
            ("포인트를", "멤버십 포인트로 요금 결제"),
            ("멤버십은", "멤버십 포인트로 요금 결제"),
            ("가족결합을", "가족결합 할인 조건 완화"),
            ("할인이", "가족결합 할인 조건 완화"),
            ("변경하고", "요금제 변경 예약 기능"),
            ("변경했는데", "요금제 변경 예약 기능"),
            ("예약이", "요금제 변경 예약 기능"),
            ("5G가", "5G 커버리지 지도"),
            ("지도를", "5G 커버리지 지도"),
            ("공유기가", "공유기 재부팅 알림"),
        ];
        assert_eq!(pairs.len(), 30);
        for (query, title) in pairs {
            assert!(finds(query, title), "{query} should find {title}");
        }
    }

    #[test]
    fn stripping_does_not_invent_matches_or_change_english() {
        assert!(!finds("요금제를", "데이터 이월"));
        assert!(!finds("사과를", "사용량 알림"), "사과 keeps both syllables");
        assert!(finds("router", "Router keeps restarting"));
        assert!(finds("billing", "Billing address change"));
        assert!(
            !finds("routers", "Router keeps restarting"),
            "English is unchanged"
        );
        assert!(finds("roaming cap", "Daily roaming cap abroad"));
    }

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn korean_words_become_bigrams_and_survive_endings() {
        assert_eq!(terms("요금제를"), set(&["요금", "금제", "제를"]));
        // The query "요금제" is contained in the title's terms.
        assert!(terms("요금제").is_subset(&terms("요금제를 바꾸고 싶어요")));
        assert_eq!(terms("앱 알림"), set(&["앱", "알림"]));
    }

    #[test]
    fn ascii_words_become_trigrams_and_short_words_stay_whole() {
        assert_eq!(
            terms("Router, TV & 5G!"),
            set(&["5g", "out", "rou", "ter", "tv", "ute"])
        );
        assert!(terms("a").is_empty());
        assert!(terms("--- ...").is_empty());
    }

    #[test]
    fn mixed_words_count_as_non_ascii() {
        assert_eq!(terms("5G요금"), set(&["5g", "g요", "요금"]));
    }
}
