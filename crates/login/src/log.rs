//! The daemon's messages: one line each on stderr (the journal or console of whoever runs
//! it), prefixed with a syslog-style level so `journalctl` and humans both read them.

use std::fmt::Display;

/// Severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something failed.
    Error = 3,
    /// Something was ignored or degraded.
    Warning = 4,
    /// Normal operation.
    Info = 6,
}

/// Write one message. A failing stderr (a full disk under the log file, a pipe to a logger
/// that died) loses the message but never the daemon: `eprintln!` would panic there, and a
/// panic in a connection's task closes that connection, i.e. refuses the login.
pub fn log(level: Level, msg: impl Display) {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr().lock(),
        "<{}>linger-login: {msg}",
        level as u8
    );
}

/// An error.
pub fn error(msg: impl Display) {
    log(Level::Error, msg);
}

/// A warning.
pub fn warn(msg: impl Display) {
    log(Level::Warning, msg);
}

/// Normal operation.
pub fn info(msg: impl Display) {
    log(Level::Info, msg);
}
