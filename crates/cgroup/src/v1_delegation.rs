//! Delegating the v1 controller hierarchies of a hybrid machine (memory, pids, cpu beside a
//! cgroup2 tree that offers none of them) to a user, as the login daemon does for
//! `user@UID.service` in the v2 tree.
//!
//! The v1 subtree mirrors the v2 one: a v2 root `/sys/fs/cgroup/unified/X` maps to
//! `/sys/fs/cgroup/memory/X` (and `pids/X`, `cpu/X`), as systemd lays out hybrid hierarchies.
//! The user manager then finds its own v1 cgroups writable and enforces `MemoryMax=`,
//! `TasksMax=` and `CPUQuota=` there (its `hybrid` driver). On a pure v2 machine there is no
//! such hierarchy and nothing here does anything.

use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};

use crate::controller::Controller;
use crate::error::Result;
use crate::fs::CgroupFs;
use crate::layout::INIT_SCOPE;

/// The v1 hierarchies to delegate into, each at the place mirroring the v2 root.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct V1Delegation {
    /// `<v1 mount>/<v2 root below its mount>`, one per hierarchy.
    bases: Vec<PathBuf>,
}

/// Files of a v1 cgroup its delegate writes.
const DELEGATED_FILES: [&str; 3] = ["cgroup.procs", "tasks", "cgroup.clone_children"];

impl V1Delegation {
    /// The hierarchies of this machine (from `/proc/self/mountinfo`) that carry a controller
    /// linger uses which the v2 tree at `v2_root` does not offer.
    pub fn detect(v2_root: &Path) -> V1Delegation {
        let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
        let offered =
            std::fs::read_to_string(v2_root.join("cgroup.controllers")).unwrap_or_default();
        V1Delegation::from_mountinfo(&mountinfo, v2_root, &offered)
    }

    /// [`V1Delegation::detect`] on given texts (`offered`: the v2 root's `cgroup.controllers`).
    pub fn from_mountinfo(mountinfo: &str, v2_root: &Path, offered: &str) -> V1Delegation {
        let mounts = crate::detect::cgroup_mounts(mountinfo);
        let Some(rel) = mounts
            .iter()
            .filter(|(_, v2, _)| *v2)
            .filter_map(|(point, _, _)| v2_root.strip_prefix(point).ok())
            .min_by_key(|rel| rel.components().count())
        else {
            return V1Delegation::default();
        };
        let bases = mounts
            .iter()
            .filter(|(_, v2, _)| !*v2)
            .filter(|(_, _, options)| {
                Controller::ALL.into_iter().any(|c| {
                    c.v1_name().is_some_and(|n| options.iter().any(|o| o == n))
                        && !offered.split_whitespace().any(|o| o == c.as_str())
                })
            })
            .map(|(point, _, _)| point.join(rel))
            .collect();
        V1Delegation { bases }
    }

    /// Whether there is nothing to delegate (pure v2, or no v1 controller linger uses).
    pub fn is_empty(&self) -> bool {
        self.bases.is_empty()
    }

    /// Make `rel` (e.g. `linger.slice/user-1000.slice/user@1000.service`) and its
    /// `init.scope` in every hierarchy, owned by `uid:gid`, and return the `cgroup.procs` of
    /// each `init.scope` opened for writing: the user manager joins them between fork and exec.
    ///
    /// # Errors
    /// A directory cannot be made or handed over.
    pub fn prepare<F: CgroupFs>(
        &self,
        fs: &F,
        rel: &Path,
        uid: u32,
        gid: u32,
    ) -> Result<Vec<OwnedFd>> {
        let mut fds = Vec::new();
        for base in &self.bases {
            let service = base.join(rel);
            let init = service.join(INIT_SCOPE);
            mkdir_all(fs, base, &init)?;
            for dir in [&service, &init] {
                fs.chown(dir, uid, gid)?;
                for f in DELEGATED_FILES {
                    let p = dir.join(f);
                    if fs.exists(&p) {
                        fs.chown(&p, uid, gid)?;
                    }
                }
            }
            fds.push(fs.open_write(&init.join("cgroup.procs"))?);
        }
        Ok(fds)
    }

