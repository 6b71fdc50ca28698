//! The unit-file lexer: sections, comments, continuations → assignments with line numbers.
//!
//! Reproduces systemd 252's `config_parse()` line handling (systemd.syntax(7)):
//! - a line is ended by `\n`, `\r`, `\0` or a pair of different ones (`\r\n`, `\n\r`); a
//!   NUL always ends the line right after it (see [`lines`]);
//! - a line whose first non-blank character is `#` or `;` is a comment, also in the middle
//!   of a continuation (and its own trailing backslash does not continue it);
//! - the first UTF-8 byte-order mark found at the start of a line is dropped (only that one);
//! - a line ending in an unescaped backslash continues on the next line, the backslash
//!   becoming a space; a continuation pending at end of file is parsed as line `last + 1`,
//!   and an assignment made of several lines carries the number of its *last* line;
//! - `[Name]` opens a section, `Key=Value` is split at the first `=`, and both sides lose
//!   leading/trailing `" \t\n\r"` (other blanks such as `\v` stay); there are no inline comments;
//! - a line longer than [`LONG_LINE_MAX`] (or a continuation adding up to more) and a line
//!   that is not UTF-8 make the whole file fail, as does a malformed section header (no
//!   closing `]`, or control characters, quotes or backslashes in the name).

mod lines;

use std::path::Path;

use crate::diag::{Diagnostic, Severity};

pub use lines::lines;

/// systemd's `LONG_LINE_MAX`: a physical line must be shorter than this many bytes, and a
/// joined continuation may not exceed it.
pub const LONG_LINE_MAX: usize = 1024 * 1024;

/// Blanks trimmed around keys, values and section lines (systemd's `WHITESPACE`).
const WHITESPACE: &[u8] = b" \t\n\r";

/// Comment introducers, recognised only as the first non-blank character of a line.
const COMMENTS: &[u8] = b"#;";

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One `Key=value` line (after continuation joining), in the section it appeared in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// Section name without brackets.
    pub section: String,
    /// Key, whitespace-trimmed.
    pub key: String,
    /// Value, whitespace-trimmed, continuation lines joined as systemd joins them.
    pub value: String,
    /// 1-based line of the assignment; for a continued assignment the line where it
    /// ended (as systemd reports it), `last line + 1` if the file ended inside it.
    pub line: usize,
}

/// A lexed file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedFile {
    /// Section headers in file order (repeats included), with their line.
    pub sections: Vec<(String, usize)>,
    /// All assignments in file order (assignments outside a section are dropped with a warning).
    pub assignments: Vec<Assignment>,
    /// Warnings (assignment outside of section, …) and errors (overlong line, …).
    pub diagnostics: Vec<Diagnostic>,
}

impl ParsedFile {
    /// True when systemd would refuse the whole file (overlong line, invalid UTF-8, malformed
    /// section header). Lexing stopped at that point; `assignments` holds what came before.
    pub fn is_fatal(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// How the caller treats a section, as decided by [`parse_with`]'s classifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// Assignments in this section are returned.
    Known,
    /// The section and everything in it is dropped without a word (systemd: `X-` sections).
    IgnoredSilently,
    /// Dropped with the warning "Unknown section 'Name'. Ignoring."; lines in it are not
    /// checked further (no "Missing '='" warnings), exactly as systemd skips them.
    Unknown,
}

/// Lex a unit file's text. `path` is only used to label diagnostics. Every section is kept.
pub fn parse(text: &str, path: Option<&Path>) -> ParsedFile {
    parse_bytes(text.as_bytes(), path)
}

/// Lex raw file bytes; a line that is not UTF-8 fails the file as systemd does.
pub fn parse_bytes(bytes: &[u8], path: Option<&Path>) -> ParsedFile {
    parse_with(bytes, path, &|_| SectionKind::Known)
}

/// Lex raw file bytes, asking `classify` about every section header so that lines inside
/// unknown sections are skipped the way systemd skips them.
pub fn parse_with(
    bytes: &[u8],
    path: Option<&Path>,
    classify: &dyn Fn(&str) -> SectionKind,
) -> ParsedFile {
    let mut lexer = Lexer {
        path,
        classify,
        out: ParsedFile::default(),
        section: Section::None,
    };
    lexer.run(bytes);
    lexer.out
}

/// The section the lexer is in.
enum Section {
    /// Before the first header.
    None,
    /// Inside a section whose assignments are kept.
    Known(String),
    /// Inside a section that is skipped.
    Skipped,
}

struct Lexer<'a> {
    path: Option<&'a Path>,
    classify: &'a dyn Fn(&str) -> SectionKind,
    out: ParsedFile,
    section: Section,
}

