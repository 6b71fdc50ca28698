//! What the terminal can show, decided once as systemd's tools decide it: colours
//! (`$SYSTEMD_COLORS`, `$NO_COLOR`, `TERM=dumb`, a terminal on stdout), the width tables are cut
//! to (`$COLUMNS`, else the terminal's), and the display width of text (CJK and emoji take two
//! columns). Decided before a pager takes stdout over, so paged output keeps them.

use std::io::IsTerminal;
use std::sync::OnceLock;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

#[derive(Debug, Clone, Copy)]
struct Term {
    stdout_tty: bool,
    colors: bool,
    width: Option<usize>,
}

static TERM: OnceLock<Term> = OnceLock::new();

/// systemd's boolean words.
pub fn parse_bool(v: &str) -> Option<bool> {
    match v.to_ascii_lowercase().as_str() {
        "1" | "yes" | "y" | "true" | "t" | "on" => Some(true),
        "0" | "no" | "n" | "false" | "f" | "off" => Some(false),
        _ => None,
    }
}

fn detect() -> Term {
    let stdout_tty = std::io::stdout().is_terminal();
    let colors = match std::env::var("SYSTEMD_COLORS") {
        // `16` and `256` (colour depths) mean yes too.
        Ok(v) => parse_bool(&v).unwrap_or(matches!(v.as_str(), "16" | "256" | "24bit")),
        Err(_) if std::env::var_os("NO_COLOR").is_some() => false,
        Err(_) => stdout_tty && std::env::var("TERM").map_or(true, |t| t != "dumb"),
    };
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or_else(|| {
            stdout_tty
                .then(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
                .flatten()
        });
    Term {
        stdout_tty,
        colors,
        width,
    }
}

fn term() -> Term {
    *TERM.get_or_init(detect)
}

/// Decide now (before a pager replaces stdout).
pub fn init() {
    let _ = term();
}

/// Whether stdout is (was, before paging) a terminal.
pub fn stdout_is_tty() -> bool {
    term().stdout_tty
}

/// Whether to colour output.
pub fn colors() -> bool {
    term().colors
}

/// The width to cut lines to; None: do not cut (not a terminal and no `$COLUMNS`).
pub fn width() -> Option<usize> {
    term().width
}

/// Display columns of `s` (two for wide characters, none for combining marks).
pub fn display_width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `cols` display columns, ending in `…` when something was cut.
pub fn ellipsize(s: &str, cols: usize) -> String {
    if display_width(s) <= cols {
        return s.to_string();
    }
    if cols == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > cols - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `s` padded with spaces to `cols` display columns (left-aligned).
pub fn pad(s: &str, cols: usize) -> String {
    let w = display_width(s);
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(display_width("web"), 3);
        assert_eq!(display_width("日本語"), 6);
        assert_eq!(display_width("🚀x"), 3);
        assert_eq!(display_width("e\u{301}"), 1);
    }

    #[test]
    fn ellipsizing_counts_columns_not_bytes() {
        assert_eq!(ellipsize("abcdef", 6), "abcdef");
        assert_eq!(ellipsize("abcdef", 4), "abc…");
        assert_eq!(ellipsize("日本語テキスト", 7), "日本語…");
        assert_eq!(display_width(&ellipsize("日本語テキスト", 6)), 5);
        assert_eq!(ellipsize("x", 0), "");
    }

    #[test]
    fn padding_counts_columns() {
        assert_eq!(pad("日本", 6), "日本  ");
        assert_eq!(pad("abc", 2), "abc");
    }

    #[test]
    fn systemd_booleans() {
        assert_eq!(parse_bool("yes"), Some(true));
        assert_eq!(parse_bool("0"), Some(false));
        assert_eq!(parse_bool("256"), None);
    }
}
