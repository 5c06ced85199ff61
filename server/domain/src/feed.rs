//! Atom feeds (RFC 4287) of announcements and of new ideas, so customers
//! and journalists can follow the company's answers in any feed reader.
//! Written by hand: two small documents do not need a dependency.

use crate::markdown::escape_text as escape;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::entity::{announcement, idea};
use crate::{Ctx, Result, user};

/// Entries per feed: readers poll, they do not page.
const FEED_ENTRIES: u64 = 50;

fn stamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// One feed entry before it is written out.
struct Entry {
    path: String,
    title: String,
    author: String,
    updated: chrono::DateTime<chrono::Utc>,
    html: String,
}

fn document(ctx: &Ctx, path: &str, title: &str, alternate: &str, entries: &[Entry]) -> String {
    let base = ctx.settings.base_url.trim_end_matches('/');
    let updated = entries
        .iter()
        .map(|e| e.updated)
        .max()
        .unwrap_or_else(|| ctx.clock.now());
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    xml.push_str(&format!(
        "  <id>{}</id>\n",
        escape(&format!("{base}{path}"))
    ));
    xml.push_str(&format!("  <title>{}</title>\n", escape(title)));
    xml.push_str(&format!("  <updated>{}</updated>\n", stamp(updated)));
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(&format!("{base}{path}"))
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&format!("{base}{alternate}"))
    ));
    for entry in entries {
        let url = escape(&format!("{base}{}", entry.path));
        xml.push_str("  <entry>\n");
        xml.push_str(&format!("    <id>{url}</id>\n"));
        xml.push_str(&format!("    <title>{}</title>\n", escape(&entry.title)));
        xml.push_str(&format!(
            "    <updated>{}</updated>\n",
            stamp(entry.updated)
        ));
        xml.push_str(&format!(
            "    <author><name>{}</name></author>\n",
            escape(&entry.author)
        ));
        xml.push_str(&format!("    <link rel=\"alternate\" href=\"{url}\"/>\n"));
        xml.push_str(&format!(
            "    <content type=\"html\">{}</content>\n",
            escape(&entry.html)
        ));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// The announcements feed, newest first.
pub async fn announcements(ctx: &Ctx) -> Result<String> {
    let posts = announcement::Entity::find()
        .order_by_desc(announcement::Column::PublishedAt)
        .order_by_desc(announcement::Column::Id)
        .limit(FEED_ENTRIES)
        .all(&ctx.db)
        .await?;
    let authors = user::refs(ctx, posts.iter().map(|p| p.author_id)).await?;
    let entries: Vec<Entry> = posts
        .into_iter()
        .map(|p| Entry {
            path: format!("/announcements/{}", p.id),
            author: authors
                .get(&p.author_id)
                .map(|a| a.display_name.clone())
                .unwrap_or_default(),
            title: p.title,
            updated: p.published_at,
            html: p.body_html,
        })
        .collect();
    Ok(document(
        ctx,
        "/feeds/announcements.atom",
        &crate::msg!("feed.announcements").text(crate::i18n::request_locale()),
        "/announcements",
        &entries,
    ))
}

/// The feed of newly posted ideas (merged ones left out).
pub async fn new_ideas(ctx: &Ctx) -> Result<String> {
    let rows = idea::Entity::find()
        .filter(idea::Column::MergedIntoId.is_null())
        .filter(idea::Column::HiddenAt.is_null())
        .order_by_desc(idea::Column::Id)
        .limit(FEED_ENTRIES)
        .all(&ctx.db)
        .await?;
    let authors = user::refs(ctx, rows.iter().map(|r| r.author_id)).await?;
    let entries: Vec<Entry> = rows
        .into_iter()
        .map(|r| Entry {
            path: format!("/ideas/{}", r.id),
            author: authors
                .get(&r.author_id)
                .map(|a| a.display_name.clone())
                .unwrap_or_default(),
            title: r.title,
            updated: r.created_at,
            html: r.body_html,
        })
        .collect();
    Ok(document(
        ctx,
        "/feeds/ideas.atom",
        &crate::msg!("feed.new_ideas").text(crate::i18n::request_locale()),
        "/",
        &entries,
    ))
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_in_text_is_escaped_and_control_characters_dropped() {
        assert_eq!(
            escape("<script>\"a\" & 'b'\u{0007}</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt;"
        );
    }
}
