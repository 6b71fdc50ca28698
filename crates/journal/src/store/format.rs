//! The on-disk layout of a segment file.
//!
//! ```text
//! header (64 bytes): magic "LNGRJNL\x01", header length, flags, seqnum id (16), first seqnum,
//!                    creation time, open-block hint (rewritten in place), CRC32 of bytes 0..48
//! frames:            varint LEN | u8 KIND | payload (LEN-1 bytes) | u32 CRC32(KIND+payload)
//!   DICT        new field names, (name, value) pairs and contexts (lists of pairs);
//!               ids are per segment; links to the previous DICT frame
//!   BLOCK_START absolute realtime, monotonic, seqnum and boot id of the block's first entry
//!   ENTRY       zigzag realtime delta, zigzag (monotonic delta - realtime delta), context id,
//!               then literal fields (name id, length, bytes); seqnum = previous + 1
//!   BLOCK_END   summary (entry count, seqnum, time range, contexts and literal names used,
//!               newest DICT, then the block's part of the unit index), followed by a u32
//!               with the frame's total length so that a reader can walk blocks backwards
//!               from the end
//! ```
//! Every frame is CRC-checked on its own, so a torn tail loses only the incomplete frame.
//!
//! ## The unit index (in BLOCK_END summaries; segments written before it have none)
//! A *unit key* is the pair id of a dictionary pair whose name is one of the fields `-u`
//! matches (`_SYSTEMD_USER_UNIT`, `USER_UNIT`, `OBJECT_SYSTEMD_USER_UNIT`,
//! `COREDUMP_USER_UNIT`), or [`LIT_UNIT`] for "an entry holds such a field literally". A
//! block is named by its *sealed end* (the offset just after its BLOCK_END's length trailer,
//! what [`BlockSummary`]'s reader walks backwards from). After the summary's lists come:
//! ```text
//! varint 1 (version of this section)
//! varint K, then K × (key delta, sealed end of the newest earlier block of the segment
//!                      holding the key, or 0): the block's keys, sorted, and their back links
//! varint sealed end of the newest earlier block whose summary holds a directory, or 0
//! varint 0 (no directory) or D + 1, then D × (key delta, sealed end of the newest earlier
//!                      block holding the key): every key of the segment so far
//! ```
//! The writer puts a directory into one summary every [`DIR_EVERY_BLOCKS`] blocks or more
//! (and not before 8 × the previous directory's bytes were written since it), so a reader
//! finds the newest block of a unit by reading the summaries back to the newest directory,
//! then follows that unit's back links: `-u X -n N` reads the blocks that hold X's last N
//! lines, not the blocks in between. Readers that do not know the section ignore it (trailing
//! bytes of a summary); a section that does not hold together is not used: the reader then
//! walks every block, as for a segment without it.
//!
//! ## Entry positions (after the unit index; summaries written before them end there)
//! Which of the block's entries hold each unit key, and where every [`CHECKPOINT_EVERY`]th
//! entry starts, so that `-u X` reads and decodes the few entries of X in a block of 1,024
//! lines of many units, not the whole block:
//! ```text
//! varint 1 (version of this section)
//! varint C, then C × (offset, realtime, monotonic) of entries 0, 16, 32, …: the ENTRY
//!                      frame's offset from the block's BLOCK_START, and the times its deltas
//!                      apply to (the previous entry's; the block start's for entry 0) minus
//!                      the block start's — the offset as its distance from the previous
//!                      checkpoint's (rising), the times as zigzag'd differences from its
//! per key of the unit index, in its order: varint 0 (the key is in more than a quarter of the
//!                      entries: read the whole block) or L + 1, then L bytes: the indexes of
//!                      the entries holding it, as varints, the first absolute, then each the
//!                      distance from the one before
//! ```
//! Readers of the unit index alone ignore the section; a section that does not hold together
//! (or an entry at a checkpoint that is not where it says) makes the reader decode the whole
//! block, as for a block without it.
//!
//! ## The dictionary table (after the entry positions, in summaries that hold a directory)
//! What a reader needs to use the dictionary without reading every DICT frame: a segment's
//! DICT frames are spread through the file (each service's first lines define its values),
//! and reading the whole chain back from the newest one read the whole file to show 100
//! lines. With the table, a reader reads the frames written after the newest table (the chain
//! back to the table's last frame), and any other frame only when an entry it shows uses a
//! value defined there (one read of the frame's known length).
//! ```text
//! varint 1 (version of this section)
//! varint F, then F × (offset − the previous frame's offset (the first: absolute), frame
//!                      length with its length varint and CRC, field names, pairs and
//!                      contexts it defines): every DICT frame of the segment so far, oldest
//!                      first; ids follow on (the first frame's names and pairs start at 0,
//!                      its contexts at 1)
//! per context 1..=(sum of the contexts): varint K, then K × pair id (the first absolute,
//!                      then each the distance from the one before): its unit keys (pairs of
//!                      `-u`'s fields)
//! varint U, then U × (pair id, the first absolute, then each the distance from the one
//!                      before; u32 little-endian CRC32 of its value): every pair of `-u`'s
//!                      fields
//! ```
//! Readers of the positions alone ignore it. A reader reads the (few) frames that define field
//! names when it opens the segment — names come from the frames, never from the table — and
//! checks every frame it reads through the table (checksum, kind, the ids it defines, the
//! contexts' unit keys, the unit values' checksums); anything that does not hold together
//! makes it load the whole chain, as for a segment without it.

