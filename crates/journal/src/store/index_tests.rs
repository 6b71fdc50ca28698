//! The unit index (`format`'s module doc): the blocks it names are exactly those that hold a
//! unit's lines, `-u X -n N` answers what a walk of every block answers, segments written
//! without it read the same, and damage to it never loses a line.

use std::path::{Path, PathBuf};

use super::format::{self, LIT_UNIT, Parsed};
use super::segment::Segment;
use crate::{Entry, Journal, JournalConfig, JournalWriter, Query};

const T0: u64 = 1_700_000_000_000_000;
const UNITS: u64 = 40;
const LINES: u64 = 60_000;

/// A journal of `LINES` entries over `UNITS` units in turn, with `early.service` logging only
/// at the start, `mid.service` in one burst in the middle, and a unit whose name is too long
/// to be interned (held literally: key `LIT_UNIT`) every 997th entry.
fn write(dir: &Path, unit_index: bool) {
    write_with(dir, unit_index, true, UNITS);
}

/// As [`write`], with the entry positions or not, and `units` units in turn.
fn write_with(dir: &Path, unit_index: bool, entry_positions: bool, units: u64) {
    let mut cfg = JournalConfig::new(dir);
    cfg.rate_limit_burst = 0;
    cfg.max_use = Some(1 << 30);
    cfg.unit_index = unit_index;
    cfg.entry_positions = entry_positions;
    let w = JournalWriter::spawn(cfg).unwrap_or_else(|e| panic!("{e}"));
    let long = format!("{}.service", "l".repeat(150));
    for i in 0..LINES {
        let unit = if i < 5 {
            "early.service".to_owned()
        } else if (30_000..30_050).contains(&i) {
            "mid.service".to_owned()
        } else if i % 997 == 0 {
            long.clone()
        } else {
            format!("u{}.service", i % units)
        };
        let mut e = Entry::message(6, format!("line {i} of {unit}"));
        e.realtime_usec = T0 + i;
        e.monotonic_usec = 1 + i;
        e.boot_id = [0x11; 16];
        e.push("_SYSTEMD_USER_UNIT", unit.as_str())
            .push("_PID", (1000 + i % units).to_string());
        assert!(w.submit(e));
        if i % 5000 == 4999 {
            w.flush().unwrap_or_else(|e| panic!("{e}"));
        }
    }
    w.flush().unwrap_or_else(|e| panic!("{e}"));
}

fn segment_path(dir: &Path) -> PathBuf {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|f| f.path())
        .filter(|p| p.to_string_lossy().ends_with(format::SEGMENT_SUFFIX))
        .collect();
    assert_eq!(v.len(), 1, "one segment");
    v.remove(0)
}

fn tail(dir: &Path, units: &[&str], n: Option<usize>) -> Vec<String> {
    let j = Journal::open_directory(dir).unwrap_or_else(|e| panic!("{e}"));
    shown(&j, units, n)
}

/// What `-u UNITS -n N` shows from `j`: each entry's realtime and message.
fn shown(j: &Journal, units: &[&str], n: Option<usize>) -> Vec<String> {
    let q = Query {
        units: units.iter().map(|u| (*u).to_owned()).collect(),
        lines: n,
        ..Default::default()
    };
    j.entries(&q)
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .map(|e| {
            format!(
                "{} {}",
                e.realtime_usec,
                e.field_str("MESSAGE").unwrap_or("")
            )
        })
        .collect()
}

/// What every query below must show: the last `n` of a forward walk of every block.
fn expected(dir: &Path, units: &[&str], n: usize) -> Vec<String> {
    let all = tail(dir, units, None);
    all[all.len().saturating_sub(n)..].to_vec()
}

const ASKED: [&[&str]; 7] = [
    &["u7"],
    &["early.service"],
    &["mid"],
    &["u1*"],
    &["early", "mid", "u3"],
    &["nosuch.service"],
    &["l*"],
];

