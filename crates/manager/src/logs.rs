//! Recent log lines per unit, kept in memory so `status` can show them at once.
//! (The persistent journal is its own crate; lines are handed to it as well when present.)

use std::collections::{HashMap, VecDeque};

use linger_ipc::manager::LogLine;

/// Lines kept per unit for `status`.
const PER_UNIT: usize = 64;
/// Longest line kept (as journald: longer lines are split).
pub const LINE_MAX: usize = 48 * 1024;

/// The in-memory tail of every unit's log.
#[derive(Debug, Default)]
pub struct LogTail {
    units: HashMap<String, VecDeque<LogLine>>,
}

impl LogTail {
    /// Record a line.
    pub fn push(&mut self, unit: &str, line: LogLine) {
        let q = self.units.entry(unit.to_string()).or_default();
        if q.len() == PER_UNIT {
            q.pop_front();
        }
        q.push_back(line);
    }

    /// Every unit's tail (for `daemon-reexec`).
    pub fn all(&self) -> impl Iterator<Item = (&String, &VecDeque<LogLine>)> {
        self.units.iter()
    }

    /// The last `n` lines of a unit.
    pub fn last(&self, unit: &str, n: usize) -> Vec<LogLine> {
        match self.units.get(unit) {
            Some(q) => q.iter().skip(q.len().saturating_sub(n)).cloned().collect(),
            None => Vec::new(),
        }
    }
}

/// Splits a byte stream into lines: on `\n`, at [`LINE_MAX`], and the rest at end of stream.
#[derive(Debug, Default)]
pub struct LineBuffer {
    buf: Vec<u8>,
}

impl LineBuffer {
    /// Feed bytes; returns complete lines.
    pub fn feed(&mut self, data: &[u8]) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        for &b in data {
            if b == b'\n' {
                out.push(std::mem::take(&mut self.buf));
            } else {
                self.buf.push(b);
                if self.buf.len() >= LINE_MAX {
                    out.push(std::mem::take(&mut self.buf));
                }
            }
        }
        out
    }

    /// A buffer that already holds `partial` (carried across `daemon-reexec`).
    pub fn with_pending(partial: Vec<u8>) -> Self {
        LineBuffer { buf: partial }
    }

    /// Bytes of the current incomplete line.
    pub fn pending(&self) -> &[u8] {
        &self.buf
    }

    /// The trailing partial line at end of stream.
    pub fn finish(&mut self) -> Option<Vec<u8>> {
        (!self.buf.is_empty()).then(|| std::mem::take(&mut self.buf))
    }
}

/// Split a `<N>` syslog priority prefix off a line (SyslogLevelPrefix=).
pub fn split_priority(line: &[u8], default: u8) -> (u8, &[u8]) {
    if line.len() >= 3
        && line[0] == b'<'
        && line[2] == b'>'
        && line[1].is_ascii_digit()
        && line[1] <= b'7'
    {
        (line[1] - b'0', &line[3..])
    } else {
        (default, line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lines_and_flushes_partial_tail() {
        let mut b = LineBuffer::default();
        assert_eq!(b.feed(b"one\ntw"), vec![b"one".to_vec()]);
        assert_eq!(b.feed(b"o\nthree"), vec![b"two".to_vec()]);
        assert_eq!(b.finish(), Some(b"three".to_vec()));
        assert_eq!(b.finish(), None);
    }

    #[test]
    fn overlong_lines_are_split() {
        let mut b = LineBuffer::default();
        let lines = b.feed(&vec![b'x'; LINE_MAX + 10]);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].len(), LINE_MAX);
        assert_eq!(b.finish().map(|l| l.len()), Some(10));
    }

    #[test]
    fn priority_prefix() {
        assert_eq!(split_priority(b"<3>bad", 6), (3, &b"bad"[..]));
        assert_eq!(split_priority(b"<9>x", 6), (6, &b"<9>x"[..]));
        assert_eq!(split_priority(b"plain", 6), (6, &b"plain"[..]));
    }

    #[test]
    fn tail_keeps_last_lines() {
        let mut t = LogTail::default();
        for i in 0..100 {
            t.push(
                "a",
                LogLine {
                    message: i.to_string(),
                    ..LogLine::default()
                },
            );
        }
        let last = t.last("a", 3);
        assert_eq!(
            last.iter().map(|l| l.message.as_str()).collect::<Vec<_>>(),
            ["97", "98", "99"]
        );
    }
}