use crate::varint;

/// File magic, including the format version in its last byte.
pub(crate) const MAGIC: [u8; 8] = *b"LNGRJNL\x01";
/// Size of the fixed header.
pub(crate) const HEADER_LEN: u64 = 64;
/// Offset of the open-block hint inside the header.
pub(crate) const HINT_OFFSET: u64 = 48;
/// Largest frame accepted (a bound on what a corrupt length can make a reader allocate).
pub(crate) const MAX_FRAME: usize = 32 << 20;
/// File name suffix of segments.
pub const SEGMENT_SUFFIX: &str = ".lj";

/// The unit key of "an entry holds a unit field literally" (not through a dictionary pair).
pub(crate) const LIT_UNIT: u32 = u32::MAX;
/// Fewest blocks between two unit-index directories (see the module doc).
pub(crate) const DIR_EVERY_BLOCKS: u64 = 16;
/// Version of the unit-index section of a summary.
const UNIT_INDEX_VERSION: u64 = 1;
/// Version of the entry-positions section of a summary.
const POSITIONS_VERSION: u64 = 1;
/// Entries between two checkpoints of the entry positions.
pub(crate) const CHECKPOINT_EVERY: u64 = 16;
/// Version of the dictionary-table section of a summary.
const DICT_TABLE_VERSION: u64 = 1;

/// Frame kinds.
pub(crate) const DICT: u8 = 1;
pub(crate) const BLOCK_START: u8 = 2;
pub(crate) const ENTRY: u8 = 3;
pub(crate) const BLOCK_END: u8 = 4;

/// The fixed segment header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Header {
    pub seqnum_id: [u8; 16],
    pub first_seqnum: u64,
    pub created_rt: u64,
    /// Offset of the newest BLOCK_START the writer announced (0: unknown, scan from the start).
    pub hint: u64,
}

impl Header {
    pub(crate) fn encode(&self) -> [u8; HEADER_LEN as usize] {
        let mut b = [0u8; HEADER_LEN as usize];
        b[..8].copy_from_slice(&MAGIC);
        b[8..12].copy_from_slice(&(HEADER_LEN as u32).to_le_bytes());
        b[16..32].copy_from_slice(&self.seqnum_id);
        b[32..40].copy_from_slice(&self.first_seqnum.to_le_bytes());
        b[40..48].copy_from_slice(&self.created_rt.to_le_bytes());
        b[48..56].copy_from_slice(&self.hint.to_le_bytes());
        let crc = crate::crc::crc32(&b[..48]);
        b[56..60].copy_from_slice(&crc.to_le_bytes());
        b
    }

    pub(crate) fn decode(b: &[u8]) -> Result<Header, &'static str> {
        if b.len() < HEADER_LEN as usize {
            return Err("file shorter than the header");
        }
        if b[..7] != MAGIC[..7] {
            return Err("bad magic");
        }
        if b[7] != MAGIC[7] {
            return Err("unsupported format version");
        }
        if crate::crc::crc32(&b[..48]).to_le_bytes() != b[56..60] {
            return Err("header checksum mismatch");
        }
        let u64_at = |o: usize| u64::from_le_bytes(b[o..o + 8].try_into().unwrap_or_default());
        let mut seqnum_id = [0u8; 16];
        seqnum_id.copy_from_slice(&b[16..32]);
        Ok(Header {
            seqnum_id,
            first_seqnum: u64_at(32),
            created_rt: u64_at(40),
            hint: u64_at(48),
        })
    }
}

/// Appends one frame.
pub(crate) fn push_frame(out: &mut Vec<u8>, kind: u8, payload: &[u8]) {
    varint::put(out, payload.len() as u64 + 1);
    out.push(kind);
    out.extend_from_slice(payload);
    let mut h = crate::crc::Crc::new();
    h.update(&[kind]);
    h.update(payload);
    out.extend_from_slice(&h.finalize().to_le_bytes());
}

