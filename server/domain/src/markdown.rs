//! Markdown rendered once on write: CommonMark to HTML, then sanitised, so
//! stored HTML is safe to show and reading never pays for rendering.

use pulldown_cmark::{Options, Parser, html};

/// Renders user Markdown to sanitised HTML (no scripts, no event handlers,
/// links get `rel="noopener noreferrer nofollow"`).
#[must_use]
pub fn render(source: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_TASKLISTS);
    let mut unsafe_html = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(source, options));
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&unsafe_html)
        .to_string()
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
