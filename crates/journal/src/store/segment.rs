//! Reading one segment file: header, dictionary, block index and entry decoding.
//!
//! A reader never trusts the file: a torn or corrupt tail ends the segment where the last
//! valid frame ends, a corrupt frame in the middle is skipped and counted, and a segment
//! whose structure cannot be followed backwards is scanned forwards instead.

use std::cell::RefCell;
use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::dict::{ChainSource, Dict, dict_prev};
use super::format::{
    self, BlockStart, BlockSummary, CHECKPOINT_EVERY, Checkpoint, HEADER_LEN, Header, LIT_UNIT,
    Parsed, UnitLinks,
};
use crate::error::{Error, Result};
use crate::varint;

pub(crate) use super::decode::{Lits, decode_block};

/// Where a block lies and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BlockInfo {
    /// Offset of the BLOCK_START frame.
    pub start: u64,
    /// End of the block's entry frames (the BLOCK_END frame's offset, or the valid end).
    pub end: u64,
    pub bs: BlockStart,
    pub entries: u64,
    pub min_rt: u64,
    pub max_rt: u64,
    /// Contexts and literal names used (`None` for a block not sealed yet: unknown).
    pub ctxs: Option<Vec<u32>>,
    pub lit_names: Option<Vec<u32>>,
    /// For a sealed block: the offset of the BLOCK_END frame's end (trailer included).
    pub sealed_end: Option<u64>,
    /// Only these entries can match (a `-u` walk guided by the entry positions): decode
    /// them alone ([`Segment::decode`]).
    pub pick: Option<Pick>,
}

/// The entries of a block a query needs, and the block's checkpoints to find them by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pick {
    /// Entry indexes, rising.
    pub entries: Vec<u32>,
    pub checkpoints: Vec<Checkpoint>,
    /// The unit keys the entries were picked for: an entry of a chunk read that holds one
    /// and is not picked means the positions do not hold together.
    pub keys: Vec<u32>,
}

impl BlockInfo {
    pub(crate) fn last_seqnum(&self) -> u64 {
        self.bs.seqnum + self.entries.saturating_sub(1)
    }
}

/// A decoded entry; its literal fields are encoded in `data[lit_start..lit_end]` of its
/// block (decoded on access: most entries a query looks at are rejected by context alone).
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawEntry {
    pub rt: u64,
    pub mono: u64,
    pub seqnum: u64,
    pub ctx: u32,
    pub lit_start: u32,
    pub lit_end: u32,
}

/// One block's entries, decoded.
#[derive(Debug)]
pub(crate) struct DecodedBlock {
    pub data: Vec<u8>,
    pub boot_id: [u8; 16],
    pub entries: Vec<RawEntry>,
    /// Frames that failed their checks and were skipped.
    pub corrupt: u32,
    /// Per context looked up so far (sorted by id): where each `KNOWN` field's first value
    /// is, its pair index or [`NOT_IN_CTX`]. Output asks for these fields for every entry it
    /// shows; this answers without walking the context's pairs each time. Filled on first
    /// use: a block of 1,024 entries of 500 units has ~500 contexts, and a unit's tail shows
    /// the entries of one or two.
    pub ctx_known: RefCell<Vec<(u32, [u32; KNOWN.len()])>>,
    /// Bit k set: the `KNOWN[k]` field may be among the entries' literal fields (from the
    /// block summary; all bits for a block not sealed yet).
    pub lit_known: u16,
}

/// Marks a `KNOWN` field a context does not hold.
pub(crate) const NOT_IN_CTX: u32 = u32::MAX;

impl DecodedBlock {
    /// The pair index of `KNOWN[k]` in context `ctx` of a segment with dictionary `dict` and
    /// `KNOWN` name ids `known`, if the context holds the field.
    #[inline]
    pub(crate) fn known_pair(&self, ctx: u32, k: usize, dict: &Dict, known: &Known) -> Option<u32> {
        let mut cache = self.ctx_known.borrow_mut();
        let t = match cache.as_slice() {
            [(c, t)] if *c == ctx => *t,
            list => match list.binary_search_by_key(&ctx, |(c, _)| *c) {
                Ok(i) => list[i].1,
                Err(i) => {
                    let t = known_table(dict, known, ctx);
                    cache.insert(i, (ctx, t));
                    t
                }
            },
        };
        Some(t[k]).filter(|&p| p != NOT_IN_CTX)
    }

    /// Fills `lit_known` (see there) for this block of a segment with `KNOWN` name ids
    /// `known`.
    fn index_known(&mut self, known: &Known, lit_names: Option<&[u32]>) {
        self.lit_known = match lit_names {
            None => u16::MAX,
            Some(names) => known
                .iter()
                .enumerate()
                .filter(|(_, nid)| nid.is_some_and(|n| names.binary_search(&n).is_ok()))
                .fold(0, |m, (k, _)| m | 1 << k),
        };
    }
}

/// Where each `KNOWN` field's first value is in context `c` (see `ctx_known`).
fn known_table(dict: &Dict, known: &Known, c: u32) -> [u32; KNOWN.len()] {
    let mut t = [NOT_IN_CTX; KNOWN.len()];
    let pairs = dict.ctx(c).unwrap_or(&[]);
    for (slot, &nid) in t.iter_mut().zip(known) {
        let Some(nid) = nid else { continue };
        if let Some(&p) = pairs
            .iter()
            .find(|&&p| dict.pair(p).is_some_and(|(n, _)| n == nid))
        {
            *slot = p;
        }
    }
    t
}

/// The ids of the `KNOWN` field names in one segment's dictionary.
pub(crate) type Known = [Option<u32>; KNOWN.len()];

/// Reads and decodes a segment's blocks from its file on another thread (a full scan's
/// prefetch): the segment itself is not `Send`, this holds what decoding needs.
#[derive(Debug)]
pub(crate) struct BlockReader {
    path: PathBuf,
    file: File,
    dict: Arc<Dict>,
    known: Known,
}

impl BlockReader {
    /// Reads and decodes one block from the file.
    pub(crate) fn decode(&self, b: &BlockInfo) -> Result<DecodedBlock> {
        let data = read_block(&self.file, &self.path, b)?;
        Ok(decode_indexed(data, b, &self.dict, &self.known))
    }
}

