//! json, json-pretty, json-sse, json-seq and the Journal Export Format.

use std::io::{self, Write};

use super::text::is_printable;
use super::{OutputMode, Printer};
use crate::entry::{fields, id128_hex};
use crate::view::EntryView;

/// Fields whose `NAME=value` data is at least this long are printed as `null` in JSON
/// unless `--all` (journalctl's rule).
const JSON_THRESHOLD: usize = 4096;

impl Printer {
    /// The fields JSON and export print, in stored order, without `_BOOT_ID` (printed from
    /// the entry header) and `__`-prefixed names.
    fn printed_fields<'a>(&self, e: &'a dyn EntryView) -> Vec<(&'a str, &'a [u8])> {
        let mut v = Vec::with_capacity(32);
        e.for_each_field(&mut |n, val| {
            if n != fields::BOOT_ID && !n.starts_with("__") && self.wanted(n) {
                v.push((n, val));
            }
        });
        v
    }

    pub(super) fn json(&mut self, e: &dyn EntryView, out: &mut dyn Write) -> io::Result<()> {
        let pretty = self.opts.mode == OutputMode::JsonPretty;
        let fields = self.printed_fields(e);
        let mut b = std::mem::take(&mut self.buf);
        b.clear();
        match self.opts.mode {
            OutputMode::JsonSse => b.extend_from_slice(b"data: "),
            OutputMode::JsonSeq => b.push(0x1e),
            _ => {}
        }
        let sep: &[u8] = if pretty { b"\n\t" } else { b"" };
        let colon: &[u8] = if pretty { b" : " } else { b":" };
        b.push(b'{');
        b.extend_from_slice(sep);
        b.extend_from_slice(b"\"__CURSOR\"");
        b.extend_from_slice(colon);
        b.push(b'"');
        self.push_cursor(&mut b, e);
        b.extend_from_slice(b"\",");
        b.extend_from_slice(sep);
        b.extend_from_slice(b"\"__REALTIME_TIMESTAMP\"");
        b.extend_from_slice(colon);
        b.push(b'"');
        push_dec(&mut b, e.realtime_usec());
        b.extend_from_slice(b"\",");
        b.extend_from_slice(sep);
        b.extend_from_slice(b"\"__MONOTONIC_TIMESTAMP\"");
        b.extend_from_slice(colon);
        b.push(b'"');
        push_dec(&mut b, e.monotonic_usec());
        b.extend_from_slice(b"\",");
        b.extend_from_slice(sep);
        b.extend_from_slice(b"\"_BOOT_ID\"");
        b.extend_from_slice(colon);
        b.push(b'"');
        self.push_id(&mut b, &e.boot_id());
        b.push(b'"');
        // Repeated names are rare: a 64-bit signature of the names tells which need the
        // (quadratic) search for their other values.
        let sig = |n: &str| {
            1u64 << ((n.len() * 7 + n.as_bytes().last().map_or(0, |&c| usize::from(c))) & 63)
        };
        let (mut seen, mut dups) = (0u64, 0u64);
        for (n, _) in &fields {
            let bit = sig(n);
            dups |= seen & bit;
            seen |= bit;
        }
        for (i, &(name, value)) in fields.iter().enumerate() {
            let maybe_dup = dups & sig(name) != 0;
            if maybe_dup && fields[..i].iter().any(|(m, _)| *m == name) {
                continue;
            }
            b.push(b',');
            b.extend_from_slice(sep);
            if super::text::json_plain(name.as_bytes()) {
                b.push(b'"');
                b.extend_from_slice(name.as_bytes());
                b.push(b'"');
            } else {
                json_string(&mut b, name.as_bytes());
            }
            b.extend_from_slice(colon);
            if !maybe_dup || !fields[i + 1..].iter().any(|(m, _)| *m == name) {
                self.json_value(&mut b, name, value, pretty, 1);
                continue;
            }
            // A field with several values becomes an array of them.
            b.push(b'[');
            for (k, &(_, v)) in fields[i..].iter().filter(|(m, _)| *m == name).enumerate() {
                if k > 0 {
                    b.push(b',');
                }
                if pretty {
                    b.extend_from_slice(b"\n\t\t");
                }
                self.json_value(&mut b, name, v, pretty, 2);
            }
            if pretty {
                b.extend_from_slice(b"\n\t");
            }
            b.push(b']');
        }
        if pretty {
            b.push(b'\n');
        }
        b.push(b'}');
        b.extend_from_slice(if self.opts.mode == OutputMode::JsonSse {
            b"\n\n"
        } else {
            b"\n"
        });
        let r = out.write_all(&b);
        self.buf = b;
        r
    }

    /// Appends the cursor text (as [`crate::cursor::Cursor`]'s `Display`, without allocating).
    fn push_cursor(&mut self, b: &mut Vec<u8>, e: &dyn EntryView) {
        let c = e.cursor();
        b.extend_from_slice(b"s=");
        self.push_id(b, &c.seqnum_id);
        b.extend_from_slice(b";i=");
        push_hex(b, c.seqnum);
        b.extend_from_slice(b";b=");
        self.push_id(b, &c.boot_id);
        b.extend_from_slice(b";m=");
        push_hex(b, c.monotonic_usec);
        b.extend_from_slice(b";t=");
        push_hex(b, c.realtime_usec);
    }

    /// Appends a 128-bit id in hex, remembering the last few (boot and seqnum ids repeat).
    fn push_id(&mut self, b: &mut Vec<u8>, id: &[u8; 16]) {
        if let Some((_, hex)) = self.id_cache.iter().find(|(k, _)| k == id) {
            b.extend_from_slice(hex);
            return;
        }
        let hex: [u8; 32] = id128_hex(id).into_bytes().try_into().unwrap_or([b'0'; 32]);
        b.extend_from_slice(&hex);
        if self.id_cache.len() >= 8 {
            self.id_cache.remove(0);
        }
        self.id_cache.push((*id, hex));
    }

    fn json_value(&self, b: &mut Vec<u8>, name: &str, v: &[u8], pretty: bool, depth: usize) {
        if !self.opts.all && name.len() + 1 + v.len() >= JSON_THRESHOLD {
            b.extend_from_slice(b"null");
        } else if super::text::json_plain(v) {
            b.push(b'"');
            b.extend_from_slice(v);
            b.push(b'"');
        } else if is_printable(v, true) {
            json_string(b, v);
        } else {
            b.push(b'[');
            for (i, byte) in v.iter().enumerate() {
                if i > 0 {
                    b.push(b',');
                }
                if pretty {
                    b.push(b'\n');
                    b.resize(b.len() + depth + 1, b'\t');
                }
                push_dec(b, u64::from(*byte));
            }
            if pretty {
                b.push(b'\n');
                b.resize(b.len() + depth, b'\t');
            }
            b.push(b']');
        }
    }

    pub(super) fn export(&mut self, e: &dyn EntryView, out: &mut dyn Write) -> io::Result<()> {
        let fields = self.printed_fields(e);
        let mut b = std::mem::take(&mut self.buf);
        b.clear();
        b.extend_from_slice(b"__CURSOR=");
        self.push_cursor(&mut b, e);
        b.extend_from_slice(b"\n__REALTIME_TIMESTAMP=");
        push_dec(&mut b, e.realtime_usec());
        b.extend_from_slice(b"\n__MONOTONIC_TIMESTAMP=");
        push_dec(&mut b, e.monotonic_usec());
        b.extend_from_slice(b"\n_BOOT_ID=");
        self.push_id(&mut b, &e.boot_id());
        b.push(b'\n');
        for (n, v) in fields {
            b.extend_from_slice(n.as_bytes());
            if is_printable(v, false) {
                b.push(b'=');
                b.extend_from_slice(v);
            } else {
                b.push(b'\n');
                b.extend_from_slice(&(v.len() as u64).to_le_bytes());
                b.extend_from_slice(v);
            }
            b.push(b'\n');
        }
        b.push(b'\n');
        let r = out.write_all(&b);
        self.buf = b;
        r
    }
}

