//! Terminal helpers: colors only on a terminal, errors printed once.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::process::ExitCode;

/// Print an error and return exit code 1.
pub fn fail(msg: &str) -> ExitCode {
    eprintln!("{msg}");
    ExitCode::from(1)
}

/// Parse a personality's command line. `Err` carries the exit code after clap has printed
/// its text: 0 for `--help`, 1 for a usage error (as systemd's tools exit).
pub fn parse<P: clap::Parser>(args: Vec<OsString>) -> Result<P, ExitCode> {
    P::try_parse_from(args).map_err(|e| {
        let _ = e.print();
        ExitCode::from(u8::from(e.use_stderr()))
    })
}

/// Whether stdout is a terminal (colors, ellipsizing).
pub fn is_tty() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// ANSI color wrapper, a no-op when not on a terminal.
pub fn color(code: &str, text: &str) -> String {
    if is_tty() {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}
