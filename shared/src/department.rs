//! Departments as the API lists them.

use serde::{Deserialize, Serialize};

/// A team that answers in its own name, with its first-response promise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Department {
    /// Stable URL-safe key, e.g. `billing`.
    pub slug: String,
    /// Display name in the reader's language.
    pub name: String,
    /// What the team handles, so customers and colleagues route correctly
    /// (in the reader's language).
    pub description: String,
    /// The name in both languages, as the company wrote it.
    pub names: crate::locale::Bilingual,
    /// The description in both languages.
    pub descriptions: crate::locale::Bilingual,
    /// Public handle, e.g. `@billing`.
    pub handle: String,
    /// The promised first-response time in minutes.
    pub first_response_minutes: i64,
    /// Hours the promise counts in, e.g. `mon-fri 09:00-18:00; sat
    /// 10:00-14:00`; absent: around the clock (holidays do not apply).
    #[serde(default)]
    pub business_hours: Option<String>,
    /// The IANA zone of the hours; absent: the company's.
    #[serde(default)]
    pub time_zone: Option<String>,
}

/// Creating or changing a department (admins).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DepartmentInput {
    /// Lower-case letters, digits and dashes, 2–40 characters; fixed once created.
    pub slug: String,
    /// The Korean name, 1–80 characters.
    pub name: String,
    /// The English name, at most 80 characters; empty shows the Korean.
    #[serde(default)]
    pub name_en: String,
    /// What the team handles, in Korean.
    #[serde(default)]
    pub description: String,
    /// What the team handles, in English.
    #[serde(default)]
    pub description_en: String,
    /// Public handle; `@slug` when empty.
    #[serde(default)]
    pub handle: String,
    /// First-response promise in minutes, 1–10080 (one week).
    pub first_response_minutes: i64,
    /// Hours the promise counts in: entries `days HH:MM-HH:MM` separated by
    /// `;` (days `mon`…`sun` or a range `mon-fri`); empty or absent:
    /// around the clock. Closed on the holiday calendar's days.
    #[serde(default)]
    pub business_hours: Option<String>,
    /// IANA zone of the hours, e.g. `Asia/Seoul`; absent: the company's.
    #[serde(default)]
    pub time_zone: Option<String>,
}

/// A day the departments that keep business hours are closed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Holiday {
    /// Its id.
    pub id: i64,
    /// The local date, `YYYY-MM-DD`.
    pub day: String,
    /// Its name in the reader's language.
    pub name: String,
}

/// `POST /api/v1/holidays` (admins).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HolidayInput {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// The Korean name, 1–80 characters.
    pub name: String,
    /// The English name; empty shows the Korean.
    #[serde(default)]
    pub name_en: String,
}