#[test]
fn the_index_names_exactly_the_blocks_that_hold_a_unit() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(tmp.path(), true);
    let seg = Segment::open(&segment_path(tmp.path())).unwrap_or_else(|e| panic!("{e}"));
    let blocks = seg.all_blocks().unwrap_or_else(|e| panic!("{e}"));
    assert!(blocks.len() > 50, "{} blocks", blocks.len());
    let unit_pair = |v: &str| {
        seg.dict
            .full()
            .unwrap_or_else(|| panic!("the whole dictionary"))
            .pairs()
            .position(|(n, val)| {
                &*seg.dict.names[n as usize] == "_SYSTEMD_USER_UNIT" && val == v.as_bytes()
            })
            .map(|p| p as u32)
    };
    for (unit, key) in [
        ("early.service", unit_pair("early.service")),
        ("mid.service", unit_pair("mid.service")),
        ("u7.service", unit_pair("u7.service")),
        ("(literal)", Some(LIT_UNIT)),
    ] {
        let key = key.unwrap_or_else(|| panic!("no pair for {unit}"));
        // Ground truth from the summaries' context lists and literal names.
        let truth: Vec<u64> = blocks
            .iter()
            .filter(|b| !seg.in_tail(b))
            .filter(|b| match key {
                LIT_UNIT => b.lit_names.as_ref().is_some_and(|l| {
                    l.iter()
                        .any(|&n| &*seg.dict.names[n as usize] == "_SYSTEMD_USER_UNIT")
                }),
                k => b.ctxs.as_ref().is_some_and(|c| {
                    c.iter()
                        .any(|&c| seg.dict.ctx(c).is_some_and(|p| p.contains(&k)))
                }),
            })
            .map(|b| b.start)
            .rev()
            .collect();
        let mut w = seg
            .unit_walk(&[key])
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("no index"));
        let mut walked = Vec::new();
        while let Some(b) = seg.unit_next(&mut w).unwrap_or_else(|e| panic!("{e}")) {
            walked.push(b.start);
        }
        assert_eq!(walked, truth, "{unit}");
        assert!(!walked.is_empty(), "{unit}");
        if unit != "u7.service" && unit != "(literal)" {
            assert!(walked.len() <= 2, "{unit}: {} blocks", walked.len());
        }
    }
}

#[test]
fn unit_tails_are_what_a_walk_of_every_block_shows() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(tmp.path(), true);
    let old = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(old.path(), false);
    let with = std::fs::metadata(segment_path(tmp.path()))
        .map(|m| m.len())
        .unwrap_or(0);
    let without = std::fs::metadata(segment_path(old.path()))
        .map(|m| m.len())
        .unwrap_or(0);
    assert!(with > without, "the index takes room: {with} vs {without}");
    for units in ASKED {
        for n in [1, 3, 100, 5000] {
            let want = expected(tmp.path(), units, n);
            assert_eq!(tail(tmp.path(), units, Some(n)), want, "{units:?} -n {n}");
            // A segment written before the index (the same entries) reads the same.
            assert_eq!(
                tail(old.path(), units, Some(n)),
                want,
                "old layout {units:?} -n {n}"
            );
        }
    }
    assert_eq!(tail(tmp.path(), &["early"], Some(100)).len(), 5);
    assert_eq!(tail(tmp.path(), &["mid"], Some(100)).len(), 50);
    assert!(tail(tmp.path(), &["nosuch"], Some(100)).is_empty());
}

/// Offsets of the BLOCK_END frames of a segment file and their payload ranges.
fn block_ends(buf: &[u8]) -> Vec<(usize, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut pos = format::HEADER_LEN as usize;
    while let Parsed::Frame {
        kind,
        payload,
        next,
    } = format::parse_frame(buf, pos)
    {
        if kind == format::BLOCK_END {
            let start = payload.as_ptr() as usize - buf.as_ptr() as usize;
            out.push((pos, start..start + payload.len()));
        }
        pos = next;
    }
    out
}

/// Rewrites the payload of the frame at `frame` (same length) and its checksum.
fn rewrite(buf: &mut [u8], payload: std::ops::Range<usize>, new: &[u8]) {
    assert_eq!(new.len(), payload.len());
    buf[payload.clone()].copy_from_slice(new);
    let mut h = crate::crc::Crc::new();
    h.update(&[format::BLOCK_END]);
    h.update(new);
    buf[payload.end..payload.end + 4].copy_from_slice(&h.finalize().to_le_bytes());
}

