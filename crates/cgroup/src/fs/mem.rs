//! [`MemFs`]: cgroup hierarchies in memory, with the kernel rules the logic depends on.
//!
//! Emulated: v2 and v1 hierarchies side by side (so hybrid setups can be tested), process
//! membership per hierarchy (`cgroup.procs`, `tasks`), `cgroup.events` derived from the subtree,
//! `cgroup.controllers`/`cgroup.subtree_control` with the "no internal processes" rule,
//! `cgroup.kill`, `cgroup.freeze`, and the limit files with the kernel's accepted input and
//! printed output (see `mem_files.rs`). Signals are recorded and have their default effect.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rustix::io::Errno;
use rustix::process::Signal;

use super::{CgroupFs, Created, Pinned, mem_files};
use crate::error::{CgroupError, FsOp, Result};

/// Which kernel features a [`MemFs`] pretends to have, to exercise fallbacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemKernel {
    /// `cgroup.kill` exists in non-root v2 cgroups (Linux 5.14+).
    pub cgroup_kill: bool,
    /// `cgroup.freeze` exists in non-root v2 cgroups (Linux 5.2+).
    pub cgroup_freeze: bool,
    /// Swap accounting: `memory.swap.max` (v2) and `memory.memsw.limit_in_bytes` (v1) exist.
    pub swap_accounting: bool,
    /// Page size limits are rounded down to.
    pub page_size: u64,
}

impl Default for MemKernel {
    fn default() -> Self {
        Self {
            cgroup_kill: true,
            cgroup_freeze: true,
            swap_accounting: true,
            page_size: 4096,
        }
    }
}

#[derive(Debug)]
pub(super) struct Hier {
    pub root: PathBuf,
    pub v2: bool,
    pub controllers: BTreeSet<String>,
}

#[derive(Debug, Default)]
pub(super) struct Dir {
    pub hier: usize,
    pub procs: BTreeSet<u32>,
    pub subtree: BTreeSet<String>,
    /// Written values (canonical printed form) and test-set statistics, by file name.
    pub values: BTreeMap<String, String>,
    pub freeze: bool,
}

#[derive(Debug, Default)]
pub(super) struct State {
    pub kernel: MemKernel,
    pub hiers: Vec<Hier>,
    pub dirs: BTreeMap<PathBuf, Dir>,
    pub alive: BTreeSet<u32>,
    pub ignores: BTreeSet<u32>,
    pub fork_on_signal: BTreeMap<u32, u32>,
    pub signals: Vec<(u32, i32)>,
    pub writes: Vec<(PathBuf, String)>,
    pub opened: Vec<PathBuf>,
    pub owners: BTreeMap<PathBuf, (u32, u32)>,
    pub self_pid: u32,
    /// How many processes have had each pid (the current one is the last).
    pub generations: BTreeMap<u32, u64>,
    /// See [`MemFs::reuse_pid_after_read`].
    pub reuse: Option<PidReuse>,
}

/// A pid to recycle right after a read of `procs_file` lists it.
#[derive(Debug)]
pub(super) struct PidReuse {
    procs_file: PathBuf,
    pid: u32,
    cgroups: Vec<PathBuf>,
}

/// An in-memory [`CgroupFs`] for tests. See the module documentation for what it emulates.
///
/// ```
/// use linger_cgroup::{CgroupFs, MemFs};
/// use std::path::Path;
/// let fs = MemFs::default();
/// fs.add_v2_hierarchy("/cg", &["memory", "pids"]);
/// fs.mkdir(Path::new("/cg/a")).unwrap();
/// fs.spawn(42, &["/cg/a"]);
/// assert_eq!(fs.read(Path::new("/cg/a/cgroup.events")).unwrap(), "populated 1\nfrozen 0\n");
/// ```
#[derive(Debug, Default)]
pub struct MemFs {
    state: Mutex<State>,
}

fn errno(e: Errno) -> io::Error {
    io::Error::from(e)
}

impl MemFs {
    /// An empty file system emulating a kernel with the given features.
    #[must_use]
    pub fn new(kernel: MemKernel) -> Self {
        let fs = Self::default();
        fs.lock().kernel = kernel;
        fs
    }

    pub(super) fn lock(&self) -> MutexGuard<'_, State> {
        // A panic in a test while holding the lock must not hide the state from the report.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Adds a cgroup2 hierarchy rooted at `root` whose root offers `controllers`.
    pub fn add_v2_hierarchy(&self, root: impl Into<PathBuf>, controllers: &[&str]) {
        self.add_hier(root.into(), true, controllers);
    }

