//! The languages Madang speaks and the message catalogs they are written
//! in: `key = value` lines, `{name}` for an argument. The UI (in `app`) and
//! the server's messages (in `domain`) each keep their own catalog files;
//! this module is what both read them with.

use std::collections::HashMap;

/// A language of the UI, of server messages and of mail.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// English.
    #[default]
    En,
    /// Korean.
    Ko,
}

impl Locale {
    /// Every supported locale.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Ko];

    /// The BCP 47 tag used in `<html lang>`, the cookie, URLs and the
    /// member's stored choice.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ko => "ko",
        }
    }

    /// Reads a tag such as `ko`, `ko-KR` or `en-US`.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The other language, for the one-click switch in the header.
    #[must_use]
    pub fn other(self) -> Self {
        match self {
            Locale::En => Locale::Ko,
            Locale::Ko => Locale::En,
        }
    }

    /// Picks the best supported language from an `Accept-Language` header,
    /// honouring q-values; English when nothing matches.
    #[must_use]
    pub fn negotiate(accept_language: &str) -> Self {
        let mut best: Option<(f32, Locale)> = None;
        for part in accept_language.split(',') {
            let mut pieces = part.split(';');
            let Some(locale) = pieces.next().and_then(Locale::from_tag) else {
                continue;
            };
            let q = pieces
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|v| v.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            if best.is_none_or(|(best_q, _)| q > best_q) {
                best = Some((q, locale));
            }
        }
        best.map_or(Locale::En, |(_, l)| l)
    }
}

/// What the company writes in both languages: a department's or a product
/// area's name, a guideline, a canned answer. Korean is the company's own
/// wording and always given; English may be empty, and then readers of
/// English see the Korean rather than nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Bilingual {
    /// 한국어.
    pub ko: String,
    /// English; empty when not translated.
    #[serde(default)]
    pub en: String,
}

impl Bilingual {
    /// Korean and English as given.
    #[must_use]
    pub fn new(ko: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            ko: ko.into(),
            en: en.into(),
        }
    }

    /// The text for a reader of `locale`, the other language when that one
    /// is empty.
    #[must_use]
    pub fn get(&self, locale: Locale) -> &str {
        let (wanted, other) = match locale {
            Locale::Ko => (&self.ko, &self.en),
            Locale::En => (&self.en, &self.ko),
        };
        if wanted.trim().is_empty() {
            other
        } else {
            wanted
        }
    }
}

/// A parsed catalog: key → text.
pub type Catalog = HashMap<&'static str, &'static str>;

/// Reads `key = value` lines; blank lines and `#` comments are skipped.
#[must_use]
pub fn parse_catalog(source: &'static str) -> Catalog {
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once('='))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect()
}

/// `template` with each `{name}` replaced by its value.
#[must_use]
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    // One pass over the template: an argument's own text (a title with
    // "{name}" in it) is never read as a placeholder.
    let mut text = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (v, close))
        });
        if let Some((value, close)) = value {
            text.push_str(value);
            rest = &after[close + 1..];
        } else {
            text.push('{');
            rest = after;
        }
    }
    text.push_str(rest);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_preferred_supported_language() {
        assert_eq!(Locale::negotiate("ko-KR,ko;q=0.9,en-US;q=0.8"), Locale::Ko);
        assert_eq!(Locale::negotiate("fr-FR, en;q=0.5, ko;q=0.7"), Locale::Ko);
        assert_eq!(Locale::negotiate("fr, de"), Locale::En);
        assert_eq!(Locale::negotiate(""), Locale::En);
    }

    #[test]
    fn arguments_are_filled_once_and_never_read_as_placeholders() {
        let args = [("a", "{b}".to_owned()), ("b", "two".to_owned())];
        assert_eq!(fill("{a} and {b}", &args), "{b} and two");
        assert_eq!(fill("{unknown} {a", &args), "{unknown} {a");
        assert_eq!(fill("", &args), "");
    }

    #[test]
    fn catalogs_are_key_value_lines_with_named_arguments() {
        let catalog = parse_catalog("# comment\n\na = 1 {n} 2\n b=x = y ");
        assert_eq!(catalog.get("a"), Some(&"1 {n} 2"));
        assert_eq!(catalog.get("b"), Some(&"x = y"));
        assert_eq!(
            fill("{n}분 전 ({n})", &[("n", "3".to_owned())]),
            "3분 전 (3)"
        );
    }
}
