//! `ExecStart=`-style command lines: quoting, C escapes, prefixes, `;` separated commands,
//! and exec-time `$VAR`/`${VAR}` expansion.
//!
//! Parsing follows systemd 252's `config_parse_exec()` (systemd.service(5), "Command lines"):
//! - the value is split into words ([`words`]); specifiers are expanded in each word
//!   *after* unquoting, so an expanded value never splits into several words;
//! - the first word of a command carries the prefixes `-` `@` `:` `+` `!` `!!` (each at
//!   most once, in any order; `+` excludes `!`/`!!`) and then the executable, which must
//!   be an absolute path or a bare file name, without quotes, backslashes or control
//!   characters, and not end in `/`; `path` is that word with `//` and `/./` collapsed;
//! - a lone `;` (followed by a blank or the end) ends a command, `\;` is a literal `;`
//!   argument; a command whose first word is `;` is skipped;
//! - errors fail the unit (`ExecLineError`), except when the command has the `-` prefix:
//!   then systemd logs them with ", ignoring" and drops the rest of the line.

mod env;
mod quote;
mod words;

pub use env::expand_environment;
pub use quote::{quote_env, quote_word};

use crate::specifier::SpecifierError;
use words::{Escapes, WordError, extract_first_word, skip_blanks};

/// The special prefixes of an Exec*= command (systemd.service(5), table 1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExecFlags {
    /// `-`: a failure exit status is recorded but ignored.
    pub ignore_failure: bool,
    /// `@`: the second word is argv[0], the first is the path executed.
    pub argv0_override: bool,
    /// `:`: no environment variable substitution.
    pub no_env_expand: bool,
    /// `+`: full privileges (no effect in a user manager beyond being recorded).
    pub full_privileges: bool,
    /// `!!` (systemd's `EXEC_COMMAND_AMBIENT_MAGIC`): like `!`, but only where ambient
    /// capabilities are unsupported.
    pub ambient: bool,
    /// `!` (systemd's `EXEC_COMMAND_NO_SETUID`): user/group switching is left out.
    pub no_setuid: bool,
}

/// One command to execute.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExecCommand {
    /// The program to execute (absolute, or a bare name resolved at load time).
    pub path: String,
    /// argv including argv[0]; `$VAR`s still unexpanded (see [`expand_environment`]).
    pub argv: Vec<String>,
    /// Prefix flags.
    pub flags: ExecFlags,
}

/// Why a command line could not be parsed (systemd: `-ENOEXEC`, the unit fails to load).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ExecLineError {
    /// Human description naming what is wrong (systemd's wording).
    pub message: String,
}

/// The result of parsing one `Exec*=` value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExecLine {
    /// The value was empty: the list of commands is to be reset.
    pub reset: bool,
    /// Commands to append to the list (possibly none: a line that was ignored).
    pub commands: Vec<ExecCommand>,
    /// Warnings in systemd's wording ("Ignoring unknown escape sequences: …", or the reason
    /// a `-`-prefixed command line was ignored, ending in ", ignoring: …").
    pub warnings: Vec<String>,
}

/// Parse one `Exec*=` value into its commands (several when separated by a lone `;`),
/// without specifier expansion. An empty value gives `Ok(vec![])` (reset); so does a
/// `-`-prefixed line that systemd ignores. Use [`parse_exec_line_with`] for the details.
pub fn parse_exec_line(value: &str) -> Result<Vec<ExecCommand>, ExecLineError> {
    parse_exec_line_with(value, &|w| Ok(w.to_owned())).map(|l| l.commands)
}

/// Parse one `Exec*=` value, expanding specifiers in every word with `expand` (after
/// unquoting, as systemd does: the executable with `unit_path_printf`, the arguments with
/// `unit_full_printf`; both are the same expansion here).
pub fn parse_exec_line_with(
    value: &str,
    expand: &dyn Fn(&str) -> Result<String, SpecifierError>,
) -> Result<ExecLine, ExecLineError> {
    let mut line = ExecLine::default();
    if value.is_empty() {
        line.reset = true;
        return Ok(line);
    }
    let mut p = value;
    // systemd quotes the text from the start of the current command in its messages.
    let mut start = value;
    loop {
        let first = match take_word(&mut p, start, &mut line.warnings) {
            Ok(Some(w)) => w,
            Ok(None) => return Ok(line),
            // An unreadable first word: systemd warns and stops, keeping the commands
            // already parsed, and the unit still loads.
            Err(message) => {
                line.warnings.push(message);
                return Ok(line);
            }
        };
        if first == ";" {
            continue;
        }
        match parse_command(&first, &mut p, start, expand, &mut line.warnings)? {
            Command::Parsed(cmd, more) => {
                line.commands.push(cmd);
                if !more {
                    return Ok(line);
                }
                p = skip_blanks(p);
                start = p;
            }
            Command::Ignored(message) => {
                line.warnings.push(message);
                return Ok(line);
            }
        }
    }
}

