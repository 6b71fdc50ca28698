//! Which processes belong to which unit, without cgroups (the `none` driver).
//!
//! Every service process starts in a session of its own and carries `$INVOCATION_ID` in its
//! environment. A process belongs to a unit when its session id is the unit's, or when its
//! environment carries the unit's invocation id — which survives `setsid`, `nohup` and
//! double-forks (only a program that scrubs its own environment escapes; the cgroup driver
//! closes that gap). Because the manager is a child subreaper, every such process is our
//! descendant and its exit reaches us as SIGCHLD, so emptiness is re-checked on real events.
//!
//! One scan answers for all units and is cached until the next reap or spawn. While every
//! tracked unit was started by this manager, the scan walks only our descendants
//! (/proc/PID/task/TID/children): their processes are all below us — what the manager's own
//! processes and the rest of the machine run is never read.
//!
//! An adopted unit (re-exec, crash recovery) may have processes elsewhere: after a crash they
//! are no longer our descendants. The first scan that has one to answer for reads every
//! process in /proc, and remembers each adopted unit's processes (pid and start time: a pid
//! reused by another program is not taken for them) and the processes their top ones are now
//! children of — their *reapers*, where the predecessor's orphans went. Later scans walk from
//! those: the remembered processes still alive, their descendants (found ones are remembered
//! too), and the reapers' children, which are where an orphaned process of the unit goes — a
//! process that forks and exits between two scans leaves its child to the nearest child
//! subreaper above it, which is a process of the unit (walked) or the reaper (read after the
//! walk, so an orphan made while it ran is there by then). What escapes both: a process that
//! was never seen, whose parent was, and that went to a reaper that is gone (its orphans then
//! went further up) — so a reaper that cannot be read any more (or is another process now)
//! makes the next scan read all of /proc again and start afresh. So a stop of hundreds of
//! adopted units reads their own processes and a few others per turn, not the machine's.
//! (The scan by all of /proc cost the stop of 500 adopted units 6 s on a machine running
//! 10,000 other processes.)
//!
//! Without CONFIG_PROC_CHILDREN every scan reads all of /proc. Either way each process's
//! `stat` is read once (one read into a stack buffer), and `environ` — the costly file: the
//! kernel walks the other process's memory — only of processes outside every unit's sessions
//! that started no earlier than the oldest tracked invocation: a process inherits
//! `$INVOCATION_ID` from the invocation's first process, so it cannot have started before it.
//! (bench/usermgr.py's restart after SIGKILL: ~2,100 syscalls per scan before, on a machine of
//! 200 processes.)

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::io::Read;

/// Per-unit identity markers.
#[derive(Debug, Clone, Default)]
struct Marks {
    invocation_id: String,
    sessions: Vec<u32>,
    /// No later than the start time (clock ticks since boot, /proc/PID/stat's field 22) of
    /// the invocation's first process — the clock read just before its spawn: its
    /// descendants started no earlier. 0 = unknown (adopted processes may have older
    /// relatives), so every process is looked at.
    since: u64,
    /// Started by this manager (not adopted): every process of it is our descendant.
    ours: bool,
}

/// What the tracker remembers of adopted units' processes between scans (see the header).
#[derive(Debug, Default)]
struct Adopted {
    /// Per adopted unit: its processes as last found, pid and start time.
    known: HashMap<String, Vec<(u32, u64)>>,
    /// Where their orphans go: the parents of the units' top processes (other than us), with
    /// start times.
    reapers: Vec<(u32, u64)>,
}

/// The process tracker.
#[derive(Debug, Default)]
pub struct ProcTracker {
    units: HashMap<String, Marks>,
    cache: RefCell<Option<HashMap<String, Vec<u32>>>>,
    /// The cached scan was made in an earlier turn of the event loop: good for a look, not
    /// for a kill (the units' processes may have forked since; see [`ProcTracker::pids_now`]).
    cache_old: std::cell::Cell<bool>,
    adopted: RefCell<Adopted>,
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

    /// A process of `unit` was started (by us, just now): remember its session and the run's
    /// invocation id. `since` is [`ProcTracker::ticks_now`] taken before the spawn: the
    /// kernel stamps the child's start time after it, so it is a lower bound of the child's
    /// (and its descendants') /proc start time that costs no read of the child's `stat`.
    pub fn started(&mut self, unit: &str, invocation_id: &str, pid: u32, since: u64) {
        self.add(unit, invocation_id, pid, Some(since), true);
    }

