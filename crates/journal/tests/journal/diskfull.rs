//! A full file system (ENOSPC): lines are counted, nothing panics, and a "Missed" notice is
//! written when space returns. Needs root to mount a small tmpfs; skipped otherwise.

use std::process::Command;

use linger_journal::Query;

use super::support::*;

struct Mount(std::path::PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn disk_full_is_survived_and_reported() {
    let tmp = tmpdir();
    let mnt = tmp.path().join("small");
    std::fs::create_dir(&mnt).unwrap_or_else(|e| panic!("{e}"));
    let ok = rustix::process::geteuid().is_root()
        && Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
            .arg(&mnt)
            .status()
            .is_ok_and(|s| s.success());
    if !ok {
        println!("skipped: mounting a tmpfs needs root");
        return;
    }
    let _guard = Mount(mnt.clone());
    let filler = mnt.join("filler");
    std::fs::write(&filler, vec![0u8; 384 << 10]).unwrap_or_else(|e| panic!("{e}"));
    let dir = mnt.join("journal");
    let w = writer_with(&dir, |c| {
        c.max_use = Some(1 << 30);
        c.max_file_size = Some(128 << 10);
    });
    let s = w.stream(vec![(
        "_SYSTEMD_USER_UNIT".into(),
        b"full.service".to_vec(),
    )]);
    let mut i = 0u64;
    while w.stats().dropped_disk == 0 {
        for _ in 0..500 {
            while w
                .try_submit_line(
                    &s,
                    6,
                    format!("filling line {i:08} with some text to use space").as_bytes(),
                )
                .is_err()
            {
                std::thread::yield_now();
            }
            i += 1;
        }
        w.flush().unwrap_or_else(|e| panic!("{e}"));
        assert!(i < 1_000_000, "the file system never filled up");
    }
    // Whatever fits is stored, the rest is counted.
    for _ in 0..100 {
        assert!(w.submit_line(&s, 6, b"while full"));
    }
    w.flush().unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(&filler).unwrap_or_else(|e| panic!("{e}"));
    assert!(w.submit_line(&s, 6, b"space is back"));
    w.flush().unwrap_or_else(|e| panic!("{e}"));
    let lost = w.stats().dropped_disk;
    drop(w);

    let all = messages(&dir, &Query::default());
    let (notices, lines): (Vec<&String>, Vec<&String>) =
        all.iter().partition(|m| m.starts_with("Missed "));
    assert_eq!(
        lines.len() as u64 + lost,
        i + 100 + 1,
        "every line is either stored or counted"
    );
    let reported: u64 = notices
        .iter()
        .map(|m| {
            m.split(' ')
                .nth(1)
                .and_then(|n| n.parse::<u64>().ok())
                .unwrap_or(0)
        })
        .sum();
    assert_eq!(reported, lost, "{notices:?}");
    assert!(
        notices
            .iter()
            .all(|m| m.contains("could not write to the journal (No space left on device")),
        "{notices:?}"
    );
    assert_eq!(all.last().map(String::as_str), Some("space is back"));
    for p in linger_journal::store::list_segments(&dir).unwrap_or_default() {
        let r = linger_journal::verify::verify_file(&p.path);
        assert!(r.passed(), "{r:?}");
    }
}
