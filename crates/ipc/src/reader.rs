//! A server's side of the framing: NUL-terminated frames read from a Unix stream whose peer
//! is not trusted. Three bounds hold whatever the peer does:
//!
//! - a frame larger than the reader's limit ends the connection ([`FrameError::TooLarge`]),
//!   before more than the limit (plus one read) is buffered;
//! - a frame begun must be finished within the reader's deadline ([`FrameError::Timeout`]): a
//!   peer that sends half a message and waits does not keep the buffer for ever;
//! - memory is given back: an idle connection holds no buffer at all, and a large frame's
//!   buffer leaves with the frame instead of staying at its high-water mark.
//!
//! [`FrameBuf`] is the splitting without I/O (tests and the fuzz target drive it);
//! [`FrameReader`] feeds it from the socket.

use std::time::Duration;

use tokio::net::unix::OwnedReadHalf;
use tokio::time::Instant;

use crate::frame::FrameError;

/// How much one read asks for.
const CHUNK: usize = 16 * 1024;

/// Bytes received and not handed out yet, split into frames at each NUL.
#[derive(Debug)]
pub struct FrameBuf {
    buf: Vec<u8>,
    /// How far `buf` is known to hold no NUL.
    scanned: usize,
    limit: usize,
}

impl FrameBuf {
    /// A buffer for frames of up to `limit` bytes.
    pub fn new(limit: usize) -> FrameBuf {
        FrameBuf {
            buf: Vec::new(),
            scanned: 0,
            limit,
        }
    }

    /// Bytes held (the start of a frame not complete yet).
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    /// Whether nothing is held.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// The memory held for it (an idle buffer holds none).
    pub fn capacity(&self) -> usize {
        self.buf.capacity()
    }

    /// How many bytes the next read may add: one chunk, never more than one past the limit.
    pub fn room(&self) -> usize {
        CHUNK.min((self.limit + 1).saturating_sub(self.buf.len()))
    }

    /// The vector to read into, with [`FrameBuf::room`] reserved.
    pub fn to_fill(&mut self) -> &mut Vec<u8> {
        let room = self.room();
        self.buf.reserve_exact(room);
        &mut self.buf
    }

    /// Add received bytes (what a read into [`FrameBuf::to_fill`] does), at most
    /// [`FrameBuf::room`] of them.
    pub fn extend(&mut self, bytes: &[u8]) {
        let n = bytes.len().min(self.room());
        self.buf.extend_from_slice(&bytes[..n]);
    }

    /// Drop the buffer's memory if it holds nothing (after a read that brought nothing).
    pub fn release_if_empty(&mut self) {
        if self.buf.is_empty() {
            self.buf = Vec::new();
        }
    }

    /// The next complete frame (without its NUL), if one is held; what follows it stays, in a
    /// buffer of its own size. `TooLarge` once more than the limit is held without a NUL.
    pub fn take_frame(&mut self) -> Result<Option<Vec<u8>>, FrameError> {
        // The standard library's NUL search (memchr, optimized even in debug builds).
        let found = std::ffi::CStr::from_bytes_until_nul(&self.buf[self.scanned..])
            .ok()
            .map(|c| c.to_bytes().len());
        let Some(found) = found else {
            self.scanned = self.buf.len();
            if self.buf.len() > self.limit {
                return Err(FrameError::TooLarge(self.limit));
            }
            return Ok(None);
        };
        let at = self.scanned + found;
        if at > self.limit {
            return Err(FrameError::TooLarge(self.limit));
        }
        let rest = self.buf[at + 1..].to_vec();
        let mut frame = std::mem::replace(&mut self.buf, rest);
        frame.truncate(at);
        self.scanned = 0;
        Ok(Some(frame))
    }
}

/// Reads frames from the read half of a Unix stream.
#[derive(Debug)]
pub struct FrameReader {
    inner: OwnedReadHalf,
    frames: FrameBuf,
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
            frames: FrameBuf::new(limit),
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
        self.frames.len()
    }

    /// Wait until there is something to read (a frame's first bytes, a hangup, an error),
    /// without reading it: a server may then take its turn before the frame is read.
    pub async fn ready(&self) -> std::io::Result<()> {
        if self.frames.is_empty() {
            self.inner.readable().await
        } else {
            Ok(())
        }
    }

    /// The next frame, without its NUL. Errors end the connection: [`FrameError::Closed`] when
    /// the peer hung up (a cut-off frame is dropped), `TooLarge`, `Timeout`, `Io`.
    pub async fn next(&mut self) -> Result<Vec<u8>, FrameError> {
        loop {
            if let Some(frame) = self.frames.take_frame()? {
                self.started = (!self.frames.is_empty()).then(Instant::now);
                return Ok(frame);
            }
            // Wait for data without holding a buffer: idle connections cost no memory.
            match self.started {
                Some(t) => tokio::time::timeout_at(t + self.deadline, self.inner.readable())
                    .await
                    .map_err(|_| FrameError::Timeout(self.deadline))??,
                None => self.inner.readable().await?,
            }
            match self.inner.try_read_buf(self.frames.to_fill()) {
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
            self.frames.release_if_empty();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(limit: usize, chunks: &[&[u8]]) -> (Vec<Vec<u8>>, Option<String>, FrameBuf) {
        let mut b = FrameBuf::new(limit);
        let mut out = Vec::new();
        for c in chunks {
            let mut rest: &[u8] = c;
            while !rest.is_empty() {
                let n = rest.len().min(b.room());
                b.extend(&rest[..n]);
                rest = &rest[n..];
                loop {
                    match b.take_frame() {
                        Ok(Some(f)) => out.push(f),
                        Ok(None) => break,
                        Err(e) => return (out, Some(e.to_string()), b),
                    }
                }
            }
        }
        (out, None, b)
    }

    #[test]
    fn frames_whatever_the_chunks() {
        let (f, e, b) = split(100, &[b"ab\0c", b"d\0\0e", b"f"]);
        assert_eq!(f, [b"ab".to_vec(), b"cd".to_vec(), Vec::new()]);
        assert_eq!(e, None);
        assert_eq!(b.len(), 2, "\"ef\" waits for its NUL");
    }

    #[test]
    fn the_limit_ends_it_before_more_is_held() {
        let big = vec![b'x'; 1 << 20];
        let (f, e, b) = split(1000, &[b"ok\0", &big]);
        assert_eq!(f, [b"ok".to_vec()]);
        assert_eq!(e.as_deref(), Some("message larger than 1000 bytes"));
        assert!(b.len() <= 1001, "{} bytes held", b.len());
        // A frame of exactly the limit is fine; one byte more is not.
        let exact = [vec![b'y'; 1000], vec![0]].concat();
        assert_eq!(split(1000, &[&exact]).0.len(), 1);
        let over = [vec![b'y'; 1001], vec![0]].concat();
        assert!(split(1000, &[&over]).1.is_some());
    }

    #[test]
    fn memory_goes_with_the_frame() {
        let mut b = FrameBuf::new(1 << 20);
        for _ in 0..16 {
            b.to_fill().extend_from_slice(&[b'z'; CHUNK]);
        }
        b.to_fill().push(0);
        assert!(b.capacity() >= 16 * CHUNK);
        assert_eq!(b.take_frame().unwrap().map(|f| f.len()), Some(16 * CHUNK));
        b.release_if_empty();
        assert_eq!(b.capacity(), 0, "an idle buffer holds nothing");
    }
}
