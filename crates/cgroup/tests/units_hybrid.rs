//! UnitCgroups with the hybrid driver on MemFs: v1 cgroups realized for limits, joins,
//! statistics and delegation.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use linger_cgroup::{
    ApplyMode, CgroupError, CgroupFs, CgroupSetup, Controller, Directive, DriverKind, MemFs,
    MemKernel, UnitCgroups, V1Root,
};

#[test]
fn join_fds_open_every_hierarchy() {
    let fs = hybrid_fs();
    let mut cg = hybrid(&fs);
    cg.create("web.service", None).unwrap();
    // Without limits (and without v1 accounting) a unit lives in the v2 hierarchy only.
    assert_eq!(cg.join_fds("web.service").unwrap().len(), 1);
    assert!(!fs.exists(Path::new("/m/linger/app.slice/web.service")));
    let l = limits(&[
        (Directive::MemoryMax, "1G"),
        (Directive::TasksMax, "9"),
        (Directive::CPUWeight, "50"),
    ]);
    cg.apply("web.service", &l, &SYS, ApplyMode::Fresh).unwrap();
    let fds = cg.join_fds("web.service").unwrap();
    assert_eq!(fds.len(), 4);
    let opened: Vec<PathBuf> = fs.opened();
    assert_eq!(
        opened,
        [
            "/u/linger/app.slice/web.service/cgroup.procs",
            "/u/linger/app.slice/web.service/cgroup.procs",
            "/m/linger/app.slice/web.service/cgroup.procs",
            "/p/app.slice/web.service/cgroup.procs",
            "/c/app.slice/web.service/cgroup.procs",
        ]
        .map(PathBuf::from)
    );
    assert!(matches!(
        cg.join_fds("other.service"),
        Err(CgroupError::UnknownUnit(_))
    ));
}

#[test]
fn hybrid_limits_go_to_v1_files() {
    let fs = hybrid_fs();
    let mut cg = hybrid(&fs);
    cg.create("web.service", None).unwrap();
    let l = limits(&[
        (Directive::MemoryMax, "50M"),
        (Directive::MemoryHigh, "40M"),
        (Directive::TasksMax, "20"),
        (Directive::CPUQuota, "20%"),
        (Directive::CPUWeight, "50"),
    ]);
    let warnings = cg.apply("web.service", &l, &SYS, ApplyMode::Fresh).unwrap();
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].contains("MemoryHigh= has no cgroup v1 equivalent"),
        "{warnings:?}"
    );
    let d = "app.slice/web.service";
    assert_eq!(
        read(&fs, format!("/m/linger/{d}/memory.limit_in_bytes")),
        "52428800\n"
    );
    assert_eq!(read(&fs, format!("/p/{d}/pids.max")), "20\n");
    assert_eq!(read(&fs, format!("/c/{d}/cpu.cfs_quota_us")), "20000\n");
    assert_eq!(read(&fs, format!("/c/{d}/cpu.cfs_period_us")), "100000\n");
    assert_eq!(read(&fs, format!("/c/{d}/cpu.shares")), "512\n");
    let e = cg
        .apply(
            "web.service",
            &limits(&[(Directive::IOWeight, "5")]),
            &SYS,
            ApplyMode::Fresh,
        )
        .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("IOWeight= needs the io controller"),
        "{e}"
    );
    // Without swap accounting, MemorySwapMax is reported, not silently dropped.
    let fs2 = MemFs::new(MemKernel {
        swap_accounting: false,
        ..MemKernel::default()
    });
    fs2.add_v2_hierarchy("/u", &[]);
    fs2.add_v1_hierarchy("/m", &["memory"]);
    let setup = CgroupSetup {
        unified: "/u".into(),
        unified_controllers: vec![],
        v1: vec![V1Root {
            controllers: vec![Controller::Memory],
            path: "/m".into(),
        }],
    };
    let mut cg2 = UnitCgroups::with_setup(&fs2, DriverKind::Hybrid, setup).unwrap();
    cg2.create("s.service", None).unwrap();
    let w = cg2
        .apply(
            "s.service",
            &limits(&[
                (Directive::MemoryMax, "1G"),
                (Directive::MemorySwapMax, "1G"),
            ]),
            &SYS,
            ApplyMode::Fresh,
        )
        .unwrap();
    assert!(
        w.iter()
            .all(|w| w.starts_with("MemorySwapMax=") && w.ends_with(", ignoring.")),
        "{w:?}"
    );
    assert_eq!(w.len(), 2);
}

