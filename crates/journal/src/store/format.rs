//! The on-disk layout of a segment file.
//!
//! ```text
//! header (64 bytes): magic "LNGRJNL\x01", header length, flags, seqnum id (16), first seqnum,
//!                    creation time, open-block hint (rewritten in place), CRC32 of bytes 0..48
//! frames:            varint LEN | u8 KIND | payload (LEN-1 bytes) | u32 CRC32(KIND+payload)
//!   DICT        new field names, (name, value) pairs and contexts (lists of pairs);
//!               ids are per segment; links to the previous DICT frame
//!   BLOCK_START absolute realtime, monotonic, seqnum and boot id of the block's first entry
//!   ENTRY       zigzag realtime delta, zigzag (monotonic delta - realtime delta), context id,
//!               then literal fields (name id, length, bytes); seqnum = previous + 1
//!   BLOCK_END   summary (entry count, seqnum, time range, contexts and literal names used,
//!               newest DICT), followed by a u32 with the frame's total length so that a
//!               reader can walk blocks backwards from the end
//! ```
//! Every frame is CRC-checked on its own, so a torn tail loses only the incomplete frame.

use crate::varint;

/// File magic, including the format version in its last byte.
pub(crate) const MAGIC: [u8; 8] = *b"LNGRJNL\x01";
/// Size of the fixed header.
pub(crate) const HEADER_LEN: u64 = 64;
/// Offset of the open-block hint inside the header.
pub(crate) const HINT_OFFSET: u64 = 48;
/// Largest frame accepted (a bound on what a corrupt length can make a reader allocate).
pub(crate) const MAX_FRAME: usize = 32 << 20;
/// File name suffix of segments.
pub const SEGMENT_SUFFIX: &str = ".lj";

/// Frame kinds.
pub(crate) const DICT: u8 = 1;
pub(crate) const BLOCK_START: u8 = 2;
pub(crate) const ENTRY: u8 = 3;
pub(crate) const BLOCK_END: u8 = 4;

/// The fixed segment header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Header {
    pub seqnum_id: [u8; 16],
    pub first_seqnum: u64,
    pub created_rt: u64,
    /// Offset of the newest BLOCK_START the writer announced (0: unknown, scan from the start).
    pub hint: u64,
}

impl Header {
    pub(crate) fn encode(&self) -> [u8; HEADER_LEN as usize] {
        let mut b = [0u8; HEADER_LEN as usize];
        b[..8].copy_from_slice(&MAGIC);
        b[8..12].copy_from_slice(&(HEADER_LEN as u32).to_le_bytes());
        b[16..32].copy_from_slice(&self.seqnum_id);
        b[32..40].copy_from_slice(&self.first_seqnum.to_le_bytes());
        b[40..48].copy_from_slice(&self.created_rt.to_le_bytes());
        b[48..56].copy_from_slice(&self.hint.to_le_bytes());
        let crc = crate::crc::crc32(&b[..48]);
        b[56..60].copy_from_slice(&crc.to_le_bytes());
        b
    }

    pub(crate) fn decode(b: &[u8]) -> Result<Header, &'static str> {
        if b.len() < HEADER_LEN as usize {
            return Err("file shorter than the header");
        }
        if b[..7] != MAGIC[..7] {
            return Err("bad magic");
        }
        if b[7] != MAGIC[7] {
            return Err("unsupported format version");
        }
        if crate::crc::crc32(&b[..48]).to_le_bytes() != b[56..60] {
            return Err("header checksum mismatch");
        }
        let u64_at = |o: usize| u64::from_le_bytes(b[o..o + 8].try_into().unwrap_or_default());
        let mut seqnum_id = [0u8; 16];
        seqnum_id.copy_from_slice(&b[16..32]);
        Ok(Header {
            seqnum_id,
            first_seqnum: u64_at(32),
            created_rt: u64_at(40),
            hint: u64_at(48),
        })
    }
}

/// Appends one frame.
pub(crate) fn push_frame(out: &mut Vec<u8>, kind: u8, payload: &[u8]) {
    varint::put(out, payload.len() as u64 + 1);
    out.push(kind);
    out.extend_from_slice(payload);
    let mut h = crate::crc::Crc::new();
    h.update(&[kind]);
    h.update(payload);
    out.extend_from_slice(&h.finalize().to_le_bytes());
}

/// Appends a BLOCK_END frame and its length trailer.
pub(crate) fn push_block_end(out: &mut Vec<u8>, payload: &[u8]) {
    let start = out.len();
    push_frame(out, BLOCK_END, payload);
    let total = (out.len() - start + 4) as u32;
    out.extend_from_slice(&total.to_le_bytes());
}

/// Result of parsing the frame at some position.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Parsed<'a> {
    /// A valid frame; `next` is where the following frame starts (after a BLOCK_END's trailer).
    Frame {
        kind: u8,
        payload: &'a [u8],
        next: usize,
    },
    /// The buffer ends inside the frame (a torn tail, or a read that raced the writer).
    Truncated,
    /// The frame is damaged; `next` is where the following frame would start if the length
    /// field is still plausible.
    Corrupt {
        reason: &'static str,
        next: Option<usize>,
    },
}

