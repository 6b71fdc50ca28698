//! Appending entries to one segment file (used only by the writer thread).

use std::collections::{BTreeMap, HashMap};
use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::{FileExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use super::dict::DictWriter;
use super::format::{
    self, BlockStart, BlockSummary, CHECKPOINT_EVERY, Checkpoint, DIR_EVERY_BLOCKS, EntryList,
    HEADER_LEN, HINT_OFFSET, Header, LIT_UNIT, Positions, SEGMENT_SUFFIX, UnitLinks,
};
use crate::entry::fields::UNIT_MATCH_FIELDS;
use crate::varint;

/// A block is closed after this many entries or bytes, which bounds how much a reader
/// decodes to serve `-n 100` from the tail.
const BLOCK_MAX_ENTRIES: u64 = 1024;
const BLOCK_MAX_BYTES: u64 = 48 << 10;

/// What one entry to append consists of.
pub(crate) struct Record<'a> {
    pub rt: u64,
    pub mono: u64,
    pub boot_id: [u8; 16],
    pub fields: RecordFields<'a>,
}

/// The fields of a record: a generic entry, or a line of a registered stream.
pub(crate) enum RecordFields<'a> {
    Entry(&'a [(String, Vec<u8>)]),
    Line {
        stream_key: u64,
        stream_fields: &'a crate::store::packed::PackedFields,
        priority: u8,
        message: &'a [u8],
    },
}

#[derive(Debug)]
struct OpenBlock {
    start: u64,
    prev_rt: u64,
    prev_mono: u64,
    boot_id: [u8; 16],
    first_seqnum: u64,
    n: u64,
    min_rt: u64,
    max_rt: u64,
    ctxs: Vec<u32>,
    lit_names: Vec<u32>,
    /// An entry holds a unit field literally (unit key [`LIT_UNIT`]).
    lit_unit: bool,
    /// The block start's realtime and monotonic (what checkpoints are relative to).
    start_rt: u64,
    start_mono: u64,
    /// The entry positions' checkpoints so far (see `format`).
    checkpoints: Vec<Checkpoint>,
    /// (unit key, entry index) of every entry holding a key, in entry order.
    entry_keys: Vec<(u32, u32)>,
}

/// The writer's side of the unit index (see `format`'s module doc).
#[derive(Debug, Default)]
struct UnitIndexWriter {
    /// Per context id: its unit keys (pairs of `-u`'s fields).
    ctx_units: Vec<Box<[u32]>>,
    /// Per unit key: the sealed end of the newest block holding it.
    last: BTreeMap<u32, u64>,
    /// Sealed end of the newest block whose summary holds a directory (0: none).
    last_dir: u64,
    blocks_since_dir: u64,
    /// Segment size when the newest directory was written, and its bytes.
    dir_at: u64,
    dir_bytes: u64,
}

/// An open segment being appended to.
#[derive(Debug)]
pub(crate) struct Appender {
    pub path: PathBuf,
    file: File,
    committed: u64,
    buf: Vec<u8>,
    header: Header,
    dict: DictWriter,
    block: Option<OpenBlock>,
    pending_hint: Option<u64>,
    pub next_seqnum: u64,
    first_rt: Option<u64>,
    scratch: Vec<u8>,
    pairs: Vec<u32>,
    lits: Vec<(u32, usize)>,
    /// (stream key, priority) → context id, valid for this segment only.
    line_ctx: HashMap<(u64, u8), u32>,
    /// The last `line_ctx` hit: consecutive lines nearly always come from one stream.
    last_line_ctx: Option<((u64, u8), u32)>,
    message_name: u32,
    priority_name: u32,
    units: UnitIndexWriter,
    /// Write the unit index (false: the layout of segments from before it).
    pub unit_index: bool,
    /// Write the entry positions after it (false: the layout from before them).
    pub entry_positions: bool,
    /// Write the dictionary table after them (false: the layout from before it).
    pub dict_table: bool,
}

/// The file name of a new segment: creation time and first seqnum, so names sort by age.
pub(crate) fn segment_name(created_rt: u64, first_seqnum: u64) -> String {
    format!("{created_rt:016x}-{first_seqnum:016x}{SEGMENT_SUFFIX}")
}

