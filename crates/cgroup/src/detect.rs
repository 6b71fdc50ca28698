//! Which cgroup driver this manager can use: `unified`, `hybrid` or `none`.
//!
//! Detection reads `/proc/self/mountinfo` (where cgroup file systems are mounted and which
//! controllers each v1 hierarchy carries) and `/proc/self/cgroup` (our own cgroup in each
//! hierarchy), then checks that our own cgroup is writable by us: a manager only manages the
//! subtree it was given (delegated), never cgroups above it. The parsing is pure
//! ([`detect_from`]); the file checks go through [`DetectProbe`] so tests can fake them.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::controller::Controller;

/// The three drivers, as reported by `linger ctl status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DriverKind {
    /// cgroup v2 only: tracking and limits in the v2 hierarchy.
    Unified,
    /// v2 hierarchy for tracking, v1 controller hierarchies for limits.
    Hybrid,
    /// No usable cgroups: process groups and the subreaper; limits are refused.
    None,
}

impl DriverKind {
    /// The canonical name: `unified`, `hybrid` or `none`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            DriverKind::Unified => "unified",
            DriverKind::Hybrid => "hybrid",
            DriverKind::None => "none",
        }
    }
}

impl fmt::Display for DriverKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DriverKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "unified" => Ok(DriverKind::Unified),
            "hybrid" => Ok(DriverKind::Hybrid),
            "none" => Ok(DriverKind::None),
            _ => Err(format!(
                "unknown cgroup driver {s:?} (expected unified, hybrid or none)"
            )),
        }
    }
}

/// Our own cgroup in a v1 controller hierarchy (the root of our subtree there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct V1Root {
    /// The controllers of that hierarchy that linger uses.
    pub controllers: Vec<Controller>,
    /// Absolute path of our own cgroup there, e.g. `/sys/fs/cgroup/memory/foo`.
    pub path: PathBuf,
}

/// Where a manager's cgroup subtree lives, in every hierarchy it uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CgroupSetup {
    /// Absolute path of the subtree root in the cgroup2 hierarchy (tracking, kill, events).
    pub unified: PathBuf,
    /// Controllers offered to that root (its `cgroup.controllers`) that linger uses.
    pub unified_controllers: Vec<Controller>,
    /// Writable v1 hierarchies carrying controllers the v2 root does not offer (hybrid only).
    pub v1: Vec<V1Root>,
}

impl CgroupSetup {
    /// The same setup one level down: `rel` below each root (e.g. a test's own sub-cgroup, or
    /// `user@1000.service` for the manager the login daemon starts).
    #[must_use]
    pub fn join(&self, rel: impl AsRef<Path>) -> Self {
        let rel = rel.as_ref();
        Self {
            unified: self.unified.join(rel),
            unified_controllers: self.unified_controllers.clone(),
            v1: self
                .v1
                .iter()
                .map(|r| V1Root {
                    controllers: r.controllers.clone(),
                    path: r.path.join(rel),
                })
                .collect(),
        }
    }
}

/// The detected driver with its setup (or why there is none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Driver {
    /// cgroup v2 with controllers.
    Unified(CgroupSetup),
    /// v2 for tracking, v1 controllers for limits.
    Hybrid(CgroupSetup),
    /// No cgroups usable by this process.
    None {
        /// Why, for `status` and logs.
        reason: String,
    },
}

impl Driver {
    /// The driver's kind.
    #[must_use]
    pub fn kind(&self) -> DriverKind {
        match self {
            Driver::Unified(_) => DriverKind::Unified,
            Driver::Hybrid(_) => DriverKind::Hybrid,
            Driver::None { .. } => DriverKind::None,
        }
    }

    /// `unified`, `hybrid` or `none`.
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.kind().as_str()
    }

    /// The setup, unless the driver is `none`.
    #[must_use]
    pub fn setup(&self) -> Option<&CgroupSetup> {
        match self {
            Driver::Unified(s) | Driver::Hybrid(s) => Some(s),
            Driver::None { .. } => None,
        }
    }
}

