//! Answer quality over a range, for the dashboard and the scorecard: per
//! staff member and per department, answers reviewed (by the answer's
//! date), the average overall score and the weakest guideline.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use shared::answer_review::QualityFigures;

use crate::entity::{answer_review, answer_review_score, department, guideline, user};
use crate::{Ctx, Result};

/// Scores gathered for one employee or department.
#[derive(Default)]
struct Tally {
    overall: Vec<i32>,
    /// Per guideline id, its scores.
    per_guideline: BTreeMap<i32, Vec<i32>>,
}

#[expect(
    clippy::cast_precision_loss,
    reason = "review counts are far below 2^52, where f64 is exact"
)]
fn average(scores: &[i32]) -> Option<f64> {
    (!scores.is_empty()).then(|| f64::from(scores.iter().sum::<i32>()) / scores.len() as f64)
}

impl Tally {
    fn add(&mut self, review: &answer_review::Model, scores: &[(i32, i32)]) {
        self.overall.push(review.overall);
        for (guideline_id, score) in scores {
            self.per_guideline
                .entry(*guideline_id)
                .or_default()
                .push(*score);
        }
    }

    fn figures(
        &self,
        id: Option<i64>,
        name: String,
        department: Option<String>,
        positions: &HashMap<i32, i32>,
    ) -> QualityFigures {
        let weakest = self
            .per_guideline
            .iter()
            .filter_map(|(g, scores)| Some((*positions.get(g)?, average(scores)?)))
            .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        QualityFigures {
            id,
            name,
            department,
            reviewed: i64::try_from(self.overall.len()).unwrap_or(i64::MAX),
            average: average(&self.overall),
            weakest_guideline: weakest.map(|(position, _)| i64::from(position)),
            weakest_average: weakest.map(|(_, avg)| avg),
        }
    }
}

fn by_average(rows: &mut [QualityFigures]) {
    rows.sort_by(|a, b| {
        let key = |q: &QualityFigures| q.average.unwrap_or(f64::INFINITY);
        key(a).total_cmp(&key(b)).then(a.name.cmp(&b.name))
    });
}

/// Quality per staff member and per department for answers given in
/// `[start, end)`, weakest average first; only those with reviews.
pub(crate) async fn quality(
    ctx: &Ctx,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Result<(Vec<QualityFigures>, Vec<QualityFigures>)> {
    let reviews = answer_review::Entity::find()
        .filter(answer_review::Column::AnsweredAt.gte(start))
        .filter(answer_review::Column::AnsweredAt.lt(end))
        .all(&ctx.db)
        .await?;
    if reviews.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let mut scores: HashMap<i32, Vec<(i32, i32)>> = HashMap::new();
    for s in answer_review_score::Entity::find()
        .filter(answer_review_score::Column::ReviewId.is_in(reviews.iter().map(|r| r.id)))
        .all(&ctx.db)
        .await?
    {
        scores
            .entry(s.review_id)
            .or_default()
            .push((s.guideline_id, s.score));
    }
    let positions: HashMap<i32, i32> = guideline::Entity::find()
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|g| (g.id, g.position))
        .collect();
    let people: HashMap<i32, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(reviews.iter().map(|r| r.employee_id)))
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let departments: HashMap<i32, department::Model> = department::Entity::find()
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let mut per_employee: BTreeMap<i32, Tally> = BTreeMap::new();
    let mut per_department: BTreeMap<i32, Tally> = BTreeMap::new();
    for review in &reviews {
        let given = scores.get(&review.id).map_or(&[][..], Vec::as_slice);
        per_employee
            .entry(review.employee_id)
            .or_default()
            .add(review, given);
        if let Some(d) = people
            .get(&review.employee_id)
            .and_then(|u| u.department_id)
        {
            per_department.entry(d).or_default().add(review, given);
        }
    }
    let slug = |id: Option<i32>| id.and_then(|d| departments.get(&d)).map(|d| d.slug.clone());
    let mut employees: Vec<QualityFigures> = per_employee
        .iter()
        .map(|(id, tally)| {
            let person = people.get(id);
            tally.figures(
                Some(i64::from(*id)),
                person.map(|p| p.display_name.clone()).unwrap_or_default(),
                slug(person.and_then(|p| p.department_id)),
                &positions,
            )
        })
        .collect();
    let mut by_department: Vec<QualityFigures> = per_department
        .iter()
        .filter_map(|(id, tally)| {
            let d = departments.get(id)?;
            Some(tally.figures(None, d.local_name(), Some(d.slug.clone()), &positions))
        })
        .collect();
    by_average(&mut employees);
    by_average(&mut by_department);
    Ok((employees, by_department))
}
