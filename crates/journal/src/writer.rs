//! The writer thread: owns the segment files; the manager's event loop hands it entries
//! through a bounded queue and never waits on disk.
//!
//! ```text
//!  event loop ──submit()/submit_line()──▶ [bounded queue] ──▶ writer thread ──▶ segments
//!     (never blocks: when the queue is full the entry is counted and dropped, and a
//!      "Missed N log messages" entry is written once the writer catches up)
//! ```

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::Arc;
use std::thread::JoinHandle;

use crate::config::JournalConfig;
use crate::entry::{self, Entry, fields};
use crate::error::{Error, Result};
use crate::ratelimit::{RateLimiter, Verdict};
use crate::store::append::{Appender, Record, RecordFields};
use crate::store::dir;
use crate::store::segment::Segment;

/// MESSAGE_ID of "Suppressed N messages" (journald's catalog id for dropped messages).
pub const MESSAGE_ID_SUPPRESSED: &str = "a596d6fe7bfa4994828e72309e95d61e";
/// MESSAGE_ID of "Missed N log messages" (journald's catalog id for missed messages).
pub const MESSAGE_ID_MISSED: &str = "e9bf28e6e834481bb6f48f548ad13606";
/// `SYSLOG_IDENTIFIER` of the writer's own notices.
pub const WRITER_IDENTIFIER: &str = "linger-journal";

/// Bytes accounted per queued item on top of its field bytes.
const ITEM_OVERHEAD: usize = 64;
/// Items handled per batch before the batch is written.
const BATCH_MAX: usize = 16_384;

/// Counters of a writer, for status output and tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriterStats {
    /// Entries written to segments (the writer's own notices included).
    pub written: u64,
    /// Entries dropped because the queue was full.
    pub dropped_queue: u64,
    /// Entries lost because a write failed (disk full, I/O error).
    pub dropped_disk: u64,
    /// Entries dropped by the per-unit rate limit.
    pub suppressed: u64,
    /// Segments rotated.
    pub rotations: u64,
}

#[derive(Debug, Default)]
struct Shared {
    queued_bytes: AtomicUsize,
    pending_queue_drops: AtomicU64,
    next_stream: AtomicU64,
    written: AtomicU64,
    dropped_queue: AtomicU64,
    dropped_disk: AtomicU64,
    suppressed: AtomicU64,
    rotations: AtomicU64,
}

#[derive(Debug)]
struct StreamInner {
    key: u64,
    fields: Vec<(String, Vec<u8>)>,
    unit: Box<str>,
}

/// The constant fields of one log source (a service's stdout pipe): register once with
/// [`Submitter::stream`], then send each line with [`Submitter::submit_line`]. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Stream(Arc<StreamInner>);

enum Msg {
    Entry(Box<Entry>, usize),
    Line { stream: Arc<StreamInner>, rt: u64, mono: u64, priority: u8, message: Vec<u8> },
    Flush(SyncSender<()>),
    Rotate(SyncSender<()>),
    Close,
}

/// A cloneable, thread-safe way to hand entries to the writer thread. All methods return
/// at once: a full queue drops the entry (and counts it) instead of waiting.
#[derive(Clone)]
pub struct Submitter {
    tx: SyncSender<Msg>,
    shared: Arc<Shared>,
    max_bytes: usize,
}

impl std::fmt::Debug for Submitter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Submitter").field("max_bytes", &self.max_bytes).finish_non_exhaustive()
    }
}

impl Submitter {
    fn enqueue(&self, msg: Msg, bytes: usize) -> bool {
        let before = self.shared.queued_bytes.fetch_add(bytes, Ordering::Relaxed);
        let full = before + bytes > self.max_bytes;
        let sent = !full
            && match self.tx.try_send(msg) {
                Ok(()) => return true,
                Err(TrySendError::Full(_)) => false,
                Err(TrySendError::Disconnected(_)) => {
                    self.shared.queued_bytes.fetch_sub(bytes, Ordering::Relaxed);
                    return false;
                }
            };
        debug_assert!(!sent);
        self.shared.queued_bytes.fetch_sub(bytes, Ordering::Relaxed);
        self.shared.pending_queue_drops.fetch_add(1, Ordering::Relaxed);
        self.shared.dropped_queue.fetch_add(1, Ordering::Relaxed);
        false
    }