    /// A process of `unit` was adopted (re-exec, crash recovery): as `started`, but the
    /// invocation may have processes older than this one, and not our descendants. `since`:
    /// what the previous manager knew of the invocation's start ([`ProcTracker::since_of`],
    /// kept in its record), so the first scan reads no older process's environment.
    pub fn adopted(&mut self, unit: &str, invocation_id: &str, pid: u32, since: Option<u64>) {
        self.add(unit, invocation_id, pid, since, false);
    }

    /// No later than the start time of `unit`'s invocation's first process (clock ticks
    /// since boot), when known.
    pub fn since_of(&self, unit: &str) -> Option<u64> {
        self.units.get(unit).map(|m| m.since).filter(|t| *t > 0)
    }

    /// Now, in /proc/PID/stat's start-time unit (clock ticks of CLOCK_BOOTTIME, rounded down
    /// as the kernel rounds a start time).
    pub fn ticks_now() -> u64 {
        let t = rustix::time::clock_gettime(rustix::time::ClockId::Boottime);
        let ns = (t.tv_sec as u64)
            .saturating_mul(1_000_000_000)
            .saturating_add(t.tv_nsec as u64);
        let hz = rustix::param::clock_ticks_per_second().max(1);
        ns / (1_000_000_000 / hz).max(1)
    }

