//! Signalling every process of a unit, including those that escaped with `nohup`, `setsid`,
//! double forks or `daemon()`: they are all still in the unit's cgroup.

use std::collections::BTreeSet;

use rustix::process::Signal;

use crate::error::{CgroupError, Result};
use crate::fs::CgroupFs;
use crate::units::{UnitCgroups, collect_pids};

/// Passes over `cgroup.procs` before giving up on a cgroup that keeps forking (the caller's
/// stop timeout then escalates to `SIGKILL`, which `cgroup.kill` delivers atomically).
const MAX_PASSES: usize = 64;

/// How [`UnitCgroups::kill`] reached the processes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KillMethod {
    /// `SIGKILL` through `cgroup.kill` (Linux 5.14+): the kernel kills the whole subtree,
    /// including processes forked meanwhile.
    CgroupKill,
    /// `cgroup.freeze` set, every process signalled, thawed: nothing could fork meanwhile.
    FreezeAndSignal,
    /// Every process signalled, re-reading `cgroup.procs` until no new process shows up.
    Signal,
}

impl KillMethod {
    /// A short canonical name (`cgroup.kill`, `freeze`, `signal`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            KillMethod::CgroupKill => "cgroup.kill",
            KillMethod::FreezeAndSignal => "freeze",
            KillMethod::Signal => "signal",
        }
    }
}

/// What [`UnitCgroups::kill`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KillReport {
    /// The method used.
    pub method: KillMethod,
    /// The processes signalled (empty with [`KillMethod::CgroupKill`]: the kernel did it).
    pub signalled: Vec<u32>,
    /// False if new processes kept appearing for 64 passes (the caller escalates to SIGKILL).
    pub complete: bool,
}

impl<F: CgroupFs> UnitCgroups<F> {
    /// Sends `signal` to every process in the unit's cgroup and its sub-cgroups.
    ///
    /// `SIGKILL` goes through `cgroup.kill` where the kernel has it. Other signals (or `SIGKILL`
    /// on older kernels) are sent to each process while the cgroup is frozen, where
    /// `cgroup.freeze` exists, so that nothing forks between reading the member list and
    /// signalling; otherwise the member list is re-read until no new process appears.
    ///
    /// # Errors
    /// The unit has no cgroup, the signal is not a named signal, or a file cannot be used.
    pub fn kill(&self, unit: &str, signal: i32) -> Result<KillReport> {
        if Signal::from_named_raw(signal).is_none() {
            return Err(CgroupError::BadSignal(signal));
        }
        let dir = self.path(unit)?;
        let kill_file = dir.join("cgroup.kill");
        if signal == Signal::KILL.as_raw() && self.fs.exists(&kill_file) {
            self.fs.write(&kill_file, "1")?;
            return Ok(KillReport {
                method: KillMethod::CgroupKill,
                signalled: Vec::new(),
                complete: true,
            });
        }
        let freeze_file = dir.join("cgroup.freeze");
        if !self.fs.exists(&freeze_file) {
            let (signalled, complete) = self.signal_all(&dir, signal)?;
            return Ok(KillReport {
                method: KillMethod::Signal,
                signalled,
                complete,
            });
        }
        self.fs.write(&freeze_file, "1")?;
        let result = self.signal_all(&dir, signal);
        // Always thaw: a frozen unit cannot act on the signal, nor be stopped by SIGTERM.
        let thawed = self.fs.write(&freeze_file, "0");
        let (signalled, complete) = result?;
        thawed?;
        Ok(KillReport {
            method: KillMethod::FreezeAndSignal,
            signalled,
            complete,
        })
    }

    /// Signals every member not signalled yet, until a pass finds none new.
    ///
    /// A pid read from `cgroup.procs` may belong to another process by the time it is
    /// signalled (the member exited, was reaped by its parent, and the pid was reused). So each
    /// pass pins the pids it read (pidfds), then reads the members again: a pinned process whose
    /// pid is still listed is the member (a pidfd keeps its pid from being reused while it
    /// lives), and the signal goes through the pin — to it or to nobody.
    fn signal_all(&self, dir: &std::path::Path, signal: i32) -> Result<(Vec<u32>, bool)> {
        let mut seen = BTreeSet::new();
        let mut signalled = BTreeSet::new();
        for _ in 0..MAX_PASSES {
            let fresh: Vec<u32> = members(&self.fs, dir)?
                .into_iter()
                .filter(|p| seen.insert(*p))
                .collect();
            if fresh.is_empty() {
                return Ok((signalled.into_iter().collect(), true));
            }
            let mut pinned = Vec::with_capacity(fresh.len());
            for pid in fresh {
                pinned.extend(self.fs.pin(pid)?);
            }
            let still = members(&self.fs, dir)?;
            for process in pinned.iter().filter(|p| still.contains(&p.pid())) {
                // A process that exited meanwhile (false) is fine.
                self.fs.signal(process, signal)?;
                signalled.insert(process.pid());
            }
        }
        Ok((signalled.into_iter().collect(), false))
    }
}

fn members<F: CgroupFs>(fs: &F, dir: &std::path::Path) -> Result<BTreeSet<u32>> {
    let mut pids = Vec::new();
    collect_pids(fs, dir, &mut pids)?;
    Ok(pids.into_iter().collect())
}
