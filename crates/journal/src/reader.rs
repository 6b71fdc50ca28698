//! Reading a journal: the segments of a directory (or given files), opened directly.
//!
//! Segments are grouped into chains by their seqnum id (one chain per writer lineage,
//! normally one), ordered by seqnum within a chain and merged by time across chains.
//! A segment is opened only when a query reaches it; files that cannot be read are
//! reported as [`Warning`]s and skipped.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ops::ControlFlow;
use std::os::unix::fs::{FileExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::cursor::Cursor;
use crate::entry::{Entry, id128_hex};
use crate::error::{Error, Result};
use crate::prefetch::ReadAhead;
use crate::query::{BootSel, Filter, Query};
use crate::store::format::{HEADER_LEN, Header, SEGMENT_SUFFIX};
use crate::store::segment::{BlockInfo, Segment};
use crate::view::EntryRef;
use crate::walk::{Batch, Bounds, Merge, Segments};

/// A file that was skipped or partly unreadable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file.
    pub path: PathBuf,
    /// What is wrong with it.
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}, ignoring", self.path.display(), self.message)
    }
}

/// One boot seen in the journal (`--list-boots`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BootInfo {
    /// The boot id.
    pub boot_id: [u8; 16],
    /// Time of its first entry (µs).
    pub first_usec: u64,
    /// Time of its last entry (µs).
    pub last_usec: u64,
}

/// What a [`Journal::run`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunStats {
    /// Entries that matched the query before `--grep` was applied.
    pub matched: u64,
    /// Entries passed to the callback.
    pub shown: u64,
    /// Cursor of the last entry passed to the callback.
    pub last_cursor: Option<Cursor>,
}

pub(crate) struct Slot {
    pub path: PathBuf,
    pub header: Header,
    /// The file as opened to read its header, kept for the segment's own opening (the
    /// newest [`KEEP_OPEN`] segments only: a query starts there, and open files are bounded).
    file: RefCell<Option<std::fs::File>>,
    seg: RefCell<Option<Rc<Segment>>>,
    /// The segment's block list, once a query needed all of it.
    blocks: RefCell<Option<Rc<Vec<BlockInfo>>>>,
    failed: Cell<bool>,
}

/// An opened journal (a directory or a set of files).
pub struct Journal {
    pub(crate) slots: Vec<Slot>,
    /// Slot indices per seqnum id, ordered by first seqnum.
    pub(crate) chains: Vec<Vec<usize>>,
    warnings: RefCell<Vec<Warning>>,
    read_ahead: ReadAhead,
    /// The directories listed at open and the segment files found there ([`Journal::unchanged`]).
    listed: Vec<PathBuf>,
    dirs: Vec<PathBuf>,
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal")
            .field("segments", &self.slots.len())
            .finish_non_exhaustive()
    }
}

impl Journal {
    /// Opens every segment of `dir`. Only an unreadable directory is an error.
    pub fn open_directory(dir: &Path) -> Result<Journal> {
        Journal::open_directories(std::slice::from_ref(&dir.to_path_buf()))
    }

    /// Opens every segment of each of `dirs` as one journal (entries interleaved by time, as
    /// journalctl reads several journals). Only an unreadable directory is an error.
    pub fn open_directories(dirs: &[PathBuf]) -> Result<Journal> {
        let paths = list_segments(dirs)?;
        let mut j = Journal::open_files(&paths);
        j.listed = paths;
        j.dirs = dirs.to_vec();
        Ok(j)
    }

    /// True when what this journal has read is still all there is to read: its directories
    /// hold the same segment files, and each segment it opened has the length it had then
    /// (only the newest segment grows; a rotation adds a file). A reader that worked while
    /// the journal may have been written (`status` reads while the manager answers) asks
    /// this afterwards and reads again if it is false. False for a journal of given files.
    pub fn unchanged(&self) -> bool {
        if self.dirs.is_empty() || list_segments(&self.dirs).ok().as_ref() != Some(&self.listed) {
            return false;
        }
        self.slots.iter().all(|s| match &*s.seg.borrow() {
            Some(seg) => std::fs::metadata(&s.path).is_ok_and(|m| m.len() == seg.file_len),
            None => true,
        })
    }