    /// Adds a cgroup v1 hierarchy rooted at `root` with the given controllers bound.
    pub fn add_v1_hierarchy(&self, root: impl Into<PathBuf>, controllers: &[&str]) {
        self.add_hier(root.into(), false, controllers);
    }

    fn add_hier(&self, root: PathBuf, v2: bool, controllers: &[&str]) {
        let mut s = self.lock();
        let hier = s.hiers.len();
        s.hiers.push(Hier {
            root: root.clone(),
            v2,
            controllers: controllers.iter().map(|c| (*c).to_owned()).collect(),
        });
        s.dirs.insert(
            root,
            Dir {
                hier,
                ..Dir::default()
            },
        );
    }

    /// Creates a cgroup directory and all missing parents below a hierarchy root (test setup).
    ///
    /// # Panics
    /// If no hierarchy contains `path` (a mistake in the test itself).
    pub fn mkdir_all(&self, path: impl AsRef<Path>) {
        let path = path.as_ref();
        let mut missing = Vec::new();
        let mut cur = path;
        while !self.lock().dirs.contains_key(cur) {
            missing.push(cur.to_path_buf());
            cur = cur.parent().expect("path below a MemFs hierarchy root");
        }
        for p in missing.iter().rev() {
            self.mkdir(p).expect("mkdir in MemFs test setup");
        }
    }

    /// Starts process `pid` as a member of `cgroups` (at most one per hierarchy); in hierarchies
    /// not named it is in the root cgroup.
    pub fn spawn(&self, pid: u32, cgroups: &[&str]) {
        let cgroups: Vec<PathBuf> = cgroups.iter().map(PathBuf::from).collect();
        self.lock().spawn(pid, &cgroups);
    }

    /// The next read of `procs_file` that lists `pid` is that process's last moment: right
    /// after it, the process exits and a new one gets its pid, in `cgroups` — the pid-reuse
    /// race that signalling by bare pid loses.
    pub fn reuse_pid_after_read(&self, procs_file: impl AsRef<Path>, pid: u32, cgroups: &[&str]) {
        self.lock().reuse = Some(PidReuse {
            procs_file: procs_file.as_ref().to_path_buf(),
            pid,
            cgroups: cgroups.iter().map(PathBuf::from).collect(),
        });
    }

    /// The process that a write of `0` to `cgroup.procs` moves (the "calling process").
    pub fn set_self_pid(&self, pid: u32) {
        self.lock().self_pid = pid;
    }

    /// Makes `pid` survive every signal but `SIGKILL`.
    pub fn ignore_signals(&self, pid: u32) {
        self.lock().ignores.insert(pid);
    }

    /// The next time `pid` gets a signal while its cgroup is not frozen, it forks `child` first
    /// (into the same cgroups): the race the freeze-then-signal loop exists for.
    pub fn fork_on_signal(&self, pid: u32, child: u32) {
        self.lock().fork_on_signal.insert(pid, child);
    }

    /// Process `pid` exits on its own.
    pub fn exit(&self, pid: u32) {
        self.lock().kill_process(pid);
    }

    /// Whether process `pid` is alive.
    #[must_use]
    pub fn is_alive(&self, pid: u32) -> bool {
        self.lock().alive.contains(&pid)
    }

    /// Every signal sent through [`CgroupFs::signal`] or `cgroup.kill`, in order.
    #[must_use]
    pub fn signals(&self) -> Vec<(u32, i32)> {
        self.lock().signals.clone()
    }

    /// Every successful write (path, value), in order.
    #[must_use]
    pub fn writes(&self) -> Vec<(PathBuf, String)> {
        self.lock().writes.clone()
    }

    /// Every file opened with [`CgroupFs::open_write`], in order.
    #[must_use]
    pub fn opened(&self) -> Vec<PathBuf> {
        self.lock().opened.clone()
    }

    /// The owner set by [`CgroupFs::chown`] on `path`, if any.
    #[must_use]
    pub fn owner(&self, path: impl AsRef<Path>) -> Option<(u32, u32)> {
        self.lock().owners.get(path.as_ref()).copied()
    }

    /// Sets what a statistics file reads (`memory.current`, `memory.events`, `cpu.stat`,
    /// `memory.usage_in_bytes`, `memory.oom_control`, …) in cgroup `dir`.
    pub fn set_stat(&self, dir: impl AsRef<Path>, file: &str, content: &str) {
        if let Some(d) = self.lock().dirs.get_mut(dir.as_ref()) {
            d.values.insert(file.to_owned(), content.to_owned());
        }
    }
}