    /// `since`: the invocation's processes started no earlier than this (None: unknown);
    /// `ours`: we started its first process, so all of them are our descendants.
    fn add(&mut self, unit: &str, invocation_id: &str, pid: u32, since: Option<u64>, ours: bool) {
        let m = self.units.entry(unit.to_string()).or_default();
        if m.invocation_id != invocation_id {
            m.invocation_id = invocation_id.to_string();
            m.sessions.clear();
            m.since = since.unwrap_or(0);
            m.ours = ours;
        } else if !ours {
            m.since = m.since.min(since.unwrap_or(0));
            m.ours = false;
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
        self.adopted.get_mut().known.remove(unit);
    }

    /// Something changed (a reap): the next question rescans.
    pub fn invalidate(&self) {
        self.cache.borrow_mut().take();
    }

    /// A turn of the event loop ended: the scan cached now is an earlier turn's from here on.
    pub fn next_turn(&self) {
        self.cache_old.set(true);
    }

    /// [`ProcTracker::pids`] from a scan made in this turn (what a kill goes by: a scan from
    /// an earlier turn predates forks nothing told us of, and a process missed by the SIGTERM
    /// would be killed only after `TimeoutStopSec=`). One scan serves every kill of the turn —
    /// a stop of 500 units scans once, not 500 times.
    pub fn pids_now(&self, unit: &str) -> Vec<u32> {
        if self.cache_old.get() {
            self.invalidate();
        }
        self.pids(unit)
    }

    /// The live (non-zombie) processes of a unit.
    pub fn pids(&self, unit: &str) -> Vec<u32> {
        if !self.units.contains_key(unit) {
            return Vec::new();
        }
        if self.cache.borrow().is_none() {
            let scan = self.scan();
            *self.cache.borrow_mut() = Some(scan);
            self.cache_old.set(false);
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
        self.units.contains_key(unit) && self.unit_of(pid).as_deref() == Some(unit)
    }

    /// The unit a live process belongs to, if any (read afresh: one process's files, no scan).
    pub fn unit_of(&self, pid: u32) -> Option<String> {
        if pid == self.own_pid {
            return None;
        }
        let stat = ProcStat::read(pid)?;
        if stat.is_dead() || stat.is_kernel_thread() {
            return None;
        }
        let remembered = self
            .adopted
            .borrow()
            .known
            .iter()
            .find_map(|(unit, known)| {
                known
                    .contains(&(pid, stat.start_ticks))
                    .then(|| unit.clone())
            });
        if let Some(unit) = remembered.filter(|u| self.units.contains_key(u)) {
            return Some(unit);
        }
        let by_session = self
            .units
            .iter()
            .find(|(_, m)| m.sessions.contains(&stat.session));
        if let Some((unit, _)) = by_session {
            return Some(unit.clone());
        }
        if !self.units.values().any(|m| m.may_hold(&stat)) {
            return None;
        }
        let id = invocation_of(pid)?;
        self.units
            .iter()
            .find(|(_, m)| !m.invocation_id.is_empty() && m.invocation_id == id)
            .map(|(unit, _)| unit.clone())
    }

    fn scan<'a>(&'a self) -> HashMap<String, Vec<u32>> {
        let mut by_session: HashMap<u32, &'a str> = HashMap::new();
        let mut by_invocation: HashMap<&'a str, &'a str> = HashMap::new();
        // Processes that started before every tracked invocation cannot carry one's id.
        let mut since = None;
        for (unit, m) in &self.units {
            for s in &m.sessions {
                by_session.insert(*s, unit);
            }
            if !m.invocation_id.is_empty() {
                by_invocation.insert(m.invocation_id.as_str(), unit);
                since = Some(since.map_or(m.since, |t: u64| t.min(m.since)));
            }
        }
        // Each unit's processes, with their start times and parents.
        let found: RefCell<HashMap<u32, (&'a str, u64, u32)>> = RefCell::default();
        // `parent_unit`: the unit of the process's parent, when the walk knows it — a unit's
        // process's children are the unit's (as in a cgroup), whatever their session or
        // environment (which is unreadable while a process is in the middle of execve).
        let mut consider = |pid: u32, stat: &ProcStat, parent_unit: Option<&'a str>| {
            if pid == self.own_pid || stat.is_dead() || stat.is_kernel_thread() {
                return None;
            }
            let unit = parent_unit
                .or_else(|| by_session.get(&stat.session).copied())
                .or_else(|| {
                    since.filter(|t| stat.start_ticks >= *t)?;
                    invocation_of(pid).and_then(|id| by_invocation.get(id.as_str()).copied())
                });
            if let Some(u) = unit {
                found
                    .borrow_mut()
                    .insert(pid, (u, stat.start_ticks, stat.ppid));
            }
            unit
        };
        let all_ours = self.units.values().all(|m| m.ours);
        let mut seen = HashSet::new();
        let walked = self.walk_descendants(&mut consider, &mut seen)
            && (all_ours || self.walk_adopted(&mut consider, &mut seen));
        if !walked {
            found.borrow_mut().clear();
            let Ok(dir) = std::fs::read_dir("/proc") else {
                return HashMap::new();
            };
            for entry in dir.flatten() {
                let pid = entry.file_name().to_str().and_then(|s| s.parse().ok());
                if let Some(pid) = pid.filter(|p| *p != self.own_pid)
                    && let Some(stat) = ProcStat::read(pid)
                {
                    consider(pid, &stat, None);
                }
            }
            // Where the adopted units' processes are now: the next scans walk from there.
            let mut adopted = self.adopted.borrow_mut();
            adopted.known = self
                .units
                .iter()
                .filter(|(_, m)| !m.ours)
                .map(|(u, _)| (u.clone(), Vec::new()))
                .collect();
            adopted.reapers.clear();
        }
        let found = found.into_inner();
        if !all_ours {
            self.remember_adopted(&found);
        }
        let mut out: HashMap<String, Vec<u32>> = HashMap::new();
        for (pid, (unit, _, _)) in &found {
            out.entry((*unit).to_string()).or_default().push(*pid);
        }
        for v in out.values_mut() {
            v.sort_unstable();
        }
        out
    }

    /// Calls `visit` for every process below ours, with the unit `visit` gave its parent (None
    /// for our own children); false (nothing visited) when the kernel does not list children
    /// (no CONFIG_PROC_CHILDREN).
    fn walk_descendants<'a>(
        &self,
        visit: &mut VisitProcess<'a, '_>,
        seen: &mut HashSet<u32>,
    ) -> bool {
        let Some(ours) = children(self.own_pid, None) else {
            return false;
        };
        walk(ours.into_iter().map(|p| (p, None)).collect(), visit, seen);
        true
    }

