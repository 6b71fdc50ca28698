//! fnmatch(3)-style globs (`*`, `?`, `[a-z]`, `[!x]`, `\` escapes) for unit patterns.

/// True when `s` contains glob metacharacters.
pub fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// Matches `text` against `pat` (whole string).
pub fn glob_match(pat: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0usize, 0usize);
    let (mut star_p, mut star_t) = (None::<usize>, 0usize);
    while t < text.len() {
        let step = if p < pat.len() {
            match pat[p] {
                b'*' => {
                    star_p = Some(p);
                    star_t = t;
                    p += 1;
                    continue;
                }
                b'?' => Some(p + 1),
                b'[' => class(pat, p, text[t]),
                b'\\' if p + 1 < pat.len() => (pat[p + 1] == text[t]).then_some(p + 2),
                c => (c == text[t]).then_some(p + 1),
            }
        } else {
            None
        };
        match step {
            Some(np) => {
                p = np;
                t += 1;
            }
            None => match star_p {
                Some(sp) => {
                    p = sp + 1;
                    star_t += 1;
                    t = star_t;
                }
                None => return false,
            },
        }
    }
    pat[p..].iter().all(|&c| c == b'*')
}

/// Matches `c` against the class starting at `pat[p] == b'['`; the position after it.
fn class(pat: &[u8], p: usize, c: u8) -> Option<usize> {
    let mut i = p + 1;
    let negate = matches!(pat.get(i), Some(b'!' | b'^'));
    if negate {
        i += 1;
    }
    let mut matched = false;
    let mut first = true;
    while i < pat.len() && (pat[i] != b']' || first) {
        first = false;
        let lo = pat[i];
        if pat.get(i + 1) == Some(&b'-') && pat.get(i + 2).is_some_and(|&h| h != b']') {
            let hi = pat[i + 2];
            matched |= lo <= c && c <= hi;
            i += 3;
        } else {
            matched |= lo == c;
            i += 1;
        }
    }
    if i >= pat.len() {
        // No closing bracket: '[' is literal.
        return (c == b'[').then_some(p + 1);
    }
    (matched != negate).then_some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for (pat, text, want) in [
            ("web*", "web.service", true),
            ("web*", "db.service", false),
            ("*.service", "a.service", true),
            ("w?b.service", "web.service", true),
            ("[a-c]*", "b", true),
            ("[!a-c]*", "b", false),
            ("a\\*", "a*", true),
            ("a\\*", "ab", false),
            ("*a*b*", "xxaxxbxx", true),
            ("*a*b", "xxaxxbxx", false),
            ("", "", true),
            ("[", "[", true),
        ] {
            assert_eq!(
                glob_match(pat.as_bytes(), text.as_bytes()),
                want,
                "{pat} ~ {text}"
            );
        }
        assert!(is_glob("web*") && !is_glob("web.service"));
    }
}
