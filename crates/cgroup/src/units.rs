//! [`UnitCgroups`]: one cgroup per unit below the manager's delegated root, in the v2
//! hierarchy (tracking, kill, events) and, with the hybrid driver, in each v1 controller
//! hierarchy (limits).
//!
//! ```text
//! <root>/                       (the manager's own cgroup, e.g. …/user@1000.service)
//!   init.scope/                 the manager itself (moved there by `adopt_root`)
//!   app.slice/web.service/      default slice for units
//!   a.slice/a-b.slice/x.service Slice=a-b.slice
//! ```

use std::collections::HashMap;
use std::os::fd::{BorrowedFd, OwnedFd};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rustix::io::Errno;

use crate::controller::Controller;
use crate::detect::{CgroupSetup, Driver, DriverKind};
use crate::error::{CgroupError, Result};
use crate::fs::{CgroupFs, Created};
use crate::layout::{self, DEFAULT_SLICE, INIT_SCOPE};
use crate::plan::Availability;
use crate::watch::Watcher;

/// The per-unit cgroups of one manager. Generic over the file system so the logic runs on
/// [`crate::MemFs`] in tests and on [`crate::RealFs`] in the daemons.
#[derive(Debug)]
pub struct UnitCgroups<F: CgroupFs> {
    pub(crate) fs: F,
    pub(crate) kind: DriverKind,
    pub(crate) setup: CgroupSetup,
    /// Controllers enabled for the subtree in the v2 hierarchy.
    pub(crate) enabled: Vec<Controller>,
    default_slice: String,
    /// Create every unit in every v1 hierarchy, for accounting (else only where limits need).
    v1_accounting: bool,
    pub(crate) units: HashMap<String, UnitEntry>,
    pub(crate) watcher: Watcher,
}

/// Where a unit's cgroups are.
#[derive(Debug, Clone)]
pub(crate) struct UnitEntry {
    /// Path relative to the roots.
    pub(crate) rel: PathBuf,
    /// Indices into `setup.v1` of the v1 hierarchies the unit has a cgroup in.
    pub(crate) v1: Vec<usize>,
}

impl<F: CgroupFs> UnitCgroups<F> {
    /// Manages cgroups with a detected driver.
    ///
    /// # Errors
    /// The driver is `none` ([`CgroupError::NoCgroups`]), or inotify is unavailable.
    pub fn new(fs: F, driver: &Driver) -> Result<Self> {
        match driver {
            Driver::Unified(s) => Self::with_setup(fs, DriverKind::Unified, s.clone()),
            Driver::Hybrid(s) => Self::with_setup(fs, DriverKind::Hybrid, s.clone()),
            Driver::None { reason } => Err(CgroupError::NoCgroups(reason.clone())),
        }
    }

    /// Manages cgroups below an explicit setup (a root per hierarchy), e.g. a sub-cgroup.
    ///
    /// # Errors
    /// `kind` is `none`, or inotify is unavailable.
    pub fn with_setup(fs: F, kind: DriverKind, setup: CgroupSetup) -> Result<Self> {
        if kind == DriverKind::None {
            return Err(CgroupError::NoCgroups(
                "driver none has no cgroup setup".into(),
            ));
        }
        Ok(Self {
            fs,
            kind,
            setup,
            enabled: Vec::new(),
            default_slice: DEFAULT_SLICE.to_owned(),
            v1_accounting: false,
            units: HashMap::new(),
            watcher: Watcher::new()?,
        })
    }

    /// The file system (tests inspect a `MemFs` through this).
    pub fn fs(&self) -> &F {
        &self.fs
    }

    /// The driver kind (`unified` or `hybrid`).
    #[must_use]
    pub fn kind(&self) -> DriverKind {
        self.kind
    }

    /// The roots this manager works below.
    #[must_use]
    pub fn setup(&self) -> &CgroupSetup {
        &self.setup
    }

    /// The slice for units created without one (default `app.slice`).
    ///
    /// # Errors
    /// `slice` is not a valid slice name.
    pub fn set_default_slice(&mut self, slice: &str) -> Result<()> {
        layout::slice_path(slice)?;
        slice.clone_into(&mut self.default_slice);
        Ok(())
    }

    /// Hybrid driver: whether every unit also gets a cgroup in every v1 hierarchy when created
    /// (for `MemoryCurrent`/`TasksCurrent` accounting). Off by default: a unit gets a v1 cgroup
    /// only for a controller its limits use (set by [`Self::apply`]), as each v1 cgroup costs
    /// a mkdir and rmdir per unit.
    pub fn set_v1_accounting(&mut self, on: bool) {
        self.v1_accounting = on;
    }