#[test]
fn a_damaged_index_loses_no_line() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(tmp.path(), true);
    let path = segment_path(tmp.path());
    let clean = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
    let want: Vec<Vec<String>> = ASKED.iter().map(|u| expected(tmp.path(), u, 100)).collect();
    let ends = block_ends(&clean);
    assert!(ends.len() > 50);
    let check = |buf: &[u8], what: &str| {
        std::fs::write(&path, buf).unwrap_or_else(|e| panic!("{e}"));
        for (units, want) in ASKED.iter().zip(&want) {
            assert_eq!(
                &tail(tmp.path(), units, Some(100)),
                want,
                "{what}: {units:?}"
            );
        }
    };
    // 1. A summary that fails its checksum (in the middle of every unit's chain).
    for (_, p) in &ends[ends.len() / 2 - 1..ends.len() / 2 + 1] {
        let mut buf = clean.clone();
        buf[p.end - 1] ^= 0x40;
        check(&buf, "checksum");
    }
    // 2. Summaries whose index section holds together byte-wise but not as links: every
    //    back link and directory entry moved by one byte (checksums recomputed), in turn in
    //    a quarter of the blocks.
    for (k, (_, p)) in ends.iter().enumerate().filter(|(k, _)| k % 4 == 1) {
        let sum = format::BlockSummary::decode_with(&clean[p.clone()], true)
            .unwrap_or_else(|| panic!("summary {k}"));
        let Some(mut u) = sum.units.clone() else {
            panic!("no index in block {k}")
        };
        for l in u.links.iter_mut().chain(u.dir.iter_mut().flatten()) {
            if l.1 > 0 {
                l.1 += 1;
            }
        }
        u.last_dir += u64::from(u.last_dir > 0);
        let mut s2 = sum.clone();
        s2.units = Some(u);
        let mut enc = Vec::new();
        s2.encode(&mut enc);
        if enc.len() != p.len() {
            continue; // a varint grew: the frame would move; not this block
        }
        let mut buf = clean.clone();
        rewrite(&mut buf, p.clone(), &enc);
        check(&buf, &format!("links moved in block {k}"));
    }
    // 3. An index section that does not decode (its version byte changed).
    let (_, p) = &ends[ends.len() - 3];
    let sum = format::BlockSummary::decode(&clean[p.clone()]).unwrap_or_else(|| panic!());
    let mut plain = sum.clone();
    plain.units = None;
    let mut head = Vec::new();
    plain.encode(&mut head);
    let mut buf = clean.clone();
    let mut new = clean[p.clone()].to_vec();
    new[head.len()] = 9;
    rewrite(&mut buf, p.clone(), &new);
    check(&buf, "unknown version");
}

/// The bytes of the blocks the unit index names for `key` (what a walk without the entry
/// positions reads).
fn blocks_bytes(seg: &Segment, key: u32) -> u64 {
    let mut w = seg
        .unit_walk(&[key])
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no index"));
    let mut bytes = 0;
    while let Some(b) = seg.unit_next(&mut w).unwrap_or_else(|e| panic!("{e}")) {
        bytes += b.end - b.start;
    }
    bytes
}

fn unit_key(seg: &Segment, unit: &str) -> u32 {
    seg.dict
        .full()
        .unwrap_or_else(|| panic!("the whole dictionary"))
        .pairs()
        .position(|(n, v)| {
            &*seg.dict.names[n as usize] == "_SYSTEMD_USER_UNIT" && v == unit.as_bytes()
        })
        .map(|p| p as u32)
        .unwrap_or_else(|| panic!("no pair for {unit}"))
}

/// `-u X -n N` of the only segment in `dir`, and what picking entries did for it.
fn tail_picks(dir: &Path, units: &[&str], n: usize) -> (Vec<String>, super::segment::PickStats) {
    let j = Journal::open_directory(dir).unwrap_or_else(|e| panic!("{e}"));
    let got = shown(&j, units, Some(n));
    let stats = j.seg(0).map(|s| s.picks.get()).unwrap_or_default();
    (got, stats)
}

/// With 400 units taking turns, a unit has ~2–3 of each block's 1,024 entries: `-u X -n N`
/// reads the stretches between checkpoints that hold them, not the blocks — and shows what
/// a walk of every block shows, as does a segment written before the positions.
#[test]
fn a_units_lines_are_read_alone_from_blocks_of_many_units() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write_with(tmp.path(), true, true, 400);
    let before = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write_with(before.path(), true, false, 400);
    let seg = Segment::open(&segment_path(tmp.path())).unwrap_or_else(|e| panic!("{e}"));
    let blocks = blocks_bytes(&seg, unit_key(&seg, "u7.service"));
    for n in [1, 10, 100] {
        let want = expected(tmp.path(), &["u7"], n);
        let (got, stats) = tail_picks(tmp.path(), &["u7"], n);
        assert_eq!(got, want, "-n {n}");
        assert_eq!(stats.fallbacks, 0, "-n {n}");
        // (The newest lines are in the tail read at open, decoded from memory.)
        assert!(n < 100 || stats.picked > 0, "-n {n}: {stats:?}");
        let (old, old_stats) = tail_picks(before.path(), &["u7"], n);
        assert_eq!(old, want, "written before the positions, -n {n}");
        assert_eq!(old_stats, Default::default());
    }
    // All of u7's lines (~150, in every block): a small part of the blocks' bytes.
    let want = expected(tmp.path(), &["u7"], 1000);
    let (got, stats) = tail_picks(tmp.path(), &["u7"], 1000);
    assert_eq!(got, want);
    assert!(
        stats.bytes * 5 < blocks,
        "read {} bytes of the blocks' {blocks}",
        stats.bytes
    );
    // Every query of the 40-unit journal too (its units are listed; `early`/`mid` are dense
    // in a few blocks and read whole there).
    let forty = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write(forty.path(), true);
    for units in ASKED {
        for n in [1, 100] {
            let (got, stats) = tail_picks(forty.path(), units, n);
            assert_eq!(got, expected(forty.path(), units, n), "{units:?} -n {n}");
            assert_eq!(stats.fallbacks, 0, "{units:?} -n {n}");
        }
    }
}

