//! What the server says, in the reader's language: every error detail, field
//! message and (later) mail is a [`Message`] — a key of
//! `locales/{en,ko}.ftl` with named arguments — turned into text only at the
//! edge, in the language of the request (cookie, then Accept-Language) or,
//! for mail, of the member.

use std::fmt;
use std::sync::OnceLock;

use shared::Locale;
use shared::locale::{Catalog, fill, parse_catalog};

/// A message key with its arguments, translated when shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// An argument: text shown as given (a title, a number) or a key that is
/// translated too (a status, a role).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Arg {
    Text(String),
    Key(&'static str),
    /// A word of a closed vocabulary (`status`, `kind`): the key is
    /// `{prefix}.{value}`, the value itself when the catalog lacks it.
    Word(&'static str, String),
    /// A whole message, worded in the same language.
    Message(Box<Message>),
    /// What the company named in both languages (a department).
    Names(shared::locale::Bilingual),
}

impl Message {
    /// A message without arguments (see [`msg!`](crate::msg) for the usual way).
    #[must_use]
    pub fn new(key: &'static str) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    /// What a person wrote (a comment, a reason), shown as written in
    /// every language, where a message is expected.
    #[must_use]
    pub fn said(text: impl Into<String>) -> Self {
        Self::new("said").arg("text", text.into())
    }

    /// Adds an argument that is itself a message (what somebody did, in
    /// "{actor} {did}"), worded in the same language.
    #[must_use]
    pub fn arg_message(mut self, name: &'static str, message: Message) -> Self {
        self.args.push((name, Arg::Message(Box::new(message))));
        self
    }

    /// Adds an argument shown as given.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.args.push((name, Arg::Text(value.to_string())));
        self
    }

    /// Adds a name the company gives in both languages (a department's),
    /// shown in the reader's.
    #[must_use]
    pub fn arg_names(mut self, name: &'static str, names: shared::locale::Bilingual) -> Self {
        self.args.push((name, Arg::Names(names)));
        self
    }

    /// Adds an argument that is itself a message key, translated alike.
    #[must_use]
    pub fn arg_key(mut self, name: &'static str, key: &'static str) -> Self {
        self.args.push((name, Arg::Key(key)));
        self
    }

    /// Adds a word of a closed vocabulary, translated through the keys
    /// `{vocabulary}.{value}` (e.g. `ticket_status.resolved`).
    #[must_use]
    pub fn arg_word(mut self, name: &'static str, vocabulary: &'static str, value: &str) -> Self {
        self.args
            .push((name, Arg::Word(vocabulary, value.to_owned())));
        self
    }

    /// The catalog key, stable for clients and tests.
    #[must_use]
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The text in `locale`; the key itself when a catalog lacks it (a test
    /// keeps that from shipping).
    #[must_use]
    pub fn text(&self, locale: Locale) -> String {
        let args: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Text(text) => text.clone(),
                    Arg::Key(key) => lookup(locale, key).to_owned(),
                    Arg::Word(vocabulary, value) => word(locale, vocabulary, value),
                    Arg::Message(message) => message.text(locale),
                    Arg::Names(names) => names.get(locale).to_owned(),
                };
                (*name, value)
            })
            .collect();
        fill(lookup(locale, self.key), &args)
    }
}

/// English, for logs and `Display`.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Locale::En))
    }
}

/// A [`Message`] with named arguments, e.g. the conflict of handing a
/// ticket to the department that already has it.
#[macro_export]
macro_rules! msg {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new($key)$(.arg(stringify!($name), $value))*
    };
}

/// A word of a closed vocabulary in a language: the text of the key
/// `{vocabulary}.{value}`, the value itself when the catalog lacks it.
#[must_use]
pub fn word(locale: Locale, vocabulary: &str, value: &str) -> String {
    catalog(locale)
        .get(format!("{vocabulary}.{value}").as_str())
        .map_or_else(|| value.to_owned(), |text| (*text).to_owned())
}

/// The text of a key in a language (the key when missing).
#[must_use]
pub fn lookup(locale: Locale, key: &'static str) -> &'static str {
    catalog(locale).get(key).copied().unwrap_or(key)
}

/// Every key of a language's catalog (for the completeness tests).
#[must_use]
pub fn keys(locale: Locale) -> Vec<&'static str> {
    let mut keys: Vec<_> = catalog(locale).keys().copied().collect();
    keys.sort_unstable();
    keys
}

