//! The dictionary table (`format`'s module doc): a segment whose services started one after
//! the other — their DICT frames spread through the file, as a user manager writes them —
//! reads the frames it shows, not the whole chain, and every query answers what it answers
//! without the table.

use std::path::Path;

use super::format;
use super::segment::Segment;
use crate::{Entry, Journal, JournalConfig, JournalWriter, Query};

const T0: u64 = 1_700_000_000_000_000;
const UNITS: u64 = 300;
const LINES: u64 = 60_000;

/// `LINES` entries: unit `k` starts logging at entry `k × 150` (its values are defined
/// then, far into the file for the late ones), then logs in turn with the units started
/// before it; every 499th entry is the manager's, about a unit (`USER_UNIT=`, as the
/// manager's "Started …" lines are).
fn write(dir: &Path, dict_table: bool) {
    let mut cfg = JournalConfig::new(dir);
    cfg.rate_limit_burst = 0;
    cfg.max_use = Some(1 << 30);
    cfg.dict_table = dict_table;
    let w = JournalWriter::spawn(cfg).unwrap_or_else(|e| panic!("{e}"));
    for i in 0..LINES {
        let started = (i / 150 + 1).min(UNITS);
        let k = i % started;
        let mut e;
        if i % 499 == 0 {
            e = Entry::message(6, format!("Started u{k}.service ({i})."));
            // (Its unit fields' pairs in falling id order: the table's keys are sorted.)
            e.push("USER_UNIT", format!("u{k}.service"))
                .push("_SYSTEMD_USER_UNIT", "manager.service");
        } else {
            e = Entry::message(6, format!("line {i} of u{k}"));
            e.push("_SYSTEMD_USER_UNIT", format!("u{k}.service"))
                .push("_PID", (1000 + k).to_string())
                .push("_COMM", format!("prog{}", k % 7));
        }
        e.realtime_usec = T0 + i;
        e.monotonic_usec = 1 + i;
        e.boot_id = [0x22; 16];
        assert!(w.submit(e));
        if i % 2000 == 1999 {
            w.flush().unwrap_or_else(|e| panic!("{e}"));
        }
    }
    w.flush().unwrap_or_else(|e| panic!("{e}"));
}

fn segment(dir: &Path) -> std::path::PathBuf {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|f| f.path())
        .find(|p| p.to_string_lossy().ends_with(format::SEGMENT_SUFFIX))
        .unwrap_or_else(|| panic!("no segment"))
}

/// What a query shows: each entry's realtime, unit fields, pid and message.
fn shown(dir: &Path, q: &Query) -> Vec<String> {
    let j = Journal::open_directory(dir).unwrap_or_else(|e| panic!("{e}"));
    j.entries(q)
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .map(|e| {
            format!(
                "{} {:?} {:?} {:?} {:?}",
                e.realtime_usec,
                e.field_str("_SYSTEMD_USER_UNIT"),
                e.field_str("USER_UNIT"),
                e.field_str("_PID"),
                e.field_str("MESSAGE")
            )
        })
        .collect()
}

fn query(units: &[&str], n: Option<usize>) -> Query {
    Query {
        units: units.iter().map(|u| (*u).to_owned()).collect(),
        lines: n,
        ..Default::default()
    }
}