    /// Opens the given segment files; unreadable ones become warnings.
    pub fn open_files(paths: &[PathBuf]) -> Journal {
        let mut slots = Vec::new();
        let mut warnings = Vec::new();
        let keep_from = paths.len().saturating_sub(KEEP_OPEN);
        for (i, p) in paths.iter().enumerate() {
            match read_header(p) {
                Ok((header, file)) => slots.push(Slot {
                    path: p.clone(),
                    header,
                    file: RefCell::new((i >= keep_from).then_some(file)),
                    seg: RefCell::new(None),
                    blocks: RefCell::new(None),
                    failed: Cell::new(false),
                }),
                // Deleted between listing and opening (vacuumed): not worth a warning.
                Err(None) => {}
                Err(Some(message)) => warnings.push(Warning {
                    path: p.clone(),
                    message,
                }),
            }
        }
        let mut by_id: HashMap<[u8; 16], Vec<usize>> = HashMap::new();
        for (i, s) in slots.iter().enumerate() {
            by_id.entry(s.header.seqnum_id).or_default().push(i);
        }
        let mut chains: Vec<Vec<usize>> = by_id.into_values().collect();
        for c in &mut chains {
            c.sort_by_key(|&i| (slots[i].header.first_seqnum, slots[i].header.created_rt));
        }
        chains.sort_by_key(|c| c.first().map(|&i| slots[i].header.created_rt));
        Journal {
            slots,
            chains,
            warnings: RefCell::new(warnings),
            read_ahead: ReadAhead::default(),
            listed: Vec::new(),
            dirs: Vec::new(),
        }
    }

    /// When long forward walks decode ahead on a second thread (default: when a CPU is idle).
    pub fn set_read_ahead(&mut self, read_ahead: ReadAhead) {
        self.read_ahead = read_ahead;
    }

    /// Warnings collected so far (bad files, corrupt records), then cleared.
    pub fn take_warnings(&self) -> Vec<Warning> {
        std::mem::take(&mut *self.warnings.borrow_mut())
    }

    pub(crate) fn warn(&self, path: &Path, message: impl Into<String>) {
        let w = Warning {
            path: path.to_owned(),
            message: message.into(),
        };
        let mut ws = self.warnings.borrow_mut();
        if !ws.contains(&w) {
            ws.push(w);
        }
    }

    /// The segment files in use.
    pub fn segment_paths(&self) -> Vec<PathBuf> {
        self.slots.iter().map(|s| s.path.clone()).collect()
    }

    /// Reads of the segments' dictionary-table frames so far, and their bytes.
    #[cfg(test)]
    pub(crate) fn frames_read(&self) -> (u32, u64) {
        self.slots
            .iter()
            .filter_map(|s| s.seg.borrow().as_ref().map(|g| g.dict.frames_read()))
            .fold((0, 0), |(r, b), (_, r2, b2)| (r + r2, b + b2))
    }

    /// The opened segment of a slot (opened on first use; `None` after a warning).
    pub(crate) fn seg(&self, slot: usize) -> Option<Rc<Segment>> {
        let s = self.slots.get(slot)?;
        if s.failed.get() {
            return None;
        }
        if let Some(seg) = &*s.seg.borrow() {
            return Some(Rc::clone(seg));
        }
        let opened = match s.file.borrow_mut().take() {
            Some(file) => Segment::open_read(&s.path, file, Some(s.header), false),
            None => Segment::open(&s.path),
        };
        match opened.or_else(|_| Segment::open_with(&s.path, true)) {
            Ok(seg) => {
                if seg.skipped > 0 {
                    self.warn(&s.path, format!("{} corrupt records skipped", seg.skipped));
                }
                let rc = Rc::new(seg);
                *s.seg.borrow_mut() = Some(Rc::clone(&rc));
                Some(rc)
            }
            Err(e) => {
                s.failed.set(true);
                let vanished = matches!(&e, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound);
                if !vanished {
                    self.warn(&s.path, strip_path(&e, &s.path));
                }
                None
            }
        }
    }

    /// Replaces a slot's segment by a full forward scan (its backward structure is damaged).
    pub(crate) fn reopen_full(&self, slot: usize, why: &Error) -> Option<Rc<Segment>> {
        let s = self.slots.get(slot)?;
        self.warn(
            &s.path,
            format!("{}; reading it sequentially", strip_path(why, &s.path)),
        );
        match Segment::open_with(&s.path, true) {
            Ok(seg) => {
                let rc = Rc::new(seg);
                *s.seg.borrow_mut() = Some(Rc::clone(&rc));
                *s.blocks.borrow_mut() = None;
                Some(rc)
            }
            Err(e) => {
                s.failed.set(true);
                self.warn(&s.path, strip_path(&e, &s.path));
                None
            }
        }
    }

