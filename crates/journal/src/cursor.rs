//! Cursors: an opaque, printable position of an entry (`--cursor`, `--show-cursor`).
//!
//! The text looks like journald's (`s=SEQNUM_ID;i=SEQNUM;b=BOOT;m=MONO;t=REALTIME`, numbers in
//! hex) but callers must treat it as opaque.

use crate::entry::{id128_hex, parse_id128};
use crate::error::{Error, Result};

/// A parsed cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    /// The sequence-number id of the writer lineage.
    pub seqnum_id: [u8; 16],
    /// The entry's sequence number.
    pub seqnum: u64,
    /// Its boot id.
    pub boot_id: [u8; 16],
    /// Its monotonic time (µs).
    pub monotonic_usec: u64,
    /// Its wall-clock time (µs).
    pub realtime_usec: u64,
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "s={};i={:x};b={};m={:x};t={:x}",
            id128_hex(&self.seqnum_id),
            self.seqnum,
            id128_hex(&self.boot_id),
            self.monotonic_usec,
            self.realtime_usec
        )
    }
}

impl std::str::FromStr for Cursor {
    type Err = Error;
    fn from_str(s: &str) -> Result<Cursor> {
        let bad = || Error::BadCursor(s.to_owned());
        let (mut sid, mut seq, mut boot, mut mono, mut rt) = (None, None, None, None, None);
        for part in s.trim().split(';') {
            let (k, v) = part.split_once('=').ok_or_else(bad)?;
            let hex = || u64::from_str_radix(v, 16).map_err(|_| bad());
            match k {
                "s" => sid = Some(parse_id128(v).ok_or_else(bad)?),
                "i" => seq = Some(hex()?),
                "b" => boot = Some(parse_id128(v).ok_or_else(bad)?),
                "m" => mono = Some(hex()?),
                "t" => rt = Some(hex()?),
                _ => {} // tolerate fields added later (and journald's x=)
            }
        }
        Ok(Cursor {
            seqnum_id: sid.ok_or_else(bad)?,
            seqnum: seq.ok_or_else(bad)?,
            boot_id: boot.unwrap_or([0; 16]),
            monotonic_usec: mono.unwrap_or(0),
            realtime_usec: rt.ok_or_else(bad)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let c = Cursor {
            seqnum_id: [1; 16],
            seqnum: 0x2a,
            boot_id: [2; 16],
            monotonic_usec: 77,
            realtime_usec: 1_700_000_000_000_000,
        };
        let s = c.to_string();
        assert_eq!(s.parse::<Cursor>().ok(), Some(c));
        assert!("garbage".parse::<Cursor>().is_err());
        assert!("s=xx;i=1;t=1".parse::<Cursor>().is_err());
    }
}