    /// Queues a generic entry. Timestamps of `0` are stamped now; an all-zero boot id is
    /// the current boot's; the seqnum is assigned by the writer. Returns `false` when the
    /// entry was dropped (queue full or writer gone).
    pub fn submit(&self, mut entry: Entry) -> bool {
        if entry.realtime_usec == 0 {
            entry.stamp_now();
        }
        let bytes = ITEM_OVERHEAD + entry.fields.iter().map(|(n, v)| n.len() + v.len() + 16).sum::<usize>();
        self.enqueue(Msg::Entry(Box::new(entry), bytes), bytes)
    }

    /// Registers the constant fields of a log source (`_PID`, `_COMM`, `_SYSTEMD_USER_UNIT`,
    /// `SYSLOG_IDENTIFIER`, `_TRANSPORT=stdout`, …). Its lines are rate-limited by the
    /// `_SYSTEMD_USER_UNIT` (else `USER_UNIT`) value.
    pub fn stream(&self, fields: Vec<(String, Vec<u8>)>) -> Stream {
        let key = self.shared.next_stream.fetch_add(1, Ordering::Relaxed);
        let find = |n: &str| fields.iter().find(|(k, _)| k == n).map(|(_, v)| String::from_utf8_lossy(v).into_owned());
        let unit = find(fields::SYSTEMD_USER_UNIT).or_else(|| find(fields::USER_UNIT)).unwrap_or_default();
        Stream(Arc::new(StreamInner { key, fields, unit: unit.into() }))
    }

    /// Queues one line of `stream` with `priority` (0-7) stamped now. The message is the
    /// line without its newline (see [`crate::capture::LineSplitter`]). Returns `false` when
    /// the line was dropped.
    pub fn submit_line(&self, stream: &Stream, priority: u8, message: &[u8]) -> bool {
        let (rt, mono) = entry::now();
        self.submit_line_at(stream, priority, message, rt, mono)
    }

    /// [`Submitter::submit_line`] with explicit timestamps (µs).
    pub fn submit_line_at(&self, stream: &Stream, priority: u8, message: &[u8], rt: u64, mono: u64) -> bool {
        let bytes = ITEM_OVERHEAD + message.len();
        let msg = Msg::Line { stream: Arc::clone(&stream.0), rt, mono, priority: priority.min(7), message: message.to_vec() };
        self.enqueue(msg, bytes)
    }

    /// Counters so far.
    pub fn stats(&self) -> WriterStats {
        let s = &self.shared;
        WriterStats {
            written: s.written.load(Ordering::Relaxed),
            dropped_queue: s.dropped_queue.load(Ordering::Relaxed),
            dropped_disk: s.dropped_disk.load(Ordering::Relaxed),
            suppressed: s.suppressed.load(Ordering::Relaxed),
            rotations: s.rotations.load(Ordering::Relaxed),
        }
    }

    fn round_trip(&self, make: impl FnOnce(SyncSender<()>) -> Msg) -> Result<()> {
        let (tx, rx) = mpsc::sync_channel(1);
        self.tx.send(make(tx)).map_err(|_| Error::WriterGone)?;
        rx.recv().map_err(|_| Error::WriterGone)
    }
}

/// Owner of the writer thread. Dereferences to [`Submitter`]; dropping it writes what is
/// queued, seals the open block, syncs and joins the thread.
pub struct WriterHandle {
    submitter: Submitter,
    thread: Option<JoinHandle<()>>,
    directory: PathBuf,
}

impl std::fmt::Debug for WriterHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WriterHandle").field("directory", &self.directory).finish_non_exhaustive()
    }
}

impl std::ops::Deref for WriterHandle {
    type Target = Submitter;
    fn deref(&self) -> &Submitter {
        &self.submitter
    }
}

impl WriterHandle {
    /// A cloneable submitter for other threads.
    pub fn submitter(&self) -> Submitter {
        self.submitter.clone()
    }

    /// Blocks until everything submitted before is written to the segment file (visible to
    /// readers; not necessarily synced to the disk).
    pub fn flush(&self) -> Result<()> {
        self.submitter.round_trip(Msg::Flush)
    }

    /// Closes the active segment and starts a new one with the next entry (journalctl
    /// --rotate).
    pub fn rotate(&self) -> Result<()> {
        self.submitter.round_trip(Msg::Rotate)
    }

    /// The journal directory.
    pub fn directory(&self) -> &Path {
        &self.directory
    }
}