/// Appends a BLOCK_END frame and its length trailer.
pub(crate) fn push_block_end(out: &mut Vec<u8>, payload: &[u8]) {
    let start = out.len();
    push_frame(out, BLOCK_END, payload);
    let total = (out.len() - start + 4) as u32;
    out.extend_from_slice(&total.to_le_bytes());
}

/// Result of parsing the frame at some position.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Parsed<'a> {
    /// A valid frame; `next` is where the following frame starts (after a BLOCK_END's trailer).
    Frame {
        kind: u8,
        payload: &'a [u8],
        next: usize,
    },
    /// The buffer ends inside the frame (a torn tail, or a read that raced the writer).
    Truncated,
    /// The frame is damaged; `next` is where the following frame would start if the length
    /// field is still plausible.
    Corrupt {
        reason: &'static str,
        next: Option<usize>,
    },
}

/// Parses the frame starting at `pos`.
pub(crate) fn parse_frame(buf: &[u8], pos: usize) -> Parsed<'_> {
    let mut p = pos;
    let Some(len) = varint::get(buf, &mut p) else {
        return if buf.len() - pos.min(buf.len()) < 10 {
            Parsed::Truncated
        } else {
            Parsed::Corrupt {
                reason: "bad record length",
                next: None,
            }
        };
    };
    let len = len as usize;
    if len == 0 || len > MAX_FRAME {
        return Parsed::Corrupt {
            reason: "bad record length",
            next: None,
        };
    }
    let end = p + len + 4;
    if end > buf.len() {
        return Parsed::Truncated;
    }
    let kind = buf[p];
    let body = &buf[p..p + len];
    let crc = &buf[p + len..end];
    let mut next = end;
    if kind == BLOCK_END {
        next += 4;
        if next > buf.len() {
            return Parsed::Truncated;
        }
    }
    let mut h = crate::crc::Crc::new();
    h.update(body);
    if h.finalize().to_le_bytes() != crc {
        return Parsed::Corrupt {
            reason: "checksum mismatch",
            next: Some(next),
        };
    }
    if !(DICT..=BLOCK_END).contains(&kind) {
        return Parsed::Corrupt {
            reason: "unknown record type",
            next: Some(next),
        };
    }
    Parsed::Frame {
        kind,
        payload: &body[1..],
        next,
    }
}

/// The first entry's absolute values of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BlockStart {
    pub rt: u64,
    pub mono: u64,
    pub seqnum: u64,
    pub boot_id: [u8; 16],
}

impl BlockStart {
    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        varint::put(out, self.rt);
        varint::put(out, self.mono);
        varint::put(out, self.seqnum);
        out.extend_from_slice(&self.boot_id);
    }

    pub(crate) fn decode(p: &[u8]) -> Option<BlockStart> {
        let mut pos = 0;
        let rt = varint::get(p, &mut pos)?;
        let mono = varint::get(p, &mut pos)?;
        let seqnum = varint::get(p, &mut pos)?;
        let boot_id: [u8; 16] = p.get(pos..pos + 16)?.try_into().ok()?;
        Some(BlockStart {
            rt,
            mono,
            seqnum,
            boot_id,
        })
    }
}

/// What a BLOCK_END records about its block.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct BlockSummary {
    /// Distance from the BLOCK_START frame to the BLOCK_END frame.
    pub back: u64,
    pub entries: u64,
    pub first_seqnum: u64,
    pub min_rt: u64,
    pub max_rt: u64,
    /// Offset of the newest DICT frame written before this point, if any.
    pub last_dict: Option<u64>,
    /// Sorted context ids used by the block's entries.
    pub ctxs: Vec<u32>,
    /// Sorted name ids of literal fields used by the block's entries.
    pub lit_names: Vec<u32>,
    /// The block's part of the unit index (`None`: written before it, or unreadable).
    pub units: Option<UnitLinks>,
}

/// A block's part of the unit index (see the module doc).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct UnitLinks {
    /// The block's unit keys, sorted, each with the sealed end of the newest earlier block
    /// holding it (0: none in this segment).
    pub links: Vec<(u32, u64)>,
    /// Sealed end of the newest earlier block whose summary holds a directory (0: none).
    pub last_dir: u64,
    /// Every key of the segment before this block, sorted, with the sealed end of the newest
    /// block holding it (`None`: this summary holds no directory, or it was not asked for).
    pub dir: Option<Vec<(u32, u64)>>,
    /// True when this summary holds a directory (decoded or not).
    pub has_dir: bool,
    /// Where the entries holding each key are (`None`: written before the positions, or
    /// unreadable).
    pub positions: Option<Positions>,
    /// The dictionary table (`None`: none in this summary, not asked for, or unreadable).
    pub table: Option<DictTable>,
}

