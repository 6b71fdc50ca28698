//! Walking a journal's blocks and entries in time order, forwards or backwards, skipping
//! whole blocks by their summaries (boot, time range, contexts used).

use std::collections::VecDeque;
use std::path::Path;
use std::rc::Rc;

use crate::cursor::Cursor;
use crate::error::{Error, Result};
use crate::prefetch::{self, Prefetch, ReadAhead};
use crate::query::{Filter, SegFilter};
use crate::store::segment::{BlockInfo, DecodedBlock, Lits, RawEntry, Segment, UnitWalk};
use crate::view::EntryRef;

/// The segments a walk reads, opened on first use and kept (the reader's `Journal`; a trait
/// so that walking does not depend on the reader that drives it).
pub(crate) trait Segments {
    /// Slots of the segments of each chain (one seqnum id), oldest first.
    fn chains(&self) -> &[Vec<usize>];
    /// The segment in `slot`, opened if needed; `None` if it cannot be read.
    fn seg(&self, slot: usize) -> Option<Rc<Segment>>;
    /// The segment in `slot` and all its blocks, oldest first.
    fn slot_blocks(&self, slot: usize) -> Option<(Rc<Segment>, Rc<Vec<BlockInfo>>)>;
    /// The segment in `slot` scanned forwards (its backward links are damaged: `why`).
    fn reopen_full(&self, slot: usize, why: &Error) -> Option<Rc<Segment>>;
    /// Reports a problem with a file once.
    fn warn(&self, path: &Path, message: String);
    /// When long forward walks decode ahead on a second thread.
    fn read_ahead(&self) -> ReadAhead;
}

/// Time, boot and cursor limits of a query.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Bounds {
    pub since: Option<u64>,
    pub until: Option<u64>,
    pub boot: Option<[u8; 16]>,
    /// Start cursor and whether it is inclusive.
    pub start: Option<(Cursor, bool)>,
}

impl Bounds {
    /// True when every entry of the block lies before the lower bound.
    fn below_lower(&self, b: &BlockInfo, seqid: &[u8; 16]) -> bool {
        if self.since.is_some_and(|s| b.max_rt < s) {
            return true;
        }
        match &self.start {
            Some((c, incl)) if c.seqnum_id == *seqid => {
                b.last_seqnum() < c.seqnum + u64::from(!*incl)
            }
            Some((c, incl)) => b.max_rt < c.realtime_usec + u64::from(!*incl),
            None => false,
        }
    }

    fn block_ok(&self, b: &BlockInfo, seqid: &[u8; 16]) -> bool {
        b.entries > 0
            && self.boot.is_none_or(|id| b.bs.boot_id == id)
            && self.until.is_none_or(|u| b.min_rt <= u)
            && !self.below_lower(b, seqid)
    }

    #[inline]
    fn entry_ok(&self, e: &RawEntry, seqid: &[u8; 16]) -> bool {
        if self.since.is_some_and(|s| e.rt < s) || self.until.is_some_and(|u| e.rt > u) {
            return false;
        }
        match &self.start {
            Some((c, incl)) if c.seqnum_id == *seqid => e.seqnum >= c.seqnum + u64::from(!*incl),
            Some((c, incl)) => e.rt >= c.realtime_usec + u64::from(!*incl),
            None => true,
        }
    }

    fn has_lower(&self) -> bool {
        self.since.is_some() || self.start.is_some()
    }
}

/// One entry found by a walk; it keeps its block alive.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    seg: Rc<Segment>,
    block: Rc<DecodedBlock>,
    idx: usize,
}

impl Item {
    pub(crate) fn entry_ref(&self) -> EntryRef<'_> {
        EntryRef {
            seg: &self.seg,
            block: &self.block,
            e: &self.block.entries[self.idx],
        }
    }

    fn key(&self) -> (u64, u64) {
        let e = &self.block.entries[self.idx];
        (e.rt, e.seqnum)
    }
}