#[test]
fn stats_unified_and_hybrid() {
    let fs = unified_fs(MemKernel::default());
    let mut cg = unified(&fs);
    let dir = cg.create("web.service", None).unwrap();
    fs.spawn(1, &[dir.to_str().unwrap()]);
    fs.set_stat(&dir, "memory.current", "1048576");
    fs.set_stat(
        &dir,
        "memory.events",
        "low 0\nhigh 3\nmax 2\noom 1\noom_kill 1\noom_group_kill 0",
    );
    fs.set_stat(
        &dir,
        "cpu.stat",
        "usage_usec 1500\nuser_usec 1000\nsystem_usec 500",
    );
    let s = cg.stats("web.service").unwrap();
    assert_eq!(
        (
            s.memory_current,
            s.tasks_current,
            s.cpu_usage_nsec,
            s.oom_kills
        ),
        (Some(1_048_576), Some(1), Some(1_500_000), Some(1))
    );
    assert_eq!(s.memory_events.unwrap().high, 3);

    let fs = hybrid_fs();
    let mut cg = hybrid(&fs);
    cg.set_v1_accounting(true);
    cg.create("web.service", None).unwrap();
    let m = "/m/linger/app.slice/web.service";
    fs.set_stat(m, "memory.usage_in_bytes", "4096");
    fs.set_stat(
        m,
        "memory.oom_control",
        "oom_kill_disable 0\nunder_oom 0\noom_kill 2",
    );
    fs.spawn(
        5,
        &[
            "/u/linger/app.slice/web.service",
            "/p/app.slice/web.service",
        ],
    );
    let s = cg.stats("web.service").unwrap();
    assert_eq!(
        (
            s.memory_current,
            s.tasks_current,
            s.cpu_usage_nsec,
            s.oom_kills
        ),
        (Some(4096), Some(1), Some(0), Some(2))
    );
}

#[test]
fn delegate_chowns_dirs_and_delegation_files() {
    let fs = hybrid_fs();
    let mut cg = hybrid(&fs);
    cg.set_v1_accounting(true);
    cg.create_at(
        "user@1000.service",
        Path::new("user-1000.slice/user@1000.service"),
    )
    .unwrap();
    cg.delegate("user@1000.service", 1000, 1000).unwrap();
    for p in [
        "/u/linger/user-1000.slice/user@1000.service",
        "/u/linger/user-1000.slice/user@1000.service/cgroup.procs",
        "/u/linger/user-1000.slice/user@1000.service/cgroup.subtree_control",
        "/m/linger/user-1000.slice/user@1000.service/tasks",
    ] {
        assert_eq!(fs.owner(p), Some((1000, 1000)), "{p}");
    }
    assert!(cg.create_at("x", Path::new("../escape")).is_err());
}

#[test]
fn limits_added_to_a_running_unit_move_its_processes() {
    let fs = hybrid_fs();
    let mut cg = hybrid(&fs);
    cg.create("web.service", None).unwrap();
    fs.spawn(7, &["/u/linger/app.slice/web.service"]);
    fs.spawn(8, &["/u/linger/app.slice/web.service"]);
    let l = limits(&[(Directive::TasksMax, "50")]);
    cg.apply("web.service", &l, &SYS, ApplyMode::Reapply)
        .unwrap();
    assert_eq!(read(&fs, "/p/app.slice/web.service/cgroup.procs"), "7\n8\n");
    assert_eq!(read(&fs, "/p/app.slice/web.service/pids.max"), "50\n");
    assert_eq!(cg.dirs("web.service").unwrap().len(), 2);
    fs.exit(7);
    fs.exit(8);
    cg.remove("web.service").unwrap();
    assert!(!fs.exists(Path::new("/p/app.slice/web.service")));
}

#[test]
fn registering_touches_nothing_until_the_new_cgroup_is_made_elsewhere() {
    let fs = hybrid_fs();
    let mut cg = hybrid(&fs);
    cg.set_v1_accounting(true);
    let unit = "user@1000.service";
    let new = cg
        .register_at(unit, Path::new("user-1000.slice/user@1000.service"))
        .unwrap();
    // Known at once (paths, for the loop), nothing on the file system yet.
    let dir = "/u/linger/user-1000.slice/user@1000.service";
    assert_eq!(cg.path(unit).unwrap(), Path::new(dir));
    assert!(!fs.exists(Path::new(dir)));
    // Made on another thread, with what a worker gets: plain data and the file system.
    let made = std::thread::scope(|t| {
        t.spawn(|| {
            let path = new.make(&fs).unwrap();
            new.delegate(&fs, 1000, 1000).unwrap();
            (path, new.join_fds(&fs).unwrap().len())
        })
        .join()
        .unwrap()
    });
    assert_eq!(made.0, Path::new(dir));
    assert_eq!(
        made.1,
        cg.dirs(unit).unwrap().len(),
        "v2 and every v1 hierarchy"
    );
    assert_eq!(fs.owner(dir), Some((1000, 1000)));
    assert_eq!(
        fs.owner("/m/linger/user-1000.slice/user@1000.service/tasks"),
        Some((1000, 1000))
    );
    // Forgetting is immediate; the removal is the worker's again.
    let old = cg.forget(unit).unwrap();
    assert!(cg.path(unit).is_err());
    assert!(fs.exists(Path::new(dir)));
    old.remove(&fs).unwrap();
    assert!(!fs.exists(Path::new(dir)));
    assert!(!fs.exists(Path::new("/m/linger/user-1000.slice/user@1000.service")));
    assert!(cg.register_at("x", Path::new("../escape")).is_err());
}
