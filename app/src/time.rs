//! Times as a reader expects them: in their own zone, relative where people
//! say "3분 전", exact on hover. Pure arithmetic on seconds and offsets, so
//! the WASM client needs no time zone database: the server gives the
//! company's offset, the browser its own.

use crate::i18n::{Locale, Translate};

/// How a time is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Style {
    /// "방금 전", "3분 전", "어제 14:05", then the date: for activity.
    #[default]
    Relative,
    /// "2026-12-04 14:05": for records people compare (audit, sessions).
    DateTime,
    /// "2026-12-04": for days (member since, published on).
    Date,
}

/// A moment on a local wall clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WallClock {
    /// Calendar year.
    pub year: i64,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
    /// 0–23.
    pub hour: u32,
    /// 0–59.
    pub minute: u32,
    /// Minutes east of UTC in force at that moment.
    pub offset_minutes: i32,
    /// Days since 1970-01-01 on the local calendar, to compare days.
    day_number: i64,
}

/// Seconds since the Unix epoch of an RFC 3339 time such as
/// `2026-12-04T02:30:52.123+00:00` or `…Z`; `None` for anything else.
#[must_use]
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let text = text.trim();
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    let separators_ok = text.get(4..5) == Some("-")
        && text.get(7..8) == Some("-")
        && matches!(text.get(10..11), Some("T" | "t" | " "))
        && text.get(13..14) == Some(":")
        && text.get(16..17) == Some(":");
    if !separators_ok || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let rest = text.get(19..)?;
    let zone = rest.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    let offset_seconds = match zone {
        "Z" | "z" => 0,
        _ => {
            let sign = match zone.get(0..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            let hours: i64 = zone.get(1..3)?.parse().ok()?;
            let minutes: i64 = zone.get(4..6)?.parse().ok()?;
            sign * (hours * 3600 + minutes * 60)
        }
    };
    let days = days_from_civil(year, month, day);
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset_seconds)
}

/// The wall clock at `seconds` (since the epoch) in a zone `offset_minutes`
/// east of UTC.
#[must_use]
pub fn wall_clock(seconds: i64, offset_minutes: i32) -> WallClock {
    let local = seconds + i64::from(offset_minutes) * 60;
    let day_number = local.div_euclid(86_400);
    let of_day = local.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(day_number);
    WallClock {
        year,
        month,
        day,
        hour: u32::try_from(of_day / 3600).unwrap_or(0),
        minute: u32::try_from(of_day % 3600 / 60).unwrap_or(0),
        offset_minutes,
        day_number,
    }
}

/// "UTC+9", "UTC-3:30", "UTC": says which zone a time is in.
#[must_use]
pub fn zone_label(offset_minutes: i32) -> String {
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let (hours, minutes) = (offset_minutes.abs() / 60, offset_minutes.abs() % 60);
    match (hours, minutes) {
        (0, 0) => "UTC".to_owned(),
        (h, 0) => format!("UTC{sign}{h}"),
        (h, m) => format!("UTC{sign}{h}:{m:02}"),
    }
}

/// The date in the reader's words: "2026-12-04" or "2026. 12. 4.".
#[must_use]
pub fn date_text(locale: Locale, at: &WallClock) -> String {
    locale.format(
        "time.date",
        &[
            ("y", at.year.to_string()),
            ("m", at.month.to_string()),
            ("mm", format!("{:02}", at.month)),
            ("d", at.day.to_string()),
            ("dd", format!("{:02}", at.day)),
        ],
    )
}

fn clock_text(at: &WallClock) -> String {
    format!("{:02}:{:02}", at.hour, at.minute)
}

/// Date, time and zone, for the hover text and records.
#[must_use]
pub fn exact_text(locale: Locale, at: &WallClock) -> String {
    format!(
        "{} {} ({})",
        date_text(locale, at),
        clock_text(at),
        zone_label(at.offset_minutes)
    )
}

/// The text of a time in a style, seen at `now` (both on the reader's wall
/// clock, `at_seconds`/`now_seconds` the same instants since the epoch).
#[must_use]
pub fn text(
    locale: Locale,
    style: Style,
    at: &WallClock,
    at_seconds: i64,
    now: &WallClock,
    now_seconds: i64,
) -> String {
    match style {
        Style::Date => date_text(locale, at),
        Style::DateTime => format!("{} {}", date_text(locale, at), clock_text(at)),
        Style::Relative => {
            let ago = now_seconds - at_seconds;
            let days = now.day_number - at.day_number;
            let n = |value: i64| [("n", value.to_string())];
            match ago {
                // A minute either way: clocks of server and browser differ.
                -59..=59 => locale.t("time.just_now").to_owned(),
                60..=3599 => locale.format("time.minutes_ago", &n(ago / 60)),
                _ if ago > 0 && days == 0 => locale.format("time.hours_ago", &n(ago / 3600)),
                _ if ago > 0 && days == 1 => {
                    locale.format("time.yesterday", &[("time", clock_text(at))])
                }
                _ if ago > 0 && days < 7 => locale.format("time.days_ago", &n(days)),
                _ if at.year == now.year && ago > 0 => locale.format(
                    "time.day_of_year",
                    &[
                        ("m", at.month.to_string()),
                        ("month", month_name(at.month).to_owned()),
                        ("d", at.day.to_string()),
                    ],
                ),
                _ => date_text(locale, at),
            }
        }
    }
}