/// Walks one chain (segments of one seqnum id) in one direction.
struct ChainWalk {
    chain: Vec<usize>,
    reverse: bool,
    /// Index into `chain` of the current segment; `None` before the first.
    pos: Option<usize>,
    seg: Option<(Rc<Segment>, Rc<SegFilter>, usize)>,
    /// Forward: the current segment's blocks still to visit. Reverse: blocks of a segment
    /// that had to be scanned forwards, newest last.
    queue: VecDeque<BlockInfo>,
    /// Reverse: walk blocks before this offset (None: from the end).
    before: Option<u64>,
    use_queue: bool,
    cur: Option<Rc<DecodedBlock>>,
    idx: usize,
    done: bool,
    /// Forward: the current segment's blocks being decoded ahead on another thread.
    prefetch: Option<Prefetch>,
    /// Forward with a cursor: the first segment's blocks to walk, found by `forward_start`.
    start_blocks: Option<Vec<BlockInfo>>,
    /// Reverse with `-u`: the unit index guides the walk past the scanned tail.
    units: UnitState,
}

/// A reverse walk's use of the unit index in the current segment.
#[derive(Debug)]
enum UnitState {
    /// Not used: no `-u`, no index, or an index that did not hold together.
    Off,
    /// To start at the end of the scanned tail, for these keys.
    Keys(Vec<u32>),
    Walk(UnitWalk),
}

impl ChainWalk {
    fn new(chain: Vec<usize>, reverse: bool) -> Self {
        ChainWalk {
            chain,
            reverse,
            pos: None,
            seg: None,
            queue: VecDeque::new(),
            before: None,
            use_queue: false,
            cur: None,
            idx: 0,
            done: false,
            prefetch: None,
            start_blocks: None,
            units: UnitState::Off,
        }
    }

    /// The next block of a reverse walk of `seg` before `self.before`: the scanned tail's,
    /// then those the unit index names, else every block. `Err` from the plain walk only.
    fn block_back(&mut self, seg: &Segment) -> Result<Option<BlockInfo>> {
        if let Some(b) = seg.tail_block_before(self.before) {
            return Ok(Some(b));
        }
        if let UnitState::Keys(keys) = &self.units {
            self.units = match seg.unit_walk(keys) {
                Ok(Some(w)) => UnitState::Walk(w),
                Ok(None) | Err(_) => UnitState::Off,
            };
        }
        if let UnitState::Walk(w) = &mut self.units {
            match seg.unit_next(w) {
                Ok(b) => return Ok(b),
                // The index does not hold together: walk every block from here (the blocks
                // after `self.before` were visited), as for a segment without an index.
                Err(_) => self.units = UnitState::Off,
            }
        }
        seg.block_before(self.before)
    }

