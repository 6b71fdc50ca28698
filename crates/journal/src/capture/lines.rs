//! Splitting a service's output stream into log lines, as journald's stdout transport does.

use crate::entry::priority;

/// Longest line stored as one entry; longer lines are split (journald's default `LineMax=`).
pub const LINE_MAX: usize = 48 * 1024;

/// One line of output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// Priority: from a `<N>` prefix when enabled, else the splitter's default.
    pub priority: u8,
    /// The text without the line terminator (and without the prefix).
    pub message: &'a [u8],
}

/// Splits a byte stream into lines: on `\n` (and NUL, as journald does), at [`LINE_MAX`]
/// bytes for over-long lines, and — on [`LineSplitter::finish`] — a trailing partial line.
/// With `level_prefix` (`SyslogLevelPrefix=`, on by default) a leading `<N>` (0-7) sets the
/// line's priority and is removed.
#[derive(Debug, Clone)]
pub struct LineSplitter {
    buf: Vec<u8>,
    max: usize,
    level_prefix: bool,
    default_priority: u8,
    /// The buffered bytes continue a line that was split at `max`: no prefix parsing.
    continuation: bool,
    continuation_priority: u8,
}

impl Default for LineSplitter {
    fn default() -> Self {
        LineSplitter::new()
    }
}

impl LineSplitter {
    /// Priority `info`, level prefixes parsed, lines split at [`LINE_MAX`].
    pub fn new() -> Self {
        LineSplitter {
            buf: Vec::new(),
            max: LINE_MAX,
            level_prefix: true,
            default_priority: priority::INFO,
            continuation: false,
            continuation_priority: priority::INFO,
        }
    }

    /// Whether `<N>` prefixes are parsed (`SyslogLevelPrefix=`).
    pub fn level_prefix(mut self, on: bool) -> Self {
        self.level_prefix = on;
        self
    }

    /// Priority of lines without a prefix (`SyslogLevel=`; stderr is often given `err`).
    pub fn default_priority(mut self, p: u8) -> Self {
        self.default_priority = p.min(7);
        self
    }

    /// Maximum line length (`LineMax=`), at least 79 bytes as journald requires.
    pub fn line_max(mut self, max: usize) -> Self {
        self.max = max.max(79);
        self
    }

    /// Bytes held back waiting for a line end.
    pub fn buffered(&self) -> usize {
        self.buf.len()
    }

    /// The bytes held back (an incomplete line), e.g. to hand them to another process.
    pub fn pending(&self) -> &[u8] {
        &self.buf
    }

    /// Starts with `partial`, the beginning of a line read before (see [`LineSplitter::pending`]).
    pub fn with_pending(mut self, partial: Vec<u8>) -> Self {
        self.buf = partial;
        self
    }

    /// Feeds bytes and collects the complete lines into `batch`.
    pub fn feed_batch(&mut self, data: &[u8], batch: &mut LineBatch) {
        self.feed(data, &mut |l| batch.push(l));
    }

    /// Feeds bytes read from the stream; `emit` is called for each complete line.
    pub fn feed(&mut self, mut data: &[u8], emit: &mut dyn FnMut(Line<'_>)) {
        while !data.is_empty() {
            let room = self.max - self.buf.len();
            let window = &data[..data.len().min(room)];
            match memchr2(window) {
                Some(i) => {
                    if self.buf.is_empty() {
                        self.emit_line(&window[..i], false, emit);
                    } else {
                        self.buf.extend_from_slice(&window[..i]);
                        let line = std::mem::take(&mut self.buf);
                        self.emit_line(&line, false, emit);
                        self.buf = line;
                        self.buf.clear();
                    }
                    data = &data[i + 1..];
                }
                None if window.len() == room => {
                    // A full line without terminator: emit it as a line of its own.
                    self.buf.extend_from_slice(window);
                    let line = std::mem::take(&mut self.buf);
                    self.emit_line(&line, true, emit);
                    self.buf = line;
                    self.buf.clear();
                    data = &data[room..];
                }
                None => {
                    self.buf.extend_from_slice(window);
                    data = &[];
                }
            }
        }
    }

    /// The stream ended: emits a trailing partial line, if any.
    pub fn finish(&mut self, emit: &mut dyn FnMut(Line<'_>)) {
        if !self.buf.is_empty() {
            let line = std::mem::take(&mut self.buf);
            self.emit_line(&line, false, emit);
        }
        self.continuation = false;
    }

    fn emit_line(&mut self, raw: &[u8], split: bool, emit: &mut dyn FnMut(Line<'_>)) {
        let (priority, message) = if self.continuation {
            (self.continuation_priority, raw)
        } else if self.level_prefix {
            match parse_level_prefix(raw) {
                Some((p, rest)) => (p, rest),
                None => (self.default_priority, raw),
            }
        } else {
            (self.default_priority, raw)
        };
        self.continuation = split;
        self.continuation_priority = priority;
        emit(Line { priority, message });
    }
}

/// Lines of one stream read together: their text back to back, and where each one ends
/// with its priority. One allocation per read instead of one per line, and one message to
/// the writer ([`crate::Submitter::try_submit_batch`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineBatch {
    text: Vec<u8>,
    ends: Vec<(u32, u8)>,
}

impl LineBatch {
    /// An empty batch.
    pub fn new() -> Self {
        LineBatch::default()
    }

    /// Appends a line.
    pub fn push(&mut self, l: Line<'_>) {
        self.text.extend_from_slice(l.message);
        self.ends.push((self.text.len() as u32, l.priority));
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when it holds no line.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Bytes of text (all lines).
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// Removes every line (keeps the memory).
    pub fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
    }

    /// The lines, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Line<'_>> + ExactSizeIterator + '_ {
        (0..self.ends.len()).map(move |i| self.line(i))
    }

    /// The `i`-th line.
    fn line(&self, i: usize) -> Line<'_> {
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p].0 as usize);
        let (end, priority) = self.ends[i];
        Line {
            priority,
            message: &self.text[start..end as usize],
        }
    }
}

