//! Rotation by size and age, the total cap, retention and vacuuming.

use linger_journal::Query;
use linger_journal::store::{disk_usage, list_segments};

use super::support::*;

#[test]
fn size_rotation_and_total_cap() {
    let tmp = tmpdir();
    let w = writer_with(tmp.path(), |c| {
        c.max_file_size = Some(64 << 10);
        c.max_use = Some(1 << 20);
    });
    let s = w.stream(vec![("_SYSTEMD_USER_UNIT".into(), b"big.service".to_vec())]);
    for i in 0..120_000u64 {
        while w
            .try_submit_line(&s, 6, format!("rotating line {i:07}").as_bytes())
            .is_err()
        {
            std::thread::yield_now();
        }
    }
    w.flush().unwrap_or_else(|e| panic!("{e}"));
    let st = w.stats();
    assert!(st.rotations >= 20, "{st:?}");
    let segs = list_segments(tmp.path()).unwrap_or_default();
    let usage = disk_usage(tmp.path()).unwrap_or(0);
    assert!(
        usage <= (1 << 20) + (72 << 10),
        "usage {usage} over the cap"
    );
    assert!(segs.iter().all(|s| s.disk_bytes <= 80 << 10), "{segs:?}");
    use std::os::unix::fs::PermissionsExt;
    for s in &segs {
        let mode = std::fs::metadata(&s.path)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0);
        assert_eq!(mode & !0o640, 0, "{} has mode {mode:o}", s.path.display());
    }
    // The oldest lines are gone, the newest are all there and contiguous.
    let msgs = messages(tmp.path(), &Query::default());
    assert!(
        msgs.len() > 10_000 && msgs.len() < 120_000,
        "{}",
        msgs.len()
    );
    let first: u64 = msgs[0]
        .rsplit(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    for (k, m) in msgs.iter().enumerate() {
        assert_eq!(*m, format!("rotating line {:07}", first + k as u64));
    }
    assert_eq!(
        msgs.last().map(String::as_str),
        Some("rotating line 0119999")
    );
    let tail = messages(
        tmp.path(),
        &Query {
            lines: Some(3),
            ..Default::default()
        },
    );
    assert_eq!(
        tail,
        [
            "rotating line 0119997",
            "rotating line 0119998",
            "rotating line 0119999"
        ]
    );
}

#[test]
fn age_rotation() {
    let tmp = tmpdir();
    let w = writer_with(tmp.path(), |c| c.max_file_usec = 10_000_000);
    let now = linger_journal::entry::now().0;
    for i in 0..6u64 {
        // Entries 6 s apart: every second one crosses MaxFileSec=10s.
        let mut e = entry("age.service", now + i * 6_000_000, 6, &format!("age {i}"));
        e.monotonic_usec = i * 6_000_000 + 1;
        assert!(w.submit(e));
        w.flush().unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(list_segments(tmp.path()).unwrap_or_default().len(), 3);
    assert_eq!(messages(tmp.path(), &Query::default()).len(), 6);
}

#[test]
fn retention_and_vacuum() {
    let tmp = tmpdir();
    for round in 0..3 {
        let w = writer(tmp.path());
        assert!(w.submit(entry(
            "v.service",
            1_700_000_000_000_000 + round,
            6,
            &format!("round {round}")
        )));
    }
    let segs = list_segments(tmp.path()).unwrap_or_default();
    assert_eq!(segs.len(), 3, "one segment per writer start");
    // Make the oldest look two days old: MaxRetentionSec=1d removes it when a writer starts.
    let two_days = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 86400);
    let f = std::fs::File::options()
        .write(true)
        .open(&segs[0].path)
        .unwrap_or_else(|e| panic!("{e}"));
    f.set_modified(two_days).unwrap_or_else(|e| panic!("{e}"));
    drop(f);
    drop(writer_with(tmp.path(), |c| {
        c.max_retention_usec = 86_400_000_000
    }));
    assert_eq!(
        messages(tmp.path(), &Query::default()),
        ["round 1", "round 2"]
    );

    // journalctl --vacuum-size=1 removes every archived segment but the newest.
    let mut o = opts(tmp.path());
    o.vacuum_size = Some("1".into());
    let (code, _, err) = journalctl(&o);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("Deleted archived journal") && err.contains("Vacuuming done, freed"),
        "{err}"
    );
    assert_eq!(messages(tmp.path(), &Query::default()), ["round 2"]);
    let mut o = opts(tmp.path());
    o.vacuum_time = Some("1s".into());
    let (code, _, err) = journalctl(&o);
    assert_eq!(
        (
            code,
            err.trim_end()
                .lines()
                .last()
                .map(|l| l.starts_with("Vacuuming done, freed 0B"))
        ),
        (0, Some(true)),
        "{err}"
    );
    let mut o = opts(tmp.path());
    o.disk_usage = true;
    let (code, out, _) = journalctl(&o);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("Archived and active journals take up ")
            && out.ends_with(" in the file system.\n"),
        "{out}"
    );
}