fn read_block(file: &File, path: &Path, b: &BlockInfo) -> Result<Vec<u8>> {
    read_exact_at(file, (b.end - b.start) as usize, b.start).map_err(|e| Error::io(path, e))
}

/// `len` bytes of `file` from offset `off`, read into memory that is not zero-filled first
/// (a block is read whole; filling it with zeros before the read cost ~9% of a `-u X`
/// query). An error if the file ends before.
pub(crate) fn read_exact_at(file: &File, len: usize, off: u64) -> std::io::Result<Vec<u8>> {
    let mut v = Vec::with_capacity(len);
    while v.len() < len {
        let at = off + v.len() as u64;
        // Reads into the spare capacity (at least what is missing; more is cut off below).
        let n = rustix::io::pread(file, rustix::buffer::spare_capacity(&mut v), at)?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
    }
    v.truncate(len);
    Ok(v)
}

fn decode_indexed(data: Vec<u8>, b: &BlockInfo, dict: &Dict, known: &Known) -> DecodedBlock {
    let mut d = decode_block(data, b, dict);
    d.index_known(known, b.lit_names.as_deref());
    d
}

/// What a block's entry positions pick for the unit keys `here` it holds (`None`: decode the
/// whole block — no positions, a key in too many entries to list, or positions that do not
/// hold together).
fn pick(u: &UnitLinks, here: &[u32], entries: u64) -> Option<Pick> {
    let pos = u.positions.as_ref()?;
    if pos.checkpoints.len() as u64 != entries.div_ceil(CHECKPOINT_EVERY) || entries == 0 {
        return None;
    }
    let mut picked = Vec::new();
    for k in here {
        let i = u.links.binary_search_by_key(k, |&(key, _)| key).ok()?;
        picked.extend(pos.entries_of(i, entries)??);
    }
    picked.sort_unstable();
    picked.dedup();
    let mut keys = here.to_vec();
    keys.sort_unstable();
    Some(Pick {
        entries: picked,
        checkpoints: pos.checkpoints.clone(),
        keys,
    })
}

/// Reads frames while walking a file backwards, a window at a time. A segment's dictionary
/// chain is one small DICT frame per batch of new values, spread through the file: 10,000
/// services started one after the other leave 10,000 of them side by side (reading each with
/// its own two preads made `systemctl status` of one unit among them cost 20,000 reads), while
/// 500 services that each log 2,000 lines leave 500 of them ~50 KB apart (reading 256 KB
/// windows then read the whole 24 MB file to load a dictionary of 500 units). So the window
/// adapts: it doubles (up to [`Self::MAX`]) while each window holds several of the frames
/// asked, and halves (down to [`Self::MIN`]) while each holds only one.
#[derive(Debug)]
struct BackWindow {
    /// File offset of `buf[0]`.
    base: u64,
    buf: Vec<u8>,
    /// Bytes the next read takes.
    size: u64,
    /// Frames served from the current window.
    hits: u32,
    /// Bytes read so far.
    read: u64,
    /// Bytes already in memory (the scanned tail) and their file offset: frames there are
    /// not read again.
    pinned: Option<(u64, Vec<u8>)>,
}

impl Default for BackWindow {
    fn default() -> Self {
        BackWindow {
            base: 0,
            buf: Vec::new(),
            size: Self::START,
            hits: 0,
            read: 0,
            pinned: None,
        }
    }
}

impl BackWindow {
    /// Bounds and first value of the bytes read at once.
    const MIN: u64 = 4 << 10;
    const START: u64 = 32 << 10;
    const MAX: u64 = 256 << 10;
    /// Bytes past a frame's start read with it, at most (frames longer than what was read
    /// with them are read alone).
    const AHEAD: u64 = 16 << 10;

    /// The payload of the frame of `kind` at `off` (as [`Segment::read_frame_at`]).
    fn frame_at(&mut self, seg: &FileSrc<'_>, off: u64, kind: u8) -> Result<Vec<u8>> {
        if let Some((base, buf)) = &self.pinned
            && off >= *base
        {
            let pos = usize::try_from(off - base).unwrap_or(usize::MAX);
            let parsed = format::parse_frame(buf, pos);
            if !matches!(parsed, Parsed::Truncated) {
                return seg.payload_of(parsed, off, kind);
            }
        }
        for refilled in [false, true] {
            if off >= self.base {
                let pos = usize::try_from(off - self.base).unwrap_or(usize::MAX);
                let parsed = format::parse_frame(&self.buf, pos);
                if !matches!(parsed, Parsed::Truncated) {
                    self.hits += 1;
                    return seg.payload_of(parsed, off, kind);
                }
            }
            if refilled {
                break;
            }
            if !self.buf.is_empty() {
                self.size = match self.hits {
                    0 | 1 => (self.size / 2).max(Self::MIN),
                    2 | 3 => self.size,
                    _ => (self.size * 2).min(Self::MAX),
                };
            }
            self.hits = 0;
            let end = off
                .saturating_add(Self::AHEAD.min(self.size / 2))
                .min(seg.len);
            let start = end.saturating_sub(self.size).max(HEADER_LEN).min(off);
            // (Read into memory not zero-filled first, as blocks are.)
            self.buf = read_exact_at(seg.file, (end - start) as usize, start)
                .map_err(|e| Error::io(seg.path, e))?;
            self.base = start;
            self.read += end - start;
        }
        // A frame longer than what was read with it (or cut off by the end of the file).
        seg.read_frame_at(off, kind)
    }
}

/// A segment file to read frames from.
struct FileSrc<'a> {
    file: &'a File,
    path: &'a Path,
    len: u64,
}