impl State {
    fn spawn(&mut self, pid: u32, cgroups: &[PathBuf]) {
        self.alive.insert(pid);
        *self.generations.entry(pid).or_default() += 1;
        for h in 0..self.hiers.len() {
            let target = cgroups
                .iter()
                .find(|c| self.dirs.get(*c).is_some_and(|d| d.hier == h))
                .map_or_else(|| self.hiers[h].root.clone(), Clone::clone);
            if let Some(d) = self.dirs.get_mut(&target) {
                d.procs.insert(pid);
            }
        }
    }

    /// Recycles the pid of a pending [`PidReuse`] if `content` (of `file`) lists it.
    fn after_read(&mut self, file: &Path, content: &str) {
        let listed = self.reuse.as_ref().is_some_and(|r| {
            r.procs_file == file && content.lines().any(|l| l == r.pid.to_string())
        });
        if let Some(r) = self.reuse.take_if(|_| listed) {
            self.kill_process(r.pid);
            self.spawn(r.pid, &r.cgroups);
        }
    }

    pub(super) fn hier_of(&self, dir: &Path) -> Option<&Hier> {
        self.dirs.get(dir).map(|d| &self.hiers[d.hier])
    }

    pub(super) fn is_root(&self, dir: &Path) -> bool {
        self.hier_of(dir).is_some_and(|h| h.root == dir)
    }

    /// Directories at or below `dir` (same hierarchy).
    pub(super) fn subtree(&self, dir: &Path) -> Vec<PathBuf> {
        self.dirs
            .range(dir.to_path_buf()..)
            .take_while(|(p, _)| p.starts_with(dir))
            .map(|(p, _)| p.clone())
            .collect()
    }

    pub(super) fn subtree_pids(&self, dir: &Path) -> BTreeSet<u32> {
        self.subtree(dir)
            .iter()
            .filter_map(|p| self.dirs.get(p))
            .flat_map(|d| d.procs.iter().copied())
            .collect()
    }

    /// Frozen if this cgroup or an ancestor in the hierarchy has `cgroup.freeze` 1.
    pub(super) fn is_frozen(&self, dir: &Path) -> bool {
        dir.ancestors()
            .filter_map(|a| self.dirs.get(a))
            .any(|d| d.freeze)
    }

    pub(super) fn kill_process(&mut self, pid: u32) {
        self.alive.remove(&pid);
        for d in self.dirs.values_mut() {
            d.procs.remove(&pid);
        }
    }

    /// The cgroups (one per hierarchy) that `pid` is in.
    fn cgroups_of(&self, pid: u32) -> Vec<PathBuf> {
        self.dirs
            .iter()
            .filter(|(_, d)| d.procs.contains(&pid))
            .map(|(p, _)| p.clone())
            .collect()
    }

    pub(super) fn deliver(&mut self, pid: u32, sig: i32) -> bool {
        self.signals.push((pid, sig));
        if !self.alive.contains(&pid) {
            return false;
        }
        let cgroups = self.cgroups_of(pid);
        let frozen = cgroups
            .iter()
            .any(|c| self.hier_of(c).is_some_and(|h| h.v2) && self.is_frozen(c));
        if !frozen && let Some(child) = self.fork_on_signal.remove(&pid) {
            self.alive.insert(child);
            *self.generations.entry(child).or_default() += 1;
            for c in &cgroups {
                if let Some(d) = self.dirs.get_mut(c) {
                    d.procs.insert(child);
                }
            }
        }
        let fatal = matches!(
            Signal::from_named_raw(sig),
            Some(
                Signal::HUP
                    | Signal::INT
                    | Signal::QUIT
                    | Signal::ABORT
                    | Signal::TERM
                    | Signal::USR1
                    | Signal::USR2
                    | Signal::ALARM
                    | Signal::PIPE
            )
        );
        if sig == Signal::KILL.as_raw() || (fatal && !self.ignores.contains(&pid)) {
            self.kill_process(pid);
        }
        true
    }
}

fn split(path: &Path) -> Option<(&Path, &str)> {
    Some((path.parent()?, path.file_name()?.to_str()?))
}

impl CgroupFs for MemFs {
    fn read(&self, path: &Path) -> Result<String> {
        let s = self.lock();
        if s.dirs.contains_key(path) {
            return Err(CgroupError::io(FsOp::Read, path, errno(Errno::ISDIR)));
        }
        let (dir, name) =
            split(path).ok_or_else(|| CgroupError::io(FsOp::Read, path, errno(Errno::NOENT)))?;
        let mut s = s;
        let content =
            mem_files::read(&s, dir, name).map_err(|e| CgroupError::io(FsOp::Read, path, e))?;
        s.after_read(path, &content);
        Ok(content)
    }

