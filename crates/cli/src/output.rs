//! Terminal helpers shared by every personality: stdout that ends quietly when its reader goes
//! away, usage errors in systemd's words, `--version`, colours only on a terminal.

pub mod pager;
pub mod table;
pub mod term;

use std::ffi::OsString;
use std::fmt;
use std::io::Write;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// Print an error and return exit code 1.
pub fn fail(msg: &str) -> ExitCode {
    eprintln!("{msg}");
    ExitCode::from(1)
}

/// Write to stdout; what the crate's `println!`/`print!` expand to (see `main.rs`).
///
/// A reader that closed the pipe (`systemctl list-units | head -1`, `| grep -q`) ends the
/// program quietly with status 0 — ripgrep's rule (systemd's tools die of SIGPIPE instead,
/// which `set -o pipefail` scripts then have to work around). Any other write error is
/// reported once and exits 1.
pub fn write_stdout(args: fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(args) {
        stdout_failed(&e);
    }
}

/// The end of a program whose stdout failed: quietly for a closed pipe, else with a message.
pub fn stdout_failed(e: &std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("Failed to write output: {e}");
    std::process::exit(1);
}

/// What `--version` prints on every personality. The first line is systemd's own shape
/// (`systemd NNN (PACKAGE-VERSION)`), naming the systemd release whose behaviour linger
/// follows, so scripts that read the second word as a version number keep working; the
/// parenthesis says it is linger.
pub fn version_text() -> String {
    format!(
        "systemd 252 (linger {})\n+LINGER user-manager login-manager journal -SYSTEM-MANAGER\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// Parse a personality's command line. `Err` carries the exit code after the text was
/// printed: 0 for `--help` and `--version`, 1 for a usage error, worded as systemd's tools
/// word them (`Unknown command verb edti.`, `systemctl: unrecognized option '--bogus'`).
/// clap's "a similar subcommand exists" tips are never shown: one of them named `exit`
/// (which stops the manager) for a mistyped `edit`.
pub fn parse<P: clap::Parser>(args: Vec<OsString>) -> Result<P, ExitCode> {
    let name = args
        .first()
        .map(|a| a.to_string_lossy().into_owned())
        .unwrap_or_default();
    P::try_parse_from(args).map_err(|e| report_usage_error(&name, &e))
}

/// Print a clap error (or help/version request) and give the exit code.
pub fn report_usage_error(name: &str, e: &clap::Error) -> ExitCode {
    let name = std::path::Path::new(name)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    match e.kind() {
        ErrorKind::DisplayHelp => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayVersion => {
            print!("{}", version_text());
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    let context = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => v.first().cloned(),
        _ => None,
    };
    let text = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            format!(
                "Unknown command verb {}.",
                context(ContextKind::InvalidSubcommand).unwrap_or_default()
            )
        }
        ErrorKind::UnknownArgument => format!(
            "{name}: unrecognized option '{}'",
            context(ContextKind::InvalidArg).unwrap_or_default()
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "Too few arguments.".to_string()
        }
        _ => {
            // clap's own sentence, without its "error: " prefix, tips and usage lines.
            let rendered = e.render().to_string();
            let first = rendered.lines().next().unwrap_or("").trim();
            let first = first.strip_prefix("error: ").unwrap_or(first);
            format!("{name}: {first}")
        }
    };
    eprintln!("{text}");
    ExitCode::from(1)
}

/// The styles output uses (systemd's: highlighted red for failures, green for active, …).
pub mod style {
    use anstyle::{AnsiColor, Color, Style};

    const fn fg(c: AnsiColor) -> Style {
        Style::new().fg_color(Some(Color::Ansi(c)))
    }
    /// Emphasis.
    pub const BOLD: Style = Style::new().bold();
    /// Table headers.
    pub const UNDERLINE: Style = Style::new().underline();
    /// Failures, errors.
    pub const HIGHLIGHT_RED: Style = fg(AnsiColor::Red).bold();
    /// Active, running.
    pub const HIGHLIGHT_GREEN: Style = fg(AnsiColor::Green).bold();
    /// Warnings.
    pub const HIGHLIGHT_YELLOW: Style = fg(AnsiColor::Yellow).bold();
    /// File headers (`cat`).
    pub const HIGHLIGHT_BLUE: Style = fg(AnsiColor::Blue).bold();
    /// Failed dots in trees.
    pub const RED: Style = fg(AnsiColor::Red);
    /// Active dots in trees.
    pub const GREEN: Style = fg(AnsiColor::Green);
}

/// `text` in `style` when colours are on (see [`term::colors`]), else as it is.
pub fn paint(style: anstyle::Style, text: &str) -> String {
    if term::colors() {
        format!("{}{text}{}", style.render(), style.render_reset())
    } else {
        text.to_string()
    }
}
