//! Service output pipes: one reader task per pipe owns it, splits what it finds into lines,
//! puts them into the journal and reports them to the manager as events for the in-memory
//! tail. A reader looks at the pipe without taking the bytes out (`pipe_peek`), and the bytes
//! of complete lines are taken out only once the journal's writer has written them — by the
//! fd keeper, told by the writer thread before its write and after it (`keeper.rs`), so that
//! the next manager can tell after a crash whether the lines still in the pipe are in the
//! journal: no line is lost to a crash, and none is written twice. It does not look again
//! before then: a chatty service blocks on its full pipe while the journal catches up, as under
//! journald, and nothing is dropped. Asked to drain (its writer exited), a reader reads the
//! pipe to its last byte, puts that into the journal and says so (`Event::OutputDrained`):
//! the manager handles an exit only after the output written before it. Asked to stop
//! (`daemon-reexec`), a reader gives its pipe back instead.

use std::cell::RefCell;
use std::os::fd::{AsFd, OwnedFd};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use linger_ipc::manager::LogLine;
use tokio::sync::{Notify, mpsc, oneshot};

use crate::event::Event;
use crate::pipe_peek::Peeked;
use linger_journal::capture::{LineBatch, LineSplitter};

/// Everything a reader needs.
#[derive(Debug)]
pub struct Reader {
    /// The pipe's id.
    pub pipe: u64,
    /// Its read end.
    pub fd: OwnedFd,
    /// The process writing to it.
    pub pid: u32,
    /// `SYSLOG_IDENTIFIER=` of its lines.
    pub identifier: String,
    /// Honour `<N>` prefixes.
    pub level_prefix: bool,
    /// An incomplete line handed over from a previous reader.
    pub partial: Vec<u8>,
    /// The journal's submitter and this stream's fields.
    pub journal: Option<(linger_journal::Submitter, linger_journal::Stream)>,
    /// Woken when the journal's queue has room again.
    pub room: Arc<Notify>,
    /// Where lines and the end go.
    pub events: mpsc::UnboundedSender<Event>,
    /// Stop and give the pipe back.
    pub stop: oneshot::Receiver<()>,
    /// Read what the pipe holds now, then send `Event::OutputDrained`.
    pub drain: Arc<Notify>,
}

/// How long a full journal queue may block a service's output before lines are counted as
/// dropped (the journal reports them).
const JOURNAL_STALL: std::time::Duration = std::time::Duration::from_secs(2);

thread_local! {
    /// One read buffer for all pipes: reads never overlap on this single thread, and a buffer
    /// per service would cost 64 KiB × services of memory.
    static READ_BUF: RefCell<Vec<u8>> = RefCell::new(vec![0u8; 64 * 1024]);
}

/// Start reading.
pub fn spawn_reader(r: Reader) {
    tokio::task::spawn_local(read(r));
}

/// What one look at the pipe gave.
enum Chunk {
    /// Complete lines, and how many bytes at the head of the pipe they came from (to be
    /// consumed once the journal has written them; 0 when they were already taken out).
    Lines(LineBatch, usize),
    /// The pipe is empty now.
    Empty,
    /// The pipe is empty and nobody can write to it any more (or it failed).
    End,
}