fn memchr2(h: &[u8]) -> Option<usize> {
    memchr::memchr2(b'\n', 0, h)
}

/// `<N>` with N a priority 0-7 (one to three digits, no facility bits, as journald accepts
/// on streams).
pub(crate) fn parse_level_prefix(line: &[u8]) -> Option<(u8, &[u8])> {
    if line.first() != Some(&b'<') {
        return None;
    }
    let end = line.iter().take(5).position(|&b| b == b'>')?;
    let digits = &line[1..end];
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let v: u32 = std::str::from_utf8(digits).ok()?.parse().ok()?;
    (v <= 7).then_some((v as u8, &line[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &mut LineSplitter, chunks: &[&[u8]], finish: bool) -> Vec<(u8, Vec<u8>)> {
        let mut out = Vec::new();
        let mut emit = |l: Line<'_>| out.push((l.priority, l.message.to_vec()));
        for c in chunks {
            s.feed(c, &mut emit);
        }
        if finish {
            s.finish(&mut emit);
        }
        out
    }

    #[test]
    fn table() {
        let mut s = LineSplitter::new();
        let got = split(
            &mut s,
            &[b"a\nb", b"c\n<3>err\n<13>fac\n<9>x\n", b"\0z\n\npart"],
            true,
        );
        let want: Vec<(u8, Vec<u8>)> = vec![
            (6, b"a".to_vec()),
            (6, b"bc".to_vec()),
            (3, b"err".to_vec()),
            (6, b"<13>fac".to_vec()),
            (6, b"<9>x".to_vec()),
            (6, b"".to_vec()),
            (6, b"z".to_vec()),
            (6, b"".to_vec()),
            (6, b"part".to_vec()),
        ];
        assert_eq!(got, want);
        let mut s = LineSplitter::new().level_prefix(false).default_priority(3);
        assert_eq!(
            split(&mut s, &[b"<5>x\n"], false),
            vec![(3, b"<5>x".to_vec())]
        );
    }

    #[test]
    fn batches_hold_what_was_fed() {
        let mut s = LineSplitter::new().with_pending(b"par".to_vec());
        let mut b = LineBatch::new();
        s.feed_batch(b"tial\n<3>bad\n\nrest", &mut b);
        let got: Vec<(u8, &[u8])> = b.iter().map(|l| (l.priority, l.message)).collect();
        assert_eq!(got, [(6, &b"partial"[..]), (3, b"bad"), (6, b"")]);
        assert_eq!(b.text_len(), 10);
        assert_eq!(s.pending(), b"rest");
        assert_eq!(b.iter().next_back().map(|l| l.message), Some(&b""[..]));
        b.clear();
        assert!(b.is_empty());
    }

    #[test]
    fn long_lines_split_at_line_max() {
        let mut s = LineSplitter::new().line_max(100);
        let mut data = b"<2>".to_vec();
        data.extend(std::iter::repeat_n(b'x', 247));
        data.push(b'\n');
        let got = split(&mut s, &[&data[..50], &data[50..]], true);
        let lens: Vec<usize> = got.iter().map(|(_, m)| m.len()).collect();
        assert_eq!(lens, vec![97, 100, 50]);
        assert!(
            got.iter().all(|(p, _)| *p == 2),
            "continuations keep the priority: {got:?}"
        );
        let mut s = LineSplitter::new().line_max(100);
        assert_eq!(
            split(&mut s, &[&[b'y'; 100], b"\n"], true).len(),
            2,
            "exactly LINE_MAX then newline"
        );
    }
}
