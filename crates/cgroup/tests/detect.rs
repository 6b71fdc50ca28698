//! Driver detection on fake `/proc/self/mountinfo` and `/proc/self/cgroup` texts.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use linger_cgroup::{Controller, DetectProbe, Driver, DriverKind, V1Root, detect_from};

#[derive(Default)]
struct Fake {
    files: BTreeMap<PathBuf, String>,
    writable: BTreeSet<PathBuf>,
}

impl Fake {
    fn file(mut self, p: &str, c: &str) -> Self {
        self.files.insert(p.into(), c.into());
        self
    }
    /// A directory we may write, with its cgroup.procs.
    fn writable(mut self, dir: &str) -> Self {
        self.writable.insert(dir.into());
        self.writable.insert(Path::new(dir).join("cgroup.procs"));
        self
    }
}

impl DetectProbe for Fake {
    fn read(&self, path: &Path) -> Option<String> {
        self.files.get(path).cloned()
    }
    fn writable(&self, path: &Path) -> bool {
        self.writable.contains(path)
    }
}

/// This machine: v2 at /sys/fs/cgroup/unified with no useful controller, v1 cpu and cpuacct
/// in separate hierarchies, our memory cgroup inside a sandbox's.
const HYBRID_MOUNTINFO: &str = "\
31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
38 31 0:35 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio
39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
";
const HYBRID_SELF: &str = "\
9:name=systemd:/
8:pids:/
7:blkio:/
4:memory:/process_api/c15c
2:cpuacct:/
1:cpu:/
0::/
";

#[test]
fn this_machine_is_hybrid() {
    let probe = Fake::default()
        .file("/sys/fs/cgroup/unified/cgroup.controllers", "hugetlb\n")
        .writable("/sys/fs/cgroup/unified")
        .writable("/sys/fs/cgroup/memory/process_api/c15c")
        .writable("/sys/fs/cgroup/pids")
        .writable("/sys/fs/cgroup/cpu");
    let d = detect_from(HYBRID_MOUNTINFO, HYBRID_SELF, &probe);
    assert_eq!(d.name(), "hybrid");
    let s = d.setup().unwrap();
    assert_eq!(s.unified, Path::new("/sys/fs/cgroup/unified"));
    assert!(s.unified_controllers.is_empty());
    let root = |c, p: &str| V1Root {
        controllers: vec![c],
        path: p.into(),
    };
    assert_eq!(
        s.v1,
        [
            root(Controller::Cpu, "/sys/fs/cgroup/cpu"),
            root(Controller::Memory, "/sys/fs/cgroup/memory/process_api/c15c"),
            root(Controller::Pids, "/sys/fs/cgroup/pids"),
        ]
    );
}

#[test]
fn hybrid_without_writable_v1_keeps_tracking_only() {
    // A user manager started alone by a user: v2 subtree delegated, v1 owned by root.
    let self_cg = HYBRID_SELF.replace("0::/", "0::/user.slice/user-1000.slice/user@1000.service");
    let probe = Fake::default()
        .writable("/sys/fs/cgroup/unified/user.slice/user-1000.slice/user@1000.service");
    let d = detect_from(HYBRID_MOUNTINFO, &self_cg, &probe);
    assert_eq!(d.kind(), DriverKind::Hybrid);
    assert!(d.setup().unwrap().v1.is_empty());
}

const UNIFIED_MOUNTINFO: &str = "\
25 20 0:22 / /sys rw,nosuid - sysfs sysfs rw
30 25 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
";

#[test]
fn unified_delegated_user_manager() {
    let own = "/sys/fs/cgroup/user.slice/user-1000.slice/user@1000.service";
    let probe = Fake::default()
        .file(&format!("{own}/cgroup.controllers"), "cpu memory pids\n")
        .writable(own);
    let d = detect_from(
        UNIFIED_MOUNTINFO,
        "0::/user.slice/user-1000.slice/user@1000.service\n",
        &probe,
    );
    let Driver::Unified(s) = &d else {
        panic!("expected unified, got {d:?}")
    };
    assert_eq!(s.unified, Path::new(own));
    assert_eq!(
        s.unified_controllers,
        [Controller::Memory, Controller::Pids, Controller::Cpu]
    );
    assert!(s.v1.is_empty());
}

#[test]
fn unified_not_delegated_is_none() {
    // Started from a terminal's scope, which nobody delegated to the user.
    let d = detect_from(
        UNIFIED_MOUNTINFO,
        "0::/user.slice/user-1000.slice/session-3.scope\n",
        &Fake::default(),
    );
    let Driver::None { reason } = &d else {
        panic!("expected none, got {d:?}")
    };
    assert_eq!(d.name(), "none");
    assert!(
        reason.contains("session-3.scope") && reason.contains("not writable"),
        "{reason}"
    );
}

#[test]
fn nothing_mounted_is_none() {
    let d = detect_from(
        "25 20 0:22 / /sys rw - sysfs sysfs rw\n",
        "0::/\n",
        &Fake::default(),
    );
    assert_eq!(
        d,
        Driver::None {
            reason: "no cgroup2 file system is mounted".into()
        }
    );
    let d = detect_from(UNIFIED_MOUNTINFO, "1:name=systemd:/\n", &Fake::default());
    assert_eq!(d.name(), "none");
}

#[test]
fn namespaced_mount_root_and_escapes() {
    // A container whose cgroup2 mount root is a sub-cgroup, at a path with a space.
    let mi = "30 25 0:26 /ctr /run/cg\\040x rw - cgroup2 cgroup2 rw\n";
    let probe = Fake::default().writable("/run/cg x/svc");
    let d = detect_from(mi, "0::/ctr/svc\n", &probe);
    assert_eq!(d.setup().unwrap().unified, Path::new("/run/cg x/svc"));
    assert_eq!(d.name(), "unified");
}

#[test]
fn driver_names_round_trip() {
    for k in [DriverKind::Unified, DriverKind::Hybrid, DriverKind::None] {
        assert_eq!(k.as_str().parse::<DriverKind>(), Ok(k));
        assert_eq!(k.to_string(), k.as_str());
    }
    assert!("v1".parse::<DriverKind>().is_err());
}

#[test]
fn this_machine_detects() {
    // Whatever the machine is, detection must not fail and must name a driver.
    let d = linger_cgroup::detect();
    assert!(["unified", "hybrid", "none"].contains(&d.name()));
}