fn catalog(locale: Locale) -> &'static Catalog {
    static EN: OnceLock<Catalog> = OnceLock::new();
    static KO: OnceLock<Catalog> = OnceLock::new();
    match locale {
        Locale::En => EN.get_or_init(|| parse_catalog(include_str!("../locales/en.ftl"))),
        Locale::Ko => KO.get_or_init(|| parse_catalog(include_str!("../locales/ko.ftl"))),
    }
}

tokio::task_local! {
    static REQUEST_LOCALE: Locale;
}

/// Runs a request's work with its language, so every error it returns is
/// worded for the reader without threading the language through each call.
pub async fn with_request_locale<F: std::future::Future>(locale: Locale, work: F) -> F::Output {
    REQUEST_LOCALE.scope(locale, work).await
}

/// The language of the request being served; English outside one.
#[must_use]
pub fn request_locale() -> Locale {
    serving_locale().unwrap_or_default()
}

/// Where the language of a page being rendered is found when the work runs
/// outside [`with_request_locale`]: the page renderer runs its data loading
/// in tasks of its own, which a task-local does not reach.
static RENDER_LOCALE: OnceLock<fn() -> Option<Locale>> = OnceLock::new();

/// Tells the domain how to find the language of the page being rendered
/// (the app's render context); set once at start-up.
pub fn set_render_locale(source: fn() -> Option<Locale>) {
    // A second call (tests starting several servers) keeps the first
    // source, which is the same function.
    let _ = RENDER_LOCALE.set(source);
}