async fn read(r: Reader) {
    let Reader {
        pipe,
        fd,
        pid,
        identifier,
        level_prefix,
        partial,
        journal,
        room,
        events,
        mut stop,
        drain,
    } = r;
    // The registration holds the fd; the closure that consumes bytes on the journal writer's
    // thread holds a share of it for a moment.
    // One ioctl, not F_GETFL + F_SETFL: a recovery of 500 services sets 500 pipes so.
    let nonblocking = rustix::io::ioctl_fionbio(&fd, true);
    let rx = match nonblocking
        .map_err(std::io::Error::from)
        .and_then(|()| crate::readiness::register_shared(Arc::new(fd)))
    {
        Ok(rx) => rx,
        Err(_) => {
            let _ = events.send(Event::OutputClosed { pipe });
            return;
        }
    };
    let mut buf = LineSplitter::new()
        .level_prefix(level_prefix)
        .with_pending(partial);
    let lines = Lines {
        pid,
        identifier: &identifier,
        journal: journal.as_ref(),
        room: &room,
    };
    'pipe: loop {
        let draining = tokio::select! {
            biased;
            _ = &mut stop => {
                // Nothing is awaiting a consume here: the pipe is ours alone again.
                let fd = Arc::try_unwrap(rx.into_inner()).ok();
                let _ = events.send(Event::OutputHandedBack { pipe, fd });
                return;
            }
            () = drain.notified() => true,
            ready = rx.readable() => match ready {
                Ok(mut guard) => {
                    // Only an empty pipe clears the readiness: the next wait is for a write
                    // (to an empty pipe, which always wakes the reader) or the pipe's end.
                    let looked = guard.try_io(|rx| match look(rx.get_ref(), &mut buf) {
                        Ok(Chunk::Empty) => Err(std::io::ErrorKind::WouldBlock.into()),
                        other => other,
                    });
                    match looked {
                        Ok(Ok(Chunk::Lines(batch, n))) => {
                            Box::pin(lines.emit(pipe, batch, rx.get_ref(), n, &buf, &events)).await;
                            false
                        }
                        Ok(Ok(Chunk::End) | Err(_)) => break,
                        Ok(Ok(Chunk::Empty)) | Err(_) => false,
                    }
                }
                Err(_) => break,
            },
        };
        // A drain reads to the last byte, asking the pipe itself (not the reactor's idea of
        // its readiness, which may not have seen the last write yet).
        if !draining {
            continue;
        }
        loop {
            match look(rx.get_ref(), &mut buf) {
                Ok(Chunk::Lines(batch, n)) => {
                    Box::pin(lines.emit(pipe, batch, rx.get_ref(), n, &buf, &events)).await
                }
                Ok(Chunk::Empty) => break,
                Ok(Chunk::End) | Err(_) => break 'pipe,
            }
        }
        let _ = events.send(Event::OutputDrained { pipe });
    }
    let mut batch = LineBatch::new();
    buf.finish(&mut |l| batch.push(l));
    Box::pin(lines.emit(pipe, batch, rx.get_ref(), 0, &buf, &events)).await;
    let _ = events.send(Event::OutputClosed { pipe });
}

/// One look at the head of the pipe: its complete lines, split off and left in the pipe until
/// the journal has them (the bytes after the last line end stay too: the next look starts
/// with them). A look that finds no line end at all takes the bytes out at once into the
/// splitter's incomplete line, so that a look never leaves the pipe holding bytes it will not
/// look at again without a new write: a writer that fills a pipe which was not empty wakes no
/// reader (edge-triggered readiness), and only an empty pipe clears the readiness. The price:
/// the beginning of a line still being written when the manager is killed is lost.
fn look(fd: &OwnedFd, buf: &mut LineSplitter) -> std::io::Result<Chunk> {
    READ_BUF.with_borrow_mut(|chunk| {
        let (n, taken) = loop {
            match crate::pipe_peek::peek(fd.as_fd(), chunk) {
                Ok(Peeked::Copied(n)) => break (n, false),
                Ok(Peeked::Taken(n)) => break (n, true),
                Ok(Peeked::End) => return Ok(Chunk::End),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return Ok(Chunk::Empty),
                Err(e) => return Err(e),
            }
        };
        let mut batch = LineBatch::new();
        if taken {
            buf.feed_batch(&chunk[..n], &mut batch);
            return Ok(Chunk::Lines(batch, 0));
        }
        if let Some(last) = memchr::memrchr2(b'\n', 0, &chunk[..n]) {
            buf.feed_batch(&chunk[..=last], &mut batch);
            return Ok(Chunk::Lines(batch, last + 1));
        }
        crate::pipe_peek::consume(fd.as_fd(), n)?;
        buf.feed_batch(&chunk[..n], &mut batch);
        Ok(Chunk::Lines(batch, 0))
    })
}

struct Lines<'a> {
    pid: u32,
    identifier: &'a str,
    journal: Option<&'a (linger_journal::Submitter, linger_journal::Stream)>,
    room: &'a Notify,
}