    /// Enters the segment at chain index `p`; `false` when it cannot be read or cannot match.
    fn enter(&mut self, j: &dyn Segments, filter: &Filter, bounds: &Bounds, p: usize) -> bool {
        self.pos = Some(p);
        self.seg = None;
        self.queue.clear();
        self.before = None;
        self.use_queue = false;
        self.prefetch = None;
        self.units = UnitState::Off;
        // Found by `forward_start` for this segment only.
        let start_blocks = self.start_blocks.take();
        let slot = self.chain[p];
        let Some(seg) = j.seg(slot) else { return false };
        let sf = filter.for_segment(&seg.dict);
        if !sf.possible() {
            return false;
        }
        if !self.reverse {
            let seg2 = match start_blocks {
                Some(blocks) => {
                    self.queue = blocks.into();
                    seg
                }
                None => {
                    let Some((seg2, blocks)) = j.slot_blocks(slot) else {
                        return false;
                    };
                    let seqid = seg2.header.seqnum_id;
                    // With a lower bound, start after the last block entirely below it.
                    let first = if bounds.has_lower() {
                        blocks
                            .iter()
                            .rposition(|b| bounds.below_lower(b, &seqid))
                            .map_or(0, |i| i + 1)
                    } else {
                        0
                    };
                    self.queue = blocks.iter().skip(first).cloned().collect();
                    seg2
                }
            };
            let seqid = seg2.header.seqnum_id;
            // The blocks `load_block` will decode, by its own tests; those in the segment's
            // in-memory tail come last and are decoded here.
            let ahead: Vec<BlockInfo> = self
                .queue
                .iter()
                .filter(|b| {
                    bounds.block_ok(b, &seqid)
                        && sf.possible_in_block(b.ctxs.as_deref(), b.lit_names.as_deref())
                        && !seg2.in_tail(b)
                })
                .cloned()
                .collect();
            if ahead.len() >= prefetch::MIN_BLOCKS && j.read_ahead().now() {
                self.prefetch = seg2.block_reader().and_then(|r| Prefetch::start(r, ahead));
            }
            self.seg = Some((seg2, Rc::new(sf), slot));
        } else {
            if let Some(keys) = &sf.unit_keys {
                self.units = UnitState::Keys(keys.clone());
            }
            self.seg = Some((seg, Rc::new(sf), slot));
        }
        true
    }

    /// Forward walks with a lower bound start in the newest segment that reaches below it.
    fn forward_start(&mut self, j: &dyn Segments, bounds: &Bounds) -> usize {
        if !bounds.has_lower() {
            return 0;
        }
        if let Some(p) = self.cursor_start(j, bounds) {
            return p;
        }
        for p in (0..self.chain.len()).rev() {
            let Some((seg, blocks)) = j.slot_blocks(self.chain[p]) else {
                continue;
            };
            let seqid = seg.header.seqnum_id;
            if blocks
                .first()
                .is_some_and(|b| bounds.below_lower(b, &seqid))
            {
                return p;
            }
        }
        0
    }

    /// The start of a forward walk after a cursor of this chain (`-f`'s query after what it
    /// showed, `--after-cursor`), found walking backwards from the newest block: it reads the
    /// blocks after the cursor, not the whole segment. Seqnums only grow along a chain, so
    /// the first block found entirely below the cursor is the last such block, and the
    /// segment's first block is below it too — the same start as the general search.
    /// `None` when this does not apply (a time bound, another chain's cursor, damaged
    /// backward links): the caller searches from every block then.
    fn cursor_start(&mut self, j: &dyn Segments, bounds: &Bounds) -> Option<usize> {
        let (cursor, _) = bounds.start.as_ref()?;
        if bounds.since.is_some() {
            return None;
        }
        for p in (0..self.chain.len()).rev() {
            let Some(seg) = j.seg(self.chain[p]) else {
                continue;
            };
            let seqid = seg.header.seqnum_id;
            if seqid != cursor.seqnum_id {
                return None;
            }
            let mut after = Vec::new();
            let mut before = None;
            while let Some(b) = seg.block_before(before).ok()? {
                if bounds.below_lower(&b, &seqid) {
                    after.reverse();
                    self.start_blocks = Some(after);
                    return Some(p);
                }
                before = Some(b.start);
                after.push(b);
            }
        }
        None
    }