    /// Calls `visit` for the adopted units' processes as the last scan left them (see the
    /// header): the remembered ones still alive and their descendants, then the reapers'
    /// children and theirs. False when that cannot answer — an adopted unit the last scans
    /// did not see, a reaper gone — and all of /proc must be read.
    fn walk_adopted<'a>(
        &'a self,
        visit: &mut VisitProcess<'a, '_>,
        seen: &mut HashSet<u32>,
    ) -> bool {
        let adopted = self.adopted.borrow();
        let mut below = Vec::new();
        for (unit, _) in self.units.iter().filter(|(_, m)| !m.ours) {
            let Some(known) = adopted.known.get(unit) else {
                return false;
            };
            for &(pid, start) in known {
                // Only while it is the process remembered (not a reused pid).
                let Some(stat) = ProcStat::read(pid).filter(|s| s.start_ticks == start) else {
                    continue;
                };
                if !seen.insert(pid) {
                    continue;
                }
                if let Some(u) = visit(pid, &stat, Some(unit.as_str())) {
                    let kids = children(pid, Some(stat.threads)).unwrap_or_default();
                    below.extend(kids.into_iter().map(|c| (c, Some(u))));
                }
            }
        }
        walk(below, visit, seen);
        // After the walk: a process that exited meanwhile left its children to a reaper.
        // Only those that are a unit's are followed down (the reaper may be init: its other
        // children are the rest of the machine).
        for &(pid, start) in &adopted.reapers {
            if ProcStat::read(pid).is_none_or(|s| s.start_ticks != start) {
                return false;
            }
            for orphan in children(pid, None).unwrap_or_default() {
                if seen.contains(&orphan) {
                    continue; // a unit's top process, walked above
                }
                let Some(stat) = ProcStat::read(orphan) else {
                    continue;
                };
                if let Some(u) = visit(orphan, &stat, None) {
                    seen.insert(orphan);
                    let kids = children(orphan, Some(stat.threads)).unwrap_or_default();
                    walk(
                        kids.into_iter().map(|c| (c, Some(u))).collect(),
                        visit,
                        seen,
                    );
                }
            }
        }
        true
    }

    /// Remember what a scan found of the adopted units: their processes (start times: a pid
    /// reused is not theirs) and the parents of their top processes as reapers.
    fn remember_adopted(&self, found: &HashMap<u32, (&str, u64, u32)>) {
        let mut adopted = self.adopted.borrow_mut();
        let Adopted { known, reapers } = &mut *adopted;
        let mut new_reapers: HashSet<u32> = HashSet::new();
        for (unit, m) in &self.units {
            let Some(list) = known.get_mut(unit.as_str()).filter(|_| !m.ours) else {
                continue;
            };
            list.clear();
            for (&pid, &(u, start, ppid)) in found {
                if u != unit {
                    continue;
                }
                list.push((pid, start));
                if ppid != self.own_pid && found.get(&ppid).is_none_or(|(p, _, _)| *p != u) {
                    new_reapers.insert(ppid);
                }
            }
        }
        // Units no longer adopted (restarted by us) are walked from our own pid again.
        known.retain(|u, _| self.units.get(u).is_some_and(|m| !m.ours));
        for pid in new_reapers {
            if pid != 0
                && !reapers.iter().any(|(p, _)| *p == pid)
                && let Some(stat) = ProcStat::read(pid)
            {
                reapers.push((pid, stat.start_ticks));
            }
        }
    }
}

/// Visit processes from `roots` (each with the unit of its parent, if known) down through
/// their children; a process gone meanwhile is skipped (its children, reparented, are seen
/// next time).
fn walk<'a>(
    mut roots: Vec<(u32, Option<&'a str>)>,
    visit: &mut VisitProcess<'a, '_>,
    seen: &mut HashSet<u32>,
) {
    while let Some((pid, parent_unit)) = roots.pop() {
        if !seen.insert(pid) {
            continue;
        }
        let Some(stat) = ProcStat::read(pid) else {
            continue;
        };
        let unit = visit(pid, &stat, parent_unit);
        let below = children(pid, Some(stat.threads)).unwrap_or_default();
        roots.extend(below.into_iter().map(|c| (c, unit)));
    }
}

/// What [`ProcTracker::walk_descendants`] calls for each process: given the unit of its
/// parent (if any), the unit it is found to belong to.
type VisitProcess<'a, 'f> = dyn FnMut(u32, &ProcStat, Option<&'a str>) -> Option<&'a str> + 'f;

/// The children of a process: of each of its threads (a child belongs to the thread that
/// forked it); `threads` = Some(1) reads the main thread's list alone. `None` if the list
/// cannot be read.
fn children(pid: u32, threads: Option<u32>) -> Option<Vec<u32>> {
    let mut text = Vec::with_capacity(512);
    let mut read = |tid: &str| -> Option<()> {
        let mut f = std::fs::File::open(format!("/proc/{pid}/task/{tid}/children")).ok()?;
        f.read_to_end(&mut text).ok()?;
        text.push(b' ');
        Some(())
    };
    if threads == Some(1) {
        read(&pid.to_string())?;
    } else {
        let mut any = false;
        for t in std::fs::read_dir(format!("/proc/{pid}/task"))
            .ok()?
            .flatten()
        {
            if let Some(tid) = t.file_name().to_str() {
                any |= read(tid).is_some();
            }
        }
        any.then_some(())?;
    }
    Some(
        text.split(|b| b.is_ascii_whitespace())
            .filter_map(|w| std::str::from_utf8(w).ok()?.parse().ok())
            .collect(),
    )
}

impl Marks {
    /// Whether a process outside the unit's sessions may still carry its invocation id.
    fn may_hold(&self, stat: &ProcStat) -> bool {
        !self.invocation_id.is_empty() && stat.start_ticks >= self.since
    }
}

/// What the tracker reads of /proc/PID/stat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ProcStat {
    state: u8,
    /// Field 4.
    ppid: u32,
    session: u32,
    /// Field 9: PF_* flags (a kernel thread has PF_KTHREAD).
    flags: u32,
    /// Field 20.
    threads: u32,
    /// Field 22: when the process started, in clock ticks since boot.
    start_ticks: u64,
}