    /// All blocks of a slot, oldest first, falling back to a forward scan when needed.
    pub(crate) fn slot_blocks(&self, slot: usize) -> Option<(Rc<Segment>, Rc<Vec<BlockInfo>>)> {
        let seg = self.seg(slot)?;
        let s = self.slots.get(slot)?;
        if let Some(b) = &*s.blocks.borrow() {
            return Some((seg, Rc::clone(b)));
        }
        let (seg, blocks) = match seg.all_blocks() {
            Ok(b) => (seg, b),
            Err(e) => {
                let seg = self.reopen_full(slot, &e)?;
                let blocks = seg.all_blocks().ok()?;
                (seg, blocks)
            }
        };
        let blocks = Rc::new(blocks);
        *s.blocks.borrow_mut() = Some(Rc::clone(&blocks));
        Some((seg, blocks))
    }

    /// Boots in the order they first appear.
    pub fn list_boots(&self) -> Vec<BootInfo> {
        let mut boots: Vec<BootInfo> = Vec::new();
        let mut index: HashMap<[u8; 16], usize> = HashMap::new();
        for slot in 0..self.slots.len() {
            let Some((_, blocks)) = self.slot_blocks(slot) else {
                continue;
            };
            for b in blocks.iter().filter(|b| b.entries > 0) {
                match index.get(&b.bs.boot_id) {
                    Some(&i) => {
                        boots[i].first_usec = boots[i].first_usec.min(b.min_rt);
                        boots[i].last_usec = boots[i].last_usec.max(b.max_rt);
                    }
                    None => {
                        index.insert(b.bs.boot_id, boots.len());
                        boots.push(BootInfo {
                            boot_id: b.bs.boot_id,
                            first_usec: b.min_rt,
                            last_usec: b.max_rt,
                        });
                    }
                }
            }
        }
        boots.sort_by_key(|b| b.first_usec);
        boots
    }

    /// Resolves `-b` to a boot id.
    pub fn resolve_boot(&self, sel: BootSel) -> Result<[u8; 16]> {
        let boots = self.list_boots();
        let (base, off, text) = match sel {
            BootSel::Offset(n) if n > 0 => (0i64, n - 1, n.to_string()),
            BootSel::Offset(n) => (boots.len() as i64 - 1, n, n.to_string()),
            BootSel::Id(id, n) => {
                let pos = boots.iter().position(|b| b.boot_id == id);
                let text = if n == 0 {
                    id128_hex(&id)
                } else {
                    format!("{}{n:+}", id128_hex(&id))
                };
                match pos {
                    Some(p) => (p as i64, n, text),
                    None => return Err(Error::NoSuchBoot(text)),
                }
            }
        };
        let i = base + off;
        if i < 0 || i >= boots.len() as i64 {
            return Err(Error::NoSuchBoot(text));
        }
        Ok(boots[i as usize].boot_id)
    }

    /// Bytes the segments occupy on disk.
    pub fn disk_usage(&self) -> u64 {
        self.slots
            .iter()
            .filter_map(|s| std::fs::metadata(&s.path).ok())
            .map(|m| m.blocks() * 512)
            .sum()
    }

