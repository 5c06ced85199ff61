//! UI translations: every string comes from `locales/*.ftl` (`key = value`
//! lines), so adding a language is adding a file, and the locale is chosen
//! per request (cookie, then Accept-Language) and kept by the browser.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A UI language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
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

    /// The BCP 47 tag used in `<html lang>`, the cookie and URLs.
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

    fn source(self) -> &'static str {
        match self {
            Locale::En => include_str!("../locales/en.ftl"),
            Locale::Ko => include_str!("../locales/ko.ftl"),
        }
    }

    fn table(self) -> &'static HashMap<&'static str, &'static str> {
        static EN: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
        static KO: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
        let cell = match self {
            Locale::En => &EN,
            Locale::Ko => &KO,
        };
        cell.get_or_init(|| parse(self.source()))
    }

    /// The translation of `key`; the key itself if it is missing, so a gap
    /// is visible on the page instead of crashing it.
    #[must_use]
    pub fn t(self, key: &'static str) -> &'static str {
        self.table().get(key).copied().unwrap_or(key)
    }

    /// The translation of `key` with each `{name}` replaced by its value,
    /// for messages whose word order differs between languages.
    #[must_use]
    pub fn format(self, key: &'static str, args: &[(&str, String)]) -> String {
        let mut text = self.t(key).to_owned();
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}

/// Name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "madang_lang";

fn parse(source: &'static str) -> HashMap<&'static str, &'static str> {
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once('='))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_key() {
        let en: std::collections::BTreeSet<_> = Locale::En.table().keys().collect();
        let ko: std::collections::BTreeSet<_> = Locale::Ko.table().keys().collect();
        assert!(en.len() > 20, "the English file looks truncated");
        assert_eq!(en, ko, "en.ftl and ko.ftl must have the same keys");
    }

    #[test]
    fn accept_language_picks_the_preferred_supported_language() {
        assert_eq!(Locale::negotiate("ko-KR,ko;q=0.9,en-US;q=0.8"), Locale::Ko);
        assert_eq!(Locale::negotiate("fr-FR, en;q=0.5, ko;q=0.7"), Locale::Ko);
        assert_eq!(Locale::negotiate("fr, de"), Locale::En);
        assert_eq!(Locale::negotiate(""), Locale::En);
    }

    #[test]
    fn lookups_translate() {
        assert_eq!(Locale::Ko.t("nav.ideas"), "아이디어");
        assert_eq!(Locale::En.t("nav.ideas"), "Ideas");
        assert_eq!(Locale::En.t("no.such.key"), "no.such.key");
    }
}
