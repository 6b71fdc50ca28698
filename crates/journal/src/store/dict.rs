//! Per-segment dictionaries: field names, (name, value) pairs and contexts (lists of pairs).
//!
//! Most fields of a service's lines never change (`_PID`, `_COMM`, `_SYSTEMD_USER_UNIT`, …):
//! they are stored once per segment as pairs, and a line refers to the whole set through one
//! context id. Only `MESSAGE` and other varying or long values are stored in the entry itself.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use super::format::{self, DictTable, TableFrame};
use super::once_slots::OnceSlots;
use crate::entry::fields;
use crate::varint;

/// Values longer than this are stored literally: they are unlikely to repeat.
const MAX_INTERNED_VALUE: usize = 128;
/// At most this many pairs per segment; later new pairs are stored literally.
const MAX_PAIRS: u32 = 1 << 16;
/// The writer rotates when a segment's dictionary reaches these sizes.
const MAX_NAMES: u32 = 60_000;
const MAX_CTXS: u32 = 1 << 18;
const MAX_DICT_BYTES: usize = 16 << 20;

/// Fields that vary with nearly every entry and are therefore never interned.
fn always_literal(name: &str) -> bool {
    matches!(
        name,
        fields::MESSAGE
            | fields::SOURCE_REALTIME_TIMESTAMP
            | fields::SOURCE_MONOTONIC_TIMESTAMP
            | fields::SYSLOG_TIMESTAMP
    )
}

/// The writer's side: interning maps plus the definitions not yet written in a DICT frame.
#[derive(Debug, Default)]
pub(crate) struct DictWriter {
    names: HashMap<Box<str>, u32>,
    /// Per name id: value → pair id.
    pairs: Vec<HashMap<Box<[u8]>, u32>>,
    n_pairs: u32,
    ctxs: HashMap<Box<[u32]>, u32>,
    bytes: usize,
    pend_names: (u32, u32, Vec<u8>),
    pend_pairs: (u32, u32, Vec<u8>),
    pend_ctxs: (u32, u32, Vec<u8>),
    /// Offset of the newest DICT frame in the segment.
    pub last_dict: Option<u64>,
    /// Every DICT frame written, for the dictionary table (see `format`).
    pub frames: Vec<TableFrame>,
    /// Every pair of `-u`'s fields: (pair id, CRC32 of its value).
    unit_pairs: Vec<(u32, u32)>,
    /// Names, pairs and contexts (context 0 included) written in DICT frames so far.
    written: (u32, u32, u32),
}

impl DictWriter {
    pub(crate) fn new() -> Self {
        DictWriter {
            pend_ctxs: (1, 0, Vec::new()),
            written: (0, 0, 1),
            ..Default::default()
        }
    }

    /// True when the segment should be rotated to keep dictionaries bounded.
    pub(crate) fn is_full(&self) -> bool {
        self.names.len() as u32 >= MAX_NAMES
            || self.ctxs.len() as u32 >= MAX_CTXS
            || self.bytes >= MAX_DICT_BYTES
    }

