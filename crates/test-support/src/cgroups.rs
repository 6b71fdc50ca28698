//! Cgroups a test makes for itself, as the login daemon makes `user@UID.service`: a private
//! `linger-test-PID-NAME/user@UID.service` in the cgroup2 tree (`/sys/fs/cgroup/unified` on a
//! hybrid machine, `/sys/fs/cgroup` on a pure v2 one) and, on request, in the v1 `memory`,
//! `pids` and `cpu` hierarchies where they exist (real kernel enforcement on hybrid machines).
//! Tests never touch the hierarchies themselves or any cgroup they did not create: dropping
//! the value removes what it made, deepest first.

use std::path::{Path, PathBuf};

/// The v1 hierarchies a test may also use when they exist (hybrid mode).
const V1_CONTROLLERS: [&str; 3] = ["memory", "pids", "cpu"];

/// A test's own delegated `user@UID.service`, in the v2 tree and maybe the v1 hierarchies.
#[derive(Debug)]
pub struct TestCgroups {
    /// `linger-test-PID-NAME` in each hierarchy used; the v2 one first.
    roots: Vec<PathBuf>,
    service: String,
}

impl TestCgroups {
    /// Make `linger-test-PID-NAME/user@UID.service` (handed to `uid` when it is not root), in
    /// the v2 tree and, with `with_v1`, in each v1 hierarchy of [`V1_CONTROLLERS`] here. None
    /// (after saying why on stderr) when not root or there is no writable cgroup2 tree: the
    /// caller skips what needs one.
    pub fn create(name: &str, uid: u32, with_v1: bool) -> Option<TestCgroups> {
        if !rustix::process::geteuid().is_root() {
            eprintln!("no test cgroup: making a delegated cgroup needs root");
            return None;
        }
        let Some(v2) = cgroup2_tree() else {
            eprintln!(
                "no test cgroup: no cgroup2 tree at /sys/fs/cgroup/unified or /sys/fs/cgroup"
            );
            return None;
        };
        let base = format!("linger-test-{}-{name}", std::process::id());
        let service = format!("user@{uid}.service");
        let mut hierarchies = vec![v2.clone()];
        if with_v1 && v2.ends_with("unified") {
            hierarchies.extend(
                V1_CONTROLLERS
                    .iter()
                    .map(|c| Path::new("/sys/fs/cgroup").join(c))
                    .filter(|h| h.join("cgroup.procs").exists()),
            );
        }
        let mut cg = TestCgroups {
            roots: Vec::new(),
            service,
        };
        for hierarchy in hierarchies {
            let root = hierarchy.join(&base);
            if std::fs::create_dir_all(root.join(&cg.service)).is_err() {
                if hierarchy == v2 {
                    eprintln!("no test cgroup: cannot create {}", root.display());
                    return None;
                }
                continue;
            }
            cg.roots.push(root);
        }
        cg.pass_down_v2_controllers();
        if uid != 0 {
            for dir in cg.service_dirs() {
                chown_tree(&dir, uid);
            }
        }
        Some(cg)
    }

    /// On a pure v2 machine the controllers the parent hands down are enabled for the
    /// delegated cgroup, as the login daemon does for `user@UID.service`. Best effort: a
    /// controller the kernel refuses is left out, and the tests that need it say so.
    fn pass_down_v2_controllers(&self) {
        let root = &self.roots[0];
        let Some(parent) = root.parent() else { return };
        let offered =
            std::fs::read_to_string(parent.join("cgroup.subtree_control")).unwrap_or_default();
        for controller in offered.split_whitespace() {
            let _ = std::fs::write(
                root.join("cgroup.subtree_control"),
                format!("+{controller}"),
            );
        }
    }

    /// `user@UID.service` in each hierarchy, the v2 one first.
    pub fn service_dirs(&self) -> Vec<PathBuf> {
        self.roots.iter().map(|r| r.join(&self.service)).collect()
    }

    /// The `cgroup.procs` of `user@UID.service` in each hierarchy: what a process writes its
    /// pid to, to run inside it (`Manager::start_in_cgroups`); the v2 one first.
    pub fn procs_files(&self) -> Vec<PathBuf> {
        self.service_dirs()
            .iter()
            .map(|d| d.join("cgroup.procs"))
            .collect()
    }

    /// Every pid anywhere in the v2 tree of the test.
    pub fn v2_pids(&self) -> Vec<u32> {
        dirs_below(&self.roots[0])
            .iter()
            .filter_map(|d| std::fs::read_to_string(d.join("cgroup.procs")).ok())
            .flat_map(|s| {
                s.lines()
                    .filter_map(|l| l.parse().ok())
                    .collect::<Vec<u32>>()
            })
            .collect()
    }
}

impl Drop for TestCgroups {
    fn drop(&mut self) {
        for root in &self.roots {
            let mut dirs = dirs_below(root);
            dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
            for d in dirs {
                let _ = std::fs::remove_dir(&d);
            }
        }
    }
}

/// The cgroup2 tree here: `/sys/fs/cgroup/unified` on a hybrid machine, `/sys/fs/cgroup` on a
/// pure v2 one.
pub fn cgroup2_tree() -> Option<PathBuf> {
    let hybrid = Path::new("/sys/fs/cgroup/unified");
    if hybrid.join("cgroup.procs").exists() {
        return Some(hybrid.to_path_buf());
    }
    let pure = Path::new("/sys/fs/cgroup");
    pure.join("cgroup.controllers")
        .exists()
        .then(|| pure.to_path_buf())
}

/// `dir` and every directory below it.
pub fn dirs_below(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                out.extend(dirs_below(&e.path()));
            }
        }
    }
    out
}

/// Hand a cgroup directory and its files to `uid`, as a delegation does.
fn chown_tree(dir: &Path, uid: u32) {
    let ok = std::process::Command::new("chown")
        .args(["-R", &uid.to_string()])
        .arg(dir)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "cannot delegate {} to uid {uid}", dir.display());
}