/// Opened at its newest block, the segment reads the table and the few frames after it; the
/// frames it then reads answer as the whole chain does, for every id.
#[test]
fn the_table_answers_as_the_whole_chain() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(tmp.path(), true);
    let path = segment(tmp.path());
    let fast = Segment::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let full = Segment::open_with(&path, true).unwrap_or_else(|e| panic!("{e}"));
    assert!(fast.dict.is_lazy(), "opened through the table");
    assert!(!full.dict.is_lazy());
    assert!(
        fast.dict.table_frames() > 100,
        "{} frames in the table",
        fast.dict.table_frames()
    );
    // What is read: the table, and the frames written after it (up to 16 blocks' worth;
    // here a unit starts every 150 entries, so those blocks hold many frames).
    assert!(
        fast.dict_read < fast.file_len / 10,
        "{} of {} bytes read for the dictionary",
        fast.dict_read,
        fast.file_len
    );
    assert_eq!(
        fast.dict.frames_read().0,
        0,
        "no frame read before one is used"
    );
    assert!(*fast.dict == *full.dict, "every pair and context");
    assert_eq!(fast.dict.frames_read().0, fast.dict.table_frames());
    // Without the table the same file opens the old way.
    let old = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(old.path(), false);
    let seg = Segment::open(&segment(old.path())).unwrap_or_else(|e| panic!("{e}"));
    assert!(!seg.dict.is_lazy());
    assert!(*seg.dict == *full.dict);
}

/// Every kind of query shows the same with and without the table.
#[test]
fn queries_show_the_same_with_and_without_the_table() {
    let with = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let without = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(with.path(), true);
    write(without.path(), false);
    let mut queries = vec![
        query(&[], Some(100)),
        query(&[], Some(7000)),
        query(&[], None),
        query(&["u5"], Some(100)),
        query(&["u299.service"], Some(100)),
        query(&["u0", "u150", "manager"], Some(300)),
        query(&["u42"], None),
        query(&["u1*"], Some(200)),
        query(&["nosuch"], Some(10)),
    ];
    queries.push(Query {
        matches: vec!["_PID=1077".into()],
        lines: Some(50),
        ..Default::default()
    });
    queries.push(Query {
        units: vec!["u77".into()],
        matches: vec!["_COMM=prog0".into()],
        lines: Some(50),
        ..Default::default()
    });
    for q in &queries {
        let a = shown(with.path(), q);
        let b = shown(without.path(), q);
        assert_eq!(a, b, "{:?} {:?} {:?}", q.units, q.matches, q.lines);
        if q.units.first().is_some_and(|u| u != "nosuch") {
            assert!(!a.is_empty(), "{:?}", q.units);
        }
    }
}

/// A tail reads the frames of the contexts it shows (and of the pairs they use, with their
/// neighbours in the file), not the other units': at most about one read per line shown,
/// whatever the table holds.
#[test]
fn a_tail_reads_only_the_frames_it_shows() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(tmp.path(), true);
    let path = segment(tmp.path());
    let seg = Segment::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let total = seg.dict.table_frames();
    assert!(total > 100, "{total} frames in the table");
    for (units, n) in [(vec!["u150".to_owned()], 100), (vec![], 20)] {
        let j = Journal::open_files(std::slice::from_ref(&path));
        let got = j
            .entries(&Query {
                units: units.clone(),
                lines: Some(n),
                ..Default::default()
            })
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(got.len(), n);
        let (reads, bytes) = j.frames_read();
        assert!(
            reads as usize <= n.min(20) + 10 && bytes <= u64::from(reads) * (16 << 10),
            "{units:?} -n {n}: {reads} reads, {bytes} bytes of {} for {total} frames",
            seg.file_len
        );
    }
}

/// A unit's tail reads each block summary once: those read at open for the dictionary table
/// (the newest directory's: every unit's keys and the table, the largest of the segment) are
/// the first the unit index's walk needs, and are not read again.
#[test]
fn a_unit_tail_reads_each_summary_once() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(tmp.path(), true);
    let j = Journal::open_directory(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
    let got = j
        .entries(&query(&["u7"], Some(100)))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got.len(), 100);
    let seg = j.seg(0).unwrap_or_else(|| panic!("segment not opened"));
    assert!(seg.dict.is_lazy(), "opened through the table");
    let read = seg.summaries_read.borrow();
    let mut once = read.clone();
    once.sort_unstable();
    once.dedup();
    assert!(read.len() > 2, "the walk went past the open's summaries");
    assert_eq!(read.len(), once.len(), "summaries read: {read:?}");
}