    pub(crate) fn name_id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.names.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.insert(name.into(), id);
        self.pairs.push(HashMap::new());
        if self.pend_names.1 == 0 {
            self.pend_names.0 = id;
        }
        self.pend_names.1 += 1;
        varint::put(&mut self.pend_names.2, name.len() as u64);
        self.pend_names.2.extend_from_slice(name.as_bytes());
        self.bytes += name.len() + 16;
        id
    }

    /// The pair id of `(name, value)`, or `None` when the field should be stored literally.
    /// `force` interns long values and ignores the pair limit (stream fields: constant).
    pub(crate) fn pair_id(
        &mut self,
        name: &str,
        name_id: u32,
        value: &[u8],
        force: bool,
    ) -> Option<u32> {
        if always_literal(name) || (!force && value.len() > MAX_INTERNED_VALUE) {
            return None;
        }
        let map = self.pairs.get_mut(name_id as usize)?;
        if let Some(&id) = map.get(value) {
            return Some(id);
        }
        if self.n_pairs >= MAX_PAIRS && !force {
            return None;
        }
        let id = self.n_pairs;
        self.n_pairs += 1;
        map.insert(value.into(), id);
        if crate::entry::fields::UNIT_MATCH_FIELDS.contains(&name) {
            self.unit_pairs.push((id, crate::crc::crc32(value)));
        }
        if self.pend_pairs.1 == 0 {
            self.pend_pairs.0 = id;
        }
        self.pend_pairs.1 += 1;
        varint::put(&mut self.pend_pairs.2, u64::from(name_id));
        varint::put(&mut self.pend_pairs.2, value.len() as u64);
        self.pend_pairs.2.extend_from_slice(value);
        self.bytes += value.len() + 48;
        Some(id)
    }

    /// The context id of a list of pairs (0 for the empty list).
    pub(crate) fn ctx_id(&mut self, pairs: &[u32]) -> u32 {
        if pairs.is_empty() {
            return 0;
        }
        if let Some(&id) = self.ctxs.get(pairs) {
            return id;
        }
        let id = self.ctxs.len() as u32 + 1;
        self.ctxs.insert(pairs.into(), id);
        if self.pend_ctxs.1 == 0 {
            self.pend_ctxs.0 = id;
        }
        self.pend_ctxs.1 += 1;
        varint::put(&mut self.pend_ctxs.2, pairs.len() as u64);
        for &p in pairs {
            varint::put(&mut self.pend_ctxs.2, u64::from(p));
        }
        self.bytes += pairs.len() * 8 + 48;
        id
    }

    pub(crate) fn has_pending(&self) -> bool {
        self.pend_names.1 + self.pend_pairs.1 + self.pend_ctxs.1 > 0
    }

    /// Notes the DICT frame just written at `offset` (`len` bytes) with the payload
    /// [`DictWriter::take_payload`] gave (the pairs and contexts it defines).
    pub(crate) fn wrote_frame(&mut self, offset: u64, len: usize, defined: (u32, u32, u32)) {
        self.last_dict = Some(offset);
        self.frames.push(TableFrame {
            offset,
            len: len as u32,
            names: defined.0,
            pairs: defined.1,
            ctxs: defined.2,
        });
    }

    /// The dictionary table of what the DICT frames written so far define (`ctx_units`: per
    /// context id, its unit keys).
    pub(crate) fn table(&self, ctx_units: &[Box<[u32]>]) -> DictTable {
        let (_, pairs, ctxs) = self.written;
        let mut t = DictTable {
            frames: self.frames.clone(),
            ctx_units: Vec::with_capacity(ctxs as usize),
            ctx_unit_keys: Vec::new(),
            unit_pairs: self
                .unit_pairs
                .iter()
                .copied()
                .filter(|&(id, _)| id < pairs)
                .collect(),
        };
        for c in 1..ctxs as usize {
            // (A context's keys are in its fields' order: the table's are sorted.)
            let from = t.ctx_unit_keys.len();
            t.ctx_unit_keys
                .extend(ctx_units.get(c).into_iter().flat_map(|k| k.iter()));
            t.ctx_unit_keys[from..].sort_unstable();
            let mut keys = t.ctx_unit_keys.split_off(from);
            keys.dedup();
            t.ctx_unit_keys.extend(keys);
            t.ctx_units.push(t.ctx_unit_keys.len() as u32);
        }
        t
    }

    /// Encodes the pending definitions as a DICT payload and clears them; returns the names,
    /// pairs and contexts it defines.
    pub(crate) fn take_payload(&mut self, out: &mut Vec<u8>) -> (u32, u32, u32) {
        varint::put(out, self.last_dict.map_or(0, |o| o + 1));
        let next_ctx = self.ctxs.len() as u32 + 1;
        let n_names = self.names.len() as u32;
        let n_pairs = self.n_pairs;
        for (pend, next) in [
            (&mut self.pend_names, n_names),
            (&mut self.pend_pairs, n_pairs),
            (&mut self.pend_ctxs, next_ctx),
        ] {
            let base = if pend.1 == 0 { next } else { pend.0 };
            varint::put(out, u64::from(base));
            varint::put(out, u64::from(pend.1));
            out.extend_from_slice(&pend.2);
            *pend = (0, 0, Vec::new());
        }
        let defined = (
            n_names - self.written.0,
            n_pairs - self.written.1,
            next_ctx - self.written.2,
        );
        self.written = (n_names, n_pairs, next_ctx);
        defined
    }
}

