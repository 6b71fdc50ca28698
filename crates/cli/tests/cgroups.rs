//! Per-unit cgroups, as root on this machine: the test creates a private delegated
//! `user@0.service` in the v2 tree and in the v1 `memory`, `pids` and `cpu` hierarchies (real
//! kernel enforcement), starts the manager inside it, and removes everything afterwards. It
//! never touches the hierarchies themselves or any cgroup it did not create.
#![allow(clippy::print_stderr)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use linger_test_support::{Manager, TestCgroups, alive, cgroup2_tree};

const BIN: &str = env!("CARGO_BIN_EXE_linger");

fn manager_in(cg: &TestCgroups) -> Manager {
    let mut m = Manager::new(BIN);
    m.start_in_cgroups(&cg.procs_files());
    m
}

#[test]
fn escapees_are_stopped_by_cgroup_and_status_shows_the_tree() {
    let Some(cg) = TestCgroups::create("escape", 0, true) else {
        return;
    };
    let mut m = manager_in(&cg);
    let st = m.linger(&["ctl", "status"]).stdout;
    assert!(
        st.contains("Cgroup: driver hybrid") || st.contains("Cgroup: driver unified"),
        "{st}"
    );
    m.write_unit(
        "esc.service",
        "[Service]\nExecStart=/bin/sh -c 'setsid sleep 1000 & nohup sleep 1001 >/dev/null 2>&1 & (sleep 1002 &); exec sleep 1003'\n",
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "esc.service"]).expect_code(0);
    let cgroup = m.prop("esc.service", "ControlGroup");
    assert!(
        cgroup.ends_with("/user@0.service/app.slice/esc.service"),
        "{cgroup}"
    );
    let procs = cgroup2_tree()
        .expect("a cgroup2 tree")
        .join(cgroup.trim_start_matches('/'))
        .join("cgroup.procs");
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut pids: Vec<u32> = Vec::new();
    while Instant::now() < deadline && pids.len() < 4 {
        pids = std::fs::read_to_string(&procs)
            .unwrap_or_default()
            .split_whitespace()
            .filter_map(|p| p.parse().ok())
            .collect();
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        pids.len(),
        4,
        "setsid, nohup and the double fork stay in the unit's cgroup"
    );
    let status = m.systemctl(&["status", "esc.service"]).stdout;
    assert!(status.contains(&format!("CGroup: {cgroup}")), "{status}");
    assert_eq!(m.prop("esc.service", "TasksCurrent"), "4");
    m.systemctl(&["stop", "esc.service"]).expect_code(0);
    for pid in &pids {
        assert!(!alive(*pid), "pid {pid} escaped the stop");
    }
    assert!(!procs.exists(), "the unit's cgroup is removed once empty");
    m.shutdown();
}

#[test]
fn memory_max_ends_in_oom_kill_and_restart_on_failure() {
    let Some(cg) = TestCgroups::create("oom", 0, true) else {
        return;
    };
    let mut m = manager_in(&cg);
    m.write_unit(
        "hog.service",
        "[Service]\nExecStart=/usr/bin/python3 -c \"b = bytearray(200 * 1024 * 1024); import time; time.sleep(60)\"\n\
         MemoryMax=50M\nMemorySwapMax=0\nRestart=on-failure\nRestartSec=30s\n",
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "hog.service"]).expect_code(0);
    m.wait_for("the OOM kill", |m| {
        m.prop("hog.service", "Result") == "oom-kill"
    });
    assert_eq!(
        m.prop("hog.service", "SubState"),
        "auto-restart",
        "Restart=on-failure acts"
    );
    // The journal has the lines once its writer wrote them (asynchronously, as journald's
    // are): wait for them, the deadline being the failure bound.
    let said = |log: &str| {
        log.contains("A process of this unit has been killed by the OOM killer.")
            && log.contains("Failed with result 'oom-kill'.")
    };
    m.wait_for("the OOM kill in the journal", |m| {
        said(&m.linger(&["journal", "--user-unit", "hog.service"]).stdout)
    });
    m.systemctl(&["stop", "hog.service"]).expect_code(0);
    m.shutdown();
}

