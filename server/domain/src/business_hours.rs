//! Business hours: when a department answers (hours per weekday in its
//! time zone, minus holidays), and the clock arithmetic response promises
//! need on top of it — a promise of 30 business minutes made at 21:10 on a
//! Friday runs from 09:00 on Monday, and a weekend does not count against
//! it. A department open around the clock is the special case where every
//! minute counts.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

/// Minutes in a day: a window closing at this minute closes at midnight.
pub const DAY_MINUTES: u16 = 24 * 60;

/// The hours of one weekday, in minutes after local midnight, open
/// included and close excluded (09:00–18:00 is `540..1080`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// First minute open.
    pub open: u16,
    /// First minute closed again (at most `DAY_MINUTES`).
    pub close: u16,
}

impl Window {
    /// The window `open..close` (minutes after midnight); `None` unless
    /// it opens before it closes and closes by midnight.
    #[must_use]
    pub fn new(open: u16, close: u16) -> Option<Window> {
        (open < close && close <= DAY_MINUTES).then_some(Window { open, close })
    }

    /// The whole day.
    pub const ALL_DAY: Window = Window {
        open: 0,
        close: DAY_MINUTES,
    };
}

/// When a department answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// The zone its hours are in.
    pub zone: Tz,
    /// Monday first; `None`: closed that weekday.
    pub week: [Option<Window>; 7],
    /// Local dates it is closed all day.
    pub holidays: BTreeSet<NaiveDate>,
}

/// Looking further ahead than this many days for an open minute means the
/// schedule is never open: the arithmetic then stops instead of looping.
const HORIZON_DAYS: i64 = 800;

impl Schedule {
    /// Open every minute of every day (a 24/7 team): business time is
    /// plain time.
    #[must_use]
    pub fn around_the_clock(zone: Tz) -> Schedule {
        Schedule {
            zone,
            week: [Some(Window::ALL_DAY); 7],
            holidays: BTreeSet::new(),
        }
    }

    /// Open `open..close` on weekdays, closed at weekends and on `holidays`.
    #[must_use]
    pub fn weekdays(zone: Tz, hours: Window, holidays: BTreeSet<NaiveDate>) -> Schedule {
        let mut week = [Some(hours); 7];
        week[5] = None;
        week[6] = None;
        Schedule {
            zone,
            week,
            holidays,
        }
    }

    /// True when every minute counts: all day, every day, no holidays.
    #[must_use]
    pub fn is_around_the_clock(&self) -> bool {
        self.holidays.is_empty() && self.week.iter().all(|w| *w == Some(Window::ALL_DAY))
    }

    /// The open interval of a local date, in UTC, if the department is
    /// open that day.
    fn open_on(&self, date: NaiveDate) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        if self.holidays.contains(&date) {
            return None;
        }
        let window = self.week[date.weekday().num_days_from_monday() as usize]?;
        let at = |minute: u16| -> Option<DateTime<Utc>> {
            let midnight = date.and_hms_opt(0, 0, 0)?;
            let local = midnight + Duration::minutes(i64::from(minute));
            // A time skipped by a daylight-saving change opens at the
            // first time that exists after it.
            self.zone
                .from_local_datetime(&local)
                .earliest()
                .or_else(|| {
                    self.zone
                        .from_local_datetime(&(local + Duration::hours(1)))
                        .earliest()
                })
                .map(|t| t.with_timezone(&Utc))
        };
        Some((at(window.open)?, at(window.close)?))
    }

    /// The local dates from the one `at` falls on, for the horizon.
    fn days_from(&self, at: DateTime<Utc>) -> impl Iterator<Item = NaiveDate> {
        let first = at.with_timezone(&self.zone).date_naive();
        (0..HORIZON_DAYS).filter_map(move |n| first.checked_add_signed(Duration::days(n)))
    }

    /// The first open instant at or after `at` (`at` itself when open).
    /// The thread says "the promise runs from" this time.
    #[must_use]
    pub fn next_open(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.days_from(at)
            .filter_map(|date| self.open_on(date))
            .find(|(_, close)| *close > at)
            .map(|(open, _)| Ord::max(open, at))
    }

    /// The instant when `minutes` business minutes after `start` have
    /// passed: the deadline of a promise made at `start`.
    #[must_use]
    pub fn add(&self, start: DateTime<Utc>, minutes: i64) -> Option<DateTime<Utc>> {
        let mut left = Duration::minutes(minutes.max(0));
        for date in self.days_from(start) {
            let Some((open, close)) = self.open_on(date) else {
                continue;
            };
            if close <= start {
                continue;
            }
            let from = Ord::max(open, start);
            let available = close - from;
            if left <= available {
                return Some(from + left);
            }
            left -= available;
        }
        None
    }

    /// Business minutes between two instants (0 when `to` is not after
    /// `from`): how long a customer waited in the department's time.
    #[must_use]
    pub fn minutes_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
        if to <= from {
            return 0;
        }
        let mut total = Duration::zero();
        for date in self.days_from(from) {
            let Some((open, close)) = self.open_on(date) else {
                if date > to.with_timezone(&self.zone).date_naive() {
                    break;
                }
                continue;
            };
            if open >= to {
                break;
            }
            let (a, b) = (Ord::max(open, from), Ord::min(close, to));
            if b > a {
                total += b - a;
            }
        }
        total.num_minutes()
    }
}

