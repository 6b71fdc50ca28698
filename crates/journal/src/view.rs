//! A read-only view of an entry, as output formatting and `--grep` need it. Implemented by
//! entries read from segments ([`EntryRef`]) and by owned [`Entry`] values.

use crate::cursor::Cursor;
use crate::entry::Entry;
pub use crate::store::segment::KNOWN as KNOWN_FIELDS;
use crate::store::segment::{DecodedBlock, K_MESSAGE, Lits, RawEntry, Segment};

/// What output needs to know about an entry.
pub trait EntryView {
    /// Wall-clock time, µs.
    fn realtime_usec(&self) -> u64;
    /// Monotonic time, µs.
    fn monotonic_usec(&self) -> u64;
    /// Boot id.
    fn boot_id(&self) -> [u8; 16];
    /// The entry's cursor.
    fn cursor(&self) -> Cursor;
    /// First value of a field.
    fn get(&self, name: &str) -> Option<&[u8]>;
    /// First value of one of the fields output looks at for every entry (`KNOWN_FIELDS`).
    fn get_known(&self, k: usize) -> Option<&[u8]> {
        self.get(KNOWN_FIELDS[k])
    }
    /// Calls `f` for every field, in stored order.
    fn for_each_field<'a>(&'a self, f: &mut dyn FnMut(&'a str, &'a [u8]));
    /// A key equal for two entries only when their host, identifier and pid fields
    /// (`_HOSTNAME`, `SYSLOG_IDENTIFIER`, `_COMM`, `_PID`, `SYSLOG_PID`) are the same, so
    /// output can reuse what it formatted from them; `None` when unknown.
    fn origin(&self) -> Option<Origin> {
        None
    }
}

/// See [`EntryView::origin`]: a segment (seqnum id, first seqnum) and a context in it.
pub type Origin = ([u8; 16], u64, u32);

/// `KNOWN` fields that make up an entry's origin (see [`EntryView::origin`]).
const ORIGIN_FIELDS: u16 = 1 << crate::store::segment::K_SYSLOG_IDENTIFIER
    | 1 << crate::store::segment::K_COMM
    | 1 << crate::store::segment::K_PID
    | 1 << crate::store::segment::K_SYSLOG_PID
    | 1 << crate::store::segment::K_HOSTNAME;

/// An entry inside a segment (borrowed; valid during a [`crate::Journal::run`] callback).
#[derive(Clone, Copy)]
pub struct EntryRef<'a> {
    pub(crate) seg: &'a Segment,
    pub(crate) block: &'a DecodedBlock,
    pub(crate) e: &'a RawEntry,
}

impl std::fmt::Debug for EntryRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EntryRef")
            .field("seqnum", &self.e.seqnum)
            .field("realtime", &self.e.rt)
            .finish_non_exhaustive()
    }
}

impl<'a> EntryRef<'a> {
    /// Sequence number.
    pub fn seqnum(&self) -> u64 {
        self.e.seqnum
    }

    /// The id of the writer lineage that assigned the seqnum.
    pub fn seqnum_id(&self) -> [u8; 16] {
        self.seg.header.seqnum_id
    }

    #[inline]
    fn ctx_pairs(&self) -> impl Iterator<Item = (u32, &'a [u8])> + 'a {
        let dict: &'a crate::store::dict::Dict = &self.seg.dict;
        dict.ctx(self.e.ctx)
            .into_iter()
            .flat_map(move |c| c.iter().filter_map(move |&p| dict.pair(p)))
    }

    /// The literal fields (name id, value).
    #[inline]
    pub(crate) fn lits(&self) -> Lits<'a> {
        Lits::new(self.block, self.e)
    }