#[test]
fn tasks_max_stops_a_fork_bomb_at_the_limit() {
    let Some(cg) = TestCgroups::create("tasks", 0, true) else {
        return;
    };
    let mut m = manager_in(&cg);
    // Tries to fork 50 children and keeps going when fork fails; only 20 tasks fit (the
    // parent is one of them).
    let script = m.dir.path().join("bomb.py");
    std::fs::write(
        &script,
        "import os, sys, time\nfailed = 0\nfor i in range(50):\n    try:\n        if os.fork() == 0:\n            time.sleep(1000)\n            os._exit(0)\n    except OSError:\n        failed += 1\nprint('fork failed', failed, 'times', flush=True)\ntime.sleep(1000)\n",
    )
    .unwrap();
    m.write_unit(
        "bomb.service",
        &format!(
            "[Service]\nExecStart=/usr/bin/python3 {}\nTasksMax=20\n",
            script.display()
        ),
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "bomb.service"]).expect_code(0);
    let mut tasks = 0;
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        tasks = m.prop("bomb.service", "TasksCurrent").parse().unwrap_or(0);
        if tasks >= 20 {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(300));
    let tasks_now: u32 = m.prop("bomb.service", "TasksCurrent").parse().unwrap_or(0);
    assert_eq!((tasks, tasks_now), (20, 20), "stopped at the limit");
    // The service's line reaches the journal through its output pipe and the (asynchronous)
    // writer: wait for it.
    m.wait_for("the bomb's failed forks in the journal", |m| {
        m.linger(&["journal", "--user-unit", "bomb.service"])
            .stdout
            .contains("fork failed 31 times")
    });
    m.systemctl(&["stop", "bomb.service"]).expect_code(0);
    m.shutdown();
}

#[test]
fn cpu_quota_holds_a_busy_loop_to_its_share() {
    let Some(cg) = TestCgroups::create("cpu", 0, true) else {
        return;
    };
    let mut m = manager_in(&cg);
    m.write_unit(
        "spin.service",
        "[Service]\nExecStart=/bin/sh -c 'while :; do :; done'\nCPUQuota=20%\nCPUAccounting=yes\n",
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "spin.service"]).expect_code(0);
    let pid: u32 = m.prop("spin.service", "MainPID").parse().unwrap();
    let ticks = |pid: u32| -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let f: Vec<&str> = stat
            .rsplit_once(')')
            .map(|x| x.1)
            .unwrap_or("")
            .split_whitespace()
            .collect();
        f.get(11).and_then(|s| s.parse::<u64>().ok()).unwrap_or(0)
            + f.get(12).and_then(|s| s.parse::<u64>().ok()).unwrap_or(0)
    };
    let hz = 100.0;
    let (t0, c0) = (Instant::now(), ticks(pid));
    std::thread::sleep(Duration::from_secs(5));
    let (t1, c1) = (Instant::now(), ticks(pid));
    let share = (c1 - c0) as f64 / hz / (t1 - t0).as_secs_f64();
    assert!(
        share <= 0.25,
        "CPUQuota=20% measured {:.0}% over 5 s",
        share * 100.0
    );
    assert!(share >= 0.10, "the loop did run: {:.0}%", share * 100.0);
    m.systemctl(&["stop", "spin.service"]).expect_code(0);
    m.shutdown();
}

#[test]
fn set_property_changes_a_running_units_limit_and_keeps_it() {
    let Some(cg) = TestCgroups::create("setprop", 0, true) else {
        return;
    };
    let mut m = manager_in(&cg);
    m.write_unit("app.service", "[Service]\nExecStart=/bin/sleep 1000\n");
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "app.service"]).expect_code(0);
    m.systemctl(&[
        "set-property",
        "app.service",
        "MemoryMax=64M",
        "TasksMax=30",
    ])
    .expect_code(0);
    let cgroup = m.prop("app.service", "ControlGroup");
    let v1 = |h: &str, file: &str| {
        let service_dir = cg
            .service_dirs()
            .into_iter()
            .find(|r| r.starts_with(format!("/sys/fs/cgroup/{h}")));
        service_dir.map(|r| {
            let rel = cgroup
                .split_once("/user@0.service/")
                .map(|x| x.1)
                .unwrap_or("");
            std::fs::read_to_string(r.join(rel).join(file))
                .unwrap_or_default()
                .trim()
                .to_string()
        })
    };
    if let Some(limit) = v1("memory", "memory.limit_in_bytes") {
        assert_eq!(
            limit,
            (64 * 1024 * 1024).to_string(),
            "applied to the running unit"
        );
    }
    if let Some(max) = v1("pids", "pids.max") {
        assert_eq!(max, "30");
    }
    let dropin = m
        .home()
        .join(".config/systemd/user.control/app.service.d/50-MemoryMax.conf");
    assert!(
        std::fs::read_to_string(&dropin)
            .unwrap()
            .contains("MemoryMax=64M")
    );
    let bad = m.systemctl(&["set-property", "app.service", "Description=x"]);
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr.contains("Cannot set property Description"),
        "{}",
        bad.stderr
    );
    m.systemctl(&["stop", "app.service"]).expect_code(0);
    m.shutdown();
}

