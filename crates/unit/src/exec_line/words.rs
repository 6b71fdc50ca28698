//! Word splitting with systemd's quoting rules (`extract_first_word()`), and C escapes.
//!
//! Separators are `" \t\n\r"`. Single and double quotes behave alike: they group text,
//! may start or end in the middle of a word (`a"b c"d` is `ab cd`), and backslash escapes
//! stay active inside them (unlike a shell).

/// Blanks that separate words.
pub(crate) const WHITESPACE: &[u8] = b" \t\n\r";

/// How to treat backslashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Escapes {
    /// C escapes (`\n`, `\x41`, `\101`, `\u00e9`, `\s`, …); an unknown one is an error.
    Strict,
    /// C escapes; an unknown one is kept as written (backslash and character).
    Relaxed,
    /// A backslash takes the next character literally; a trailing one vanishes, and an
    /// unclosed quote runs to the end (systemd's `EXTRACT_RELAX` without unescaping).
    Literal,
}

/// Why a word could not be extracted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordError {
    /// An unknown or malformed escape sequence (only with [`Escapes::Strict`]).
    BadEscape,
    /// A quote without its closing partner (or a lone trailing backslash inside one).
    Unbalanced,
}

/// Skip leading separators of `s`.
pub(crate) fn skip_blanks(s: &str) -> &str {
    s.trim_start_matches(|c: char| c.is_ascii() && WHITESPACE.contains(&(c as u8)))
}

/// Take the first word off `*input`. `Ok(None)` when only blanks remain. On error `*input`
/// is left unchanged, so the caller may retry with other rules.
pub(crate) fn extract_first_word(
    input: &mut &str,
    esc: Escapes,
) -> Result<Option<Vec<u8>>, WordError> {
    let s = skip_blanks(input).as_bytes();
    if s.is_empty() {
        *input = "";
        return Ok(None);
    }
    let mut out = Vec::new();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c == b'\\' {
            let rest = &s[i + 1..];
            if rest.is_empty() {
                match esc {
                    Escapes::Strict => return Err(WordError::BadEscape),
                    Escapes::Relaxed => out.push(b'\\'),
                    Escapes::Literal => {}
                }
                i += 1;
                continue;
            }
            if esc == Escapes::Literal {
                // Copy one whole (possibly multi-byte) character.
                let n = utf8_len(rest[0]).min(rest.len());
                out.extend_from_slice(&rest[..n]);
                i += 1 + n;
                continue;
            }
            match cunescape_one(rest) {
                Some((bytes, used)) => {
                    out.extend_from_slice(&bytes);
                    i += 1 + used;
                }
                None if esc == Escapes::Relaxed => {
                    let n = utf8_len(rest[0]).min(rest.len());
                    out.push(b'\\');
                    out.extend_from_slice(&rest[..n]);
                    i += 1 + n;
                }
                None => return Err(WordError::BadEscape),
            }
            continue;
        }
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => out.push(c),
            None if c == b'\'' || c == b'"' => quote = Some(c),
            None if WHITESPACE.contains(&c) => break,
            None => out.push(c),
        }
        i += 1;
    }
    if quote.is_some() && esc != Escapes::Literal {
        return Err(WordError::Unbalanced);
    }
    // `i` is at a separator (ASCII) or the end, so this is a char boundary.
    *input = input_after(input, s.len() - i);
    Ok(Some(out))
}

/// The last `remaining` bytes of the blank-trimmed input.
fn input_after<'a>(input: &&'a str, remaining: usize) -> &'a str {
    let full: &'a str = input;
    &full[full.len() - remaining..]
}