impl Appender {
    /// Creates a new segment file (mode 0640) in `dir`.
    pub(crate) fn create(
        dir: &Path,
        seqnum_id: [u8; 16],
        first_seqnum: u64,
        now_rt: u64,
    ) -> io::Result<(Appender, PathBuf)> {
        let mut created = now_rt;
        let (file, path) = loop {
            let path = dir.join(segment_name(created, first_seqnum));
            match OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .mode(0o640)
                .open(&path)
            {
                Ok(f) => break (f, path),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => created += 1,
                Err(e) => return Err(e),
            }
        };
        let header = Header {
            seqnum_id,
            first_seqnum,
            created_rt: created,
            hint: 0,
        };
        if let Err(e) = file.write_all_at(&header.encode(), 0) {
            let _ = std::fs::remove_file(&path);
            return Err(e);
        }
        let mut dict = DictWriter::new();
        let message_name = dict.name_id(crate::entry::fields::MESSAGE);
        let priority_name = dict.name_id(crate::entry::fields::PRIORITY);
        let a = Appender {
            path: path.clone(),
            file,
            committed: HEADER_LEN,
            buf: Vec::with_capacity(256 << 10),
            header,
            dict,
            block: None,
            pending_hint: None,
            next_seqnum: first_seqnum,
            first_rt: None,
            scratch: Vec::with_capacity(256),
            pairs: Vec::with_capacity(32),
            lits: Vec::with_capacity(8),
            line_ctx: HashMap::new(),
            last_line_ctx: None,
            message_name,
            priority_name,
            units: UnitIndexWriter {
                ctx_units: vec![Box::default()],
                ..Default::default()
            },
            unit_index: true,
            entry_positions: true,
            dict_table: true,
        };
        Ok((a, path))
    }

    /// Bytes the segment has, written or pending.
    /// Bytes of the file written so far (where the pending buffer will go).
    pub(crate) fn committed(&self) -> u64 {
        self.committed
    }

    pub(crate) fn size(&self) -> u64 {
        self.committed + self.buf.len() as u64
    }

    /// Time of the first entry (for `MaxFileSec=`), else the creation time.
    pub(crate) fn first_rt(&self) -> u64 {
        self.first_rt.unwrap_or(self.header.created_rt)
    }

    /// Bytes waiting for [`Appender::write_out`].
    pub(crate) fn pending(&self) -> usize {
        self.buf.len()
    }

    /// True when the dictionary is so large that the segment should be rotated.
    pub(crate) fn dict_full(&self) -> bool {
        self.dict.is_full()
    }