/// Parses the frame starting at `pos`.
pub(crate) fn parse_frame(buf: &[u8], pos: usize) -> Parsed<'_> {
    let mut p = pos;
    let Some(len) = varint::get(buf, &mut p) else {
        return if buf.len() - pos.min(buf.len()) < 10 {
            Parsed::Truncated
        } else {
            Parsed::Corrupt {
                reason: "bad record length",
                next: None,
            }
        };
    };
    let len = len as usize;
    if len == 0 || len > MAX_FRAME {
        return Parsed::Corrupt {
            reason: "bad record length",
            next: None,
        };
    }
    let end = p + len + 4;
    if end > buf.len() {
        return Parsed::Truncated;
    }
    let kind = buf[p];
    let body = &buf[p..p + len];
    let crc = &buf[p + len..end];
    let mut next = end;
    if kind == BLOCK_END {
        next += 4;
        if next > buf.len() {
            return Parsed::Truncated;
        }
    }
    let mut h = crate::crc::Crc::new();
    h.update(body);
    if h.finalize().to_le_bytes() != crc {
        return Parsed::Corrupt {
            reason: "checksum mismatch",
            next: Some(next),
        };
    }
    if !(DICT..=BLOCK_END).contains(&kind) {
        return Parsed::Corrupt {
            reason: "unknown record type",
            next: Some(next),
        };
    }
    Parsed::Frame {
        kind,
        payload: &body[1..],
        next,
    }
}

/// The first entry's absolute values of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BlockStart {
    pub rt: u64,
    pub mono: u64,
    pub seqnum: u64,
    pub boot_id: [u8; 16],
}

impl BlockStart {
    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        varint::put(out, self.rt);
        varint::put(out, self.mono);
        varint::put(out, self.seqnum);
        out.extend_from_slice(&self.boot_id);
    }

    pub(crate) fn decode(p: &[u8]) -> Option<BlockStart> {
        let mut pos = 0;
        let rt = varint::get(p, &mut pos)?;
        let mono = varint::get(p, &mut pos)?;
        let seqnum = varint::get(p, &mut pos)?;
        let boot_id: [u8; 16] = p.get(pos..pos + 16)?.try_into().ok()?;
        Some(BlockStart {
            rt,
            mono,
            seqnum,
            boot_id,
        })
    }
}

/// What a BLOCK_END records about its block.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct BlockSummary {
    /// Distance from the BLOCK_START frame to the BLOCK_END frame.
    pub back: u64,
    pub entries: u64,
    pub first_seqnum: u64,
    pub min_rt: u64,
    pub max_rt: u64,
    /// Offset of the newest DICT frame written before this point, if any.
    pub last_dict: Option<u64>,
    /// Sorted context ids used by the block's entries.
    pub ctxs: Vec<u32>,
    /// Sorted name ids of literal fields used by the block's entries.
    pub lit_names: Vec<u32>,
}

impl BlockSummary {
    pub(crate) fn encode(&self, out: &mut Vec<u8>) {
        varint::put(out, self.back);
        varint::put(out, self.entries);
        varint::put(out, self.first_seqnum);
        varint::put(out, self.min_rt);
        varint::put(out, self.max_rt.saturating_sub(self.min_rt));
        varint::put(out, self.last_dict.map_or(0, |o| o + 1));
        for list in [&self.ctxs, &self.lit_names] {
            varint::put(out, list.len() as u64);
            let mut prev = 0u32;
            for &id in list {
                varint::put(out, u64::from(id - prev));
                prev = id;
            }
        }
    }

    pub(crate) fn decode(p: &[u8]) -> Option<BlockSummary> {
        let mut pos = 0;
        let mut g = || varint::get(p, &mut pos);
        let back = g()?;
        let entries = g()?;
        let first_seqnum = g()?;
        let min_rt = g()?;
        let max_rt = min_rt.checked_add(g()?)?;
        let last_dict = g()?.checked_sub(1);
        let mut lists = [Vec::new(), Vec::new()];
        for list in &mut lists {
            let n = g()? as usize;
            if n > p.len() {
                return None;
            }
            let mut prev = 0u32;
            for _ in 0..n {
                prev = prev.checked_add(u32::try_from(g()?).ok()?)?;
                list.push(prev);
            }
        }
        let [ctxs, lit_names] = lists;
        Some(BlockSummary {
            back,
            entries,
            first_seqnum,
            min_rt,
            max_rt,
            last_dict,
            ctxs,
            lit_names,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_frames() {
        let h = Header {
            seqnum_id: [7; 16],
            first_seqnum: 5,
            created_rt: 99,
            hint: 64,
        };
        let b = h.encode();
        assert_eq!(Header::decode(&b), Ok(h));
        let mut bad = b;
        bad[20] ^= 1;
        assert_eq!(Header::decode(&bad), Err("header checksum mismatch"));
        let mut out = Vec::new();
        push_frame(&mut out, ENTRY, b"abc");
        let s = BlockSummary {
            back: 9,
            entries: 2,
            first_seqnum: 1,
            min_rt: 5,
            max_rt: 8,
            last_dict: Some(64),
            ctxs: vec![1, 4],
            lit_names: vec![0],
        };
        let mut p = Vec::new();
        s.encode(&mut p);
        assert_eq!(BlockSummary::decode(&p), Some(s));
        push_block_end(&mut out, &p);
        let Parsed::Frame {
            kind: ENTRY,
            payload: b"abc",
            next,
        } = parse_frame(&out, 0)
        else {
            panic!()
        };
        let Parsed::Frame {
            kind: BLOCK_END,
            next: end,
            ..
        } = parse_frame(&out, next)
        else {
            panic!()
        };
        assert_eq!(end, out.len());
        let trailer = u32::from_le_bytes(out[end - 4..].try_into().unwrap_or_default()) as usize;
        assert_eq!(end - trailer, next);
        assert_eq!(parse_frame(&out[..next - 1], 0), Parsed::Truncated);
        out[3] ^= 0x20;
        assert!(matches!(
            parse_frame(&out, 0),
            Parsed::Corrupt {
                reason: "checksum mismatch",
                next: Some(_)
            }
        ));
    }
}
