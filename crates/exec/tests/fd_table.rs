//! A child shares the manager's fd table only until its first call, which gives it a copy of
//! just the fds it is handed (those below the highest of them): whatever it does to its fds
//! then leaves ours alone, fds it is given at any number reach it, and the manager's many
//! other fds (one output pipe per running service) are not inherited.

use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};

use linger_exec::{ExecReports, ExecSpec, LONG_LIVED_FDS_FROM, Spawner, long_lived_fd, spawn};

/// (device, inode) of what `fd` is open on.
fn identity(fd: impl AsFd) -> (u64, u64) {
    let st = rustix::fs::fstat(fd).expect("fstat");
    (st.st_dev, st.st_ino)
}

/// `fd` moved to number `at` or above.
fn at_least(fd: impl AsFd, at: i32) -> OwnedFd {
    rustix::io::fcntl_dupfd_cloexec(fd, at).expect("dup high")
}

/// The child's stdout and its passed fd at high numbers (as the manager's are once the low
/// ones are taken), and a child that rewires 0, 1, 2 and 3: it gets what it was handed, and
/// our own stdio is still what it was — through the spawner's threads (the manager's way)
/// and a plain spawn.
#[test]
fn a_child_gets_its_fds_at_any_number_and_leaves_ours_alone() {
    let ours = [
        identity(std::io::stdin()),
        identity(std::io::stdout()),
        identity(std::io::stderr()),
    ];
    let reports = ExecReports::new();
    let mut spawner = Spawner::new();
    for through_spawner in [true, false] {
        let (mut r, w) = std::io::pipe().unwrap();
        let (pr, mut pw) = std::io::pipe().unwrap();
        pw.write_all(b"through-fd-3").unwrap();
        drop(pw);
        let mut spec = ExecSpec::new("/bin/sh", &["sh", "-c", "echo $(cat <&3)"]).unwrap();
        spec.set_env(&["PATH=/usr/bin:/bin"]).unwrap();
        spec.stdout = Some(at_least(&w, 700));
        spec.pass_fds = vec![at_least(&pr, 900)];
        drop((w, pr));
        let pid = if through_spawner {
            spawner.spawn(spec, &reports).unwrap().pid
        } else {
            let child = spawn(spec).unwrap();
            assert!(child.failure.is_none());
            child.pid
        };
        spawner.settle();
        let mut out = String::new();
        r.read_to_string(&mut out).unwrap();
        assert_eq!(out.trim(), "through-fd-3", "child {pid}");
        let now = [
            identity(std::io::stdin()),
            identity(std::io::stdout()),
            identity(std::io::stderr()),
        ];
        assert_eq!(now, ours, "the child's dup2 onto 0, 1, 2 changed ours");
    }
}

/// A long-lived fd goes above the low ones and is not inherited by a child, nor is any fd
/// above what the child was handed, close-on-exec or not.
#[test]
fn long_lived_fds_move_up_and_are_not_inherited() {
    let (keep, _keep_w) = std::io::pipe().unwrap();
    let keep = long_lived_fd(keep.into());
    assert!(
        keep.as_raw_fd() >= LONG_LIVED_FDS_FROM,
        "{}",
        keep.as_raw_fd()
    );
    // Not close-on-exec, above everything the child is handed: still not the child's.
    let (leak, _leak_w) = std::io::pipe().unwrap();
    let leak = at_least(&leak, 800);
    rustix::io::fcntl_setfd(&leak, rustix::io::FdFlags::empty()).unwrap();
    let (mut r, w) = std::io::pipe().unwrap();
    let mut spec = ExecSpec::new("/bin/ls", &["ls", "/proc/self/fd"]).unwrap();
    spec.stdout = Some(w.into());
    let reports = ExecReports::new();
    let mut spawner = Spawner::new();
    spawner.spawn(spec, &reports).unwrap();
    let mut out = String::new();
    r.read_to_string(&mut out).unwrap();
    let fds: Vec<i32> = out
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    assert!(
        !fds.contains(&keep.as_raw_fd()) && !fds.contains(&leak.as_raw_fd()),
        "inherited: {fds:?}"
    );
}
