//! A fixed number of cells, each set once, whose memory is made a chunk at a time when a cell
//! is first asked for.
//!
//! Why: a segment's dictionary table lists every DICT frame (2,000 in a journal of 500
//! units), and a reader keeps two cells per frame (its bytes, its definitions) of which a
//! `-u X -n 100` uses a handful. Cells made up front were ~300 KB to zero and fault in: a
//! fifth of that command's page faults and more CPU than the frames it read.

use std::sync::OnceLock;

/// Cells per chunk.
const CHUNK: usize = 32;

/// One chunk's cells.
type Chunk<T> = Box<[OnceLock<T>]>;

/// `len` cells of `T`, set once each (as `OnceLock`s, so that the owner stays `Sync`).
#[derive(Debug)]
pub(crate) struct OnceSlots<T> {
    len: usize,
    chunks: Box<[OnceLock<Chunk<T>>]>,
}

impl<T> OnceSlots<T> {
    /// `len` cells, none set; no chunk is made yet.
    pub(crate) fn new(len: usize) -> Self {
        OnceSlots {
            len,
            chunks: (0..len.div_ceil(CHUNK)).map(|_| OnceLock::new()).collect(),
        }
    }

    /// Cell `i` (its chunk is made on first use); `None` past the end.
    pub(crate) fn get(&self, i: usize) -> Option<&OnceLock<T>> {
        if i >= self.len {
            return None;
        }
        let chunk = self.chunks.get(i / CHUNK)?.get_or_init(|| {
            let n = CHUNK.min(self.len - i / CHUNK * CHUNK);
            (0..n).map(|_| OnceLock::new()).collect()
        });
        chunk.get(i % CHUNK)
    }

    /// How many cells are set (without making any chunk).
    #[cfg(test)]
    pub(crate) fn count_set(&self) -> usize {
        self.chunks
            .iter()
            .filter_map(OnceLock::get)
            .flat_map(|c| c.iter())
            .filter(|c| c.get().is_some())
            .count()
    }

    /// How many chunks were made.
    #[cfg(test)]
    fn chunks_made(&self) -> usize {
        self.chunks.iter().filter(|c| c.get().is_some()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cells are independent, keep their values, and only the chunks of cells asked for
    /// are made; asking past the end gives nothing.
    #[test]
    fn cells_are_made_by_the_chunk_when_asked_for() {
        let s: OnceSlots<usize> = OnceSlots::new(2 * CHUNK + 3);
        assert_eq!(s.chunks_made(), 0);
        for i in [0, 5, 2 * CHUNK + 2] {
            assert_eq!(s.get(i).map(|c| *c.get_or_init(|| i * 10)), Some(i * 10));
        }
        assert_eq!(s.get(5).and_then(OnceLock::get), Some(&50));
        assert_eq!(s.get(6).and_then(OnceLock::get), None);
        assert_eq!(s.count_set(), 3);
        assert_eq!(s.chunks_made(), 2, "the middle chunk was never asked for");
        assert!(s.get(2 * CHUNK + 3).is_none());
        assert!(OnceSlots::<u8>::new(0).get(0).is_none());
    }
}