    /// Encodes one record into the pending buffer; returns its seqnum.
    pub(crate) fn append(&mut self, r: &Record<'_>) -> u64 {
        // Resolve fields to a context and literal fields first: this may define dictionary
        // items, which must be written before the entry that uses them.
        self.pairs.clear();
        self.lits.clear();
        let mut line_lit: Option<&[u8]> = None;
        let ctx = match &r.fields {
            RecordFields::Entry(fields) => {
                for (i, (name, value)) in fields.iter().enumerate() {
                    let nid = self.dict.name_id(name);
                    match self.dict.pair_id(name, nid, value, false) {
                        Some(pid) => self.pairs.push(pid),
                        None => self.lits.push((nid, i)),
                    }
                }
                let pairs = std::mem::take(&mut self.pairs);
                let ctx = self.dict.ctx_id(&pairs);
                if ctx as usize == self.units.ctx_units.len() {
                    // A new context: note its unit keys (fields without a literal got a pair,
                    // in order).
                    let mut lits = self.lits.iter().map(|&(_, i)| i).peekable();
                    let mut pair = pairs.iter();
                    let mut keys = Vec::new();
                    for (i, (name, _)) in fields.iter().enumerate() {
                        if lits.peek() == Some(&i) {
                            lits.next();
                            continue;
                        }
                        let p = pair.next().copied();
                        if UNIT_MATCH_FIELDS.contains(&name.as_str()) {
                            keys.extend(p);
                        }
                    }
                    self.units.ctx_units.push(keys.into());
                }
                self.pairs = pairs;
                ctx
            }
            RecordFields::Line {
                stream_key,
                stream_fields,
                priority,
                message,
            } => {
                line_lit = Some(message);
                let key = (*stream_key, *priority);
                // (No `if let` guard: the code builds with the manifest's rust-version.)
                let known = self
                    .last_line_ctx
                    .filter(|(k, _)| *k == key)
                    .map(|(_, c)| c)
                    .or_else(|| self.line_ctx.get(&key).copied());
                match known {
                    Some(c) => {
                        self.last_line_ctx = Some((key, c));
                        c
                    }
                    None => {
                        let mut keys = Vec::new();
                        for (name, value) in stream_fields.iter() {
                            let nid = self.dict.name_id(name);
                            if let Some(pid) = self.dict.pair_id(name, nid, value, true) {
                                self.pairs.push(pid);
                                if UNIT_MATCH_FIELDS.contains(&name) {
                                    keys.push(pid);
                                }
                            }
                        }
                        let digit = crate::entry::priority_digit(*priority);
                        let prio_pair =
                            self.dict
                                .pair_id("PRIORITY", self.priority_name, &digit, true);
                        self.pairs.extend(prio_pair);
                        let pairs = std::mem::take(&mut self.pairs);
                        let c = self.dict.ctx_id(&pairs);
                        if c as usize == self.units.ctx_units.len() {
                            self.units.ctx_units.push(keys.into());
                        }
                        self.pairs = pairs;
                        self.line_ctx.insert(key, c);
                        self.last_line_ctx = Some((key, c));
                        c
                    }
                }
            }
        };

        let block_full = self.block.as_ref().is_some_and(|b| {
            b.n >= BLOCK_MAX_ENTRIES
                || self.size() - b.start >= BLOCK_MAX_BYTES
                || b.boot_id != r.boot_id
        });
        if block_full {
            self.close_block();
        }
        if self.block.is_none() {
            let start = self.size();
            self.scratch.clear();
            BlockStart {
                rt: r.rt,
                mono: r.mono,
                seqnum: self.next_seqnum,
                boot_id: r.boot_id,
            }
            .encode(&mut self.scratch);
            format::push_frame(&mut self.buf, format::BLOCK_START, &self.scratch);
            self.pending_hint = Some(start);
            self.block = Some(OpenBlock {
                start,
                prev_rt: r.rt,
                prev_mono: r.mono,
                boot_id: r.boot_id,
                first_seqnum: self.next_seqnum,
                n: 0,
                min_rt: r.rt,
                max_rt: r.rt,
                ctxs: Vec::new(),
                lit_names: Vec::new(),
                lit_unit: false,
                start_rt: r.rt,
                start_mono: r.mono,
                checkpoints: Vec::new(),
                entry_keys: Vec::new(),
            });
        }
        if self.dict.has_pending() {
            let off = self.size();
            self.scratch.clear();
            let defined = self.dict.take_payload(&mut self.scratch);
            let before = self.buf.len();
            format::push_frame(&mut self.buf, format::DICT, &self.scratch);
            self.dict.wrote_frame(off, self.buf.len() - before, defined);
        }

        let entry_off = self.size();
        let Some(b) = self.block.as_mut() else {
            return self.next_seqnum;
        };
        if self.unit_index && self.entry_positions {
            if b.n % CHECKPOINT_EVERY == 0 {
                b.checkpoints.push(Checkpoint {
                    offset: entry_off - b.start,
                    rt: b.prev_rt.wrapping_sub(b.start_rt),
                    mono: b.prev_mono.wrapping_sub(b.start_mono),
                });
            }
            let idx = b.n as u32;
            let keys = self.units.ctx_units.get(ctx as usize);
            b.entry_keys
                .extend(keys.into_iter().flatten().map(|&k| (k, idx)));
            if let RecordFields::Entry(fields) = &r.fields
                && self
                    .lits
                    .iter()
                    .any(|&(_, i)| UNIT_MATCH_FIELDS.contains(&fields[i].0.as_str()))
            {
                b.entry_keys.push((LIT_UNIT, idx));
            }
        }
        let s = &mut self.scratch;
        s.clear();
        let drt = r.rt.wrapping_sub(b.prev_rt) as i64;
        let dmono = r.mono.wrapping_sub(b.prev_mono) as i64;
        varint::put(s, varint::zigzag(drt));
        varint::put(s, varint::zigzag(dmono.wrapping_sub(drt)));
        varint::put(s, u64::from(ctx));
        let note_lit = |lit_names: &mut Vec<u32>, nid: u32| {
            if let Err(i) = lit_names.binary_search(&nid) {
                lit_names.insert(i, nid);
            }
        };
        match (&r.fields, line_lit) {
            (RecordFields::Line { .. }, Some(msg)) => {
                varint::put(s, u64::from(self.message_name));
                varint::put(s, msg.len() as u64);
                s.extend_from_slice(msg);
                note_lit(&mut b.lit_names, self.message_name);
            }
            (RecordFields::Entry(fields), _) => {
                for &(nid, i) in &self.lits {
                    let (name, v) = &fields[i];
                    b.lit_unit |= UNIT_MATCH_FIELDS.contains(&name.as_str());
                    varint::put(s, u64::from(nid));
                    varint::put(s, v.len() as u64);
                    s.extend_from_slice(v);
                    note_lit(&mut b.lit_names, nid);
                }
            }
            _ => {}
        }
        format::push_frame(&mut self.buf, format::ENTRY, s);
        b.prev_rt = r.rt;
        b.prev_mono = r.mono;
        b.n += 1;
        b.min_rt = b.min_rt.min(r.rt);
        b.max_rt = b.max_rt.max(r.rt);
        if let Err(i) = b.ctxs.binary_search(&ctx) {
            b.ctxs.insert(i, ctx);
        }
        self.first_rt.get_or_insert(r.rt);
        let seq = self.next_seqnum;
        self.next_seqnum += 1;
        seq
    }

