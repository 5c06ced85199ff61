//! Periodic work every instance does besides answering requests: turning
//! notifications into mail (instant and daily digests) and noticing
//! promises that passed their date. Each step claims its rows with
//! conditional updates, so several instances never do the same work twice.

use std::time::Duration;

use tokio::task::JoinHandle;

/// How often the chores run.
const EVERY: Duration = Duration::from_millis(500);
/// Promises turn overdue by the day: looking every few seconds is plenty.
const OVERDUE_EVERY_NTH: u64 = 6;

/// Starts the chores; they run until the task is aborted.
#[must_use]
pub fn spawn(ctx: domain::Ctx) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut round: u64 = 0;
        loop {
            if let Err(e) = domain::notification_mail::send_due(&ctx).await {
                tracing::error!(error = %e, "mailing notifications");
            }
            if round.is_multiple_of(OVERDUE_EVERY_NTH)
                && let Err(e) = domain::commitment::notice_overdue(&ctx).await
            {
                tracing::error!(error = %e, "noticing overdue promises");
            }
            round += 1;
            tokio::time::sleep(EVERY).await;
        }
    })
}
