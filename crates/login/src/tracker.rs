//! Where sessions and user managers live, and how they are signalled and found empty:
//! cgroups (`<root>/linger.slice/user-UID.slice/{user@UID.service, session-N.scope}`, the
//! user's service cgroup delegated to the user) or, with driver `none`, process sets.
//!
//! The machine's hierarchies are never mounted, remounted or rebound: the daemon only makes
//! directories below its root (its own cgroup, or `--cgroup-root`).
//!
//! The tracker itself makes no cgroupfs call: it knows which cgroups exist (registering and
//! forgetting them at once) and hands out every mkdir, rmdir, chown, migration, tree walk,
//! signal and `/proc` read as a [`Work`] closure for a worker in the uid's queue (`jobs.rs`).
//! mkdir/rmdir, migrations, `CLONE_INTO_CGROUP` and even reading `/proc/PID/cgroup` take the
//! kernel's global cgroup lock, which any process's migration holds for an RCU grace period:
//! under load a single one waited up to ~200 ms, a stall no request may see.
//!
//! Moving a process into a user's cgroup ([`Tracker::attach`], asked by a user's manager for
//! `systemd-run --user --scope` typed in a login) names the process by its pid, as
//! `cgroup.procs` takes no pidfd: the pid checked may be another process's by the time it is
//! written (the first one ended and was reaped, the kernel gave its pid out again), and a
//! root write would move that newcomer — another user's, root's — below
//! `user@UID.service`, where the user can freeze it or `cgroup.kill` it. A pidfd checked
//! after the write only tells that it happened. So the write is the user's, and the kernel
//! refuses the newcomer: `cgroup.procs` is opened and written with the file-system identity
//! of the user (euid UID on this thread only, egid root, no supplementary groups, so no
//! capabilities), and cgroup v2 allows a migration only if the writer may write the
//! `cgroup.procs` of the destination (the user's own) *and* of the common ancestor of source
//! and destination. For the process asked for (in a session scope of the user, or in their
//! manager's tree) that ancestor is `user-UID.slice`, whose `cgroup.procs` is made writable by
//! root's group (0664) for the move; for a process anywhere else it is `linger.slice` or
//! above (0644, root's), and the write fails with EACCES, whatever the pid names by then.
//! What the kernel still lets through is a newcomer inside the same user's slice that is not
//! the user's (a setuid program of a session, the root half of an sshd login): the pid was
//! checked to be the user's, and one that ended during the move is logged. Checked on this
//! machine (hybrid: v2 for tracking, v1 controllers), on v2 with a user, another user and
//! root (own process moved; the others refused; the user alone, with their own group, still
//! cannot write `user-UID.slice/cgroup.procs`); the v1 hierarchies are not written here
//! (their migration checks the moved process's uid against the writer's anyway).
//! `tests/attacks.rs` attack 16 performs the race.

use std::collections::HashMap;
use std::os::fd::{BorrowedFd, OwnedFd};
use std::path::{Path, PathBuf};

use linger_cgroup::{CgroupSetup, Controller, DriverKind, RealFs, UnitCgroups};

use crate::escape::shown;
use crate::log;
use crate::process::Process;
use crate::procscan::{self, ProcSet};
use crate::sessions::Session;

/// The top slice below the root.
pub const TOP_SLICE: &str = "linger.slice";

/// Cgroups a user may have below their `user@UID.service` (its `cgroup.max.descendants`,
/// which the user cannot change): enough for a manager's units and scopes, and a bound on
/// every walk of the tree (KillUser, the cleanup after the manager).
pub const USER_CGROUPS_MAX: u32 = 4096;
/// How deep below `user@UID.service` (its `cgroup.max.depth`): less than the depth tree walks
/// go to (`cgwalk`), so no process can hide from a signal below it.
pub const USER_CGROUP_DEPTH_MAX: u32 = 32;

/// Bound the user's delegated tree at `dir` (see [`USER_CGROUPS_MAX`]). A kernel without the
/// files (they came with cgroup2 itself, so: none) leaves the tree unbounded, as before.
fn bound_user_tree(dir: &Path) -> Result<(), String> {
    for (file, value) in [
        ("cgroup.max.descendants", USER_CGROUPS_MAX),
        ("cgroup.max.depth", USER_CGROUP_DEPTH_MAX),
    ] {
        let path = dir.join(file);
        match std::fs::write(&path, value.to_string()) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("cannot write {}: {e}", path.display())),
        }
    }
    Ok(())
}