impl FileSrc<'_> {
    /// The payload of the frame of `kind` that starts at `pos` of `buf` (read from offset
    /// `off` of the file).
    fn frame_payload(&self, buf: &[u8], pos: usize, off: u64, kind: u8) -> Result<Vec<u8>> {
        self.payload_of(format::parse_frame(buf, pos), off, kind)
    }

    /// The payload of `parsed` (the frame at offset `off`), which must be of `kind`.
    fn payload_of(&self, parsed: Parsed<'_>, off: u64, kind: u8) -> Result<Vec<u8>> {
        match parsed {
            Parsed::Frame {
                kind: k, payload, ..
            } if k == kind => Ok(payload.to_vec()),
            Parsed::Frame { .. } => Err(bad(
                self.path,
                format!("unexpected record type at offset {off}"),
            )),
            Parsed::Truncated => Err(bad(self.path, format!("truncated record at offset {off}"))),
            Parsed::Corrupt { reason, .. } => {
                Err(bad(self.path, format!("{reason} at offset {off}")))
            }
        }
    }

    /// Reads the frame at `off`, which must be of `kind`; returns its payload.
    fn read_frame_at(&self, off: u64, kind: u8) -> Result<Vec<u8>> {
        let mut head = [0u8; 11];
        let n = self
            .file
            .read_at(&mut head, off)
            .map_err(|e| Error::io(self.path, e))?;
        let mut p = 0;
        let len = varint::get(&head[..n], &mut p)
            .ok_or_else(|| bad(self.path, "bad record length"))? as usize;
        if len == 0 || len > format::MAX_FRAME {
            return Err(bad(self.path, "bad record length"));
        }
        let buf =
            read_exact_at(self.file, p + len + 4, off).map_err(|e| Error::io(self.path, e))?;
        self.frame_payload(&buf, 0, off, kind)
    }

    /// The DICT payloads from `newest` back, newest first, through `window`; with `stop`,
    /// down to the frame at `stop` (not included), which must be on the chain.
    fn read_chain(
        &self,
        window: &mut BackWindow,
        newest: Option<u64>,
        stop: Option<u64>,
    ) -> Result<Vec<Vec<u8>>> {
        let mut chain = Vec::new();
        let mut at = newest;
        while let Some(off) = at {
            if Some(off) == stop {
                return Ok(chain);
            }
            if off < HEADER_LEN || off >= self.len || stop.is_some_and(|s| off < s) {
                return Err(bad(self.path, "dictionary chain broken"));
            }
            let payload = window.frame_at(self, off, format::DICT)?;
            at = dict_prev(&payload).ok_or_else(|| bad(self.path, "dictionary chain broken"))?;
            if let Some(p) = at
                && p >= off
            {
                return Err(bad(self.path, "dictionary chain loops"));
            }
            chain.push(payload);
            if chain.len() > 1_000_000 {
                return Err(bad(self.path, "dictionary chain too long"));
            }
        }
        match stop {
            Some(_) => Err(bad(self.path, "dictionary chain misses the table's frames")),
            None => Ok(chain),
        }
    }
}

/// The whole dictionary of a segment, read back along its DICT chain (a dictionary table
/// that does not hold together falls back to this).
pub(crate) fn load_chain(src: &ChainSource) -> Result<Dict> {
    let f = FileSrc {
        file: &src.file,
        path: &src.path,
        len: src.file_len,
    };
    let chain = f.read_chain(&mut BackWindow::default(), src.newest, None)?;
    let mut dict = Dict::default();
    for payload in chain.iter().rev() {
        dict.apply(payload).map_err(|e| bad(&src.path, e))?;
    }
    Ok(dict)
}

/// What opening a segment uses of a summary ([`Segment::open_summary`]).
#[derive(Debug)]
struct OpenSummary {
    last_dict: Option<u64>,
    /// Whether it holds a directory, the newest earlier block's that does, and its
    /// dictionary table (`None`: no unit index).
    units: Option<(bool, u64, Option<format::DictTable>)>,
}

/// Where an index-guided backward walk of one segment stands ([`Segment::unit_walk`]).
#[derive(Debug, Clone)]
pub(crate) struct UnitWalk {
    /// Per unit key: the sealed end of the newest block not visited yet that holds it (0:
    /// none left).
    next: Vec<(u32, u64)>,
    /// Every link must point at or before this offset (the start of the block visited last).
    limit: u64,
}

/// An open segment.
#[derive(Debug)]
pub(crate) struct Segment {
    pub path: PathBuf,
    file: Arc<File>,
    pub header: Header,
    /// End of the valid data (a torn tail is beyond it).
    pub valid_end: u64,
    pub file_len: u64,
    /// Shared with [`BlockReader`]s of this segment.
    pub dict: Arc<Dict>,
    /// Name ids of the fields output looks up for every entry (`KNOWN` order).
    pub known: Known,
    /// Where the tail scan stopped early and why (torn or corrupt tail), if it did.
    pub torn: Option<(u64, &'static str)>,
    /// Corrupt frames the tail scan skipped.
    pub skipped: u32,
    /// Bytes read to load the dictionary chain before the scanned tail.
    pub dict_read: u64,
    /// Blocks found by the forward scan of the tail (oldest first).
    tail_blocks: Vec<BlockInfo>,
    /// Offset from which `tail_blocks` were scanned (`HEADER_LEN` when the whole file was).
    tail_start: u64,
    tail: Vec<u8>,
    /// What decoding picked entries has done so far.
    pub picks: std::cell::Cell<PickStats>,
    /// Summaries read that the walk of the unit index reads next, by the offset they end at
    /// (without their tables): those read at open for the dictionary table (the one before
    /// the scanned tail, the newest directory's: 23 KB with 500 units), which `unit_walk`
    /// starts from, and those `unit_walk` found a unit's newest block in, which `unit_next`
    /// visits. Each was read and decoded twice. Each is taken out when used.
    kept_summaries: RefCell<Vec<(u64, u64, BlockSummary)>>,
    /// Where each summary read from the file ends, in the order read.
    #[cfg(test)]
    pub summaries_read: RefCell<Vec<u64>>,
}

/// Blocks decoded through their entry positions ([`Pick`]), the bytes that read, and blocks
/// whose positions did not hold together (decoded whole instead).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PickStats {
    pub picked: u32,
    pub bytes: u64,
    pub fallbacks: u32,
}

