//! The benchmarks' one way to read a figure off their samples.

use std::time::Duration;

/// The sample at quantile `q` (0.5 for the median) of `sorted` samples,
/// nearest rank; zero when there are none.
#[must_use]
pub fn percentile(sorted: &[Duration], q: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "bench figures: small, non-negative values"
    )]
    let index = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[index]
}