    /// First value of the field with id `nid`.
    #[inline]
    pub(crate) fn get_id(&self, nid: u32) -> Option<&'a [u8]> {
        // MESSAGE is never interned (see store::dict): look only at the entry's own fields.
        if Some(nid) == self.seg.known[0] {
            return self.lits().find(|(n, _)| *n == nid).map(|(_, v)| v);
        }
        if let Some((_, v)) = self.ctx_pairs().find(|(n, _)| *n == nid) {
            return Some(v);
        }
        self.lits().find(|(n, _)| *n == nid).map(|(_, v)| v)
    }

    /// First value of field `name`, borrowed from the segment.
    pub fn field(&self, name: &str) -> Option<&'a [u8]> {
        self.get_id(self.seg.name_id(name)?)
    }

    /// First value of field `name` when it is UTF-8.
    pub fn field_str(&self, name: &str) -> Option<&'a str> {
        std::str::from_utf8(self.field(name)?).ok()
    }

    /// All fields in stored order: interned ones first, then the entry's own.
    pub fn fields(&self) -> impl Iterator<Item = (&'a str, &'a [u8])> + 'a {
        let names = &self.seg.dict.names;
        let name = move |n: u32| names.get(n as usize).map_or("", |s| &**s);
        self.ctx_pairs()
            .map(move |(n, v)| (name(n), v))
            .chain(self.lits().map(move |(n, v)| (name(n), v)))
    }

    /// An owned copy.
    pub fn to_entry(&self) -> Entry {
        Entry {
            realtime_usec: self.e.rt,
            monotonic_usec: self.e.mono,
            boot_id: self.block.boot_id,
            seqnum: self.e.seqnum,
            fields: self
                .fields()
                .map(|(n, v)| (n.to_owned(), v.to_vec()))
                .collect(),
        }
    }
}

impl EntryView for EntryRef<'_> {
    fn realtime_usec(&self) -> u64 {
        self.e.rt
    }
    fn monotonic_usec(&self) -> u64 {
        self.e.mono
    }
    fn boot_id(&self) -> [u8; 16] {
        self.block.boot_id
    }
    fn cursor(&self) -> Cursor {
        Cursor {
            seqnum_id: self.seg.header.seqnum_id,
            seqnum: self.e.seqnum,
            boot_id: self.block.boot_id,
            monotonic_usec: self.e.mono,
            realtime_usec: self.e.rt,
        }
    }
    fn get(&self, name: &str) -> Option<&[u8]> {
        self.field(name)
    }
    #[inline]
    fn get_known(&self, k: usize) -> Option<&[u8]> {
        // Same answer as `get_id`: the context's value first, then the literal fields.
        let nid = self.seg.known[k]?;
        if k != K_MESSAGE
            && let Some(p) = self
                .block
                .known_pair(self.e.ctx, k, &self.seg.dict, &self.seg.known)
        {
            return self.seg.dict.pair(p).map(|(_, v)| v);
        }
        if self.block.lit_known & (1 << k) == 0 {
            return None;
        }
        self.lits().find(|(n, _)| *n == nid).map(|(_, v)| v)
    }
    fn for_each_field<'b>(&'b self, f: &mut dyn FnMut(&'b str, &'b [u8])) {
        for (n, v) in self.fields() {
            f(n, v);
        }
    }
    #[inline]
    fn origin(&self) -> Option<Origin> {
        // Context ids are stable within a segment file, and the fields come from the context
        // alone unless the block has some of them as literal fields.
        (self.block.lit_known & ORIGIN_FIELDS == 0).then_some((
            self.seg.header.seqnum_id,
            self.seg.header.first_seqnum,
            self.e.ctx,
        ))
    }
}

impl EntryView for Entry {
    fn realtime_usec(&self) -> u64 {
        self.realtime_usec
    }
    fn monotonic_usec(&self) -> u64 {
        self.monotonic_usec
    }
    fn boot_id(&self) -> [u8; 16] {
        self.boot_id
    }
    fn cursor(&self) -> Cursor {
        Cursor {
            seqnum_id: [0; 16],
            seqnum: self.seqnum,
            boot_id: self.boot_id,
            monotonic_usec: self.monotonic_usec,
            realtime_usec: self.realtime_usec,
        }
    }
    fn get(&self, name: &str) -> Option<&[u8]> {
        self.field(name)
    }
    fn for_each_field<'a>(&'a self, f: &mut dyn FnMut(&'a str, &'a [u8])) {
        for (n, v) in &self.fields {
            f(n, v);
        }
    }
}
