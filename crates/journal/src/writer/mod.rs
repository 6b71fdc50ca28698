//! The writer thread: owns the segment files; the manager's event loop hands it entries
//! through a bounded queue and never waits on disk.
//!
//! ```text
//!  event loop ──submit()/submit_line()──▶ [bounded queue] ──▶ writer thread ──▶ segments
//!     (never blocks: when the queue is full the entry is counted and dropped, and a
//!      "Missed N log messages" entry is written once the writer catches up)
//! ```
//!
//! The queue is an unbounded channel bounded by two counters (items and bytes) rather than a
//! `sync_channel(16384)`: a preallocated channel keeps all its slots — ~1 MiB — resident in an
//! idle manager, while this one holds memory only for what is queued.

mod state;

use crate::store::packed::PackedFields;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Sender, SyncSender};
use std::thread::JoinHandle;

use crate::capture::LineBatch;
use crate::config::JournalConfig;
use crate::entry::{self, Entry, fields};
use crate::error::{Error, Result};
use state::WriterState;

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

/// Work for the writer thread to do once what was queued before it is written (see
/// [`Submitter::after_written`]).
pub type AfterWritten = Box<dyn FnOnce() + Send>;

/// Called by the writer thread after each batch, when the queue has room again.
pub type DrainHook = Arc<dyn Fn() + Send + Sync>;

/// The bytes of a source (a service's output pipe) that a batch of lines was made of, to be
/// taken out of the source once the lines are written (see [`Consumer`]). Whoever sets
/// `claimed` first takes them out: the writer's consumer, or the submitter giving up on a
/// writer that makes no progress.
pub struct Consume {
    /// The submitter's name for the source (the consumer knows it by it).
    pub source: u64,
    /// How many bytes at the source's head the lines came from.
    pub bytes: usize,
    /// Set by the side that takes the bytes out.
    pub claimed: Arc<std::sync::atomic::AtomicBool>,
    /// Called on the writer thread once the lines' write is over (done or failed): `true`
    /// when the consumer took the bytes out; `false` (and `claimed` not held by the writer)
    /// when the submitter must.
    pub done: Box<dyn FnOnce(bool) + Send>,
}

impl std::fmt::Debug for Consume {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Consume")
            .field("source", &self.source)
            .field("bytes", &self.bytes)
            .finish_non_exhaustive()
    }
}

/// Takes lines' bytes out of their sources around the write that holds the lines, so that a
/// crash between the two can be told apart afterwards (the manager's fd keeper, which
/// outlives it: `intent` is written down before the write, `commit` takes the bytes out). A
/// crash after the intent is resolved by the next writer from `segment`'s length: written
/// through `end`, the bytes go; not written, they stay; torn, the segment is cut back to
/// `start` and they stay. So every line is in the journal exactly once.
pub trait Consumer: Send {
    /// Before `segment`'s bytes `start..end`, which hold the lines of `sources` (source,
    /// bytes), are written. `false` when it could not be written down.
    fn intent(&mut self, segment: &Path, start: u64, end: u64, sources: &[(u64, usize)]) -> bool;
    /// After that write (done or failed): take the bytes out. `false` when it could not.
    fn commit(&mut self, sources: &[(u64, usize)]) -> bool;
}

#[derive(Default)]
struct Shared {
    queued_items: AtomicUsize,
    queued_bytes: AtomicUsize,
    pending_queue_drops: AtomicU64,
    next_stream: AtomicU64,
    written: AtomicU64,
    dropped_queue: AtomicU64,
    dropped_disk: AtomicU64,
    suppressed: AtomicU64,
    rotations: AtomicU64,
    drain_hook: std::sync::Mutex<Option<DrainHook>>,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared")
            .field("queued_bytes", &self.queued_bytes)
            .finish_non_exhaustive()
    }
}