/// Entry positions that do not hold together — checkpoints moved, a unit's entry listed one
/// off, an unknown version — cost the block a whole decode, never a line.
#[test]
fn damaged_entry_positions_lose_no_line() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    write_with(tmp.path(), true, true, 400);
    let path = segment_path(tmp.path());
    let clean = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
    let asked: [&[&str]; 3] = [&["u7"], &["u399", "u1"], &["l*"]];
    let want: Vec<Vec<String>> = asked.iter().map(|u| expected(tmp.path(), u, 100)).collect();
    let ends = block_ends(&clean);
    let check = |buf: &[u8], what: &str| {
        std::fs::write(&path, buf).unwrap_or_else(|e| panic!("{e}"));
        let mut fallbacks = 0;
        for (units, want) in asked.iter().zip(&want) {
            let (got, stats) = tail_picks(tmp.path(), units, 100);
            assert_eq!(&got, want, "{what}: {units:?}");
            fallbacks += stats.fallbacks;
        }
        fallbacks
    };
    assert_eq!(check(&clean, "clean"), 0);
    // Re-encodes every summary with its positions changed by `f` (same length only).
    let damage = |f: &dyn Fn(&mut Vec<format::Checkpoint>, &mut Vec<format::EntryList>)| {
        let mut buf = clean.clone();
        let mut changed = 0;
        for (_, p) in &ends {
            let sum = format::BlockSummary::decode_with(&clean[p.clone()], true)
                .unwrap_or_else(|| panic!("summary"));
            let Some(mut u) = sum.units.clone() else {
                continue;
            };
            let Some(pos) = u.positions.take() else {
                continue;
            };
            let mut cps = pos.checkpoints.clone();
            let mut lists: Vec<format::EntryList> = (0..u.links.len())
                .map(|k| {
                    pos.entries_of(k, sum.entries)
                        .unwrap_or_else(|| panic!("list {k}"))
                })
                .collect();
            f(&mut cps, &mut lists);
            u.positions = Some(format::Positions::new(cps, &lists));
            let mut s2 = sum.clone();
            s2.units = Some(u);
            let mut enc = Vec::new();
            s2.encode(&mut enc);
            if enc.len() == p.len() && enc != clean[p.clone()] {
                rewrite(&mut buf, p.clone(), &enc);
                changed += 1;
            }
        }
        assert!(changed > 10, "{changed} summaries changed");
        buf
    };
    // 1. Every checkpoint after the first moved by one byte.
    let buf = damage(&|cps, _| {
        for c in cps.iter_mut().skip(1) {
            c.offset += 1;
        }
    });
    assert!(check(&buf, "checkpoints moved") > 0);
    // 2. Each listed entry one later, where that stays in its stretch (the entry that holds
    //    the unit is then read, not listed: seen).
    let buf = damage(&|_, lists| {
        for l in lists.iter_mut().flatten() {
            if let [i] = l.as_mut_slice()
                && *i % 16 < 14
            {
                *i += 1;
            }
        }
    });
    assert!(check(&buf, "entries one off") > 0);
    // 3. An unknown version of the section: blocks are decoded whole.
    let mut buf = clean.clone();
    for (_, p) in &ends {
        let sum = format::BlockSummary::decode_with(&clean[p.clone()], true)
            .unwrap_or_else(|| panic!("summary"));
        let mut plain = sum.clone();
        if let Some(u) = &mut plain.units {
            u.positions = None;
        }
        let mut head = Vec::new();
        plain.encode(&mut head);
        if head.len() < p.len() {
            let mut new = clean[p.clone()].to_vec();
            new[head.len()] = 9;
            rewrite(&mut buf, p.clone(), &new);
        }
    }
    assert_eq!(check(&buf, "unknown version"), 0);
}