fn procs_of(cgroup: &str) -> Vec<u32> {
    std::fs::read_to_string(
        cgroup2_tree()
            .expect("a cgroup2 tree")
            .join(cgroup.trim_start_matches('/'))
            .join("cgroup.procs"),
    )
    .unwrap_or_default()
    .split_whitespace()
    .filter_map(|p| p.parse().ok())
    .collect()
}

#[test]
fn run_scope_puts_the_callers_command_in_a_scope_of_its_own() {
    let Some(cg) = TestCgroups::create("scope", 0, true) else {
        return;
    };
    let mut m = manager_in(&cg);
    // The caller runs outside the manager's tree, as a command typed in a login session does.
    let mut held = m
        .linger_command(&[
            "run",
            "--user",
            "--scope",
            "--unit=held",
            "-p",
            "TasksMax=7",
            "/bin/sh",
            "-c",
            "sleep 1000 & exec sleep 1001",
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The scope runs, or the caller gave up (then its own words say why).
    let mut caller_exit = None;
    m.wait_for("the scope to run", |m| {
        caller_exit = held.try_wait().ok().flatten();
        caller_exit.is_some() || m.prop("held.scope", "SubState") == "running"
    });
    if let Some(status) = caller_exit {
        let mut said = String::new();
        if let Some(mut e) = held.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut e, &mut said);
        }
        panic!(
            "linger run --scope ended ({status}) instead of running in its scope: {said}\nmanager log:\n{}",
            m.manager_log()
        );
    }
    let cgroup = m.prop("held.scope", "ControlGroup");
    assert!(
        cgroup.ends_with("/user@0.service/app.slice/held.scope"),
        "{cgroup}"
    );
    m.wait_for("both processes in the scope", |_| {
        procs_of(&cgroup).len() == 2
    });
    let pids = procs_of(&cgroup);
    assert!(
        pids.contains(&held.id()),
        "the caller itself became the command: {pids:?}"
    );
    let pids_max = cg
        .service_dirs()
        .into_iter()
        .find(|r| r.starts_with("/sys/fs/cgroup/pids"))
        .map(|r| {
            std::fs::read_to_string(r.join("app.slice/held.scope/pids.max")).unwrap_or_default()
        });
    if let Some(max) = pids_max {
        assert_eq!(max.trim(), "7", "-p TasksMax= applies to the scope");
    }
    let status = m.systemctl(&["status", "held.scope"]).stdout;
    assert!(status.contains("Active: active (running)"), "{status}");
    assert!(status.contains(&format!("CGroup: {cgroup}")), "{status}");
    let units = m.systemctl(&["list-units", "--type=scope"]).stdout;
    assert!(units.contains("held.scope"), "{units}");
    // Stopping the scope ends everything in it.
    m.systemctl(&["stop", "held.scope"]).expect_code(0);
    for pid in &pids {
        assert!(!alive(*pid), "pid {pid} survived the stop");
    }
    let _ = held.wait();
    assert_eq!(m.prop("held.scope", "ActiveState"), "inactive");
    // A scope whose command ends by itself is gone when its cgroup is empty.
    let quick = m.linger(&["run", "--scope", "--unit=quick", "/bin/sh", "-c", "exit 0"]);
    assert_eq!(quick.code, 0, "{}", quick.stderr);
    assert!(
        quick.stderr.contains("Running scope as unit: quick.scope"),
        "{}",
        quick.stderr
    );
    m.wait_for("the empty scope to be gone", |m| {
        m.prop("quick.scope", "ActiveState") == "inactive"
    });
    assert!(
        !m.runtime().join("systemd/transient/quick.scope").exists(),
        "a finished transient scope is unloaded"
    );
    // Bad properties are refused before anything runs.
    let bad = m.linger(&["run", "--scope", "-p", "MemoryMax=lots", "/bin/true"]);
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("MemoryMax"), "{}", bad.stderr);
    m.shutdown();
}