/// Sessions and managers, tracked by cgroups or by process sets.
#[derive(Debug)]
pub enum Tracker {
    /// cgroup v2 (unified or hybrid machine).
    Cgroups {
        /// The units' cgroups (boxed: much larger than the other variant).
        cg: Box<UnitCgroups<RealFs>>,
        /// The driver's name, for `Manager` properties.
        kind: DriverKind,
        /// Where the cgroup2 tree is mounted: `/proc/PID/cgroup` paths are relative to it.
        mount: PathBuf,
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

/// Work for a worker thread; what it returns is applied on the loop.
pub type Work<T> = Box<dyn FnOnce() -> T + Send>;

/// The cgroup2 path of `pid` as `/proc/PID/cgroup` names it (its `0::` line); `Ok(None)` when
/// the process is in no cgroup2 cgroup, an error when it does not exist.
pub fn unified_cgroup_of(pid: u32) -> std::io::Result<Option<String>> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/cgroup"))?;
    Ok(text
        .lines()
        .find_map(|l| l.strip_prefix("0::"))
        .map(str::to_string))
}

/// The real, effective, saved and file-system uids of `pid` (`/proc/PID/status`).
fn process_uids(pid: u32) -> Option<[u32; 4]> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = text.lines().find_map(|l| l.strip_prefix("Uid:"))?;
    let mut ids = line.split_whitespace().map(|x| x.parse::<u32>().ok());
    Some([ids.next()??, ids.next()??, ids.next()??, ids.next()??])
}

/// Write `pid` into `procs` (a `cgroup.procs` of uid's delegated tree) as the kernel lets
/// uid do it, `user-UID.slice`'s `cgroup.procs` (`slice_procs`) writable by root's group
/// meanwhile (see the module's header).
fn migrate_as(uid: u32, slice_procs: &Path, procs: &Path, pid: u32) -> std::io::Result<()> {
    use rustix::fs::{Mode, chmod};
    use std::io::Write;
    chmod(slice_procs, Mode::from_raw_mode(0o664))?;
    let moved = with_identity(uid, || {
        std::fs::OpenOptions::new()
            .write(true)
            .open(procs)?
            .write_all(pid.to_string().as_bytes())
    });
    let closed = chmod(slice_procs, Mode::from_raw_mode(0o644));
    moved?;
    Ok(closed?)
}

/// Run `f` on this thread as uid for the file system and the kernel's permission checks:
/// effective uid `uid` (real and saved stay root, which brings root back after), effective
/// gid root, no supplementary groups; with an effective uid other than root the thread has
/// no capabilities. Per-thread system calls: the daemon's other threads stay root. A thread
/// that could not be root again would serve every later job as the user: the daemon exits.
fn with_identity<T>(uid: u32, f: impl FnOnce() -> std::io::Result<T>) -> std::io::Result<T> {
    use rustix::process::{Gid, Uid};
    use rustix::thread::{set_thread_groups, set_thread_res_gid, set_thread_res_uid};
    let groups = rustix::process::getgroups()?;
    let egid = rustix::process::getegid();
    set_thread_groups(&[])?;
    let entered = set_thread_res_gid(None, Gid::ROOT, None)
        .and_then(|()| set_thread_res_uid(None, Uid::from_raw(uid), None));
    let done = match entered {
        Ok(()) => f(),
        Err(e) => Err(e.into()),
    };
    let back = set_thread_res_uid(None, Uid::ROOT, None)
        .and_then(|()| set_thread_res_gid(None, egid, None))
        .and_then(|()| set_thread_groups(&groups));
    if let Err(e) = back {
        log::error(format!(
            "cannot take back root's identity on a worker thread after a process move: {e}; exiting"
        ));
        std::process::abort();
    }
    done
}

