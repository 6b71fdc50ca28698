//! Hybrid machines (issue 12 item 8): the login daemon delegates the v1 memory/pids/cpu
//! subtrees of `user@UID.service` to the user as it does the v2 one, so `MemoryMax=` in a user
//! unit is enforced where the memory controller lives in v1: a hog under `MemoryMax=50M`
//! ends `Result: oom-kill`. Skipped on machines without a v1 memory hierarchy (pure v2, where
//! nothing changes). Runs as root with a throwaway user and the test's own cgroups; the v1
//! directories the daemon made are removed when the manager stops.
#![allow(clippy::print_stderr)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::{Daemon, TestCgroup, TestUser, manager_pid, root_or_skip, wait_until};
use serde_json::json;

fn v1_memory_mount() -> Option<PathBuf> {
    let p = PathBuf::from("/sys/fs/cgroup/memory");
    p.join("cgroup.procs").exists().then_some(p)
}

/// The v1 directories mirroring `v2` (below its mount) in every v1 hierarchy linger uses.
fn v1_mirrors(v2: &Path) -> Vec<PathBuf> {
    let rel = v2
        .strip_prefix("/sys/fs/cgroup/unified")
        .unwrap_or(v2)
        .to_path_buf();
    ["memory", "pids", "cpu,cpuacct", "cpu"]
        .iter()
        .map(|h| Path::new("/sys/fs/cgroup").join(h))
        .filter(|h| h.join("cgroup.procs").exists())
        .map(|h| h.join(&rel))
        .collect()
}

fn chown_tree(path: &Path, user: &TestUser) {
    let st = Command::new("chown")
        .arg("-R")
        .arg(format!("{}:{}", user.uid, user.gid))
        .arg(path)
        .status()
        .expect("chown");
    assert!(st.success());
}

#[test]
fn memory_max_is_enforced_through_the_v1_memory_controller() {
    if !root_or_skip() {
        return;
    }
    let Some(v1_memory) = v1_memory_mount() else {
        eprintln!("skipped: no v1 memory hierarchy here (pure cgroup v2: nothing to delegate)");
        return;
    };
    let Some(cg) = TestCgroup::create("v1mem") else {
        eprintln!("skipped: no writable cgroup2 tree");
        return;
    };
    if std::fs::read_to_string(cg.path.join("cgroup.controllers"))
        .unwrap_or_default()
        .split_whitespace()
        .any(|c| c == "memory")
    {
        eprintln!("skipped: the cgroup2 tree offers memory itself");
        return;
    }
    // `cg` removes its v1 mirrors too when dropped (after the daemon, declared later).
    let mirror = v1_mirrors(&cg.path);
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let user = TestUser::create(&format!("lgv{}m", std::process::id() % 100_000), &home);
    let units = home.join(".config/systemd/user");
    std::fs::create_dir_all(&units).unwrap();
    // `tail /dev/zero` keeps one ever-growing "line" in memory.
    std::fs::write(
        units.join("hog.service"),
        "[Service]\nMemoryMax=50M\nMemorySwapMax=0\nExecStart=/usr/bin/tail /dev/zero\n",
    )
    .unwrap();
    chown_tree(&home, &user);
    Daemon::write_conf(dir.path(), "[Login]\nUserStopDelaySec=0\n");
    let mut d = Daemon::start(dir.path(), Some(&cg.path), &[]);
    d.call(
        "io.linger.Login.SetLinger",
        json!({"user": user.name, "enable": true}),
    )
    .unwrap();
    let mut pid = None;
    assert!(
        wait_until(Duration::from_secs(10), || {
            pid = manager_pid(&d.run_dir(), user.uid);
            pid.is_some()
        }),
        "no user manager; log:\n{}",
        d.log()
    );
    let pid = pid.unwrap();
    // The manager was born in its v1 memory cgroup, delegated to the user.
    let service = format!("linger.slice/user-{0}.slice/user@{0}.service", user.uid);
    let own = std::fs::read_to_string(format!("/proc/{pid}/cgroup")).unwrap();
    let memory_line = own
        .lines()
        .find(|l| {
            l.split(':')
                .nth(1)
                .is_some_and(|c| c.split(',').any(|c| c == "memory"))
        })
        .unwrap_or_default()
        .to_string();
    assert!(
        memory_line.ends_with(&format!("{service}/init.scope")),
        "manager's v1 memory cgroup: {own}"
    );
    let v1_service = mirror
        .iter()
        .find(|p| p.starts_with(&v1_memory))
        .expect("v1 memory mirror")
        .join(&service);
    {
        use std::os::unix::fs::MetadataExt;
        assert_eq!(
            std::fs::metadata(&v1_service).unwrap().uid(),
            user.uid,
            "delegated"
        );
    }

    let ctl = |args: &[&str]| {
        let out = Command::new(common::linger_bin().unwrap())
            .env_clear()
            .env("XDG_RUNTIME_DIR", d.run_dir().join(user.uid.to_string()))
            .env("PATH", "/usr/bin:/bin")
            .arg("ctl")
            .args(args)
            .output()
            .expect("linger ctl");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    ctl(&["start", "hog.service"]);
    let mut result = String::new();
    let ended = wait_until(Duration::from_secs(30), || {
        result = ctl(&["show", "-p", "Result", "--value", "hog.service"]);
        result == "oom-kill"
    });
    assert!(
        ended,
        "the hog was not OOM-killed (Result={result}); status:\n{}\nlog:\n{}",
        ctl(&["status", "hog.service"]),
        d.log()
    );

    // Linger off: the manager stops and the daemon removes what it made in v1 too.
    d.call(
        "io.linger.Login.SetLinger",
        json!({"user": user.name, "enable": false}),
    )
    .unwrap();
    let gone = wait_until(Duration::from_secs(15), || !v1_service.exists());
    d.stop();
    assert!(
        gone,
        "v1 cgroups of the stopped manager left behind; log:\n{}",
        d.log()
    );
}
