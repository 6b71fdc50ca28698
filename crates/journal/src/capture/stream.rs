//! journald's stdout stream protocol (`/run/systemd/journal/stdout`, what `systemd-cat` and
//! `sd_journal_stream_fd()` connect to): seven header lines — identifier, unit, priority,
//! level-prefix flag, then the syslog, kmsg and console forwarding flags — and then the
//! program's output, one entry per line as for a service's stdout.

use crate::capture::{Line, LineSplitter};
use crate::entry::fields;

/// The header may not be longer than this (journald takes a line of `LINE_MAX` for each
/// field; nobody names a program in kilobytes, and a reader must not buffer without limit).
pub const HEADER_MAX: usize = 4096;

/// Fields of one entry.
pub type Fields = Vec<(String, Vec<u8>)>;

/// Why a stream is refused (the connection is closed, as journald does).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StreamError {
    /// The header is longer than [`HEADER_MAX`].
    #[error("stream header longer than {HEADER_MAX} bytes")]
    HeaderTooLong,
    /// A header line does not hold what its place requires.
    #[error("bad stream header line {line}: {text:?}")]
    BadHeader {
        /// 1-based header line.
        line: usize,
        /// What it held.
        text: String,
    },
}

/// What the header says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StreamHeader {
    /// `SYSLOG_IDENTIFIER=` of every line (may be empty).
    pub identifier: String,
    /// The unit the sender says it belongs to (trusted only from a privileged sender).
    pub unit: String,
    /// Priority of lines without a `<N>` prefix.
    pub priority: u8,
    /// Whether `<N>` prefixes are parsed.
    pub level_prefix: bool,
}

/// One connection's reader: feed it what was read, get entries out.
#[derive(Debug, Default)]
pub struct StreamParser {
    head: Vec<u8>,
    header: Option<StreamHeader>,
    lines: Option<LineSplitter>,
}

impl StreamParser {
    /// A parser waiting for the header.
    pub fn new() -> Self {
        StreamParser::default()
    }

    /// The header, once read.
    pub fn header(&self) -> Option<&StreamHeader> {
        self.header.as_ref()
    }

    /// Feeds bytes read from the connection; `emit` gets each complete line's fields.
    pub fn feed(&mut self, data: &[u8], emit: &mut dyn FnMut(Fields)) -> Result<(), StreamError> {
        if self.header.is_none() {
            self.head.extend_from_slice(data);
            let Some(end) = header_end(&self.head) else {
                return if self.head.len() > HEADER_MAX {
                    Err(StreamError::HeaderTooLong)
                } else {
                    Ok(())
                };
            };
            if end > HEADER_MAX {
                return Err(StreamError::HeaderTooLong);
            }
            let header = parse_header(&self.head[..end])?;
            self.lines = Some(
                LineSplitter::new()
                    .level_prefix(header.level_prefix)
                    .default_priority(header.priority),
            );
            self.header = Some(header);
            let rest = self.head.split_off(end);
            self.head = Vec::new();
            return self.feed_lines(&rest, emit);
        }
        self.feed_lines(data, emit)
    }

    /// The connection ended: a trailing partial line becomes an entry too.
    pub fn finish(&mut self, emit: &mut dyn FnMut(Fields)) {
        let (Some(h), Some(l)) = (&self.header, &mut self.lines) else {
            return;
        };
        l.finish(&mut |line| emit(entry(h, line)));
    }

    fn feed_lines(&mut self, data: &[u8], emit: &mut dyn FnMut(Fields)) -> Result<(), StreamError> {
        let (Some(h), Some(l)) = (&self.header, &mut self.lines) else {
            return Ok(());
        };
        l.feed(data, &mut |line| emit(entry(h, line)));
        Ok(())
    }
}

/// Where the seventh newline ends (the header's length), if it arrived.
fn header_end(buf: &[u8]) -> Option<usize> {
    buf.iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(6)
        .map(|(i, _)| i + 1)
}

