//! `--verify`: checks every frame of a segment and reports what is damaged.

use std::path::{Path, PathBuf};

use crate::store::dict::Dict;
use crate::store::format::{self, BlockStart, BlockSummary, HEADER_LEN, Header, Parsed};
use crate::store::segment::Segment;
use crate::varint;

/// The result of verifying one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    /// The file.
    pub path: PathBuf,
    /// Entries that passed.
    pub entries: u64,
    /// Problems found: byte offset and description.
    pub problems: Vec<(u64, String)>,
}

impl VerifyReport {
    /// True when nothing is wrong.
    pub fn passed(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Verifies one segment file.
pub fn verify_file(path: &Path) -> VerifyReport {
    let mut r = VerifyReport {
        path: path.to_owned(),
        entries: 0,
        problems: Vec::new(),
    };
    let data = match std::fs::read(path) {
        Ok(d) => d,
        Err(e) => {
            r.problems.push((0, e.to_string()));
            return r;
        }
    };
    if let Err(reason) = Header::decode(&data) {
        r.problems.push((0, reason.to_owned()));
        return r;
    }
    // Cross-check with how a reader sees the file (hint, backward links).
    if let Ok(seg) = Segment::open(path)
        && seg.all_blocks().is_err()
    {
        r.problems
            .push((0, "block links cannot be followed backwards".into()));
    }
    let mut dict = Dict::default();
    let mut pos = HEADER_LEN as usize;
    let mut block: Option<(usize, u64, u64)> = None; // start, entries, next seqnum
    let mut prev_dict: Option<u64> = None;
    while pos < data.len() {
        let off = pos as u64;
        match format::parse_frame(&data, pos) {
            Parsed::Frame {
                kind,
                payload,
                next,
            } => {
                match kind {
                    format::DICT => {
                        if crate::store::dict::dict_prev(payload) != Some(prev_dict) {
                            r.problems
                                .push((off, "dictionary record has a wrong back link".into()));
                        }
                        if let Err(e) = dict.apply(payload) {
                            r.problems.push((off, e.into()));
                        }
                        prev_dict = Some(off);
                    }
                    format::BLOCK_START => match BlockStart::decode(payload) {
                        Some(bs) => block = Some((pos, 0, bs.seqnum)),
                        None => r.problems.push((off, "malformed block start".into())),
                    },
                    format::ENTRY => {
                        let mut p = 0;
                        let ok = varint::get(payload, &mut p).is_some()
                            && varint::get(payload, &mut p).is_some()
                            && varint::get(payload, &mut p)
                                .is_some_and(|c| (c as usize) < dict.n_ctxs());
                        match (&mut block, ok) {
                            (Some(b), true) => {
                                b.1 += 1;
                                b.2 += 1;
                                r.entries += 1;
                            }
                            (None, _) => r.problems.push((off, "entry outside of a block".into())),
                            (_, false) => r
                                .problems
                                .push((off, "entry refers to an unknown context".into())),
                        }
                    }
                    _ => match (BlockSummary::decode(payload), block.take()) {
                        (Some(s), Some((start, n, _))) => {
                            if off.checked_sub(s.back) != Some(start as u64) {
                                r.problems.push((
                                    off,
                                    "block end points to the wrong block start".into(),
                                ));
                            }
                            if s.entries != n {
                                r.problems.push((
                                    off,
                                    format!(
                                        "block end counts {} entries, the block has {n}",
                                        s.entries
                                    ),
                                ));
                            }
                        }
                        _ => r.problems.push((off, "block end without a block".into())),
                    },
                }
                pos = next;
            }
            Parsed::Truncated => {
                r.problems.push((
                    off,
                    format!(
                        "truncated record at the end ({} bytes; a writer truncates it on start)",
                        data.len() - pos
                    ),
                ));
                break;
            }
            Parsed::Corrupt { reason, next } => {
                r.problems.push((off, format!("corrupt record: {reason}")));
                match next {
                    Some(n) => pos = n,
                    None => break,
                }
            }
        }
    }
    r
}
