//! Answer quality reviews: the queue, the review form, reviews and the
//! employee's reply.

use leptos::prelude::*;
use shared::ApiError;
use shared::answer_review::{AnswerReview, ReviewDraft, ReviewList, ReviewQueue};

#[cfg(feature = "ssr")]
use super::{caller, ctx, problem};

/// The answers to review this week (admins).
#[server(prefix = "/rpc")]
pub async fn answers_to_review() -> Result<ReviewQueue, ApiError> {
    domain::answer_review::queue(&ctx()?, &caller().actor)
        .await
        .map_err(problem)
}

/// Reviews: all of them for admins (or one employee's), one's own for staff.
#[server(prefix = "/rpc")]
pub async fn list_answer_reviews(
    #[server(default)] employee: Option<i64>,
) -> Result<ReviewList, ApiError> {
    let query = shared::answer_review::ReviewQuery { employee };
    domain::answer_review::list(&ctx()?, &caller().actor, &query)
        .await
        .map_err(problem)
}

/// One review.
#[server(prefix = "/rpc")]
pub async fn get_answer_review(id: i64) -> Result<AnswerReview, ApiError> {
    domain::answer_review::get(&ctx()?, &caller().actor, id)
        .await
        .map_err(problem)
}

/// The answer and the guidelines, for the review form (admins).
#[server(prefix = "/rpc")]
pub async fn answer_review_form(kind: String, id: i64) -> Result<ReviewDraft, ApiError> {
    let kind = kind.parse().map_err(|_| {
        problem(domain::Error::NotFound(domain::msg!(
            "answer_review.no_answer"
        )))
    })?;
    let answer = shared::answer_review::AnswerRef { kind, id };
    domain::answer_review::draft(&ctx()?, &caller().actor, answer)
        .await
        .map_err(problem)
}

/// Saves a review from the form: each `scores[]` entry is
/// `guideline_id:score`, or empty for a guideline left unscored.
#[server(prefix = "/rpc")]
pub async fn create_answer_review(
    kind: String,
    id: i64,
    overall: String,
    comment: String,
    #[server(default)] scores: Option<Vec<String>>,
) -> Result<AnswerReview, ApiError> {
    let kind = kind.parse().map_err(|_| {
        problem(domain::Error::NotFound(domain::msg!(
            "answer_review.no_answer"
        )))
    })?;
    let scores = scores
        .unwrap_or_default()
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| {
            let (guideline, score) = s.split_once(':').unwrap_or((s, ""));
            shared::answer_review::ScoreInput {
                guideline_id: guideline.parse().unwrap_or(0),
                score: score.parse().unwrap_or(0),
            }
        })
        .collect();
    let input = shared::answer_review::ReviewInput {
        answer: shared::answer_review::AnswerRef { kind, id },
        overall: overall.parse().unwrap_or(0),
        scores,
        comment,
    };
    domain::answer_review::create(&ctx()?, &caller().actor, input)
        .await
        .map_err(problem)
}

/// The reviewed employee's reply.
#[server(prefix = "/rpc")]
pub async fn reply_to_answer_review(id: i64, body: String) -> Result<AnswerReview, ApiError> {
    let input = shared::answer_review::ReviewReplyInput { body };
    domain::answer_review::reply(&ctx()?, &caller().actor, id, input)
        .await
        .map_err(problem)
}
