//! What changes when the daemon is a container's PID 1, and the checks before starting.
//!
//! The event loop is the same either way: it reaps every child (it is a child subreaper, and
//! as PID 1 every orphan of the container is re-parented to it) and SIGTERM / SIGINT stop it
//! in order — user managers first, bounded by [`SHUTDOWN_TIMEOUT`] — exiting 0 when
//! everything stopped cleanly and 1 otherwise. As PID 1 the kernel delivers no signal we do
//! not handle, so the handlers are installed before anything else happens.

use std::path::Path;
use std::time::Duration;

/// How long an orderly stop may take before what is left is killed.
pub const SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(10);

/// Whether we are PID 1 of our PID namespace.
pub fn is_pid1() -> bool {
    rustix::process::getpid().is_init()
}

/// Where systemd is the init system, its own logind must keep the sessions and linger.
pub fn systemd_is_init(marker: &Path) -> bool {
    marker.exists()
}

/// The message when refusing to run next to systemd.
pub const UNDER_SYSTEMD: &str = "systemd is the init system here (/run/systemd/system exists): its own logind tracks sessions and linger; use `loginctl enable-linger USER`. (--ignore-systemd overrides this check.)";

/// Make sure fds 0–2 are open (a PID 1 may start without them), so no socket of ours lands
/// there and gets clobbered by a child's stdio setup.
pub fn ensure_std_fds() {
    for _ in 0..3 {
        match rustix::fs::open(
            "/dev/null",
            rustix::fs::OFlags::RDWR | rustix::fs::OFlags::CLOEXEC,
            rustix::fs::Mode::empty(),
        ) {
            Ok(fd) => {
                use std::os::fd::AsRawFd;
                if fd.as_raw_fd() > 2 {
                    break;
                }
                // fds 0–2 must stay open for the process's life and be inherited.
                let _ = rustix::io::fcntl_setfd(&fd, rustix::io::FdFlags::empty());
                std::mem::forget(fd);
            }
            Err(_) => break,
        }
    }
}

/// The signals the event loop lives on: SIGCHLD (reaping), SIGTERM/SIGINT (orderly stop),
/// SIGHUP (reload).
const LOOP_SIGNALS: [nix::sys::signal::Signal; 4] = [
    nix::sys::signal::Signal::SIGCHLD,
    nix::sys::signal::Signal::SIGTERM,
    nix::sys::signal::Signal::SIGINT,
    nix::sys::signal::Signal::SIGHUP,
];

/// Unblock the signals the event loop needs. A blocked mask survives fork and exec, so a
/// daemon started by a supervisor (or a CI job runner) that blocks signals for itself would
/// otherwise never reap a user manager nor see SIGTERM. Returns the names of those that were
/// blocked (for the log); tokio's handlers replace ignored dispositions by themselves.
pub fn unblock_loop_signals() -> Vec<&'static str> {
    use nix::sys::signal::SigSet;
    let Ok(mask) = SigSet::thread_get_mask() else {
        return Vec::new();
    };
    let blocked: Vec<&'static str> = LOOP_SIGNALS
        .into_iter()
        .filter(|s| mask.contains(*s))
        .map(|s| s.as_str())
        .collect();
    if !blocked.is_empty() {
        let mut unblock = SigSet::empty();
        for s in LOOP_SIGNALS {
            unblock.add(s);
        }
        let _ = unblock.thread_unblock();
    }
    blocked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks() {
        assert!(!is_pid1(), "tests do not run as PID 1");
        let d = tempfile::tempdir().unwrap();
        assert!(!systemd_is_init(&d.path().join("system")));
        std::fs::create_dir(d.path().join("system")).unwrap();
        assert!(systemd_is_init(&d.path().join("system")));
    }
}