/// Whether to keep reading after a logical line.
enum Flow {
    Continue,
    Stop,
}

impl Lexer<'_> {
    fn run(&mut self, bytes: &[u8]) {
        let mut continuation: Option<Vec<u8>> = None;
        let mut line_no = 0usize;
        let mut bom_seen = false;
        for line in lines(bytes) {
            line_no += 1;
            if line.len() >= LONG_LINE_MAX {
                self.fatal(
                    line_no,
                    format!("Line too long (limit {LONG_LINE_MAX} bytes)."),
                );
                return;
            }
            if is_comment(line) {
                continue;
            }
            let line = match line.strip_prefix(BOM) {
                Some(rest) if !bom_seen => {
                    bom_seen = true;
                    rest
                }
                _ => line,
            };
            let mut joined = match continuation.take() {
                Some(mut c) => {
                    if c.len() + line.len() > LONG_LINE_MAX {
                        self.fatal(
                            line_no,
                            format!("Continued line too long (limit {LONG_LINE_MAX} bytes)."),
                        );
                        return;
                    }
                    c.extend_from_slice(line);
                    c
                }
                None => line.to_vec(),
            };
            if ends_with_unescaped_backslash(&joined) {
                if let Some(last) = joined.last_mut() {
                    *last = b' ';
                }
                continuation = Some(joined);
                continue;
            }
            if let Flow::Stop = self.logical_line(&joined, line_no) {
                return;
            }
        }
        if let Some(rest) = continuation {
            // systemd numbers a continuation still open at end of file one past the last line.
            let _ = self.logical_line(&rest, line_no + 1);
        }
    }

    /// One joined line: header, assignment, or something to warn about.
    fn logical_line(&mut self, raw: &[u8], line: usize) -> Flow {
        let l = trim(raw);
        if l.is_empty() {
            return Flow::Continue;
        }
        let Ok(l) = std::str::from_utf8(l) else {
            let shown = String::from_utf8_lossy(l);
            self.fatal(
                line,
                format!("String is not UTF-8 clean, ignoring assignment: {shown}"),
            );
            return Flow::Stop;
        };
        if let Some(rest) = l.strip_prefix('[') {
            let Some(name) = rest.strip_suffix(']') else {
                self.fatal(line, format!("Invalid section header '{l}'"));
                return Flow::Stop;
            };
            if name
                .chars()
                .any(|c| c < ' ' || matches!(c, '\x7f' | '"' | '\'' | '\\'))
            {
                self.fatal(line, format!("Bad characters in section header '{l}'"));
                return Flow::Stop;
            }
            self.out.sections.push((name.to_owned(), line));
            self.section = match (self.classify)(name) {
                SectionKind::Known => Section::Known(name.to_owned()),
                SectionKind::IgnoredSilently => Section::Skipped,
                SectionKind::Unknown => {
                    self.warn(line, format!("Unknown section '{name}'. Ignoring."));
                    Section::Skipped
                }
            };
            return Flow::Continue;
        }
        let section = match &self.section {
            Section::None => {
                self.warn(line, "Assignment outside of section. Ignoring.".into());
                return Flow::Continue;
            }
            Section::Skipped => return Flow::Continue,
            Section::Known(s) => s.clone(),
        };
        let Some((key, value)) = l.split_once('=') else {
            self.warn(line, "Missing '=', ignoring line.".into());
            return Flow::Continue;
        };
        let key = trim_str(key);
        if key.is_empty() {
            self.warn(line, "Missing key name before '=', ignoring line.".into());
            return Flow::Continue;
        }
        self.out.assignments.push(Assignment {
            section,
            key: key.to_owned(),
            value: trim_str(value).to_owned(),
            line,
        });
        Flow::Continue
    }

    fn warn(&mut self, line: usize, message: String) {
        self.push(line, Severity::Warning, message);
    }

    fn fatal(&mut self, line: usize, message: String) {
        self.push(line, Severity::Error, message);
    }

    fn push(&mut self, line: usize, severity: Severity, message: String) {
        self.out.diagnostics.push(Diagnostic {
            path: self.path.map(Path::to_path_buf),
            line,
            severity,
            message,
        });
    }
}