    fn next_block(
        &mut self,
        j: &dyn Segments,
        filter: &Filter,
        bounds: &Bounds,
    ) -> Result<Option<(BlockInfo, Rc<Segment>)>> {
        loop {
            if self.done {
                return Ok(None);
            }
            if let Some((seg, _, slot)) = self.seg.clone() {
                let b = if !self.reverse {
                    self.queue.pop_front()
                } else if self.use_queue {
                    self.queue.pop_back()
                } else {
                    match self.block_back(&seg) {
                        Ok(b) => b,
                        Err(e) => {
                            // Damaged backward links: scan this segment forwards once.
                            let Some(full) = j.reopen_full(slot, &e) else {
                                self.seg = None;
                                continue;
                            };
                            let blocks = full.all_blocks().unwrap_or_default();
                            let limit = self.before.unwrap_or(u64::MAX);
                            self.queue = blocks.into_iter().filter(|b| b.start < limit).collect();
                            self.use_queue = true;
                            self.units = UnitState::Off;
                            let sf = filter.for_segment(&full.dict);
                            self.seg = Some((full, Rc::new(sf), slot));
                            continue;
                        }
                    }
                };
                match b {
                    Some(b) => {
                        self.before = Some(b.start);
                        return Ok(Some((b, seg)));
                    }
                    None => self.seg = None,
                }
                continue;
            }
            // Next segment.
            let next = match (self.pos, self.reverse) {
                (None, false) => Some(self.forward_start(j, bounds)),
                (None, true) => self.chain.len().checked_sub(1),
                (Some(p), false) => Some(p + 1).filter(|&n| n < self.chain.len()),
                (Some(p), true) => p.checked_sub(1),
            };
            match next {
                Some(p) => {
                    if !self.enter(j, filter, bounds, p) {
                        self.seg = None;
                    }
                }
                None => {
                    self.done = true;
                    return Ok(None);
                }
            }
        }
    }

    /// Indices of the current block's entries still to visit that match, in walk order
    /// (all of them, or only the first with `one`), pushed onto `out`.
    fn take_matches(&mut self, bounds: &Bounds, one: bool, out: &mut Vec<u32>) {
        let (Some(block), Some((seg, sf, _))) = (&self.cur, &self.seg) else {
            return;
        };
        let seqid = seg.header.seqnum_id;
        while (self.reverse && self.idx > 0) || (!self.reverse && self.idx < block.entries.len()) {
            let i = if self.reverse {
                self.idx -= 1;
                self.idx
            } else {
                self.idx += 1;
                self.idx - 1
            };
            let e = &block.entries[i];
            if !bounds.entry_ok(e, &seqid) {
                continue;
            }
            if !sf.is_trivial() {
                let lits = || Lits::new(block, e);
                if !sf.test(e.ctx, lits) {
                    continue;
                }
            }
            out.push(i as u32);
            if one {
                return;
            }
        }
    }

    /// Moves to the next block that may hold matches; `false` at the end of the chain.
    fn load_block(&mut self, j: &dyn Segments, filter: &Filter, bounds: &Bounds) -> Result<bool> {
        loop {
            self.cur = None;
            let Some((b, seg)) = self.next_block(j, filter, bounds)? else {
                return Ok(false);
            };
            let Some((_, sf, _)) = &self.seg else {
                continue;
            };
            let seqid = seg.header.seqnum_id;
            if self.reverse && bounds.below_lower(&b, &seqid) {
                // Everything older is below the bound too.
                self.done = true;
                return Ok(false);
            }
            if !bounds.block_ok(&b, &seqid)
                || !sf.possible_in_block(b.ctxs.as_deref(), b.lit_names.as_deref())
            {
                continue;
            }
            let ahead = match &mut self.prefetch {
                Some(p) if !seg.in_tail(&b) => p.take(b.start),
                _ => None,
            };
            let d = match ahead {
                Some(d) => d?,
                None => {
                    // Not (or no longer) decoded ahead: in the tail, or out of step.
                    if !seg.in_tail(&b) {
                        self.prefetch = None;
                    }
                    seg.decode(&b)?
                }
            };
            if d.corrupt > 0 {
                j.warn(
                    &seg.path,
                    format!(
                        "{} corrupt records in block at offset {}",
                        d.corrupt, b.start
                    ),
                );
            }
            self.idx = if self.reverse { d.entries.len() } else { 0 };
            self.cur = Some(Rc::new(d));
            return Ok(true);
        }
    }