/// Length of the UTF-8 sequence a lead byte announces (1 for anything odd).
fn utf8_len(b: u8) -> usize {
    match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

/// Decode one C escape (text after the backslash): the bytes it stands for and how many
/// input bytes it used. `None` for unknown or invalid sequences; NUL is never allowed.
pub(crate) fn cunescape_one(s: &[u8]) -> Option<(Vec<u8>, usize)> {
    let simple = |b: u8| Some((vec![b], 1));
    match *s.first()? {
        b'a' => simple(7),
        b'b' => simple(8),
        b'f' => simple(12),
        b'n' => simple(b'\n'),
        b'r' => simple(b'\r'),
        b't' => simple(b'\t'),
        b'v' => simple(11),
        b's' => simple(b' '),
        c @ (b'\\' | b'"' | b'\'') => simple(c),
        b'x' => {
            let v = hex(s.get(1..3)?)?;
            (v != 0).then(|| (vec![v as u8], 3))
        }
        b'u' => {
            // systemd takes any non-zero 16-bit value here; surrogates cannot be stored
            // in a Rust string, so they count as invalid.
            let v = hex(s.get(1..5)?)?;
            let c = char::from_u32(v).filter(|_| v != 0)?;
            Some((c.to_string().into_bytes(), 5))
        }
        b'U' => {
            let v = hex(s.get(1..9)?)?;
            let valid = v != 0 && (v & 0xFFFE) != 0xFFFE && !(0xFDD0..=0xFDEF).contains(&v);
            let c = char::from_u32(v).filter(|_| valid)?;
            Some((c.to_string().into_bytes(), 9))
        }
        b'0'..=b'7' => {
            let d = s.get(0..3)?;
            let mut v: u32 = 0;
            for &b in d {
                if !(b'0'..=b'7').contains(&b) {
                    return None;
                }
                v = v * 8 + u32::from(b - b'0');
            }
            (v != 0 && v <= 255).then(|| (vec![v as u8], 3))
        }
        _ => None,
    }
}

fn hex(d: &[u8]) -> Option<u32> {
    d.iter()
        .try_fold(0u32, |acc, &b| Some(acc * 16 + (b as char).to_digit(16)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str, esc: Escapes) -> Result<Vec<String>, WordError> {
        let mut p = s;
        let mut out = Vec::new();
        while let Some(w) = extract_first_word(&mut p, esc)? {
            out.push(String::from_utf8_lossy(&w).into_owned());
        }
        Ok(out)
    }

    #[test]
    fn like_extract_first_word() {
        // Observed from systemd 252's extract_first_word(EXTRACT_UNQUOTE|EXTRACT_CUNESCAPE).
        let ok: &[(&str, &[&str])] = &[
            ("a\"b c\"d", &["ab cd"]),
            ("a'b'c", &["abc"]),
            ("\"a\\\"b\"", &["a\"b"]),
            ("'a\\'b'", &["a'b"]),
            ("''", &[""]),
            ("\"\" x", &["", "x"]),
            ("\\s", &[" "]),
            ("'a\\x41'", &["aA"]),
            ("\\u00e9 \\U0001F600", &["é", "😀"]),
            ("\"a b\"c d", &["a bc", "d"]),
            ("a\tb", &["a", "b"]),
            ("\\101", &["A"]),
        ];
        for (input, want) in ok {
            assert_eq!(
                words(input, Escapes::Strict),
                Ok(want.iter().map(|s| s.to_string()).collect()),
                "{input}"
            );
        }
        for bad in [
            "a\\ b",
            "\\x",
            "x\\",
            "\\x41\\x00",
            "\\777",
            "\\U0000FFFE",
            "\"a\\qb\"",
        ] {
            assert_eq!(
                words(bad, Escapes::Strict),
                Err(WordError::BadEscape),
                "{bad}"
            );
        }
        for bad in ["\"a b", "'a", "\"a\"b\"c"] {
            assert_eq!(
                words(bad, Escapes::Relaxed),
                Err(WordError::Unbalanced),
                "{bad}"
            );
        }
        let relaxed: &[(&str, &str)] = &[
            ("a\\ b", "a\\ b"),
            ("\\;x", "\\;x"),
            ("x\\", "x\\"),
            ("\\x41\\x4", "A\\x4"),
        ];
        for (input, want) in relaxed {
            assert_eq!(
                words(input, Escapes::Relaxed),
                Ok(vec![want.to_string()]),
                "{input}"
            );
        }
    }

    #[test]
    fn literal_mode_for_environment_values() {
        assert_eq!(
            words("a\\tb c\\ d", Escapes::Literal),
            Ok(vec!["atb".into(), "c d".into()])
        );
        assert_eq!(words("'abc", Escapes::Literal), Ok(vec!["abc".into()]));
        assert_eq!(words("\\", Escapes::Literal), Ok(vec![String::new()]));
    }
}
