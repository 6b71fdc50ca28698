//! One pipe on which every child started with [`crate::spawn_reporting`] reports the setup
//! step that failed, instead of a pipe per child.
//!
//! A manager running 10,000 services cannot afford a second fd per service kept until the
//! service exits (its hard open-file limit may be 20,000). A failing child writes one
//! `[pid, stage, errno]` record (9 bytes: below `PIPE_BUF`, so never interleaved) before it
//! exits; the parent reads the records when it reaps children. A child that succeeds writes
//! nothing: its copy of the write end closes on `execve`.

use std::collections::HashMap;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};

use rustix::pipe::{PipeFlags, pipe_with};

use crate::spec::Stage;

/// Size of one record: pid (4 bytes, native order), stage (1), errno (4).
pub(crate) const RECORD: usize = 9;

/// The shared report pipe and the reports read from it but not yet asked for.
#[derive(Debug)]
pub struct ExecReports {
    /// (read, write); None if the pipe could not be made (then children report by exit
    /// status only).
    pipe: Option<(OwnedFd, OwnedFd)>,
    /// Bytes of a record split across two reads.
    partial: Vec<u8>,
    pending: HashMap<u32, (Stage, i32)>,
}

impl Default for ExecReports {
    fn default() -> Self {
        ExecReports::new()
    }
}

impl ExecReports {
    /// A new pipe (both ends close-on-exec and non-blocking: a child never waits on a full
    /// pipe — its exit status still names the stage — and the parent never waits to read).
    pub fn new() -> ExecReports {
        ExecReports {
            pipe: pipe_with(PipeFlags::CLOEXEC | PipeFlags::NONBLOCK).ok(),
            partial: Vec::new(),
            pending: HashMap::new(),
        }
    }

    /// The write end the child reports on (-1: none; the child's write then just fails).
    pub(crate) fn write_fd(&self) -> RawFd {
        self.pipe.as_ref().map_or(-1, |(_, w)| w.as_raw_fd())
    }

    /// The failed step of child `pid`, if it reported one. Call it once `pid` has exited:
    /// its report, written before its exit, is then in the pipe.
    pub fn take(&mut self, pid: u32) -> Option<(Stage, i32)> {
        self.drain();
        self.pending.remove(&pid)
    }

    fn drain(&mut self) {
        let Some((read, _)) = &self.pipe else {
            return;
        };
        let mut buf = [0u8; 4096];
        while let Ok(n @ 1..) = rustix::io::read(read, &mut buf) {
            self.partial.extend_from_slice(&buf[..n]);
        }
        let whole = self.partial.len() - self.partial.len() % RECORD;
        for r in self.partial[..whole].chunks_exact(RECORD) {
            let pid = u32::from_ne_bytes([r[0], r[1], r[2], r[3]]);
            let errno = i32::from_ne_bytes([r[5], r[6], r[7], r[8]]);
            if let Some(stage) = Stage::from_code(r[4]) {
                self.pending.insert(pid, (stage, errno));
            }
        }
        self.partial.drain(..whole);
    }
}
