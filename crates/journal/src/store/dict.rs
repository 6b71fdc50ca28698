//! Per-segment dictionaries: field names, (name, value) pairs and contexts (lists of pairs).
//!
//! Most fields of a service's lines never change (`_PID`, `_COMM`, `_SYSTEMD_USER_UNIT`, …):
//! they are stored once per segment as pairs, and a line refers to the whole set through one
//! context id. Only `MESSAGE` and other varying or long values are stored in the entry itself.

use std::collections::HashMap;

use crate::entry::fields;
use crate::varint;

/// Values longer than this are stored literally: they are unlikely to repeat.
const MAX_INTERNED_VALUE: usize = 128;
/// At most this many pairs per segment; later new pairs are stored literally.
const MAX_PAIRS: u32 = 1 << 16;
/// The writer rotates when a segment's dictionary reaches these sizes.
const MAX_NAMES: u32 = 60_000;
const MAX_CTXS: u32 = 1 << 18;
const MAX_DICT_BYTES: usize = 16 << 20;

/// Fields that vary with nearly every entry and are therefore never interned.
fn always_literal(name: &str) -> bool {
    matches!(
        name,
        fields::MESSAGE
            | fields::SOURCE_REALTIME_TIMESTAMP
            | fields::SOURCE_MONOTONIC_TIMESTAMP
            | fields::SYSLOG_TIMESTAMP
    )
}

/// The writer's side: interning maps plus the definitions not yet written in a DICT frame.
#[derive(Debug, Default)]
pub(crate) struct DictWriter {
    names: HashMap<Box<str>, u32>,
    /// Per name id: value → pair id.
    pairs: Vec<HashMap<Box<[u8]>, u32>>,
    n_pairs: u32,
    ctxs: HashMap<Box<[u32]>, u32>,
    bytes: usize,
    pend_names: (u32, u32, Vec<u8>),
    pend_pairs: (u32, u32, Vec<u8>),
    pend_ctxs: (u32, u32, Vec<u8>),
    /// Offset of the newest DICT frame in the segment.
    pub last_dict: Option<u64>,
}

impl DictWriter {
    pub(crate) fn new() -> Self {
        DictWriter {
            pend_ctxs: (1, 0, Vec::new()),
            ..Default::default()
        }
    }

    /// True when the segment should be rotated to keep dictionaries bounded.
    pub(crate) fn is_full(&self) -> bool {
        self.names.len() as u32 >= MAX_NAMES
            || self.ctxs.len() as u32 >= MAX_CTXS
            || self.bytes >= MAX_DICT_BYTES
    }

    pub(crate) fn name_id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.names.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.insert(name.into(), id);
        self.pairs.push(HashMap::new());
        if self.pend_names.1 == 0 {
            self.pend_names.0 = id;
        }
        self.pend_names.1 += 1;
        varint::put(&mut self.pend_names.2, name.len() as u64);
        self.pend_names.2.extend_from_slice(name.as_bytes());
        self.bytes += name.len() + 16;
        id
    }

    /// The pair id of `(name, value)`, or `None` when the field should be stored literally.
    /// `force` interns long values and ignores the pair limit (stream fields: constant).
    pub(crate) fn pair_id(
        &mut self,
        name: &str,
        name_id: u32,
        value: &[u8],
        force: bool,
    ) -> Option<u32> {
        if always_literal(name) || (!force && value.len() > MAX_INTERNED_VALUE) {
            return None;
        }
        let map = self.pairs.get_mut(name_id as usize)?;
        if let Some(&id) = map.get(value) {
            return Some(id);
        }
        if self.n_pairs >= MAX_PAIRS && !force {
            return None;
        }
        let id = self.n_pairs;
        self.n_pairs += 1;
        map.insert(value.into(), id);
        if self.pend_pairs.1 == 0 {
            self.pend_pairs.0 = id;
        }
        self.pend_pairs.1 += 1;
        varint::put(&mut self.pend_pairs.2, u64::from(name_id));
        varint::put(&mut self.pend_pairs.2, value.len() as u64);
        self.pend_pairs.2.extend_from_slice(value);
        self.bytes += value.len() + 48;
        Some(id)
    }

    /// The context id of a list of pairs (0 for the empty list).
    pub(crate) fn ctx_id(&mut self, pairs: &[u32]) -> u32 {
        if pairs.is_empty() {
            return 0;
        }
        if let Some(&id) = self.ctxs.get(pairs) {
            return id;
        }
        let id = self.ctxs.len() as u32 + 1;
        self.ctxs.insert(pairs.into(), id);
        if self.pend_ctxs.1 == 0 {
            self.pend_ctxs.0 = id;
        }
        self.pend_ctxs.1 += 1;
        varint::put(&mut self.pend_ctxs.2, pairs.len() as u64);
        for &p in pairs {
            varint::put(&mut self.pend_ctxs.2, u64::from(p));
        }
        self.bytes += pairs.len() * 8 + 48;
        id
    }

    pub(crate) fn has_pending(&self) -> bool {
        self.pend_names.1 + self.pend_pairs.1 + self.pend_ctxs.1 > 0
    }

    /// Encodes the pending definitions as a DICT payload and clears them.
    pub(crate) fn take_payload(&mut self, out: &mut Vec<u8>) {
        varint::put(out, self.last_dict.map_or(0, |o| o + 1));
        let next_ctx = self.ctxs.len() as u32 + 1;
        let n_names = self.names.len() as u32;
        let n_pairs = self.n_pairs;
        for (pend, next) in [
            (&mut self.pend_names, n_names),
            (&mut self.pend_pairs, n_pairs),
            (&mut self.pend_ctxs, next_ctx),
        ] {
            let base = if pend.1 == 0 { next } else { pend.0 };
            varint::put(out, u64::from(base));
            varint::put(out, u64::from(pend.1));
            out.extend_from_slice(&pend.2);
            *pend = (0, 0, Vec::new());
        }
    }
}

