//! Insights: the managers' dashboard and the public scorecard — whether the
//! company really listens, in figures anyone can check.

use serde::{Deserialize, Serialize};

/// `GET /api/v1/dashboard` query: an inclusive range of UTC days.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct DashboardQuery {
    /// First day, `YYYY-MM-DD`; 29 days before `to` when absent.
    #[serde(default)]
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`; today when absent.
    #[serde(default)]
    pub to: Option<String>,
    /// Instead of `from`: the last this many days up to `to` (1–366).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 366))]
    pub days: Option<i64>,
}

/// Activity on one day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DayFigures {
    /// `YYYY-MM-DD`, a day of the company's calendar (its time zone).
    pub day: String,
    /// Ideas posted.
    pub ideas: i64,
    /// Tickets filed.
    pub tickets: i64,
    /// Comments on ideas.
    pub comments: i64,
    /// Votes cast (still standing).
    pub votes: i64,
    /// Distinct members who posted, commented, voted, filed or replied.
    pub active_members: i64,
}

/// One department's first answers and promise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DepartmentFigures {
    /// Department slug.
    pub slug: String,
    /// Department name.
    pub name: String,
    /// Its first-response promise in minutes.
    pub target_minutes: i64,
    /// Tickets filed in the range that got a first answer.
    pub answered: i64,
    /// Median minutes from filing to the first staff answer.
    pub median_minutes: Option<i64>,
    /// 90th percentile (nearest rank) of the same.
    pub p90_minutes: Option<i64>,
    /// Tickets answered within the promise.
    pub sla_met: i64,
    /// Tickets answered late, or unanswered past their deadline.
    pub sla_breached: i64,
    /// `sla_met / (sla_met + sla_breached)` in percent, when any.
    pub sla_percent: Option<f64>,
}

/// A distribution of durations in minutes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DurationFigures {
    /// How many.
    pub count: i64,
    /// Median (nearest rank), minutes.
    pub median_minutes: Option<i64>,
    /// 90th percentile (nearest rank), minutes.
    pub p90_minutes: Option<i64>,
}

/// Ratings given for tickets resolved in the range.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SatisfactionFigures {
    /// Ratings.
    pub count: i64,
    /// Average score 1–5, when any.
    pub average: Option<f64>,
}

/// Promises made in the range, by where they stand now.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CommitmentFigures {
    /// Not yet due.
    pub pending: i64,
    /// Kept by the due date.
    pub kept_on_time: i64,
    /// Kept after the due date.
    pub kept_late: i64,
    /// Past the due date and not kept.
    pub overdue: i64,
    /// Withdrawn with a reason.
    pub withdrawn: i64,
}

/// A count for one month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    /// How many.
    pub count: i64,
}

/// An idea that gained votes in the range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrendingIdea {
    /// Idea number.
    pub number: i64,
    /// Title.
    pub title: String,
    /// Votes cast in the range.
    pub votes_gained: i64,
}

/// A ticket many customers said "me too" to in the range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeTooTicket {
    /// `VOC-000123`.
    pub number: String,
    /// Title.
    pub title: String,
    /// Department slug, if any.
    pub department: Option<String>,
    /// "Me too" marks in the range.
    pub marks: i64,
}

/// How much one staff member answered in public.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffParticipation {
    /// Member id.
    pub id: i64,
    /// Name.
    pub display_name: String,
    /// Department slug, if any.
    pub department: Option<String>,
    /// Public ticket replies.
    pub replies: i64,
    /// Signed idea decisions.
    pub decisions: i64,
    /// Comments on ideas.
    pub comments: i64,
    /// All of the above.
    pub total: i64,
}

/// A department's share of the public answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DepartmentParticipation {
    /// Department slug.
    pub slug: String,
    /// Department name.
    pub name: String,
    /// Staff in the department.
    pub staff: i64,
    /// Of them, how many answered at least once.
    pub staff_answering: i64,
    /// Public answers (replies, decisions, comments).
    pub answers: i64,
}

/// Everything on the managers' dashboard for one range.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Dashboard {
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
    /// The company's time zone (IANA name) the days are counted in.
    pub time_zone: String,
    /// Activity per day, oldest first, every day of the range.
    pub daily: Vec<DayFigures>,
    /// First answers and promises per department.
    pub departments: Vec<DepartmentFigures>,
    /// First answers over all departments.
    pub first_response: DurationFigures,
    /// Filing to resolution, for tickets resolved in the range.
    pub resolution: DurationFigures,
    /// Ratings for tickets resolved in the range.
    pub satisfaction: SatisfactionFigures,
    /// Promises made in the range.
    pub commitments: CommitmentFigures,
    /// Ideas moved to done, per month.
    pub delivered: Vec<MonthCount>,
    /// Ideas that gained the most votes (top 5).
    pub trending: Vec<TrendingIdea>,
    /// Tickets with the most "me too" marks (top 5).
    pub me_too: Vec<MeTooTicket>,
    /// Public answers per staff member (all staff, also those with none).
    pub participation: Vec<StaffParticipation>,
    /// Public answers per department.
    pub department_participation: Vec<DepartmentParticipation>,
    /// Answer quality per staff member reviewed in the range (by the
    /// answer's date), weakest average first.
    pub quality: Vec<crate::answer_review::QualityFigures>,
    /// Answer quality per department.
    pub department_quality: Vec<crate::answer_review::QualityFigures>,
}

/// The public scorecard: the last 30 days, for anyone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Scorecard {
    /// First day counted.
    pub from: String,
    /// Last day counted.
    pub to: String,
    /// The company's time zone (IANA name) the days are counted in.
    pub time_zone: String,
    /// Median minutes to the first staff answer.
    pub median_first_response_minutes: Option<i64>,
    /// Share of due or kept promises kept on time, percent.
    pub commitments_kept_on_time_percent: Option<f64>,
    /// Promises counted for that share.
    pub commitments_counted: i64,
    /// Ideas moved to done.
    pub ideas_delivered: i64,
    /// Tickets resolved.
    pub tickets_resolved: i64,
    /// Per department: name, promise and median first answer.
    pub departments: Vec<DepartmentFigures>,
    /// Per department, the average score of reviewed answers, when the
    /// company chose to publish it (`--scorecard-quality`); empty otherwise.
    #[serde(default)]
    pub quality: Vec<crate::answer_review::QualityFigures>,
}
