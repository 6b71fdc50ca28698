//! Per-unit rate limiting (`RateLimitIntervalSec=`, `RateLimitBurst=`), as journald does it:
//! the writer's per unit, and the login daemon's per uid for the system journal.

use std::collections::HashMap;

/// Units tracked at once; beyond this, expired windows are forgotten first.
const MAX_TRACKED: usize = 4096;

/// What to do with a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Store it.
    Pass,
    /// Store it, after a notice that `n` lines of the unit were suppressed in the last window.
    PassAfterSuppressed(u64),
    /// Drop it (counted).
    Drop,
}

#[derive(Debug)]
struct Window {
    begin: u64,
    count: u64,
    suppressed: u64,
}

/// Per-unit windows of `interval` µs allowing `burst` lines each.
#[derive(Debug)]
pub struct RateLimiter {
    interval: u64,
    burst: u64,
    windows: HashMap<Box<str>, Window>,
}

impl RateLimiter {
    /// Windows of `interval_usec` allowing `burst` lines each (either 0: no limit).
    pub fn new(interval_usec: u64, burst: u32) -> Self {
        RateLimiter {
            interval: interval_usec,
            burst: u64::from(burst),
            windows: HashMap::new(),
        }
    }

    fn enabled(&self) -> bool {
        self.interval > 0 && self.burst > 0
    }

    /// Accounts one line of `unit` at monotonic time `now`.
    pub fn check(&mut self, unit: &str, now: u64) -> Verdict {
        if !self.enabled() {
            return Verdict::Pass;
        }
        if !self.windows.contains_key(unit) {
            if self.windows.len() >= MAX_TRACKED {
                let interval = self.interval;
                self.windows
                    .retain(|_, w| now.saturating_sub(w.begin) < interval && w.suppressed > 0);
            }
            self.windows.insert(
                unit.into(),
                Window {
                    begin: now,
                    count: 0,
                    suppressed: 0,
                },
            );
        }
        let Some(w) = self.windows.get_mut(unit) else {
            return Verdict::Pass;
        };
        let mut verdict = Verdict::Pass;
        if now.saturating_sub(w.begin) >= self.interval {
            if w.suppressed > 0 {
                verdict = Verdict::PassAfterSuppressed(w.suppressed);
            }
            *w = Window {
                begin: now,
                count: 0,
                suppressed: 0,
            };
        }
        if w.count >= self.burst {
            w.suppressed += 1;
            return Verdict::Drop;
        }
        w.count += 1;
        verdict
    }
}

impl RateLimiter {
    /// Accounts `n` lines of `unit` arriving together at `now`, as `n` calls of
    /// [`RateLimiter::check`] would: returns the first line's verdict and how many of the
    /// lines pass (always the first ones).
    pub(crate) fn check_n(&mut self, unit: &str, now: u64, n: u64) -> (Verdict, u64) {
        if n == 0 {
            return (Verdict::Pass, 0);
        }
        let first = self.check(unit, now);
        if !self.enabled() {
            return (first, n);
        }
        let mut passed = u64::from(first != Verdict::Drop);
        if let Some(w) = self.windows.get_mut(unit) {
            let rest = n - 1;
            let take = rest.min(self.burst.saturating_sub(w.count));
            w.count += take;
            w.suppressed += rest - take;
            passed += take;
        }
        (first, passed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn burst_then_report() {
        let mut r = RateLimiter::new(1000, 3);
        let v: Vec<Verdict> = (0..5).map(|i| r.check("a", i)).collect();
        assert_eq!(
            v,
            [
                Verdict::Pass,
                Verdict::Pass,
                Verdict::Pass,
                Verdict::Drop,
                Verdict::Drop
            ]
        );
        assert_eq!(r.check("b", 10), Verdict::Pass, "units are independent");
        assert_eq!(r.check("a", 1000), Verdict::PassAfterSuppressed(2));
        assert_eq!(r.check("a", 1001), Verdict::Pass);
        // n lines at once behave as n single checks.
        for n in [0u64, 1, 2, 5, 9] {
            let (mut one, mut many) = (RateLimiter::new(1000, 4), RateLimiter::new(1000, 4));
            let singles: Vec<Verdict> = (0..n).map(|_| one.check("a", 7)).collect();
            let (first, passed) = many.check_n("a", 7, n);
            assert_eq!(
                passed,
                singles.iter().filter(|v| **v != Verdict::Drop).count() as u64
            );
            if let Some(v) = singles.first() {
                assert_eq!(first, *v);
            }
            assert_eq!(one.check("a", 1007), many.check("a", 1007), "n = {n}");
        }
        let mut off = RateLimiter::new(0, 3);
        assert!((0..10).all(|i| off.check("a", i) == Verdict::Pass));
    }
}
