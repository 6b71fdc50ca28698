//! Timer units (systemd.timer(5)): their runtime, the pure computation of the next elapse,
//! and the transition table (timer/table.rs).

use jiff::tz::TimeZone;
use linger_time::Usec;
use linger_unit::model::TimerConfig;

use crate::host::Timestamp;
use linger_wire::ActiveState;

mod table;
pub use table::{TimerAction, TimerEvent, step};

/// A timer's sub-state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimerState {
    /// Stopped.
    #[default]
    Dead,
    /// Armed, waiting for the next elapse.
    Waiting,
    /// Elapsed; the unit it activates is running.
    Running,
    /// Elapsed and no trigger is left (`RemainAfterElapse=yes`).
    Elapsed,
    /// Failed.
    Failed,
}

impl TimerState {
    /// `SubState=` string.
    pub fn as_str(self) -> &'static str {
        match self {
            TimerState::Dead => "dead",
            TimerState::Waiting => "waiting",
            TimerState::Running => "running",
            TimerState::Elapsed => "elapsed",
            TimerState::Failed => "failed",
        }
    }

    /// The generic state.
    pub fn active_state(self) -> ActiveState {
        match self {
            TimerState::Dead => ActiveState::Inactive,
            TimerState::Failed => ActiveState::Failed,
            TimerState::Waiting | TimerState::Running | TimerState::Elapsed => ActiveState::Active,
        }
    }
}

/// Which clock-independent base a monotonic trigger counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonotonicBase {
    /// `OnActiveSec=`
    Active,
    /// `OnBootSec=`
    Boot,
    /// `OnStartupSec=`
    Startup,
    /// `OnUnitActiveSec=`
    UnitActive,
    /// `OnUnitInactiveSec=`
    UnitInactive,
}

impl MonotonicBase {
    /// One-shot triggers: once passed, they do not come back until the timer is restarted.
    fn one_shot(self) -> bool {
        matches!(
            self,
            MonotonicBase::Active | MonotonicBase::Boot | MonotonicBase::Startup
        )
    }
}

/// A timer's runtime.
#[derive(Debug, Clone, Default)]
pub struct TimerRuntime {
    /// Sub-state.
    pub state: TimerState,
    /// `Result=` (`success`, `resources`).
    pub result: &'static str,
    /// `LastTriggerUSec=` (zero: never).
    pub last_trigger: Timestamp,
    /// `NextElapseUSecMonotonic=`: the next monotonic elapse, if any monotonic trigger is armed.
    pub next_monotonic: Option<Usec>,
    /// `NextElapseUSecRealtime=`: the next calendar elapse, if any.
    pub next_realtime: Option<Usec>,
    /// One-shot monotonic triggers that fired, by base and value (not by position, so a
    /// `daemon-reload` that changes the trigger list keeps what still applies).
    pub(crate) disabled: Vec<(MonotonicBase, Usec)>,
    /// Stale-firing guard for the armed timer.
    pub(crate) generation: u64,
}

impl TimerRuntime {
    /// `NextElapseUSecMonotonic=` as systemd reports it (D-Bus and `systemctl show`, one
    /// source for both): see [`TimerRuntime::next_elapse`].
    pub fn next_elapse_monotonic(&self) -> Usec {
        self.next_elapse(self.next_monotonic)
    }

    /// `NextElapseUSecRealtime=` as systemd reports it: see [`TimerRuntime::next_elapse`].
    pub fn next_elapse_realtime(&self) -> Usec {
        self.next_elapse(self.next_realtime)
    }

    /// The armed elapse; 0 for the clock a waiting (or running) timer has no trigger on;
    /// infinity when nothing is to come (never started, stopped, elapsed, failed) —
    /// systemd 252's answers (bench/dbus_timers.py compares them).
    fn next_elapse(&self, armed: Option<Usec>) -> Usec {
        match (armed, self.state) {
            (Some(t), _) if t != 0 => t,
            (_, TimerState::Waiting | TimerState::Running) => 0,
            _ => linger_time::USEC_INFINITY,
        }
    }
}

/// What the next-elapse computation reads besides the configuration.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ElapseInputs {
    /// Now.
    pub now: Timestamp,
    /// When the manager started (monotonic).
    pub startup: Usec,
    /// When the timer last left the inactive state (its activation).
    pub timer_activated: Timestamp,
    /// When the activated unit was last activated — left `inactive`, so a oneshot service
    /// that never reaches `active` counts from its start (monotonic; 0 never).
    pub unit_active: Usec,
    /// When the activated unit last became inactive (monotonic; 0 never).
    pub unit_inactive: Usec,
}

/// The flattened monotonic triggers of a configuration, in a stable order.
pub(crate) fn monotonic_triggers(cfg: &TimerConfig) -> Vec<(MonotonicBase, Usec)> {
    let mut v = Vec::new();
    let mut add = |b, list: &Vec<Usec>| v.extend(list.iter().map(|&u| (b, u)));
    add(MonotonicBase::Active, &cfg.on_active);
    add(MonotonicBase::Boot, &cfg.on_boot);
    add(MonotonicBase::Startup, &cfg.on_startup);
    add(MonotonicBase::UnitActive, &cfg.on_unit_active);
    add(MonotonicBase::UnitInactive, &cfg.on_unit_inactive);
    v
}