/// The file checks detection needs, so tests can fake a machine.
pub trait DetectProbe {
    /// The content of a file, or `None` if unreadable.
    fn read(&self, path: &Path) -> Option<String>;
    /// Whether this process may write `path` (a directory: create cgroups in it).
    fn writable(&self, path: &Path) -> bool;
}

/// The running system, seen by this process.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemProbe;

impl DetectProbe for SystemProbe {
    fn read(&self, path: &Path) -> Option<String> {
        std::fs::read_to_string(path).ok()
    }
    fn writable(&self, path: &Path) -> bool {
        rustix::fs::access(path, rustix::fs::Access::WRITE_OK).is_ok()
    }
}

/// Detects the driver for this process on the running system.
#[must_use]
pub fn detect() -> Driver {
    let probe = SystemProbe;
    let Some(mountinfo) = probe.read(Path::new("/proc/self/mountinfo")) else {
        return none("cannot read /proc/self/mountinfo");
    };
    let Some(own) = probe.read(Path::new("/proc/self/cgroup")) else {
        return none("cannot read /proc/self/cgroup");
    };
    detect_from(&mountinfo, &own, &probe)
}

fn none(reason: impl Into<String>) -> Driver {
    Driver::None {
        reason: reason.into(),
    }
}

/// One cgroup mount from mountinfo.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Mount {
    root: String,
    point: PathBuf,
    v2: bool,
    options: Vec<String>,
}

