//! Where sessions and user managers live, and how they are signalled and found empty:
//! cgroups (`<root>/linger.slice/user-UID.slice/{user@UID.service, session-N.scope}`, the
//! user's service cgroup delegated to the user) or, with driver `none`, process sets.
//!
//! The machine's hierarchies are never mounted, remounted or rebound: the daemon only makes
//! directories below its root (its own cgroup, or `--cgroup-root`).

use std::collections::HashMap;
use std::os::fd::{BorrowedFd, OwnedFd};
use std::path::{Path, PathBuf};

use linger_cgroup::{CgroupSetup, Controller, DriverKind, RealFs, UnitCgroups};

use crate::procscan::{self, ProcSet};
use crate::sessions::Session;

/// The top slice below the root.
pub const TOP_SLICE: &str = "linger.slice";

/// Sessions and managers, tracked by cgroups or by process sets.
#[derive(Debug)]
pub enum Tracker {
    /// cgroup v2 (unified or hybrid machine).
    Cgroups {
        /// The units' cgroups (boxed: much larger than the other variant).
        cg: Box<UnitCgroups<RealFs>>,
        /// The driver's name, for `Manager` properties.
        kind: DriverKind,
    },
    /// No usable cgroups.
    Processes {
        /// Session id → its processes.
        sets: HashMap<u64, ProcSet>,
    },
}

fn user_slice_rel(uid: u32) -> PathBuf {
    Path::new(TOP_SLICE).join(format!("user-{uid}.slice"))
}

fn sig(n: i32) -> Option<rustix::process::Signal> {
    rustix::process::Signal::from_named_raw(n)
}

/// `pid` as a target for a signal: never pid 0 or 1, never a number that is not a pid
/// (`kill` would read a negative one as a process group), and never the daemon itself — a
/// session or manager record that names it (a stale or forged pid) must not stop the daemon
/// and with it every login.
pub fn signal_target(pid: u32) -> Option<rustix::process::Pid> {
    let raw = i32::try_from(pid).ok().filter(|p| *p > 1)?;
    if pid == std::process::id() {
        return None;
    }
    rustix::process::Pid::from_raw(raw)
}

/// The cgroup2 path of `pid` as `/proc/PID/cgroup` names it (its `0::` line); `Ok(None)` when
/// the process is in no cgroup2 cgroup, an error when it does not exist.
pub fn unified_cgroup_of(pid: u32) -> std::io::Result<Option<String>> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/cgroup"))?;
    Ok(text
        .lines()
        .find_map(|l| l.strip_prefix("0::"))
        .map(str::to_string))
}

fn kill_pid(pid: u32, signal: i32) {
    if let (Some(p), Some(s)) = (signal_target(pid), sig(signal)) {
        let _ = rustix::process::kill_process(p, s);
    }
}

impl Tracker {
    /// Pick the driver: `--cgroup-root` if given, else the daemon's own cgroup (detected);
    /// `none` when cgroups are off or unusable. Returns a note for the log.
    pub fn open(root: Option<&Path>, disabled: bool) -> (Tracker, String) {
        let none = |reason: String| {
            (
                Tracker::Processes {
                    sets: HashMap::new(),
                },
                format!("cgroup driver none: {reason}"),
            )
        };
        if disabled {
            return none("disabled by --no-cgroups".into());
        }
        let (kind, setup) = match root {
            Some(r) => {
                if let Err(e) = std::fs::create_dir_all(r) {
                    return none(format!("cannot create {}: {e}", r.display()));
                }
                let offered =
                    std::fs::read_to_string(r.join("cgroup.controllers")).unwrap_or_default();
                let setup = CgroupSetup {
                    unified: r.to_path_buf(),
                    unified_controllers: Controller::ALL
                        .into_iter()
                        .filter(|c| offered.split_whitespace().any(|o| o == c.as_str()))
                        .collect(),
                    v1: Vec::new(),
                };
                (DriverKind::Unified, setup)
            }
            None => {
                let d = linger_cgroup::detect();
                match d.setup() {
                    // Only the v2 tree: user managers find their own v1 delegation, if any.
                    Some(s) => (
                        d.kind(),
                        CgroupSetup {
                            v1: Vec::new(),
                            ..s.clone()
                        },
                    ),
                    None => {
                        let reason = match d {
                            linger_cgroup::Driver::None { reason } => reason,
                            _ => String::new(),
                        };
                        return none(reason);
                    }
                }
            }
        };
        let kind_for_fs = if kind == DriverKind::None {
            DriverKind::Unified
        } else {
            kind
        };
        let root_path = setup.unified.clone();
        match UnitCgroups::with_setup(RealFs::system(), kind_for_fs, setup) {
            Ok(mut cg) => {
                // Controllers flow down to users where the root may hand them out; where it
                // may not (processes in it), tracking still works.
                let enabled = cg.enable_controllers().unwrap_or_default();
                let note = format!(
                    "cgroup driver {kind} below {} (controllers: {})",
                    root_path.display(),
                    if enabled.is_empty() {
                        "none".to_string()
                    } else {
                        enabled
                            .iter()
                            .map(|c| c.as_str())
                            .collect::<Vec<_>>()
                            .join(" ")
                    }
                );
                (
                    Tracker::Cgroups {
                        cg: Box::new(cg),
                        kind,
                    },
                    note,
                )
            }
            Err(e) => none(e.to_string()),
        }
    }