/// The cgroup2 mount point holding `dir` (the longest one that is a prefix of it; the usual
/// places when mountinfo cannot be read).
fn cgroup2_mount_of(dir: &Path) -> PathBuf {
    let mounts: Vec<PathBuf> = std::fs::read_to_string("/proc/self/mountinfo")
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let (pre, post) = l.split_once(" - ")?;
            let point = pre.split(' ').nth(4)?;
            (post.split(' ').next() == Some("cgroup2"))
                .then(|| PathBuf::from(linger_cgroup::unescape_mountinfo(point)))
        })
        .collect();
    mounts
        .into_iter()
        .chain(["/sys/fs/cgroup/unified", "/sys/fs/cgroup"].map(PathBuf::from))
        .filter(|m| dir.starts_with(m))
        .max_by_key(|m| m.as_os_str().len())
        .unwrap_or_else(|| PathBuf::from("/sys/fs/cgroup"))
}

/// A session's new scope (see [`Tracker::create_session`]).
pub struct NewScope {
    /// Its path relative to the root (empty without cgroups).
    pub scope: String,
    /// Makes the scope and moves the leader in (for a worker); the leader's cgroup before.
    pub make: Work<Result<Option<String>, ScopeError>>,
}

impl std::fmt::Debug for NewScope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewScope")
            .field("scope", &self.scope)
            .finish_non_exhaustive()
    }
}

/// Why a session's scope was not made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeError {
    /// The leader is in a session scope already.
    InSession,
    /// A cgroup operation failed: the session goes on, its processes untracked.
    Failed(String),
}

fn in_session_scope(pid: u32) -> bool {
    let top = format!("/{TOP_SLICE}/");
    unified_cgroup_of(pid)
        .ok()
        .flatten()
        .is_some_and(|c| c.contains(&top) && c.contains("/session-"))
}

