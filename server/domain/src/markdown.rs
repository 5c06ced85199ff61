//! Markdown rendered once on write: `CommonMark` to HTML, then sanitised, so
//! stored HTML is safe to show and reading never pays for rendering.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

/// Renders user Markdown to sanitised HTML (no scripts, no event handlers,
/// links get `rel="noopener noreferrer nofollow"`). An image on another
/// host becomes a link to it: loading it would tell that host the address of
/// every reader (the page's Content-Security-Policy refuses it as well).
#[must_use]
pub fn render(source: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_TASKLISTS);
    let mut unsafe_html = String::with_capacity(source.len() * 3 / 2);
    // Whether each open image was turned into a link, so its end matches.
    let mut open_images: Vec<bool> = Vec::new();
    let events = Parser::new_ext(source, options).map(|event| match event {
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let foreign = !is_on_this_site(&dest_url);
            open_images.push(foreign);
            if foreign {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            } else {
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
        }
        Event::End(TagEnd::Image) if open_images.pop().unwrap_or(false) => Event::End(TagEnd::Link),
        other => other,
    });
    html::push_html(&mut unsafe_html, events);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&unsafe_html)
        .to_string()
}

/// True for a path on this site (`/pkg/logo.svg`), not another host's URL.
fn is_on_this_site(url: &str) -> bool {
    url.starts_with('/') && !url.starts_with("//") && !url.contains('\\')
}

/// Escapes text for HTML and XML content and attribute values (feeds,
/// and the HTML we compose ourselves rather than render from Markdown).
#[must_use]
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters other than tab and newlines are not XML.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn markdown_becomes_html() {
        assert_eq!(
            render("**빠른** answer"),
            "<p><strong>빠른</strong> answer</p>\n"
        );
    }

    #[test]
    fn images_on_other_hosts_become_links() {
        let html = render("![tracker](https://evil.example/p.gif) ![logo](/favicon.svg)");
        assert!(!html.contains("evil.example/p.gif\" alt"), "{html}");
        assert!(!html.contains("<img src=\"https://"), "{html}");
        assert!(
            html.contains(r#"<a href="https://evil.example/p.gif" rel="noopener noreferrer nofollow">tracker</a>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<img src="/favicon.svg" alt="logo">"#),
            "{html}"
        );
    }

    #[test]
    fn scripts_and_handlers_are_removed() {
        let html = render(concat!(
            "<script>alert(1)</script>\n\n",
            "<img src=x onerror=alert(1)>\n\n",
            "[a](javascript:alert(1)) [b](https://example.com)",
        ));
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(
            html.contains(r#"href="https://example.com" rel="noopener noreferrer nofollow""#),
            "{html}"
        );
    }
}
