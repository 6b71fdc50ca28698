//! Per-unit cgroups in the user manager (DESIGN.md §5): every unit runs in
//! `app.slice/NAME.service` (or its `Slice=`) below the manager's delegated cgroup, so "is it
//! still running", "stop it" and the resource limits are the kernel's business.
//!
//! The manager uses cgroups only inside a subtree that was delegated to it: the
//! `user@UID.service` cgroup the login daemon (or systemd) created and chowned for it. A
//! manager started by hand from a shell is in the shell's session cgroup, which it must not
//! restructure: there it runs with the `none` driver (process tracking by session and
//! `$INVOCATION_ID`), and refuses limits it cannot enforce.

use std::os::fd::OwnedFd;
use std::path::PathBuf;

use linger_cgroup::{
    ApplyMode, Driver, RealFs, ResourceLimits, SystemInfo, UnitCgroups, UnitStats, detect,
};

/// How long the manager waits at start for what it killed in leftover cgroups to go.
const LEFTOVER_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

/// The manager's cgroup state.
#[derive(Debug)]
pub struct Cgroups {
    inner: Option<UnitCgroups<RealFs>>,
    driver: &'static str,
    /// Why the driver is `none` (for `status`).
    pub reason: String,
    /// Where the v2 hierarchy is mounted (to print `ControlGroup=` relative to it).
    mount: PathBuf,
    sys: Option<SystemInfo>,
}

impl Cgroups {
    /// The `none` driver, with the reason.
    pub fn none(reason: impl Into<String>) -> Self {
        Cgroups {
            inner: None,
            driver: "none",
            reason: reason.into(),
            mount: PathBuf::new(),
            sys: None,
        }
    }

    /// Detect and, inside a delegated `user@UID.service`, take over the subtree: the
    /// manager moves into `init.scope` and enables the controllers it was given.
    pub fn setup(uid: u32) -> Self {
        let driver = detect();
        let Some(setup) = driver.setup() else {
            let reason = match &driver {
                Driver::None { reason } => reason.clone(),
                _ => String::new(),
            };
            return Cgroups::none(reason);
        };
        let own = setup.unified.clone();
        // The login daemon starts us in `user@UID.service/init.scope` (born there: no costly
        // migration); started into `user@UID.service` itself we move to init.scope below.
        let service = format!("user@{uid}.service");
        let named = |p: &std::path::Path, n: &str| p.file_name().is_some_and(|f| f == n);
        let root = if named(&own, &service) {
            own.clone()
        } else if named(&own, linger_cgroup::INIT_SCOPE)
            && let Some(parent) = own.parent().filter(|p| named(p, &service))
        {
            parent.to_path_buf()
        } else {
            return Cgroups::none(format!(
                "{} is not a cgroup delegated to this manager ({service})",
                own.display()
            ));
        };
        // The v1 hierarchies of a hybrid machine, delegated the same way by the login daemon
        // (linger_cgroup::V1Delegation): their root is our init.scope's parent there too.
        let v1 = setup
            .v1
            .iter()
            .map(|r| linger_cgroup::V1Root {
                path: match r.path.parent() {
                    Some(p) if named(&r.path, linger_cgroup::INIT_SCOPE) && named(p, &service) => {
                        p.to_path_buf()
                    }
                    _ => r.path.clone(),
                },
                controllers: r.controllers.clone(),
            })
            .collect();
        let setup = linger_cgroup::CgroupSetup {
            unified: root,
            v1,
            ..setup.clone()
        };
        let mut cg = match UnitCgroups::with_setup(RealFs::system(), driver.kind(), setup) {
            Ok(c) => c,
            Err(e) => return Cgroups::none(e.to_string()),
        };
        if let Err(e) = cg.adopt_root() {
            return Cgroups::none(format!("cannot take over {}: {e}", own.display()));
        }
        let mount = mount_point(&own);
        Cgroups {
            inner: Some(cg),
            driver: driver.name(),
            reason: String::new(),
            mount,
            sys: SystemInfo::read().ok(),
        }
    }

