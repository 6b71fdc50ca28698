//! The journal native protocol (`sd_journal_send`): one entry per datagram, fields as
//! `NAME=value\n`, or `NAME\n<le64 length><bytes>\n` for binary values. Payloads passed as a
//! memfd are read by the caller and handed in the same way.

use crate::entry::valid_field_name;
use crate::error::{Error, Result};

/// Largest value accepted (journald's limit on a single field of a native entry).
pub const DATA_SIZE_MAX: u64 = 768 << 20;

/// Parses one datagram into fields. Fields with invalid names are skipped; fields starting
/// with `_` are trusted and may only be set by the manager, so they are skipped too (the
/// caller adds `_PID`, `_UID`, … from the peer credentials).
pub fn parse_datagram(d: &[u8]) -> Result<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    let mut p = 0;
    while p < d.len() {
        let rest = &d[p..];
        let nl = rest.iter().position(|&b| b == b'\n');
        let eq = rest.iter().position(|&b| b == b'=');
        match (eq, nl) {
            (Some(e), nl) if nl.is_none_or(|n| e < n) => {
                let end = nl.unwrap_or(rest.len());
                push(&mut out, &rest[..e], rest[e + 1..end].to_vec());
                p += end + 1;
            }
            (_, Some(0)) => p += 1, // empty line: ignored
            (_, Some(n)) => {
                let name = &rest[..n];
                let lenb = rest
                    .get(n + 1..n + 9)
                    .ok_or(Error::Native("truncated binary field length"))?;
                let len = u64::from_le_bytes(
                    lenb.try_into()
                        .map_err(|_| Error::Native("truncated binary field length"))?,
                );
                if len > DATA_SIZE_MAX {
                    return Err(Error::Native("binary field too large"));
                }
                let start = n + 9;
                let end = start + len as usize;
                let value = rest
                    .get(start..end)
                    .ok_or(Error::Native("truncated binary field"))?;
                if rest.get(end) != Some(&b'\n') {
                    return Err(Error::Native("binary field not terminated by a newline"));
                }
                push(&mut out, name, value.to_vec());
                p += end + 1;
            }
            (_, None) => return Err(Error::Native("field without '=' or binary length")),
        }
    }
    Ok(out)
}

fn push(out: &mut Vec<(String, Vec<u8>)>, name: &[u8], value: Vec<u8>) {
    if let Ok(n) = std::str::from_utf8(name)
        && valid_field_name(n)
        && !n.starts_with('_')
    {
        out.push((n.to_owned(), value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_binary_fields() {
        let mut d = b"MESSAGE=hello\nPRIORITY=3\n_PID=1\nbad=x\n\nFOO=a=b\n".to_vec();
        d.extend_from_slice(b"BIN\n");
        d.extend_from_slice(&5u64.to_le_bytes());
        d.extend_from_slice(b"a\nb\0c\nLAST=x");
        let got = parse_datagram(&d).unwrap_or_default();
        let want: Vec<(String, Vec<u8>)> = vec![
            ("MESSAGE".into(), b"hello".to_vec()),
            ("PRIORITY".into(), b"3".to_vec()),
            ("FOO".into(), b"a=b".to_vec()),
            ("BIN".into(), b"a\nb\0c".to_vec()),
            ("LAST".into(), b"x".to_vec()),
        ];
        assert_eq!(got, want);
        for bad in [
            &b"BIN\n\x05\0\0"[..],
            b"BIN\n\x05\0\0\0\0\0\0\0ab",
            b"BIN\n\x01\0\0\0\0\0\0\0ab",
            b"NOVALUE",
        ] {
            assert!(parse_datagram(bad).is_err(), "{bad:?}");
        }
    }
}