/// Pair and context definitions of a run of ids: pairs from `pair_off`, contexts from
/// `ctx_off`. Values and contexts live in flat arrays (a dictionary of 10,000 units' pairs
/// was 30,000 allocations to make and free for one `systemctl status`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Defs {
    pair_off: u32,
    /// Per pair: its name id and the end of its value in `values` (it starts where the
    /// previous pair's ends).
    pairs: Vec<(u32, u32)>,
    values: Vec<u8>,
    ctx_off: u32,
    /// Per context: the end of its pair ids in `ctx_pairs`.
    ctxs: Vec<u32>,
    ctx_pairs: Vec<u32>,
}

impl Defs {
    #[inline]
    fn pair(&self, p: u32) -> Option<(u32, &[u8])> {
        let i = p.checked_sub(self.pair_off)? as usize;
        let &(name, end) = self.pairs.get(i)?;
        let start = if i == 0 { 0 } else { self.pairs[i - 1].1 };
        Some((name, &self.values[start as usize..end as usize]))
    }

    #[inline]
    fn ctx(&self, c: u32) -> Option<&[u32]> {
        let i = c.checked_sub(self.ctx_off)? as usize;
        let end = *self.ctxs.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ctxs[i - 1] as usize };
        Some(&self.ctx_pairs[start..end])
    }

    fn pair_end(&self) -> u32 {
        self.pair_off + self.pairs.len() as u32
    }

    fn ctx_end(&self) -> u32 {
        self.ctx_off + self.ctxs.len() as u32
    }

    /// Applies one DICT payload (see [`Dict::apply`]). `names` are the segment's field
    /// names: a [`Names::Fixed`] frame may only repeat names already known, exactly.
    fn apply(&mut self, mut names: Names<'_>, payload: &[u8]) -> Result<(), &'static str> {
        use std::cmp::Ordering;
        const BAD: &str = "malformed dictionary record";
        let mut pos = apply_names(&mut names, payload)?;
        let g = |pos: &mut usize| varint::get(payload, pos).ok_or(BAD);
        // Pairs.
        let base = g(&mut pos)? as usize;
        let n = g(&mut pos)? as usize;
        if n > payload.len() {
            return Err(BAD);
        }
        for i in 0..n {
            let name = g(&mut pos)?;
            let len = g(&mut pos)? as usize;
            let value = payload.get(pos..pos + len).ok_or(BAD)?;
            pos += len;
            if name as usize >= names.len() {
                return Err("dictionary refers to an unknown field name");
            }
            match (base + i).cmp(&(self.pair_end() as usize)) {
                Ordering::Less => {}
                Ordering::Equal => {
                    self.values.extend_from_slice(value);
                    let end = u32::try_from(self.values.len()).map_err(|_| BAD)?;
                    self.pairs.push((name as u32, end));
                }
                Ordering::Greater => return Err("gap in dictionary"),
            }
        }
        // Contexts.
        let base = g(&mut pos)? as usize;
        let n = g(&mut pos)? as usize;
        if n > payload.len() {
            return Err(BAD);
        }
        for i in 0..n {
            let k = g(&mut pos)? as usize;
            if k > payload.len() {
                return Err(BAD);
            }
            let new = match (base + i).cmp(&(self.ctx_end() as usize)) {
                Ordering::Less => false,
                Ordering::Equal => true,
                Ordering::Greater => return Err("gap in dictionary"),
            };
            for _ in 0..k {
                let id = g(&mut pos)?;
                if id >= u64::from(self.pair_end()) {
                    if new {
                        // Undo the part of the context pushed so far.
                        let start = self.ctxs.last().copied().unwrap_or(0) as usize;
                        self.ctx_pairs.truncate(start);
                    }
                    return Err("dictionary refers to an unknown pair");
                }
                if new {
                    self.ctx_pairs.push(id as u32);
                }
            }
            if new {
                let end = u32::try_from(self.ctx_pairs.len()).map_err(|_| BAD)?;
                self.ctxs.push(end);
            }
        }
        Ok(())
    }
}

