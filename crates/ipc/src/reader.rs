//! A server's side of the framing: NUL-terminated frames read from a Unix stream whose peer
//! is not trusted. Three bounds hold whatever the peer does:
//!
//! - a frame larger than the reader's limit ends the connection ([`FrameError::TooLarge`]),
//!   before more than the limit (plus one read) is buffered;
//! - a frame begun must be finished within the reader's deadline ([`FrameError::Timeout`]): a
//!   peer that sends half a message and waits does not keep the buffer for ever;
//! - memory is given back: an idle connection holds no buffer at all, and a large frame's
//!   buffer leaves with the frame instead of staying at its high-water mark.

use std::time::Duration;

use tokio::net::unix::OwnedReadHalf;
use tokio::time::Instant;

use crate::frame::FrameError;

/// How much one read asks for.
const CHUNK: usize = 16 * 1024;

/// Reads frames from the read half of a Unix stream.
#[derive(Debug)]
pub struct FrameReader {
    inner: OwnedReadHalf,
    /// Bytes received and not yet handed out (the start of the next frame, if any).
    buf: Vec<u8>,
    /// How far `buf` is known to hold no NUL.
    scanned: usize,
    limit: usize,
    deadline: Duration,
    /// When the first byte of the pending frame arrived.
    started: Option<Instant>,
}

impl FrameReader {
    /// A reader accepting frames of up to `limit` bytes, each to be completed within `deadline`
    /// of its first byte.
    pub fn new(inner: OwnedReadHalf, limit: usize, deadline: Duration) -> FrameReader {
        FrameReader {
            inner,
            buf: Vec::new(),
            scanned: 0,
            limit,
            deadline,
            started: None,
        }
    }

    /// The read half back (what is buffered is dropped).
    pub fn into_inner(self) -> OwnedReadHalf {
        self.inner
    }

    /// Bytes held for a frame not complete yet (0 for an idle connection).
    pub fn buffered(&self) -> usize {
        self.buf.len()
    }

    /// The next frame, without its NUL. Errors end the connection: [`FrameError::Closed`] when
    /// the peer hung up (a cut-off frame is dropped), `TooLarge`, `Timeout`, `Io`.
    pub async fn next(&mut self) -> Result<Vec<u8>, FrameError> {
        loop {
            if let Some(frame) = self.take_frame() {
                return Ok(frame);
            }
            if self.buf.len() > self.limit {
                return Err(FrameError::TooLarge(self.limit));
            }
            // Wait for data without holding a buffer: idle connections cost no memory.
            match self.started {
                Some(t) => tokio::time::timeout_at(t + self.deadline, self.inner.readable())
                    .await
                    .map_err(|_| FrameError::Timeout(self.deadline))??,
                None => self.inner.readable().await?,
            }
            // Room for one chunk, never much more than the reader may hold: the read fills
            // what is reserved here at most.
            let room = CHUNK.min(self.limit + 1 - self.buf.len());
            self.buf.reserve_exact(room);
            match self.inner.try_read_buf(&mut self.buf) {
                Ok(0) => return Err(FrameError::Closed),
                Ok(_) => {
                    self.started.get_or_insert_with(Instant::now);
                }
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::Interrupted
                    ) => {}
                Err(e) => return Err(e.into()),
            }
            if self.buf.is_empty() {
                // Nothing arrived after all: an idle connection holds no buffer.
                self.buf = Vec::new();
            }
        }
    }

    /// A complete frame out of the buffer, if one is there; what follows it stays, in a buffer
    /// of its own size.
    fn take_frame(&mut self) -> Option<Vec<u8>> {
        // The standard library's NUL search (memchr, optimized even in debug builds).
        let found = std::ffi::CStr::from_bytes_until_nul(&self.buf[self.scanned..])
            .ok()
            .map(|c| c.to_bytes().len());
        let Some(found) = found else {
            self.scanned = self.buf.len();
            return None;
        };
        let at = self.scanned + found;
        let rest = self.buf[at + 1..].to_vec();
        let mut frame = std::mem::replace(&mut self.buf, rest);
        frame.truncate(at);
        self.scanned = 0;
        self.started = (!self.buf.is_empty()).then(Instant::now);
        Some(frame)
    }
}