/// A DICT frame as the dictionary table lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct TableFrame {
    pub offset: u64,
    /// The whole frame's bytes (length varint and CRC included).
    pub len: u32,
    /// Field names, pairs and contexts it defines.
    pub names: u32,
    pub pairs: u32,
    pub ctxs: u32,
}

/// A summary's dictionary table (see the module doc).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct DictTable {
    pub frames: Vec<TableFrame>,
    /// Per context 1..=C (C: the frames' contexts): the end of its unit keys in
    /// `ctx_unit_keys` (it starts where the previous one's end).
    pub ctx_units: Vec<u32>,
    pub ctx_unit_keys: Vec<u32>,
    /// Every pair of `-u`'s fields, by id: (pair id, CRC32 of its value).
    pub unit_pairs: Vec<(u32, u32)>,
}

impl DictTable {
    /// Pairs and contexts (context 0 not counted) the frames define.
    pub(crate) fn totals(&self) -> (u32, u32) {
        self.frames
            .iter()
            .fold((0, 0), |(p, c), f| (p + f.pairs, c + f.ctxs))
    }

    /// The unit keys of context `c` (1..=C).
    pub(crate) fn ctx_keys(&self, c: u32) -> &[u32] {
        let i = c as usize;
        if i == 0 || i > self.ctx_units.len() {
            return &[];
        }
        let start = if i == 1 { 0 } else { self.ctx_units[i - 2] } as usize;
        let end = self.ctx_units[i - 1] as usize;
        self.ctx_unit_keys.get(start..end).unwrap_or(&[])
    }

    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        varint::put(out, DICT_TABLE_VERSION);
        varint::put(out, self.frames.len() as u64);
        let mut prev = 0;
        for f in &self.frames {
            varint::put(out, f.offset - prev);
            varint::put(out, u64::from(f.len));
            varint::put(out, u64::from(f.names));
            varint::put(out, u64::from(f.pairs));
            varint::put(out, u64::from(f.ctxs));
            prev = f.offset;
        }
        let mut start = 0usize;
        for &end in &self.ctx_units {
            let keys = &self.ctx_unit_keys[start..end as usize];
            varint::put(out, keys.len() as u64);
            let mut prev = 0;
            for (n, &k) in keys.iter().enumerate() {
                varint::put(out, u64::from(if n == 0 { k } else { k - prev }));
                prev = k;
            }
            start = end as usize;
        }
        varint::put(out, self.unit_pairs.len() as u64);
        let mut prev = 0;
        for (n, &(id, crc)) in self.unit_pairs.iter().enumerate() {
            varint::put(out, u64::from(if n == 0 { id } else { id - prev }));
            out.extend_from_slice(&crc.to_le_bytes());
            prev = id;
        }
    }

    /// Decodes the section at `pos` of `p`; `None` when it does not hold together.
    pub(crate) fn decode(p: &[u8], mut pos: usize) -> Option<DictTable> {
        let g = |pos: &mut usize| varint::get(p, pos);
        if g(&mut pos)? != DICT_TABLE_VERSION {
            return None;
        }
        let f = g(&mut pos)?;
        if f > p.len() as u64 {
            return None;
        }
        let mut frames = Vec::with_capacity(f as usize);
        let (mut off, mut pairs, mut ctxs) = (0u64, 0u32, 0u32);
        for i in 0..f {
            let d = g(&mut pos)?;
            if i > 0 && d == 0 {
                return None;
            }
            off = off.checked_add(d)?;
            let t = TableFrame {
                offset: off,
                len: u32::try_from(g(&mut pos)?).ok()?,
                names: u32::try_from(g(&mut pos)?).ok()?,
                pairs: u32::try_from(g(&mut pos)?).ok()?,
                ctxs: u32::try_from(g(&mut pos)?).ok()?,
            };
            if off < HEADER_LEN || t.len == 0 || t.len as usize > MAX_FRAME {
                return None;
            }
            pairs = pairs.checked_add(t.pairs)?;
            ctxs = ctxs.checked_add(t.ctxs)?;
            frames.push(t);
        }
        if u64::from(ctxs) > p.len() as u64 {
            return None;
        }
        let mut ctx_units = Vec::with_capacity(ctxs as usize);
        let mut ctx_unit_keys = Vec::new();
        for _ in 0..ctxs {
            let k = g(&mut pos)?;
            if k > p.len() as u64 {
                return None;
            }
            let mut prev = 0u32;
            for n in 0..k {
                let d = u32::try_from(g(&mut pos)?).ok()?;
                if n > 0 && d == 0 {
                    return None;
                }
                prev = prev.checked_add(d)?;
                if prev >= pairs {
                    return None;
                }
                ctx_unit_keys.push(prev);
            }
            ctx_units.push(u32::try_from(ctx_unit_keys.len()).ok()?);
        }
        let u = g(&mut pos)?;
        if u > p.len() as u64 {
            return None;
        }
        let mut unit_pairs = Vec::with_capacity(u as usize);
        let mut prev = 0u32;
        for n in 0..u {
            let d = u32::try_from(g(&mut pos)?).ok()?;
            if n > 0 && d == 0 {
                return None;
            }
            prev = prev.checked_add(d)?;
            if prev >= pairs {
                return None;
            }
            let crc = u32::from_le_bytes(p.get(pos..pos + 4)?.try_into().ok()?);
            pos += 4;
            unit_pairs.push((prev, crc));
        }
        Some(DictTable {
            frames,
            ctx_units,
            ctx_unit_keys,
            unit_pairs,
        })
    }
}