    /// The controllers usable for limits, and where.
    #[must_use]
    pub fn availability(&self) -> Availability {
        Availability::new(self.kind, &self.enabled, &self.setup.v1)
    }

    /// Moves every process of the v2 root (the manager itself, normally) into `init.scope`,
    /// then enables controllers for the subtree: the kernel lets a non-root cgroup distribute
    /// controllers only when it holds no processes itself. Nothing is moved when the root is a
    /// hierarchy's root cgroup (exempt from that rule, and shared with the whole system).
    /// Returns the enabled controllers.
    ///
    /// # Errors
    /// Creating `init.scope`, moving a process, or enabling controllers failed.
    pub fn adopt_root(&mut self) -> Result<Vec<Controller>> {
        let root = self.setup.unified.clone();
        if self.fs.exists(&root.join("cgroup.events")) {
            let scope = root.join(INIT_SCOPE);
            self.fs.mkdir(&scope)?;
            for pid in read_pids(&self.fs, &root)? {
                match self.fs.write(&scope.join("cgroup.procs"), &pid.to_string()) {
                    Ok(()) => {}
                    Err(e) if e.is_errno(Errno::SRCH) => {} // exited meanwhile
                    Err(e) => return Err(e),
                }
            }
        }
        self.enable_controllers()
    }

    /// Enables, in the root's `cgroup.subtree_control`, every controller linger uses that the
    /// root offers. Returns them. The root must hold no processes (see [`Self::adopt_root`]).
    ///
    /// # Errors
    /// The root's files cannot be read or written (`EBUSY`: processes still in the root).
    pub fn enable_controllers(&mut self) -> Result<Vec<Controller>> {
        let root = &self.setup.unified;
        let offered = self.fs.read(&root.join("cgroup.controllers"))?;
        let wanted: Vec<Controller> = Controller::ALL
            .into_iter()
            .filter(|c| offered.split_whitespace().any(|o| o == c.as_str()))
            .collect();
        if !wanted.is_empty() {
            self.fs
                .write(&root.join("cgroup.subtree_control"), &subtree_line(&wanted))?;
        }
        self.enabled.clone_from(&wanted);
        Ok(wanted)
    }

    /// Creates the cgroup of `unit` in `slice` (default slice if `None`; a slice unit maps to
    /// its own path), in every hierarchy. An existing cgroup is reused. Returns the v2 path.
    ///
    /// # Errors
    /// The name is invalid, or a directory cannot be created.
    pub fn create(&mut self, unit: &str, slice: Option<&str>) -> Result<PathBuf> {
        let rel = layout::unit_path(unit, Some(slice.unwrap_or(&self.default_slice)))?;
        self.create_at(unit, &rel)
    }

    /// Creates the cgroup of `unit` at an explicit path relative to the roots (for layouts
    /// that are not systemd's unit layout, such as `user-1000.slice/user@1000.service`).
    ///
    /// # Errors
    /// The path is not relative and plain, or a directory cannot be created.
    pub fn create_at(&mut self, unit: &str, rel: &Path) -> Result<PathBuf> {
        let (entry, new) = self.plan(rel)?;
        new.make(&self.fs)?;
        self.units.insert(unit.to_owned(), entry);
        Ok(new.path())
    }

    /// Knows `unit` at `rel` from now on without touching the file system, and returns what
    /// is to be made for it: [`NewCgroup::make`] does the mkdirs, on any thread. For a
    /// daemon whose loop must not wait on the kernel's cgroup lock (mkdir and
    /// `cgroup.subtree_control` writes wait for other processes' migrations).
    ///
    /// # Errors
    /// The path is not relative and plain.
    pub fn register_at(&mut self, unit: &str, rel: &Path) -> Result<NewCgroup> {
        let (entry, new) = self.plan(rel)?;
        self.units.insert(unit.to_owned(), entry);
        Ok(new)
    }

    fn plan(&self, rel: &Path) -> Result<(UnitEntry, NewCgroup)> {
        let plain = rel
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !plain || rel.as_os_str().is_empty() {
            return Err(CgroupError::InvalidName {
                name: rel.display().to_string(),
                reason: "a cgroup path must be relative, without '..'",
            });
        }
        let mut dirs = vec![(
            self.setup.unified.clone(),
            Some(subtree_line(&self.enabled)),
        )];
        let mut v1 = Vec::new();
        if self.v1_accounting {
            for (i, r) in self.setup.v1.iter().enumerate() {
                dirs.push((r.path.clone(), None));
                v1.push(i);
            }
        }
        let entry = UnitEntry {
            rel: rel.to_path_buf(),
            v1,
        };
        Ok((
            entry,
            NewCgroup {
                rel: rel.to_path_buf(),
                dirs,
            },
        ))
    }