/// The language of the request being served, if this runs in one (not in
/// the command line or a background worker).
#[must_use]
pub fn serving_locale() -> Option<Locale> {
    REQUEST_LOCALE
        .try_with(|l| *l)
        .ok()
        .or_else(|| RENDER_LOCALE.get().and_then(|source| source()))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;
    use crate::Error;

    /// The `{name}`s of a text.
    fn placeholders(text: &str) -> BTreeSet<String> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
            .collect()
    }

    fn has_hangul(text: &str) -> bool {
        text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
    }

    /// Every key given to the message macro, `Message::new` or `arg_key` in
    /// the server's sources (the domain, the HTTP layer and the app's
    /// server functions).
    fn keys_used() -> BTreeSet<String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut keys = BTreeSet::new();
        let mut folders = vec![
            root.join("src"),
            root.join("../src"),
            root.join("../../app/src/rpc"),
        ];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).expect("a source folder") {
                let path = entry.expect("an entry").path();
                if path.is_dir() {
                    folders.push(path);
                    continue;
                }
                if path.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let source = std::fs::read_to_string(&path).expect("a source file");
                for opener in ["msg!(\"", "msg!(\n", "Message::new(\"", "arg_key(\""] {
                    for (at, _) in source.match_indices(opener) {
                        let rest = source[at + opener.len()..].trim_start();
                        let rest = rest.strip_prefix('"').unwrap_or(rest);
                        let rest = if opener == "arg_key(\"" {
                            // The second argument is the key.
                            rest.split_once("\", \"").map_or("", |(_, key)| key)
                        } else {
                            rest
                        };
                        if let Some((key, _)) = rest.split_once('"')
                            && !key.is_empty()
                        {
                            keys.insert(key.to_owned());
                        }
                    }
                }
                // Problem titles, mail texts and notices are keys given
                // as they are.
                for prefix in ["\"problem.", "\"mail.", "\"notice.", "\"consent."] {
                    for (at, _) in source.match_indices(prefix) {
                        if let Some((key, _)) = source[at + 1..].split_once('"')
                            && key.len() > prefix.len() - 1
                            && !key.contains(char::is_whitespace)
                        {
                            keys.insert(key.to_owned());
                        }
                    }
                }
            }
        }
        keys
    }

    #[test]
    fn both_languages_have_every_key_with_the_same_arguments() {
        let en = keys(Locale::En);
        let ko = keys(Locale::Ko);
        assert!(en.len() > 150, "the English catalog looks truncated");
        assert_eq!(en, ko, "en.ftl and ko.ftl must have the same keys");
        for key in en {
            assert_eq!(
                placeholders(lookup(Locale::En, key)),
                placeholders(lookup(Locale::Ko, key)),
                "{key}: the languages name different arguments"
            );
        }
    }

    #[test]
    fn every_key_the_code_uses_is_in_both_catalogs() {
        let used = keys_used();
        assert!(
            used.len() > 150,
            "the source scan found too few keys: {used:?}"
        );
        let en: BTreeSet<&str> = keys(Locale::En).into_iter().collect();
        let missing: Vec<&String> = used.iter().filter(|k| !en.contains(k.as_str())).collect();
        assert!(
            missing.is_empty(),
            "keys used in code but missing: {missing:?}"
        );
    }

    #[test]
    fn korean_messages_are_korean() {
        for key in keys(Locale::Ko) {
            let text = lookup(Locale::Ko, key);
            // Only the raw technical passthroughs may be all arguments.
            let only_arguments = text.split(['{', '}']).enumerate().all(|(i, part)| {
                i % 2 == 1 || part.trim().is_empty() || !part.chars().any(char::is_alphabetic)
            });
            assert!(
                has_hangul(text) || only_arguments,
                "{key}: `{text}` has no Korean"
            );
        }
    }

    #[test]
    fn every_error_variant_reads_in_both_languages() {
        let variants = || {
            vec![
                Error::Unauthenticated,
                Error::Forbidden(crate::msg!("policy.admins")),
                Error::NotFound(crate::msg!("not_found.ticket", number = "VOC-000021")),
                Error::invalid(
                    "title",
                    crate::msg!("field.characters_between", min = 5, max = 120),
                ),
                Error::Conflict(crate::msg!("status.ticket_already").arg_word(
                    "status",
                    "ticket_status",
                    "resolved",
                )),
                Error::BadCredentials,
                Error::RateLimited {
                    retry_after_secs: 30,
                },
                Error::Internal("boom".to_owned()),
            ]
        };
        for (en, ko) in variants().into_iter().zip(variants()) {
            let en = en.to_problem(Locale::En);
            let ko = ko.to_problem(Locale::Ko);
            assert_eq!(en.status, ko.status);
            for text in [&ko.title, &ko.detail]
                .into_iter()
                .chain(ko.errors.values())
            {
                assert!(has_hangul(text), "not Korean: {text} ({ko:?})");
                assert!(
                    !text.contains('.') || !text.contains("problem."),
                    "a key leaked: {text}"
                );
            }
            for text in [&en.title, &en.detail]
                .into_iter()
                .chain(en.errors.values())
            {
                assert!(!has_hangul(text), "not English: {text}");
            }
        }
        let resolved = Error::Conflict(crate::msg!("status.ticket_already").arg_word(
            "status",
            "ticket_status",
            "resolved",
        ));
        assert_eq!(
            resolved.to_problem(Locale::Ko).detail,
            "이미 해결 상태인 문의입니다"
        );
    }

    #[test]
    fn closed_vocabularies_have_words_in_both_languages() {
        let statuses = shared::TicketStatus::ALL.map(shared::TicketStatus::as_str);
        let idea_statuses = shared::IdeaStatus::ALL.map(shared::IdeaStatus::as_str);
        let roles = shared::Role::ALL.map(shared::Role::as_str);
        let kinds = ["idea", "comment", "ticket_post", "profile", "ticket"];
        for (vocabulary, values) in [
            ("ticket_status", &statuses[..]),
            ("idea_status", &idea_statuses[..]),
            ("role", &roles[..]),
            ("content_kind", &kinds[..]),
        ] {
            for value in values {
                for locale in Locale::ALL {
                    let key = format!("{vocabulary}.{value}");
                    assert!(
                        catalog(locale).contains_key(key.as_str()),
                        "{key} missing in {locale:?}"
                    );
                }
            }
        }
    }

    #[tokio::test]
    async fn errors_are_worded_in_the_language_of_the_request() {
        let problem = || shared::ApiError::from(Error::BadCredentials);
        assert_eq!(problem().title, "Sign-in failed");
        let korean = with_request_locale(Locale::Ko, async { problem() }).await;
        assert_eq!(korean.title, "로그인하지 못했습니다");
        assert_eq!(korean.detail, "이메일 주소나 비밀번호가 맞지 않습니다.");
    }
}