impl Shared {
    /// Gives back what [`Submitter::reserve`] took for one item of `bytes`.
    pub(crate) fn release(&self, bytes: usize) {
        self.queued_items.fetch_sub(1, Ordering::Relaxed);
        self.queued_bytes.fetch_sub(bytes, Ordering::Relaxed);
    }

    /// Tell a waiting producer that the queue drained (see [`Submitter::set_drain_hook`]).
    pub(crate) fn drained(&self) {
        let hook = self.drain_hook.lock().ok().and_then(|g| g.clone());
        if let Some(h) = hook {
            h();
        }
    }
}

#[derive(Debug)]
struct StreamInner {
    key: u64,
    fields: PackedFields,
    unit: Box<str>,
}

/// The constant fields of one log source (a service's stdout pipe): register once with
/// [`Submitter::stream`], then send each line with [`Submitter::submit_line`]. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Stream(Arc<StreamInner>);

enum Msg {
    Entry(Box<Entry>, usize),
    Line {
        stream: Arc<StreamInner>,
        rt: u64,
        mono: u64,
        priority: u8,
        message: Vec<u8>,
    },
    /// Boxed: every slot of the queue is as large as its largest message.
    Lines(Box<LinesMsg>),
    Flush(SyncSender<()>),
    /// Run on the writer thread once everything queued before is written.
    AfterWritten(AfterWritten),
    /// From now on, sources' bytes are taken out by this consumer.
    SetConsumer(Box<dyn Consumer>),
    Rotate(SyncSender<()>),
    Close,
}

struct LinesMsg {
    stream: Arc<StreamInner>,
    rt: u64,
    mono: u64,
    batch: LineBatch,
    consume: Option<Consume>,
}

/// A cloneable, thread-safe way to hand entries to the writer thread. All methods return
/// at once: a full queue drops the entry (and counts it) instead of waiting.
#[derive(Clone)]
pub struct Submitter {
    tx: Sender<Msg>,
    shared: Arc<Shared>,
    max_items: usize,
    max_bytes: usize,
}

impl std::fmt::Debug for Submitter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Submitter")
            .field("max_items", &self.max_items)
            .field("max_bytes", &self.max_bytes)
            .finish_non_exhaustive()
    }
}

impl Submitter {
    /// Takes room for one item of `bytes` in the queue; `false` (nothing taken) when it is full.
    fn reserve(&self, bytes: usize) -> bool {
        let s = &self.shared;
        let items = s.queued_items.fetch_add(1, Ordering::Relaxed) + 1;
        let total = s.queued_bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        if items > self.max_items || total > self.max_bytes {
            s.release(bytes);
            return false;
        }
        true
    }

    /// Sends an item whose room was reserved; `Err` gives it back when the writer is gone.
    fn send_reserved(&self, msg: Msg, bytes: usize) -> std::result::Result<(), Msg> {
        self.tx.send(msg).map_err(|e| {
            self.shared.release(bytes);
            e.0
        })
    }

    fn enqueue(&self, msg: Msg, bytes: usize) -> bool {
        if !self.reserve(bytes) {
            self.shared
                .pending_queue_drops
                .fetch_add(1, Ordering::Relaxed);
            self.shared.dropped_queue.fetch_add(1, Ordering::Relaxed);
            return false;
        }
        self.send_reserved(msg, bytes).is_ok()
    }

    /// Queues a generic entry. Timestamps of `0` are stamped now; an all-zero boot id is
    /// the current boot's; the seqnum is assigned by the writer. Returns `false` when the
    /// entry was dropped (queue full or writer gone).
    pub fn submit(&self, mut entry: Entry) -> bool {
        if entry.realtime_usec == 0 {
            entry.stamp_now();
        }
        let bytes = ITEM_OVERHEAD
            + entry
                .fields
                .iter()
                .map(|(n, v)| n.len() + v.len() + 16)
                .sum::<usize>();
        self.enqueue(Msg::Entry(Box::new(entry), bytes), bytes)
    }