    /// Gives the unit a cgroup in v1 hierarchy `index` if it has none; processes already in
    /// the unit (a running unit whose limits changed) are moved into it. Returns its path.
    pub(crate) fn realize_v1(&mut self, unit: &str, index: usize) -> Result<PathBuf> {
        let entry = self.entry(unit)?.clone();
        let root = &self.setup.v1[index].path;
        let dir = root.join(&entry.rel);
        if entry.v1.contains(&index) {
            return Ok(dir);
        }
        ensure_dir(&self.fs, root, &entry.rel, None)?;
        let procs = dir.join("cgroup.procs");
        for pid in self.pids(unit)? {
            match self.fs.write(&procs, &pid.to_string()) {
                Err(e) if !e.is_errno(Errno::SRCH) => return Err(e),
                _ => {}
            }
        }
        if let Some(e) = self.units.get_mut(unit) {
            e.v1.push(index);
        }
        Ok(dir)
    }

    /// The v2 cgroup directory of `unit`.
    ///
    /// # Errors
    /// The unit has no cgroup.
    pub fn path(&self, unit: &str) -> Result<PathBuf> {
        Ok(self.setup.unified.join(&self.entry(unit)?.rel))
    }

    pub(crate) fn entry(&self, unit: &str) -> Result<&UnitEntry> {
        self.units
            .get(unit)
            .ok_or_else(|| CgroupError::UnknownUnit(unit.to_owned()))
    }

    /// The unit's directory in every hierarchy it has one in, v2 first.
    ///
    /// # Errors
    /// The unit has no cgroup.
    pub fn dirs(&self, unit: &str) -> Result<Vec<PathBuf>> {
        let e = self.entry(unit)?;
        let mut out = vec![self.setup.unified.join(&e.rel)];
        out.extend(e.v1.iter().map(|i| self.setup.v1[*i].path.join(&e.rel)));
        Ok(out)
    }

    /// The `cgroup.procs` files a new process of `unit` joins, v2 first.
    ///
    /// # Errors
    /// The unit has no cgroup.
    pub fn procs_files(&self, unit: &str) -> Result<Vec<PathBuf>> {
        Ok(self
            .dirs(unit)?
            .into_iter()
            .map(|d| d.join("cgroup.procs"))
            .collect())
    }

    /// Opens the unit's `cgroup.procs` files (v2 first, then each v1 hierarchy the unit has a
    /// cgroup in), write-only and close-on-exec. A child joins the unit by writing `0` to each
    /// between `fork` and `exec`. Call it after [`Self::apply`], which may add v1 cgroups.
    ///
    /// # Errors
    /// The unit has no cgroup or a file cannot be opened.
    pub fn join_fds(&self, unit: &str) -> Result<Vec<OwnedFd>> {
        self.procs_files(unit)?
            .iter()
            .map(|f| self.fs.open_write(f))
            .collect()
    }

    /// Every process in the unit's v2 cgroup and its sub-cgroups, sorted.
    ///
    /// # Errors
    /// The unit has no cgroup or it cannot be read.
    pub fn pids(&self, unit: &str) -> Result<Vec<u32>> {
        let mut out = Vec::new();
        collect_pids(&self.fs, &self.path(unit)?, &mut out)?;
        out.sort_unstable();
        out.dedup();
        Ok(out)
    }

    /// Whether any process is left in the unit's cgroup (`populated` in `cgroup.events`).
    ///
    /// # Errors
    /// The unit has no cgroup or `cgroup.events` cannot be read.
    pub fn is_populated(&self, unit: &str) -> Result<bool> {
        populated(&self.fs, &self.path(unit)?)
    }

    /// Starts watching the unit for becoming empty. Returns whether it is populated now: if it
    /// is already empty no event will come, and the caller acts at once.
    ///
    /// # Errors
    /// The unit has no cgroup, or the watch cannot be set.
    pub fn watch(&mut self, unit: &str) -> Result<bool> {
        let events = self.path(unit)?.join("cgroup.events");
        self.watcher.add(unit, self.fs.watch_path(&events))?;
        self.is_populated(unit)
    }

    /// Whether the unit is being watched for becoming empty.
    #[must_use]
    pub fn is_watched(&self, unit: &str) -> bool {
        self.watcher.is_watched(unit)
    }

