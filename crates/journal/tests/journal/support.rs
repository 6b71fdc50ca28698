//! Helpers shared by the integration tests.

use std::path::Path;

use linger_journal::app::{self, Options};
use linger_journal::{Entry, JournalConfig, JournalWriter, Query, WriterHandle};

pub fn tmpdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

/// A writer with rate limiting off and generous caps.
pub fn writer(dir: &Path) -> WriterHandle {
    writer_with(dir, |_| {})
}

pub fn writer_with(dir: &Path, tweak: impl FnOnce(&mut JournalConfig)) -> WriterHandle {
    let mut cfg = JournalConfig::new(dir);
    cfg.max_use = Some(1 << 30);
    cfg.rate_limit_burst = 0;
    tweak(&mut cfg);
    JournalWriter::spawn(cfg).unwrap_or_else(|e| panic!("spawn writer: {e}"))
}

/// An entry of `unit` at a fixed time.
pub fn entry(unit: &str, rt: u64, prio: u8, msg: &str) -> Entry {
    let mut e = Entry::message(prio, msg);
    e.realtime_usec = rt;
    e.monotonic_usec = rt - 1_600_000_000_000_000;
    e.boot_id = [0x11; 16];
    e.push("_SYSTEMD_USER_UNIT", unit)
        .push("SYSLOG_IDENTIFIER", unit.trim_end_matches(".service"))
        .push("_PID", "42");
    e
}

pub fn messages(dir: &Path, q: &Query) -> Vec<String> {
    let j = linger_journal::Journal::open_directory(dir).unwrap_or_else(|e| panic!("open: {e}"));
    j.entries(q)
        .unwrap_or_else(|e| panic!("query {q:?}: {e}"))
        .iter()
        .map(|e| e.field_str("MESSAGE").unwrap_or("<none>").to_owned())
        .collect()
}

/// Runs journalctl's logic; returns (exit code, stdout, stderr).
pub fn journalctl(o: &Options) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = app::run(o, &mut out, &mut err);
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

pub fn opts(dir: &Path) -> Options {
    let mut o = Options {
        directory: Some(dir.to_owned()),
        ..Default::default()
    };
    o.output.utc = true;
    o
}
