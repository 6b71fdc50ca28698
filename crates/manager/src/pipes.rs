//! Service output pipes: one reader task per pipe owns it, splits what it reads into lines,
//! puts them into the journal (waiting when the journal's queue is full, so a chatty service
//! blocks on its pipe as under journald, and nothing is dropped) and reports them to the
//! manager as events for the in-memory tail. Asked to drain (its writer exited), a reader
//! reads the pipe to its last byte, puts that into the journal and says so
//! (`Event::OutputDrained`): the manager handles an exit only after the output written before
//! it. Asked to stop (`daemon-reexec`), a reader gives its pipe back instead.

use std::cell::RefCell;
use std::os::fd::OwnedFd;
use std::sync::Arc;

use linger_ipc::manager::LogLine;
use tokio::sync::{Notify, mpsc, oneshot};

use crate::event::Event;
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
    let Ok(rx) = tokio::net::unix::pipe::Receiver::from_owned_fd(fd) else {
        let _ = events.send(Event::OutputClosed { pipe });
        return;
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
                let fd = rx.into_nonblocking_fd().ok();
                let _ = events.send(Event::OutputHandedBack { pipe, fd });
                return;
            }
            () = drain.notified() => true,
            ready = rx.readable() => if ready.is_err() { break } else { false },
        };
        // A drain reads to the last byte, asking the pipe itself (not the reactor's idea of
        // its readiness, which may not have seen the last write yet); else one read.
        loop {
            // The lines of one read go to the journal as one batch, with one timestamp.
            let read = READ_BUF.with_borrow_mut(|chunk| {
                let n = if draining {
                    rustix::io::read(&rx, &mut chunk[..]).map_err(std::io::Error::from)
                } else {
                    rx.try_read(chunk)
                };
                match n {
                    Ok(0) => Ok(None),
                    Ok(n) => {
                        let mut batch = LineBatch::new();
                        buf.feed_batch(&chunk[..n], &mut batch);
                        Ok(Some(batch))
                    }
                    Err(e) => Err(e),
                }
            });
            match read {
                Ok(None) => break 'pipe,
                Ok(Some(complete)) => {
                    let lines = lines.emit(complete).await;
                    let pending = buf.pending().to_vec();
                    let _ = events.send(Event::Output {
                        pipe,
                        lines,
                        pending,
                    });
                    if !draining {
                        break;
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break 'pipe,
            }
        }
        if draining {
            let _ = events.send(Event::OutputDrained { pipe });
        }
    }
    let mut batch = LineBatch::new();
    buf.finish(&mut |l| batch.push(l));
    let rest = lines.emit(batch).await;
    let _ = events.send(Event::Output {
        pipe,
        lines: rest,
        pending: Vec::new(),
    });
    let _ = events.send(Event::OutputClosed { pipe });
}

struct Lines<'a> {
    pid: u32,
    identifier: &'a str,
    journal: Option<&'a (linger_journal::Submitter, linger_journal::Stream)>,
    room: &'a Notify,
}

impl Lines<'_> {
    /// Put the complete lines of one read into the journal, as one batch, with back-pressure:
    /// while the writer's queue is full this waits until the writer thread says it drained a
    /// batch (not reading the pipe meanwhile). Only if the writer makes no progress for
    /// [`JOURNAL_STALL`] are the lines counted as dropped. Returns the lines for the in-memory
    /// tail — only as many as it keeps.
    async fn emit(&self, batch: LineBatch) -> Vec<LogLine> {
        if batch.is_empty() {
            return Vec::new();
        }
        let realtime = crate::host::now().realtime;
        let out = batch
            .iter()
            .skip(batch.len().saturating_sub(crate::logs::PER_UNIT))
            .map(|l| LogLine {
                realtime,
                identifier: self.identifier.to_string(),
                pid: self.pid,
                priority: l.priority,
                message: String::from_utf8_lossy(l.message).into_owned(),
            })
            .collect();
        if let Some((sub, stream)) = self.journal {
            let mut batch = batch;
            loop {
                // Register before retrying, so a drain between the two is not missed.
                let drained = self.room.notified();
                tokio::pin!(drained);
                drained.as_mut().enable();
                match sub.try_submit_batch(stream, batch) {
                    Ok(()) => break,
                    Err(back) => batch = back,
                }
                if tokio::time::timeout(JOURNAL_STALL, drained).await.is_err() {
                    sub.submit_batch(stream, batch);
                    break;
                }
            }
        }
        out
    }
}
