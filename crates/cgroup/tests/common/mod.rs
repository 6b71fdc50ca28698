//! Helpers shared by the MemFs-based UnitCgroups tests.
#![allow(dead_code)] // each test binary uses a part

use std::path::Path;

use linger_cgroup::{
    CgroupFs, CgroupSetup, Controller, Directive, DriverKind, MemFs, MemKernel, ResourceLimits,
    SystemInfo, UnitCgroups, V1Root,
};

pub const ROOT: &str = "/cg/user.slice/user@1000.service";

pub const SYS: SystemInfo = SystemInfo {
    physical_memory: 4 << 30,
    tasks_max: 32767,
    page_size: 4096,
};

pub fn unified_fs(kernel: MemKernel) -> MemFs {
    let fs = MemFs::new(kernel);
    fs.add_v2_hierarchy("/cg", &["cpu", "io", "memory", "pids"]);
    fs.write(
        Path::new("/cg/cgroup.subtree_control"),
        "+cpu +io +memory +pids",
    )
    .unwrap();
    fs.mkdir_all("/cg/user.slice");
    fs.write(
        Path::new("/cg/user.slice/cgroup.subtree_control"),
        "+cpu +io +memory +pids",
    )
    .unwrap();
    fs.mkdir_all(ROOT);
    // The manager itself (pid 100) lives in its root, as when the login daemon started it.
    fs.spawn(100, &[ROOT]);
    fs
}

pub fn unified(fs: &MemFs) -> UnitCgroups<&MemFs> {
    let setup = CgroupSetup {
        unified: ROOT.into(),
        unified_controllers: Controller::ALL.to_vec(),
        v1: vec![],
    };
    let mut cg = UnitCgroups::with_setup(fs, DriverKind::Unified, setup).unwrap();
    assert_eq!(cg.adopt_root().unwrap(), Controller::ALL);
    cg
}

pub fn read(fs: &MemFs, p: impl AsRef<Path>) -> String {
    fs.read(p.as_ref()).unwrap()
}

pub fn limits(pairs: &[(Directive, &str)]) -> ResourceLimits {
    let mut l = ResourceLimits::default();
    for (d, v) in pairs {
        l.assign(*d, v).unwrap();
    }
    l
}

pub fn hybrid_fs() -> MemFs {
    let fs = MemFs::default();
    fs.add_v2_hierarchy("/u", &["hugetlb"]);
    fs.add_v1_hierarchy("/m", &["memory"]);
    fs.add_v1_hierarchy("/p", &["pids"]);
    fs.add_v1_hierarchy("/c", &["cpu"]);
    fs.mkdir_all("/u/linger");
    fs.mkdir_all("/m/linger");
    fs
}

pub fn hybrid(fs: &MemFs) -> UnitCgroups<&MemFs> {
    let v1 = |c, p: &str| V1Root {
        controllers: vec![c],
        path: p.into(),
    };
    let setup = CgroupSetup {
        unified: "/u/linger".into(),
        unified_controllers: vec![],
        v1: vec![
            v1(Controller::Memory, "/m/linger"),
            v1(Controller::Pids, "/p"),
            v1(Controller::Cpu, "/c"),
        ],
    };
    let mut cg = UnitCgroups::with_setup(fs, DriverKind::Hybrid, setup).unwrap();
    assert!(cg.adopt_root().unwrap().is_empty());
    cg
}
