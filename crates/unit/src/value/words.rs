//! Word lists with quoting (`Environment="A=b c" D=e`), absolute paths, environment assignments.

use std::path::PathBuf;

use super::ValueError;

/// Split a value into words as systemd's list settings do: whitespace separates, `"…"` and
/// `'…'` group (quotes may start anywhere in a word and are removed). With `cunescape`, C
/// escapes (`\n`, `\x41`, `\s` …) are decoded; otherwise a backslash and the character after
/// it are kept as written (the character only loses its special meaning).
pub fn split_words(s: &str, cunescape: bool) -> Result<Vec<String>, ValueError> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (_, '\\') => {
                in_word = true;
                let Some(next) = chars.next() else {
                    return Err(ValueError::new("trailing backslash"));
                };
                if cunescape {
                    unescape_one(next, &mut chars, &mut cur)?;
                } else {
                    cur.push('\\');
                    cur.push(next);
                }
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => cur.push(c),
            (None, '"' | '\'') => {
                in_word = true;
                quote = Some(c);
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            (None, c) => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if quote.is_some() {
        return Err(ValueError::new("unbalanced quoting"));
    }
    if in_word {
        words.push(cur);
    }
    Ok(words)
}

/// Decode the escape after a backslash (`first` is the character after it) into `out`.
fn unescape_one(
    first: char,
    rest: &mut std::iter::Peekable<std::str::Chars<'_>>,
    out: &mut String,
) -> Result<(), ValueError> {
    let bad = || ValueError::new(format!("invalid escape sequence \\{first}"));
    let simple = match first {
        'a' => Some('\u{7}'),
        'b' => Some('\u{8}'),
        'f' => Some('\u{c}'),
        'n' => Some('\n'),
        'r' => Some('\r'),
        't' => Some('\t'),
        'v' => Some('\u{b}'),
        's' => Some(' '),
        '\\' | '"' | '\'' => Some(first),
        _ => None,
    };
    if let Some(c) = simple {
        out.push(c);
        return Ok(());
    }
    let mut take_digits = |n: usize, radix: u32| -> Result<u32, ValueError> {
        let mut v = 0u32;
        for _ in 0..n {
            let d = rest
                .next()
                .and_then(|c| c.to_digit(radix))
                .ok_or_else(bad)?;
            v = v * radix + d;
        }
        Ok(v)
    };
    let code = match first {
        'x' => take_digits(2, 16)?,
        'u' => take_digits(4, 16)?,
        'U' => take_digits(8, 16)?,
        '0'..='7' => {
            let d = first.to_digit(8).ok_or_else(bad)?;
            d * 64 + take_digits(2, 8)?
        }
        _ => return Err(bad()),
    };
    // NUL cannot be represented in a C string, so systemd refuses it.
    if code == 0 {
        return Err(bad());
    }
    out.push(char::from_u32(code).ok_or_else(bad)?);
    Ok(())
}

/// Decode C escapes (`\n`, `\t`, `\x41`, `\101`, `\u00e4` …) in `s`.
pub fn cunescape(s: &str) -> Result<String, ValueError> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            let next = chars
                .next()
                .ok_or_else(|| ValueError::new("trailing backslash"))?;
            unescape_one(next, &mut chars, &mut out)?;
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// Parse an absolute path as `config_parse_path` does: must start with `/`, must be valid
/// UTF-8 (text read lossily shows invalid bytes as U+FFFD), and is simplified (`//` and `/./`
/// collapse, trailing `/` and `/.` go).
pub fn parse_path(s: &str) -> Result<PathBuf, ValueError> {
    let t = s.trim();
    if t.contains('\u{FFFD}') {
        return Err(ValueError::new("string is not UTF-8 clean"));
    }
    if !t.starts_with('/') {
        return Err(ValueError::new(format!("path is not absolute: {t}")));
    }
    let parts: Vec<&str> = t
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    Ok(PathBuf::from(format!("/{}", parts.join("/"))))
}

/// Whether `name` is a valid environment variable name (letters, digits, `_`, not starting
/// with a digit).
pub fn env_name_is_valid(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Valid `NAME=value` pairs, and the words that were not valid assignments.
pub type EnvAssignments = (Vec<(String, String)>, Vec<String>);

/// Parse an `Environment=` value: quoted, C-unescaped `NAME=value` words. Returns the valid
/// assignments and the words that were ignored (with why).
pub fn parse_environment_assignments(s: &str) -> Result<EnvAssignments, ValueError> {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for word in split_words(s, true)? {
        match word.split_once('=') {
            Some((k, v)) if env_name_is_valid(k) => ok.push((k.to_string(), v.to_string())),
            _ => bad.push(word),
        }
    }
    Ok((ok, bad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(
            split_words("foo bar foo", false),
            Ok(vec!["foo".into(), "bar".into(), "foo".into()])
        );
        assert_eq!(
            split_words("\"foo bar\" foo", false),
            Ok(vec!["foo bar".into(), "foo".into()])
        );
        assert_eq!(split_words("a\"b c\"d", false), Ok(vec!["ab cd".into()]));
        assert!(split_words("a\\ b", true).is_err());
        assert_eq!(split_words("\\x41\\n", true), Ok(vec!["A\n".into()]));
        assert!(split_words("\"open", false).is_err());
        assert_eq!(split_words("  ", false), Ok(vec![]));
    }

    #[test]
    fn paths() {
        assert_eq!(
            parse_path("///path/foo///bar////bar//"),
            Ok(PathBuf::from("/path/foo/bar/bar"))
        );
        assert_eq!(
            parse_path("/path//./////hogehoge///."),
            Ok(PathBuf::from("/path/hogehoge"))
        );
        assert_eq!(parse_path("/"), Ok(PathBuf::from("/")));
        assert!(parse_path("rel").is_err());
    }

    #[test]
    fn environment() {
        let (ok, bad) = parse_environment_assignments("\"A=b c\" D=e F 1X=2").unwrap_or_default();
        assert_eq!(
            ok,
            vec![("A".into(), "b c".into()), ("D".into(), "e".into())]
        );
        assert_eq!(bad, vec!["F".to_string(), "1X=2".to_string()]);
    }
}
