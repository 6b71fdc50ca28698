//! `systemd-cat`: standard input, or a command's output, into the user's journal — each line
//! one entry sent to the manager's native-protocol socket (`$LINGER_JOURNAL_SOCKET`, else
//! `$XDG_RUNTIME_DIR/linger/journal/socket`), with `SYSLOG_IDENTIFIER=` and `PRIORITY=`; a
//! `<N>` prefix sets a line's priority, as journald reads it.

use std::ffi::OsString;
use std::io::{BufRead, BufReader, Read};
use std::os::unix::net::UnixDatagram;
use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};

use clap::Parser;

use crate::output::fail;

/// systemd-cat's syntax.
#[derive(Debug, Parser)]
#[command(
    name = "systemd-cat",
    about = "Connect a pipeline or a command's output with the journal (linger).",
    version,
    trailing_var_arg = true
)]
pub(crate) struct Args {
    /// The syslog identifier (default: the command's name, or "cat").
    #[arg(short = 't', long, value_name = "ID")]
    identifier: Option<String>,
    /// Priority of the lines (emerg, alert, crit, err, warning, notice, info, debug or 0…7).
    #[arg(short = 'p', long, value_name = "PRIORITY", default_value = "info")]
    priority: String,
    /// Priority of the command's standard error (default: --priority).
    #[arg(long, value_name = "PRIORITY")]
    stderr_priority: Option<String>,
    /// Whether a `<N>` prefix sets a line's priority.
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "yes", default_value = "yes")]
    level_prefix: String,
    /// The command to run (none: read standard input).
    command: Vec<String>,
}

fn priority(s: &str) -> Option<u8> {
    const NAMES: [&str; 8] = [
        "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug",
    ];
    s.parse::<u8>()
        .ok()
        .filter(|p| *p < 8)
        .or_else(|| NAMES.iter().position(|n| *n == s).map(|p| p as u8))
}

/// Where entries go.
fn socket_path() -> PathBuf {
    std::env::var_os("LINGER_JOURNAL_SOCKET")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::connect::runtime_dir().join("linger/journal/socket"))
}

/// One entry in the native protocol: text fields, `MESSAGE` in the binary-safe form.
fn datagram(identifier: &str, prio: u8, message: &[u8]) -> Vec<u8> {
    let mut d = format!("PRIORITY={prio}\nSYSLOG_IDENTIFIER={identifier}\nMESSAGE\n").into_bytes();
    d.extend_from_slice(&(message.len() as u64).to_le_bytes());
    d.extend_from_slice(message);
    d.push(b'\n');
    d
}

/// A line's priority and text (`<3>text` → 3, when prefixes count).
fn split_prefix(line: &[u8], default: u8, prefixes: bool) -> (u8, &[u8]) {
    if prefixes
        && line.len() >= 3
        && line[0] == b'<'
        && line[2] == b'>'
        && (b'0'..=b'7').contains(&line[1])
    {
        return (line[1] - b'0', &line[3..]);
    }
    (default, line)
}

/// Send every line of `input` (until its end).
fn forward(
    input: impl Read,
    sock: &UnixDatagram,
    path: &PathBuf,
    id: &str,
    prio: u8,
    prefixes: bool,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(input);
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            return Ok(());
        }
        let text = line.strip_suffix(b"\n").unwrap_or(&line);
        let (p, msg) = split_prefix(text, prio, prefixes);
        sock.send_to(&datagram(id, p, msg), path)?;
    }
}

/// Entry point of the `systemd-cat` personality.
pub fn main(args: Vec<OsString>) -> ExitCode {
    let a = match crate::output::parse::<Args>(args) {
        Ok(a) => a,
        Err(code) => return code,
    };
    let Some(prio) = priority(&a.priority) else {
        return fail(&format!("Failed to parse priority value: {}", a.priority));
    };
    let err_prio = match a.stderr_priority.as_deref().map(priority) {
        None => prio,
        Some(Some(p)) => p,
        Some(None) => {
            return fail(&format!(
                "Failed to parse stderr priority value: {}",
                a.stderr_priority.as_deref().unwrap_or("")
            ));
        }
    };
    let Some(prefixes) = crate::output::term::parse_bool(&a.level_prefix) else {
        return fail(&format!(
            "Failed to parse level prefix value: {}",
            a.level_prefix
        ));
    };
    let path = socket_path();
    let sock = match UnixDatagram::unbound() {
        Ok(s) => s,
        Err(e) => return fail(&format!("Failed to create stream fd: {e}")),
    };
    if a.command.is_empty() {
        let id = a.identifier.unwrap_or_else(|| "cat".into());
        return match forward(std::io::stdin().lock(), &sock, &path, &id, prio, prefixes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&format!(
                "Failed to write to the journal at {}: {e}",
                path.display()
            )),
        };
    }
    let id = a.identifier.unwrap_or_else(|| {
        std::path::Path::new(&a.command[0])
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let mut child = match Command::new(&a.command[0])
        .args(&a.command[1..])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => return fail(&format!("Failed to execute {}: {e}", a.command[0])),
    };
    let (Some(out), Some(err)) = (child.stdout.take(), child.stderr.take()) else {
        return fail("Failed to connect the command's output.");
    };
    let sock2 = match sock.try_clone() {
        Ok(s) => s,
        Err(e) => return fail(&format!("Failed to create stream fd: {e}")),
    };
    let (path2, id2) = (path.clone(), id.clone());
    let errors = std::thread::spawn(move || forward(err, &sock2, &path2, &id2, err_prio, prefixes));
    let sent = forward(out, &sock, &path, &id, prio, prefixes);
    let sent_err = errors.join().unwrap_or(Ok(()));
    let status = child.wait();
    if let Err(e) = sent.and(sent_err) {
        return fail(&format!(
            "Failed to write to the journal at {}: {e}",
            path.display()
        ));
    }
    match status {
        Ok(s) => ExitCode::from(s.code().map_or(1, |c| c.clamp(0, 255) as u8)),
        Err(e) => fail(&format!("Failed to wait for {}: {e}", a.command[0])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_prefixes_and_priority_names() {
        assert_eq!(split_prefix(b"<3>bad", 6, true), (3, &b"bad"[..]));
        assert_eq!(split_prefix(b"<3>bad", 6, false), (6, &b"<3>bad"[..]));
        assert_eq!(split_prefix(b"<9>x", 6, true), (6, &b"<9>x"[..]));
        assert_eq!(priority("warning"), Some(4));
        assert_eq!(priority("7"), Some(7));
        assert_eq!(priority("8"), None);
    }

    #[test]
    fn messages_travel_in_the_binary_safe_form() {
        let d = datagram("t", 6, b"a\nb");
        assert!(d.starts_with(b"PRIORITY=6\nSYSLOG_IDENTIFIER=t\nMESSAGE\n"));
        assert!(d.ends_with(b"\x03\0\0\0\0\0\0\0a\nb\n"));
    }
}
