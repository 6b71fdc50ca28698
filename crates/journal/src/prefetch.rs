//! Read-ahead for long forward walks: a second thread reads, checks (CRC) and decodes the
//! next blocks of a segment while the caller formats the current one.
//!
//! Why: a full scan (`journalctl | wc -l`) spends about a third of its time reading and
//! decoding blocks and the rest formatting entries; on two cores the two overlap. The walk
//! decides which blocks it will decode (the same tests it would apply one at a time) and
//! hands their list over; blocks come back in that order, `GROUP` at a time (one hand-over
//! per block made the two threads wake each other ~2,000 times in a 1 M-line scan), through
//! a channel of one group, so at most three groups are decoded ahead. The caller checks each
//! block it receives is the one it expects; anything unexpected (or the thread not starting)
//! makes it decode on its own thread, with identical results: [`BlockReader::decode`] is
//! `Segment::decode`.
//!
//! The thread only pays when a CPU is free to run it: on a busy machine it gains no time and
//! costs CPU (+20–50 % task-clock measured at load 13–21: the hand-over, and blocks decoded in
//! one core's cache formatted in another's). [`ReadAhead::Auto`] decides when the walk starts.

use std::collections::VecDeque;
use std::sync::mpsc::{Receiver, sync_channel};

use crate::error::Result;
use crate::store::segment::{BlockInfo, BlockReader, DecodedBlock};

/// Blocks handed over at once.
const GROUP: usize = 8;

/// Fewer blocks than this to walk are decoded on the caller's thread (starting a thread
/// costs more than it saves on short walks such as `-f`'s or a cursor's).
pub(crate) const MIN_BLOCKS: usize = 8;

/// When a long forward walk decodes ahead on a second thread.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ReadAhead {
    /// When it can overlap: two or more CPUs usable and, as a segment's walk starts, fewer
    /// runnable tasks on the machine than CPUs (/proc/loadavg; the walk itself is one of them).
    #[default]
    Auto,
    /// Whenever the walk is long enough (tests; benchmarks comparing the two).
    Always,
    /// Never: every block is decoded on the walking thread.
    Never,
}

impl ReadAhead {
    /// Whether to start the thread now.
    pub(crate) fn now(self) -> bool {
        match self {
            ReadAhead::Always => true,
            ReadAhead::Never => false,
            ReadAhead::Auto => a_cpu_is_idle(),
        }
    }
}

fn a_cpu_is_idle() -> bool {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    cpus >= 2
        && std::fs::read_to_string("/proc/loadavg")
            .ok()
            .and_then(|s| runnable(&s))
            .is_some_and(|r| r < cpus)
}

/// The runnable tasks now: the 4th field of /proc/loadavg ("running/total").
fn runnable(loadavg: &str) -> Option<usize> {
    loadavg
        .split_whitespace()
        .nth(3)?
        .split_once('/')?
        .0
        .parse()
        .ok()
}

/// Blocks being decoded ahead, in the order they will be asked for.
pub(crate) struct Prefetch {
    rx: Receiver<Vec<(u64, Result<DecodedBlock>)>>,
    /// The received group's blocks not taken yet.
    ready: VecDeque<(u64, Result<DecodedBlock>)>,
}

impl Prefetch {
    /// Starts decoding `blocks` (in this order) on a new thread; `None` if none could start.
    pub(crate) fn start(reader: BlockReader, blocks: Vec<BlockInfo>) -> Option<Prefetch> {
        let (tx, rx) = sync_channel(1);
        std::thread::Builder::new()
            .name("journal-read".into())
            .spawn(move || {
                for group in blocks.chunks(GROUP) {
                    let decoded = group.iter().map(|b| (b.start, reader.decode(b))).collect();
                    // The receiver is gone (walk ended or abandoned): stop.
                    if tx.send(decoded).is_err() {
                        return;
                    }
                }
            })
            .ok()?;
        Some(Prefetch {
            rx,
            ready: VecDeque::new(),
        })
    }

    /// The decoded block starting at `start`, if it is the next one this prefetch holds;
    /// `None` otherwise (the caller then decodes it itself and should drop the prefetch).
    pub(crate) fn take(&mut self, start: u64) -> Option<Result<DecodedBlock>> {
        if self.ready.is_empty() {
            self.ready.extend(self.rx.recv().ok()?);
        }
        match self.ready.pop_front()? {
            (s, d) if s == start => Some(d),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runnable_tasks_are_the_numerator_of_the_fourth_field() {
        assert_eq!(runnable("0.52 0.58 0.59 3/467 12345\n"), Some(3));
        assert_eq!(runnable("0.52 0.58 0.59"), None);
    }
}