    /// Seals the open block (if any) with its summary.
    pub(crate) fn close_block(&mut self) {
        let Some(mut b) = self.block.take() else {
            return;
        };
        let mut by_key = std::mem::take(&mut b.entry_keys);
        by_key.sort_unstable();
        by_key.dedup();
        let checkpoints = std::mem::take(&mut b.checkpoints);
        let end = self.size();
        let keys = self.unit_index.then(|| {
            let u = &self.units;
            let mut keys: Vec<u32> = b
                .ctxs
                .iter()
                .filter_map(|&c| u.ctx_units.get(c as usize))
                .flat_map(|k| k.iter().copied())
                .collect();
            if b.lit_unit {
                keys.push(LIT_UNIT);
            }
            keys.sort_unstable();
            keys.dedup();
            keys
        });
        let units = keys.as_ref().map(|keys| {
            let u = &self.units;
            let due =
                u.blocks_since_dir + 1 >= DIR_EVERY_BLOCKS && end - u.dir_at >= 8 * u.dir_bytes;
            // Each key's entries (a key in more than a quarter of them: the whole block).
            let lists: Vec<EntryList> = keys
                .iter()
                .map(|&k| {
                    let from = by_key.partition_point(|&(key, _)| key < k);
                    let to = by_key.partition_point(|&(key, _)| key <= k);
                    let n = (to - from) as u64;
                    (n * 4 <= b.n).then(|| by_key[from..to].iter().map(|&(_, i)| i).collect())
                })
                .collect();
            UnitLinks {
                positions: self
                    .entry_positions
                    .then(|| Positions::new(checkpoints, &lists)),
                links: keys
                    .iter()
                    .map(|k| (*k, u.last.get(k).copied().unwrap_or(0)))
                    .collect(),
                last_dir: u.last_dir,
                dir: due.then(|| u.last.iter().map(|(&k, &e)| (k, e)).collect()),
                has_dir: due,
                table: (due && self.entry_positions && self.dict_table)
                    .then(|| self.dict.table(&u.ctx_units)),
            }
        });
        let has_dir = units.as_ref().is_some_and(|u| u.has_dir);
        let sum = BlockSummary {
            back: end - b.start,
            entries: b.n,
            first_seqnum: b.first_seqnum,
            min_rt: b.min_rt,
            max_rt: b.max_rt,
            last_dict: self.dict.last_dict,
            ctxs: b.ctxs,
            lit_names: b.lit_names,
            units,
        };
        self.scratch.clear();
        sum.encode(&mut self.scratch);
        format::push_block_end(&mut self.buf, &self.scratch);
        let sealed = self.size();
        if let Some(keys) = keys {
            let u = &mut self.units;
            for k in keys {
                u.last.insert(k, sealed);
            }
            u.blocks_since_dir += 1;
            if has_dir {
                u.last_dir = sealed;
                u.blocks_since_dir = 0;
                u.dir_at = sealed;
                u.dir_bytes = self.scratch.len() as u64;
            }
        }
    }

    /// Writes the pending buffer. On failure the file is cut back to what was complete
    /// before, so it never ends in a partial frame written by us, and the appender must
    /// not be used again (its dictionary may describe bytes that are not on disk).
    pub(crate) fn write_out(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        if let Err(e) = self.file.write_all_at(&self.buf, self.committed) {
            let _ = self.file.set_len(self.committed);
            self.buf.clear();
            return Err(e);
        }
        self.committed += self.buf.len() as u64;
        self.buf.clear();
        if self.buf.capacity() > 1 << 20 {
            self.buf.shrink_to(256 << 10);
        }
        if let Some(h) = self.pending_hint.take() {
            // Best effort: a stale hint only makes readers scan more.
            let _ = self.file.write_all_at(&h.to_le_bytes(), HINT_OFFSET);
        }
        Ok(())
    }

    /// Seals the open block, writes everything and syncs the data to disk.
    pub(crate) fn finish(&mut self) -> io::Result<()> {
        self.close_block();
        self.write_out()?;
        self.file.sync_data()
    }
}
