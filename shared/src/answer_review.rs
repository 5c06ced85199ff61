//! Answer quality reviews: managers (admins) score a staff member's public
//! answer against the company's numbered guidelines and coach them; the
//! reviewed employee reads and replies. Nobody else ever sees a review.

use serde::{Deserialize, Serialize};

use crate::staff::UserRef;

vocabulary! {
    /// Which kind of public staff answer a review is about.
    pub enum AnswerKind (UnknownAnswerKind, "answer kind") {
        /// A public reply in a ticket thread.
        TicketReply = "ticket_reply",
        /// A comment on an idea.
        IdeaComment = "idea_comment",
    }
}

/// Names one public staff answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerRef {
    /// A ticket reply or an idea comment.
    pub kind: AnswerKind,
    /// The post's or comment's id.
    pub id: i64,
}

/// A public staff answer as a reviewer reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerToReview {
    /// Which answer.
    pub answer: AnswerRef,
    /// Who wrote it.
    pub employee: UserRef,
    /// Their department's slug, if any.
    pub department: Option<String>,
    /// The thread's title.
    pub thread_title: String,
    /// Where the answer stands, e.g. `/tickets/VOC-000012#post-40`.
    pub url: String,
    /// The answer as the public reads it (sanitized HTML).
    pub body_html: String,
    /// RFC 3339 UTC.
    pub answered_at: String,
}

/// `GET /api/v1/answer-reviews/queue`: the sample to review now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewQueue {
    /// Answers sampled per employee per week (the site's setting).
    pub per_employee: i64,
    /// RFC 3339 UTC: the sample covers answers from this instant (seven
    /// days ago) until now.
    pub since: String,
    /// Newest first; for each employee at most `per_employee` minus the
    /// answers of theirs already reviewed in the window.
    pub items: Vec<AnswerToReview>,
}

/// One guideline's score in a review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GuidelineScore {
    /// The guideline's id.
    pub guideline_id: i64,
    /// Its number in the list ("guideline 4").
    pub position: i64,
    /// Its text in the reader's language.
    pub text: String,
    /// 1 (missed) to 5 (exemplary).
    pub score: i64,
}

/// A review as the reviewed employee and admins read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerReview {
    /// Its id.
    pub id: i64,
    /// The answer reviewed.
    pub answer: AnswerToReview,
    /// The manager who reviewed it.
    pub reviewer: UserRef,
    /// Overall, 1–5.
    pub overall: i64,
    /// Per guideline, in the list's order.
    pub scores: Vec<GuidelineScore>,
    /// The coaching comment.
    pub comment: String,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// The employee's reply, if they wrote one.
    pub reply: Option<String>,
    /// RFC 3339 UTC of the reply.
    pub replied_at: Option<String>,
}

/// One guideline's score as given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScoreInput {
    /// The guideline's id.
    pub guideline_id: i64,
    /// 1–5.
    pub score: i64,
}

/// `POST /api/v1/answer-reviews`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewInput {
    /// The answer to review.
    pub answer: AnswerRef,
    /// Overall, 1–5.
    pub overall: i64,
    /// Scores for any of the guidelines (each at most once).
    #[serde(default)]
    pub scores: Vec<ScoreInput>,
    /// The coaching comment (required).
    pub comment: String,
}

/// `POST /api/v1/answer-reviews/{id}/reply`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewReplyInput {
    /// The employee's answer to the coaching.
    pub body: String,
}

/// `GET /api/v1/answer-reviews` query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ReviewQuery {
    /// Only reviews of this employee (admins; others always get their own).
    #[serde(default)]
    pub employee: Option<i64>,
}

/// `GET /api/v1/answer-reviews`: newest first, at most 200.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewList {
    /// The reviews.
    pub items: Vec<AnswerReview>,
}

/// Answer quality of one employee or department over a range.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QualityFigures {
    /// Member id (per employee) or none (per department).
    pub id: Option<i64>,
    /// The employee's or department's name.
    pub name: String,
    /// Department slug, if any.
    pub department: Option<String>,
    /// Answers reviewed (by the answer's date).
    pub reviewed: i64,
    /// Average overall score, 1–5; none with nothing reviewed.
    pub average: Option<f64>,
    /// The guideline with the lowest average score (its number).
    pub weakest_guideline: Option<i64>,
    /// That guideline's average score.
    pub weakest_average: Option<f64>,
}

/// What the review form shows: the answer, the guidelines to score it
/// against, and the review if there is one already.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewDraft {
    /// The answer to review.
    pub answer: AnswerToReview,
    /// The company's guidelines in order.
    pub guidelines: Vec<crate::Guideline>,
    /// The id of this answer's review, if it was reviewed already.
    pub reviewed: Option<i64>,
    /// Whether the reader wrote the answer (nobody reviews their own).
    pub own: bool,
}