/// Result of scanning a byte region frame by frame.
#[derive(Debug, Default)]
struct Scan {
    blocks: Vec<BlockInfo>,
    dicts: Vec<(u64, std::ops::Range<usize>)>,
    valid_end: u64,
    stop: Option<(u64, &'static str)>,
    skipped: u32,
}

fn scan_region(buf: &[u8], base: u64) -> Scan {
    let mut s = Scan {
        valid_end: base,
        ..Default::default()
    };
    let mut pos = 0usize;
    let mut cur: Option<(BlockInfo, u64, u64)> = None; // block, prev_rt, prev_mono
    let close = |cur: &mut Option<(BlockInfo, u64, u64)>, blocks: &mut Vec<BlockInfo>, end: u64| {
        if let Some((mut b, _, _)) = cur.take() {
            b.end = end;
            blocks.push(b);
        }
    };
    while pos < buf.len() {
        let off = base + pos as u64;
        match format::parse_frame(buf, pos) {
            Parsed::Frame {
                kind,
                payload,
                next,
            } => {
                match kind {
                    format::BLOCK_START => {
                        close(&mut cur, &mut s.blocks, off);
                        if let Some(bs) = BlockStart::decode(payload) {
                            let b = BlockInfo {
                                start: off,
                                end: off,
                                bs,
                                entries: 0,
                                min_rt: u64::MAX,
                                max_rt: 0,
                                ctxs: None,
                                lit_names: None,
                                sealed_end: None,
                                pick: None,
                            };
                            cur = Some((b, bs.rt, bs.mono));
                        } else {
                            s.skipped += 1;
                        }
                    }
                    format::ENTRY => match (&mut cur, entry_times(payload)) {
                        (Some((b, prev_rt, prev_mono)), Some((drt, dmono))) => {
                            let rt = prev_rt.wrapping_add(drt as u64);
                            *prev_mono = prev_mono.wrapping_add((drt.wrapping_add(dmono)) as u64);
                            *prev_rt = rt;
                            b.entries += 1;
                            b.min_rt = b.min_rt.min(rt);
                            b.max_rt = b.max_rt.max(rt);
                        }
                        _ => s.skipped += 1,
                    },
                    format::BLOCK_END => {
                        if let (Some((b, _, _)), Some(sum)) =
                            (&mut cur, BlockSummary::decode(payload))
                        {
                            b.ctxs = Some(sum.ctxs);
                            b.lit_names = Some(sum.lit_names);
                            b.sealed_end = Some(base + next as u64);
                        }
                        close(&mut cur, &mut s.blocks, off);
                    }
                    _ => s.dicts.push((off, pos..next)),
                }
                pos = next;
                s.valid_end = base + pos as u64;
            }
            Parsed::Truncated => {
                s.stop = Some((off, "truncated record (torn tail)"));
                break;
            }
            Parsed::Corrupt { reason, next } => match next {
                Some(n) if n < buf.len() => {
                    s.skipped += 1;
                    pos = n;
                }
                _ => {
                    s.stop = Some((off, reason));
                    break;
                }
            },
        }
    }
    close(&mut cur, &mut s.blocks, s.valid_end);
    for b in &mut s.blocks {
        if b.entries == 0 {
            b.min_rt = b.bs.rt;
            b.max_rt = b.bs.rt;
        }
    }
    s
}

/// The realtime delta and the (monotonic - realtime) delta of an ENTRY payload.
fn entry_times(p: &[u8]) -> Option<(i64, i64)> {
    let mut pos = 0;
    let drt = varint::unzigzag(varint::get(p, &mut pos)?);
    let dmono = varint::unzigzag(varint::get(p, &mut pos)?);
    Some((drt, dmono))
}

/// Fields looked up for nearly every entry by output and matching; their ids are cached.
/// Index constants: `K_MESSAGE`, … in the same order.
pub const KNOWN: [&str; 10] = [
    crate::entry::fields::MESSAGE,
    crate::entry::fields::PRIORITY,
    crate::entry::fields::SYSLOG_IDENTIFIER,
    crate::entry::fields::COMM,
    crate::entry::fields::PID,
    crate::entry::fields::SYSLOG_PID,
    crate::entry::fields::HOSTNAME,
    crate::entry::fields::SOURCE_REALTIME_TIMESTAMP,
    crate::entry::fields::SOURCE_MONOTONIC_TIMESTAMP,
    crate::entry::fields::BOOT_ID,
];

pub(crate) const K_MESSAGE: usize = 0;
pub(crate) const K_PRIORITY: usize = 1;
pub(crate) const K_SYSLOG_IDENTIFIER: usize = 2;
pub(crate) const K_COMM: usize = 3;
pub(crate) const K_PID: usize = 4;
pub(crate) const K_SYSLOG_PID: usize = 5;
pub(crate) const K_HOSTNAME: usize = 6;
pub(crate) const K_SOURCE_REALTIME: usize = 7;
pub(crate) const K_SOURCE_MONOTONIC: usize = 8;

fn bad(path: &Path, reason: impl Into<String>) -> Error {
    Error::BadSegment {
        path: path.to_owned(),
        reason: reason.into(),
    }
}

impl Segment {
    /// Opens a segment: reads the header, scans the newest block(s) and loads the dictionary.
    pub(crate) fn open(path: &Path) -> Result<Segment> {
        Segment::open_with(path, false)
    }

    /// Opens a segment; `full` scans the whole file forwards (the fallback for a segment
    /// whose backward structure is damaged: every block is then in the scanned tail).
    pub(crate) fn open_with(path: &Path, full: bool) -> Result<Segment> {
        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        Segment::open_file(path, file, full)
    }

    /// As [`Segment::open_with`], for `path` already opened as `file`.
    pub(crate) fn open_file(path: &Path, file: File, full: bool) -> Result<Segment> {
        Segment::open_read(path, file, None, full)
    }

    /// As [`Segment::open_file`]; `header` is the file's header when it was read already (the
    /// reader reads every segment's header to order them: not read again here).
    pub(crate) fn open_read(
        path: &Path,
        file: File,
        header: Option<Header>,
        full: bool,
    ) -> Result<Segment> {
        let file_len = file.metadata().map_err(|e| Error::io(path, e))?.len();
        if file_len < HEADER_LEN {
            return Err(bad(path, "file shorter than the header"));
        }
        let header = match header {
            Some(h) => h,
            None => {
                let mut hb = [0u8; HEADER_LEN as usize];
                file.read_exact_at(&mut hb, 0)
                    .map_err(|e| Error::io(path, e))?;
                Header::decode(&hb).map_err(|r| bad(path, r))?
            }
        };
        let mut seg = Segment {
            path: path.to_owned(),
            file: Arc::new(file),
            header,
            valid_end: HEADER_LEN,
            file_len,
            dict: Arc::default(),
            known: [None; KNOWN.len()],
            torn: None,
            skipped: 0,
            dict_read: 0,
            tail_blocks: Vec::new(),
            tail_start: HEADER_LEN,
            tail: Vec::new(),
            picks: Default::default(),
            kept_summaries: RefCell::default(),
            #[cfg(test)]
            summaries_read: RefCell::default(),
        };
        let hint = header.hint;
        let hint_ok = hint > HEADER_LEN
            && hint < file_len
            && seg.frame_kind_at(hint) == Some(format::BLOCK_START);
        let start = if hint_ok && !full { hint } else { HEADER_LEN };
        if seg.scan_tail_from(start).is_err() && start != HEADER_LEN {
            seg.scan_tail_from(HEADER_LEN)?;
        }
        Ok(seg)
    }

