//! Crash safety: a writer process killed with SIGKILL loses no complete record.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use linger_journal::Query;

use super::support::*;

const CHILD_ENV: &str = "LINGER_JOURNAL_CRASH_CHILD";

/// Not a test of its own: the body of the child process of `sigkill_loses_nothing_complete`.
#[test]
fn crash_child() {
    let Ok(dir) = std::env::var(CHILD_ENV) else {
        return;
    };
    let w = writer_with(std::path::Path::new(&dir), |c| {
        c.max_file_size = Some(256 << 10)
    });
    let s = w.stream(vec![(
        "_SYSTEMD_USER_UNIT".into(),
        b"crash.service".to_vec(),
    )]);
    let mut i: u64 = 0;
    loop {
        for _ in 0..50 {
            while w
                .try_submit_line(&s, 6, format!("crash line {i:08}").as_bytes())
                .is_err()
            {
                std::thread::yield_now();
            }
            i += 1;
        }
        if w.flush().is_err() {
            return;
        }
        println!("flushed {i}");
    }
}

#[test]
fn sigkill_loses_nothing_complete() {
    let tmp = tmpdir();
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("{e}"));
    let mut child = Command::new(exe)
        .args([
            "--exact",
            "crash::crash_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, tmp.path())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn child: {e}"));
    let out = child.stdout.take().unwrap_or_else(|| panic!("stdout"));
    let mut flushed = 0u64;
    for line in BufReader::new(out).lines() {
        let line = line.unwrap_or_default();
        if let Some(n) = line.strip_prefix("flushed ") {
            flushed = n.parse().unwrap_or(0);
            if flushed >= 20_000 {
                break;
            }
        }
    }
    // SIGKILL, while it keeps appending.
    child.kill().unwrap_or_else(|e| panic!("kill: {e}"));
    let _ = child.wait();
    assert!(flushed >= 20_000, "child stopped early at {flushed}");

    let j = linger_journal::Journal::open_directory(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
    let got = j
        .entries(&Query::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let warnings = j.take_warnings();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(
        got.len() as u64 >= flushed,
        "{} entries, {flushed} were flushed",
        got.len()
    );
    for (i, e) in got.iter().enumerate() {
        assert_eq!(
            e.field_str("MESSAGE"),
            Some(format!("crash line {i:08}").as_str()),
            "entry {i}"
        );
        assert_eq!(e.seqnum, i as u64 + 1);
    }
    assert!(
        j.segment_paths().len() > 2,
        "rotation happened while writing"
    );

    // A new writer repairs the torn tail and continues the sequence numbers.
    let before = got.len() as u64;
    {
        let w = writer(tmp.path());
        assert!(w.submit(linger_journal::Entry::message(6, "after the crash")));
        w.flush().unwrap_or_else(|e| panic!("{e}"));
    }
    let j = linger_journal::Journal::open_directory(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
    let last = j
        .entries(&Query {
            lines: Some(1),
            ..Default::default()
        })
        .unwrap_or_default();
    assert_eq!(last[0].field_str("MESSAGE"), Some("after the crash"));
    assert_eq!(last[0].seqnum, before + 1);
    for p in j.segment_paths() {
        let r = linger_journal::verify::verify_file(&p);
        assert!(r.passed(), "{r:?}");
    }
}

#[test]
fn torn_tail_is_ignored_then_truncated() {
    use std::io::Write;
    let tmp = tmpdir();
    {
        let w = writer(tmp.path());
        for i in 0..100 {
            assert!(w.submit(entry(
                "t.service",
                1_700_000_000_000_000 + i,
                6,
                &format!("m{i}")
            )));
        }
        w.flush().unwrap_or_else(|e| panic!("{e}"));
        // Dropping seals the block; cut into it afterwards instead.
    }
    let seg = linger_journal::store::list_segments(tmp.path())
        .unwrap_or_default()
        .pop()
        .unwrap_or_else(|| panic!("no segment"));
    let bytes = std::fs::read(&seg.path).unwrap_or_else(|e| panic!("{e}"));
    let len = bytes.len() as u64;
    // The block end's length, from its trailer (its summary's size depends on the format).
    let tail: [u8; 4] = bytes[bytes.len() - 4..].try_into().unwrap_or_default();
    let block_end = u64::from(u32::from_le_bytes(tail));
    // Remove the block end and part of the last entry, then add a half-written frame.
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(&seg.path)
        .unwrap_or_else(|e| panic!("{e}"));
    f.set_len(len - block_end - 8)
        .unwrap_or_else(|e| panic!("{e}"));
    drop(f);
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&seg.path)
        .unwrap_or_else(|e| panic!("{e}"));
    f.write_all(&[40, 3, 1, 2])
        .unwrap_or_else(|e| panic!("{e}"));
    drop(f);
    let msgs = messages(tmp.path(), &Query::default());
    assert!(msgs.len() >= 95 && msgs.len() < 100, "{}", msgs.len());
    assert!(msgs.iter().enumerate().all(|(i, m)| *m == format!("m{i}")));
    let r = linger_journal::verify::verify_file(&seg.path);
    assert!(
        !r.passed()
            && r.problems
                .iter()
                .all(|(off, _)| *off + 64 >= r.entries * 10),
        "{r:?}"
    );
    let n = msgs.len();
    {
        let w = writer(tmp.path());
        assert!(w.submit(entry("t.service", 1_700_000_001_000_000, 6, "new")));
    }
    assert!(
        linger_journal::verify::verify_file(&seg.path).passed(),
        "the writer cut the torn tail"
    );
    let msgs = messages(tmp.path(), &Query::default());
    assert_eq!(msgs.len(), n + 1);
}