/// The next elapse on each clock; marks one-shot triggers that have passed as disabled.
/// Returns (monotonic, realtime); both None means nothing is left to wait for.
pub(crate) fn next_elapse(
    cfg: &TimerConfig,
    rt: &mut TimerRuntime,
    inp: &ElapseInputs,
    tz: &TimeZone,
) -> (Option<Usec>, Option<Usec>) {
    let mut mono: Option<Usec> = None;
    for (base, value) in monotonic_triggers(cfg) {
        if rt.disabled.contains(&(base, value)) {
            continue;
        }
        let last = rt.last_trigger.monotonic;
        let from = match base {
            MonotonicBase::Active => inp.timer_activated.monotonic,
            MonotonicBase::Boot => 0,
            MonotonicBase::Startup => inp.startup,
            // Relative to the unit's last activity, or to our own last trigger if later (so a
            // unit that never became active does not make the timer fire in a loop).
            MonotonicBase::UnitActive => inp.unit_active.max(last),
            MonotonicBase::UnitInactive => inp.unit_inactive.max(last),
        };
        if matches!(
            base,
            MonotonicBase::UnitActive | MonotonicBase::UnitInactive
        ) && from == 0
        {
            continue;
        }
        let at = from.saturating_add(value);
        if base.one_shot() && last > 0 && at <= last {
            // Fired (the last trigger came at or after it): it does not come back. A trigger
            // merely in the past but not yet fired (coalesced, or re-computed after a reload
            // or clock change before it elapsed) still fires.
            rt.disabled.push((base, value));
            continue;
        }
        mono = Some(mono.map_or(at, |m| m.min(at)));
    }
    let mut real: Option<Usec> = None;
    if !cfg.on_calendar.is_empty() {
        // Counted from the last trigger (persisted with Persistent=), else from when the timer
        // was started: a run missed while we were down comes due at once.
        let base = if rt.last_trigger.realtime > 0 {
            rt.last_trigger.realtime
        } else if inp.timer_activated.realtime > 0 {
            inp.timer_activated.realtime
        } else {
            inp.now.realtime
        };
        for spec in &cfg.on_calendar {
            if let Some(n) = spec.next_elapse_in(base, tz) {
                real = Some(real.map_or(n, |r| r.min(n)));
            }
        }
    }
    (mono, real)
}

/// The monotonic deadline to arm for a pair of elapses (calendar converted at the current
/// offset between the clocks), before coalescing.
pub(crate) fn earliest_deadline(
    mono: Option<Usec>,
    real: Option<Usec>,
    now: Timestamp,
) -> Option<Usec> {
    // A calendar elapse already in the past (a missed Persistent= run) keeps its place in the
    // past, so coalescing cannot push it up to AccuracySec= into the future.
    let from_real = real.map(|r| {
        if r >= now.realtime {
            now.monotonic.saturating_add(r - now.realtime)
        } else {
            now.monotonic.saturating_sub(now.realtime - r)
        }
    });
    match (mono, from_real) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Place a deadline inside `[earliest, earliest + accuracy]` on a point shared by every timer
/// of this user, so timers due around the same time wake the manager once: the latest point
/// of the window on a minute boundary shifted by `perturb`, else a 10 s, 1 s or 250 ms one.
pub fn coalesce(earliest: Usec, accuracy: Usec, perturb: Usec) -> Usec {
    if accuracy == 0 {
        return earliest;
    }
    let latest = earliest.saturating_add(accuracy);
    for step in [60_000_000u64, 10_000_000, 1_000_000, 250_000] {
        let shift = perturb % step;
        if latest < shift {
            continue;
        }
        let point = (latest - shift) / step * step + shift;
        if point >= earliest {
            return point;
        }
    }
    earliest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coalescing_stays_in_the_window_and_prefers_coarse_boundaries() {
        let min = 60_000_000;
        // A window containing a minute boundary lands on it (+ perturbation).
        assert_eq!(coalesce(59 * min + 1, min, 0), 60 * min);
        assert_eq!(coalesce(59 * min + 1, min, 7_000_000), 59 * min + 7_000_000);
        // A 1 s window with no minute or 10 s boundary lands on a whole second.
        assert_eq!(coalesce(3_500_000, 1_000_000, 0), 4_000_000);
        // No accuracy: exact.
        assert_eq!(coalesce(1234, 0, 99), 1234);
        for e in [0u64, 17, 999_999, 61_000_123, 3_600_000_001] {
            for acc in [1u64, 300_000, 1_000_000, 60_000_000] {
                let c = coalesce(e, acc, 13_333_333);
                assert!(c >= e && c <= e + acc, "{e} {acc} → {c}");
            }
        }
    }

    #[test]
    fn next_elapse_is_0_for_the_other_clock_while_waiting_and_infinity_once_done() {
        let inf = linger_time::USEC_INFINITY;
        let t = |state, mono, real| TimerRuntime {
            state,
            next_monotonic: mono,
            next_realtime: real,
            ..Default::default()
        };
        let waiting = t(TimerState::Waiting, Some(3_600_000_000), None);
        assert_eq!(waiting.next_elapse_monotonic(), 3_600_000_000);
        assert_eq!(waiting.next_elapse_realtime(), 0);
        let running = t(TimerState::Running, None, Some(1_796_702_400_000_000));
        assert_eq!(running.next_elapse_monotonic(), 0);
        assert_eq!(running.next_elapse_realtime(), 1_796_702_400_000_000);
        for state in [TimerState::Dead, TimerState::Elapsed, TimerState::Failed] {
            let done = t(state, None, None);
            assert_eq!(
                (done.next_elapse_monotonic(), done.next_elapse_realtime()),
                (inf, inf)
            );
        }
    }
}