    fn write(&self, path: &Path, value: &str) -> Result<()> {
        let mut s = self.lock();
        let (dir, name) =
            split(path).ok_or_else(|| CgroupError::io(FsOp::Write, path, errno(Errno::NOENT)))?;
        mem_files::write(&mut s, dir, name, value)
            .map_err(|e| CgroupError::io(FsOp::Write, path, e))?;
        s.writes.push((path.to_path_buf(), value.to_owned()));
        Ok(())
    }

    fn mkdir(&self, path: &Path) -> Result<Created> {
        let mut s = self.lock();
        if s.dirs.contains_key(path) {
            return Ok(Created::Existed);
        }
        let hier = path
            .parent()
            .and_then(|p| s.dirs.get(p))
            .map(|d| d.hier)
            .ok_or_else(|| CgroupError::io(FsOp::Mkdir, path, errno(Errno::NOENT)))?;
        s.dirs.insert(
            path.to_path_buf(),
            Dir {
                hier,
                ..Dir::default()
            },
        );
        Ok(Created::New)
    }

    fn rmdir(&self, path: &Path) -> Result<()> {
        let mut s = self.lock();
        let Some(dir) = s.dirs.get(path) else {
            return Ok(());
        };
        // The kernel refuses to remove a root, a cgroup with children, or one with processes.
        if s.is_root(path) || !dir.procs.is_empty() || s.subtree(path).len() > 1 {
            return Err(CgroupError::io(FsOp::Rmdir, path, errno(Errno::BUSY)));
        }
        s.dirs.remove(path);
        Ok(())
    }

    fn children(&self, path: &Path) -> Result<Vec<String>> {
        let s = self.lock();
        if !s.dirs.contains_key(path) {
            return Err(CgroupError::io(FsOp::List, path, errno(Errno::NOENT)));
        }
        Ok(s.subtree(path)
            .iter()
            .filter(|p| p.parent() == Some(path))
            .filter_map(|p| p.file_name()?.to_str().map(str::to_owned))
            .collect())
    }

    fn exists(&self, path: &Path) -> bool {
        let s = self.lock();
        s.dirs.contains_key(path)
            || split(path).is_some_and(|(dir, name)| mem_files::exists(&s, dir, name))
    }

    fn chown(&self, path: &Path, uid: u32, gid: u32) -> Result<()> {
        if !self.exists(path) {
            return Err(CgroupError::io(FsOp::Chown, path, errno(Errno::NOENT)));
        }
        self.lock().owners.insert(path.to_path_buf(), (uid, gid));
        Ok(())
    }

    fn open_write(&self, file: &Path) -> Result<OwnedFd> {
        if !self.exists(file) {
            return Err(CgroupError::io(FsOp::Open, file, errno(Errno::NOENT)));
        }
        // A real, close-on-exec fd (an anonymous memory file), so callers can hold and pass it
        // like the real one; writes to it do not reach the MemFs (tests use `spawn`).
        let fd = rustix::fs::memfd_create("linger-memfs", rustix::fs::MemfdFlags::CLOEXEC)
            .map_err(|e| CgroupError::io(FsOp::Open, file, e.into()))?;
        self.lock().opened.push(file.to_path_buf());
        Ok(fd)
    }

    fn watch_path(&self, _file: &Path) -> Option<PathBuf> {
        None
    }

    fn pin(&self, pid: u32) -> Result<Option<Pinned>> {
        if pid == 0 || i32::try_from(pid).is_err() {
            return Err(CgroupError::BadPid(i64::from(pid)));
        }
        let s = self.lock();
        Ok(s.alive.contains(&pid).then(|| Pinned {
            pid,
            fd: None,
            generation: s.generations.get(&pid).copied().unwrap_or_default(),
        }))
    }

    fn signal(&self, process: &Pinned, signal: i32) -> Result<bool> {
        if Signal::from_named_raw(signal).is_none() {
            return Err(CgroupError::BadSignal(signal));
        }
        let mut s = self.lock();
        // The pinned process is gone if its pid has had another process since.
        if s.generations.get(&process.pid).copied().unwrap_or_default() != process.generation {
            return Ok(false);
        }
        Ok(s.deliver(process.pid, signal))
    }
}