/// Undoes the octal escapes of a `/proc/self/mountinfo` field (`\040` for a space, `\134` for
/// a backslash); anything that is not a valid `\ooo` byte stays as it is.
pub fn unescape_mountinfo(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\'
            && i + 4 <= b.len()
            && b[i + 1..i + 4].iter().all(|c| (b'0'..=b'7').contains(c))
        {
            let v = b[i + 1..i + 4]
                .iter()
                .fold(0u32, |acc, c| acc * 8 + u32::from(c - b'0'));
            if let Ok(v) = u8::try_from(v) {
                out.push(v);
                i += 4;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn parse_mounts(mountinfo: &str) -> Vec<Mount> {
    let mut out = Vec::new();
    for line in mountinfo.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        let Some(sep) = fields.iter().position(|f| *f == "-") else {
            continue;
        };
        if sep < 6 || fields.len() < sep + 4 {
            continue;
        }
        let fstype = fields[sep + 1];
        let v2 = match fstype {
            "cgroup2" => true,
            "cgroup" => false,
            _ => continue,
        };
        out.push(Mount {
            root: unescape_mountinfo(fields[3]),
            point: PathBuf::from(unescape_mountinfo(fields[4])),
            v2,
            options: fields[sep + 3].split(',').map(str::to_owned).collect(),
        });
    }
    // A later mount on the same point hides the earlier one.
    let mut seen = Vec::<PathBuf>::new();
    let mut kept = Vec::new();
    for m in out.into_iter().rev() {
        if !seen.contains(&m.point) {
            seen.push(m.point.clone());
            kept.push(m);
        }
    }
    kept.reverse();
    kept
}

/// Where the cgroup2 hierarchy is mounted for this process (`/sys/fs/cgroup`, or
/// `/sys/fs/cgroup/unified` on a hybrid machine): the root the `ControlGroup=` paths are
/// relative to.
#[must_use]
pub fn unified_mount_point() -> Option<PathBuf> {
    let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    parse_mounts(&mountinfo)
        .into_iter()
        .find(|m| m.v2)
        .map(|m| m.point)
}

/// The cgroup mounts of `mountinfo`: (mount point, is cgroup2, mount options).
pub(crate) fn cgroup_mounts(mountinfo: &str) -> Vec<(PathBuf, bool, Vec<String>)> {
    parse_mounts(mountinfo)
        .into_iter()
        .map(|m| (m.point, m.v2, m.options))
        .collect()
}

/// `(controllers, path)` per line of /proc/self/cgroup; v2 has no controllers.
fn parse_self_cgroup(text: &str) -> Vec<(Vec<String>, String)> {
    text.lines()
        .filter_map(|l| {
            let mut it = l.splitn(3, ':');
            let _id = it.next()?;
            let ctrls = it.next()?;
            let path = it.next()?;
            let ctrls = ctrls
                .split(',')
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect();
            Some((ctrls, path.to_owned()))
        })
        .collect()
}

/// Where cgroup `own` (as /proc/self/cgroup shows it) is on disk below mount `m`.
fn on_disk(m: &Mount, own: &str) -> PathBuf {
    let rel = if m.root != "/" && own.starts_with(&m.root) {
        &own[m.root.len()..]
    } else {
        own
    };
    let rel = rel.trim_start_matches('/');
    if rel.is_empty() {
        m.point.clone()
    } else {
        m.point.join(rel)
    }
}

/// Detects the driver from the text of `/proc/self/mountinfo` and `/proc/self/cgroup`, checking
/// files through `probe`.
pub fn detect_from(mountinfo: &str, self_cgroup: &str, probe: &dyn DetectProbe) -> Driver {
    let mounts = parse_mounts(mountinfo);
    let own = parse_self_cgroup(self_cgroup);
    let v2_mount = ["/sys/fs/cgroup", "/sys/fs/cgroup/unified"]
        .iter()
        .find_map(|p| mounts.iter().find(|m| m.v2 && m.point == Path::new(p)))
        .or_else(|| mounts.iter().find(|m| m.v2));
    let Some(v2_mount) = v2_mount else {
        return none("no cgroup2 file system is mounted");
    };
    let Some((_, v2_own)) = own.iter().find(|(c, _)| c.is_empty()) else {
        return none("this process is in no cgroup2 cgroup (/proc/self/cgroup has no 0:: line)");
    };
    let unified = on_disk(v2_mount, v2_own);
    if !probe.writable(&unified) || !probe.writable(&unified.join("cgroup.procs")) {
        return none(format!(
            "own cgroup {} is not writable by this user (not delegated to it)",
            unified.display()
        ));
    }
    let offered = probe
        .read(&unified.join("cgroup.controllers"))
        .unwrap_or_default();
    let unified_controllers: Vec<Controller> = Controller::ALL
        .into_iter()
        .filter(|c| offered.split_whitespace().any(|o| o == c.as_str()))
        .collect();
    let mut hybrid = false;
    let mut v1 = Vec::new();
    for m in mounts.iter().filter(|m| !m.v2) {
        let ctrls: Vec<Controller> = Controller::ALL
            .into_iter()
            .filter(|c| {
                c.v1_name()
                    .is_some_and(|n| m.options.iter().any(|o| o == n))
            })
            .collect();
        if ctrls.is_empty() {
            continue;
        }
        hybrid = true;
        // Controllers the v2 root already offers are used there, not here.
        let useful: Vec<Controller> = ctrls
            .into_iter()
            .filter(|c| !unified_controllers.contains(c))
            .collect();
        if useful.is_empty() {
            continue;
        }
        let Some((_, path)) = own.iter().find(|(c, _)| {
            !c.is_empty() && c.iter().all(|name| m.options.iter().any(|o| o == name))
        }) else {
            continue;
        };
        let dir = on_disk(m, path);
        if probe.writable(&dir) && probe.writable(&dir.join("cgroup.procs")) {
            v1.push(V1Root {
                controllers: useful,
                path: dir,
            });
        }
    }
    let setup = CgroupSetup {
        unified,
        unified_controllers,
        v1,
    };
    if hybrid {
        Driver::Hybrid(setup)
    } else {
        Driver::Unified(setup)
    }
}
