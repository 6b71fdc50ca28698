//! `pam_linger.so` (≙ pam_systemd): registers login sessions with linger's login daemon
//! (`linger daemon --system`), so that the user's service manager and `/run/user/UID` exist
//! while the user is logged in.
//!
//! `open_session` sends `io.linger.Login.CreateSession` (uid of `PAM_USER`, pid of the PAM
//! process, `PAM_SERVICE`, `PAM_TTY`, `PAM_RHOST`, `PAM_RUSER`, `PAM_XDISPLAY`, and the
//! session class/type/desktop), puts `XDG_SESSION_ID`, `XDG_RUNTIME_DIR` (and
//! `DBUS_SESSION_BUS_ADDRESS` when `$XDG_RUNTIME_DIR/bus` exists) into the PAM environment, and
//! keeps the connection open for the whole session (close-on-exec, so the user's shell does
//! not inherit it): when the PAM process dies, the daemon sees the connection close and ends
//! the session. `close_session` sends `ReleaseSession` and closes the connection. If the
//! daemon is missing, refuses, or does not answer within [`session::BUDGET`], the module logs
//! to syslog (LOG_AUTHPRIV) and returns success: a login is never blocked by linger.
//!
//! Module arguments: `debug`, `class=`, `type=`, `desktop=` (used when `XDG_SESSION_CLASS`,
//! `XDG_SESSION_TYPE`, `XDG_SESSION_DESKTOP` are not set, which take precedence as with
//! pam_systemd), `socket=PATH` (default `/run/linger/login`).
//!
//! Cargo builds `target/<profile>/libpam_linger.so`; install it under PAM's module name:
//!
//! ```text
//! cargo build --release -p pam_linger
//! install -m644 target/release/libpam_linger.so /lib/x86_64-linux-gnu/security/pam_linger.so
//! # then, e.g. in /etc/pam.d/common-session:
//! session optional pam_linger.so
//! ```
#![deny(unsafe_code)]
#![deny(missing_docs)]

mod args;
#[cfg(not(test))]
#[allow(unsafe_code)]
mod ffi;
mod request;
mod session;

/// The module's pure request path — its arguments, the `CreateSession` call it builds from the
/// PAM items and the (caller-controlled) environment, the variables it sets from the daemon's
/// reply — for the fuzz target in `fuzz/`. Not an interface of the module.
#[doc(hidden)]
pub mod fuzzing {
    pub use crate::args::{Args, parse as parse_args};
    pub use crate::request::{Items, XdgEnv, build, session_env};
}
