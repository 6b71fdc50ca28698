//! The private socket's two halves as zbus uses them, with the fast path in front.
//!
//! Reading ahead: zbus asks a socket for a message's 16-byte fixed header and then for the
//! rest, two `recvmsg` calls per message when the socket reads exactly what is asked. Here one
//! `recvmsg` takes whatever the kernel has (up to [`READ_AHEAD`] bytes: usually the whole
//! call, or several pipelined ones), and the asks are served from it.
//!
//! Answering in front: once the authentication is over (the client's `BEGIN` line), each
//! message is looked at before zbus gets it. A state read the manager's published states
//! answer (fast.rs, taken apart by wire.rs) is answered right here, on zbus's reader task,
//! and zbus never sees it: no message parsed by zbus, no task woken, no reply built by zbus —
//! one `recvmsg`, one `sendmsg`. Only when every message zbus was given before has been
//! answered (`handled`, counted by private.rs, equals `passed`), so a read never overtakes a
//! call sent before it; and only when no reply of zbus's is being written (the write half's
//! lock), so replies never interleave. Everything else goes to zbus, unchanged.
//!
//! File descriptors (SCM_RIGHTS) come with the last byte of the read that brought them: the
//! kernel ends a read with the part of a message that carried descriptors, so that byte is
//! that message's and zbus, which gathers descriptors over the reads that make up a message,
//! gives them to the right one. A read that brought descriptors is left to zbus whole.

use std::os::fd::{BorrowedFd, OwnedFd};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use linger_manager::Requests;
use zbus::connection::socket::{ReadHalf, Split, WriteHalf};
use zbus::fdo::ConnectionCredentials;

use crate::fast::{Answer, Ask};
use crate::wire;

/// Bytes read at once at most.
pub const READ_AHEAD: usize = 16 * 1024;

/// What the two halves and the connection's loop (private.rs) share.
#[derive(Debug, Default)]
pub struct Shared {
    /// Messages handed to zbus.
    passed: AtomicU64,
    /// Messages the connection's loop has answered (or dropped): private.rs counts them.
    handled: AtomicU64,
}

impl Shared {
    /// The connection's loop is done with one more message.
    pub fn handled_one(&self) {
        self.handled.fetch_add(1, Ordering::Release);
    }

    fn all_handled(&self) -> bool {
        self.handled.load(Ordering::Acquire) == self.passed.load(Ordering::Acquire)
    }
}

type Writer = Arc<tokio::sync::Mutex<tokio::net::unix::OwnedWriteHalf>>;

/// A Unix stream's read half with a read-ahead buffer and the fast path.
#[derive(Debug)]
pub struct ReadAhead {
    inner: tokio::net::unix::OwnedReadHalf,
    buf: Box<[u8]>,
    start: usize,
    end: usize,
    fds: Vec<OwnedFd>,
    /// Still in the authentication (lines), and the current line's bytes so far.
    sasl: Option<Vec<u8>>,
    /// Bytes of the message zbus is being given still to give (0: at a message's start).
    left: usize,
    /// The published states (None: no fast path, the peer is not our user).
    requests: Option<Requests>,
    shared: Arc<Shared>,
    writer: Writer,
    /// The serial of the fast path's last reply (its own range: zbus counts from 1).
    serial: u32,
}

/// The write half: zbus's writes, each whole message under the lock the fast path takes too.
#[derive(Debug)]
pub struct WriteLocked(Writer);

/// `stream` split for zbus, with the fast path for `requests`' published states.
pub fn split(
    stream: tokio::net::UnixStream,
    requests: Option<Requests>,
    shared: Arc<Shared>,
) -> Split<Box<dyn ReadHalf>, Box<dyn WriteHalf>> {
    let (read, write) = stream.into_split();
    let writer = Arc::new(tokio::sync::Mutex::new(write));
    let read = ReadAhead {
        inner: read,
        buf: vec![0; READ_AHEAD].into_boxed_slice(),
        start: 0,
        end: 0,
        fds: Vec::new(),
        sasl: Some(Vec::new()),
        left: 0,
        requests,
        shared,
        writer: writer.clone(),
        serial: 1 << 31,
    };
    Split::new(Box::new(read), Box::new(WriteLocked(writer)))
}