    /// Remove `rel` and everything below it in every hierarchy (deepest first; the processes
    /// must be gone), then its parents up to the base while they are empty.
    ///
    /// # Errors
    /// A cgroup could not be removed (still populated).
    pub fn remove<F: CgroupFs>(&self, fs: &F, rel: &Path) -> Result<()> {
        for base in &self.bases {
            let dir = base.join(rel);
            if fs.exists(&dir) {
                remove_tree(fs, &dir)?;
            }
            let mut parent = dir.parent();
            while let Some(p) = parent.filter(|p| p.starts_with(base) && *p != base.as_path()) {
                if fs.children(p).map(|c| !c.is_empty()).unwrap_or(true) || fs.rmdir(p).is_err() {
                    break;
                }
                parent = p.parent();
            }
        }
        Ok(())
    }
}

impl V1Delegation {
    /// Remove the mirror directories themselves with everything below them (a test's cgroup
    /// root going away; processes must be gone).
    ///
    /// # Errors
    /// A cgroup could not be removed (still populated).
    pub fn remove_bases<F: CgroupFs>(&self, fs: &F) -> Result<()> {
        for base in &self.bases {
            if fs.exists(base) {
                remove_tree(fs, base)?;
            }
        }
        Ok(())
    }
}

fn mkdir_all<F: CgroupFs>(fs: &F, base: &Path, dir: &Path) -> Result<()> {
    let mut missing = Vec::new();
    let mut cur = dir;
    while !fs.exists(cur) && cur != base {
        missing.push(cur.to_path_buf());
        match cur.parent() {
            Some(p) => cur = p,
            None => break,
        }
    }
    if !fs.exists(base) {
        missing.push(base.to_path_buf());
    }
    for d in missing.iter().rev() {
        fs.mkdir(d)?;
    }
    Ok(())
}

fn remove_tree<F: CgroupFs>(fs: &F, dir: &Path) -> Result<()> {
    for child in fs.children(dir)? {
        remove_tree(fs, &dir.join(child))?;
    }
    fs.rmdir(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOUNTINFO: &str = "\
30 23 0:26 / /sys/fs/cgroup ro,nosuid shared:9 - tmpfs tmpfs ro,mode=755
31 30 0:27 / /sys/fs/cgroup/unified rw,nosuid shared:10 - cgroup2 cgroup2 rw,nsdelegate
33 30 0:29 / /sys/fs/cgroup/memory rw,nosuid shared:12 - cgroup cgroup rw,memory
34 30 0:30 / /sys/fs/cgroup/pids rw,nosuid shared:13 - cgroup cgroup rw,pids
35 30 0:31 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:14 - cgroup cgroup rw,cpu,cpuacct
36 30 0:32 / /sys/fs/cgroup/freezer rw,nosuid shared:15 - cgroup cgroup rw,freezer
";

    #[test]
    fn v1_hierarchies_mirror_the_v2_root() {
        let d =
            V1Delegation::from_mountinfo(MOUNTINFO, Path::new("/sys/fs/cgroup/unified/test-1"), "");
        assert_eq!(
            d.bases,
            [
                "/sys/fs/cgroup/memory/test-1",
                "/sys/fs/cgroup/pids/test-1",
                "/sys/fs/cgroup/cpu,cpuacct/test-1"
            ]
            .map(PathBuf::from)
        );
        // Pure v2, or a v2 root offering them all: nothing.
        let v2 = "31 30 0:27 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n";
        assert!(V1Delegation::from_mountinfo(v2, Path::new("/sys/fs/cgroup/x"), "").is_empty());
        let offered = "cpu memory pids";
        assert!(
            V1Delegation::from_mountinfo(MOUNTINFO, Path::new("/sys/fs/cgroup/unified"), offered)
                .is_empty()
        );
    }
}