    /// Stops watching the unit.
    pub fn unwatch(&mut self, unit: &str) {
        self.watcher.remove(unit);
    }

    /// The fd the event loop polls for readability; then call [`Self::drain_events`].
    #[must_use]
    pub fn watch_fd(&self) -> BorrowedFd<'_> {
        self.watcher.fd()
    }

    /// Reads pending watch events and returns the watched units that are now empty; they are
    /// no longer watched. Never blocks.
    ///
    /// # Errors
    /// The inotify fd cannot be read.
    pub fn drain_events(&mut self) -> Result<Vec<String>> {
        let mut empty = Vec::new();
        for unit in self.watcher.read_events()? {
            // A cgroup that vanished or cannot be read holds no process we could wait for.
            let gone = self
                .path(&unit)
                .and_then(|p| populated(&self.fs, &p))
                .map_or(true, |p| !p);
            if gone {
                self.watcher.remove(&unit);
                empty.push(unit);
            }
        }
        Ok(empty)
    }

    /// Blocks until a watch event is pending or `timeout` passes (for tools and tests; the
    /// manager polls [`Self::watch_fd`] in its event loop instead).
    ///
    /// # Errors
    /// poll(2) failed.
    pub fn wait_events(&self, timeout: Option<Duration>) -> Result<bool> {
        self.watcher.wait(timeout)
    }

    /// Removes the unit's cgroups (sub-cgroups first) in every hierarchy and forgets the unit.
    /// A cgroup already gone is fine.
    ///
    /// # Errors
    /// A cgroup still holds processes (`EBUSY`) or cannot be removed; the unit stays known.
    pub fn remove(&mut self, unit: &str) -> Result<()> {
        for dir in self.dirs(unit)? {
            remove_tree(&self.fs, &dir)?;
        }
        self.watcher.remove(unit);
        self.units.remove(unit);
        Ok(())
    }

    /// Forgets the unit (no longer watched) without touching the file system, and returns its
    /// directories for [`OldCgroup::remove`] on any thread (rmdir waits on the kernel's cgroup
    /// lock, like mkdir).
    ///
    /// # Errors
    /// The unit has no cgroup.
    pub fn forget(&mut self, unit: &str) -> Result<OldCgroup> {
        let dirs = self.dirs(unit)?;
        self.watcher.remove(unit);
        self.units.remove(unit);
        Ok(OldCgroup { dirs })
    }

    /// Hands the unit's cgroups to `uid:gid` (`Delegate=yes`, or a user manager's root): the
    /// directories and the files a delegate writes (`cgroup.procs`, `cgroup.subtree_control`,
    /// `cgroup.threads`; v1 `tasks`).
    ///
    /// # Errors
    /// The unit has no cgroup or chown failed.
    pub fn delegate(&self, unit: &str, uid: u32, gid: u32) -> Result<()> {
        delegate_dirs(&self.fs, &self.dirs(unit)?, uid, gid)
    }
}

/// The cgroup of a unit that is known but perhaps not made yet ([`UnitCgroups::register_at`]):
/// plain data, for another thread.
#[derive(Debug, Clone)]
pub struct NewCgroup {
    rel: PathBuf,
    /// Each hierarchy's root, and the v2 subtree line for slices made there.
    dirs: Vec<(PathBuf, Option<String>)>,
}

impl NewCgroup {
    /// Creates the directories (missing parents too; an existing one is reused). Returns the
    /// v2 path.
    ///
    /// # Errors
    /// A directory cannot be created.
    pub fn make<F: CgroupFs>(&self, fs: &F) -> Result<PathBuf> {
        for (base, subtree) in &self.dirs {
            ensure_dir(fs, base, &self.rel, subtree.as_deref())?;
        }
        Ok(self.path())
    }

    /// The v2 directory.
    #[must_use]
    pub fn path(&self) -> PathBuf {
        self.dirs[0].0.join(&self.rel)
    }

    /// Every directory, v2 first.
    #[must_use]
    pub fn dirs(&self) -> Vec<PathBuf> {
        self.dirs.iter().map(|(b, _)| b.join(&self.rel)).collect()
    }

    /// [`UnitCgroups::delegate`] for the made directories.
    ///
    /// # Errors
    /// chown failed.
    pub fn delegate<F: CgroupFs>(&self, fs: &F, uid: u32, gid: u32) -> Result<()> {
        delegate_dirs(fs, &self.dirs(), uid, gid)
    }

