//! Finds personal data typed into public text: Korean mobile and landline
//! numbers, resident registration numbers (주민등록번호), card numbers,
//! e-mail addresses and long account-number-like digit runs. Under PIPA,
//! personal data posted in public is the company's problem, so the server
//! refuses such writes and the form offers to move the finding to the
//! private field — both with this one detector.
//!
//! It aims at what people actually type (`010-1234-5678`, `010 1234 5678`,
//! `010.1234.5678`, `+82 10-1234-5678`, `900101-1234567`, card numbers in
//! fours) and stays quiet on what a support thread is full of: ticket
//! numbers (`VOC-000123`), dates (`2026-11-29`), prices (`55,000원`), idea
//! numbers (`#12`) and counts.

/// What kind of personal data was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonalDataKind {
    /// `010-1234-5678`.
    MobilePhone,
    /// `02-123-4567`, `031-1234-5678`.
    Landline,
    /// `900101-1234567`.
    ResidentNumber,
    /// A Luhn-valid card number.
    CardNumber,
    /// `name@example.com`.
    Email,
    /// Ten or more digits in a row (a bank account, a customer number).
    AccountNumber,
}

/// One finding: its kind and the exact text as typed (so a form can cut it
/// out and move it to the private field).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// What it is.
    pub kind: PersonalDataKind,
    /// The text as typed.
    pub text: String,
}

/// Every piece of personal data in `text`, in order.
#[must_use]
pub fn find(text: &str) -> Vec<Finding> {
    let mut found = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if c.is_ascii_digit() && glued_to_code(&chars, i) {
            while chars.get(i).is_some_and(|(_, c)| c.is_ascii_digit()) {
                i += 1;
            }
            continue;
        }
        if c.is_ascii_digit() {
            let international = i > 0 && chars[i - 1].1 == '+';
            let (end, groups) = digit_run(&chars, i, international);
            let start = if international { i - 1 } else { i };
            let raw = slice(text, &chars, start, end);
            if let Some(kind) = classify(&groups, international) {
                found.push(Finding {
                    kind,
                    text: raw.trim_end().to_owned(),
                });
            }
            i = end;
            continue;
        }
        if c == '@'
            && let Some((start, end)) = email_around(&chars, i)
        {
            found.retain(|f: &Finding| !slice(text, &chars, start, end).contains(&f.text));
            found.push(Finding {
                kind: PersonalDataKind::Email,
                text: slice(text, &chars, start, end).to_owned(),
            });
            i = end;
            continue;
        }
        i += 1;
    }
    found
}

fn slice<'a>(text: &'a str, chars: &[(usize, char)], start: usize, end: usize) -> &'a str {
    let from = chars.get(start).map_or(text.len(), |(b, _)| *b);
    let to = chars.get(end).map_or(text.len(), |(b, _)| *b);
    &text[from..to]
}

/// Digits that continue a code such as `VOC-000123` or `A1234`: part of a
/// reference, not a person's number.
fn glued_to_code(chars: &[(usize, char)], i: usize) -> bool {
    let before = |k: usize| i.checked_sub(k).and_then(|j| chars.get(j)).map(|(_, c)| *c);
    match before(1) {
        Some(c) if c.is_alphanumeric() && !c.is_ascii_digit() && c.is_ascii() => true,
        Some('-') => before(2).is_some_and(|c| c.is_ascii_alphabetic()),
        Some('#') => true,
        _ => false,
    }
}

/// A run of digit groups joined by single separators (`-`, `.`, space),
/// as numbers are spelled; returns where it ends and its groups. A space
/// joins only groups of three or more digits, so "1 2 3" stays three
/// numbers; every joined group has at least two digits. After a `+`, the
/// country code (`+82 10 …`) joins with a space too.
fn digit_run(chars: &[(usize, char)], start: usize, international: bool) -> (usize, Vec<String>) {
    let mut groups = Vec::new();
    let mut i = start;
    loop {
        let mut group = String::new();
        while let Some((_, c)) = chars.get(i).filter(|(_, c)| c.is_ascii_digit()) {
            group.push(*c);
            i += 1;
        }
        let len = group.len();
        groups.push(group);
        let separator = chars.get(i).map(|(_, c)| *c);
        let next_len = chars[(i + 1).min(chars.len())..]
            .iter()
            .take_while(|(_, c)| c.is_ascii_digit())
            .count();
        let country_code = international && groups.len() == 1;
        let joins = match separator {
            Some('-' | '.') => len >= 2 && next_len >= 2,
            Some(' ') if country_code => len >= 2 && next_len >= 2,
            Some(' ') => len >= 3 && next_len >= 3,
            _ => false,
        };
        if !joins {
            return (i, groups);
        }
        i += 1;
    }
}