/// One command's outcome.
enum Command {
    /// Parsed; `true` if a `;` announced another command.
    Parsed(ExecCommand, bool),
    /// A `-` command that systemd drops, with the warning.
    Ignored(String),
}

fn parse_command(
    first: &str,
    p: &mut &str,
    value: &str,
    expand: &dyn Fn(&str) -> Result<String, SpecifierError>,
    warnings: &mut Vec<String>,
) -> Result<Command, ExecLineError> {
    let (flags, rest) = split_prefixes(first);
    let ignoring = if flags.ignore_failure {
        ", ignoring"
    } else {
        ""
    };
    let fail = |message: String| {
        if flags.ignore_failure {
            Ok(Command::Ignored(message))
        } else {
            Err(ExecLineError { message })
        }
    };
    let path = match expand(rest) {
        Ok(p) => p,
        Err(e) => {
            return fail(format!(
                "Failed to resolve unit specifiers in '{rest}'{ignoring}: {e}"
            ));
        }
    };
    if path.is_empty() {
        return fail(format!("Empty path in command line{ignoring}: '{value}'"));
    }
    if !is_safe(&path) {
        return fail(format!(
            "Executable name contains special characters{ignoring}: {path}"
        ));
    }
    if path.ends_with('/') {
        return fail(format!(
            "Executable path specifies a directory{ignoring}: {path}"
        ));
    }
    if !path.starts_with('/') && !is_valid_filename(&path) {
        return fail(format!(
            "Neither a valid executable name nor an absolute path{ignoring}: {path}"
        ));
    }
    let mut argv = Vec::new();
    if !flags.argv0_override {
        argv.push(path.clone());
    }
    let mut more = false;
    loop {
        *p = skip_blanks(p);
        if let Some(after) = lone(p, ";") {
            *p = after;
            more = true;
            break;
        }
        if let Some(after) = lone(p, "\\;") {
            argv.push(";".to_owned());
            *p = after;
            continue;
        }
        let word = match take_word(p, value, warnings) {
            Ok(Some(w)) => w,
            Ok(None) => break,
            Err(message) => return fail(message),
        };
        match expand(&word) {
            Ok(w) => argv.push(w),
            Err(e) => {
                return fail(format!(
                    "Failed to resolve unit specifiers in {word}{ignoring}: {e}"
                ));
            }
        }
    }
    if argv.is_empty() {
        return fail(format!(
            "Empty executable name or zeroeth argument{ignoring}: {value}"
        ));
    }
    Ok(Command::Parsed(
        ExecCommand {
            path: simplify_path(&path),
            argv,
            flags,
        },
        more,
    ))
}

/// `token` standing alone at the start of `p` (followed by a blank or the end): the rest.
fn lone<'a>(p: &'a str, token: &str) -> Option<&'a str> {
    let after = p.strip_prefix(token)?;
    let next = after.as_bytes().first();
    next.is_none_or(|b| words::WHITESPACE.contains(b))
        .then_some(after)
}

/// Strip the prefix characters off a command's first word.
fn split_prefixes(word: &str) -> (ExecFlags, &str) {
    let mut f = ExecFlags::default();
    let mut rest = word;
    loop {
        let privileged = f.full_privileges || f.no_setuid || f.ambient;
        match rest.as_bytes().first() {
            Some(b'-') if !f.ignore_failure => f.ignore_failure = true,
            Some(b'@') if !f.argv0_override => f.argv0_override = true,
            Some(b':') if !f.no_env_expand => f.no_env_expand = true,
            Some(b'+') if !privileged => f.full_privileges = true,
            Some(b'!') if !privileged => f.no_setuid = true,
            Some(b'!') if f.no_setuid && !f.ambient => {
                f.no_setuid = false;
                f.ambient = true;
            }
            _ => return (f, rest),
        }
        rest = &rest[1..];
    }
}

/// Take one word with strict C escapes, retrying relaxed (with a warning) when an escape
/// is unknown. `Err` carries systemd's message for unbalanced quoting.
fn take_word(
    p: &mut &str,
    value: &str,
    warnings: &mut Vec<String>,
) -> Result<Option<String>, String> {
    let word = match extract_first_word(p, Escapes::Strict) {
        Ok(w) => w,
        Err(WordError::BadEscape) => match extract_first_word(p, Escapes::Relaxed) {
            Ok(w) => {
                if let Some(w) = &w {
                    let shown = String::from_utf8_lossy(w);
                    warnings.push(format!("Ignoring unknown escape sequences: \"{shown}\""));
                }
                w
            }
            Err(_) => return Err(format!("Unbalanced quoting, ignoring: \"{value}\"")),
        },
        Err(WordError::Unbalanced) => {
            return Err(format!("Unbalanced quoting, ignoring: \"{value}\""));
        }
    };
    // Escapes such as `\xff` can produce bytes that are not UTF-8; systemd passes them on
    // as they are, a Rust string cannot hold them (they become U+FFFD).
    Ok(word.map(|w| {
        String::from_utf8(w).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }))
}