/// A checkpoint of the entry positions: where entry `CHECKPOINT_EVERY × i` starts (offset
/// from the block's BLOCK_START frame) and the realtime/monotonic its deltas apply to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Checkpoint {
    pub offset: u64,
    pub rt: u64,
    pub mono: u64,
}

/// A block's entry positions (see the module doc).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Positions {
    pub checkpoints: Vec<Checkpoint>,
    /// Per key of [`UnitLinks::links`], in order: the indexes of the entries holding it, or
    /// `None` when it is in so many that the whole block is read. Kept encoded: a block of
    /// 1,000 units' lines has 1,000 lists, a query reads one or two.
    lists: Vec<u8>,
}

/// The indexes of the entries holding one key, or `None` (read the whole block).
pub(crate) type EntryList = Option<Vec<u32>>;

impl Positions {
    /// Positions from the checkpoints and each key's list (in the unit index's key order).
    pub(crate) fn new(checkpoints: Vec<Checkpoint>, lists: &[EntryList]) -> Positions {
        let mut enc = Vec::new();
        let mut one = Vec::new();
        for l in lists {
            match l {
                None => varint::put(&mut enc, 0),
                Some(ix) => {
                    one.clear();
                    let mut prev = 0;
                    for (n, &i) in ix.iter().enumerate() {
                        varint::put(&mut one, u64::from(if n == 0 { i } else { i - prev }));
                        prev = i;
                    }
                    varint::put(&mut enc, one.len() as u64 + 1);
                    enc.extend_from_slice(&one);
                }
            }
        }
        Positions {
            checkpoints,
            lists: enc,
        }
    }

    /// The list of the `k`th key (see [`Positions::lists`]); `None` when the section does
    /// not hold together there, `Some(None)` for a key in too many entries to list. Indexes
    /// must rise and stay below `entries`.
    pub(crate) fn entries_of(&self, k: usize, entries: u64) -> Option<EntryList> {
        let p = &self.lists;
        let mut pos = 0;
        for _ in 0..k {
            let l = varint::get(p, &mut pos)?;
            pos = pos.checked_add(usize::try_from(l.saturating_sub(1)).ok()?)?;
        }
        let l = varint::get(p, &mut pos)?;
        let Some(len) = l.checked_sub(1) else {
            return Some(None);
        };
        let end = pos.checked_add(usize::try_from(len).ok()?)?;
        let bytes = p.get(pos..end)?;
        let mut out = Vec::new();
        let mut q = 0;
        let mut prev: Option<u64> = None;
        while q < bytes.len() {
            let d = varint::get(bytes, &mut q)?;
            let i = match prev {
                None => d,
                Some(_) if d == 0 => return None,
                Some(p) => p.checked_add(d)?,
            };
            if i >= entries {
                return None;
            }
            out.push(u32::try_from(i).ok()?);
            prev = Some(i);
        }
        (!out.is_empty()).then_some(Some(out))
    }

    fn encode(&self, out: &mut Vec<u8>) {
        varint::put(out, POSITIONS_VERSION);
        varint::put(out, self.checkpoints.len() as u64);
        let mut prev = Checkpoint::default();
        for c in &self.checkpoints {
            varint::put(out, c.offset.wrapping_sub(prev.offset));
            varint::put(out, varint::zigzag(c.rt.wrapping_sub(prev.rt) as i64));
            varint::put(out, varint::zigzag(c.mono.wrapping_sub(prev.mono) as i64));
            prev = *c;
        }
        out.extend_from_slice(&self.lists);
    }