/// The English short name of a month (Korean says "11월").
fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES
        .get(usize::try_from(month).unwrap_or(1).saturating_sub(1))
        .copied()
        .unwrap_or_default()
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day number, the inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = u32::try_from(day_of_year - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let month = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEOUL: i32 = 9 * 60;

    fn at(text: &str) -> i64 {
        parse_rfc3339(text).expect("a valid time")
    }

    #[test]
    fn rfc3339_times_are_read_with_their_offsets_and_fractions() {
        assert_eq!(at("1970-01-01T00:00:00Z"), 0);
        assert_eq!(at("2026-11-29T16:29:00Z"), 1_795_969_740);
        assert_eq!(at("2026-11-30T01:29:00.123456789+09:00"), 1_795_969_740);
        assert_eq!(at("2026-11-29 16:29:00+00:00"), 1_795_969_740);
        assert_eq!(at("2000-02-29T12:00:00-03:30"), 951_838_200);
        for bad in [
            "",
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-11-29T16:29:00",
            "2026-11-29T16:29:00+0x:00",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_ticket_filed_at_16_29_utc_is_01_29_the_next_day_in_seoul() {
        let filed = wall_clock(at("2026-11-29T16:29:00Z"), SEOUL);
        assert_eq!((filed.year, filed.month, filed.day), (2026, 11, 30));
        assert_eq!((filed.hour, filed.minute), (1, 29));
        assert_eq!(exact_text(Locale::En, &filed), "2026-11-30 01:29 (UTC+9)");
        assert_eq!(
            exact_text(Locale::Ko, &filed),
            "2026. 11. 30. 01:29 (UTC+9)"
        );
    }

    #[test]
    fn zones_are_labelled_by_their_offset() {
        assert_eq!(zone_label(0), "UTC");
        assert_eq!(zone_label(540), "UTC+9");
        assert_eq!(zone_label(-210), "UTC-3:30");
        assert_eq!(zone_label(345), "UTC+5:45");
    }

    #[test]
    fn dates_round_trip_through_day_numbers() {
        for day in [-800_000, -1, 0, 59, 60, 365, 11_016, 20_000, 2_932_896] {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(
                days_from_civil(y, i64::from(m), i64::from(d)),
                day,
                "{y}-{m}-{d}"
            );
        }
    }

    fn relative(locale: Locale, then: &str, now: &str) -> String {
        let (then, now) = (at(then), at(now));
        text(
            locale,
            Style::Relative,
            &wall_clock(then, SEOUL),
            then,
            &wall_clock(now, SEOUL),
            now,
        )
    }

    #[test]
    fn recent_times_read_as_people_say_them_in_korean_and_english() {
        let now = "2026-12-04T05:00:00Z"; // 14:00 in Seoul
        let cases = [
            ("2026-12-04T04:59:30Z", "방금 전", "just now"),
            ("2026-12-04T05:00:30Z", "방금 전", "just now"),
            ("2026-12-04T04:57:00Z", "3분 전", "3 min ago"),
            ("2026-12-04T02:00:00Z", "3시간 전", "3 h ago"),
            ("2026-12-03T14:59:00Z", "어제 23:59", "yesterday 23:59"),
            ("2026-12-01T05:00:00Z", "3일 전", "3 days ago"),
            ("2026-11-20T05:00:00Z", "11월 20일", "Nov 20"),
            ("2025-11-20T05:00:00Z", "2025. 11. 20.", "2025-11-20"),
            ("2026-12-25T05:00:00Z", "2026. 12. 25.", "2026-12-25"),
        ];
        for (then, ko, en) in cases {
            assert_eq!(relative(Locale::Ko, then, now), ko, "{then}");
            assert_eq!(relative(Locale::En, then, now), en, "{then}");
        }
    }

    #[test]
    fn an_hour_after_midnight_in_seoul_yesterday_evening_is_yesterday() {
        // 00:30 in Seoul; 23:00 the evening before is 90 minutes earlier.
        let got = relative(Locale::Ko, "2026-12-03T14:00:00Z", "2026-12-03T15:30:00Z");
        assert_eq!(got, "어제 23:00");
    }
}