/// A comment line: first non-blank byte is `#` or `;` (checked before the BOM is dropped,
/// as systemd does, so `BOM#x=1` is an assignment to the key `#x`).
fn is_comment(line: &[u8]) -> bool {
    line.iter()
        .find(|b| !WHITESPACE.contains(b))
        .is_some_and(|b| COMMENTS.contains(b))
}

/// True if the text ends in a backslash that is not itself escaped by another backslash.
fn ends_with_unescaped_backslash(s: &[u8]) -> bool {
    let trailing = s.iter().rev().take_while(|&&b| b == b'\\').count();
    trailing % 2 == 1
}

fn trim(s: &[u8]) -> &[u8] {
    let start = s
        .iter()
        .position(|b| !WHITESPACE.contains(b))
        .unwrap_or(s.len());
    let end = s
        .iter()
        .rposition(|b| !WHITESPACE.contains(b))
        .map_or(start, |e| e + 1);
    &s[start..end]
}

fn trim_str(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_ascii() && WHITESPACE.contains(&(c as u8)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kv(p: &ParsedFile) -> Vec<(&str, &str, usize)> {
        p.assignments
            .iter()
            .map(|a| (a.key.as_str(), a.value.as_str(), a.line))
            .collect()
    }

    #[test]
    fn continuation_and_comments() {
        let p = parse("[S]\nx=1\\\n  #c\\\n  2\n", None);
        assert_eq!(kv(&p), vec![("x", "1   2", 4)]);
        assert!(p.diagnostics.is_empty());
    }

    #[test]
    fn pending_continuation_at_eof_is_one_past() {
        let p = parse("[S]\nx=a\\", None);
        assert_eq!(kv(&p), vec![("x", "a", 3)]);
    }

    #[test]
    fn only_the_first_bom_and_comment_before_bom() {
        let p = parse_bytes(b"[S]\n\xEF\xBB\xBF#y=2\n\xEF\xBB\xBFx=1\n", None);
        assert_eq!(kv(&p), vec![("#y", "2", 2), ("\u{feff}x", "1", 3)]);
    }

    #[test]
    fn bad_utf8_and_bad_header_are_fatal() {
        let p = parse_bytes(b"[S]\na=1\n  x=\xff  \nb=2\n", None);
        assert!(p.is_fatal());
        assert_eq!(kv(&p), vec![("a", "1", 2)]);
        assert!(parse("[S]x\na=1", None).is_fatal());
        assert!(!parse("[S] \na=1", None).is_fatal());
    }

    #[test]
    fn warnings() {
        let p = parse("a=1\n[S]\nfoo\n =x\n", None);
        let got: Vec<_> = p
            .diagnostics
            .iter()
            .map(|d| (d.line, d.message.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, "Assignment outside of section. Ignoring."),
                (3, "Missing '=', ignoring line."),
                (4, "Missing key name before '=', ignoring line."),
            ]
        );
    }

    #[test]
    fn unknown_sections_skip_their_lines() {
        let classify = |s: &str| {
            if s == "S" {
                SectionKind::Known
            } else if s.starts_with("X-") {
                SectionKind::IgnoredSilently
            } else {
                SectionKind::Unknown
            }
        };
        let p = parse_with(b"[W]\nfoo\n[X-a]\nbar\n[S]\nb=2\n", None, &classify);
        assert_eq!(kv(&p), vec![("b", "2", 6)]);
        assert_eq!(p.diagnostics.len(), 1);
        assert_eq!(p.diagnostics[0].message, "Unknown section 'W'. Ignoring.");
    }

    #[test]
    fn long_lines() {
        let mut s = String::from("[S]\nx=");
        s.push_str(&"a".repeat(LONG_LINE_MAX));
        assert!(parse(&s, None).is_fatal());
        let ok = format!("[S]\nx={}", "a".repeat(LONG_LINE_MAX - 3));
        assert!(!parse(&ok, None).is_fatal());
    }
}