    /// Decodes the section at `pos` of `p` for a block of `keys` keys (the lists are checked
    /// when asked for, [`Positions::entries_of`]).
    fn decode(p: &[u8], mut pos: usize, keys: usize) -> Option<(Positions, usize)> {
        if varint::get(p, &mut pos)? != POSITIONS_VERSION {
            return None;
        }
        let n = varint::get(p, &mut pos)?;
        if n > p.len() as u64 {
            return None;
        }
        let mut checkpoints = Vec::with_capacity(n as usize);
        let mut prev = Checkpoint::default();
        for i in 0..n {
            let offset = prev.offset.checked_add(varint::get(p, &mut pos)?)?;
            if i > 0 && offset <= prev.offset {
                return None;
            }
            let rt = prev
                .rt
                .wrapping_add(varint::unzigzag(varint::get(p, &mut pos)?) as u64);
            let mono = prev
                .mono
                .wrapping_add(varint::unzigzag(varint::get(p, &mut pos)?) as u64);
            prev = Checkpoint { offset, rt, mono };
            checkpoints.push(prev);
        }
        // The lists: each length must fit (the contents are checked when read).
        let start = pos;
        for _ in 0..keys {
            let l = varint::get(p, &mut pos)?;
            pos = pos.checked_add(usize::try_from(l.saturating_sub(1)).ok()?)?;
            if pos > p.len() {
                return None;
            }
        }
        Some((
            Positions {
                checkpoints,
                lists: p[start..pos].to_vec(),
            },
            pos,
        ))
    }
}

impl UnitLinks {
    /// The back link of `key` if the block holds it.
    pub(crate) fn link(&self, key: u32) -> Option<u64> {
        self.links
            .binary_search_by_key(&key, |&(k, _)| k)
            .ok()
            .map(|i| self.links[i].1)
    }

    fn encode(&self, out: &mut Vec<u8>) {
        fn list(out: &mut Vec<u8>, l: &[(u32, u64)]) {
            let mut prev = 0u32;
            for &(k, end) in l {
                varint::put(out, u64::from(k - prev));
                varint::put(out, end);
                prev = k;
            }
        }
        varint::put(out, UNIT_INDEX_VERSION);
        varint::put(out, self.links.len() as u64);
        list(out, &self.links);
        varint::put(out, self.last_dir);
        match &self.dir {
            None => varint::put(out, 0),
            Some(d) => {
                varint::put(out, d.len() as u64 + 1);
                list(out, d);
            }
        }
        if let Some(pos) = &self.positions {
            pos.encode(out);
            if let Some(t) = &self.table {
                t.encode(out);
            }
        }
    }

    /// Decodes the section at `pos` of `p`; `with_dir` decodes the directory too, and
    /// `with_table` the dictionary table.
    fn decode(p: &[u8], mut pos: usize, with_dir: bool, with_table: bool) -> Option<UnitLinks> {
        fn list(p: &[u8], pos: &mut usize, n: u64) -> Option<Vec<(u32, u64)>> {
            if n > p.len() as u64 {
                return None;
            }
            let mut out = Vec::with_capacity(n as usize);
            let mut prev = 0u32;
            for i in 0..n {
                let d = u32::try_from(varint::get(p, pos)?).ok()?;
                if i > 0 && d == 0 {
                    return None;
                }
                prev = prev.checked_add(d)?;
                out.push((prev, varint::get(p, pos)?));
            }
            Some(out)
        }
        if varint::get(p, &mut pos)? != UNIT_INDEX_VERSION {
            return None;
        }
        let n = varint::get(p, &mut pos)?;
        let links = list(p, &mut pos, n)?;
        let last_dir = varint::get(p, &mut pos)?;
        let d = varint::get(p, &mut pos)?;
        // The directory is decoded when asked for, else stepped over to the positions.
        let dir = match (d, with_dir) {
            (0, _) => None,
            (d, true) => Some(list(p, &mut pos, d - 1)?),
            (d, false) => {
                for _ in 0..(d - 1).checked_mul(2)? {
                    varint::get(p, &mut pos)?;
                }
                None
            }
        };
        let positions = (pos < p.len())
            .then(|| Positions::decode(p, pos, links.len()))
            .flatten();
        let table = match &positions {
            Some((_, end)) if with_table && d > 0 && *end < p.len() => DictTable::decode(p, *end),
            _ => None,
        };
        Some(UnitLinks {
            links,
            last_dir,
            dir,
            has_dir: d > 0,
            positions: positions.map(|(p, _)| p),
            table,
        })
    }
}

