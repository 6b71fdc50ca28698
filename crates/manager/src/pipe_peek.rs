//! Reading a service's output pipe without taking the bytes out of it: `peek` copies the head
//! of the pipe (`tee(2)` into one scratch pipe per thread, then a read of that), and `consume`
//! removes bytes once the journal has written them. So a manager killed by SIGKILL between
//! reading lines and the journal's commit leaves them in the pipe (which the keeper holds),
//! and the next manager reads them again: nothing a service printed is lost to a crash.

use std::io;
use std::os::fd::{BorrowedFd, OwnedFd};

use rustix::pipe::SpliceFlags;

/// The two ends of a pipe that holds nothing between two calls of [`peek`].
struct Scratch {
    read: OwnedFd,
    write: OwnedFd,
}

thread_local! {
    /// One scratch pipe for all readers of this thread: a peek copies into it and reads it
    /// empty again within one synchronous call, so readers never share its content.
    static SCRATCH: Option<Scratch> = rustix::pipe::pipe_with(
        rustix::pipe::PipeFlags::CLOEXEC | rustix::pipe::PipeFlags::NONBLOCK,
    )
    .ok()
    .map(|(read, write)| Scratch { read, write });
    /// Where consumed bytes go, moved by the kernel without a copy.
    static DEV_NULL: Option<OwnedFd> = rustix::fs::open(
        "/dev/null",
        rustix::fs::OFlags::WRONLY | rustix::fs::OFlags::CLOEXEC,
        rustix::fs::Mode::empty(),
    )
    .ok();
}

/// What a [`peek`] found at the head of the pipe.
#[derive(Debug, PartialEq, Eq)]
pub enum Peeked {
    /// This many bytes, copied and still in the pipe.
    Copied(usize),
    /// This many bytes, read out of the pipe (no scratch pipe could be made: the old way).
    Taken(usize),
    /// The pipe is empty and no process holds its write end any more.
    End,
}

/// Copies up to `buf.len()` bytes from the head of `pipe` into `buf`, leaving them in the
/// pipe. `WouldBlock` when it is empty.
pub fn peek(pipe: BorrowedFd<'_>, buf: &mut [u8]) -> io::Result<Peeked> {
    SCRATCH.with(|scratch| {
        let Some(s) = scratch else {
            return match rustix::io::read(pipe, buf)? {
                0 => Ok(Peeked::End),
                n => Ok(Peeked::Taken(n)),
            };
        };
        let n = rustix::pipe::tee(pipe, &s.write, buf.len(), SpliceFlags::NONBLOCK)?;
        if n == 0 {
            return Ok(Peeked::End);
        }
        // The scratch pipe holds exactly those n bytes now; take them all out.
        let mut got = 0;
        while got < n {
            match rustix::io::read(&s.read, &mut buf[got..n]) {
                Ok(0) => break,
                Ok(k) => got += k,
                Err(rustix::io::Errno::INTR) => {}
                Err(e) => {
                    empty(&s.read);
                    return Err(e.into());
                }
            }
        }
        Ok(Peeked::Copied(got))
    })
}

/// Reads a scratch pipe empty after a failed read, so the next peek starts clean.
fn empty(read: &OwnedFd) {
    let mut sink = [0u8; 4096];
    while matches!(rustix::io::read(read, &mut sink), Ok(k) if k > 0) {}
}

/// Removes the first `n` bytes of `pipe` — bytes a [`peek`] returned as `Copied` — without
/// blocking: they are in the pipe, and only the peeking reader consumes it.
pub fn consume(pipe: BorrowedFd<'_>, n: usize) -> io::Result<()> {
    DEV_NULL.with(|null| {
        let mut left = n;
        while left > 0 {
            let moved = match null {
                Some(null) => {
                    rustix::pipe::splice(pipe, None, null, None, left, SpliceFlags::NONBLOCK)
                }
                None => {
                    let mut sink = [0u8; 8192];
                    let k = left.min(sink.len());
                    rustix::io::read(pipe, &mut sink[..k])
                }
            };
            match moved {
                Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
                Ok(k) => left -= k,
                Err(rustix::io::Errno::INTR) => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::AsFd;

    fn pipe() -> (OwnedFd, OwnedFd) {
        rustix::pipe::pipe_with(rustix::pipe::PipeFlags::NONBLOCK).expect("pipe")
    }

    #[test]
    fn peeked_bytes_stay_in_the_pipe_until_consumed() {
        let (r, w) = pipe();
        rustix::io::write(&w, b"one\ntwo\n").expect("write");
        let mut buf = [0u8; 64];
        assert_eq!(peek(r.as_fd(), &mut buf).expect("peek"), Peeked::Copied(8));
        assert_eq!(&buf[..8], b"one\ntwo\n");
        // Still there: a second peek sees the same bytes.
        let mut again = [0u8; 64];
        assert_eq!(
            peek(r.as_fd(), &mut again).expect("peek"),
            Peeked::Copied(8)
        );
        consume(r.as_fd(), 4).expect("consume");
        assert_eq!(peek(r.as_fd(), &mut buf).expect("peek"), Peeked::Copied(4));
        assert_eq!(&buf[..4], b"two\n");
        consume(r.as_fd(), 4).expect("consume");
        let empty = peek(r.as_fd(), &mut buf).expect_err("empty pipe");
        assert_eq!(empty.kind(), io::ErrorKind::WouldBlock);
        drop(w);
        assert_eq!(peek(r.as_fd(), &mut buf).expect("peek"), Peeked::End);
    }

    #[test]
    fn a_peek_copies_no_more_than_the_buffer_holds() {
        let (r, w) = pipe();
        rustix::io::write(&w, &[b'x'; 1000]).expect("write");
        let mut buf = [0u8; 100];
        assert_eq!(
            peek(r.as_fd(), &mut buf).expect("peek"),
            Peeked::Copied(100)
        );
        consume(r.as_fd(), 100).expect("consume");
        let mut rest = [0u8; 2000];
        assert_eq!(
            peek(r.as_fd(), &mut rest).expect("peek"),
            Peeked::Copied(900)
        );
    }
}