    /// The current segment and block.
    fn current(&self) -> Option<(Rc<Segment>, Rc<DecodedBlock>)> {
        match (&self.seg, &self.cur) {
            (Some((seg, _, _)), Some(block)) => Some((Rc::clone(seg), Rc::clone(block))),
            _ => None,
        }
    }

    fn next(&mut self, j: &dyn Segments, filter: &Filter, bounds: &Bounds) -> Result<Option<Item>> {
        let mut one = Vec::with_capacity(1);
        match self.next_batch(j, filter, bounds, true, &mut one)? {
            Some(Batch { seg, block }) => Ok(Some(Item {
                seg,
                block,
                idx: one[0] as usize,
            })),
            None => Ok(None),
        }
    }

    /// The next block with matches and their indices in `out` (only the first with `one`).
    fn next_batch(
        &mut self,
        j: &dyn Segments,
        filter: &Filter,
        bounds: &Bounds,
        one: bool,
        out: &mut Vec<u32>,
    ) -> Result<Option<Batch>> {
        out.clear();
        loop {
            self.take_matches(bounds, one, out);
            if !out.is_empty() {
                return Ok(self.current().map(|(seg, block)| Batch { seg, block }));
            }
            if !self.load_block(j, filter, bounds)? {
                return Ok(None);
            }
        }
    }
}

/// Entries of one block found by a walk (their indices are passed alongside).
pub(crate) struct Batch {
    pub seg: Rc<Segment>,
    pub block: Rc<DecodedBlock>,
}

/// Merges the chains of a journal by time.
pub(crate) struct Merge<'j> {
    j: &'j dyn Segments,
    filter: &'j Filter,
    bounds: Bounds,
    reverse: bool,
    walks: Vec<ChainWalk>,
    heads: Vec<Option<Item>>,
    primed: bool,
}

impl<'j> Merge<'j> {
    pub(crate) fn new(
        j: &'j dyn Segments,
        filter: &'j Filter,
        bounds: Bounds,
        reverse: bool,
    ) -> Self {
        let walks: Vec<ChainWalk> = j
            .chains()
            .iter()
            .map(|c| ChainWalk::new(c.clone(), reverse))
            .collect();
        let heads = vec![None; walks.len()];
        Merge {
            j,
            filter,
            bounds,
            reverse,
            walks,
            heads,
            primed: false,
        }
    }

    /// Like [`Merge::next`], but a whole block's worth of entries at a time when the order
    /// allows (one chain): the matching entries' indices are left in `out`.
    pub(crate) fn next_batch(&mut self, out: &mut Vec<u32>) -> Result<Option<Batch>> {
        if self.walks.len() == 1 {
            return self.walks[0].next_batch(self.j, self.filter, &self.bounds, false, out);
        }
        out.clear();
        Ok(self.next()?.map(|item| {
            out.push(item.idx as u32);
            Batch {
                seg: item.seg,
                block: item.block,
            }
        }))
    }

    pub(crate) fn next(&mut self) -> Result<Option<Item>> {
        if self.walks.len() == 1 {
            return self.walks[0].next(self.j, self.filter, &self.bounds);
        }
        if !self.primed {
            for (w, h) in self.walks.iter_mut().zip(&mut self.heads) {
                *h = w.next(self.j, self.filter, &self.bounds)?;
            }
            self.primed = true;
        }
        let mut best: Option<usize> = None;
        for (i, h) in self.heads.iter().enumerate() {
            let Some(item) = h else { continue };
            best = match best {
                None => Some(i),
                Some(b) => {
                    let bk = self.heads[b].as_ref().map(Item::key);
                    let better = if self.reverse {
                        Some(item.key()) > bk
                    } else {
                        Some(item.key()) < bk
                    };
                    Some(if better { i } else { b })
                }
            };
        }
        let Some(i) = best else { return Ok(None) };
        let item = self.heads[i].take();
        self.heads[i] = self.walks[i].next(self.j, self.filter, &self.bounds)?;
        Ok(item)
    }
}