/// systemd 252's own `systemd-run --user --scope` (over D-Bus: StartTransientUnit with PIDs,
/// then the scope's InvocationID read through `/org/freedesktop/systemd1/unit/self`;
/// crates/dbus) puts the caller in a scope of linger's, as systemd --user would.
#[test]
fn systemds_run_scope_gets_a_scope_from_linger_over_dbus() {
    if !std::path::Path::new("/usr/bin/systemd-run").exists() {
        eprintln!("skipped: needs systemd's systemd-run");
        return;
    }
    let Some(cg) = TestCgroups::create("sdscope", 0, true) else {
        return;
    };
    let mut m = manager_in(&cg);
    let private = m.runtime().join("systemd/private");
    m.wait_for("the D-Bus private socket", |_| private.exists());
    let systemd_run = |args: &[&str]| {
        let mut c = std::process::Command::new("/usr/bin/systemd-run");
        c.arg("--user")
            .args(args)
            .env_clear()
            .env("HOME", m.home())
            .env("XDG_RUNTIME_DIR", m.runtime())
            .env("PATH", "/usr/bin:/bin")
            .env("LANG", "C.UTF-8");
        c
    };
    let mut held = systemd_run(&["--scope", "--unit=sd-held", "/bin/sleep", "1000"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    m.wait_for("the scope to run", |m| {
        m.prop("sd-held.scope", "SubState") == "running"
    });
    let cgroup = m.prop("sd-held.scope", "ControlGroup");
    assert!(
        cgroup.ends_with("/user@0.service/app.slice/sd-held.scope"),
        "{cgroup}"
    );
    m.wait_for("systemd-run's process in the scope", |_| {
        procs_of(&cgroup).contains(&held.id())
    });
    // GetUnitByPID finds the scope by its process (dbus-send on the private socket).
    let by_pid = std::process::Command::new("/usr/bin/dbus-send")
        .arg(format!(
            "--peer=unix:path={}",
            m.runtime().join("systemd/private").display()
        ))
        .args([
            "--print-reply",
            "--dest=org.freedesktop.systemd1",
            "/org/freedesktop/systemd1",
            "org.freedesktop.systemd1.Manager.GetUnitByPID",
        ])
        .arg(format!("uint32:{}", held.id()))
        .output()
        .unwrap();
    let reply = String::from_utf8_lossy(&by_pid.stdout);
    assert!(
        reply.contains(r#"object path "/org/freedesktop/systemd1/unit/sd_2dheld_2escope""#),
        "{reply} {}",
        String::from_utf8_lossy(&by_pid.stderr)
    );
    // systemd's `systemctl --user status`: the manager's own cgroup (the delegated
    // user@0.service) with the manager in init.scope and the scope's process below app.slice —
    // as systemd shows its user manager, not the machine's root cgroup.
    let status = m
        .systemd_client("/usr/bin/systemctl", &["--user", "status"])
        .env("COLUMNS", "300")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&status.stdout);
    let own = cgroup.trim_end_matches("/app.slice/sd-held.scope");
    assert!(text.contains(&format!("   CGroup: {own}\n")), "{text}");
    let manager_line = format!("─{} ", m.pid().unwrap());
    let tree: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("CGroup:"))
        .collect();
    let at = |needle: &str| tree.iter().position(|l| l.contains(needle));
    assert!(
        at("init.scope").expect(&text) < at(&manager_line).expect(&text),
        "{text}"
    );
    assert!(
        at("sd-held.scope").unwrap() < at(&format!("─{} ", held.id())).unwrap(),
        "{text}"
    );
    m.systemctl(&["stop", "sd-held.scope"]).expect_code(0);
    let status = held.wait().unwrap();
    assert!(
        !status.success(),
        "the scope's process was ended by the stop"
    );
    let mut err = String::new();
    use std::io::Read;
    held.stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(err, "Running scope as unit: sd-held.scope\n");
    // A command that ends by itself: systemd-run's exit code is the command's.
    let out = systemd_run(&["--scope", "--quiet", "/bin/sh", "-c", "exit 3"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    m.shutdown();
}

#[test]
fn a_crashed_manager_readopts_by_cgroup_and_kills_what_it_has_no_record_of() {
    let Some(cg) = TestCgroups::create("recover", 0, true) else {
        return;
    };
    // After a crash the v2 root holds child cgroups (and controllers): the next manager is
    // born in init.scope there, as the login daemon starts it.
    let mut restart_files: Vec<PathBuf> = cg.procs_files();
    restart_files[0] = restart_files[0].with_file_name("init.scope/cgroup.procs");
    let mut m = manager_in(&cg);
    m.write_unit(
        "esc.service",
        "[Service]\nExecStart=/bin/sh -c 'setsid sleep 1000 & nohup sleep 1001 >/dev/null 2>&1 & exec sleep 1003'\n",
    );
    m.systemctl(&["start", "esc.service"]).expect_code(0);
    let cgroup = m.prop("esc.service", "ControlGroup");
    let main = m.prop("esc.service", "MainPID");
    let wait_procs = |n: usize| {
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline && procs_of(&cgroup).len() != n {
            std::thread::sleep(Duration::from_millis(20));
        }
        procs_of(&cgroup)
    };
    let pids = wait_procs(3);
    assert_eq!(pids.len(), 3, "{pids:?}");

    // With its records: re-adopted, and a stop still reaches the escapees through the cgroup.
    m.crash();
    m.start_in_cgroups(&restart_files);
    m.wait_for("esc.service re-adopted", |m| {
        m.systemctl(&["is-active", "esc.service"]).code == 0
    });
    assert_eq!(m.prop("esc.service", "MainPID"), main);
    assert_eq!(m.prop("esc.service", "ControlGroup"), cgroup);
    assert_eq!(m.prop("esc.service", "TasksCurrent"), "3");
    m.systemctl(&["stop", "esc.service"]).expect_code(0);
    for pid in &pids {
        assert!(
            !alive(*pid),
            "pid {pid} escaped the stop after the recovery"
        );
    }

    // Without records (lost, or the crash came first): what runs in a unit cgroup nobody
    // claims is killed rather than left behind or run twice.
    m.systemctl(&["start", "esc.service"]).expect_code(0);
    let pids = wait_procs(3);
    assert_eq!(pids.len(), 3, "{pids:?}");
    m.crash();
    std::fs::remove_file(m.runtime().join("linger/recovery.log")).unwrap();
    m.start_in_cgroups(&restart_files);
    // The first answer comes after the recovery.
    assert_eq!(m.prop("esc.service", "ActiveState"), "inactive");
    for pid in &pids {
        assert!(!alive(*pid), "pid {pid} of the unrecorded run survived");
    }
    // The manager's message is written by the journal's (asynchronous) writer: wait for it.
    m.wait_for("the kill of the escapees in the journal", |m| {
        m.linger(&["journal", "--no-pager", "-o", "cat"])
            .stdout
            .contains("Killed 3 process(es) a previous manager left in esc.service")
    });
    m.shutdown();
}

#[test]
fn freeze_stops_a_units_processes_until_thaw_and_a_frozen_unit_still_stops() {
    let Some(cg) = TestCgroups::create("freeze", 0, true) else {
        return;
    };
    let mut m = manager_in(&cg);
    let counter = m.dir.path().join("counter");
    m.write_unit(
        "tick.service",
        &format!(
            "[Service]\nExecStart=/bin/sh -c 'i=0; while :; do i=$((i+1)); echo $i > {}; sleep 0.02; done'\n",
            counter.display()
        ),
    );
    m.systemctl(&["daemon-reload"]).expect_code(0);
    m.systemctl(&["start", "tick.service"]).expect_code(0);
    let read = || std::fs::read_to_string(&counter).unwrap_or_default();
    m.wait_for("the counter to run", |_| !read().is_empty());
    assert_eq!(m.prop("tick.service", "CanFreeze"), "yes");
    // freeze answers once the kernel has stopped every process.
    m.systemctl(&["freeze", "tick"]).expect_code(0);
    assert_eq!(m.prop("tick.service", "FreezerState"), "frozen");
    let frozen_at = read();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(read(), frozen_at, "a frozen unit makes no progress");
    let st = m.systemctl(&["status", "tick.service"]).stdout;
    assert!(
        st.contains("Active: active (running) (frozen) since"),
        "{st}"
    );
    // Freezing again is fine; thaw resumes.
    m.systemctl(&["freeze", "tick.service"]).expect_code(0);
    m.systemctl(&["thaw", "tick.service"]).expect_code(0);
    assert_eq!(m.prop("tick.service", "FreezerState"), "running");
    m.wait_for("the counter to move again", |_| read() != frozen_at);
    // A frozen unit stops when asked (it is thawed to receive SIGTERM).
    m.systemctl(&["freeze", "tick.service"]).expect_code(0);
    let pid = m.main_pid("tick.service");
    m.systemctl(&["stop", "tick.service"]).expect_code(0);
    assert!(!alive(pid));
    assert_eq!(m.prop("tick.service", "ActiveState"), "inactive");
    // Inactive units cannot be frozen: systemctl's words.
    let r = m.systemctl(&["freeze", "tick.service"]).expect_code(1);
    assert_eq!(
        r.stderr,
        "Failed to freeze unit tick.service: Unit is inactive.\n"
    );
    m.shutdown();
}