impl ProcStat {
    /// One open, one read, one close: the line is a few hundred bytes (a 64-byte comm at most),
    /// and std's read_to_string would add a statx and small probe reads (/proc reports size 0).
    fn read(pid: u32) -> Option<ProcStat> {
        let mut buf = [0u8; 1024];
        let mut f = std::fs::File::open(format!("/proc/{pid}/stat")).ok()?;
        let n = f.read(&mut buf).ok()?;
        ProcStat::parse(&buf[..n])
    }

    fn parse(line: &[u8]) -> Option<ProcStat> {
        // The comm field may contain spaces and parentheses: split after the last ')'.
        let close = line.iter().rposition(|&b| b == b')')?;
        let rest = std::str::from_utf8(&line[close + 1..]).ok()?;
        let mut f = rest.split_ascii_whitespace();
        let state = *f.next()?.as_bytes().first()?;
        // ppid, pgrp, then the session; tty and its group, then the flags; the thread count
        // 11 fields on, the start time 2.
        let ppid = f.next()?.parse().ok()?;
        let session = f.nth(1)?.parse().ok()?;
        let flags = f.nth(2)?.parse().ok()?;
        let threads = f.nth(10)?.parse().ok()?;
        let start_ticks = f.nth(1)?.parse().ok()?;
        Some(ProcStat {
            state,
            ppid,
            session,
            flags,
            threads,
            start_ticks,
        })
    }

    /// A zombie or a process being torn down: no longer anyone's.
    fn is_dead(&self) -> bool {
        matches!(self.state, b'Z' | b'X')
    }

    /// A kernel thread: never a unit's, and its environment is always empty (reading it,
    /// with the retries an empty read gets, cost ~16 opens per kernel thread and scan).
    fn is_kernel_thread(&self) -> bool {
        const PF_KTHREAD: u32 = 0x0020_0000;
        self.flags & PF_KTHREAD != 0
    }
}

/// How often an empty or failed read of a live process's environment is tried again.
const ENVIRON_RETRIES: usize = 8;

