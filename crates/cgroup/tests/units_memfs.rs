//! UnitCgroups on the in-memory kernel: layout, delegation rules, joining, limits in the exact
//! file formats, kill methods, the populated watch, removal and statistics.

mod common;

use std::path::Path;

use common::*;
use linger_cgroup::{
    ApplyMode, CgroupError, CgroupFs, CgroupSetup, Directive, Driver, DriverKind, KillMethod,
    MemFs, MemKernel, ResourceLimits, UnitCgroups,
};

#[test]
fn adopt_root_moves_manager_then_enables_controllers() {
    let fs = unified_fs(MemKernel::default());
    let _cg = unified(&fs);
    assert_eq!(
        read(&fs, format!("{ROOT}/init.scope/cgroup.procs")),
        "100\n"
    );
    assert_eq!(read(&fs, format!("{ROOT}/cgroup.procs")), "");
    assert_eq!(
        read(&fs, format!("{ROOT}/cgroup.subtree_control")),
        "cpu io memory pids\n"
    );
    let w = fs.writes();
    let mv = w
        .iter()
        .position(|(p, _)| p.ends_with("init.scope/cgroup.procs"))
        .unwrap();
    let en = w
        .iter()
        .position(|(p, _)| *p == Path::new(ROOT).join("cgroup.subtree_control"))
        .unwrap();
    assert!(
        mv < en,
        "the manager must leave the root before controllers are enabled"
    );
}

#[test]
fn enabling_without_adopting_fails_with_ebusy() {
    let fs = unified_fs(MemKernel::default());
    let setup = CgroupSetup {
        unified: ROOT.into(),
        unified_controllers: vec![],
        v1: vec![],
    };
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
        (
            "x.service",
            Some("session.slice"),
            "session.slice/x.service",
        ),
        (
            "y.service",
            Some("background.slice"),
            "background.slice/y.service",
        ),
        (
            "z.service",
            Some("a-b.slice"),
            "a.slice/a-b.slice/z.service",
        ),
        (
            "c.service",
            Some("a-b-c.slice"),
            "a.slice/a-b.slice/a-b-c.slice/c.service",
        ),
        ("r.service", Some("-.slice"), "r.service"),
        ("cpu.service", None, "app.slice/_cpu.service"),
        ("a-b.slice", None, "a.slice/a-b.slice"),
        ("t.scope", Some("app.slice"), "app.slice/t.scope"),
    ];
    let mut bad = Vec::new();
    for (unit, slice, want) in table {
        match cg.create(unit, *slice) {
            Ok(p) if p == Path::new(ROOT).join(want) => {}
            other => bad.push(format!(
                "{unit} in {slice:?}: expected {want}, got {other:?}"
            )),
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    // Slices pass the controllers down; units get the limit files.
    assert_eq!(
        read(
            &fs,
            format!("{ROOT}/a.slice/a-b.slice/cgroup.subtree_control")
        ),
        "cpu io memory pids\n"
    );
    assert!(fs.exists(&Path::new(ROOT).join("a.slice/a-b.slice/z.service/memory.max")));
    assert_eq!(
        read(
            &fs,
            format!("{ROOT}/app.slice/web.service/cgroup.subtree_control")
        ),
        "\n"
    );
    for bad_name in [
        "a--b.slice",
        "-a.slice",
        "a-.slice",
        "noext",
        "a/b.service",
        "",
    ] {
        let r = cg
            .create("u.service", Some(bad_name))
            .or_else(|_| cg.create(bad_name, None));
        assert!(
            matches!(r, Err(CgroupError::InvalidName { .. })),
            "{bad_name:?}: {r:?}"
        );
    }
    cg.set_default_slice("background.slice").unwrap();
    assert!(
        cg.create("d.service", None)
            .unwrap()
            .ends_with("background.slice/d.service")
    );
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
    assert!(
        cg.apply("web.service", &l, &SYS, ApplyMode::Fresh)
            .unwrap()
            .is_empty()
    );
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
    let got: Vec<(&str, String)> = expect
        .iter()
        .map(|(f, _)| (*f, read(&fs, dir.join(f))))
        .collect();
    let want: Vec<(&str, String)> = expect.iter().map(|(f, v)| (*f, (*v).to_owned())).collect();
    assert_eq!(got, want);
    // A reload that drops every directive resets the files.
    cg.apply(
        "web.service",
        &ResourceLimits::default(),
        &SYS,
        ApplyMode::Reapply,
    )
    .unwrap();
    assert_eq!(read(&fs, dir.join("memory.max")), "max\n");
    assert_eq!(read(&fs, dir.join("cpu.max")), "max 100000\n");
    assert_eq!(read(&fs, dir.join("cpu.idle")), "0\n");
}

#[test]
fn missing_controller_is_an_error_and_nothing_is_written() {
    let fs = MemFs::default();
    fs.add_v2_hierarchy("/cg", &["pids"]);
    fs.mkdir_all(ROOT);
    let setup = CgroupSetup {
        unified: ROOT.into(),
        unified_controllers: vec![],
        v1: vec![],
    };
    let mut cg = UnitCgroups::with_setup(&fs, DriverKind::Unified, setup).unwrap();
    cg.adopt_root().unwrap();
    cg.create("web.service", None).unwrap();
    let before = fs.writes().len();
    let e = cg
        .apply(
            "web.service",
            &limits(&[(Directive::TasksMax, "5"), (Directive::MemoryMax, "1G")]),
            &SYS,
            ApplyMode::Fresh,
        )
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "MemoryMax= needs the memory controller, which is not available to this manager (driver unified)"
    );
    assert_eq!(fs.writes().len(), before);
    let none = Driver::None {
        reason: "test".into(),
    };
    assert!(matches!(
        UnitCgroups::new(&fs, &none),
        Err(CgroupError::NoCgroups(_))
    ));
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
    assert_eq!(
        (r.method, r.signalled.clone(), r.complete),
        (KillMethod::FreezeAndSignal, vec![1], true)
    );
    assert!(!fs.is_alive(2), "frozen processes cannot fork");
    assert_eq!(read(&fs, dir.join("cgroup.freeze")), "0\n", "always thawed");
    assert_eq!(
        read(&fs, dir.join("cgroup.events")),
        "populated 0\nfrozen 0\n"
    );
}