/// Appends `v` in decimal.
pub(super) fn push_dec(b: &mut Vec<u8>, mut v: u64) {
    let mut tmp = [0u8; 20];
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    b.extend_from_slice(&tmp[i..]);
}

/// Appends `v` in lower-case hex without leading zeros.
fn push_hex(b: &mut Vec<u8>, mut v: u64) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut tmp = [0u8; 16];
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = HEX[(v & 15) as usize];
        v >>= 4;
        if v == 0 {
            break;
        }
    }
    b.extend_from_slice(&tmp[i..]);
}

/// A JSON string of printable text (escapes quote, backslash and the controls that remain).
fn json_string(b: &mut Vec<u8>, s: &[u8]) {
    b.push(b'"');
    let mut start = 0;
    for (i, &c) in s.iter().enumerate() {
        let esc: &[u8] = match c {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\t' => b"\\t",
            b'\r' => b"\\r",
            0x08 => b"\\b",
            0x0c => b"\\f",
            c if c < 0x20 => b"",
            _ => continue,
        };
        b.extend_from_slice(&s[start..i]);
        if esc.is_empty() {
            let _ = write!(b, "\\u{c:04x}");
        } else {
            b.extend_from_slice(esc);
        }
        start = i + 1;
    }
    b.extend_from_slice(&s[start..]);
    b.push(b'"');
}