/// `$INVOCATION_ID` of a process we may read (our own user's). A process in the middle of
/// execve has no environment to read for a moment (the new one is laid out last): an empty
/// or failed read is tried again a few times while the process is there.
fn invocation_of(pid: u32) -> Option<String> {
    // Sized for a typical environment: one read and the one that finds the end.
    let mut env = Vec::with_capacity(8192);
    for _ in 0..ENVIRON_RETRIES {
        env.clear();
        let read = std::fs::File::open(format!("/proc/{pid}/environ"))
            .and_then(|mut f| f.read_to_end(&mut env));
        if read.is_ok_and(|n| n > 0) || ProcStat::read(pid).is_none_or(|s| s.is_dead()) {
            break;
        }
        std::thread::yield_now();
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::{Child, Command};

    #[test]
    fn stat_fields_are_read_after_the_last_parenthesis() {
        let line = b"4242 (we) ird) S 1 4240 4241 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 100 18446744073709551615\n";
        assert_eq!(
            ProcStat::parse(line),
            Some(ProcStat {
                state: b'S',
                ppid: 1,
                session: 4241,
                flags: 4194560,
                threads: 1,
                start_ticks: 987654
            })
        );
        let kthread = b"2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 1 0 0 20 0 1 0 4 0 0 18446744073709551615\n";
        assert_eq!(
            ProcStat::parse(kthread).map(|s| s.is_kernel_thread()),
            Some(true)
        );
        assert_eq!(
            ProcStat::parse(line).map(|s| s.is_kernel_thread()),
            Some(false)
        );
        assert_eq!(ProcStat::parse(b"4242 (cut"), None);
    }

    /// Until process `pid` has an environment to read: `setsid` has exec'ed `sleep` and the
    /// kernel laid out its new environment.
    fn wait_for_environment(pid: u32) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        // comm first: it changes early in execve, the environment is laid out after it.
        while std::fs::read_to_string(format!("/proc/{pid}/comm"))
            .ok()
            .as_deref()
            != Some("sleep\n")
            || !std::fs::read(format!("/proc/{pid}/environ")).is_ok_and(|e| !e.is_empty())
        {
            assert!(
                std::time::Instant::now() < deadline,
                "{pid} never ran sleep"
            );
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }

    /// The child of `pid` once it runs `sleep`.
    fn child_running_sleep(pid: u32) -> u32 {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            let kids = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
                .unwrap_or_default();
            let sleeping =
                kids.split_whitespace()
                    .filter_map(|k| k.parse().ok())
                    .find(|k: &u32| {
                        std::fs::read_to_string(format!("/proc/{k}/comm"))
                            .ok()
                            .as_deref()
                            == Some("sleep\n")
                    });
            if let Some(k) = sleeping {
                return k;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{pid} started no sleep"
            );
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }

    fn sleeper(invocation_id: Option<&str>, setsid: bool) -> Child {
        let mut c = if setsid {
            let mut c = Command::new("setsid");
            c.arg("sleep");
            c
        } else {
            Command::new("sleep")
        };
        c.arg("30");
        if let Some(id) = invocation_id {
            c.env("INVOCATION_ID", id);
        }
        c.spawn().expect("spawn sleep")
    }

    #[test]
    fn processes_carrying_the_invocation_id_are_the_units_wherever_they_went() {
        let id = format!("tracker-test-{}", std::process::id());
        let mut t = ProcTracker::new(std::process::id());
        // Spawned the way the manager would: the unit's first process, then one that left
        // for a session of its own, and one of nobody's.
        let since = ProcTracker::ticks_now();
        let first = sleeper(Some(&id), false);
        t.started("u.service", &id, first.id(), since);
        let escaped = sleeper(Some(&id), true);
        let stranger = sleeper(None, false);
        // `setsid` execs `sleep` after spawn returned: while a process is in the middle of
        // execve its environment cannot be read (a loaded machine may leave it there for
        // long), and the tracker knows an escaped process only by it — ask once it is done.
        wait_for_environment(escaped.id());
        // A child of one of the unit's processes is the unit's, whatever it did to its session
        // and environment: the walk finds it through its parent.
        let mut parent = Command::new("sh");
        parent.args(["-c", "env -i setsid sleep 30 & wait"]);
        let parent = parent.env("INVOCATION_ID", &id).spawn().expect("spawn sh");
        let scrubbed = child_running_sleep(parent.id());
        let mut expect = vec![first.id(), escaped.id(), parent.id(), scrubbed];
        expect.sort_unstable();
        // Without the walk (adopted) there is no parent to go by: only the id tells.
        let mut expect_adopter = vec![first.id(), escaped.id(), parent.id()];
        expect_adopter.sort_unstable();
        t.invalidate();
        let found = t.pids("u.service");
        let unit_of = [first.id(), escaped.id(), stranger.id()].map(|p| t.unit_of(p));
        let member = t.is_member("u.service", escaped.id());
        // Adopted (as after a crash): found by reading every process in /proc instead.
        let mut adopter = ProcTracker::new(std::process::id());
        adopter.adopted("u.service", &id, first.id(), None);
        let found_by_adopter = adopter.pids("u.service");
        let _ = rustix::process::kill_process(
            rustix::process::Pid::from_raw(scrubbed as i32).expect("pid"),
            rustix::process::Signal::KILL,
        );
        for mut c in [first, escaped, stranger, parent] {
            let _ = c.kill();
            let _ = c.wait();
        }
        assert_eq!(found, expect);
        assert_eq!(found_by_adopter, expect_adopter);
        assert_eq!(
            unit_of,
            [
                Some("u.service".to_string()),
                Some("u.service".to_string()),
                None
            ]
        );
        assert!(member);
        // Gone (reaped): nobody's any more.
        t.invalidate();
        assert_eq!(t.pids("u.service"), Vec::<u32>::new());
    }
}