    fn frame_kind_at(&self, off: u64) -> Option<u8> {
        let mut b = [0u8; 11];
        let n = self.file.read_at(&mut b, off).ok()?;
        let mut p = 0;
        varint::get(&b[..n], &mut p)?;
        b.get(p).copied()
    }

    /// Scans `[start, EOF)` forward and loads the dictionary; `Err` when the dictionary chain
    /// cannot be followed from there (the caller then scans the whole file).
    fn scan_tail_from(&mut self, start: u64) -> Result<()> {
        let mut buf = read_exact_at(&self.file, (self.file_len - start) as usize, start)
            .map_err(|e| Error::io(&self.path, e))?;
        let scan = scan_region(&buf, start);
        let mut dict = Dict::default();
        // The summary of the block before the tail: the newest DICT frame when the tail has
        // none, and where the newest dictionary table is.
        let before = if start > HEADER_LEN {
            match self.open_summary(start) {
                Ok(sum) => Some(sum),
                Err(e) if scan.dicts.is_empty() => return Err(e),
                Err(_) => None,
            }
        } else {
            None
        };
        let newest = match scan.dicts.last() {
            Some((off, _)) => Some(*off),
            None => before.as_ref().and_then(|b| b.last_dict),
        };
        if start == HEADER_LEN {
            for (_, r) in &scan.dicts {
                let Parsed::Frame { payload, .. } = format::parse_frame(&buf, r.start) else {
                    continue;
                };
                dict.apply(payload).map_err(|e| bad(&self.path, e))?;
            }
        } else if newest.is_some() {
            // The frames in the tail are read from it.
            let mut window = BackWindow {
                pinned: Some((start, std::mem::take(&mut buf))),
                ..BackWindow::default()
            };
            let table = before.and_then(|b| self.dict_table(b));
            let lazy = table.and_then(|t| {
                let src = self.src();
                let stop = t.frames.last().map(|f| f.offset);
                let chain = src.read_chain(&mut window, newest, stop).ok()?;
                let newer: Vec<Vec<u8>> = chain.into_iter().rev().collect();
                let chain_src = ChainSource {
                    file: Arc::clone(&self.file),
                    path: self.path.clone(),
                    file_len: self.file_len,
                    newest,
                };
                Dict::with_table(t, &newer, chain_src).ok()
            });
            let loaded = match lazy {
                Some(d) => Ok(d),
                None => self
                    .src()
                    .read_chain(&mut window, newest, None)
                    .and_then(|chain| {
                        let mut d = Dict::default();
                        for payload in chain.iter().rev() {
                            d.apply(payload).map_err(|e| bad(&self.path, e))?;
                        }
                        Ok(d)
                    }),
            };
            self.dict_read = window.read;
            buf = window.pinned.map(|(_, b)| b).unwrap_or_default();
            dict = loaded?;
        }
        for (slot, name) in self.known.iter_mut().zip(KNOWN) {
            *slot = dict.name_id(name);
        }
        self.dict = Arc::new(dict);
        self.valid_end = scan.valid_end;
        self.torn = scan.stop;
        self.skipped = scan.skipped;
        self.tail_blocks = scan.blocks;
        self.tail_start = start;
        buf.truncate((scan.valid_end - start) as usize);
        self.tail = buf;
        Ok(())
    }

    fn src(&self) -> FileSrc<'_> {
        FileSrc {
            file: &self.file,
            path: &self.path,
            len: self.file_len,
        }
    }

    /// Reads the frame at `off`, which must be of `kind`; returns its payload.
    fn read_frame_at(&self, off: u64, kind: u8) -> Result<Vec<u8>> {
        self.src().read_frame_at(off, kind)
    }

    /// The newest dictionary table at or before the block whose summary is `sum`: its own,
    /// or the one of the newest directory it names.
    fn dict_table(&self, sum: OpenSummary) -> Option<format::DictTable> {
        let (has_dir, last_dir, table) = sum.units?;
        if has_dir {
            return table;
        }
        if last_dir == 0 {
            return None;
        }
        self.open_summary(last_dir).ok()?.units?.2
    }

    /// What opening uses of the summary ending right before `before` (decoded with its
    /// directory and its dictionary table); the rest is kept for the `-u` walk that may
    /// follow (`kept_summaries`).
    fn open_summary(&self, before: u64) -> Result<OpenSummary> {
        let (off, mut sum) = self.read_block_end_before(before, true, true)?;
        let open = OpenSummary {
            last_dict: sum.last_dict,
            units: sum
                .units
                .as_mut()
                .map(|u| (u.has_dir, u.last_dir, u.table.take())),
        };
        self.kept_summaries.borrow_mut().push((before, off, sum));
        Ok(open)
    }

    /// The BLOCK_END frame ending right before `before`: its offset and summary.
    fn block_end_before(&self, before: u64) -> Result<(u64, BlockSummary)> {
        self.block_end_before_with(before, false)
    }

    /// As [`Segment::block_end_before`]; `with_dir` also decodes a unit-index directory.
    /// (A summary kept by `open_summary` or `unit_walk` is taken, not read again.)
    fn block_end_before_with(&self, before: u64, with_dir: bool) -> Result<(u64, BlockSummary)> {
        let kept = {
            let mut kept = self.kept_summaries.borrow_mut();
            kept.iter()
                .position(|(b, _, _)| *b == before)
                .map(|i| kept.swap_remove(i))
        };
        match kept {
            Some((_, off, sum)) => Ok((off, sum)),
            None => self.read_block_end_before(before, with_dir, false),
        }
    }

