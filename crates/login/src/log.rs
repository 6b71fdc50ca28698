//! The daemon's messages: one line each on stderr (the journal or console of whoever runs
//! it), prefixed with a syslog-style level so `journalctl` and humans both read them.
//!
//! Lines go through a bounded queue to a thread of their own: a stderr that blocks (a pipe to
//! a logger that stalled, a terminal on hold, a full disk under the log file) never stops the
//! event loop. What does not fit in the queue is counted, and the count is logged once the
//! writer catches up. A failing stderr loses messages, never the daemon.

use std::fmt::Display;
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError};
use std::sync::{Condvar, Mutex, OnceLock};
use std::time::Duration;

/// Lines waiting for the writer at most.
const QUEUE: usize = 4096;

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

#[derive(Debug)]
struct Writer {
    tx: SyncSender<String>,
    dropped: AtomicU64,
    /// Lines queued and not yet written; the writer signals `idle` when it reaches 0.
    pending: Mutex<usize>,
    idle: Condvar,
}

fn writer() -> Option<&'static Writer> {
    static WRITER: OnceLock<Option<Writer>> = OnceLock::new();
    WRITER
        .get_or_init(|| {
            let (tx, rx) = std::sync::mpsc::sync_channel(QUEUE);
            let spawned = std::thread::Builder::new()
                .name("log".into())
                .spawn(move || write_lines(&rx));
            spawned.ok().map(|_| Writer {
                tx,
                dropped: AtomicU64::new(0),
                pending: Mutex::new(0),
                idle: Condvar::new(),
            })
        })
        .as_ref()
}

fn write_lines(rx: &Receiver<String>) {
    while let Ok(line) = rx.recv() {
        let Some(w) = writer() else { return };
        let mut err = std::io::stderr().lock();
        let dropped = w.dropped.swap(0, Ordering::Relaxed);
        if dropped > 0 {
            let _ = writeln!(
                err,
                "<{}>linger-login: {dropped} messages dropped (stderr did not keep up)",
                Level::Warning as u8
            );
        }
        let _ = err.write_all(line.as_bytes());
        drop(err);
        let mut pending = w.pending.lock().unwrap_or_else(|e| e.into_inner());
        *pending = pending.saturating_sub(1);
        if *pending == 0 {
            w.idle.notify_all();
        }
    }
}

/// Queue one message; never waits for stderr.
pub fn log(level: Level, msg: impl Display) {
    let line = format!("<{}>linger-login: {msg}\n", level as u8);
    let Some(w) = writer() else {
        return;
    };
    *w.pending.lock().unwrap_or_else(|e| e.into_inner()) += 1;
    if let Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) = w.tx.try_send(line) {
        w.dropped.fetch_add(1, Ordering::Relaxed);
        let mut pending = w.pending.lock().unwrap_or_else(|e| e.into_inner());
        *pending = pending.saturating_sub(1);
    }
}

/// Wait (at most `limit`) until every queued message is written: at exit, so that the last
/// words reach the log.
pub fn flush(limit: Duration) {
    let Some(w) = writer() else {
        return;
    };
    let pending = w.pending.lock().unwrap_or_else(|e| e.into_inner());
    let _ = w.idle.wait_timeout_while(pending, limit, |p| *p > 0);
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