fn parse_header(head: &[u8]) -> Result<StreamHeader, StreamError> {
    let text = String::from_utf8_lossy(head);
    let lines: Vec<&str> = text.split('\n').take(7).collect();
    let bad = |i: usize| StreamError::BadHeader {
        line: i + 1,
        text: lines[i].to_string(),
    };
    let flag = |i: usize| match lines[i].trim() {
        "0" => Ok(false),
        "1" => Ok(true),
        _ => Err(bad(i)),
    };
    let priority = lines[2]
        .trim()
        .parse::<u32>()
        .ok()
        // A facility may be or-ed in (LOG_DAEMON|LOG_INFO); the level is the low 3 bits.
        .map(|p| (p & 7) as u8)
        .ok_or_else(|| bad(2))?;
    let level_prefix = flag(3)?;
    for i in 4..7 {
        flag(i)?;
    }
    Ok(StreamHeader {
        identifier: lines[0].to_string(),
        unit: lines[1].to_string(),
        priority,
        level_prefix,
    })
}

fn entry(h: &StreamHeader, line: Line<'_>) -> Fields {
    let mut f = vec![(fields::PRIORITY.to_owned(), vec![b'0' + line.priority])];
    if !h.identifier.is_empty() {
        f.push((
            fields::SYSLOG_IDENTIFIER.to_owned(),
            h.identifier.clone().into_bytes(),
        ));
    }
    f.push((fields::MESSAGE.to_owned(), line.message.to_vec()));
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(chunks: &[&[u8]]) -> Result<Vec<Fields>, StreamError> {
        let mut p = StreamParser::new();
        let mut out = Vec::new();
        for c in chunks {
            p.feed(c, &mut |f| out.push(f))?;
        }
        p.finish(&mut |f| out.push(f));
        Ok(out)
    }

    fn field<'a>(f: &'a Fields, k: &str) -> Option<&'a [u8]> {
        f.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_slice())
    }

    #[test]
    fn systemd_cats_header_then_lines() {
        let out = run(&[b"tag\n\n6\n1\n0\n0\n0\nhello\n<3>oops\ntail"]).unwrap();
        assert_eq!(out.len(), 3);
        assert_eq!(field(&out[0], "SYSLOG_IDENTIFIER"), Some(&b"tag"[..]));
        assert_eq!(field(&out[0], "MESSAGE"), Some(&b"hello"[..]));
        assert_eq!(field(&out[0], "PRIORITY"), Some(&b"6"[..]));
        assert_eq!(field(&out[1], "MESSAGE"), Some(&b"oops"[..]));
        assert_eq!(field(&out[1], "PRIORITY"), Some(&b"3"[..]));
        assert_eq!(field(&out[2], "MESSAGE"), Some(&b"tail"[..]));
    }

    #[test]
    fn a_header_split_across_reads_and_prefixes_off() {
        let out = run(&[b"id\nu.service\n", b"4\n0\n0\n0", b"\n0\n<3>kept\n"]).unwrap();
        assert_eq!(field(&out[0], "MESSAGE"), Some(&b"<3>kept"[..]));
        assert_eq!(field(&out[0], "PRIORITY"), Some(&b"4"[..]));
    }

    #[test]
    fn a_facility_in_the_priority_is_ignored_and_an_empty_identifier_omitted() {
        let out = run(&[b"\n\n30\n1\n0\n0\n0\nx\n"]).unwrap();
        assert_eq!(field(&out[0], "PRIORITY"), Some(&b"6"[..]));
        assert_eq!(field(&out[0], "SYSLOG_IDENTIFIER"), None);
    }

    #[test]
    fn bad_headers_are_refused() {
        assert_eq!(
            run(&[b"id\n\nloud\n1\n0\n0\n0\n"]).unwrap_err(),
            StreamError::BadHeader {
                line: 3,
                text: "loud".into()
            }
        );
        assert!(matches!(
            run(&[b"id\n\n6\n2\n0\n0\n0\n"]),
            Err(StreamError::BadHeader { line: 4, .. })
        ));
        let long = vec![b'a'; HEADER_MAX + 1];
        assert_eq!(run(&[&long]).unwrap_err(), StreamError::HeaderTooLong);
    }

    #[test]
    fn a_connection_closed_inside_the_header_gives_nothing() {
        assert!(run(&[b"id\n\n6\n"]).unwrap().is_empty());
    }
}