    /// Reads and decodes the BLOCK_END frame ending right before `before`; `with_dir` also
    /// decodes a unit-index directory, `with_table` a dictionary table.
    fn read_block_end_before(
        &self,
        before: u64,
        with_dir: bool,
        with_table: bool,
    ) -> Result<(u64, BlockSummary)> {
        #[cfg(test)]
        self.summaries_read.borrow_mut().push(before);
        let corrupt = || {
            bad(
                &self.path,
                format!("no valid block end before offset {before}"),
            )
        };
        if before < HEADER_LEN + 4 {
            return Err(corrupt());
        }
        let mut t = [0u8; 4];
        self.file
            .read_exact_at(&mut t, before - 4)
            .map_err(|e| Error::io(&self.path, e))?;
        let total = u64::from(u32::from_le_bytes(t));
        if total < 8 || total > before - HEADER_LEN || total > format::MAX_FRAME as u64 {
            return Err(corrupt());
        }
        let off = before - total;
        let buf =
            read_exact_at(&self.file, total as usize, off).map_err(|e| Error::io(&self.path, e))?;
        match format::parse_frame(&buf, 0) {
            Parsed::Frame {
                kind: format::BLOCK_END,
                payload,
                next,
            } if next as u64 == total => Ok((
                off,
                BlockSummary::decode_full(payload, with_dir, with_table).ok_or_else(corrupt)?,
            )),
            _ => Err(corrupt()),
        }
    }

    /// The sealed block that ends right before `before` (a block start), walking backwards.
    fn sealed_block_before(&self, before: u64) -> Result<BlockInfo> {
        self.sealed_block_units(before).map(|(b, _)| b)
    }

    /// As [`Segment::sealed_block_before`], with the block's part of the unit index.
    fn sealed_block_units(&self, before: u64) -> Result<(BlockInfo, Option<UnitLinks>)> {
        let (end_off, sum) = self.block_end_before(before)?;
        let start = end_off
            .checked_sub(sum.back)
            .filter(|&s| s >= HEADER_LEN)
            .ok_or_else(|| {
                bad(
                    &self.path,
                    format!("block end at offset {end_off} points outside the file"),
                )
            })?;
        let bs = BlockStart::decode(&self.read_frame_at(start, format::BLOCK_START)?).ok_or_else(
            || {
                bad(
                    &self.path,
                    format!("malformed block start at offset {start}"),
                )
            },
        )?;
        let b = BlockInfo {
            start,
            end: end_off,
            bs,
            entries: sum.entries,
            min_rt: sum.min_rt,
            max_rt: sum.max_rt,
            ctxs: Some(sum.ctxs),
            lit_names: Some(sum.lit_names),
            sealed_end: Some(before),
            pick: None,
        };
        Ok((b, sum.units))
    }

    /// The newest block of the tail scanned at open that starts before `before`.
    pub(crate) fn tail_block_before(&self, before: Option<u64>) -> Option<BlockInfo> {
        let limit = before.unwrap_or(u64::MAX);
        self.tail_blocks
            .iter()
            .rev()
            .find(|b| b.start < limit)
            .cloned()
    }

    /// Starts a walk, newest first, of the sealed blocks before the scanned tail that hold
    /// any of the unit keys `keys` (see `format`'s unit index): reads the summaries back to
    /// the newest directory. `Ok(None)` when the segment has no index (written before it).
    pub(crate) fn unit_walk(&self, keys: &[u32]) -> Result<Option<UnitWalk>> {
        let mut want = keys.to_vec();
        let mut next = Vec::with_capacity(keys.len());
        let mut before = self.tail_start;
        while !want.is_empty() && before > HEADER_LEN {
            let (end_off, sum) = self.block_end_before_with(before, true)?;
            let Some(u) = &sum.units else {
                return Ok(None);
            };
            // Every block holding one of the keys is visited by `unit_next` (the keys' links
            // lead through each), newest first, unless the query has enough before.
            let holds_keys = keys.iter().any(|&k| u.link(k).is_some());
            want.retain(|&k| {
                let here = u.link(k).is_some();
                if here {
                    next.push((k, before));
                }
                !here
            });
            let mut at_dir = false;
            if let Some(dir) = &u.dir {
                for &k in &want {
                    if let Ok(i) = dir.binary_search_by_key(&k, |&(k, _)| k) {
                        next.push((k, dir[i].1));
                    }
                }
                at_dir = true;
            }
            let start = end_off
                .checked_sub(sum.back)
                .filter(|&s| s >= HEADER_LEN)
                .ok_or_else(|| bad(&self.path, "unit index: block start outside the file"));
            if holds_keys {
                self.kept_summaries
                    .borrow_mut()
                    .push((before, end_off, sum));
            }
            if at_dir {
                break;
            }
            before = start?;
        }
        Ok(Some(UnitWalk {
            next,
            limit: self.tail_start,
        }))
    }

    /// The next block of a [`Segment::unit_walk`], newest first (`None`: no more), checked
    /// against the index: an error when the links do not hold together (the caller then
    /// walks every block from where it is, so nothing is lost).
    pub(crate) fn unit_next(&self, w: &mut UnitWalk) -> Result<Option<BlockInfo>> {
        let Some(end) = w.next.iter().map(|&(_, e)| e).max().filter(|&e| e > 0) else {
            return Ok(None);
        };
        let broken = |what: &str| bad(&self.path, format!("unit index: {what} (block end {end})"));
        if end > w.limit {
            return Err(broken("link does not point backwards"));
        }
        let (mut b, u) = self.sealed_block_units(end)?;
        let u = u.ok_or_else(|| broken("block without index"))?;
        let mut here = Vec::new();
        for (k, e) in &mut w.next {
            if *e == end {
                let link = u
                    .link(*k)
                    .ok_or_else(|| broken("key not in the linked block"))?;
                if link > b.start {
                    return Err(broken("link does not point backwards"));
                }
                *e = link;
                here.push(*k);
            }
        }
        w.limit = b.start;
        b.pick = pick(&u, &here, b.entries);
        Ok(Some(b))
    }

    /// All blocks, newest first, produced lazily: `next_back(None)` gives the newest, then
    /// pass the previous result's `start`.
    pub(crate) fn block_before(&self, before: Option<u64>) -> Result<Option<BlockInfo>> {
        if let Some(b) = self.tail_block_before(before) {
            return Ok(Some(b));
        }
        let at = before.unwrap_or(self.tail_start).min(self.tail_start);
        if at <= HEADER_LEN {
            return Ok(None);
        }
        self.sealed_block_before(at).map(Some)
    }

