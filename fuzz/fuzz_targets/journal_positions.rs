//! The entry positions of the journal's block summaries (crates/journal/src/store/format.rs,
//! "Entry positions"): a real segment of many units' lines in turn, whose summaries' last
//! bytes — where the positions are — the input rewrites (checksums then fixed, so the
//! decoders see the damage), then `-u X -n N` queries that read blocks through them.
//!
//! Input: a byte N, then triples (block, distance from the summary's end, xor value).
//! Invariants: no panic; at most N entries; every entry shown is one of the asked unit's —
//! damaged positions may cost a whole-block decode, never another unit's line. (Not their
//! order: checkpoints rewritten consistently, checksums fixed, can shift the times of the
//! last stretch of a block, as rewritten entry deltas shift the times of a whole decode.)
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use linger_journal::{Entry, Journal, JournalConfig, JournalWriter, Query};

const UNITS: u64 = 50;

/// The clean segment's bytes and its summaries' payload ranges, written once per process.
fn clean() -> &'static (Vec<u8>, Vec<std::ops::Range<usize>>) {
    static CLEAN: OnceLock<(Vec<u8>, Vec<std::ops::Range<usize>>)> = OnceLock::new();
    CLEAN.get_or_init(|| {
        let dir = scratch().join("seed");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch directory");
        let mut cfg = JournalConfig::new(&dir);
        cfg.rate_limit_burst = 0;
        let w = JournalWriter::spawn(cfg).expect("writer");
        let long = format!("{}.service", "l".repeat(150));
        for i in 0..6_000u64 {
            let unit = if i % 97 == 0 {
                long.clone()
            } else {
                format!("u{}.service", i % UNITS)
            };
            let mut e = Entry::message(6, format!("line {i}"));
            e.realtime_usec = 1_700_000_000_000_000 + i;
            e.monotonic_usec = 1 + i;
            e.boot_id = [7; 16];
            e.push("_SYSTEMD_USER_UNIT", unit.as_str());
            assert!(w.submit(e));
        }
        w.flush().expect("flush");
        drop(w);
        let seg = segment_in(&dir);
        let bytes = std::fs::read(&seg).expect("read the segment");
        let _ = std::fs::remove_dir_all(&dir);
        let ends = linger_fuzz::segment::block_end_payloads(&bytes);
        assert!(ends.len() > 5, "{} blocks", ends.len());
        (bytes, ends)
    })
}

fn segment_in(dir: &Path) -> PathBuf {
    std::fs::read_dir(dir)
        .expect("list")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "lj"))
        .expect("a segment")
}

/// One directory per fuzzing process (in /dev/shm when there is one).
fn scratch() -> PathBuf {
    let dir = ["/dev/shm", "/tmp"]
        .iter()
        .map(PathBuf::from)
        .find(|d| d.is_dir())
        .unwrap_or_else(std::env::temp_dir);
    dir.join(format!("linger-fuzz-positions-{}", std::process::id()))
}

fuzz_target!(|data: &[u8]| {
    let Some((&n, edits)) = data.split_first() else {
        return;
    };
    let (clean, ends) = clean();
    let mut bytes = clean.clone();
    for e in edits.chunks_exact(5) {
        let block = usize::from(u16::from_le_bytes([e[0], e[1]])) % ends.len();
        let r = &ends[block];
        let back = usize::from(u16::from_le_bytes([e[2], e[3]])) % r.len().max(1);
        bytes[r.end - 1 - back] ^= e[4];
    }
    linger_fuzz::segment::fix_checksums(&mut bytes);
    let dir = scratch().join("q");
    std::fs::create_dir_all(&dir).expect("scratch directory");
    let path = dir.join("0000000000000001-0000000000000001.lj");
    std::fs::write(&path, &bytes).expect("write the segment");
    let journal = Journal::open_files(std::slice::from_ref(&path));
    let n = usize::from(n);
    for unit in ["u7.service", "u49.service", "l*"] {
        let Ok(got) = journal.entries(&Query {
            units: vec![unit.into()],
            lines: Some(n),
            ..Query::default()
        }) else {
            continue;
        };
        assert!(got.len() <= n, "{unit}: {} entries for -n {n}", got.len());
        for e in &got {
            let u = e.field_str("_SYSTEMD_USER_UNIT").unwrap_or_default();
            let ok = if unit == "l*" {
                u.starts_with('l')
            } else {
                u == unit
            };
            assert!(ok, "{unit}: an entry of {u:?} shown");
        }
    }
    let _ = journal.take_warnings();
});
