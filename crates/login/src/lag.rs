//! A watch on the loop itself: a tick every [`TICK`]; one that comes more than [`LATE`] late
//! is logged with how much of the delay the loop's thread spent waiting for a CPU (its
//! run-queue wait in `/proc/thread-self/schedstat`) — the rest it was blocked in the kernel,
//! which the loop must never be (every cgroupfs and mount call runs on a worker). What tells a
//! stall under load from a bug.

use std::time::{Duration, Instant};

use crate::log;

/// How often the loop is checked.
pub const TICK: Duration = Duration::from_millis(25);
/// How late a tick may be before it is logged.
pub const LATE: Duration = Duration::from_millis(50);

/// The calling thread's run-queue wait so far (`None` without schedstats).
fn runqueue_wait() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().nth(1)?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Watch the loop for ever (a task on the loop's thread; dropped at exit).
pub async fn watch() {
    loop {
        let (start, waited) = (Instant::now(), runqueue_wait());
        tokio::time::sleep(TICK).await;
        let late = start.elapsed().saturating_sub(TICK);
        if late > LATE {
            let cpu = match (waited, runqueue_wait()) {
                (Some(a), Some(b)) => format!("{} ms", b.saturating_sub(a).as_millis()),
                _ => "unknown".into(),
            };
            log::warn(format!(
                "the event loop ran {} ms late (waiting for a CPU: {cpu})",
                late.as_millis()
            ));
        }
    }
}
