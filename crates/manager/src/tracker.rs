//! Which processes belong to which unit, without cgroups (the `none` driver).
//!
//! Every service process starts in a session of its own and carries `$INVOCATION_ID` in its
//! environment. A process belongs to a unit when its session id is the unit's, or when its
//! environment carries the unit's invocation id — which survives `setsid`, `nohup` and
//! double-forks (only a program that scrubs its own environment escapes; the cgroup driver
//! closes that gap). Because the manager is a child subreaper, every such process is our
//! descendant and its exit reaches us as SIGCHLD, so emptiness is re-checked on real events.
//!
//! One /proc scan answers for all units and is cached until the next reap or spawn.

use std::cell::RefCell;
use std::collections::HashMap;

/// Per-unit identity markers.
#[derive(Debug, Clone, Default)]
struct Marks {
    invocation_id: String,
    sessions: Vec<u32>,
}

/// The process tracker.
#[derive(Debug, Default)]
pub struct ProcTracker {
    units: HashMap<String, Marks>,
    cache: RefCell<Option<HashMap<String, Vec<u32>>>>,
    own_pid: u32,
}

impl ProcTracker {
    /// A tracker for a manager with pid `own_pid` (never counted as a unit's process).
    pub fn new(own_pid: u32) -> Self {
        ProcTracker {
            own_pid,
            ..ProcTracker::default()
        }
    }

    /// A process of `unit` was started: remember its session and the run's invocation id.
    pub fn started(&mut self, unit: &str, invocation_id: &str, pid: u32) {
        let m = self.units.entry(unit.to_string()).or_default();
        if m.invocation_id != invocation_id {
            m.invocation_id = invocation_id.to_string();
            m.sessions.clear();
        }
        if !m.sessions.contains(&pid) {
            m.sessions.push(pid);
        }
        self.invalidate();
    }

    /// A process was reaped: its pid no longer names a session of ours (pids are reused; the
    /// processes it left behind are still found by their `$INVOCATION_ID`).
    pub fn reaped(&mut self, pid: u32) {
        for m in self.units.values_mut() {
            m.sessions.retain(|s| *s != pid);
        }
    }

    /// The unit is done; forget it.
    pub fn release(&mut self, unit: &str) {
        // Other units' membership does not change: keep the cached scan.
        self.units.remove(unit);
    }

    /// Something changed (a reap): the next question rescans.
    pub fn invalidate(&self) {
        self.cache.borrow_mut().take();
    }

    /// The live (non-zombie) processes of a unit.
    pub fn pids(&self, unit: &str) -> Vec<u32> {
        if !self.units.contains_key(unit) {
            return Vec::new();
        }
        if self.cache.borrow().is_none() {
            let scan = self.scan();
            *self.cache.borrow_mut() = Some(scan);
        }
        self.cache
            .borrow()
            .as_ref()
            .and_then(|c| c.get(unit).cloned())
            .unwrap_or_default()
    }

    /// Whether `pid` is one of `unit`'s live processes now (read afresh, not from the cache:
    /// this is what a signal to a process known only by its pid is checked against).
    pub fn is_member(&self, unit: &str, pid: u32) -> bool {
        let Some(m) = self.units.get(unit) else {
            return false;
        };
        if pid == self.own_pid {
            return false;
        }
        let Some((state, sid)) = stat_state_and_session(pid) else {
            return false;
        };
        if state == 'Z' || state == 'X' {
            return false;
        }
        m.sessions.contains(&sid)
            || (!m.invocation_id.is_empty()
                && invocation_of(pid).is_some_and(|id| id == m.invocation_id))
    }

    /// The unit a pid belongs to, if any.
    pub fn unit_of(&self, pid: u32) -> Option<String> {
        let units: Vec<String> = self.units.keys().cloned().collect();
        units.into_iter().find(|u| self.pids(u).contains(&pid))
    }

    fn scan(&self) -> HashMap<String, Vec<u32>> {
        let mut by_session: HashMap<u32, &str> = HashMap::new();
        let mut by_invocation: HashMap<&str, &str> = HashMap::new();
        for (unit, m) in &self.units {
            for s in &m.sessions {
                by_session.insert(*s, unit);
            }
            if !m.invocation_id.is_empty() {
                by_invocation.insert(m.invocation_id.as_str(), unit);
            }
        }
        let mut out: HashMap<String, Vec<u32>> = HashMap::new();
        let Ok(dir) = std::fs::read_dir("/proc") else {
            return out;
        };
        for entry in dir.flatten() {
            let Some(pid) = entry
                .file_name()
                .to_str()
                .and_then(|s| s.parse::<u32>().ok())
            else {
                continue;
            };
            if pid == self.own_pid {
                continue;
            }
            let Some((state, sid)) = stat_state_and_session(pid) else {
                continue;
            };
            if state == 'Z' || state == 'X' {
                continue;
            }
            let unit = by_session.get(&sid).copied().or_else(|| {
                invocation_of(pid).and_then(|id| by_invocation.get(id.as_str()).copied())
            });
            if let Some(u) = unit {
                out.entry(u.to_string()).or_default().push(pid);
            }
        }
        for v in out.values_mut() {
            v.sort_unstable();
        }
        out
    }
}

/// (state char, session id) from /proc/PID/stat.
fn stat_state_and_session(pid: u32) -> Option<(char, u32)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The comm field may contain spaces and parentheses: split after the last ')'.
    let rest = stat.rsplit_once(')')?.1;
    let mut f = rest.split_whitespace();
    let state = f.next()?.chars().next()?;
    let _ppid = f.next()?;
    let _pgrp = f.next()?;
    let session = f.next()?.parse().ok()?;
    Some((state, session))
}

/// `$INVOCATION_ID` of a process we may read (our own user's).
fn invocation_of(pid: u32) -> Option<String> {
    let env = std::fs::read(format!("/proc/{pid}/environ")).ok()?;
    env.split(|&b| b == 0)
        .find_map(|kv| kv.strip_prefix(b"INVOCATION_ID="))
        .map(|v| String::from_utf8_lossy(v).into_owned())
}

/// The command line of a process, for status's process list.
pub fn cmdline(pid: u32) -> String {
    let raw = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    let parts: Vec<String> = raw
        .split(|&b| b == 0)
        .filter(|s| !s.is_empty())
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .collect();
    if parts.is_empty() {
        std::fs::read_to_string(format!("/proc/{pid}/comm"))
            .map(|s| format!("[{}]", s.trim()))
            .unwrap_or_default()
    } else {
        parts.join(" ")
    }
}