/// Applies the field names of one DICT payload (its first section) to `names`; returns where
/// its pairs start.
fn apply_names(names: &mut Names<'_>, payload: &[u8]) -> Result<usize, &'static str> {
    use std::cmp::Ordering;
    const BAD: &str = "malformed dictionary record";
    let mut pos = 0;
    let g = |pos: &mut usize| varint::get(payload, pos).ok_or(BAD);
    g(&mut pos)?;
    let base = g(&mut pos)? as usize;
    let n = g(&mut pos)? as usize;
    if n > payload.len() {
        return Err(BAD);
    }
    for i in 0..n {
        let len = g(&mut pos)? as usize;
        let bytes = payload.get(pos..pos + len).ok_or(BAD)?;
        pos += len;
        let name = std::str::from_utf8(bytes).map_err(|_| BAD)?;
        let known = names.len();
        match (&mut *names, (base + i).cmp(&known)) {
            (Names::Grow(_), Ordering::Less) => {}
            (Names::Fixed(known), Ordering::Less) if *known[base + i] == *name => {}
            (Names::Fixed(_), Ordering::Less) => {
                return Err("dictionary name differs from the table's");
            }
            (Names::Grow(list), Ordering::Equal) => list.push(name.into()),
            _ => return Err("gap in dictionary"),
        }
    }
    Ok(pos)
}

/// The field names a DICT payload is applied with: added to, or only repeated.
enum Names<'a> {
    Grow(&'a mut Vec<Box<str>>),
    Fixed(&'a [Box<str>]),
}

impl Names<'_> {
    fn len(&self) -> usize {
        match self {
            Names::Grow(l) => l.len(),
            Names::Fixed(l) => l.len(),
        }
    }
}

/// The reader's side: what the DICT frames of a segment define — all of them read
/// (a segment without a dictionary table, or one scanned whole), or those written after the
/// newest dictionary table read and the others read from the file when first asked for (see
/// `format`'s dictionary table).
#[derive(Debug)]
pub(crate) struct Dict {
    pub names: Vec<Box<str>>,
    /// The definitions read (with a table: those after it).
    defs: Defs,
    lazy: Option<Box<Lazy>>,
}

impl Default for Dict {
    fn default() -> Self {
        Dict {
            names: Vec::new(),
            defs: Defs {
                ctxs: vec![0],
                ..Defs::default()
            },
            lazy: None,
        }
    }
}

/// Where a segment's DICT chain can be read from: its file and the newest frame.
#[derive(Debug)]
pub(crate) struct ChainSource {
    /// Shared with the segment: no descriptor of its own.
    pub file: std::sync::Arc<std::fs::File>,
    pub path: std::path::PathBuf,
    pub file_len: u64,
    pub newest: Option<u64>,
}

/// Bytes read that hold a frame, and where it starts in them.
type RawFrame = (Arc<[u8]>, usize);

/// The frames of a dictionary table, read when first used.
#[derive(Debug)]
struct Lazy {
    src: ChainSource,
    table: DictTable,
    /// Per frame: the first pair and context id it defines.
    bases: Vec<(u32, u32)>,
    frames: OnceSlots<Option<Defs>>,
    /// Per frame: the bytes read that hold it, and where it starts in them.
    raw: OnceSlots<Option<RawFrame>>,
    /// The field names the table's frames define (read from them at open), and the ids of
    /// `-u`'s.
    names: Vec<Box<str>>,
    unit_names: Vec<u32>,
    /// A frame read did not agree with the table's unit keys: they are not used.
    table_bad: AtomicBool,
    /// Reads of frames and their bytes so far.
    reads: AtomicU32,
    bytes: AtomicU64,
    /// The whole chain, read when the table does not hold together, or when asked for
    /// ([`Dict::full`]).
    full: OnceLock<Option<Box<Dict>>>,
}

/// The previous-DICT link of a DICT payload.
pub(crate) fn dict_prev(payload: &[u8]) -> Option<Option<u64>> {
    let mut pos = 0;
    Some(varint::get(payload, &mut pos)?.checked_sub(1))
}

impl Lazy {
    /// The definitions of frame `i`, read and checked on first use (`None`: they do not
    /// agree with the table).
    fn frame(&self, i: usize) -> Option<&Defs> {
        self.frames
            .get(i)?
            .get_or_init(|| {
                let (buf, at) = self.raw(i)?;
                let len = self.table.frames[i].len as usize;
                self.parse(i, buf.get(at..at.checked_add(len)?)?)
            })
            .as_ref()
    }

    /// The bytes holding frame `i` and where it starts in them, read with its neighbours on
    /// first use (parsed only when asked for).
    fn raw(&self, i: usize) -> Option<RawFrame> {
        let cell = self.raw.get(i)?;
        if cell.get().is_none() {
            self.read_near(i);
        }
        cell.get_or_init(|| None).clone()
    }

    /// Reads frame `i` with its neighbours that lie within [`Self::NEAR`] bytes of it (the
    /// frames of services started together sit side by side: one read, not one each).
    fn read_near(&self, i: usize) {
        let fr = &self.table.frames;
        let end = |k: usize| fr[k].offset.saturating_add(u64::from(fr[k].len));
        let mut from = i;
        while from > 0 && end(i).saturating_sub(fr[from - 1].offset) <= Self::NEAR {
            from -= 1;
        }
        let mut to = i;
        while to + 1 < fr.len() && end(to + 1).saturating_sub(fr[from].offset) <= Self::NEAR {
            to += 1;
        }
        let (start, stop) = (fr[from].offset, end(to));
        let buf: Option<Arc<[u8]>> = match stop.checked_sub(start) {
            Some(len) if stop <= self.src.file_len && fr[i].offset >= start => {
                self.reads.fetch_add(1, Ordering::Relaxed);
                self.bytes.fetch_add(len, Ordering::Relaxed);
                super::segment::read_exact_at(&self.src.file, len as usize, start)
                    .ok()
                    .map(Arc::from)
            }
            _ => None,
        };
        for (k, f) in fr.iter().enumerate().take(to + 1).skip(from) {
            let Some(cell) = self.raw.get(k) else {
                continue;
            };
            let at = f
                .offset
                .checked_sub(start)
                .and_then(|a| usize::try_from(a).ok());
            let raw = buf.as_ref().zip(at).map(|(b, a)| (Arc::clone(b), a));
            // (A frame another thread set meanwhile keeps its value: the same bytes.)
            let _ = cell.set(raw);
        }
    }

    /// Bytes read at once around a frame asked for.
    const NEAR: u64 = 8 << 10;

    /// Frame `i` from its bytes, checked against the table.
    fn parse(&self, i: usize, buf: &[u8]) -> Option<Defs> {
        let f = self.table.frames.get(i)?;
        let &(pair_off, ctx_off) = self.bases.get(i)?;
        let format::Parsed::Frame {
            kind: format::DICT,
            payload,
            next,
        } = format::parse_frame(buf, 0)
        else {
            return None;
        };
        if next != buf.len() {
            return None;
        }
        let mut d = Defs {
            pair_off,
            ctx_off,
            ..Defs::default()
        };
        d.apply(Names::Fixed(&self.names), payload).ok()?;
        if d.pairs.len() != f.pairs as usize || d.ctxs.len() != f.ctxs as usize {
            return None;
        }
        // The table's unit pairs and contexts' unit keys, for what this frame defines.
        let is_unit_pair = |p: u32| {
            self.table
                .unit_pairs
                .binary_search_by_key(&p, |&(id, _)| id)
                .ok()
                .map(|k| self.table.unit_pairs[k].1)
        };
        for p in pair_off..d.pair_end() {
            let (name, value) = d.pair(p)?;
            let listed = is_unit_pair(p);
            let unit = self.unit_names.contains(&name);
            if listed.is_some() != unit || listed.is_some_and(|c| c != crate::crc::crc32(value)) {
                self.table_bad.store(true, Ordering::Relaxed);
            }
        }
        for c in ctx_off..d.ctx_end() {
            // Its unit pairs are the table's keys for it (in any order, without an allocation).
            let pairs = d.ctx(c)?;
            let table = self.table.ctx_keys(c);
            let same = pairs
                .iter()
                .filter(|&&p| is_unit_pair(p).is_some())
                .all(|p| table.binary_search(p).is_ok())
                && table.iter().all(|k| pairs.contains(k));
            if !same {
                self.table_bad.store(true, Ordering::Relaxed);
            }
        }
        Some(d)
    }

    fn full(&self) -> Option<&Dict> {
        self.full
            .get_or_init(|| super::segment::load_chain(&self.src).ok().map(Box::new))
            .as_deref()
    }

    fn frame_of_pair(&self, p: u32) -> Option<usize> {
        let i = self
            .bases
            .partition_point(|&(b, _)| b <= p)
            .checked_sub(1)?;
        (p < self.bases[i].0 + self.table.frames[i].pairs).then_some(i)
    }

    fn frame_of_ctx(&self, c: u32) -> Option<usize> {
        let i = self
            .bases
            .partition_point(|&(_, b)| b <= c)
            .checked_sub(1)?;
        (c < self.bases[i].1 + self.table.frames[i].ctxs).then_some(i)
    }

    fn pair(&self, p: u32) -> Option<(u32, &[u8])> {
        let i = self.frame_of_pair(p)?;
        match self.frame(i) {
            Some(d) => d.pair(p),
            None => self.full()?.pair(p),
        }
    }

    fn ctx(&self, c: u32) -> Option<&[u32]> {
        if c == 0 {
            return Some(&[]);
        }
        let i = self.frame_of_ctx(c)?;
        match self.frame(i) {
            Some(d) => d.ctx(c),
            None => self.full()?.ctx(c),
        }
    }
}

impl Dict {
    /// Pair `p`: its name id and value.
    #[inline]
    pub(crate) fn pair(&self, p: u32) -> Option<(u32, &[u8])> {
        match &self.lazy {
            Some(l) if p < self.defs.pair_off => l.pair(p),
            _ => self.defs.pair(p),
        }
    }

    /// Every pair, by id, of a dictionary read whole (see [`Dict::full`]).
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (u32, &[u8])> + '_ {
        let mut start = 0usize;
        self.defs.pairs.iter().map(move |&(name, end)| {
            let v = &self.defs.values[start..end as usize];
            start = end as usize;
            (name, v)
        })
    }

    #[cfg(test)]
    pub(crate) fn n_pairs(&self) -> usize {
        self.defs.pair_end() as usize
    }

    /// The pair ids of context `c`.
    #[inline]
    pub(crate) fn ctx(&self, c: u32) -> Option<&[u32]> {
        match &self.lazy {
            Some(l) if c < self.defs.ctx_off => l.ctx(c),
            _ => self.defs.ctx(c),
        }
    }

    /// Every context, by id, of a dictionary read whole (see [`Dict::full`]).
    pub(crate) fn ctxs(&self) -> impl Iterator<Item = &[u32]> + '_ {
        (0..self.defs.ctxs.len() as u32).map(|c| self.defs.ctx(c).unwrap_or(&[]))
    }

    pub(crate) fn n_ctxs(&self) -> usize {
        self.defs.ctx_end() as usize
    }

    /// Applies one DICT payload. Frames must come oldest first; a frame already applied is
    /// skipped, a gap or a dangling reference is an error.
    pub(crate) fn apply(&mut self, payload: &[u8]) -> Result<(), &'static str> {
        self.defs.apply(Names::Grow(&mut self.names), payload)
    }

    /// The id of a field name, if the segment has it.
    pub(crate) fn name_id(&self, name: &str) -> Option<u32> {
        self.names
            .iter()
            .position(|n| &**n == name)
            .map(|i| i as u32)
    }

    /// A dictionary of the frames of `table` (read when used), then the frames after it,
    /// `newer` (oldest first); `src` is where the chain can be read whole if the table does
    /// not hold together. An error when the newer frames do not follow on from the table.
    pub(crate) fn with_table(
        table: DictTable,
        newer: &[Vec<u8>],
        src: ChainSource,
    ) -> Result<Dict, &'static str> {
        let (pairs, ctxs) = table.totals();
        let mut bases = Vec::with_capacity(table.frames.len());
        let (mut p, mut c) = (0u32, 1u32);
        for f in &table.frames {
            bases.push((p, c));
            p += f.pairs;
            c += f.ctxs;
        }
        if table.ctx_units.len() != ctxs as usize {
            return Err("dictionary table: contexts miscounted");
        }
        let n = table.frames.len();
        let mut lazy = Lazy {
            src,
            frames: OnceSlots::new(n),
            raw: OnceSlots::new(n),
            table,
            bases,
            names: Vec::new(),
            unit_names: Vec::new(),
            table_bad: AtomicBool::new(false),
            reads: AtomicU32::new(0),
            bytes: AtomicU64::new(0),
            full: OnceLock::new(),
        };
        // The field names, from the frames that define them (never from the table).
        let mut names = Vec::new();
        for i in 0..n {
            let f = lazy.table.frames[i];
            if f.names == 0 {
                continue;
            }
            const UNREAD: &str = "dictionary table: a frame of field names cannot be read";
            let (buf, at) = lazy.raw(i).ok_or(UNREAD)?;
            let bytes = buf
                .get(at..at.saturating_add(f.len as usize))
                .ok_or(UNREAD)?;
            let format::Parsed::Frame {
                kind: format::DICT,
                payload,
                next,
            } = format::parse_frame(bytes, 0)
            else {
                return Err(UNREAD);
            };
            // Only the names: the frame's pairs and contexts are read (and checked against
            // the table) when an entry uses them, as any other frame's.
            let before = names.len();
            apply_names(&mut Names::Grow(&mut names), payload)?;
            if next != bytes.len() || names.len() - before != f.names as usize {
                return Err("dictionary table: field names miscounted");
            }
        }
        lazy.unit_names = fields::UNIT_MATCH_FIELDS
            .iter()
            .filter_map(|u| names.iter().position(|x| &**x == *u).map(|i| i as u32))
            .collect();
        lazy.names = names.clone();
        let mut d = Dict {
            names,
            defs: Defs {
                pair_off: pairs,
                ctx_off: ctxs + 1,
                ..Defs::default()
            },
            lazy: None,
        };
        for payload in newer {
            d.apply(payload)?;
        }
        d.lazy = Some(Box::new(lazy));
        Ok(d)
    }

    /// Frames of the dictionary table read so far (0 without a table), the reads that took
    /// and their bytes.
    #[cfg(test)]
    pub(crate) fn frames_read(&self) -> (usize, u32, u64) {
        self.lazy.as_ref().map_or((0, 0, 0), |l| {
            (
                l.frames.count_set(),
                l.reads.load(Ordering::Relaxed),
                l.bytes.load(Ordering::Relaxed),
            )
        })
    }

    /// Frames the dictionary table lists (0 without a table).
    #[cfg(test)]
    pub(crate) fn table_frames(&self) -> usize {
        self.lazy.as_ref().map_or(0, |l| l.table.frames.len())
    }

    /// True when frames are read as they are used (a dictionary table): iterating pairs and
    /// contexts needs [`Dict::full`].
    pub(crate) fn is_lazy(&self) -> bool {
        self.lazy.is_some()
    }

    /// This dictionary read whole: itself, or (with a table) the whole chain read once.
    /// `None` when the chain cannot be read.
    pub(crate) fn full(&self) -> Option<&Dict> {
        match &self.lazy {
            None => Some(self),
            Some(l) => l.full(),
        }
    }

    /// True when context `c` may hold one of the pairs `keys` (sorted): from the table's
    /// unit keys when `c` is defined in a frame of the table (no read) and `keys` are unit
    /// keys, else from its pairs.
    pub(crate) fn ctx_may_hold(&self, c: u32, keys: &[u32]) -> bool {
        if let Some(l) = &self.lazy
            && c > 0
            && c < self.defs.ctx_off
            && !l.table_bad.load(Ordering::Relaxed)
        {
            return l
                .table
                .ctx_keys(c)
                .iter()
                .any(|k| keys.binary_search(k).is_ok());
        }
        self.ctx(c)
            .is_some_and(|ps| ps.iter().any(|p| keys.binary_search(p).is_ok()))
    }

    /// True when context `c` holds one of the pairs `keys` (sorted) — a unit's entries: only
    /// the contexts that may hold one are read.
    pub(crate) fn ctx_holds(&self, c: u32, keys: &[u32]) -> bool {
        self.ctx_may_hold(c, keys)
            && self
                .ctx(c)
                .is_some_and(|ps| ps.iter().any(|p| keys.binary_search(p).is_ok()))
    }

    /// The pairs of `-u`'s fields whose value is one of `values` (sorted ids): with a table,
    /// found by their values' checksums and read to be sure.
    pub(crate) fn unit_pairs_of(&self, values: &std::collections::HashSet<Vec<u8>>) -> Vec<u32> {
        let unit_names: Vec<u32> = fields::UNIT_MATCH_FIELDS
            .iter()
            .filter_map(|n| self.name_id(n))
            .collect();
        let is_match = |(n, v): (u32, &[u8])| unit_names.contains(&n) && values.contains(v);
        let mut out: Vec<u32> = self
            .defs
            .pairs
            .iter()
            .enumerate()
            .map(|(i, _)| self.defs.pair_off + i as u32)
            .filter(|&p| self.defs.pair(p).is_some_and(is_match))
            .collect();
        if let Some(l) = &self.lazy {
            // The values' checksums sorted, not the table's (one or a few values against
            // every unit's pair).
            let mut crcs: Vec<u32> = values.iter().map(|v| crate::crc::crc32(v)).collect();
            crcs.sort_unstable();
            for &(p, c) in &l.table.unit_pairs {
                if crcs.binary_search(&c).is_ok() && l.pair(p).is_some_and(is_match) {
                    out.push(p);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

impl PartialEq for Dict {
    /// Same names, and the same pair and context for every id.
    fn eq(&self, o: &Dict) -> bool {
        self.names == o.names
            && self.defs.pair_end() == o.defs.pair_end()
            && self.n_ctxs() == o.n_ctxs()
            && (0..self.defs.pair_end()).all(|p| self.pair(p) == o.pair(p))
            && (0..self.n_ctxs() as u32).all(|c| self.ctx(c) == o.ctx(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writer_and_reader_agree() {
        let mut w = DictWriter::new();
        let unit = w.name_id("_SYSTEMD_USER_UNIT");
        let msg = w.name_id("MESSAGE");
        let p1 = w.pair_id("_SYSTEMD_USER_UNIT", unit, b"web.service", false);
        assert_eq!(w.pair_id("MESSAGE", msg, b"hi", false), None);
        assert_eq!(w.pair_id("X", unit, &[b'x'; 200], false), None);
        let c = w.ctx_id(&[p1.unwrap_or_default()]);
        assert_eq!(c, 1);
        assert_eq!(w.ctx_id(&[]), 0);
        let mut payload = Vec::new();
        w.take_payload(&mut payload);
        assert!(!w.has_pending());
        let mut d = Dict::default();
        assert_eq!(d.apply(&payload), Ok(()));
        assert_eq!(d.apply(&payload), Ok(()), "idempotent");
        assert_eq!(&*d.names[1], "MESSAGE");
        assert_eq!(d.pair(0), Some((0, &b"web.service"[..])));
        assert_eq!(d.ctx(1), Some(&[0][..]));
        assert_eq!(d.ctx(0), Some(&[][..]));
        // A second frame continues the ids.
        let p2 = w
            .pair_id("_SYSTEMD_USER_UNIT", unit, b"db.service", false)
            .unwrap_or_default();
        assert_eq!(w.ctx_id(&[p2]), 2);
        let mut payload2 = Vec::new();
        w.take_payload(&mut payload2);
        assert_eq!(d.apply(&payload2), Ok(()));
        assert_eq!(d.n_ctxs(), 3);
        assert_eq!(d.ctx(2), Some(&[1][..]));
        assert_eq!(d.pair(1), Some((0, &b"db.service"[..])));
        assert_eq!(d.pairs().count(), 2);
        assert!(Dict::default().apply(&payload2).is_err());
    }
}