/// systemd's `string_is_safe()`: no control characters, quotes or backslashes.
fn is_safe(s: &str) -> bool {
    !s.chars()
        .any(|c| c < ' ' || c == '\x7f' || matches!(c, '"' | '\'' | '\\'))
}

/// A single path component usable as a file name.
fn is_valid_filename(s: &str) -> bool {
    !s.is_empty() && s != "." && s != ".." && !s.contains('/') && s.len() <= 255
}

/// systemd's `path_simplify()`: collapse repeated slashes and drop `.` components
/// (`..` stays; a trailing slash was rejected earlier).
fn simplify_path(p: &str) -> String {
    let absolute = p.starts_with('/');
    let parts: Vec<&str> = p
        .split('/')
        .filter(|c| !c.is_empty() && *c != ".")
        .collect();
    let joined = parts.join("/");
    match (absolute, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_owned(),
        (false, false) => joined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmds(v: &str) -> Vec<(String, Vec<String>)> {
        parse_exec_line(v)
            .unwrap_or_default()
            .into_iter()
            .map(|c| (c.path, c.argv))
            .collect()
    }

    fn c(path: &str, argv: &[&str]) -> (String, Vec<String>) {
        (
            path.to_owned(),
            argv.iter().map(|s| s.to_string()).collect(),
        )
    }

    #[test]
    fn semicolons() {
        // Observed from systemd 252's config_parse_exec().
        assert_eq!(cmds("; /bin/x"), vec![c("/bin/x", &["/bin/x"])]);
        assert_eq!(cmds("';' /bin/x"), vec![c("/bin/x", &["/bin/x"])]);
        assert_eq!(cmds("/bin/x a;"), vec![c("/bin/x", &["/bin/x", "a;"])]);
        assert_eq!(
            cmds("/bin/x a ;b"),
            vec![c("/bin/x", &["/bin/x", "a", ";b"])]
        );
        assert_eq!(
            cmds("/bin/x ;; /bin/y"),
            vec![c("/bin/x", &["/bin/x", ";;", "/bin/y"])]
        );
        assert_eq!(
            cmds("\t/bin/x\ta\t;\t/bin/y"),
            vec![c("/bin/x", &["/bin/x", "a"]), c("/bin/y", &["/bin/y"])]
        );
        assert_eq!(
            cmds("/bin/x \\; ; /bin/y"),
            vec![c("/bin/x", &["/bin/x", ";"]), c("/bin/y", &["/bin/y"])]
        );
        assert!(parse_exec_line("/bin/x ; \\; /bin/y").is_err());
        assert_eq!(parse_exec_line(";"), Ok(vec![]));
    }

    #[test]
    fn prefixes() {
        let flags = |v: &str| parse_exec_line(v).map(|c| c[0].flags);
        let f = flags("!-!/bin/x").unwrap_or_default();
        assert!(f.ignore_failure && f.ambient && !f.no_setuid);
        assert!(flags("!/bin/x").is_ok_and(|f| f.no_setuid && !f.ambient));
        for bad in [
            "+!/bin/x",
            "!+/bin/x",
            "!!!/bin/x",
            "@@/bin/x a",
            "::/bin/x",
        ] {
            assert!(parse_exec_line(bad).is_err(), "{bad}");
        }
        let line = parse_exec_line_with("--/bin/x", &|w| Ok(w.to_owned()));
        assert!(line.is_ok_and(|l| l.commands.is_empty() && l.warnings.len() == 1));
    }

    #[test]
    fn paths() {
        assert_eq!(
            cmds("/bin/./x/../y"),
            vec![c("/bin/x/../y", &["/bin/./x/../y"])]
        );
        assert_eq!(cmds("/bin/x/."), vec![c("/bin/x", &["/bin/x/."])]);
        assert_eq!(cmds("x;y"), vec![c("x;y", &["x;y"])]);
        assert_eq!(cmds("@/bin/x \"\""), vec![c("/bin/x", &[""])]);
        for bad in [
            "/bin/x\\t/",
            "foo/",
            "foo/bar",
            ".",
            "..",
            "@",
            "\"\" a",
            "/bin/x \"a",
        ] {
            assert!(parse_exec_line(bad).is_err(), "{bad}");
        }
    }
}