/// The public holidays of the Republic of Korea (관공서의 공휴일에 관한
/// 규정), substitute holidays included, for the years Madang ships them;
/// the default calendar of a department in Korea, which admins edit.
#[must_use]
pub fn korean_public_holidays() -> BTreeSet<NaiveDate> {
    migration::KOREAN_PUBLIC_HOLIDAYS
        .iter()
        .filter_map(|(day, _, _)| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
        .collect()
}

/// `09:00`-style text for a minute of the day.
#[must_use]
pub fn clock_text(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// Weekday names in the hours text, Monday first.
const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn minute_of(text: &str) -> Option<u16> {
    let (h, m) = text.split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 24 && m < 60 && h * 60 + m <= DAY_MINUTES).then_some(h * 60 + m)
}

fn day_index(name: &str) -> Option<usize> {
    DAY_NAMES.iter().position(|d| *d == name)
}

/// Reads a department's hours, e.g. `mon-fri 09:00-18:00; sat 10:00-14:00`:
/// entries separated by `;`, each days (one, or a range) and a window;
/// days not named are closed. Empty text: open around the clock (`None`).
pub fn parse_week(text: &str) -> std::result::Result<Option<[Option<Window>; 7]>, String> {
    let text = text.trim().to_ascii_lowercase();
    if text.is_empty() {
        return Ok(None);
    }
    let mut week = [None; 7];
    for entry in text.split(';').map(str::trim).filter(|e| !e.is_empty()) {
        let (days, hours) = entry
            .split_once(char::is_whitespace)
            .ok_or_else(|| format!("“{entry}”: days then hours, e.g. mon-fri 09:00-18:00"))?;
        let (first, last) = match days.split_once('-') {
            Some((a, b)) => (day_index(a), day_index(b)),
            None => (day_index(days), day_index(days)),
        };
        let (Some(first), Some(last)) = (first, last) else {
            return Err(format!(
                "“{days}”: days are mon, tue, wed, thu, fri, sat, sun"
            ));
        };
        if first > last {
            return Err(format!("“{days}”: a range runs from Monday towards Sunday"));
        }
        let window = hours
            .trim()
            .split_once('-')
            .and_then(|(open, close)| {
                Window::new(minute_of(open.trim())?, minute_of(close.trim())?)
            })
            .ok_or_else(|| format!("“{hours}”: hours are HH:MM-HH:MM, opening before closing"))?;
        for day in &mut week[first..=last] {
            if day.is_some() {
                return Err(format!("“{entry}”: a day is named twice"));
            }
            *day = Some(window);
        }
    }
    if week.iter().all(Option::is_none) {
        return Err("no day is open".to_owned());
    }
    Ok(Some(week))
}

/// The hours as `parse_week` reads them, runs of days with the same
/// window joined (`mon-fri 09:00-18:00; sat 10:00-14:00`).
#[must_use]
pub fn week_text(week: &[Option<Window>; 7]) -> String {
    let mut parts = Vec::new();
    let mut day = 0;
    while day < 7 {
        let Some(window) = week[day] else {
            day += 1;
            continue;
        };
        let mut last = day;
        while last + 1 < 7 && week[last + 1] == Some(window) {
            last += 1;
        }
        let days = if last == day {
            DAY_NAMES[day].to_owned()
        } else {
            format!("{}-{}", DAY_NAMES[day], DAY_NAMES[last])
        };
        parts.push(format!(
            "{days} {}-{}",
            clock_text(window.open),
            clock_text(window.close)
        ));
        day = last + 1;
    }
    parts.join("; ")
}

/// The schedule a department's stored hours and zone give, with the
/// holiday calendar; no hours: around the clock (holidays do not apply).
#[must_use]
pub fn schedule_of(
    hours: Option<&str>,
    zone: Option<&str>,
    company_zone: Tz,
    holidays: &BTreeSet<NaiveDate>,
) -> Schedule {
    let zone = zone
        .and_then(|z| z.parse::<Tz>().ok())
        .unwrap_or(company_zone);
    match hours.map(parse_week) {
        Some(Ok(Some(week))) => Schedule {
            zone,
            week,
            holidays: holidays.clone(),
        },
        _ => Schedule::around_the_clock(zone),
    }
}

/// The holiday calendar as stored (admins edit it).
pub async fn holidays<C: sea_orm::ConnectionTrait>(db: &C) -> crate::Result<BTreeSet<NaiveDate>> {
    use sea_orm::EntityTrait;
    Ok(crate::entity::holiday::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|h| h.day)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEOUL: Tz = chrono_tz::Asia::Seoul;

    fn seoul(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        SEOUL
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .expect("a Seoul time")
            .with_timezone(&Utc)
    }

    fn billing() -> Schedule {
        Schedule::weekdays(
            SEOUL,
            Window::new(9 * 60, 18 * 60).expect("hours"),
            korean_public_holidays(),
        )
    }

    #[test]
    fn a_question_at_night_is_answered_against_the_next_mornings_clock() {
        // Thursday 2026-12-03, 21:10: the 30-minute promise runs from 09:00.
        let asked = seoul(2026, 12, 3, 21, 10);
        assert_eq!(billing().next_open(asked), Some(seoul(2026, 12, 4, 9, 0)));
        assert_eq!(billing().add(asked, 30), Some(seoul(2026, 12, 4, 9, 30)));
        // An answer at 09:20 took 20 business minutes, not 12 hours.
        assert_eq!(
            billing().minutes_between(asked, seoul(2026, 12, 4, 9, 20)),
            20
        );
    }

    #[test]
    fn a_weekend_does_not_count() {
        // Friday 17:50 + 30 minutes: 10 on Friday, 20 on Monday.
        let asked = seoul(2026, 12, 4, 17, 50);
        assert_eq!(billing().add(asked, 30), Some(seoul(2026, 12, 7, 9, 20)));
        assert_eq!(
            billing().minutes_between(asked, seoul(2026, 12, 7, 9, 20)),
            30
        );
        // Asked on Saturday: the clock starts on Monday.
        let saturday = seoul(2026, 12, 5, 11, 0);
        assert_eq!(
            billing().next_open(saturday),
            Some(seoul(2026, 12, 7, 9, 0))
        );
    }

    #[test]
    fn a_holiday_does_not_count() {
        // Thursday 2026-12-24, 17:45 + 60 minutes: 15 on the 24th,
        // Christmas (Friday) is closed, the weekend too: 45 on Monday 28th.
        let asked = seoul(2026, 12, 24, 17, 45);
        assert_eq!(billing().add(asked, 60), Some(seoul(2026, 12, 28, 9, 45)));
        // Chuseok 2026 (24–26 September, Thursday to Saturday).
        let before = seoul(2026, 9, 23, 17, 0);
        assert_eq!(billing().add(before, 120), Some(seoul(2026, 9, 28, 10, 0)));
        assert_eq!(
            billing().minutes_between(before, seoul(2026, 9, 28, 10, 0)),
            120
        );
    }

    #[test]
    fn around_the_clock_every_minute_counts() {
        let network = Schedule::around_the_clock(SEOUL);
        assert!(network.is_around_the_clock());
        assert!(!billing().is_around_the_clock());
        let asked = seoul(2026, 12, 5, 23, 50);
        assert_eq!(network.add(asked, 30), Some(seoul(2026, 12, 6, 0, 20)));
        assert_eq!(network.next_open(asked), Some(asked));
        assert_eq!(
            network.minutes_between(asked, seoul(2026, 12, 6, 0, 20)),
            30
        );
    }

    #[test]
    fn inside_hours_it_is_plain_time_and_backwards_is_zero() {
        let asked = seoul(2026, 12, 7, 10, 0);
        assert_eq!(billing().add(asked, 45), Some(seoul(2026, 12, 7, 10, 45)));
        assert_eq!(billing().minutes_between(asked, asked), 0);
        assert_eq!(
            billing().minutes_between(asked, seoul(2026, 12, 7, 9, 0)),
            0
        );
    }

    #[test]
    fn a_schedule_never_open_has_no_deadline() {
        let closed = Schedule {
            zone: SEOUL,
            week: [None; 7],
            holidays: BTreeSet::new(),
        };
        let asked = seoul(2026, 12, 7, 10, 0);
        assert_eq!(closed.add(asked, 30), None);
        assert_eq!(closed.next_open(asked), None);
        assert_eq!(closed.minutes_between(asked, seoul(2026, 12, 8, 10, 0)), 0);
    }

    #[test]
    fn windows_must_open_before_they_close() {
        assert!(Window::new(540, 1080).is_some());
        assert!(Window::new(1080, 540).is_none());
        assert!(Window::new(0, DAY_MINUTES + 1).is_none());
        assert_eq!(clock_text(540), "09:00");
        assert_eq!(clock_text(1085), "18:05");
    }

    #[test]
    fn the_shipped_calendar_has_the_big_holidays() {
        let days = korean_public_holidays();
        // Seollal and Chuseok, and substitutes for a Sunday (Seollal
        // 2027) and a Saturday (Christmas 2027).
        for (y, m, d) in [(2026, 2, 17), (2026, 9, 25), (2027, 2, 9), (2027, 12, 27)] {
            let date = NaiveDate::from_ymd_opt(y, m, d).expect("date");
            assert!(days.contains(&date), "{date}");
        }
        // Every listed day is a real, distinct date.
        assert_eq!(days.len(), 40);
    }
}
