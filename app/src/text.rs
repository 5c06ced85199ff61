//! Text helpers for places where Leptos writes user text without escaping.

/// Makes user text safe inside `<title>`: `leptos_meta` writes the title
/// unescaped during server rendering, so a `<` could close the element and
/// open a script. Angle brackets become look-alike quotes; nothing else changes.
#[must_use]
pub fn title_text(text: &str) -> String {
    text.replace('<', "‹").replace('>', "›")
}

/// Makes user text safe as the content of a `<textarea>`. Leptos's server
/// renderer (tachys 0.2) treats `<textarea>` like `<script>` and writes its
/// children unescaped, so a stored `</textarea><svg onload=…>` would run in
/// the reader's browser. On the server the text is escaped here (the browser
/// decodes the entities back into the field's value) and a newline is put
/// first, because the HTML parser drops one leading newline of a textarea;
/// in the browser the text becomes a text node and needs neither.
///
/// Every `<textarea>` with content takes it through this function (a test
/// over the source checks it).
#[must_use]
pub fn textarea_text(text: String) -> String {
    if cfg!(feature = "ssr") {
        let mut out = String::with_capacity(text.len() + 8);
        out.push('\n');
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                c => out.push(c),
            }
        }
        out
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::{textarea_text, title_text};

    #[test]
    #[cfg(feature = "ssr")]
    fn textarea_text_cannot_close_the_textarea() {
        assert_eq!(
            textarea_text("</textarea><svg onload=x> & more".to_owned()),
            "\n&lt;/textarea&gt;&lt;svg onload=x&gt; &amp; more"
        );
    }

    /// No `<textarea>` in the views takes a child that skipped `textarea_text`.
    #[test]
    fn every_textarea_with_content_escapes_it() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut stack = vec![std::path::PathBuf::from(root)];
        let mut checked = 0;
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                for entry in std::fs::read_dir(&path).expect("read dir") {
                    stack.push(entry.expect("entry").path());
                }
                continue;
            }
            // This file names textareas only in its comments and this test.
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("text.rs") {
                continue;
            }
            let source = std::fs::read_to_string(&path).expect("read source");
            for (at, _) in source.match_indices("<textarea") {
                let line_start = source[..at].rfind('\n').map_or(0, |i| i + 1);
                if source[line_start..at].trim_start().starts_with("//") {
                    continue;
                }
                let rest = &source[at..];
                let Some(open_end) = rest.find('>') else {
                    continue;
                };
                let Some(close) = rest.find("</textarea>") else {
                    continue;
                };
                let content = rest[open_end + 1..close].trim();
                checked += 1;
                assert!(
                    content.is_empty() || content.starts_with("{textarea_text("),
                    "{}: a textarea child must go through textarea_text: {content}",
                    path.display()
                );
            }
        }
        assert!(checked >= 8, "found only {checked} textareas");
    }

    #[test]
    fn titles_cannot_open_tags() {
        assert_eq!(
            title_text("</title><script>x</script>"),
            "‹/title›‹script›x‹/script›"
        );
        assert_eq!(title_text("데이터 이월 & more"), "데이터 이월 & more");
    }
}
