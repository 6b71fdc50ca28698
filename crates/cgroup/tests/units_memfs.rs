//! UnitCgroups on the in-memory kernel: layout, delegation rules, joining, limits in the exact
//! file formats, kill methods, the populated watch, removal and statistics.

use std::path::{Path, PathBuf};

use linger_cgroup::{
    ApplyMode, CgroupError, CgroupFs, CgroupSetup, Controller, Directive, Driver, DriverKind,
    KillMethod, MemFs, MemKernel, ResourceLimits, SystemInfo, UnitCgroups, V1Root,
};

const ROOT: &str = "/cg/user.slice/user@1000.service";
const SYS: SystemInfo = SystemInfo {
    physical_memory: 4 << 30,
    tasks_max: 32767,
    page_size: 4096,
};

fn unified_fs(kernel: MemKernel) -> MemFs {
    let fs = MemFs::new(kernel);
    fs.add_v2_hierarchy("/cg", &["cpu", "io", "memory", "pids"]);
    fs.write(Path::new("/cg/cgroup.subtree_control"), "+cpu +io +memory +pids").unwrap();
    fs.mkdir_all("/cg/user.slice");
    fs.write(Path::new("/cg/user.slice/cgroup.subtree_control"), "+cpu +io +memory +pids")
        .unwrap();
    fs.mkdir_all(ROOT);
    // The manager itself (pid 100) lives in its root, as when the login daemon started it.
    fs.spawn(100, &[ROOT]);
    fs
}

fn unified(fs: &MemFs) -> UnitCgroups<&MemFs> {
    let setup = CgroupSetup {
        unified: ROOT.into(),
        unified_controllers: Controller::ALL.to_vec(),
        v1: vec![],
    };
    let mut cg = UnitCgroups::with_setup(fs, DriverKind::Unified, setup).unwrap();
    assert_eq!(cg.adopt_root().unwrap(), Controller::ALL);
    cg
}

fn read(fs: &MemFs, p: impl AsRef<Path>) -> String {
    fs.read(p.as_ref()).unwrap()
}

#[test]
fn adopt_root_moves_manager_then_enables_controllers() {
    let fs = unified_fs(MemKernel::default());
    let _cg = unified(&fs);
    assert_eq!(read(&fs, format!("{ROOT}/init.scope/cgroup.procs")), "100\n");
    assert_eq!(read(&fs, format!("{ROOT}/cgroup.procs")), "");
    assert_eq!(read(&fs, format!("{ROOT}/cgroup.subtree_control")), "cpu io memory pids\n");
    let w = fs.writes();
    let mv = w.iter().position(|(p, _)| p.ends_with("init.scope/cgroup.procs")).unwrap();
    let en = w.iter().position(|(p, _)| *p == Path::new(ROOT).join("cgroup.subtree_control")).unwrap();
    assert!(mv < en, "the manager must leave the root before controllers are enabled");
}

#[test]
fn enabling_without_adopting_fails_with_ebusy() {
    let fs = unified_fs(MemKernel::default());
    let setup = CgroupSetup { unified: ROOT.into(), unified_controllers: vec![], v1: vec![] };
    let mut cg = UnitCgroups::with_setup(&fs, DriverKind::Unified, setup).unwrap();
    let e = cg.enable_controllers().unwrap_err();
    assert!(e.is_errno(rustix::io::Errno::BUSY), "{e}");
}

