//! Windows a test holds open, in debug builds only (the module is not compiled into a release
//! build): each hook is asked for by an environment variable of the daemon, which only whoever
//! starts the (root) daemon sets — no request of a user reaches it.
//!
//! - `LINGER_LOGIN_TEST_HOLD_AFTER_FORK=PATH`: once a user manager is forked and held by its
//!   pidfd, and before the completion records it, the worker writes the child's pid to
//!   `PATH` and never returns — the daemon stays in the window between a manager's fork and
//!   its record until the test kills it (`tests/daemon.rs`, the daemon killed right after a
//!   manager's fork).

/// See the module's first hook.
pub fn after_manager_fork(pid: u32) {
    let Some(path) = std::env::var_os("LINGER_LOGIN_TEST_HOLD_AFTER_FORK") else {
        return;
    };
    let path = std::path::PathBuf::from(path);
    let tmp = path.with_extension("tmp");
    if std::fs::write(&tmp, pid.to_string())
        .and_then(|()| std::fs::rename(&tmp, &path))
        .is_err()
    {
        return;
    }
    loop {
        std::thread::park();
    }
}
