//! `linger`: one binary, many names. Invoked as `systemctl`, `journalctl`, `loginctl`,
//! `systemd-run` or `systemd-analyze` (through links made by `linger install-links DIR`) it
//! takes that tool's syntax; as `linger` it has subcommands (`linger ctl …` ≙ `systemctl --user …`).
#![forbid(unsafe_code)]
#![allow(clippy::print_stdout, clippy::print_stderr)]

// Every `print!`/`println!` in this crate (these definitions shadow std's for all the modules
// below) goes through `output::write_stdout`, which ends the program quietly when the reader
// of a pipe has gone (`systemctl list-units | head -1`) instead of panicking.
macro_rules! print {
    ($($arg:tt)*) => { $crate::output::write_stdout(format_args!($($arg)*)) };
}
macro_rules! println {
    () => { $crate::output::write_stdout(format_args!("\n")) };
    ($($arg:tt)*) => {
        $crate::output::write_stdout(format_args!("{}\n", format_args!($($arg)*)))
    };
}

mod analyze;
mod connect;
mod ctl;
mod daemon;
mod escape;
mod journalctl;
mod links;
mod loginctl;
mod notify;
mod output;
mod run;
mod watch;

use std::ffi::OsString;
use std::process::ExitCode;

/// The names the binary answers to, and how.
const PERSONALITIES: [&str; 7] = [
    "systemctl",
    "journalctl",
    "loginctl",
    "systemd-run",
    "systemd-analyze",
    "systemd-escape",
    "systemd-notify",
];

fn main() -> ExitCode {
    let mut args: Vec<OsString> = std::env::args_os().collect();
    let argv0 = args
        .first()
        .and_then(|a| {
            std::path::Path::new(a)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
        })
        .unwrap_or_default();
    match argv0.as_str() {
        "systemctl" => ctl::main(args, "systemctl"),
        "systemd-analyze" => analyze::main(args, "systemd-analyze"),
        "journalctl" => journal_main(args, "journalctl"),
        "loginctl" => loginctl::main(args, "loginctl"),
        "systemd-run" => run::main(args),
        "systemd-escape" => escape::main(args),
        "systemd-notify" => notify::main(args),
        _ => {
            if args.len() < 2 {
                print_usage();
                return ExitCode::from(1);
            }
            let sub = args.remove(1).to_string_lossy().into_owned();
            args[0] = OsString::from(format!("linger {sub}"));
            match sub.as_str() {
                "ctl" => ctl::main(args, "linger ctl"),
                "daemon" => daemon::main(args),
                "install-links" => links::main(args, &PERSONALITIES),
                "analyze" => analyze::main(args, "linger analyze"),
                "verify" | "timespan" | "calendar" | "timestamp" => {
                    args.insert(1, OsString::from(sub.clone()));
                    analyze::main(args, "linger")
                }
                "journal" => journal_main(args, "linger journal"),
                "login" => loginctl::main(args, "linger login"),
                "run" => run::main(args),
                "escape" => escape::main(args),
                "notify" => notify::main(args),
                "-h" | "--help" | "help" => {
                    print_usage();
                    ExitCode::SUCCESS
                }
                "--version" | "-V" => {
                    print!("{}", output::version_text());
                    ExitCode::SUCCESS
                }
                other => {
                    eprintln!("linger: unknown command '{other}'");
                    print_usage();
                    ExitCode::from(1)
                }
            }
        }
    }
}

/// journalctl's syntax: one flag table, [`journalctl::JournalArgs`].
#[derive(Debug, clap::Parser)]
#[command(
    name = "journalctl",
    about = "Query your user services' journal (linger).",
    version
)]
struct JournalCli {
    #[command(flatten)]
    args: journalctl::JournalArgs,
}

fn journal_main(args: Vec<OsString>, _name: &str) -> ExitCode {
    match output::parse::<JournalCli>(args) {
        Ok(c) => journalctl::run(&c.args),
        Err(code) => code,
    }
}

fn print_usage() {
    println!(
        "linger {} — systemd's lingering user services, for any Linux

Usage:
  linger ctl COMMAND [UNIT…]        control your services (≙ systemctl --user)
  linger journal [OPTIONS…]         read your services' logs (≙ journalctl --user)
  linger daemon --user              run your service manager (≙ systemd --user)
  linger daemon --system            run the login daemon, as root (≙ systemd-logind)
  linger run [OPTIONS…] COMMAND…    run a command as a transient service (≙ systemd-run --user)
  linger login COMMAND              sessions, users and linger (≙ loginctl)
  linger verify FILE…               check unit files (≙ systemd-analyze verify)
  linger timespan SPAN…             parse time spans (≙ systemd-analyze timespan)
  linger calendar EXPR…             parse calendar events (≙ systemd-analyze calendar)
  linger escape STRING…             escape strings for unit names (≙ systemd-escape)
  linger notify [--ready] [VAR=…]   tell the manager about a service's state (≙ systemd-notify)
  linger install-links DIR          make systemctl, systemd-analyze … links to this binary

Run 'linger ctl --help' for the systemctl commands.",
        env!("CARGO_PKG_VERSION")
    );
}