    /// [`UnitCgroups::join_fds`] for the made directories.
    ///
    /// # Errors
    /// A file cannot be opened.
    pub fn join_fds<F: CgroupFs>(&self, fs: &F) -> Result<Vec<OwnedFd>> {
        self.dirs()
            .iter()
            .map(|d| fs.open_write(&d.join("cgroup.procs")))
            .collect()
    }
}

/// The directories of a unit that was forgotten ([`UnitCgroups::forget`]), to remove.
#[derive(Debug, Clone)]
pub struct OldCgroup {
    dirs: Vec<PathBuf>,
}

impl OldCgroup {
    /// Removes the directories (sub-cgroups first); one already gone is fine.
    ///
    /// # Errors
    /// A cgroup still holds processes (`EBUSY`) or cannot be removed.
    pub fn remove<F: CgroupFs>(&self, fs: &F) -> Result<()> {
        for dir in &self.dirs {
            remove_tree(fs, dir)?;
        }
        Ok(())
    }
}

fn delegate_dirs<F: CgroupFs>(fs: &F, dirs: &[PathBuf], uid: u32, gid: u32) -> Result<()> {
    for dir in dirs {
        fs.chown(dir, uid, gid)?;
        for f in [
            "cgroup.procs",
            "cgroup.subtree_control",
            "cgroup.threads",
            "tasks",
        ] {
            let p = dir.join(f);
            if fs.exists(&p) {
                fs.chown(&p, uid, gid)?;
            }
        }
    }
    Ok(())
}

fn subtree_line(controllers: &[Controller]) -> String {
    controllers
        .iter()
        .map(|c| format!("+{c}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Creates `base/rel`, creating missing parents. In v2 (`subtree` given), slices get the
/// controllers enabled so they reach the units below them.
fn ensure_dir<F: CgroupFs>(fs: &F, base: &Path, rel: &Path, subtree: Option<&str>) -> Result<()> {
    let full = base.join(rel);
    // Fast path: the slice exists already; one mkdir.
    match fs.mkdir(&full) {
        Ok(created) => return enable_in_slice(fs, &full, created, subtree),
        Err(e) if e.is_errno(Errno::NOENT) => {}
        Err(e) => return Err(e),
    }
    let mut cur = base.to_path_buf();
    for comp in rel.components() {
        cur.push(comp);
        let created = fs.mkdir(&cur)?;
        enable_in_slice(fs, &cur, created, subtree)?;
    }
    Ok(())
}

fn enable_in_slice<F: CgroupFs>(
    fs: &F,
    dir: &Path,
    created: Created,
    subtree: Option<&str>,
) -> Result<()> {
    let is_slice = dir
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".slice"));
    match subtree {
        Some(line) if is_slice && created == Created::New && !line.is_empty() => {
            fs.write(&dir.join("cgroup.subtree_control"), line)
        }
        _ => Ok(()),
    }
}

pub(crate) fn read_pids<F: CgroupFs>(fs: &F, dir: &Path) -> Result<Vec<u32>> {
    let file = dir.join("cgroup.procs");
    let text = fs.read(&file)?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            l.trim()
                .parse()
                .map_err(|_| CgroupError::parse(&file, &text, "one pid per line"))
        })
        .collect()
}

pub(crate) fn collect_pids<F: CgroupFs>(fs: &F, dir: &Path, out: &mut Vec<u32>) -> Result<()> {
    out.extend(read_pids(fs, dir)?);
    for child in fs.children(dir)? {
        collect_pids(fs, &dir.join(child), out)?;
    }
    Ok(())
}

pub(crate) fn populated<F: CgroupFs>(fs: &F, dir: &Path) -> Result<bool> {
    let file = dir.join("cgroup.events");
    let text = fs.read(&file)?;
    match crate::stats::stat_value(&text, "populated") {
        Some(v) => Ok(v != 0),
        None => Err(CgroupError::parse(&file, &text, "a \"populated 0|1\" line")),
    }
}

fn remove_tree<F: CgroupFs>(fs: &F, dir: &Path) -> Result<()> {
    // Fast path: a leaf without sub-cgroups goes with one rmdir.
    match fs.rmdir(dir) {
        Ok(()) => return Ok(()),
        Err(e) if e.is_errno(Errno::BUSY) || e.is_errno(Errno::NOTEMPTY) => {}
        Err(e) => return Err(e),
    }
    let children = fs.children(dir)?;
    if children.is_empty() {
        // Busy with processes, not children: report the original condition.
        return fs.rmdir(dir);
    }
    for child in children {
        remove_tree(fs, &dir.join(child))?;
    }
    fs.rmdir(dir)
}
