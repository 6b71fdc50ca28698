//! Bad input: garbage files, truncated files, unreadable files, corrupt records.

use std::os::unix::fs::PermissionsExt;

use linger_journal::Query;

use super::support::*;

fn journal_with_lines(dir: &std::path::Path, n: u64) {
    let w = writer(dir);
    for i in 0..n {
        assert!(w.submit(entry(
            "b.service",
            1_700_000_000_000_000 + i * 1000,
            6,
            &format!("good {i:05}")
        )));
    }
}

#[test]
fn garbage_short_and_foreign_files_are_warned_and_skipped() {
    let tmp = tmpdir();
    journal_with_lines(tmp.path(), 50);
    let d = tmp.path();
    std::fs::write(
        d.join("0000000000000001-garbage.lj"),
        b"this is not a journal segment at all, really not........................",
    )
    .unwrap_or_default();
    std::fs::write(d.join("0000000000000002-short.lj"), b"LNGR").unwrap_or_default();
    std::fs::write(d.join("notes.txt"), b"ignored silently").unwrap_or_default();
    std::fs::create_dir(d.join("0000000000000003-dir.lj")).unwrap_or_default();
    let unreadable = d.join("0000000000000004-other-user.lj");
    std::fs::copy(
        linger_journal::store::list_segments(d)
            .unwrap_or_default()
            .last()
            .map(|s| s.path.clone())
            .unwrap_or_default(),
        &unreadable,
    )
    .unwrap_or_default();
    std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o000))
        .unwrap_or_default();
    let root = rustix::process::geteuid().is_root();

    let j = linger_journal::Journal::open_directory(d).unwrap_or_else(|e| panic!("{e}"));
    let msgs: Vec<String> = j
        .entries(&Query::default())
        .unwrap_or_default()
        .iter()
        .map(|e| e.field_str("MESSAGE").unwrap_or("").to_owned())
        .collect();
    let warnings: Vec<String> = j.take_warnings().iter().map(ToString::to_string).collect();
    let joined = warnings.join("\n");
    assert!(
        joined.contains("garbage.lj: not a linger journal segment: bad magic, ignoring"),
        "{joined}"
    );
    assert!(
        joined.contains("short.lj: not a linger journal segment: file shorter than the header"),
        "{joined}"
    );
    assert!(joined.contains("dir.lj"), "{joined}");
    assert!(!joined.contains("notes.txt"), "{joined}");
    if root {
        // root reads the "other user's" copy: its entries appear twice.
        assert_eq!(msgs.len(), 100);
    } else {
        assert!(
            joined.contains("other-user.lj: Permission denied"),
            "{joined}"
        );
        assert_eq!(msgs.len(), 50);
    }

    // The CLI prints the same warnings and still shows the good entries.
    let mut o = opts(d);
    o.output.mode = linger_journal::output::OutputMode::Cat;
    o.units = vec!["b".into()];
    let (code, out, err) = journalctl(&o);
    assert_eq!(code, 0);
    assert!(out.starts_with("good 00000\n"), "{out}");
    assert!(
        err.contains("Warning: ") && err.contains("garbage.lj"),
        "{err}"
    );
}

#[test]
fn truncated_copy_and_corrupt_block_are_read_around() {
    let tmp = tmpdir();
    journal_with_lines(tmp.path(), 5000);
    let seg = linger_journal::store::list_segments(tmp.path())
        .unwrap_or_default()
        .pop()
        .unwrap_or_else(|| panic!("no segment"));
    let data = std::fs::read(&seg.path).unwrap_or_default();

    // A copy cut in the middle reads up to the cut.
    let other = tmpdir();
    std::fs::write(
        other.path().join("0000000000000001-0000000000000001.lj"),
        &data[..data.len() / 2],
    )
    .unwrap_or_default();
    let msgs = messages(other.path(), &Query::default());
    assert!(msgs.len() > 2000 && msgs.len() < 2600, "{}", msgs.len());
    assert!(
        msgs.iter()
            .enumerate()
            .all(|(i, m)| *m == format!("good {i:05}"))
    );
    let tail = messages(
        other.path(),
        &Query {
            lines: Some(2),
            ..Default::default()
        },
    );
    assert_eq!(tail.len(), 2);

    // A flipped byte in the middle costs the damaged block only, and --verify finds it.
    let mut bad = data.clone();
    let mid = bad.len() / 2;
    bad[mid] ^= 0x55;
    let third = tmpdir();
    let p = third.path().join("0000000000000001-0000000000000001.lj");
    std::fs::write(&p, &bad).unwrap_or_default();
    let j = linger_journal::Journal::open_directory(third.path()).unwrap_or_else(|e| panic!("{e}"));
    let got = j
        .entries(&Query::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        got.len() >= 5000 - 1100 && got.len() < 5000,
        "{}",
        got.len()
    );
    assert!(!j.take_warnings().is_empty());
    let r = linger_journal::verify::verify_file(&p);
    assert!(!r.passed());
    assert!(
        r.problems
            .iter()
            .any(|(off, _)| off.abs_diff(mid as u64) < 64 * 1024),
        "{r:?}"
    );
    let mut o = opts(third.path());
    o.verify = true;
    let (code, out, _) = journalctl(&o);
    assert_eq!(code, 1);
    assert!(out.contains("FAIL: "), "{out}");
    let mut o = opts(tmp.path());
    o.verify = true;
    let (code, out, _) = journalctl(&o);
    assert_eq!((code, out.starts_with("PASS: ")), (0, true), "{out}");
}
