//! The range of days a dashboard covers: parsed from the query, bounded,
//! and turned into half-open instants for indexed range queries.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use shared::insight::DashboardQuery;

use crate::{Error, Result, Settings};

/// Longest range the dashboard computes at once.
pub(super) const MAX_DAYS: i64 = 366;
/// Days on the public scorecard.
pub(super) const SCORECARD_DAYS: i64 = 30;

/// An inclusive range of days of the company's calendar (its time zone)
/// and its half-open instants.
#[derive(Clone, Copy)]
pub(super) struct Range {
    pub(super) from: NaiveDate,
    pub(super) to: NaiveDate,
    pub(super) start: DateTime<Utc>,
    pub(super) end: DateTime<Utc>,
    pub(super) zone: Tz,
}

impl Range {
    pub(super) fn new(from: NaiveDate, to: NaiveDate, settings: &Settings) -> Self {
        Range {
            from,
            to,
            start: settings.start_of(from),
            end: settings.start_of(to + Duration::days(1)),
            zone: settings.time_zone,
        }
    }

    pub(super) fn days(&self) -> Vec<NaiveDate> {
        self.from
            .iter_days()
            .take_while(|d| *d <= self.to)
            .collect()
    }
}

pub(super) fn parse_day(field: &str, raw: Option<&str>) -> Result<Option<NaiveDate>> {
    match raw.map(str::trim).filter(|r| !r.is_empty()) {
        None => Ok(None),
        Some(raw) => NaiveDate::parse_from_str(raw, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| Error::invalid(field, crate::msg!("range.must_date_like_2026_11"))),
    }
}

pub(super) fn range_of(
    query: &DashboardQuery,
    now: DateTime<Utc>,
    settings: &Settings,
) -> Result<Range> {
    let to = parse_day("to", query.to.as_deref())?.unwrap_or_else(|| settings.today(now));
    let days = query.days.unwrap_or(30);
    if !(1..=MAX_DAYS).contains(&days) {
        return Err(Error::invalid(
            "days",
            crate::msg!("range.must_between_1", max_days = MAX_DAYS),
        ));
    }
    let from = parse_day("from", query.from.as_deref())?.unwrap_or(to - Duration::days(days - 1));
    if from > to {
        return Err(Error::invalid("from", crate::msg!("range.must_not_after")));
    }
    if (to - from).num_days() >= MAX_DAYS {
        return Err(Error::invalid(
            "from",
            crate::msg!("range.range_may_span_at_most", max_days = MAX_DAYS),
        ));
    }
    Ok(Range::new(from, to, settings))
}