#[test]
fn systemd_layout() {
    let fs = unified_fs(MemKernel::default());
    let mut cg = unified(&fs);
    let table: &[(&str, Option<&str>, &str)] = &[
        ("web.service", None, "app.slice/web.service"),
        ("x.service", Some("session.slice"), "session.slice/x.service"),
        ("y.service", Some("background.slice"), "background.slice/y.service"),
        ("z.service", Some("a-b.slice"), "a.slice/a-b.slice/z.service"),
        ("c.service", Some("a-b-c.slice"), "a.slice/a-b.slice/a-b-c.slice/c.service"),
        ("r.service", Some("-.slice"), "r.service"),
        ("cpu.service", None, "app.slice/_cpu.service"),
        ("a-b.slice", None, "a.slice/a-b.slice"),
        ("t.scope", Some("app.slice"), "app.slice/t.scope"),
    ];
    let mut bad = Vec::new();
    for (unit, slice, want) in table {
        match cg.create(unit, *slice) {
            Ok(p) if p == Path::new(ROOT).join(want) => {}
            other => bad.push(format!("{unit} in {slice:?}: expected {want}, got {other:?}")),
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    // Slices pass the controllers down; units get the limit files.
    assert_eq!(read(&fs, format!("{ROOT}/a.slice/a-b.slice/cgroup.subtree_control")), "cpu io memory pids\n");
    assert!(fs.exists(&Path::new(ROOT).join("a.slice/a-b.slice/z.service/memory.max")));
    assert_eq!(read(&fs, format!("{ROOT}/app.slice/web.service/cgroup.subtree_control")), "\n");
    for bad_name in ["a--b.slice", "-a.slice", "a-.slice", "noext", "a/b.service", ""] {
        let r = cg.create("u.service", Some(bad_name)).or_else(|_| cg.create(bad_name, None));
        assert!(matches!(r, Err(CgroupError::InvalidName { .. })), "{bad_name:?}: {r:?}");
    }
    cg.set_default_slice("background.slice").unwrap();
    assert!(cg.create("d.service", None).unwrap().ends_with("background.slice/d.service"));
}

#[test]
fn join_fds_open_every_hierarchy() {
    let fs = hybrid_fs();
    let mut cg = hybrid(&fs);
    cg.create("web.service", None).unwrap();
    let fds = cg.join_fds("web.service").unwrap();
    assert_eq!(fds.len(), 4);
    let opened: Vec<PathBuf> = fs.opened();
    assert_eq!(
        opened,
        [
            "/u/linger/app.slice/web.service/cgroup.procs",
            "/m/linger/app.slice/web.service/cgroup.procs",
            "/p/app.slice/web.service/cgroup.procs",
            "/c/app.slice/web.service/cgroup.procs",
        ]
        .map(PathBuf::from)
    );
    assert!(matches!(cg.join_fds("other.service"), Err(CgroupError::UnknownUnit(_))));
}

fn limits(pairs: &[(Directive, &str)]) -> ResourceLimits {
    let mut l = ResourceLimits::default();
    for (d, v) in pairs {
        l.assign(*d, v).unwrap();
    }
    l
}

#[test]
fn unified_limits_read_back_in_kernel_format() {
    let fs = unified_fs(MemKernel::default());
    let mut cg = unified(&fs);
    let dir = cg.create("web.service", None).unwrap();
    let l = limits(&[
        (Directive::MemoryMax, "512M"),
        (Directive::MemoryHigh, "25%"),
        (Directive::MemoryLow, "1000"),
        (Directive::MemorySwapMax, "infinity"),
        (Directive::TasksMax, "20"),
        (Directive::CPUQuota, "20%"),
        (Directive::CPUWeight, "idle"),
        (Directive::IOWeight, "200"),
    ]);
    assert!(cg.apply("web.service", &l, &SYS, ApplyMode::Fresh).unwrap().is_empty());
    let expect = [
        ("memory.max", "536870912\n"),
        ("memory.high", "1073741824\n"),
        ("memory.low", "0\n"), // the kernel rounds down to a page
        ("memory.swap.max", "max\n"),
        ("pids.max", "20\n"),
        ("cpu.max", "20000 100000\n"),
        ("cpu.idle", "1\n"),
        ("io.weight", "default 200\n"),
    ];
    let got: Vec<(&str, String)> = expect.iter().map(|(f, _)| (*f, read(&fs, dir.join(f)))).collect();
    let want: Vec<(&str, String)> = expect.iter().map(|(f, v)| (*f, (*v).to_owned())).collect();
    assert_eq!(got, want);
    // A reload that drops every directive resets the files.
    cg.apply("web.service", &ResourceLimits::default(), &SYS, ApplyMode::Reapply).unwrap();
    assert_eq!(read(&fs, dir.join("memory.max")), "max\n");
    assert_eq!(read(&fs, dir.join("cpu.max")), "max 100000\n");
    assert_eq!(read(&fs, dir.join("cpu.idle")), "0\n");
}

#[test]
fn missing_controller_is_an_error_and_nothing_is_written() {
    let fs = MemFs::default();
    fs.add_v2_hierarchy("/cg", &["pids"]);
    fs.mkdir_all(ROOT);
    let setup = CgroupSetup { unified: ROOT.into(), unified_controllers: vec![], v1: vec![] };
    let mut cg = UnitCgroups::with_setup(&fs, DriverKind::Unified, setup).unwrap();
    cg.adopt_root().unwrap();
    cg.create("web.service", None).unwrap();
    let before = fs.writes().len();
    let e = cg
        .apply("web.service", &limits(&[(Directive::TasksMax, "5"), (Directive::MemoryMax, "1G")]), &SYS, ApplyMode::Fresh)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "MemoryMax= needs the memory controller, which is not available to this manager (driver unified)"
    );
    assert_eq!(fs.writes().len(), before);
    let none = Driver::None { reason: "test".into() };
    assert!(matches!(UnitCgroups::new(&fs, &none), Err(CgroupError::NoCgroups(_))));
}

fn hybrid_fs() -> MemFs {
    let fs = MemFs::default();
    fs.add_v2_hierarchy("/u", &["hugetlb"]);
    fs.add_v1_hierarchy("/m", &["memory"]);
    fs.add_v1_hierarchy("/p", &["pids"]);
    fs.add_v1_hierarchy("/c", &["cpu"]);
    fs.mkdir_all("/u/linger");
    fs.mkdir_all("/m/linger");
    fs
}

fn hybrid(fs: &MemFs) -> UnitCgroups<&MemFs> {
    let v1 = |c, p: &str| V1Root { controllers: vec![c], path: p.into() };
    let setup = CgroupSetup {
        unified: "/u/linger".into(),
        unified_controllers: vec![],
        v1: vec![v1(Controller::Memory, "/m/linger"), v1(Controller::Pids, "/p"), v1(Controller::Cpu, "/c")],
    };
    let mut cg = UnitCgroups::with_setup(fs, DriverKind::Hybrid, setup).unwrap();
    assert!(cg.adopt_root().unwrap().is_empty());
    cg
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
    assert!(warnings[0].contains("MemoryHigh= has no cgroup v1 equivalent"), "{warnings:?}");
    let d = "app.slice/web.service";
    assert_eq!(read(&fs, format!("/m/linger/{d}/memory.limit_in_bytes")), "52428800\n");
    assert_eq!(read(&fs, format!("/p/{d}/pids.max")), "20\n");
    assert_eq!(read(&fs, format!("/c/{d}/cpu.cfs_quota_us")), "20000\n");
    assert_eq!(read(&fs, format!("/c/{d}/cpu.cfs_period_us")), "100000\n");
    assert_eq!(read(&fs, format!("/c/{d}/cpu.shares")), "512\n");
    let e = cg.apply("web.service", &limits(&[(Directive::IOWeight, "5")]), &SYS, ApplyMode::Fresh).unwrap_err();
    assert!(e.to_string().starts_with("IOWeight= needs the io controller"), "{e}");
    // Without swap accounting, MemorySwapMax is reported, not silently dropped.
    let fs2 = MemFs::new(MemKernel { swap_accounting: false, ..MemKernel::default() });
    fs2.add_v2_hierarchy("/u", &[]);
    fs2.add_v1_hierarchy("/m", &["memory"]);
    let setup = CgroupSetup {
        unified: "/u".into(),
        unified_controllers: vec![],
        v1: vec![V1Root { controllers: vec![Controller::Memory], path: "/m".into() }],
    };
    let mut cg2 = UnitCgroups::with_setup(&fs2, DriverKind::Hybrid, setup).unwrap();
    cg2.create("s.service", None).unwrap();
    let w = cg2
        .apply("s.service", &limits(&[(Directive::MemoryMax, "1G"), (Directive::MemorySwapMax, "1G")]), &SYS, ApplyMode::Fresh)
        .unwrap();
    assert!(w.iter().all(|w| w.starts_with("MemorySwapMax=") && w.ends_with(", ignoring.")), "{w:?}");
    assert_eq!(w.len(), 2);
}

#[test]
fn kill_uses_cgroup_kill_for_sigkill() {
    let fs = unified_fs(MemKernel::default());
    let mut cg = unified(&fs);
    let dir = cg.create("web.service", None).unwrap();
    fs.mkdir_all(dir.join("sub"));
    fs.spawn(1, &[dir.to_str().unwrap()]);
    fs.spawn(2, &[dir.join("sub").to_str().unwrap()]);
    assert_eq!(cg.pids("web.service").unwrap(), [1, 2]);
    let r = cg.kill("web.service", 9).unwrap();
    assert_eq!(r.method, KillMethod::CgroupKill);
    assert!(!fs.is_alive(1) && !fs.is_alive(2) && fs.is_alive(100));
    assert!(!cg.is_populated("web.service").unwrap());
}

#[test]
fn sigterm_freezes_so_nothing_forks_meanwhile() {
    let fs = unified_fs(MemKernel::default());
    let mut cg = unified(&fs);
    let dir = cg.create("web.service", None).unwrap();
    fs.spawn(1, &[dir.to_str().unwrap()]);
    fs.fork_on_signal(1, 2);
    let r = cg.kill("web.service", 15).unwrap();
    assert_eq!((r.method, r.signalled.clone(), r.complete), (KillMethod::FreezeAndSignal, vec![1], true));
    assert!(!fs.is_alive(2), "frozen processes cannot fork");
    assert_eq!(read(&fs, dir.join("cgroup.freeze")), "0\n", "always thawed");
    assert_eq!(read(&fs, dir.join("cgroup.events")), "populated 0\nfrozen 0\n");
}

#[test]
fn old_kernel_loops_until_no_new_process() {
    let fs = unified_fs(MemKernel { cgroup_kill: false, cgroup_freeze: false, ..MemKernel::default() });
    let mut cg = unified(&fs);
    let dir = cg.create("web.service", None).unwrap();
    fs.spawn(1, &[dir.to_str().unwrap()]);
    fs.fork_on_signal(1, 2);
    fs.spawn(3, &[dir.to_str().unwrap()]);
    fs.ignore_signals(3);
    let r = cg.kill("web.service", 9).unwrap();
    assert_eq!(r.method, KillMethod::Signal);
    assert_eq!(r.signalled, [1, 2, 3]);
    assert!(r.complete);
    assert_eq!(cg.pids("web.service").unwrap(), Vec::<u32>::new());
    assert!(cg.kill("web.service", 0).is_err());
}

#[test]
fn watch_reports_units_that_became_empty() {
    let fs = unified_fs(MemKernel::default());
    let mut cg = unified(&fs);
    let a = cg.create("a.service", None).unwrap();
    cg.create("b.service", None).unwrap();
    fs.spawn(1, &[a.to_str().unwrap()]);
    assert!(cg.watch("a.service").unwrap());
    assert!(!cg.watch("b.service").unwrap(), "already empty: no event will come");
    cg.unwatch("b.service");
    assert!(cg.drain_events().unwrap().is_empty());
    fs.exit(1);
    assert_eq!(cg.drain_events().unwrap(), ["a.service"]);
    assert!(!cg.is_watched("a.service"));
    assert!(cg.drain_events().unwrap().is_empty());
}

#[test]
fn remove_takes_sub_cgroups_and_refuses_busy_ones() {
    let fs = unified_fs(MemKernel::default());
    let mut cg = unified(&fs);
    let dir = cg.create("web.service", None).unwrap();
    fs.mkdir_all(dir.join("x/y"));
    fs.spawn(1, &[dir.join("x/y").to_str().unwrap()]);
    let e = cg.remove("web.service").unwrap_err();
    assert!(e.is_errno(rustix::io::Errno::BUSY), "{e}");
    assert!(cg.path("web.service").is_ok(), "still known after a failed removal");
    fs.exit(1);
    cg.remove("web.service").unwrap();
    assert!(!fs.exists(&dir));
    assert!(fs.exists(&Path::new(ROOT).join("app.slice")), "slices stay");
    assert!(matches!(cg.remove("web.service"), Err(CgroupError::UnknownUnit(_))));
}

#[test]
fn stats_unified_and_hybrid() {
    let fs = unified_fs(MemKernel::default());
    let mut cg = unified(&fs);
    let dir = cg.create("web.service", None).unwrap();
    fs.spawn(1, &[dir.to_str().unwrap()]);
    fs.set_stat(&dir, "memory.current", "1048576");
    fs.set_stat(&dir, "memory.events", "low 0\nhigh 3\nmax 2\noom 1\noom_kill 1\noom_group_kill 0");
    fs.set_stat(&dir, "cpu.stat", "usage_usec 1500\nuser_usec 1000\nsystem_usec 500");
    let s = cg.stats("web.service").unwrap();
    assert_eq!(
        (s.memory_current, s.tasks_current, s.cpu_usage_nsec, s.oom_kills),
        (Some(1_048_576), Some(1), Some(1_500_000), Some(1))
    );
    assert_eq!(s.memory_events.unwrap().high, 3);

    let fs = hybrid_fs();
    let mut cg = hybrid(&fs);
    cg.create("web.service", None).unwrap();
    let m = "/m/linger/app.slice/web.service";
    fs.set_stat(m, "memory.usage_in_bytes", "4096");
    fs.set_stat(m, "memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 2");
    fs.spawn(5, &["/u/linger/app.slice/web.service", "/p/app.slice/web.service"]);
    let s = cg.stats("web.service").unwrap();
    assert_eq!(
        (s.memory_current, s.tasks_current, s.cpu_usage_nsec, s.oom_kills),
        (Some(4096), Some(1), Some(0), Some(2))
    );
}

#[test]
fn delegate_chowns_dirs_and_delegation_files() {
    let fs = hybrid_fs();
    let mut cg = hybrid(&fs);
    cg.create_at("user@1000.service", Path::new("user-1000.slice/user@1000.service")).unwrap();
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
