//! Knowledge of the journal's segment layout (crates/journal/src/store/format.rs) that the
//! fuzz target needs to get past the checksums: it only rewrites them, it decodes nothing.

/// Size of the fixed header, and where its CRC of bytes 0..48 is stored.
const HEADER_LEN: usize = 64;
const HEADER_CRC: std::ops::Range<usize> = 56..60;
const MAGIC: &[u8; 8] = b"LNGRJNL\x01";
const DICT: u8 = 1;
const BLOCK_END: u8 = 4;

/// Gives `bytes` a valid magic and header checksum, then walks the frames
/// (`varint LEN | KIND | payload | CRC32`, a BLOCK_END followed by its total length) and
/// rewrites each checksum and trailer, stopping at the first length that does not fit.
pub fn fix_checksums(bytes: &mut [u8]) {
    if bytes.len() < HEADER_LEN {
        return;
    }
    bytes[..8].copy_from_slice(MAGIC);
    let crc = crc32fast::hash(&bytes[..48]);
    bytes[HEADER_CRC].copy_from_slice(&crc.to_le_bytes());
    let mut pos = HEADER_LEN;
    while pos < bytes.len() {
        let start = pos;
        let Some(end) = frame_end(bytes, &mut pos) else {
            return;
        };
        let crc = crc32fast::hash(&bytes[pos..end]);
        bytes[end..end + 4].copy_from_slice(&crc.to_le_bytes());
        let mut next = end + 4;
        if bytes[pos] == BLOCK_END {
            if next + 4 > bytes.len() {
                return;
            }
            let total = (next + 4 - start) as u32;
            bytes[next..next + 4].copy_from_slice(&total.to_le_bytes());
            next += 4;
        }
        pos = next;
    }
}

/// The frame whose length varint is at `*pos`: moves `*pos` to its KIND byte and returns where
/// its payload ends (its CRC32 follows), or None when the length is 0 or does not fit.
fn frame_end(bytes: &[u8], pos: &mut usize) -> Option<usize> {
    let len = varint(bytes, pos)?;
    usize::try_from(len)
        .ok()
        .filter(|&l| l > 0)
        .and_then(|l| pos.checked_add(l))
        .filter(|&e| e + 4 <= bytes.len())
}

/// An unsigned LEB128 varint at `*pos` (at most 10 bytes).
fn varint(buf: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..70).step_by(7) {
        let b = *buf.get(*pos)?;
        *pos += 1;
        v |= u64::from(b & 0x7f).checked_shl(shift)?;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

/// The payload ranges of the BLOCK_END frames of a well-formed segment, in file order.
pub fn block_end_payloads(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    payloads_of(bytes, BLOCK_END)
}

/// The payload ranges of the DICT frames of a well-formed segment, in file order.
pub fn dict_payloads(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    payloads_of(bytes, DICT)
}

fn payloads_of(bytes: &[u8], kind: u8) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut pos = HEADER_LEN;
    while pos < bytes.len() {
        let Some(end) = frame_end(bytes, &mut pos) else {
            break;
        };
        let mut next = end + 4;
        if bytes[pos] == kind {
            out.push(pos + 1..end);
        }
        if bytes[pos] == BLOCK_END {
            next += 4;
        }
        pos = next;
    }
    out
}
