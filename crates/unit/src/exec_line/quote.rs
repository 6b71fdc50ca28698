//! The inverse of parsing: writing a value into a unit file so that it reads back exactly
//! (transient units made by `systemd-run` and by the D-Bus `StartTransientUnit`).

/// One `ExecStart=` word: double quotes, with `\`, `"`, `%` and `$` escaped, so the command
/// runs exactly as given (no specifier or variable expansion).
pub fn quote_word(arg: &str) -> String {
    quote_with(arg, true)
}

/// One `Environment=` assignment, where `$` is not special (only `Exec*=` lines expand
/// variables, so `$$` would stay doubled there).
pub fn quote_env(assignment: &str) -> String {
    quote_with(assignment, false)
}

fn quote_with(arg: &str, dollar: bool) -> String {
    let mut s = String::from("\"");
    for c in arg.chars() {
        match c {
            '\\' => s.push_str("\\\\"),
            '"' => s.push_str("\\\""),
            '%' => s.push_str("%%"),
            '$' if dollar => s.push_str("$$"),
            '\n' => s.push_str("\\n"),
            _ => s.push(c),
        }
    }
    s.push('"');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_words_read_back_as_given() {
        // (`%%` and `$$` are undone later, by specifier and variable expansion.)
        for arg in ["plain", "two words", "a\"b", "back\\slash", "line\nbreak"] {
            let line = format!("/bin/echo {}", quote_word(arg));
            let cmd = crate::exec_line::parse_exec_line(&line).unwrap();
            assert_eq!(cmd[0].argv[1], arg, "{line}");
        }
        assert_eq!(quote_word("100% $HOME"), "\"100%% $$HOME\"");
        assert_eq!(quote_env("A=$B"), "\"A=$B\"");
    }
}