/// The reader's side: what the DICT frames of a segment define. Values and contexts live in
/// two flat arrays (a dictionary of 10,000 units' pairs was 30,000 allocations to make and
/// free for one `systemctl status`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dict {
    pub names: Vec<Box<str>>,
    /// Per pair: its name id and the end of its value in `values` (it starts where the
    /// previous pair's ends).
    pairs: Vec<(u32, u32)>,
    values: Vec<u8>,
    /// Per context: the end of its pair ids in `ctx_pairs`; context 0 is the empty one.
    ctxs: Vec<u32>,
    ctx_pairs: Vec<u32>,
}

impl Default for Dict {
    fn default() -> Self {
        Dict {
            names: Vec::new(),
            pairs: Vec::new(),
            values: Vec::new(),
            ctxs: vec![0],
            ctx_pairs: Vec::new(),
        }
    }
}

/// The previous-DICT link of a DICT payload.
pub(crate) fn dict_prev(payload: &[u8]) -> Option<Option<u64>> {
    let mut pos = 0;
    Some(varint::get(payload, &mut pos)?.checked_sub(1))
}

impl Dict {
    /// Pair `p`: its name id and value.
    #[inline]
    pub(crate) fn pair(&self, p: u32) -> Option<(u32, &[u8])> {
        let &(name, end) = self.pairs.get(p as usize)?;
        let start = match p {
            0 => 0,
            _ => self.pairs[p as usize - 1].1,
        };
        Some((name, &self.values[start as usize..end as usize]))
    }

