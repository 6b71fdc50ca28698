//! Socket units (systemd.socket(5)): the runtime the engine keeps. The listening file
//! descriptors themselves belong to the manager (the engine does no I/O); the engine decides
//! when they are opened, watched, handed to a service and closed.

use std::collections::{BTreeSet, VecDeque};

use linger_time::Usec;

use linger_wire::ActiveState;

/// A socket's sub-state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SocketState {
    /// Closed.
    #[default]
    Dead,
    /// Open, waiting for traffic.
    Listening,
    /// Open; the service it activates is running and owns the traffic.
    Running,
    /// Closed after a failure.
    Failed,
}

impl SocketState {
    /// `SubState=` string.
    pub fn as_str(self) -> &'static str {
        match self {
            SocketState::Dead => "dead",
            SocketState::Listening => "listening",
            SocketState::Running => "running",
            SocketState::Failed => "failed",
        }
    }

    /// The generic state.
    pub fn active_state(self) -> ActiveState {
        match self {
            SocketState::Dead => ActiveState::Inactive,
            SocketState::Failed => ActiveState::Failed,
            SocketState::Listening | SocketState::Running => ActiveState::Active,
        }
    }
}

/// A socket's runtime.
#[derive(Debug, Clone, Default)]
pub struct SocketRuntime {
    /// Sub-state.
    pub state: SocketState,
    /// `Result=`: `success`, `resources`, `trigger-limit-hit`, `service-start-limit-hit`.
    pub result: &'static str,
    /// `NAccepted=`: connections accepted (Accept=yes).
    pub accepted: u64,
    /// `NRefused=`: connections refused (MaxConnections= reached).
    pub refused: u64,
    /// The live per-connection service instances (Accept=yes); `NConnections=` is its size.
    pub connections: BTreeSet<String>,
    /// Recent activations (monotonic µs), for `TriggerLimitIntervalSec=`/`TriggerLimitBurst=`.
    pub(crate) triggers: VecDeque<Usec>,
}

impl SocketRuntime {
    /// Record an activation at `now`; false when it exceeds `burst` within `interval`.
    pub(crate) fn note_trigger(&mut self, now: Usec, interval: Usec, burst: u32) -> bool {
        if interval == 0 || burst == 0 {
            return true;
        }
        while self
            .triggers
            .front()
            .is_some_and(|&t| now.saturating_sub(t) >= interval)
        {
            self.triggers.pop_front();
        }
        if self.triggers.len() >= burst as usize {
            return false;
        }
        self.triggers.push_back(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trigger_limit_counts_within_the_interval_only() {
        let mut s = SocketRuntime::default();
        for i in 0..20 {
            assert!(s.note_trigger(i * 1000, 2_000_000, 20));
        }
        assert!(!s.note_trigger(30_000, 2_000_000, 20));
        // Two seconds after the first ones they have aged out.
        assert!(s.note_trigger(2_000_000 + 20_000, 2_000_000, 20));
    }
}
