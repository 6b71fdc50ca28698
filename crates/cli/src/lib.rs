//! `linger`: one binary, many names. Invoked as `systemctl`, `journalctl`, `loginctl`,
//! `systemd-run`, `systemd-analyze`, `systemd-escape`, `systemd-notify` or `systemd-cat` (through links made
//! by `linger install-links DIR`) it takes that tool's syntax; as `linger` it has subcommands
//! (`linger ctl …` ≙ `systemctl --user …`). The binary's `main` calls [`main`]; the clap
//! tables are also given to `xtask` ([`manual_pages`]) for man pages and completions.
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
mod cat;
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
mod unit_names;
mod unit_pages;
mod watch;

use std::ffi::OsString;
use std::process::ExitCode;

/// The names the binary answers to, and how.
const PERSONALITIES: [&str; 8] = [
    "systemctl",
    "journalctl",
    "loginctl",
    "systemd-run",
    "systemd-analyze",
    "systemd-escape",
    "systemd-notify",
    "systemd-cat",
];

/// Run the program named by argv[0] with the process's arguments.
pub fn main() -> ExitCode {
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
        "systemd-cat" => cat::main(args),
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
                "cat" => cat::main(args),
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

/// One manual page: its title (`linger-systemctl`), section, the clap table it documents,
/// and the command name its completions are for (None: no completions).
#[derive(Debug, Clone)]
pub struct ManualPage {
    /// The page's name.
    pub title: &'static str,
    /// Its section (`1`, `8`).
    pub section: &'static str,
    /// What it documents.
    pub command: clap::Command,
    /// The name the shell completes (the personality's), if any.
    pub completion_name: Option<&'static str>,
}

/// `linger`'s own command table (the subcommands of the multi-call binary).
fn linger_command() -> clap::Command {
    use clap::CommandFactory;
    clap::Command::new("linger")
        .about("systemd's lingering user services, for any Linux: one binary answering to systemctl, journalctl, loginctl, systemd-run, systemd-analyze, systemd-escape and systemd-notify")
        .version(env!("CARGO_PKG_VERSION"))
        .subcommand_required(true)
        .subcommand(ctl::Cli::command().name("ctl").about("Control your services (≙ systemctl --user)"))
        .subcommand(JournalCli::command().name("journal").about("Read your services' logs (≙ journalctl --user)"))
        .subcommand(daemon::DaemonArgs::command().name("daemon"))
        .subcommand(run::RunArgs::command().name("run").about("Run a command as a transient service (≙ systemd-run --user)"))
        .subcommand(loginctl::Cli::command().name("login").about("Sessions, users and linger (≙ loginctl)"))
        .subcommand(analyze::Cli::command().name("analyze").about("Check units and time expressions (≙ systemd-analyze)"))
        .subcommand(escape::Args::command().name("escape"))
        .subcommand(notify::Args::command().name("notify"))
        .subcommand(cat::Args::command().name("cat"))
        .subcommand(
            clap::Command::new("install-links")
                .about("Make links named systemctl, journalctl, … (and linger) to this binary in DIR")
                .arg(clap::Arg::new("force").long("force").short('f').action(clap::ArgAction::SetTrue).help("Replace files that are not links"))
                .arg(clap::Arg::new("DIR").required(true)),
        )
}

/// Every manual page the clap tables give, with the completions' command names.
pub fn manual_pages() -> Vec<ManualPage> {
    use clap::CommandFactory;
    let page = |title, section, command, completion_name| ManualPage {
        title,
        section,
        command,
        completion_name,
    };
    vec![
        page("linger", "1", linger_command(), Some("linger")),
        page(
            "linger-systemctl",
            "1",
            ctl::Cli::command(),
            Some("systemctl"),
        ),
        page(
            "linger-journalctl",
            "1",
            JournalCli::command(),
            Some("journalctl"),
        ),
        page(
            "linger-loginctl",
            "1",
            loginctl::Cli::command(),
            Some("loginctl"),
        ),
        page(
            "linger-systemd-run",
            "1",
            run::RunArgs::command(),
            Some("systemd-run"),
        ),
        page(
            "linger-systemd-analyze",
            "1",
            analyze::Cli::command(),
            Some("systemd-analyze"),
        ),
        page(
            "linger-systemd-escape",
            "1",
            escape::Args::command(),
            Some("systemd-escape"),
        ),
        page(
            "linger-systemd-notify",
            "1",
            notify::Args::command(),
            Some("systemd-notify"),
        ),
        page(
            "linger-systemd-cat",
            "1",
            cat::Args::command(),
            Some("systemd-cat"),
        ),
        page(
            "linger-daemon",
            "8",
            daemon::DaemonArgs::command().name("linger-daemon"),
            None,
        ),
    ]
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
  linger cat [-t ID] [COMMAND…]     send a pipeline's or a command's output to the journal (≙ systemd-cat)
  linger install-links DIR          make systemctl, systemd-analyze … links to this binary

Run 'linger ctl --help' for the systemctl commands.",
        env!("CARGO_PKG_VERSION")
    );
}
