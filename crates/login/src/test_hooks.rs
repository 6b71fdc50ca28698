//! Windows a test holds open, in debug builds only (the module is not compiled into a release
//! build): each hook is asked for by an environment variable of the daemon, which only whoever
//! starts the (root) daemon sets — no request of a user reaches it.
//!
//! - `LINGER_LOGIN_TEST_HOLD_AFTER_FORK=PATH`: once a user manager is forked and held by its
//!   pidfd, and before the completion records it, the worker writes the child's pid to
//!   `PATH` and never returns — the daemon stays in the window between a manager's fork and
//!   its record until the test kills it (`tests/daemon.rs`, the daemon killed right after a
//!   manager's fork).
//! - `LINGER_LOGIN_TEST_HOLD_ATTACH=PATH`: once a process move (`AttachProcess`) has checked
//!   the pid, and before it writes it into `cgroup.procs`, the worker writes the pid to
//!   `PATH` and waits until `PATH` is removed (or a minute has passed) — the window in which
//!   the pid may be given to another process (`tests/attacks.rs`, attack 16).

/// When the hook `var` names a path: writes `pid` there (whole, through a rename) and
/// returns the path the test removes to release the hook.
fn announce(var: &str, pid: u32) -> Option<std::path::PathBuf> {
    let path = std::path::PathBuf::from(std::env::var_os(var)?);
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, pid.to_string())
        .and_then(|()| std::fs::rename(&tmp, &path))
        .ok()?;
    Some(path)
}

/// See the module's first hook.
pub fn after_manager_fork(pid: u32) {
    if announce("LINGER_LOGIN_TEST_HOLD_AFTER_FORK", pid).is_none() {
        return;
    }
    loop {
        std::thread::park();
    }
}

/// See the module's second hook.
pub fn before_attach_write(pid: u32) {
    let Some(path) = announce("LINGER_LOGIN_TEST_HOLD_ATTACH", pid) else {
        return;
    };
    let until = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while path.exists() && std::time::Instant::now() < until {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}