impl Drop for WriterHandle {
    fn drop(&mut self) {
        let _ = self.submitter.tx.send(Msg::Close);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Namespace of [`JournalWriter::spawn`].
#[derive(Debug)]
pub struct JournalWriter;

impl JournalWriter {
    /// Opens (creating it 0750 if needed) and locks the directory, repairs a torn tail of the
    /// newest segment, applies the size caps, and starts the writer thread.
    pub fn spawn(config: JournalConfig) -> Result<WriterHandle> {
        let state = WriterState::open(config)?;
        let directory = state.cfg.directory.clone();
        let cap = state.cfg.queue_entries.max(16);
        let max_bytes = state.cfg.queue_bytes.max(64 << 10);
        let shared = Arc::clone(&state.shared);
        let (tx, rx) = mpsc::sync_channel(cap);
        let thread = std::thread::Builder::new()
            .name("linger-journal".into())
            .spawn(move || state.run(rx))
            .map_err(|e| Error::io(&directory, e))?;
        Ok(WriterHandle { submitter: Submitter { tx, shared, max_bytes }, thread: Some(thread), directory })
    }
}

struct WriterState {
    cfg: JournalConfig,
    max_use: u64,
    max_file_size: u64,
    _lock: File,
    seg: Option<Appender>,
    seqnum_id: [u8; 16],
    next_seqnum: u64,
    boot_id: [u8; 16],
    rl: RateLimiter,
    shared: Arc<Shared>,
    /// Entries in the pending (unwritten) buffer of `seg`.
    batch_entries: u64,
    /// Entries lost to write errors not yet reported, and the last error.
    disk_missed: u64,
    disk_error: String,
    /// A write failed in this batch: do not retry until the next one.
    failed_this_batch: bool,
    #[cfg(test)]
    fail_writes: Arc<std::sync::atomic::AtomicBool>,
}

impl WriterState {
    fn open(cfg: JournalConfig) -> Result<WriterState> {
        let lock = dir::lock_directory(&cfg.directory)?;
        let (seqnum_id, next_seqnum) = recover(&cfg.directory)?;
        let max_use = cfg.effective_max_use();
        let max_file_size = cfg.effective_max_file_size();
        let rl = RateLimiter::new(cfg.rate_limit_interval_usec, cfg.rate_limit_burst);
        let mut st = WriterState {
            cfg,
            max_use,
            max_file_size,
            _lock: lock,
            seg: None,
            seqnum_id,
            next_seqnum,
            boot_id: entry::current_boot_id(),
            rl,
            shared: Arc::new(Shared::default()),
            batch_entries: 0,
            disk_missed: 0,
            disk_error: String::new(),
            failed_this_batch: false,
            #[cfg(test)]
            fail_writes: Arc::default(),
        };
        st.vacuum();
        Ok(st)
    }

    fn run(mut self, rx: Receiver<Msg>) {
        let mut acks: Vec<SyncSender<()>> = Vec::new();
        'outer: while let Ok(first) = rx.recv() {
            self.failed_this_batch = false;
            let mut closing = false;
            let mut next = Some(first);
            let mut handled = 0;
            while let Some(msg) = next.take() {
                self.report_queue_drops();
                match msg {
                    Msg::Entry(e, bytes) => {
                        self.shared.queued_bytes.fetch_sub(bytes, Ordering::Relaxed);
                        self.write_entry(&e);
                    }
                    Msg::Line { stream, rt, mono, priority, message } => {
                        self.shared.queued_bytes.fetch_sub(ITEM_OVERHEAD + message.len(), Ordering::Relaxed);
                        self.write_line(&stream, rt, mono, priority, &message);
                    }
                    Msg::Flush(ack) => acks.push(ack),
                    Msg::Rotate(ack) => {
                        self.commit();
                        self.close_segment();
                        acks.push(ack);
                    }
                    Msg::Close => closing = true,
                }
                handled += 1;
                if closing || handled >= BATCH_MAX {
                    break;
                }
                if self.seg.as_ref().is_some_and(|s| s.pending() >= 1 << 20) {
                    self.commit();
                }
                next = rx.try_recv().ok();
            }
            self.commit();
            for ack in acks.drain(..) {
                let _ = ack.send(());
            }
            if closing {
                break 'outer;
            }
        }
        self.close_segment();
    }

    fn report_queue_drops(&mut self) {
        let n = self.shared.pending_queue_drops.swap(0, Ordering::Relaxed);
        if n > 0 {
            let msg = format!("Missed {n} log messages: the journal writer could not keep up");
            self.write_notice(MESSAGE_ID_MISSED, &msg, None);
        }
    }

    fn write_notice(&mut self, id: &str, msg: &str, unit: Option<&str>) {
        let mut e = Entry::message(entry::priority::WARNING, msg);
        e.push(fields::MESSAGE_ID, id).push(fields::SYSLOG_IDENTIFIER, WRITER_IDENTIFIER).push(fields::TRANSPORT, "driver");
        if let Some(u) = unit {
            e.push(fields::USER_UNIT, u);
        }
        e.stamp_now();
        self.append(&e.fields, e.realtime_usec, e.monotonic_usec, e.boot_id, None);
    }

    fn write_entry(&mut self, e: &Entry) {
        let unit = e.unit().unwrap_or("").to_owned();
        if !self.rate_ok(&unit, e.monotonic_usec) {
            return;
        }
        self.append(&e.fields, e.realtime_usec, e.monotonic_usec, e.boot_id, None);
    }

    fn write_line(&mut self, s: &StreamInner, rt: u64, mono: u64, priority: u8, message: &[u8]) {
        if !self.rate_ok(&s.unit, mono) {
            return;
        }
        self.append(&s.fields, rt, mono, [0; 16], Some((s.key, priority, message)));
    }

    fn rate_ok(&mut self, unit: &str, mono: u64) -> bool {
        match self.rl.check(unit, mono) {
            Verdict::Pass => true,
            Verdict::PassAfterSuppressed(n) => {
                let shown = if unit.is_empty() { "the user manager" } else { unit };
                self.write_notice(MESSAGE_ID_SUPPRESSED, &format!("Suppressed {n} messages from {shown}"), Some(unit).filter(|u| !u.is_empty()));
                true
            }
            Verdict::Drop => {
                self.shared.suppressed.fetch_add(1, Ordering::Relaxed);
                false
            }
        }
    }

    fn append(&mut self, fields: &[(String, Vec<u8>)], rt: u64, mono: u64, boot: [u8; 16], line: Option<(u64, u8, &[u8])>) {
        let boot_id = if boot == [0; 16] { self.boot_id } else { boot };
        if !self.ensure_segment(rt) {
            self.disk_missed += 1;
            self.shared.dropped_disk.fetch_add(1, Ordering::Relaxed);
            return;
        }
        if self.disk_missed > 0 {
            let n = std::mem::take(&mut self.disk_missed);
            let msg = format!("Missed {n} log messages: could not write to the journal ({})", self.disk_error);
            let mut e = Entry::message(entry::priority::WARNING, msg);
            e.push(fields::MESSAGE_ID, MESSAGE_ID_MISSED)
                .push(fields::SYSLOG_IDENTIFIER, WRITER_IDENTIFIER)
                .push(fields::TRANSPORT, "driver");
            e.stamp_now();
            let r = Record { rt: e.realtime_usec, mono: e.monotonic_usec, boot_id: self.boot_id, fields: RecordFields::Entry(&e.fields) };
            if let Some(seg) = self.seg.as_mut() {
                seg.append(&r);
                self.batch_entries += 1;
            }
        }
        let fields = match line {
            Some((stream_key, priority, message)) => RecordFields::Line { stream_key, stream_fields: fields, priority, message },
            None => RecordFields::Entry(fields),
        };
        let r = Record { rt, mono, boot_id, fields };
        if let Some(seg) = self.seg.as_mut() {
            seg.append(&r);
            self.batch_entries += 1;
        }
    }

    /// Makes sure a segment is open and within its limits; `false` if none can be had now.
    fn ensure_segment(&mut self, rt: u64) -> bool {
        if let Some(seg) = &self.seg {
            let too_old = self.cfg.max_file_usec > 0 && rt.saturating_sub(seg.created_rt()) >= self.cfg.max_file_usec;
            if seg.size() >= self.max_file_size || too_old || seg.dict_full() {
                self.commit();
                self.close_segment();
            }
        }
        if self.seg.is_some() {
            return true;
        }
        if self.failed_this_batch {
            return false;
        }
        let now_rt = entry::now().0;
        match Appender::create(&self.cfg.directory, self.seqnum_id, self.next_seqnum, now_rt) {
            Ok((a, _)) => {
                self.seg = Some(a);
                true
            }
            Err(e) => {
                self.disk_error = e.to_string();
                self.failed_this_batch = true;
                false
            }
        }
    }

    /// Writes the pending buffer of the active segment.
    fn commit(&mut self) {
        let Some(seg) = self.seg.as_mut() else { return };
        #[cfg(test)]
        let injected = self.fail_writes.load(Ordering::Relaxed) && seg.pending() > 0;
        #[cfg(not(test))]
        let injected = false;
        let res = if injected {
            Err(std::io::Error::from_raw_os_error(28))
        } else {
            seg.write_out()
        };
        match res {
            Ok(()) => {
                self.next_seqnum = seg.next_seqnum;
                self.shared.written.fetch_add(self.batch_entries, Ordering::Relaxed);
            }
            Err(e) => {
                // The appender's dictionary may now describe bytes that never reached the
                // file, so it is abandoned; the next entry starts a new segment.
                self.disk_error = e.to_string();
                self.disk_missed += self.batch_entries;
                self.shared.dropped_disk.fetch_add(self.batch_entries, Ordering::Relaxed);
                self.failed_this_batch = true;
                let path = seg.path.clone();
                self.seg = None;
                if std::fs::metadata(&path).is_ok_and(|m| m.len() <= crate::store::format::HEADER_LEN) {
                    let _ = std::fs::remove_file(&path);
                }
            }
        }
        self.batch_entries = 0;
    }

    fn close_segment(&mut self) {
        let Some(mut seg) = self.seg.take() else { return };
        match seg.finish() {
            Ok(()) => {
                self.next_seqnum = seg.next_seqnum;
                self.shared.written.fetch_add(self.batch_entries, Ordering::Relaxed);
            }
            Err(e) => {
                self.disk_error = e.to_string();
                self.disk_missed += self.batch_entries;
                self.shared.dropped_disk.fetch_add(self.batch_entries, Ordering::Relaxed);
            }
        }
        self.batch_entries = 0;
        self.shared.rotations.fetch_add(1, Ordering::Relaxed);
        drop(seg);
        self.vacuum();
    }

    /// Applies `SystemMaxUse=` (leaving room for the next segment) and `MaxRetentionSec=`.
    fn vacuum(&mut self) {
        let room = self.max_file_size.min(self.max_use / 2);
        let cut = (self.cfg.max_retention_usec > 0).then(|| entry::now().0.saturating_sub(self.cfg.max_retention_usec));
        let keep = self.seg.as_ref().map(|s| s.path.clone());
        let _ = dir::vacuum(&self.cfg.directory, Some(self.max_use - room), cut, keep.as_deref());
    }
}

/// Finds where the previous writer stopped: cuts a torn tail of the newest readable segment
/// and returns its seqnum id and the next seqnum (a fresh id for an empty directory).
fn recover(directory: &Path) -> Result<([u8; 16], u64)> {
    let segs = dir::list_segments(directory)?;
    for s in segs.iter().rev() {
        let Ok(seg) = Segment::open(&s.path) else { continue };
        if seg.valid_end < seg.file_len {
            let f = std::fs::OpenOptions::new().write(true).open(&s.path).map_err(|e| Error::io(&s.path, e))?;
            f.set_len(seg.valid_end).map_err(|e| Error::io(&s.path, e))?;
        }
        let next = match seg.last_entry() {
            Ok(Some((seq, _))) => seq + 1,
            _ => seg.header.first_seqnum,
        };
        return Ok((seg.header.seqnum_id, next.max(1)));
    }
    Ok((entry::random_id128(), 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disk_errors_are_counted_and_reported() {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mut cfg = JournalConfig::new(tmp.path());
        cfg.max_use = Some(64 << 20);
        let mut st = WriterState::open(cfg).unwrap_or_else(|e| panic!("{e}"));
        let fail = Arc::clone(&st.fail_writes);
        let mut e = Entry::message(6, "before");
        e.stamp_now();
        st.write_entry(&e);
        st.commit();
        fail.store(true, Ordering::Relaxed);
        for _ in 0..3 {
            st.failed_this_batch = false;
            st.write_entry(&e);
            st.commit();
        }
        assert_eq!(st.disk_missed, 3);
        fail.store(false, Ordering::Relaxed);
        st.failed_this_batch = false;
        st.write_entry(&Entry { fields: vec![("MESSAGE".into(), b"after".to_vec())], ..e.clone() });
        st.commit();
        st.close_segment();
        let j = crate::reader::Journal::open_directory(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
        let msgs: Vec<String> = j
            .entries(&crate::query::Query::default())
            .unwrap_or_else(|e| panic!("{e}"))
            .iter()
            .map(|e| e.field_str("MESSAGE").unwrap_or("").to_owned())
            .collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        assert_eq!(msgs[0], "before");
        assert!(msgs[1].starts_with("Missed 3 log messages: could not write to the journal"), "{msgs:?}");
        assert_eq!(msgs[2], "after");
    }
}
