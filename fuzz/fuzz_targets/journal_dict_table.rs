//! The dictionary table of the journal's block summaries (crates/journal/src/store/format.rs,
//! "The dictionary table") and the DICT frames it points at: a real segment of 120 units that
//! start one after the other (so their DICT frames are spread through the file, as a user
//! manager writes them), whose directory summaries' last bytes — where the table is — and
//! DICT frames the input rewrites (checksums then fixed, so the decoders see the damage),
//! then tails read through the table: `-u X -n N`, `-n N`, and a `-u` glob.
//!
//! Input: a byte N, then quintuples (selector, u16 index, u16 xor-value): an even selector
//! rewrites the table end of one of the largest summaries (the index counts back from the
//! summary's end), an odd one a byte of a DICT frame (the index picks frame and byte).
//! Invariants: no panic; at most N entries; every entry `-u X` shows holds X in one of the
//! unit fields — a table that does not hold together costs reading the whole dictionary,
//! never another unit's line.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use linger_journal::{Entry, Journal, JournalConfig, JournalWriter, Query};

const UNITS: u64 = 120;
const LINES: u64 = 20_000;
const UNIT_FIELDS: [&str; 4] = [
    "_SYSTEMD_USER_UNIT",
    "USER_UNIT",
    "OBJECT_SYSTEMD_USER_UNIT",
    "COREDUMP_USER_UNIT",
];

struct Clean {
    bytes: Vec<u8>,
    /// Payloads of the summaries, largest first (those holding the table).
    ends: Vec<std::ops::Range<usize>>,
    dicts: Vec<std::ops::Range<usize>>,
}

/// The clean segment, written once per process.
fn clean() -> &'static Clean {
    static CLEAN: OnceLock<Clean> = OnceLock::new();
    CLEAN.get_or_init(|| {
        let dir = scratch().join("seed");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch directory");
        let mut cfg = JournalConfig::new(&dir);
        cfg.rate_limit_burst = 0;
        let w = JournalWriter::spawn(cfg).expect("writer");
        for i in 0..LINES {
            let started = (i / 160 + 1).min(UNITS);
            let k = i % started;
            let mut e = Entry::message(6, format!("line {i}"));
            if i % 301 == 0 {
                e.push("USER_UNIT", format!("u{k}.service"))
                    .push("_SYSTEMD_USER_UNIT", "manager.service");
            } else {
                e.push("_SYSTEMD_USER_UNIT", format!("u{k}.service"))
                    .push("_PID", format!("{}", 100 + k));
            }
            e.realtime_usec = 1_700_000_000_000_000 + i;
            e.monotonic_usec = 1 + i;
            e.boot_id = [7; 16];
            assert!(w.submit(e));
            if i % 2000 == 1999 {
                w.flush().expect("flush");
            }
        }
        w.flush().expect("flush");
        drop(w);
        let seg = segment_in(&dir);
        let bytes = std::fs::read(&seg).expect("read the segment");
        let _ = std::fs::remove_dir_all(&dir);
        let mut ends = linger_fuzz::segment::block_end_payloads(&bytes);
        ends.sort_by_key(|r| std::cmp::Reverse(r.len()));
        ends.truncate(2);
        let dicts = linger_fuzz::segment::dict_payloads(&bytes);
        assert!(dicts.len() > 50, "{} DICT frames", dicts.len());
        Clean { bytes, ends, dicts }
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
    dir.join(format!("linger-fuzz-dict-table-{}", std::process::id()))
}

fuzz_target!(|data: &[u8]| {
    let Some((&n, edits)) = data.split_first() else {
        return;
    };
    let c = clean();
    let mut bytes = c.bytes.clone();
    for e in edits.chunks_exact(5) {
        let index = usize::from(u16::from_le_bytes([e[1], e[2]]));
        let value = e[3] ^ e[4];
        if e[0] % 2 == 0 {
            let r = &c.ends[usize::from(e[0] / 2) % c.ends.len()];
            let back = index % r.len().max(1);
            bytes[r.end - 1 - back] ^= value;
        } else {
            let r = &c.dicts[index % c.dicts.len()];
            let at = usize::from(e[0] / 2) % r.len().max(1);
            bytes[r.start + at] ^= value;
        }
    }
    linger_fuzz::segment::fix_checksums(&mut bytes);
    let dir = scratch().join("q");
    std::fs::create_dir_all(&dir).expect("scratch directory");
    let path = dir.join("0000000000000001-0000000000000001.lj");
    std::fs::write(&path, &bytes).expect("write the segment");
    let n = usize::from(n);
    for unit in ["u7.service", "u119.service", "", "u1*"] {
        let journal = Journal::open_files(std::slice::from_ref(&path));
        let units = if unit.is_empty() {
            vec![]
        } else {
            vec![unit.to_owned()]
        };
        let Ok(got) = journal.entries(&Query {
            units,
            lines: Some(n),
            ..Query::default()
        }) else {
            continue;
        };
        assert!(got.len() <= n, "{unit}: {} entries for -n {n}", got.len());
        if unit.is_empty() {
            continue;
        }
        for e in &got {
            let ok = e.fields.iter().any(|(name, v)| {
                UNIT_FIELDS.contains(&name.as_str())
                    && match unit.strip_suffix('*') {
                        Some(prefix) => v.starts_with(prefix.as_bytes()),
                        None => v == unit.as_bytes(),
                    }
            });
            assert!(
                ok,
                "{unit}: an entry of none of its fields shown: {:?}",
                e.fields
            );
        }
        let _ = journal.take_warnings();
    }
});
