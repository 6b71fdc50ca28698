//! Exec-time `$VAR` / `${VAR}` expansion of a command's arguments (systemd.service(5),
//! "Command lines"), matching systemd 252's `replace_env_argv()`:
//!
//! - a word that starts with `$` but not `${` or `$$` is a variable reference as a whole
//!   (everything after the `$` is the name): it becomes the variable's value split at
//!   blanks, quotes grouping and a backslash quoting the next character; an unset or
//!   empty variable removes the word;
//! - inside any other word, `${NAME}` is replaced by the value (empty if unset) and `$$`
//!   by `$`; `$NAME` without braces stays literal; `${NAME:-…}` and `${NAME:+…}` (default and
//!   alternate values, which this version does not implement) stay literal through their
//!   `}`, `${NAME:` followed by anything else stays literal up to the colon, and an
//!   unterminated `${` stays literal.

use super::words::{Escapes, extract_first_word};

/// Exec-time expansion of `$VAR` (a whole word: split on whitespace) and `${VAR}`
/// (substituted in place) against the service environment.
pub fn expand_environment(argv: &[String], lookup: &dyn Fn(&str) -> Option<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(argv.len());
    for arg in argv {
        match whole_word_variable(arg) {
            Some(name) => {
                if let Some(value) = lookup(name) {
                    let mut rest = value.as_str();
                    while let Ok(Some(w)) = extract_first_word(&mut rest, Escapes::Literal) {
                        out.push(String::from_utf8_lossy(&w).into_owned());
                    }
                }
            }
            None => out.push(expand_in_word(arg, lookup)),
        }
    }
    out
}

/// `$NAME` as a whole word: the name, if `arg` is one.
fn whole_word_variable(arg: &str) -> Option<&str> {
    let name = arg.strip_prefix('$')?;
    if name.starts_with('{') || name.starts_with('$') {
        return None;
    }
    Some(name)
}

/// Replace `${NAME}` and `$$` inside one word.
pub(crate) fn expand_in_word(word: &str, lookup: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(word.len());
    let mut rest = word;
    while let Some(pos) = rest.find('$') {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        if let Some(after) = tail.strip_prefix("$$") {
            out.push('$');
            rest = after;
        } else if let Some(body) = tail.strip_prefix("${") {
            match body.find(['}', ':']) {
                Some(end) if body.as_bytes()[end] == b'}' => {
                    out.push_str(&lookup(&body[..end]).unwrap_or_default());
                    rest = &body[end + 1..];
                }
                Some(colon) if matches!(body.as_bytes().get(colon + 1), Some(b'-' | b'+')) => {
                    // `${NAME:-…}` / `${NAME:+…}` are kept as written, through the `}`.
                    match body[colon..].find('}') {
                        Some(close) => {
                            let stop = 2 + colon + close + 1;
                            out.push_str(&tail[..stop]);
                            rest = &tail[stop..];
                        }
                        None => {
                            out.push_str(tail);
                            rest = "";
                        }
                    }
                }
                Some(colon) => {
                    // Any other `:` ends the reference: `${NAME:` stays, scanning goes on.
                    out.push_str(&tail[..2 + colon + 1]);
                    rest = &body[colon + 1..];
                }
                None => {
                    out.push_str(tail);
                    rest = "";
                }
            }
        } else {
            out.push('$');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_replace_env_argv() {
        // Observed from systemd 252's replace_env_argv() with this environment.
        let env = [
            ("FOO", "a b  c"),
            ("BAR", "x"),
            ("EMPTY", ""),
            ("SP", "  lead"),
            ("Q", "'q r' \"s\""),
            ("NL", "1\n2"),
        ];
        let lookup = |k: &str| {
            env.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_string())
        };
        let cases: &[(&[&str], &[&str])] = &[
            (&["$FOO"], &["a", "b", "c"]),
            (&["${FOO}"], &["a b  c"]),
            (&["x$FOO"], &["x$FOO"]),
            (&["x${FOO}y"], &["xa b  cy"]),
            (&["$$"], &["$"]),
            (&["$$FOO"], &["$FOO"]),
            (&["$UNSET"], &[]),
            (&["${UNSET}"], &[""]),
            (&["$EMPTY"], &[]),
            (&["$SP"], &["lead"]),
            (&["$Q"], &["q r", "s"]),
            (&["$NL"], &["1", "2"]),
            (&["${FOO:-def}"], &["${FOO:-def}"]),
            (&["x${BAR:-d}y${BAR}"], &["x${BAR:-d}yx"]),
            (&["${A_B"], &["${A_B"]),
            (&["$"], &[]),
            (&["x$"], &["x$"]),
            (&["$FOO$"], &[]),
            (&["$$$BAR"], &["$$BAR"]),
            (&["$${BAR}"], &["${BAR}"]),
            (&["${${BAR}}"], &["}"]),
            (&["${}"], &[""]),
            (&["${:${FOO}"], &["${:a b  c"]),
            (&["${FOO:$$"], &["${FOO:$"]),
            (&["a", "$UNSET", "b"], &["a", "b"]),
        ];
        for (input, want) in cases {
            let argv: Vec<String> = input.iter().map(|s| s.to_string()).collect();
            assert_eq!(expand_environment(&argv, &lookup), *want, "{input:?}");
        }
    }
}
