//! `/sitemap.xml`: the public pages search engines should know — the lists,
//! every visible idea, every announcement and every public ticket thread —
//! so a customer's question is found where it was answered. Private pages
//! (account, staff and admin consoles) are never listed and carry
//! `noindex`.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use shared::ticket::ticket_number;

use crate::entity::{announcement, idea, ticket};
use crate::markdown::escape_text;
use crate::{Ctx, Result};

/// The protocol's limit for one sitemap file.
const MAX_URLS: u64 = 50_000;

/// The public lists, always present.
const LISTS: [&str; 5] = ["/", "/roadmap", "/support", "/announcements", "/scorecard"];

/// The sitemap document.
pub async fn document(ctx: &Ctx) -> Result<String> {
    let mut pages: Vec<(String, Option<chrono::DateTime<chrono::Utc>>)> =
        LISTS.iter().map(|p| ((*p).to_owned(), None)).collect();
    let ideas: Vec<(i32, chrono::DateTime<chrono::Utc>)> = idea::Entity::find()
        .select_only()
        .column(idea::Column::Id)
        .column(idea::Column::UpdatedAt)
        .filter(idea::Column::HiddenAt.is_null())
        .filter(idea::Column::MergedIntoId.is_null())
        .order_by_desc(idea::Column::Id)
        .limit(MAX_URLS / 2)
        .into_tuple()
        .all(&ctx.db)
        .await?;
    pages.extend(
        ideas
            .into_iter()
            .map(|(id, at)| (format!("/ideas/{id}"), Some(at))),
    );
    let posts: Vec<(i32, chrono::DateTime<chrono::Utc>)> = announcement::Entity::find()
        .select_only()
        .column(announcement::Column::Id)
        .column(announcement::Column::PublishedAt)
        .order_by_desc(announcement::Column::Id)
        .limit(1_000)
        .into_tuple()
        .all(&ctx.db)
        .await?;
    pages.extend(
        posts
            .into_iter()
            .map(|(id, at)| (format!("/announcements/{id}"), Some(at))),
    );
    let room = MAX_URLS.saturating_sub(pages.len() as u64);
    let tickets: Vec<(i32, chrono::DateTime<chrono::Utc>)> = ticket::Entity::find()
        .select_only()
        .column(ticket::Column::Id)
        .column(ticket::Column::UpdatedAt)
        .order_by_desc(ticket::Column::Id)
        .limit(room)
        .into_tuple()
        .all(&ctx.db)
        .await?;
    pages.extend(tickets.into_iter().map(|(id, at)| {
        (
            format!("/tickets/{}", ticket_number(i64::from(id))),
            Some(at),
        )
    }));
    let base = &ctx.settings.base_url;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, modified) in pages {
        xml.push_str("  <url><loc>");
        xml.push_str(&escape_text(&format!("{base}{path}")));
        xml.push_str("</loc>");
        if let Some(at) = modified {
            xml.push_str("<lastmod>");
            xml.push_str(&at.format("%Y-%m-%d").to_string());
            xml.push_str("</lastmod>");
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    Ok(xml)
}