    /// Every pair, by id.
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (u32, &[u8])> + '_ {
        let mut start = 0usize;
        self.pairs.iter().map(move |&(name, end)| {
            let v = &self.values[start..end as usize];
            start = end as usize;
            (name, v)
        })
    }

    #[cfg(test)]
    pub(crate) fn n_pairs(&self) -> usize {
        self.pairs.len()
    }

    /// The pair ids of context `c`.
    #[inline]
    pub(crate) fn ctx(&self, c: u32) -> Option<&[u32]> {
        let end = *self.ctxs.get(c as usize)? as usize;
        let start = match c {
            0 => 0,
            _ => self.ctxs[c as usize - 1] as usize,
        };
        Some(&self.ctx_pairs[start..end])
    }

    /// Every context, by id.
    pub(crate) fn ctxs(&self) -> impl Iterator<Item = &[u32]> + '_ {
        (0..self.ctxs.len() as u32).map(|c| self.ctx(c).unwrap_or(&[]))
    }

    pub(crate) fn n_ctxs(&self) -> usize {
        self.ctxs.len()
    }

    /// Applies one DICT payload. Frames must come oldest first; a frame already applied is
    /// skipped, a gap or a dangling reference is an error.
    pub(crate) fn apply(&mut self, payload: &[u8]) -> Result<(), &'static str> {
        const BAD: &str = "malformed dictionary record";
        let mut pos = 0;
        let g = |pos: &mut usize| varint::get(payload, pos).ok_or(BAD);
        g(&mut pos)?;
        // Names.
        let base = g(&mut pos)? as usize;
        let n = g(&mut pos)? as usize;
        if n > payload.len() {
            return Err(BAD);
        }
        for i in 0..n {
            let len = g(&mut pos)? as usize;
            let bytes = payload.get(pos..pos + len).ok_or(BAD)?;
            pos += len;
            let name = std::str::from_utf8(bytes).map_err(|_| BAD)?;
            match (base + i).cmp(&self.names.len()) {
                std::cmp::Ordering::Less => {}
                std::cmp::Ordering::Equal => self.names.push(name.into()),
                std::cmp::Ordering::Greater => return Err("gap in dictionary"),
            }
        }
        // Pairs.
        let base = g(&mut pos)? as usize;
        let n = g(&mut pos)? as usize;
        if n > payload.len() {
            return Err(BAD);
        }
        for i in 0..n {
            let name = g(&mut pos)?;
            let len = g(&mut pos)? as usize;
            let value = payload.get(pos..pos + len).ok_or(BAD)?;
            pos += len;
            if name as usize >= self.names.len() {
                return Err("dictionary refers to an unknown field name");
            }
            match (base + i).cmp(&self.pairs.len()) {
                std::cmp::Ordering::Less => {}
                std::cmp::Ordering::Equal => {
                    self.values.extend_from_slice(value);
                    let end = u32::try_from(self.values.len()).map_err(|_| BAD)?;
                    self.pairs.push((name as u32, end));
                }
                std::cmp::Ordering::Greater => return Err("gap in dictionary"),
            }
        }
        // Contexts.
        let base = g(&mut pos)? as usize;
        let n = g(&mut pos)? as usize;
        if n > payload.len() {
            return Err(BAD);
        }
        for i in 0..n {
            let k = g(&mut pos)? as usize;
            if k > payload.len() {
                return Err(BAD);
            }
            let new = match (base + i).cmp(&self.ctxs.len()) {
                std::cmp::Ordering::Less => false,
                std::cmp::Ordering::Equal => true,
                std::cmp::Ordering::Greater => return Err("gap in dictionary"),
            };
            for _ in 0..k {
                let id = g(&mut pos)?;
                if id as usize >= self.pairs.len() {
                    if new {
                        // Undo the part of the context pushed so far.
                        let start = self.ctxs.last().copied().unwrap_or(0) as usize;
                        self.ctx_pairs.truncate(start);
                    }
                    return Err("dictionary refers to an unknown pair");
                }
                if new {
                    self.ctx_pairs.push(id as u32);
                }
            }
            if new {
                let end = u32::try_from(self.ctx_pairs.len()).map_err(|_| BAD)?;
                self.ctxs.push(end);
            }
        }
        Ok(())
    }

    /// The id of a field name, if the segment has it.
    pub(crate) fn name_id(&self, name: &str) -> Option<u32> {
        self.names
            .iter()
            .position(|n| &**n == name)
            .map(|i| i as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writer_and_reader_agree() {
        let mut w = DictWriter::new();
        let unit = w.name_id("_SYSTEMD_USER_UNIT");
        let msg = w.name_id("MESSAGE");
        let p1 = w.pair_id("_SYSTEMD_USER_UNIT", unit, b"web.service", false);
        assert_eq!(w.pair_id("MESSAGE", msg, b"hi", false), None);
        assert_eq!(w.pair_id("X", unit, &[b'x'; 200], false), None);
        let c = w.ctx_id(&[p1.unwrap_or_default()]);
        assert_eq!(c, 1);
        assert_eq!(w.ctx_id(&[]), 0);
        let mut payload = Vec::new();
        w.take_payload(&mut payload);
        assert!(!w.has_pending());
        let mut d = Dict::default();
        assert_eq!(d.apply(&payload), Ok(()));
        assert_eq!(d.apply(&payload), Ok(()), "idempotent");
        assert_eq!(&*d.names[1], "MESSAGE");
        assert_eq!(d.pair(0), Some((0, &b"web.service"[..])));
        assert_eq!(d.ctx(1), Some(&[0][..]));
        assert_eq!(d.ctx(0), Some(&[][..]));
        // A second frame continues the ids.
        let p2 = w
            .pair_id("_SYSTEMD_USER_UNIT", unit, b"db.service", false)
            .unwrap_or_default();
        assert_eq!(w.ctx_id(&[p2]), 2);
        let mut payload2 = Vec::new();
        w.take_payload(&mut payload2);
        assert_eq!(d.apply(&payload2), Ok(()));
        assert_eq!(d.n_ctxs(), 3);
        assert_eq!(d.ctx(2), Some(&[1][..]));
        assert_eq!(d.pair(1), Some((0, &b"db.service"[..])));
        assert_eq!(d.pairs().count(), 2);
        assert!(Dict::default().apply(&payload2).is_err());
    }
}