fn luhn(digits: &str) -> bool {
    let mut sum = 0;
    for (k, c) in digits.bytes().rev().enumerate() {
        let mut d = u32::from(c - b'0');
        if k % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

fn birth_date(digits: &str) -> bool {
    let number = |range: std::ops::Range<usize>| {
        digits
            .get(range)
            .and_then(|s| s.parse::<u32>().ok())
            .unwrap_or(0)
    };
    (1..=12).contains(&number(2..4)) && (1..=31).contains(&number(4..6))
}

fn classify(groups: &[String], international: bool) -> Option<PersonalDataKind> {
    let mut digits: String = groups.concat();
    if international {
        // +82 10-1234-5678: the country code replaces the leading 0.
        digits = format!("0{}", digits.strip_prefix("82")?);
    }
    let n = digits.len();
    let mobile = ["010", "011", "016", "017", "018", "019"];
    if (10..=11).contains(&n) && mobile.iter().any(|p| digits.starts_with(p)) {
        return Some(PersonalDataKind::MobilePhone);
    }
    let area = digits.starts_with("02")
        || digits.starts_with("070")
        || (digits.starts_with('0') && digits[1..].starts_with(['3', '4', '5', '6']));
    if (9..=11).contains(&n) && area {
        return Some(PersonalDataKind::Landline);
    }
    let rrn_shape = groups.len() == 1 || groups.iter().map(String::len).eq([6, 7]);
    if n == 13
        && rrn_shape
        && birth_date(&digits)
        && digits.as_bytes()[6].is_ascii_digit()
        && (b'1'..=b'8').contains(&digits.as_bytes()[6])
    {
        return Some(PersonalDataKind::ResidentNumber);
    }
    if (13..=19).contains(&n) && luhn(&digits) {
        return Some(PersonalDataKind::CardNumber);
    }
    (n >= 10).then_some(PersonalDataKind::AccountNumber)
}

fn email_around(chars: &[(usize, char)], at: usize) -> Option<(usize, usize)> {
    let local = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    let domain = |c: char| c.is_ascii_alphanumeric() || ".-".contains(c);
    let mut start = at;
    while start > 0 && local(chars[start - 1].1) {
        start -= 1;
    }
    let mut end = at + 1;
    while end < chars.len() && domain(chars[end].1) {
        end += 1;
    }
    while end > at + 1 && chars[end - 1].1 == '.' {
        end -= 1;
    }
    let host: String = chars[at + 1..end].iter().map(|(_, c)| *c).collect();
    let dotted = host.split('.').filter(|p| !p.is_empty()).count() >= 2;
    (start < at && dotted).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<PersonalDataKind> {
        find(text).into_iter().map(|f| f.kind).collect()
    }

    #[test]
    fn phone_numbers_in_their_usual_spellings() {
        for text in [
            "내 전화번호는 010-1234-5678",
            "010 1234 5678로 연락 주세요",
            "010.1234.5678",
            "01012345678",
            "+82 10-1234-5678",
            "+82-10-1234-5678",
            "011-123-4567",
        ] {
            assert_eq!(kinds(text), [PersonalDataKind::MobilePhone], "{text}");
        }
        for text in [
            "02-123-4567",
            "031-1234-5678",
            "070-1234-5678",
            "0212345678",
        ] {
            assert_eq!(kinds(text), [PersonalDataKind::Landline], "{text}");
        }
        let found = find("전화: 010-1234-5678 주세요");
        assert_eq!(found[0].text, "010-1234-5678");
    }

    #[test]
    fn resident_numbers_cards_emails_and_accounts() {
        for text in ["주민번호 900101-1234567", "9001011234567", "020315-4123456"] {
            assert_eq!(kinds(text), [PersonalDataKind::ResidentNumber], "{text}");
        }
        for text in [
            "4111 1111 1111 1111",
            "4111-1111-1111-1111",
            "5500000000000004",
        ] {
            assert_eq!(kinds(text), [PersonalDataKind::CardNumber], "{text}");
        }
        assert_eq!(
            find("메일 minseo.oh@example.co.kr 로"),
            [Finding {
                kind: PersonalDataKind::Email,
                text: "minseo.oh@example.co.kr".to_owned()
            }]
        );
        for text in [
            "계좌 110-123-456789",
            "customer 1234567890",
            "국민 9-1234-5678-901",
        ] {
            assert_eq!(kinds(text), [PersonalDataKind::AccountNumber], "{text}");
        }
    }

    #[test]
    fn no_false_alarms_on_what_threads_are_full_of() {
        for text in [
            "See VOC-000123 and VOC-1234567890",
            "Filed on 2026-11-29 at 10:12, again 2026.11.30",
            "I was charged 55,000원 twice, then ₩1,250,000",
            "Same as idea #12 and #1234567890",
            "Steps: 1 2 3 4 5 6 7 8 9 10 11 12",
            "@Minseo Oh can you check?",
            "Version 4.12.3 broke it; 100 Mbps instead of 1000 Mbps",
            "Order ORD-20261129-0001",
            "It failed 3 times between 09:00 and 18:00",
        ] {
            assert_eq!(kinds(text), [], "{text}");
        }
        // A card-length run that fails the Luhn check is still a long
        // number someone might regret: an account-like run.
        assert_eq!(
            kinds("4111 1111 1111 1112"),
            [PersonalDataKind::AccountNumber]
        );
    }
}