/// Why a cleanup of `user@UID.service` is not finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cleanup {
    /// The tree is gone (or there never was one).
    Removed,
    /// Processes were left: they were sent SIGKILL; removal waits for the emptiness event.
    Busy,
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
                let mount = cgroup2_mount_of(&root_path);
                (
                    Tracker::Cgroups {
                        cg: Box::new(cg),
                        kind,
                        mount,
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

    /// Know `user-UID.slice/user@UID.service` (and its `init.scope`) from now on; the work
    /// makes them, delegates the service to the user and opens `init.scope`'s `cgroup.procs`
    /// for the manager to be born in (v2 first); on a hybrid machine also the v1
    /// memory/pids/cpu ones.
    pub fn prepare_user(
        &mut self,
        uid: u32,
        gid: u32,
    ) -> Result<Work<Result<Vec<OwnedFd>, String>>, String> {
        let Tracker::Cgroups { cg, .. } = self else {
            return Ok(Box::new(|| Ok(Vec::new())));
        };
        let service = format!("user@{uid}.service");
        let rel = user_slice_rel(uid);
        let err = |e: linger_cgroup::CgroupError| e.to_string();
        let slice = cg
            .register_at(&format!("user-{uid}.slice"), &rel)
            .map_err(err)?;
        let svc = cg.register_at(&service, &rel.join(&service)).map_err(err)?;
        // The manager is born in `init.scope` (clone3 into the cgroup): it need not move
        // itself there, a migration that costs an RCU grace period (~15 ms).
        let init = cg
            .register_at(
                &format!("{service}/{}", linger_cgroup::INIT_SCOPE),
                &rel.join(&service).join(linger_cgroup::INIT_SCOPE),
            )
            .map_err(err)?;
        let fs = cg.fs().clone();
        let v1 = cg.setup().unified.clone();
        Ok(Box::new(move || {
            slice.make(&fs).map_err(err)?;
            let dir = svc.make(&fs).map_err(err)?;
            bound_user_tree(&dir)?;
            svc.delegate(&fs, uid, gid).map_err(err)?;
            init.make(&fs).map_err(err)?;
            init.delegate(&fs, uid, gid).map_err(err)?;
            let mut fds = init.join_fds(&fs).map_err(err)?;
            fds.truncate(1);
            fds.extend(
                linger_cgroup::V1Delegation::detect(&v1)
                    .prepare(&fs, &rel.join(&service), uid, gid)
                    .map_err(err)?,
            );
            Ok(fds)
        }))
    }

    /// Work that moves `pid` (a process of `uid`, in one of the user's sessions or services)
    /// into `cgroup` — as `/proc/PID/cgroup` names it — which must lie strictly below the
    /// user's `user@UID.service`: a user manager making a scope of a process from a login
    /// session cannot do that move itself, since it crosses the root-owned `user-UID.slice`.
    /// The checks read `/proc` and cgroupfs, so they run on the worker too.
    pub fn attach(
        &self,
        uid: u32,
        pid: u32,
        cgroup: &str,
    ) -> Result<Work<Result<(), String>>, String> {
        let Tracker::Cgroups { cg, mount, .. } = self else {
            return Err("the login daemon tracks sessions without cgroups".into());
        };
        let service = cg
            .path(&format!("user@{uid}.service"))
            .map_err(|_| format!("uid {uid} has no user manager cgroup"))?;
        let mount = mount.clone();
        let as_proc = move |p: &Path| -> String {
            format!("/{}", p.strip_prefix(&mount).unwrap_or(p).display())
        };
        let rest = cgroup
            .strip_prefix(&as_proc(&service))
            .and_then(|r| r.strip_prefix('/'))
            .filter(|r| r.split('/').all(|c| !c.is_empty() && c != "." && c != ".."))
            .ok_or_else(|| format!("{} is not below user@{uid}.service", shown(cgroup)))?;
        let target = service.join(rest);
        let slice_dir = service.parent().ok_or("no user slice")?.to_path_buf();
        let slice = as_proc(&slice_dir);
        let cgroup = shown(cgroup);
        Ok(Box::new(move || {
            let procs = target.join("cgroup.procs");
            if !procs.exists() {
                return Err(format!("no cgroup {cgroup}"));
            }
            let gone = || format!("no process {pid}");
            // Held first: while it lives, what /proc says of the pid is said of it.
            let held = Process::open(pid).map_err(|_| gone())?;
            let inside = unified_cgroup_of(pid)
                .map_err(|_| gone())?
                .is_some_and(|c| c.starts_with(&format!("{slice}/")));
            let owned = process_uids(pid).is_some_and(|ids| ids.iter().all(|&u| u == uid));
            if !held.alive() {
                return Err(gone());
            }
            if !inside || !owned {
                return Err(format!(
                    "process {pid} is not in a session or service of uid {uid}"
                ));
            }
            #[cfg(debug_assertions)]
            crate::test_hooks::before_attach_write(pid);
            migrate_as(uid, &slice_dir.join("cgroup.procs"), &procs, pid)
                .map_err(|e| format!("cannot move process {pid} into {cgroup}: {e}"))?;
            if !held.alive() {
                // It ended during the move: the pid may be a newcomer's now, which the kernel
                // let move only if it was in this user's slice (see the module's header).
                log::warn(format!(
                    "process {pid} of uid {uid} ended while it was moved into {cgroup}"
                ));
            }
            Ok(())
        }))
    }

    /// Know `session-N.scope` from now on. Returns the scope's path relative to the root
    /// (empty without cgroups) and the work, for a worker, that checks the leader is in no
    /// session yet, makes the scope and moves the leader in — returning the leader's cgroup
    /// before, for [`Tracker::undo_session`]. Done on a worker because each of those waits on
    /// the kernel's cgroup lock (a migration also for an RCU grace period, tens of ms under
    /// load).
    pub fn create_session(&mut self, s: &Session) -> Result<NewScope, String> {
        let leader = s.info.leader;
        match self {
            Tracker::Cgroups { cg, .. } => {
                let rel = user_slice_rel(s.info.uid).join(s.scope());
                let err = |e: linger_cgroup::CgroupError| e.to_string();
                let slice = cg
                    .register_at(
                        &format!("user-{}.slice", s.info.uid),
                        &user_slice_rel(s.info.uid),
                    )
                    .map_err(err)?;
                let scope = cg.register_at(&s.scope(), &rel).map_err(err)?;
                let fs = cg.fs().clone();
                Ok(NewScope {
                    scope: rel.display().to_string(),
                    make: Box::new(move || {
                        if in_session_scope(leader) {
                            return Err(ScopeError::InSession);
                        }
                        let origin = unified_cgroup_of(leader).ok().flatten();
                        let failed =
                            |e: linger_cgroup::CgroupError| ScopeError::Failed(e.to_string());
                        slice.make(&fs).map_err(failed)?;
                        scope.make(&fs).map_err(failed)?;
                        for dir in scope.dirs() {
                            let f = dir.join("cgroup.procs");
                            std::fs::write(&f, leader.to_string()).map_err(|e| {
                                ScopeError::Failed(format!(
                                    "cannot move {leader} into {}: {e}",
                                    f.display()
                                ))
                            })?;
                        }
                        Ok(origin)
                    }),
                })
            }
            Tracker::Processes { sets, .. } => {
                let start = s.leader_proc.as_ref().map(crate::process::Process::start);
                sets.insert(s.info.id, ProcSet::with_leader(s.info.leader, start));
                Ok(NewScope {
                    scope: String::new(),
                    make: Box::new(|| Ok(None)),
                })
            }
        }
    }

    /// Know the session again after a restart: its scope exists already (with cgroups), its
    /// leader is what the set starts from (without).
    pub fn reattach_session(&mut self, s: &Session) -> Result<(), String> {
        match self {
            Tracker::Cgroups { cg, .. } => {
                cg.register_at(
                    &format!("user-{}.slice", s.info.uid),
                    &user_slice_rel(s.info.uid),
                )
                .map_err(|e| e.to_string())?;
                cg.register_at(&s.scope(), &user_slice_rel(s.info.uid).join(s.scope()))
                    .map_err(|e| e.to_string())?;
                Ok(())
            }
            Tracker::Processes { sets, .. } => {
                let start = s.leader_proc.as_ref().map(crate::process::Process::start);
                sets.insert(s.info.id, ProcSet::with_leader(s.info.leader, start));
                Ok(())
            }
        }
    }

    /// Work undoing [`Tracker::create_session`] for a session whose login never learnt of it:
    /// what is in the scope goes back to where the leader was (moves between cgroups wait for
    /// the kernel: a worker's job). Nothing is signalled; the scope is removed afterwards with
    /// [`Tracker::remove_session`].
    pub fn undo_session(&self, s: &Session, origin: Option<&str>) -> Work<Result<(), String>> {
        let Tracker::Cgroups { cg, mount, .. } = self else {
            return Box::new(|| Ok(()));
        };
        let Some(origin) = origin.map(str::to_string) else {
            return Box::new(|| Err("the leader's cgroup before the session is unknown".into()));
        };
        let back = mount
            .join(origin.trim_start_matches('/'))
            .join("cgroup.procs");
        let Ok(scope) = cg.path(&s.scope()) else {
            return Box::new(|| Ok(()));
        };
        Box::new(move || {
            for pid in std::fs::read_to_string(scope.join("cgroup.procs"))
                .unwrap_or_default()
                .lines()
            {
                // A process that exited meanwhile is fine.
                if let Err(e) = std::fs::write(&back, pid)
                    && e.raw_os_error() != Some(rustix::io::Errno::SRCH.raw_os_error())
                {
                    return Err(format!("cannot move {pid} back to {origin}: {e}"));
                }
            }
            Ok(())
        })
    }

    /// Work that sends `signals`, in order, to every process of the session but `spare` (the
    /// leader, when it is closing its own session). With process sets the refreshed set comes
    /// back, to be stored with [`Tracker::update_set`].
    pub fn signal_session(
        &self,
        s: &Session,
        signals: Vec<i32>,
        spare: Option<u32>,
    ) -> Work<Option<(u64, ProcSet)>> {
        match self {
            Tracker::Cgroups { cg, .. } => {
                let Ok(dir) = cg.path(&s.scope()) else {
                    return Box::new(|| None);
                };
                Box::new(move || {
                    for sig in signals {
                        let _ = crate::cgwalk::signal_tree(&dir, sig, spare);
                    }
                    None
                })
            }
            Tracker::Processes { sets } => {
                let Some(mut set) = sets.get(&s.info.id).cloned() else {
                    return Box::new(|| None);
                };
                let id = s.info.id;
                Box::new(move || {
                    set.refresh(&procscan::scan());
                    for sig in signals {
                        set.signal(sig, spare);
                    }
                    Some((id, set))
                })
            }
        }
    }

    /// Store a process set a worker refreshed (if the session is still tracked).
    pub fn update_set(&mut self, id: u64, set: ProcSet) {
        if let Tracker::Processes { sets } = self
            && let Some(s) = sets.get_mut(&id)
        {
            *s = set;
        }
    }

    /// Without cgroups: work scanning `/proc` once for every closing session; then
    /// [`Tracker::refresh_sets`].
    pub fn scan(&self) -> Option<Work<Vec<crate::process::ProcInfo>>> {
        self.needs_polling()
            .then(|| Box::new(procscan::scan) as Work<Vec<crate::process::ProcInfo>>)
    }

    /// Refresh the sets of `ids` from a scan; the ids whose sets are now empty.
    pub fn refresh_sets(&mut self, ids: &[u64], procs: &[crate::process::ProcInfo]) -> Vec<u64> {
        let Tracker::Processes { sets } = self else {
            return Vec::new();
        };
        ids.iter()
            .filter(|id| {
                sets.get_mut(id).is_some_and(|set| {
                    set.refresh(procs);
                    set.is_empty()
                })
            })
            .copied()
            .collect()
    }

    /// Start watching the session for emptiness; whether it may still hold processes (without
    /// cgroups the next scan tells).
    pub fn watch_session(&mut self, s: &Session) -> bool {
        match self {
            Tracker::Cgroups { cg, .. } => cg.watch(&s.scope()).unwrap_or(false),
            Tracker::Processes { .. } => true,
        }
    }

    /// Forget the session; the work removes its cgroup (a scope has no sub-cgroups: one
    /// rmdir) on a worker.
    pub fn remove_session(&mut self, s: &Session) -> Option<Work<Result<(), String>>> {
        match self {
            Tracker::Cgroups { cg, .. } => Self::forget_work(cg, &s.scope()),
            Tracker::Processes { sets, .. } => {
                sets.remove(&s.info.id);
                None
            }
        }
    }

    fn forget_work(cg: &mut UnitCgroups<RealFs>, unit: &str) -> Option<Work<Result<(), String>>> {
        let old = cg.forget(unit).ok()?;
        let fs = cg.fs().clone();
        Some(Box::new(move || old.remove(&fs).map_err(|e| e.to_string())))
    }

    /// Work that signals everything in `user@UID.service` (driver none: the manager and its
    /// process group — a group named by the manager's pid is the manager's own while the
    /// manager lives, which is checked through its pidfd first).
    pub fn signal_user_service(
        &self,
        uid: u32,
        manager: Option<&crate::process::Process>,
        signal: i32,
    ) -> Work<()> {
        match self {
            Tracker::Cgroups { cg, .. } => {
                let Ok(dir) = cg.path(&format!("user@{uid}.service")) else {
                    return Box::new(|| {});
                };
                Box::new(move || {
                    let _ = crate::cgwalk::signal_tree(&dir, signal, None);
                })
            }
            Tracker::Processes { .. } => {
                let Some(p) = manager.cloned() else {
                    return Box::new(|| {});
                };
                Box::new(move || {
                    if let (true, Some(g), Some(s)) = (
                        p.alive(),
                        rustix::process::Pid::from_raw(p.pid() as i32),
                        rustix::process::Signal::from_named_raw(signal),
                    ) {
                        let _ = rustix::process::kill_process_group(g, s);
                    }
                    let _ = p.signal(signal);
                })
            }
        }
    }

    /// Work that removes `user@UID.service` after its manager stopped: whatever is left in it
    /// is SIGKILLed and the removal waits for the emptiness event ([`Cleanup::Busy`]; then
    /// [`Tracker::watch_user_service`], and again once [`Tracker::drain_events`] names the
    /// unit). `None`: nothing to remove.
    pub fn cleanup_user_service(&self, uid: u32) -> Option<Work<Cleanup>> {
        let Tracker::Cgroups { cg, .. } = self else {
            return None;
        };
        let dir = cg.path(&format!("user@{uid}.service")).ok()?;
        let root = cg.setup().unified.clone();
        let rel = user_slice_rel(uid).join(format!("user@{uid}.service"));
        Some(Box::new(move || {
            if crate::cgwalk::populated(&dir) {
                let _ = crate::cgwalk::signal_tree(&dir, 9, None);
                return Cleanup::Busy;
            }
            if crate::cgwalk::remove_tree(&dir).is_err() {
                return Cleanup::Busy;
            }
            // On a hybrid machine, its v1 mirrors (the manager's memory/pids/cpu cgroups) too.
            if let Err(e) =
                linger_cgroup::V1Delegation::detect(&root).remove(&RealFs::system(), &rel)
            {
                crate::log::warn(format!(
                    "cannot remove the v1 cgroups of user@{uid}.service: {e}"
                ));
            }
            Cleanup::Removed
        }))
    }

    /// Whether `user@UID.service` is known (exists, or its cleanup is not finished).
    pub fn knows_user_service(&self, uid: u32) -> bool {
        matches!(self, Tracker::Cgroups { cg, .. } if cg.path(&format!("user@{uid}.service")).is_ok())
    }

    /// Know `user@UID.service` again after a restart, if its cgroup is there.
    pub fn reattach_user_service(&mut self, uid: u32) {
        if let Tracker::Cgroups { cg, .. } = self {
            let rel = user_slice_rel(uid).join(format!("user@{uid}.service"));
            if cg.setup().unified.join(&rel).is_dir() {
                let _ = cg.register_at(&format!("user-{uid}.slice"), &user_slice_rel(uid));
                let _ = cg.register_at(&format!("user@{uid}.service"), &rel);
            }
        }
    }

    /// Where a manager forked for `uid` is to be looked for when the daemon was killed before
    /// recording it: `user@UID.service/init.scope`'s `cgroup.procs`, where it was born, or,
    /// without cgroups, `None`: every process (the caller narrows by owner, session and start
    /// time, one pid at a time).
    pub fn manager_birthplace(&self, uid: u32) -> Option<PathBuf> {
        let Tracker::Cgroups { cg, .. } = self else {
            return None;
        };
        Some(
            cg.setup()
                .unified
                .join(Self::init_scope_rel(uid))
                .join("cgroup.procs"),
        )
    }

    /// Whether `pid` is in the place [`Tracker::manager_birthplace`] lists (asked again once
    /// its pidfd is open).
    pub fn in_manager_birthplace(&self, uid: u32, pid: u32) -> bool {
        let Tracker::Cgroups { cg, mount, .. } = self else {
            return true;
        };
        let want = cg.setup().unified.join(Self::init_scope_rel(uid));
        let want = format!("/{}", want.strip_prefix(mount).unwrap_or(&want).display());
        unified_cgroup_of(pid).is_ok_and(|c| c.as_deref() == Some(want.as_str()))
    }

    fn init_scope_rel(uid: u32) -> PathBuf {
        user_slice_rel(uid)
            .join(format!("user@{uid}.service"))
            .join(linger_cgroup::INIT_SCOPE)
    }

    /// Watch `user@UID.service` for becoming empty; whether it still holds processes.
    pub fn watch_user_service(&mut self, uid: u32) -> bool {
        match self {
            Tracker::Cgroups { cg, .. } => {
                cg.watch(&format!("user@{uid}.service")).unwrap_or(false)
            }
            Tracker::Processes { .. } => false,
        }
    }

    /// Forget `user@UID.service` once a worker removed its tree (no file system work left).
    pub fn forget_user_service(&mut self, uid: u32) {
        if let Tracker::Cgroups { cg, .. } = self {
            let _ = cg.forget(&format!("user@{uid}.service"));
            let _ = cg.forget(&format!("user@{uid}.service/{}", linger_cgroup::INIT_SCOPE));
        }
    }

    /// Forget `user-UID.slice` once the user has neither sessions nor a manager; the work
    /// removes it on a worker.
    pub fn remove_user_slice(&mut self, uid: u32) -> Option<Work<Result<(), String>>> {
        let Tracker::Cgroups { cg, .. } = self else {
            return None;
        };
        Self::forget_work(cg, &format!("user-{uid}.slice"))
    }

    /// Units that became empty since the last call (`session-N.scope` names).
    pub fn drain_events(&mut self) -> Vec<String> {
        match self {
            Tracker::Cgroups { cg, .. } => cg.drain_events().unwrap_or_default(),
            Tracker::Processes { .. } => Vec::new(),
        }
    }
}
