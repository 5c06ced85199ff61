//! Korean particles and endings, for search: "요금제를", "요금제가" and
//! "요금제는" all mean "요금제", and "해지했는데" means "해지". A query word
//! loses its longest known ending when at least two syllables remain, so
//! the search looks for the stem (whose terms are a subset of the word's:
//! stripping only ever widens the search) and one-syllable nouns that
//! happen to end like a particle ("사과", "문의") stay whole.

/// Endings, longest first within each length so the first match is the
/// longest: verb endings and particles.
const ENDINGS: [&str; 62] = [
    // Verb endings after a noun (해지했는데요, 신청합니다, 변경하고 싶어요…).
    "했는데요",
    "했습니다",
    "하겠습니다",
    "했는데",
    "했어요",
    "합니다",
    "하는데",
    "해주세요",
    "해줘요",
    "했다",
    "한다",
    "하다",
    "해요",
    "해서",
    "하고",
    "하는",
    "하면",
    "하려고",
    "됐어요",
    "됩니다",
    "되는데",
    "되나요",
    "됐는데",
    "되어",
    "돼요",
    "되요",
    "되는",
    "된다",
    "되다",
    "인데요",
    "입니다",
    "이에요",
    "인데",
    "예요",
    "이요",
    // Particles.
    "에서는",
    "에서도",
    "에게서",
    "으로는",
    "으로도",
    "까지는",
    "부터는",
    "이라고",
    "에서",
    "에게",
    "한테",
    "께서",
    "으로",
    "까지",
    "부터",
    "처럼",
    "보다",
    "마다",
    "이나",
    "이랑",
    "라고",
    "를",
    "을",
    "가",
    "이",
    "는",
    "은",
];

/// Particles of one syllable that are only stripped last (they end many
/// nouns too, so a longer ending gets the first chance).
const SHORT_PARTICLES: [&str; 8] = ["에", "로", "와", "과", "의", "도", "만", "랑"];

/// A word without its ending, when one is known and at least two syllables
/// (or two Latin letters or digits: "5G가", "Router를") remain; otherwise
/// the word itself.
#[must_use]
pub fn stem(word: &str) -> &str {
    for ending in ENDINGS.iter().chain(SHORT_PARTICLES.iter()) {
        if let Some(stem) = word.strip_suffix(ending)
            && stem.chars().count() >= 2
            && (stem.chars().all(is_hangul) || stem.chars().all(|c| c.is_ascii_alphanumeric()))
        {
            return stem;
        }
    }
    word
}

/// Every word of a text reduced to its stem, words joined by spaces.
#[must_use]
pub fn stems(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(stem)
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_and_endings_come_off_nouns() {
        for (word, expected) in [
            ("요금제를", "요금제"),
            ("요금제가", "요금제"),
            ("요금제는", "요금제"),
            ("요금제에서는", "요금제"),
            ("해지했는데", "해지"),
            ("해지했는데요", "해지"),
            ("변경하고", "변경"),
            ("로밍으로", "로밍"),
            ("인터넷이", "인터넷"),
            ("데이터도", "데이터"),
        ] {
            assert_eq!(stem(word), expected, "{word}");
        }
    }

    #[test]
    fn short_nouns_and_other_scripts_stay_whole() {
        for word in ["사과", "문의", "회의", "요금", "router", "5g", "고객"] {
            assert_eq!(stem(word), word);
        }
        assert_eq!(stems("Router가 자꾸 꺼져요"), "Router 자꾸 꺼져요");
        assert_eq!(stems("5G가"), "5G");
    }
}