    /// Registers the constant fields of a log source (`_PID`, `_COMM`, `_SYSTEMD_USER_UNIT`,
    /// `SYSLOG_IDENTIFIER`, `_TRANSPORT=stdout`, …). Its lines are rate-limited by the
    /// `_SYSTEMD_USER_UNIT` (else `USER_UNIT`) value.
    pub fn stream(&self, fields: Vec<(String, Vec<u8>)>) -> Stream {
        let key = self.shared.next_stream.fetch_add(1, Ordering::Relaxed);
        let constant = PackedFields::new(&fields);
        let unit = constant
            .get(fields::SYSTEMD_USER_UNIT)
            .or_else(|| constant.get(fields::USER_UNIT))
            .map(|v| String::from_utf8_lossy(v).into())
            .unwrap_or_default();
        Stream(Arc::new(StreamInner {
            key,
            fields: constant,
            unit,
        }))
    }

    /// Queues one line of `stream` with `priority` (0-7) stamped now. The message is the
    /// line without its newline (see [`crate::capture::LineSplitter`]). Returns `false` when
    /// the line was dropped.
    pub fn submit_line(&self, stream: &Stream, priority: u8, message: &[u8]) -> bool {
        let (rt, mono) = entry::now();
        self.submit_line_at(stream, priority, message, rt, mono)
    }

    /// [`Submitter::submit_line`] with explicit timestamps (µs).
    pub fn submit_line_at(
        &self,
        stream: &Stream,
        priority: u8,
        message: &[u8],
        rt: u64,
        mono: u64,
    ) -> bool {
        let bytes = ITEM_OVERHEAD + message.len();
        let msg = Msg::Line {
            stream: Arc::clone(&stream.0),
            rt,
            mono,
            priority: priority.min(7),
            message: message.to_vec(),
        };
        self.enqueue(msg, bytes)
    }

    /// Be told (on the writer thread) each time the writer has drained a batch, so a producer
    /// that got `Err` from [`Submitter::try_submit_line`] can wait for room instead of polling.
    pub fn set_drain_hook(&self, hook: DrainHook) {
        if let Ok(mut g) = self.shared.drain_hook.lock() {
            *g = Some(hook);
        }
    }

    /// Like [`Submitter::submit_line`], but a full queue is not counted as a drop: the line
    /// is handed back as `Err(())` so that the caller can apply back-pressure (stop reading
    /// the pipe for a moment, as journald does) and retry. `Err` also when the writer is gone.
    #[allow(clippy::result_unit_err)]
    pub fn try_submit_line(
        &self,
        stream: &Stream,
        priority: u8,
        message: &[u8],
    ) -> std::result::Result<(), ()> {
        let bytes = ITEM_OVERHEAD + message.len();
        if !self.reserve(bytes) {
            return Err(());
        }
        let (rt, mono) = entry::now();
        let msg = Msg::Line {
            stream: Arc::clone(&stream.0),
            rt,
            mono,
            priority: priority.min(7),
            message: message.to_vec(),
        };
        self.send_reserved(msg, bytes).map_err(|_| ())
    }

    /// Queues the lines of `stream` read together, all stamped now, as one item. When the
    /// queue is full nothing is dropped: the batch is handed back as `Err` so that the caller
    /// can apply back-pressure and retry (as with [`Submitter::try_submit_line`]). `Err` also
    /// when the writer is gone.
    pub fn try_submit_batch(
        &self,
        stream: &Stream,
        batch: LineBatch,
    ) -> std::result::Result<(), LineBatch> {
        self.try_submit_batch_consuming(stream, batch, None)
            .map_err(|(b, _)| b)
    }