    /// Runs a query, calling `visit` for each entry in output order (oldest first, or newest
    /// first with `reverse`); `visit` may stop early with `ControlFlow::Break`.
    pub fn run(
        &self,
        q: &Query,
        visit: &mut dyn FnMut(&EntryRef<'_>) -> ControlFlow<()>,
    ) -> Result<RunStats> {
        let filter = Filter::new(q)?;
        let bounds = self.bounds(q)?;
        let mut stats = RunStats::default();
        let accept = |e: &EntryRef<'_>, stats: &mut RunStats| -> bool {
            stats.matched += 1;
            match &filter.grep {
                None => true,
                Some(re) => e.field_id_message().is_some_and(|m| re.is_match(m)),
            }
        };
        let tail = q.lines.filter(|_| !q.reverse);
        if let Some(n) = tail {
            // The last N, shown oldest first: collect walking backwards, then replay.
            let mut merge = Merge::new(self, &filter, bounds, true);
            let mut picked = Vec::new();
            while picked.len() < n {
                let Some(item) = merge.next()? else { break };
                if accept(&item.entry_ref(), &mut stats) {
                    picked.push(item);
                }
            }
            for item in picked.iter().rev() {
                let e = item.entry_ref();
                stats.shown += 1;
                stats.last_cursor = Some(crate::view::EntryView::cursor(&e));
                if visit(&e).is_break() {
                    break;
                }
            }
        } else {
            let limit = q.lines.unwrap_or(usize::MAX);
            let mut merge = Merge::new(self, &filter, bounds, q.reverse);
            let mut last = None;
            let mut idx = Vec::new();
            'blocks: while (stats.shown as usize) < limit {
                let Some(Batch { seg, block }) = merge.next_batch(&mut idx)? else {
                    break;
                };
                let mut last_here = None;
                let mut stop = false;
                for &i in &idx {
                    let e = EntryRef {
                        seg: &seg,
                        block: &block,
                        e: &block.entries[i as usize],
                    };
                    if !accept(&e, &mut stats) {
                        continue;
                    }
                    stats.shown += 1;
                    last_here = Some(i);
                    if visit(&e).is_break() || stats.shown as usize >= limit {
                        stop = true;
                        break;
                    }
                }
                if let Some(i) = last_here {
                    last = Some(crate::view::EntryView::cursor(&EntryRef {
                        seg: &seg,
                        block: &block,
                        e: &block.entries[i as usize],
                    }));
                }
                if stop {
                    break 'blocks;
                }
            }
            stats.last_cursor = last;
        }
        Ok(stats)
    }

    /// The query's time, boot and cursor limits.
    pub(crate) fn bounds(&self, q: &Query) -> Result<Bounds> {
        let boot = match q.boot {
            Some(sel) => Some(self.resolve_boot(sel)?),
            None => None,
        };
        let start = match (&q.cursor, &q.after_cursor) {
            (_, Some(c)) => Some((c.parse::<Cursor>()?, false)),
            (Some(c), None) => Some((c.parse::<Cursor>()?, true)),
            (None, None) => None,
        };
        Ok(Bounds {
            since: q.since,
            until: q.until,
            boot,
            start,
        })
    }

    /// Runs a query and returns owned copies of the entries.
    pub fn entries(&self, q: &Query) -> Result<Vec<Entry>> {
        let mut out = Vec::new();
        self.run(q, &mut |e| {
            out.push(e.to_entry());
            ControlFlow::Continue(())
        })?;
        Ok(out)
    }
}

impl EntryRef<'_> {
    #[inline]
    fn field_id_message(&self) -> Option<&[u8]> {
        self.seg.known[0].and_then(|id| self.get_id(id))
    }
}

/// Segment files kept open from reading their headers until the segment is read.
const KEEP_OPEN: usize = 64;

/// The segment files of `dirs`, each directory's sorted by name.
fn list_segments(dirs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for dir in dirs {
        let rd = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        let mut here = Vec::new();
        for ent in rd {
            let ent = ent.map_err(|e| Error::io(dir, e))?;
            let name = ent.file_name();
            if name
                .to_str()
                .is_some_and(|n| n.ends_with(SEGMENT_SUFFIX) && !n.starts_with('.'))
            {
                here.push(ent.path());
            }
        }
        here.sort();
        paths.extend(here);
    }
    Ok(paths)
}

/// The header of a segment and the open file; `Err(None)` when the file no longer exists.
fn read_header(p: &Path) -> std::result::Result<(Header, std::fs::File), Option<String>> {
    let f = std::fs::File::open(p).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => None,
        _ => Some(e.to_string()),
    })?;
    let mut b = [0u8; HEADER_LEN as usize];
    f.read_exact_at(&mut b, 0).map_err(|e| match e.kind() {
        std::io::ErrorKind::UnexpectedEof => {
            Some("not a linger journal segment: file shorter than the header".to_owned())
        }
        _ => Some(e.to_string()),
    })?;
    let h = Header::decode(&b).map_err(|r| Some(format!("not a linger journal segment: {r}")))?;
    Ok((h, f))
}

fn strip_path(e: &Error, path: &Path) -> String {
    let s = e.to_string();
    let prefix = format!("{}: ", path.display());
    s.strip_prefix(&prefix).map(str::to_owned).unwrap_or(s)
}

impl Segments for Journal {
    fn chains(&self) -> &[Vec<usize>] {
        &self.chains
    }

    fn seg(&self, slot: usize) -> Option<Rc<Segment>> {
        Journal::seg(self, slot)
    }

    fn slot_blocks(&self, slot: usize) -> Option<(Rc<Segment>, Rc<Vec<BlockInfo>>)> {
        Journal::slot_blocks(self, slot)
    }

    fn reopen_full(&self, slot: usize, why: &Error) -> Option<Rc<Segment>> {
        Journal::reopen_full(self, slot, why)
    }

    fn warn(&self, path: &Path, message: String) {
        Journal::warn(self, path, message);
    }

    fn read_ahead(&self) -> ReadAhead {
        self.read_ahead
    }
}