    /// `unified`, `hybrid` or `none`.
    pub fn driver(&self) -> &'static str {
        match self {
            Tracker::Cgroups { kind, .. } => kind.as_str(),
            Tracker::Processes { .. } => "none",
        }
    }

    /// The fd to poll for emptiness events (cgroups only).
    pub fn watch_fd(&self) -> Option<BorrowedFd<'_>> {
        match self {
            Tracker::Cgroups { cg, .. } => Some(cg.watch_fd()),
            Tracker::Processes { .. } => None,
        }
    }

    /// Whether closing sessions must be re-checked by a timer (no emptiness events).
    pub fn needs_polling(&self) -> bool {
        matches!(self, Tracker::Processes { .. })
    }

    /// Create `user-UID.slice/user@UID.service`, delegate it to the user and open its
    /// `cgroup.procs` for the manager to join between fork and exec (v2 first); on a hybrid
    /// machine also the v1 memory/pids/cpu ones.
    pub fn prepare_user(&mut self, uid: u32, gid: u32) -> Result<Vec<OwnedFd>, String> {
        let Tracker::Cgroups { cg, .. } = self else {
            return Ok(Vec::new());
        };
        let slice = format!("user-{uid}.slice");
        let service = format!("user@{uid}.service");
        let rel = user_slice_rel(uid);
        cg.create_at(&slice, &rel).map_err(|e| e.to_string())?;
        cg.create_at(&service, &rel.join(&service))
            .map_err(|e| e.to_string())?;
        cg.delegate(&service, uid, gid).map_err(|e| e.to_string())?;
        // The manager is born in `init.scope` (clone3 into the cgroup): it need not move
        // itself there, a migration that costs an RCU grace period (~15 ms).
        let init = format!("{service}/{}", linger_cgroup::INIT_SCOPE);
        cg.create_at(&init, &rel.join(&service).join(linger_cgroup::INIT_SCOPE))
            .map_err(|e| e.to_string())?;
        cg.delegate(&init, uid, gid).map_err(|e| e.to_string())?;
        let mut fds = cg.join_fds(&init).map_err(|e| e.to_string())?;
        fds.truncate(1);
        fds.extend(
            linger_cgroup::V1Delegation::detect(&cg.setup().unified)
                .prepare(cg.fs(), &rel.join(&service), uid, gid)
                .map_err(|e| e.to_string())?,
        );
        Ok(fds)
    }

    /// Move `pid` (a process of `uid`, in one of the user's sessions or services) into
    /// `cgroup` — as `/proc/PID/cgroup` names it — which must lie strictly below the user's
    /// `user@UID.service`: a user manager making a scope of a process from a login session
    /// cannot do that move itself, since it crosses the root-owned `user-UID.slice`.
    pub fn attach_to_user_service(&self, uid: u32, pid: u32, cgroup: &str) -> Result<(), String> {
        let Tracker::Cgroups { cg, .. } = self else {
            return Err("the login daemon tracks sessions without cgroups".into());
        };
        let service = cg
            .path(&format!("user@{uid}.service"))
            .map_err(|_| format!("uid {uid} has no user manager cgroup"))?;
        let mount = ["/sys/fs/cgroup/unified", "/sys/fs/cgroup"]
            .into_iter()
            .map(Path::new)
            .find(|m| service.starts_with(m))
            .ok_or("the cgroup tree is not mounted where expected")?;
        let as_proc =
            |p: &Path| -> String { format!("/{}", p.strip_prefix(mount).unwrap_or(p).display()) };
        let rest = cgroup
            .strip_prefix(&as_proc(&service))
            .and_then(|r| r.strip_prefix('/'))
            .filter(|r| r.split('/').all(|c| !c.is_empty() && c != "." && c != ".."))
            .ok_or_else(|| format!("{cgroup} is not below user@{uid}.service"))?;
        let target = service.join(rest);
        if !target.join("cgroup.procs").exists() {
            return Err(format!("no cgroup {cgroup}"));
        }
        let slice = as_proc(service.parent().ok_or("no user slice")?);
        let inside = unified_cgroup_of(pid)
            .map_err(|_| format!("no process {pid}"))?
            .is_some_and(|c| c.starts_with(&format!("{slice}/")));
        if !inside {
            return Err(format!(
                "process {pid} is not in a session or service of uid {uid}"
            ));
        }
        std::fs::write(target.join("cgroup.procs"), pid.to_string())
            .map_err(|e| format!("cannot move process {pid} into {cgroup}: {e}"))
    }

    /// Create `session-N.scope` and move the leader into it. Returns the scope's path
    /// relative to the root (empty without cgroups).
    pub fn create_session(&mut self, s: &Session) -> Result<String, String> {
        match self {
            Tracker::Cgroups { cg, .. } => {
                let rel = user_slice_rel(s.uid).join(s.scope());
                cg.create_at(&format!("user-{}.slice", s.uid), &user_slice_rel(s.uid))
                    .map_err(|e| e.to_string())?;
                cg.create_at(&s.scope(), &rel).map_err(|e| e.to_string())?;
                for f in cg.procs_files(&s.scope()).map_err(|e| e.to_string())? {
                    std::fs::write(&f, s.leader.to_string()).map_err(|e| {
                        format!("cannot move {} into {}: {e}", s.leader, f.display())
                    })?;
                }
                Ok(rel.display().to_string())
            }
            Tracker::Processes { sets, .. } => {
                sets.insert(s.id, ProcSet::new(s.leader, &procscan::scan()));
                Ok(String::new())
            }
        }
    }

    /// Every process of the session.
    pub fn session_pids(&mut self, s: &Session) -> Vec<u32> {
        match self {
            Tracker::Cgroups { cg, .. } => cg.pids(&s.scope()).unwrap_or_default(),
            Tracker::Processes { sets, .. } => sets
                .get_mut(&s.id)
                .map(|set| {
                    set.refresh(&procscan::scan());
                    set.pids()
                })
                .unwrap_or_default(),
        }
    }

    /// Signal the session's processes (but the leader if `spare_leader`).
    pub fn signal_session(&mut self, s: &Session, signal: i32, spare_leader: bool) {
        if let Tracker::Cgroups { cg, .. } = self
            && !spare_leader
            && cg.kill(&s.scope(), signal).is_ok()
        {
            return;
        }
        for pid in self.session_pids(s) {
            if !(spare_leader && pid == s.leader) {
                kill_pid(pid, signal);
            }
        }
    }

    /// Start watching the session for emptiness; whether it is still populated.
    pub fn watch_session(&mut self, s: &Session) -> bool {
        match self {
            Tracker::Cgroups { cg, .. } => cg.watch(&s.scope()).unwrap_or(false),
            Tracker::Processes { .. } => !self.session_pids(s).is_empty(),
        }
    }

    /// Forget the session (remove its cgroup).
    pub fn remove_session(&mut self, s: &Session) -> Result<(), String> {
        match self {
            Tracker::Cgroups { cg, .. } => match cg.remove(&s.scope()) {
                Ok(()) => Ok(()),
                Err(linger_cgroup::CgroupError::UnknownUnit(_)) => Ok(()),
                Err(e) => Err(e.to_string()),
            },
            Tracker::Processes { sets, .. } => {
                sets.remove(&s.id);
                Ok(())
            }
        }
    }

    /// Signal everything in `user@UID.service` (driver none: the manager's process group).
    pub fn signal_user_service(&mut self, uid: u32, manager_pid: Option<u32>, signal: i32) {
        match self {
            Tracker::Cgroups { cg, .. } => {
                let _ = cg.kill(&format!("user@{uid}.service"), signal);
            }
            Tracker::Processes { .. } => {
                if let Some(pid) = manager_pid {
                    if let (Some(p), Some(s)) = (signal_target(pid), sig(signal)) {
                        let _ = rustix::process::kill_process_group(p, s);
                    }
                    kill_pid(pid, signal);
                }
            }
        }
    }

    /// Remove `user@UID.service` after its manager stopped. Whatever is left in it is
    /// SIGKILLed first; then `Ok(false)` says the removal waits for the emptiness event (the
    /// caller calls again when [`Tracker::drain_events`] names the unit).
    pub fn remove_user_service(&mut self, uid: u32) -> Result<bool, String> {
        let Tracker::Cgroups { cg, .. } = self else {
            return Ok(true);
        };
        let unit = format!("user@{uid}.service");
        if cg.is_populated(&unit).unwrap_or(false) {
            let _ = cg.kill(&unit, 9);
            if cg.watch(&unit).unwrap_or(false) {
                return Ok(false);
            }
        }
        match cg.remove(&unit) {
            Ok(()) | Err(linger_cgroup::CgroupError::UnknownUnit(_)) => {
                linger_cgroup::V1Delegation::detect(&cg.setup().unified)
                    .remove(cg.fs(), &user_slice_rel(uid).join(&unit))
                    .map_err(|e| e.to_string())?;
                Ok(true)
            }
            Err(e) => Err(e.to_string()),
        }
    }

    /// Remove `user-UID.slice` once the user has neither sessions nor a manager.
    pub fn remove_user_slice(&mut self, uid: u32) -> Result<(), String> {
        let Tracker::Cgroups { cg, .. } = self else {
            return Ok(());
        };
        match cg.remove(&format!("user-{uid}.slice")) {
            Ok(()) | Err(linger_cgroup::CgroupError::UnknownUnit(_)) => Ok(()),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Units that became empty since the last call (`session-N.scope` names).
    pub fn drain_events(&mut self) -> Vec<String> {
        match self {
            Tracker::Cgroups { cg, .. } => cg.drain_events().unwrap_or_default(),
            Tracker::Processes { .. } => Vec::new(),
        }
    }
}