    /// [`Submitter::try_submit_batch`] for lines whose source's bytes are to be taken out
    /// once they are written (`consume`, see [`Consumer`]); both handed back on `Err`.
    #[allow(clippy::type_complexity)]
    pub fn try_submit_batch_consuming(
        &self,
        stream: &Stream,
        batch: LineBatch,
        consume: Option<Consume>,
    ) -> std::result::Result<(), (LineBatch, Option<Consume>)> {
        let bytes = batch_bytes(&batch);
        if !self.reserve(bytes) {
            return Err((batch, consume));
        }
        let (rt, mono) = entry::now();
        let msg = Msg::Lines(Box::new(LinesMsg {
            stream: Arc::clone(&stream.0),
            rt,
            mono,
            batch,
            consume,
        }));
        match self.send_reserved(msg, bytes) {
            Ok(()) => Ok(()),
            Err(Msg::Lines(m)) => Err((m.batch, m.consume)),
            Err(_) => Err((LineBatch::new(), None)),
        }
    }

    /// Sources' bytes are taken out by `consumer` for the lines submitted from now on (see
    /// [`Consumer`]); `false` when the writer is gone.
    pub fn set_consumer(&self, consumer: Box<dyn Consumer>) -> bool {
        self.tx.send(Msg::SetConsumer(consumer)).is_ok()
    }

    /// Like [`Submitter::try_submit_batch`], but a full queue drops the lines (counted, and
    /// reported by a "Missed" entry). Returns `false` when they were dropped.
    pub fn submit_batch(&self, stream: &Stream, batch: LineBatch) -> bool {
        let n = batch.len() as u64;
        match self.try_submit_batch(stream, batch) {
            Ok(()) => true,
            Err(_) => {
                self.shared
                    .pending_queue_drops
                    .fetch_add(n, Ordering::Relaxed);
                self.shared.dropped_queue.fetch_add(n, Ordering::Relaxed);
                false
            }
        }
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

    /// Blocks until everything submitted before is written to the segment file (visible to
    /// readers; not necessarily synced to the disk). A submitter can do it from another
    /// thread (the manager's `journalctl --flush` must not block its event loop).
    pub fn flush(&self) -> Result<()> {
        self.round_trip(Msg::Flush)
    }

    /// Without waiting: `then` runs on the writer thread once everything submitted before is
    /// written to the segment file (as [`Submitter::flush`] would wait for). The manager
    /// answers a job this way only once the lines its service printed are readable. Handed
    /// back when the queue has no slot free or the writer is gone.
    pub fn after_written(&self, then: AfterWritten) -> std::result::Result<(), AfterWritten> {
        // It takes a queue slot like an entry (released when the writer runs it).
        if !self.reserve(ITEM_OVERHEAD) {
            return Err(then);
        }
        match self.send_reserved(Msg::AfterWritten(then), ITEM_OVERHEAD) {
            Ok(()) => Ok(()),
            Err(Msg::AfterWritten(then)) => Err(then),
            Err(_) => unreachable!("send hands back the message it was given"),
        }
    }

    /// Closes the active segment and starts a new one with the next entry (journalctl
    /// --rotate).
    pub fn rotate(&self) -> Result<()> {
        self.round_trip(Msg::Rotate)
    }

    fn round_trip(&self, make: impl FnOnce(SyncSender<()>) -> Msg) -> Result<()> {
        let (tx, rx) = mpsc::sync_channel(1);
        self.tx.send(make(tx)).map_err(|_| Error::WriterGone)?;
        rx.recv().map_err(|_| Error::WriterGone)
    }
}

/// Bytes a batch is accounted for in the queue.
fn batch_bytes(batch: &LineBatch) -> usize {
    ITEM_OVERHEAD * batch.len() + batch.text_len()
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
        f.debug_struct("WriterHandle")
            .field("directory", &self.directory)
            .finish_non_exhaustive()
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
        let max_items = state.cfg.queue_entries.max(16);
        let max_bytes = state.cfg.queue_bytes.max(64 << 10);
        let shared = Arc::clone(&state.shared);
        let (tx, rx) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("linger-journal".into())
            .spawn(move || state.run(rx))
            .map_err(|e| Error::io(&directory, e))?;
        Ok(WriterHandle {
            submitter: Submitter {
                tx,
                shared,
                max_items,
                max_bytes,
            },
            thread: Some(thread),
            directory,
        })
    }
}