    /// `unified`, `hybrid` or `none`.
    pub fn driver(&self) -> &'static str {
        self.driver
    }

    /// Whether units get cgroups.
    pub fn active(&self) -> bool {
        self.inner.is_some()
    }

    /// The units' cgroups, when there are any (for the freezer: freezer.rs).
    pub fn unit_cgroups(&self) -> Option<&UnitCgroups<RealFs>> {
        self.inner.as_ref()
    }

    /// Before a unit's process starts: its cgroups exist, its limits are written, and the
    /// returned `cgroup.procs` fds (v2 first) are what the child joins between fork and exec.
    pub fn prepare(
        &mut self,
        unit: &str,
        slice: Option<&str>,
        directives: &[(String, String, usize)],
    ) -> Result<Vec<OwnedFd>, String> {
        let Some(cg) = self.inner.as_mut() else {
            return Ok(Vec::new());
        };
        let fresh = cg.path(unit).is_err();
        cg.create(unit, slice)
            .map_err(|e| format!("Failed to create cgroup for {unit}: {e}"))?;
        let mut limits = ResourceLimits::default();
        for (key, value, line) in directives {
            limits
                .assign_key(key, value)
                .map_err(|e| format!("{key}={value} (line {line}): {e}"))?;
        }
        if let Some(sys) = &self.sys {
            let mode = if fresh {
                ApplyMode::Fresh
            } else {
                ApplyMode::Reapply
            };
            cg.apply(unit, &limits, sys, mode)
                .map_err(|e| format!("{unit}: {e}"))?;
        }
        cg.join_fds(unit)
            .map_err(|e| format!("Failed to open the cgroup of {unit}: {e}"))
    }

    /// Whether the unit's cgroup is empty (None without cgroups or without one for it).
    pub fn is_empty(&self, unit: &str) -> Option<bool> {
        let cg = self.inner.as_ref()?;
        cg.is_populated(unit).ok().map(|p| !p)
    }

    /// The unit's processes (None without a cgroup for it).
    pub fn pids(&self, unit: &str) -> Option<Vec<u32>> {
        self.inner.as_ref()?.pids(unit).ok()
    }

    /// Signal every process of the unit through its cgroup; None when it has none.
    pub fn kill(&self, unit: &str, signal: i32) -> Option<usize> {
        let r = self.inner.as_ref()?.kill(unit, signal).ok()?;
        Some(r.signalled.len().max(1))
    }

    /// Watch the unit's `cgroup.events` for "populated 0" (for processes that are not our
    /// children, whose exits we never see: scopes). Some(populated now), None without one.
    pub fn watch(&mut self, unit: &str) -> Option<bool> {
        self.inner.as_mut()?.watch(unit).ok()
    }

    /// The inotify fd of those watches, for the event loop.
    pub fn watch_fd(&self) -> Option<std::os::fd::BorrowedFd<'_>> {
        self.inner.as_ref().map(UnitCgroups::watch_fd)
    }

    /// Watched units that became empty (they are no longer watched).
    pub fn drain_events(&mut self) -> Vec<String> {
        self.inner
            .as_mut()
            .and_then(|c| c.drain_events().ok())
            .unwrap_or_default()
    }

    /// The unit is gone: remove its cgroup if nothing is left in it.
    pub fn release(&mut self, unit: &str) {
        if let Some(cg) = self.inner.as_mut()
            && cg.is_populated(unit).is_ok_and(|p| !p)
        {
            let _ = cg.remove(unit);
        }
    }

    /// Kill what runs in populated unit cgroups below our root that `claimed` does not
    /// name (left by a manager that crashed), wait for them to go (up to [`LEFTOVER_WAIT`]), and
    /// remove those cgroups. Returns each such unit with how many processes it held.
    pub fn kill_leftovers(&mut self, claimed: &dyn Fn(&str) -> bool) -> Vec<(String, usize)> {
        let Some(cg) = self.inner.as_mut() else {
            return Vec::new();
        };
        let root = cg.setup().unified.clone();
        let mut found = Vec::new();
        unit_dirs(&root, std::path::Path::new(""), &mut found);
        let mut out = Vec::new();
        for (unit, rel) in found {
            if claimed(&unit) || cg.create_at(&unit, &rel).is_err() {
                continue;
            }
            if !cg.is_populated(&unit).unwrap_or(false) {
                let _ = cg.remove(&unit);
                continue;
            }
            let n = cg.pids(&unit).map_or(0, |p| p.len());
            let _ = cg.kill(&unit, 9);
            out.push((unit, n));
        }
        // All killed first, then one wait for their `cgroup.events` to say "empty" (bounded: a
        // process stuck in D state must not keep the manager from coming up). This runs
        // before the event loop, so waiting here delays nobody's request.
        let mut populated: std::collections::HashSet<String> = out
            .iter()
            .filter(|(u, _)| cg.watch(u).unwrap_or(false))
            .map(|(u, _)| u.clone())
            .collect();
        let deadline = std::time::Instant::now() + LEFTOVER_WAIT;
        while !populated.is_empty() {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                break;
            }
            let timeout = rustix::time::Timespec::try_from(left).unwrap_or_default();
            let watch_fd = cg.watch_fd();
            let mut fds = [rustix::event::PollFd::new(
                &watch_fd,
                rustix::event::PollFlags::IN,
            )];
            match rustix::event::poll(&mut fds, Some(&timeout)) {
                Ok(_) | Err(rustix::io::Errno::INTR) => {}
                Err(_) => break,
            }
            for unit in cg.drain_events().unwrap_or_default() {
                populated.remove(&unit);
            }
        }
        for (unit, _) in &out {
            let _ = cg.remove(unit);
        }
        out
    }

    /// Accounting for `status`/`show`.
    pub fn stats(&self, unit: &str) -> Option<UnitStats> {
        self.inner.as_ref()?.stats(unit).ok()
    }

    /// `ControlGroup=`: the unit's v2 path as /proc/PID/cgroup shows it.
    pub fn control_group(&self, unit: &str) -> Option<String> {
        self.relative(&self.inner.as_ref()?.path(unit).ok()?)
    }

    /// The manager's own `ControlGroup=`: the delegated `user@UID.service` it runs units in;
    /// under the `none` driver the cgroup it was started in (where its units run too) — never
    /// "", which systemd's clients take for the root cgroup of the whole machine.
    pub fn own_control_group(&self) -> Option<String> {
        match &self.inner {
            Some(cg) => self.relative(&cg.setup().unified),
            None => {
                let own = std::fs::read_to_string("/proc/self/cgroup").ok()?;
                own.lines()
                    .find_map(|l| l.strip_prefix("0::"))
                    .map(str::to_string)
            }
        }
    }

    fn relative(&self, p: &std::path::Path) -> Option<String> {
        let rel = p.strip_prefix(&self.mount).ok()?;
        Some(format!("/{}", rel.display()))
    }
}

/// The cgroup2 mount point above `dir` (`/sys/fs/cgroup` or `/sys/fs/cgroup/unified`).
fn mount_point(dir: &std::path::Path) -> PathBuf {
    for m in ["/sys/fs/cgroup/unified", "/sys/fs/cgroup"] {
        if dir.starts_with(m) {
            return PathBuf::from(m);
        }
    }
    PathBuf::from("/")
}

/// Unit cgroups (`*.service`, `*.scope` but our own `init.scope`) below `root/rel`, looking
/// into slices only.
fn unit_dirs(root: &std::path::Path, rel: &std::path::Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(root.join(rel)) else {
        return;
    };
    for e in entries.flatten() {
        if !e.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let name = e.file_name().to_string_lossy().into_owned();
        let child = rel.join(&name);
        if name.ends_with(".slice") {
            unit_dirs(root, &child, out);
        } else if (name.ends_with(".service") || name.ends_with(".scope"))
            && name != linger_cgroup::INIT_SCOPE
        {
            out.push((name, child));
        }
    }
}