impl BlockSummary {
    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        varint::put(out, self.back);
        varint::put(out, self.entries);
        varint::put(out, self.first_seqnum);
        varint::put(out, self.min_rt);
        varint::put(out, self.max_rt.saturating_sub(self.min_rt));
        varint::put(out, self.last_dict.map_or(0, |o| o + 1));
        for list in [&self.ctxs, &self.lit_names] {
            varint::put(out, list.len() as u64);
            let mut prev = 0u32;
            for &id in list {
                varint::put(out, u64::from(id - prev));
                prev = id;
            }
        }
        if let Some(u) = &self.units {
            u.encode(out);
        }
    }

    pub(crate) fn decode(p: &[u8]) -> Option<BlockSummary> {
        BlockSummary::decode_with(p, false)
    }

    /// Decodes a summary; `with_dir` also decodes its unit-index directory, if it has one.
    pub(crate) fn decode_with(p: &[u8], with_dir: bool) -> Option<BlockSummary> {
        BlockSummary::decode_full(p, with_dir, false)
    }

    /// As [`BlockSummary::decode_with`]; `with_table` also decodes its dictionary table.
    pub(crate) fn decode_full(p: &[u8], with_dir: bool, with_table: bool) -> Option<BlockSummary> {
        let mut pos = 0;
        let mut g = || varint::get(p, &mut pos);
        let back = g()?;
        let entries = g()?;
        let first_seqnum = g()?;
        let min_rt = g()?;
        let max_rt = min_rt.checked_add(g()?)?;
        let last_dict = g()?.checked_sub(1);
        let mut lists = [Vec::new(), Vec::new()];
        for list in &mut lists {
            let n = g()? as usize;
            if n > p.len() {
                return None;
            }
            let mut prev = 0u32;
            for _ in 0..n {
                prev = prev.checked_add(u32::try_from(g()?).ok()?)?;
                list.push(prev);
            }
        }
        let [ctxs, lit_names] = lists;
        // Trailing bytes that do not decode leave the block without an index (the reader
        // then walks every block, as for segments written before the index).
        let units = (pos < p.len())
            .then(|| UnitLinks::decode(p, pos, with_dir, with_table))
            .flatten();
        Some(BlockSummary {
            back,
            entries,
            first_seqnum,
            min_rt,
            max_rt,
            last_dict,
            ctxs,
            lit_names,
            units,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_frames() {
        let h = Header {
            seqnum_id: [7; 16],
            first_seqnum: 5,
            created_rt: 99,
            hint: 64,
        };
        let b = h.encode();
        assert_eq!(Header::decode(&b), Ok(h));
        let mut bad = b;
        bad[20] ^= 1;
        assert_eq!(Header::decode(&bad), Err("header checksum mismatch"));
        let mut out = Vec::new();
        push_frame(&mut out, ENTRY, b"abc");
        let s = BlockSummary {
            back: 9,
            entries: 2,
            first_seqnum: 1,
            min_rt: 5,
            max_rt: 8,
            last_dict: Some(64),
            ctxs: vec![1, 4],
            lit_names: vec![0],
            units: None,
        };
        let mut p = Vec::new();
        s.encode(&mut p);
        assert_eq!(BlockSummary::decode(&p), Some(s.clone()));
        // The unit index section: after the lists, ignored by a reader of the older layout.
        let mut with = s.clone();
        with.units = Some(UnitLinks {
            links: vec![(3, 0), (9, 4096), (LIT_UNIT, 777)],
            last_dir: 300,
            dir: Some(vec![(1, 99), (3, 200)]),
            has_dir: true,
            positions: None,
            table: None,
        });
        let mut q = Vec::new();
        with.encode(&mut q);
        assert!(q.starts_with(&p), "the older layout is a prefix");
        assert_eq!(BlockSummary::decode_with(&q, true), Some(with.clone()));
        let no_dir = BlockSummary::decode(&q).and_then(|b| b.units);
        assert_eq!(
            no_dir.as_ref().map(|u| (u.has_dir, u.dir.is_none())),
            Some((true, true))
        );
        assert_eq!(no_dir.and_then(|u| u.link(9)), Some(4096));
        // The entry positions: after the unit index, which reads the same without them.
        let mut pos = with.clone();
        let cps = vec![
            Checkpoint {
                offset: 40,
                rt: 0,
                mono: 0,
            },
            Checkpoint {
                offset: 900,
                rt: 3,
                mono: u64::MAX,
            },
        ];
        let lists = [Some(vec![0, 5, 17]), None, Some(vec![16])];
        if let Some(u) = &mut pos.units {
            u.positions = Some(Positions::new(cps.clone(), &lists));
        }
        let mut r = Vec::new();
        pos.encode(&mut r);
        assert!(r.starts_with(&q), "the unit index's layout is a prefix");
        let back = BlockSummary::decode_with(&r, true).and_then(|b| b.units);
        let got = back.as_ref().and_then(|u| u.positions.as_ref());
        assert_eq!(got.map(|p| &p.checkpoints), Some(&cps));
        for (k, l) in lists.iter().enumerate() {
            assert_eq!(
                got.and_then(|p| p.entries_of(k, 20)),
                Some(l.clone()),
                "{k}"
            );
        }
        assert_eq!(
            got.and_then(|p| p.entries_of(0, 17)),
            None,
            "an index past the entries"
        );
        let no_pos = BlockSummary::decode_with(&q, true).and_then(|b| b.units);
        assert_eq!(
            no_pos.map(|u| u.positions),
            Some(None),
            "written before them"
        );
        assert_eq!(
            back.map(|u| (u.links, u.dir)),
            with.units.clone().map(|u| (u.links, u.dir))
        );
        // The dictionary table: after the positions, read only when asked for.
        let table = DictTable {
            frames: vec![
                TableFrame {
                    offset: 64,
                    len: 40,
                    names: 2,
                    pairs: 2,
                    ctxs: 1,
                },
                TableFrame {
                    offset: 4000,
                    len: 30,
                    names: 0,
                    pairs: 1,
                    ctxs: 2,
                },
            ],
            ctx_units: vec![1, 1, 3],
            ctx_unit_keys: vec![0, 0, 2],
            unit_pairs: vec![(0, 0xdead_beef), (2, 7)],
        };
        let mut tabled = pos.clone();
        if let Some(u) = &mut tabled.units {
            u.table = Some(table.clone());
        }
        let mut t = Vec::new();
        tabled.encode(&mut t);
        assert!(t.starts_with(&r), "the positions' layout is a prefix");
        let got = BlockSummary::decode_full(&t, true, true).and_then(|b| b.units);
        assert_eq!(
            got.as_ref().and_then(|u| u.table.clone()),
            Some(table.clone())
        );
        assert_eq!(table.totals(), (3, 3));
        assert_eq!(table.ctx_keys(1), &[0]);
        assert_eq!(table.ctx_keys(2), &[] as &[u32]);
        assert_eq!(table.ctx_keys(3), &[0, 2]);
        assert_eq!(table.ctx_keys(4), &[] as &[u32]);
        let unasked = BlockSummary::decode_full(&t, true, false).and_then(|b| b.units);
        assert_eq!(unasked.map(|u| u.table.is_none()), Some(true));
        // A table that does not hold together is not used; the rest of the summary is.
        for bad in [
            // a unit key past the pairs the frames define
            DictTable {
                ctx_unit_keys: vec![0, 0, 3],
                ..table.clone()
            },
            // a context count that does not match the frames'
            DictTable {
                ctx_units: vec![1, 1],
                ctx_unit_keys: vec![0, 0],
                ..table.clone()
            },
        ] {
            let mut b = pos.clone();
            if let Some(u) = &mut b.units {
                u.table = Some(bad);
            }
            let mut e = Vec::new();
            b.encode(&mut e);
            let got = BlockSummary::decode_full(&e, true, true).and_then(|b| b.units);
            assert_eq!(got.as_ref().map(|u| u.table.is_none()), Some(true));
            assert!(got.is_some_and(|u| u.positions.is_some()));
        }
        // A damaged section only loses the index, never the summary.
        let mut bad = q.clone();
        bad[p.len()] = 7;
        assert_eq!(BlockSummary::decode(&bad).map(|b| b.units), Some(None));
        push_block_end(&mut out, &p);
        let Parsed::Frame {
            kind: ENTRY,
            payload: b"abc",
            next,
        } = parse_frame(&out, 0)
        else {
            panic!()
        };
        let Parsed::Frame {
            kind: BLOCK_END,
            next: end,
            ..
        } = parse_frame(&out, next)
        else {
            panic!()
        };
        assert_eq!(end, out.len());
        let trailer = u32::from_le_bytes(out[end - 4..].try_into().unwrap_or_default()) as usize;
        assert_eq!(end - trailer, next);
        assert_eq!(parse_frame(&out[..next - 1], 0), Parsed::Truncated);
        out[3] ^= 0x20;
        assert!(matches!(
            parse_frame(&out, 0),
            Parsed::Corrupt {
                reason: "checksum mismatch",
                next: Some(_)
            }
        ));
    }
}