    /// Every block, oldest first (an error when the backward structure is damaged: reopen
    /// with `open_with(path, true)` then).
    pub(crate) fn all_blocks(&self) -> Result<Vec<BlockInfo>> {
        let mut out = Vec::new();
        let mut before = None;
        while let Some(b) = self.block_before(before)? {
            before = Some(b.start);
            out.push(b);
        }
        out.reverse();
        Ok(out)
    }

    /// Reads and decodes one block (with a [`Pick`], only the entries picked: see
    /// [`Segment::decode_picked`]).
    pub(crate) fn decode(&self, b: &BlockInfo) -> Result<DecodedBlock> {
        if let Some(p) = &b.pick
            && !self.in_tail(b)
        {
            let mut stats = self.picks.get();
            let picked = self.decode_picked(b, p);
            match &picked {
                Some(d) => {
                    stats.picked += 1;
                    stats.bytes += d.data.len() as u64;
                }
                None => stats.fallbacks += 1,
            }
            self.picks.set(stats);
            if let Some(mut d) = picked {
                d.index_known(&self.known, b.lit_names.as_deref());
                return Ok(d);
            }
        }
        let data = if self.in_tail(b) {
            let s = (b.start - self.tail_start) as usize;
            let e = (b.end - self.tail_start) as usize;
            self.tail
                .get(s..e)
                .map(<[u8]>::to_vec)
                .ok_or_else(|| bad(&self.path, "block outside the scanned tail"))?
        } else {
            read_block(&self.file, &self.path, b)?
        };
        Ok(decode_indexed(data, b, &self.dict, &self.known))
    }

    /// The entries `p` picks of block `b`, reading only the stretches between checkpoints
    /// that hold them. `None` when the positions do not hold together (an entry not where a
    /// checkpoint says, a picked entry missing, an entry holding one of the keys not picked,
    /// a damaged frame) or the file cannot be read: the caller decodes the whole block then.
    fn decode_picked(&self, b: &BlockInfo, p: &Pick) -> Option<DecodedBlock> {
        let len = b.end.checked_sub(b.start)?;
        let cps = &p.checkpoints;
        // Entry i is in stretch i / CHECKPOINT_EVERY: [its checkpoint, the next one or the end).
        let bounds = |c: usize| -> Option<(u64, u64)> {
            let from = cps.get(c)?.offset;
            let to = cps.get(c + 1).map_or(len, |n| n.offset);
            (from < to && to <= len).then_some((from, to))
        };
        let mut stretches: Vec<usize> = p
            .entries
            .iter()
            .map(|&i| (u64::from(i) / CHECKPOINT_EVERY) as usize)
            .collect();
        stretches.dedup();
        let n_ctx = self.dict.n_ctxs() as u64;
        let lit_unit_names: Vec<u32> = crate::entry::fields::UNIT_MATCH_FIELDS
            .iter()
            .filter_map(|n| self.dict.name_id(n))
            .collect();
        let holds_key = |ctx: u32, lits: &[u8]| {
            // (With a dictionary table, from its unit keys: the other units' contexts are
            // not read.)
            let in_ctx = self.dict.ctx_may_hold(ctx, &p.keys);
            in_ctx
                || (p.keys.binary_search(&LIT_UNIT).is_ok()
                    && Lits::from_bytes(lits).any(|(n, _)| lit_unit_names.contains(&n)))
        };
        let mut data = Vec::new();
        let mut entries = Vec::with_capacity(p.entries.len());
        let mut want = p.entries.iter().copied().peekable();
        let mut i = 0;
        while i < stretches.len() {
            // Neighbouring stretches are read at once.
            let mut j = i;
            while j + 1 < stretches.len() && stretches[j + 1] == stretches[j] + 1 {
                j += 1;
            }
            let (from, _) = bounds(stretches[i])?;
            let (_, to) = bounds(stretches[j])?;
            let base = data.len();
            data.extend(read_exact_at(&self.file, (to - from) as usize, b.start + from).ok()?);
            for &c in &stretches[i..=j] {
                let (s, e) = bounds(c)?;
                let (mut pos, end) = (base + (s - from) as usize, base + (e - from) as usize);
                let cp = cps[c];
                let mut rt = b.bs.rt.wrapping_add(cp.rt);
                let mut mono = b.bs.mono.wrapping_add(cp.mono);
                let mut idx = c as u64 * CHECKPOINT_EVERY;
                let last = (idx + CHECKPOINT_EVERY).min(b.entries);
                while pos < end {
                    let Parsed::Frame {
                        kind,
                        payload,
                        next,
                    } = format::parse_frame(&data[..end], pos)
                    else {
                        return None;
                    };
                    match kind {
                        format::ENTRY => {
                            let at = next - payload.len() - 4;
                            let mut q = 0;
                            let drt = varint::unzigzag(varint::get(payload, &mut q)?);
                            let dm = varint::unzigzag(varint::get(payload, &mut q)?);
                            let ctx = varint::get(payload, &mut q)?;
                            if ctx >= n_ctx || idx >= last {
                                return None;
                            }
                            rt = rt.wrapping_add(drt as u64);
                            mono = mono.wrapping_add(drt.wrapping_add(dm) as u64);
                            let picked = want.peek() == Some(&(idx as u32));
                            if picked {
                                want.next();
                                entries.push(RawEntry {
                                    rt,
                                    mono,
                                    seqnum: b.bs.seqnum + idx,
                                    ctx: ctx as u32,
                                    lit_start: u32::try_from(at + q).ok()?,
                                    lit_end: u32::try_from(at + payload.len()).ok()?,
                                });
                            } else if holds_key(ctx as u32, &payload[q..]) {
                                return None;
                            }
                            idx += 1;
                        }
                        format::DICT => {}
                        _ => return None,
                    }
                    pos = next;
                }
                // The next checkpoint holds the times this stretch ends at (entry 0's are the
                // block start's): a checkpoint whose times are off is not used.
                let ends_at = cps
                    .get(c + 1)
                    .map(|n| (b.bs.rt.wrapping_add(n.rt), b.bs.mono.wrapping_add(n.mono)));
                if idx != last
                    || (c == 0 && (cp.rt, cp.mono) != (0, 0))
                    || ends_at.is_some_and(|t| t != (rt, mono))
                {
                    return None;
                }
            }
            i = j + 1;
        }
        if want.next().is_some() {
            return None;
        }
        Some(DecodedBlock {
            data,
            boot_id: b.bs.boot_id,
            entries,
            corrupt: 0,
            ctx_known: RefCell::new(Vec::new()),
            lit_known: u16::MAX,
        })
    }

