//! Decoding a block's entries (timestamps, seqnums, contexts) and their literal fields.

use super::dict::Dict;
use super::format::{self, Parsed};
use super::segment::{BlockInfo, DecodedBlock, RawEntry};
use crate::varint;

/// Decodes the frames of one block (`data` starts at its BLOCK_START).
pub(crate) fn decode_block(data: Vec<u8>, b: &BlockInfo, dict: &Dict) -> DecodedBlock {
    let mut out = DecodedBlock {
        data: Vec::new(),
        boot_id: b.bs.boot_id,
        entries: Vec::with_capacity(b.entries as usize),
        corrupt: 0,
        ctx_known: std::cell::RefCell::new(Vec::new()),
        lit_known: u16::MAX,
    };
    let (mut rt, mut mono, mut seq) = (b.bs.rt, b.bs.mono, b.bs.seqnum);
    let mut pos = 0usize;
    let n_ctx = dict.n_ctxs() as u64;
    while pos < data.len() {
        match format::parse_frame(&data, pos) {
            Parsed::Frame {
                kind,
                payload,
                next,
            } => {
                if kind == format::ENTRY {
                    let base = next - payload.len() - 4;
                    let mut p = 0;
                    let parsed = (|| {
                        let drt = varint::unzigzag(varint::get(payload, &mut p)?);
                        let dm = varint::unzigzag(varint::get(payload, &mut p)?);
                        let ctx = varint::get(payload, &mut p)?;
                        Some((drt, dm, ctx))
                    })();
                    match parsed {
                        Some((drt, dm, ctx)) if ctx < n_ctx => {
                            rt = rt.wrapping_add(drt as u64);
                            mono = mono.wrapping_add(drt.wrapping_add(dm) as u64);
                            out.entries.push(RawEntry {
                                rt,
                                mono,
                                seqnum: seq,
                                ctx: ctx as u32,
                                lit_start: (base + p) as u32,
                                lit_end: (base + payload.len()) as u32,
                            });
                        }
                        _ => out.corrupt += 1,
                    }
                    seq += 1;
                }
                pos = next;
            }
            Parsed::Corrupt { next: Some(n), .. } => {
                // The lost entry still used a sequence number; timestamps of the following
                // entries are deltas and may be off, so the rest of the block is dropped.
                out.corrupt += 1;
                let _ = n;
                break;
            }
            Parsed::Truncated | Parsed::Corrupt { next: None, .. } => {
                out.corrupt += 1;
                break;
            }
        }
    }
    out.data = data;
    out
}

/// Iterates the literal fields `(name id, value)` encoded in `data` (an entry's literal
/// section); stops at the first malformed field.
#[derive(Debug, Clone)]
pub(crate) struct Lits<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Lits<'a> {
    /// The literal fields encoded in `data`.
    #[inline]
    pub(crate) fn from_bytes(data: &'a [u8]) -> Self {
        Lits { data, pos: 0 }
    }

    #[inline]
    pub(crate) fn new(block: &'a DecodedBlock, e: &RawEntry) -> Self {
        Lits {
            data: block
                .data
                .get(e.lit_start as usize..e.lit_end as usize)
                .unwrap_or(&[]),
            pos: 0,
        }
    }
}

impl<'a> Iterator for Lits<'a> {
    type Item = (u32, &'a [u8]);
    #[inline]
    fn next(&mut self) -> Option<(u32, &'a [u8])> {
        if self.pos >= self.data.len() {
            return None;
        }
        let name = varint::get(self.data, &mut self.pos)?;
        let len = varint::get(self.data, &mut self.pos)? as usize;
        let v = self.data.get(self.pos..self.pos.checked_add(len)?);
        match v {
            Some(v) => {
                self.pos += len;
                Some((u32::try_from(name).ok()?, v))
            }
            None => {
                self.pos = self.data.len();
                None
            }
        }
    }
}
