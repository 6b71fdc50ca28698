//! The journal's segment reader (`linger journal`, `journalctl --verify`): any bytes as a
//! segment file. Segments are CRC-checked frame by frame, so random mutations would rarely get
//! past the checksums; the low bit of the first byte asks the target to rewrite every
//! checksum first (header, frames, block-end trailers) so that the decoders behind them —
//! dictionaries, block summaries, entries, backward block links — see hostile content too.
//!
//! Invariants: reading never fails on content (only warns), a query for the last N entries
//! returns at most N, and `--verify` passes only files whose entries a reader can read.
#![no_main]

use std::io::Write;
use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;
use linger_journal::{Journal, Query};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, content)) = data.split_first() else {
        return;
    };
    let mut bytes = content.to_vec();
    if mode & 1 == 1 {
        linger_fuzz::segment::fix_checksums(&mut bytes);
    }
    let path = segment_path();
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(&bytes))
        .expect("write the segment");
    let journal = Journal::open_files(std::slice::from_ref(&path));
    let all = journal.entries(&Query::default());
    let n = usize::from(mode >> 4);
    let tail = journal.entries(&Query {
        lines: Some(n),
        ..Query::default()
    });
    if let Ok(tail) = &tail {
        assert!(tail.len() <= n);
    }
    let _ = journal.entries(&Query {
        reverse: true,
        units: vec!["a.service".into()],
        priority: Some((0, 3)),
        ..Query::default()
    });
    let _ = journal.take_warnings();
    let report = linger_journal::verify::verify_file(&path);
    if report.passed() {
        let entries = all.expect("a verified file reads");
        assert_eq!(entries.len() as u64, report.entries);
    }
});

/// One file per fuzzing process, rewritten for every input (in /dev/shm when there is one).
fn segment_path() -> PathBuf {
    let dir = ["/dev/shm", "/tmp"]
        .iter()
        .map(PathBuf::from)
        .find(|d| d.is_dir())
        .unwrap_or_else(std::env::temp_dir);
    dir.join(format!("linger-fuzz-{}.lj", std::process::id()))
}