impl Lines<'_> {
    /// Put the complete lines of one look into the journal as one batch, take their `n` bytes
    /// out of the pipe once the journal has written them, then tell the manager (the lines
    /// only when it has no journal, for its in-memory tail: as many as it keeps). The pipe is not looked at again
    /// meanwhile, so a chatty service blocks on its pipe while the journal catches up, as
    /// under journald, and nothing is dropped.
    ///
    /// Callers await it boxed: its state (the batch, the journal's room and write waits with
    /// their timers) is most of a reader's, and held inline it made every reader task ~1.3 KB
    /// for its whole life — also those of services that never print a line.
    async fn emit(
        &self,
        pipe: u64,
        batch: LineBatch,
        fd: &Arc<OwnedFd>,
        n: usize,
        split: &LineSplitter,
        events: &mpsc::UnboundedSender<Event>,
    ) {
        // Without a journal the manager keeps the last lines for `status`; with one, `status`
        // reads them from the journal (logs.rs).
        let keep = if self.journal.is_some() {
            0
        } else {
            crate::logs::PER_UNIT
        };
        let realtime = crate::host::now().realtime;
        let tail = batch
            .iter()
            .skip(batch.len().saturating_sub(keep))
            .map(|l| LogLine {
                realtime,
                identifier: self.identifier.to_string(),
                pid: self.pid,
                priority: l.priority,
                message: String::from_utf8_lossy(l.message).into_owned(),
            })
            .collect();
        match self.journal {
            Some((sub, stream)) if !batch.is_empty() => {
                self.submit(sub, stream, batch, pipe, fd, n).await;
            }
            // Nothing to write (or no journal): the bytes can go at once.
            _ if n > 0 => {
                let _ = crate::pipe_peek::consume(fd.as_fd(), n);
            }
            _ => {}
        }
        let _ = events.send(Event::Output {
            pipe,
            lines: tail,
            pending: split.pending().to_vec(),
        });
    }

    /// Hand `item` to the journal's queue, waiting while it is full until the writer thread
    /// says it drained a batch. `Err` gives it back if the writer made no progress for
    /// [`JOURNAL_STALL`].
    async fn with_room<T>(
        &self,
        mut item: T,
        mut try_send: impl FnMut(T) -> Result<(), T>,
    ) -> Result<(), T> {
        loop {
            // Register before retrying, so a drain between the two is not missed.
            let drained = self.room.notified();
            tokio::pin!(drained);
            drained.as_mut().enable();
            match try_send(item) {
                Ok(()) => return Ok(()),
                Err(back) => item = back,
            }
            if tokio::time::timeout(JOURNAL_STALL, drained).await.is_err() {
                return Err(item);
            }
        }
    }

    /// Hand a batch to the journal, with the `n` bytes of the pipe it came from to be taken
    /// out once it is written (by the fd keeper, which a crash cannot interrupt between the
    /// two: see `keeper.rs`; else here), and wait for that. If the writer makes no progress
    /// for [`JOURNAL_STALL`], the bytes are taken out here: the lines are queued, and a stuck
    /// journal must not stall the service forever. Whichever side claims them first takes
    /// them out, once.
    async fn submit(
        &self,
        sub: &linger_journal::Submitter,
        stream: &linger_journal::Stream,
        batch: LineBatch,
        pipe: u64,
        fd: &Arc<OwnedFd>,
        n: usize,
    ) {
        let claimed = Arc::new(AtomicBool::new(false));
        let (done, taken) = oneshot::channel();
        let consume = (n > 0).then(|| linger_journal::Consume {
            source: pipe,
            bytes: n,
            claimed: Arc::clone(&claimed),
            done: Box::new(move |by_writer| {
                let _ = done.send(by_writer);
            }),
        });
        let take_here = || {
            if n > 0 && !claimed.swap(true, Ordering::AcqRel) {
                let _ = crate::pipe_peek::consume(fd.as_fd(), n);
            }
        };
        let queued = self
            .with_room((batch, consume), |(b, c)| {
                sub.try_submit_batch_consuming(stream, b, c)
            })
            .await;
        if let Err((batch, _)) = queued {
            // The queue stayed full: the lines are dropped (and counted), their bytes go.
            sub.submit_batch(stream, batch);
            take_here();
            return;
        }
        if n == 0 {
            return;
        }
        let mut taken = taken;
        match tokio::time::timeout(JOURNAL_STALL, &mut taken).await {
            Ok(Ok(true)) => {}
            // The writer's consumer did not take them (none, or it failed), or the writer is
            // gone.
            Ok(_) => take_here(),
            Err(_) => {
                if !claimed.swap(true, Ordering::AcqRel) {
                    let _ = crate::pipe_peek::consume(fd.as_fd(), n);
                    return;
                }
                // The writer has them: it is writing now, and says when it is done.
                if !matches!(taken.await, Ok(true)) {
                    take_here();
                }
            }
        }
    }
}