#[test]
fn old_kernel_loops_until_no_new_process() {
    let fs = unified_fs(MemKernel {
        cgroup_kill: false,
        cgroup_freeze: false,
        ..MemKernel::default()
    });
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

/// A member exits and its pid goes to a process elsewhere between the read of `cgroup.procs`
/// and the signal: that process must not be signalled (frozen or not).
#[test]
fn a_pid_reused_between_reading_and_signalling_is_left_alone() {
    for freeze in [true, false] {
        let fs = unified_fs(MemKernel {
            cgroup_freeze: freeze,
            ..MemKernel::default()
        });
        let mut cg = unified(&fs);
        let dir = cg.create("web.service", None).unwrap();
        fs.spawn(1, &[dir.to_str().unwrap()]);
        fs.spawn(7, &[dir.to_str().unwrap()]);
        fs.reuse_pid_after_read(dir.join("cgroup.procs"), 7, &["/cg/user.slice"]);
        let r = cg.kill("web.service", 15).unwrap();
        assert_eq!(r.signalled, [1], "freeze={freeze}");
        assert!(fs.is_alive(7), "the new pid 7 outside the unit lives");
        assert!(
            !fs.signals().iter().any(|(pid, _)| *pid == 7),
            "{:?}",
            fs.signals()
        );
        assert!(!fs.is_alive(1));
    }
}

#[test]
fn watch_reports_units_that_became_empty() {
    let fs = unified_fs(MemKernel::default());
    let mut cg = unified(&fs);
    let a = cg.create("a.service", None).unwrap();
    cg.create("b.service", None).unwrap();
    fs.spawn(1, &[a.to_str().unwrap()]);
    assert!(cg.watch("a.service").unwrap());
    assert!(
        !cg.watch("b.service").unwrap(),
        "already empty: no event will come"
    );
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
    assert!(
        cg.path("web.service").is_ok(),
        "still known after a failed removal"
    );
    fs.exit(1);
    cg.remove("web.service").unwrap();
    assert!(!fs.exists(&dir));
    assert!(fs.exists(&Path::new(ROOT).join("app.slice")), "slices stay");
    assert!(matches!(
        cg.remove("web.service"),
        Err(CgroupError::UnknownUnit(_))
    ));
}