impl ReadAhead {
    /// Read more from the socket into the buffer, after what it holds (moved to the front
    /// when the rest would not fit); 0 at the end of the stream.
    async fn fill(&mut self) -> std::io::Result<usize> {
        if self.start == self.end {
            self.start = 0;
            self.end = 0;
        } else if self.end == self.buf.len() {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        let (n, fds) = self.inner.recvmsg(&mut self.buf[self.end..]).await?;
        self.end += n;
        self.fds.extend(fds);
        Ok(n)
    }

    /// At a message's start: answer the messages the fast path can, and return how long the
    /// next one is, to hand to zbus (None: the stream ended meanwhile). Waits for more to
    /// read as zbus's own read would.
    async fn next_for_zbus(&mut self) -> std::io::Result<Option<usize>> {
        loop {
            while self.end - self.start < wire::FIXED {
                if self.fill().await? == 0 {
                    return Ok(None);
                }
            }
            let Some(total) = wire::total_len(&self.buf[self.start..self.end]) else {
                // Not a message zbus can read either: it says so and closes.
                return Ok(Some(self.end - self.start));
            };
            if total > self.buf.len() || !self.fds.is_empty() {
                return Ok(Some(total));
            }
            while self.end - self.start < total {
                if self.fill().await? == 0 {
                    return Ok(None);
                }
            }
            if !self.answer(total).await? {
                return Ok(Some(total));
            }
            self.start += total;
        }
    }

    /// Answer the whole message at `start` (`total` bytes) here if the fast path can.
    async fn answer(&mut self, total: usize) -> std::io::Result<bool> {
        let Some(requests) = &self.requests else {
            return Ok(false);
        };
        if !self.shared.all_handled() {
            return Ok(false);
        }
        let Some(call) = wire::parse_call(&self.buf[self.start..self.start + total]) else {
            return Ok(false);
        };
        let ask = Ask {
            path: call.path,
            iface: call.iface,
            member: call.member,
            args: &call.args,
        };
        let Some(answer) = crate::fast::answer(requests, &ask) else {
            return Ok(false);
        };
        // A reply of zbus's being written: leave this one to zbus too (never wait here).
        let Ok(mut writer) = self.writer.clone().try_lock_owned() else {
            return Ok(false);
        };
        self.serial = self.serial.checked_add(1).unwrap_or(1 << 31);
        let value = match &answer {
            Answer::Path(p) => wire::Value::Path(p),
            Answer::Str(s) => wire::Value::Str(s),
        };
        let reply = wire::method_return(self.serial, call.serial, value);
        let mut at = 0;
        while at < reply.len() {
            at += writer.sendmsg(&reply[at..], &[]).await?;
        }
        Ok(true)
    }
}

#[async_trait::async_trait]
impl ReadHalf for ReadAhead {
    async fn recvmsg(&mut self, out: &mut [u8]) -> std::io::Result<(usize, Vec<OwnedFd>)> {
        if out.is_empty() {
            return Ok((0, Vec::new()));
        }
        if self.sasl.is_none() && self.left == 0 {
            match self.next_for_zbus().await? {
                Some(total) => {
                    self.left = total;
                    self.shared.passed.fetch_add(1, Ordering::AcqRel);
                }
                None => return Ok((0, std::mem::take(&mut self.fds))),
            }
        }
        if self.start == self.end {
            // A large ask (the rest of a big message) is read in place.
            if out.len() >= self.buf.len() && self.left >= out.len() {
                let (n, fds) = self.inner.recvmsg(out).await?;
                self.left -= n;
                return Ok((n, fds));
            }
            if self.fill().await? == 0 {
                return Ok((0, std::mem::take(&mut self.fds)));
            }
        }
        let mut n = out.len().min(self.end - self.start);
        if let Some(line) = &mut self.sasl {
            // One line at a time, so that zbus's handshake never takes a message's bytes.
            let chunk = &self.buf[self.start..self.start + n];
            if let Some(lf) = chunk.iter().position(|b| *b == b'\n') {
                n = lf + 1;
            }
            line.extend_from_slice(&self.buf[self.start..self.start + n]);
            if line.ends_with(b"\n") {
                let text = line.strip_prefix(b"\0").unwrap_or(line);
                let begin = text == b"BEGIN\r\n";
                line.clear();
                if begin {
                    self.sasl = None;
                }
            } else if line.len() > 16 * 1024 {
                // zbus refuses such a line anyway; stop keeping it.
                line.clear();
            }
        } else {
            n = n.min(self.left);
            self.left -= n;
        }
        out[..n].copy_from_slice(&self.buf[self.start..self.start + n]);
        self.start += n;
        let fds = if self.start == self.end {
            std::mem::take(&mut self.fds)
        } else {
            Vec::new()
        };
        Ok((n, fds))
    }

    fn can_pass_unix_fd(&self) -> bool {
        true
    }

    async fn peer_credentials(&mut self) -> std::io::Result<ConnectionCredentials> {
        self.inner.peer_credentials().await
    }
}

#[async_trait::async_trait]
impl WriteHalf for WriteLocked {
    async fn send_message(&mut self, msg: &zbus::Message) -> zbus::Result<()> {
        use std::os::fd::AsFd;
        let data = msg.data();
        let mut writer = self.0.lock().await;
        let mut at = 0;
        while at < data.len() {
            let fds: Vec<BorrowedFd<'_>> = if at == 0 {
                data.fds().iter().map(|f| f.as_fd()).collect()
            } else {
                Vec::new()
            };
            at += writer.sendmsg(&data[at..], &fds).await?;
        }
        Ok(())
    }

    async fn sendmsg(&mut self, buffer: &[u8], fds: &[BorrowedFd<'_>]) -> std::io::Result<usize> {
        self.0.lock().await.sendmsg(buffer, fds).await
    }

    async fn close(&mut self) -> std::io::Result<()> {
        self.0.lock().await.close().await
    }

    fn can_pass_unix_fd(&self) -> bool {
        true
    }

    async fn peer_credentials(&mut self) -> std::io::Result<ConnectionCredentials> {
        self.0.lock().await.peer_credentials().await
    }
}
