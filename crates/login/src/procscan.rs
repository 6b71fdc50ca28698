//! Session tracking without cgroups (driver `none`): a session is its leader and every
//! descendant, found by walking parent pids in `/proc`, and remembered (pid + start time)
//! from one scan to the next so that a child re-parented after a scan is still known.
//!
//! Limits (documented, not hidden): a process that double-forks *and* is re-parented between
//! two scans escapes; scans happen at session start, at each kill and, while a session is
//! closing, once a second (there is no emptiness event without cgroups).

use std::collections::{BTreeMap, HashMap};

use crate::process::{ProcInfo, parse_stat};

/// Every process on the machine (those that vanish while scanning are skipped).
pub fn scan() -> Vec<ProcInfo> {
    let Ok(rd) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    rd.filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| parse_stat(&std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?))
        .collect()
}

/// The processes of one session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProcSet {
    members: BTreeMap<u32, u64>,
}

impl ProcSet {
    /// A set holding `leader` (its start time is learnt at the first refresh).
    pub fn new(leader: u32, procs: &[ProcInfo]) -> ProcSet {
        let mut s = ProcSet::default();
        if let Some(p) = procs
            .iter()
            .find(|p| p.pid == leader && p.pid != std::process::id())
        {
            s.members.insert(leader, p.start);
        }
        s.refresh(procs);
        s
    }

    /// A set holding `leader` alone, started at `start` (descendants join at the next
    /// refresh): no scan of `/proc` needed.
    pub fn with_leader(leader: u32, start: Option<u64>) -> ProcSet {
        let mut s = ProcSet::default();
        if let Some(start) = start.filter(|_| leader != std::process::id()) {
            s.members.insert(leader, start);
        }
        s
    }

    /// Send `signal` to every member but `spare`, each through a pidfd and only while its
    /// start time still matches (checked after the pidfd was opened).
    pub fn signal(&self, signal: i32, spare: Option<u32>) -> usize {
        let pids: Vec<u32> = self
            .members
            .keys()
            .copied()
            .filter(|p| Some(*p) != spare)
            .collect();
        crate::process::signal_members(&pids, signal, |held| {
            held.iter()
                .map(|p| self.members.get(&p.pid()) == Some(&p.start()))
                .collect()
        })
    }

    /// Drop members that are gone (or whose pid now names another process), then add every
    /// descendant of a member — but never the daemon itself (nor, through it, the user
    /// managers it spawns): a leader that is one of the daemon's ancestors (a shell it was
    /// started from) would otherwise make the daemon signal itself when the session ends.
    pub fn refresh(&mut self, procs: &[ProcInfo]) {
        let me = std::process::id();
        let by_pid: HashMap<u32, &ProcInfo> = procs.iter().map(|p| (p.pid, p)).collect();
        self.members
            .retain(|pid, start| by_pid.get(pid).is_some_and(|p| p.start == *start));
        loop {
            let before = self.members.len();
            for p in procs {
                if p.pid != me
                    && !self.members.contains_key(&p.pid)
                    && self.members.contains_key(&p.ppid)
                {
                    self.members.insert(p.pid, p.start);
                }
            }
            if self.members.len() == before {
                break;
            }
        }
    }

    /// Member pids, sorted.
    pub fn pids(&self) -> Vec<u32> {
        self.members.keys().copied().collect()
    }

    /// No member left.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(pid: u32, ppid: u32, start: u64) -> ProcInfo {
        ProcInfo {
            pid,
            ppid,
            session: 1234,
            start,
        }
    }

    #[test]
    fn stat_parsing() {
        let t = "1234 (my (odd) name) S 1 1234 1234 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 5555 1000 10";
        assert_eq!(parse_stat(t), Some(p(1234, 1, 5555)));
        assert_eq!(parse_stat("garbage"), None);
        let me = std::process::id();
        let own = scan()
            .into_iter()
            .find(|x| x.pid == me)
            .expect("self in /proc");
        assert!(own.start > 0);
    }

    #[test]
    fn descendants_and_orphans() {
        // 10 is the leader; 11 its child; 12 a grandchild; 20 unrelated.
        let procs = [
            p(1, 0, 1),
            p(10, 1, 100),
            p(11, 10, 110),
            p(12, 11, 120),
            p(20, 1, 200),
        ];
        let mut s = ProcSet::new(10, &procs);
        assert_eq!(s.pids(), [10, 11, 12]);
        // 11 exits, 12 is re-parented to 1: still a member (remembered).
        let procs = [
            p(1, 0, 1),
            p(10, 1, 100),
            p(12, 1, 120),
            p(13, 12, 130),
            p(20, 1, 200),
        ];
        s.refresh(&procs);
        assert_eq!(s.pids(), [10, 12, 13]);
        // pid 12 reused by another process: not a member any more.
        let procs = [p(1, 0, 1), p(12, 1, 999)];
        s.refresh(&procs);
        assert!(s.is_empty());
        assert!(ProcSet::new(77, &procs).is_empty(), "unknown leader");
    }

    #[test]
    fn the_daemon_is_never_a_member() {
        // The leader (10) is the daemon's parent, as when a shell that started the daemon is
        // registered as a session: the daemon and its children (managers) stay out.
        let me = std::process::id();
        let procs = [
            p(10, 1, 100),
            p(me, 10, 110),
            p(me + 1, me, 120),
            p(11, 10, 130),
        ];
        assert_eq!(ProcSet::new(10, &procs).pids(), [10, 11]);
        assert!(ProcSet::new(me, &procs).is_empty(), "the daemon as leader");
    }
}