    /// True when block `b` is in the tail read at open (decoded from memory, not the file).
    pub(crate) fn in_tail(&self, b: &BlockInfo) -> bool {
        b.start >= self.tail_start
    }

    /// A reader of this segment's blocks for another thread (`None` if the file cannot be
    /// duplicated: the caller decodes on its own thread then). It decodes exactly as
    /// [`Segment::decode`] does for blocks outside the tail.
    pub(crate) fn block_reader(&self) -> Option<BlockReader> {
        Some(BlockReader {
            path: self.path.clone(),
            file: self.file.try_clone().ok()?,
            dict: Arc::clone(&self.dict),
            known: self.known,
        })
    }

    /// The newest seqnum and realtime in the segment (`None` when it holds no entry).
    pub(crate) fn last_entry(&self) -> Result<Option<(u64, u64)>> {
        let mut before = None;
        while let Some(b) = self.block_before(before)? {
            if b.entries > 0 {
                let d = self.decode(&b)?;
                return Ok(d.entries.last().map(|e| (e.seqnum, e.rt)));
            }
            before = Some(b.start);
        }
        Ok(None)
    }

    /// The id of field `name` in this segment.
    #[inline]
    pub(crate) fn name_id(&self, name: &str) -> Option<u32> {
        match KNOWN.iter().position(|k| *k == name) {
            Some(i) => self.known[i],
            None => self.dict.name_id(name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What is read without zero-filling first is the file's bytes; a file that ends before
    /// is an error, not a short (or zero-padded) buffer.
    #[test]
    fn reads_are_exact_or_fail() {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = tmp.path().join("f");
        let bytes: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
        let f = File::open(&path).unwrap_or_else(|e| panic!("{e}"));
        for (len, off) in [(0, 0), (1, 99_999), (65_537, 7), (100_000, 0)] {
            let got = read_exact_at(&f, len, off).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                got,
                bytes[off as usize..off as usize + len],
                "{len} at {off}"
            );
        }
        let e = read_exact_at(&f, 2, 99_999).expect_err("past the end");
        assert_eq!(e.kind(), std::io::ErrorKind::UnexpectedEof);
    }

    /// Opening at the newest block loads a dictionary of thousands of DICT frames through
    /// [`BackWindow`] — the same dictionary a full forward scan finds, with no fallback.
    #[test]
    fn the_dictionary_chain_read_backwards_is_the_whole_dictionary() {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mut cfg = crate::JournalConfig::new(tmp.path());
        cfg.rate_limit_burst = 0;
        let w = crate::JournalWriter::spawn(cfg).unwrap_or_else(|e| panic!("{e}"));
        for i in 0..10_000u64 {
            let mut e = crate::Entry::message(6, format!("line {i}"));
            e.realtime_usec = 1_700_000_000_000_000 + i;
            e.monotonic_usec = 1 + i;
            e.push("_SYSTEMD_USER_UNIT", format!("u-{i}.service"));
            if i == 5000 {
                // One DICT frame longer than a whole window (~300 KB).
                for k in 0..3000 {
                    e.push(format!("WIDE_{k}"), format!("{k:0>100}"));
                }
            }
            assert!(w.submit(e));
            if i % 1000 == 999 {
                w.flush().unwrap_or_else(|e| panic!("{e}"));
            }
        }
        w.flush().unwrap_or_else(|e| panic!("{e}"));
        let (fast, full) = opened_fast_and_full(tmp.path());
        assert!(fast.tail_start > HEADER_LEN, "opened at the newest block");
        assert!(
            fast.file_len > 2 * BackWindow::MAX,
            "the chain spans several windows"
        );
        assert_eq!(fast.dict, full.dict);
        assert!(fast.dict.n_pairs() > 13_000);
    }

    /// The one segment the writer left in `dir`, opened the usual way (the dictionary read
    /// back from the newest block) and by reading every frame.
    fn opened_fast_and_full(dir: &Path) -> (Segment, Segment) {
        let path = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{e}"))
            .flatten()
            .map(|f| f.path())
            .find(|p| p.to_string_lossy().ends_with(format::SEGMENT_SUFFIX))
            .unwrap_or_else(|| panic!("no segment"));
        let fast = Segment::open(&path).unwrap_or_else(|e| panic!("{e}"));
        let full = Segment::open_with(&path, true).unwrap_or_else(|e| panic!("{e}"));
        (fast, full)
    }

    /// Units that each log many lines one after the other leave their DICT frames far
    /// apart: the chain is read a frame's neighbourhood at a time, not the whole file.
    #[test]
    fn a_dictionary_chain_spread_through_the_file_is_read_in_small_windows() {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mut cfg = crate::JournalConfig::new(tmp.path());
        cfg.rate_limit_burst = 0;
        let w = crate::JournalWriter::spawn(cfg).unwrap_or_else(|e| panic!("{e}"));
        let mut rt = 1_700_000_000_000_000u64;
        for u in 0..150 {
            for i in 0..400 {
                rt += 1;
                let mut e =
                    crate::Entry::message(6, format!("unit {u} says line {i:05} of its log"));
                e.realtime_usec = rt;
                e.monotonic_usec = rt - 1_600_000_000_000_000;
                e.push("_SYSTEMD_USER_UNIT", format!("u-{u}.service"))
                    .push("_PID", format!("{}", 1000 + u));
                assert!(w.submit(e));
            }
            w.flush().unwrap_or_else(|e| panic!("{e}"));
        }
        let (fast, full) = opened_fast_and_full(tmp.path());
        assert!(fast.tail_start > HEADER_LEN, "opened at the newest block");
        assert_eq!(fast.dict, full.dict);
        assert!(fast.dict.n_pairs() >= 300, "every unit's pairs");
        assert!(
            fast.dict_read < fast.file_len / 4,
            "{} of {} bytes read for the dictionary",
            fast.dict_read,
            fast.file_len
        );
    }
}
