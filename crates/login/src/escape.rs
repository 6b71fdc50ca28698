//! The one place where text that came from outside — a login's environment and PAM items, a
//! name a client sent — is made safe to show. Two uses:
//!
//! - [`property`]: a `show-session`/`show-user` value. As loginctl does, a value holding a
//!   newline prints as `[unprintable]` (it could forge a `Name=value` line); other control
//!   characters (escape sequences, which would drive the terminal) are C-escaped (`\x1b`).
//! - [`shown`]: a value echoed in an error message: C-escaped the same way and cut to
//!   [`SHOWN_MAX`] characters, so that a megabyte-long name is not sent back.

use std::borrow::Cow;
use std::fmt::Write;

/// Characters of a client's value an error message repeats at most.
pub const SHOWN_MAX: usize = 64;

fn is_control(c: char) -> bool {
    c.is_control()
}

fn escape_into(out: &mut String, c: char) {
    match c {
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        '\n' => out.push_str("\\n"),
        c => {
            let mut b = [0u8; 4];
            for byte in c.encode_utf8(&mut b).bytes() {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
}

/// A property value as `loginctl show-*` may print it.
pub fn property(value: &str) -> Cow<'_, str> {
    if value.contains('\n') {
        return Cow::Borrowed("[unprintable]");
    }
    if !value.chars().any(is_control) {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        if is_control(c) {
            escape_into(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A client's value as an error message may repeat it.
pub fn shown(value: &str) -> String {
    let mut out = String::new();
    for (i, c) in value.chars().enumerate() {
        if i == SHOWN_MAX {
            out.push('…');
            break;
        }
        if is_control(c) {
            escape_into(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether a value is safe as it is (no control characters, no quotes, no backslash): what
/// logind demands of a session's desktop name.
pub fn is_safe(value: &str) -> bool {
    !value
        .chars()
        .any(|c| is_control(c) || matches!(c, '"' | '\'' | '\\'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases: &[(&str, &str, &str)] = &[
            // (input, property, shown)
            ("pts/0", "pts/0", "pts/0"),
            ("x\nUser=0", "[unprintable]", "x\\nUser=0"),
            (
                "\x1b[2J\x1b]0;owned\x07",
                "\\x1b[2J\\x1b]0;owned\\x07",
                "\\x1b[2J\\x1b]0;owned\\x07",
            ),
            ("tab\there", "tab\\there", "tab\\there"),
            ("c1\u{9b}31m", "c1\\xc2\\x9b31m", "c1\\xc2\\x9b31m"),
            ("héllo", "héllo", "héllo"),
        ];
        for (input, prop, short) in cases {
            assert_eq!(property(input), *prop, "{input:?}");
            assert_eq!(shown(input), *short, "{input:?}");
        }
        let long = "a".repeat(1 << 20);
        let s = shown(&long);
        assert_eq!(s.chars().count(), SHOWN_MAX + 1);
        assert!(s.ends_with('…'));
        assert!(is_safe("GNOME"));
        assert!(!is_safe("a\"b"));
        assert!(!is_safe("a\x1bb"));
    }
}
