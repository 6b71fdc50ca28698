//! Reading a unit's accounting for `status`/`show`: `MemoryCurrent`, `TasksCurrent`,
//! `CPUUsageNSec`, and OOM kills (reported as the `oom-kill` result).

/// Counters from v2 `memory.events` (`low`, `high`, `max`, `oom`, `oom_kill`, `oom_group_kill`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MemoryEvents {
    /// Times usage went over `memory.low` while protected memory was reclaimed.
    pub low: u64,
    /// Times usage went over `memory.high` (throttled).
    pub high: u64,
    /// Times usage was about to go over `memory.max`.
    pub max: u64,
    /// Times the OOM killer was invoked for this cgroup.
    pub oom: u64,
    /// Processes killed by the OOM killer.
    pub oom_kill: u64,
    /// Times the whole cgroup was OOM-killed (`memory.oom.group`).
    pub oom_group_kill: u64,
}

impl MemoryEvents {
    /// Parses `memory.events`; unknown keys (newer kernels) are skipped, missing ones are 0.
    #[must_use]
    pub fn parse(text: &str) -> Self {
        let mut e = Self::default();
        for (k, v) in key_values(text) {
            match k {
                "low" => e.low = v,
                "high" => e.high = v,
                "max" => e.max = v,
                "oom" => e.oom = v,
                "oom_kill" => e.oom_kill = v,
                "oom_group_kill" => e.oom_group_kill = v,
                _ => {}
            }
        }
        e
    }
}

/// `key value` lines (`cpu.stat`, `memory.events`, `memory.oom_control`).
pub(crate) fn key_values(text: &str) -> impl Iterator<Item = (&str, u64)> {
    text.lines().filter_map(|l| {
        let mut it = l.split_whitespace();
        let k = it.next()?;
        let v = it.next()?.parse().ok()?;
        Some((k, v))
    })
}

/// The value of `key` in a `key value` file.
#[must_use]
pub fn stat_value(text: &str, key: &str) -> Option<u64> {
    key_values(text).find(|(k, _)| *k == key).map(|(_, v)| v)
}

/// A unit's accounting. A field is `None` when the controller or file is not available.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UnitStats {
    /// `MemoryCurrent=`: bytes (v2 `memory.current`, v1 `memory.usage_in_bytes`).
    pub memory_current: Option<u64>,
    /// `TasksCurrent=`: tasks (`pids.current`, else the number of processes).
    pub tasks_current: Option<u64>,
    /// `CPUUsageNSec=`: nanoseconds (v2 `cpu.stat` `usage_usec` × 1000, v1 `cpuacct.usage`).
    pub cpu_usage_nsec: Option<u64>,
    /// OOM kills in the unit (v2 `memory.events` `oom_kill`, v1 `memory.oom_control` `oom_kill`).
    pub oom_kills: Option<u64>,
    /// All of v2 `memory.events`, when available.
    pub memory_events: Option<MemoryEvents>,
}
