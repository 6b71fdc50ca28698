//! `linger login …` ≙ `loginctl`, and the binary invoked as `loginctl`: sessions, users and
//! linger, asked of `linger daemon --system` over `io.linger.Login`. linger has no seats, so
//! the seat verbs (and locking/activating, which need a seat) are refused, saying so.

mod act;
mod list;
mod show;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use linger_ipc::{CallError, Client};

use crate::output::fail;

/// loginctl's flags that linger supports. One table: `--help` and the man page come from it.
#[derive(Debug, Parser)]
#[command(
    name = "loginctl",
    about = "Introspect and control the login manager (linger daemon --system).",
    version
)]
pub struct Cli {
    #[command(flatten)]
    pub opts: Opts,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Global options (before or after the verb, as loginctl accepts them).
#[derive(Debug, Args, Clone, Default)]
pub struct Opts {
    /// Show only these properties (show-session, show-user); comma separated or repeated.
    #[arg(short = 'p', long = "property", global = true, value_delimiter = ',')]
    pub property: Vec<String>,
    /// Print only the values of properties, without "NAME=".
    #[arg(long, global = true)]
    pub value: bool,
    /// Show all properties, including empty ones.
    #[arg(short = 'a', long, global = true)]
    pub all: bool,
    /// Do not ellipsize (accepted for compatibility).
    #[arg(short = 'l', long, global = true)]
    pub full: bool,
    /// Do not print the legend (column headers and the footer).
    #[arg(long, global = true)]
    pub no_legend: bool,
    /// Do not pipe output into a pager.
    #[arg(long, global = true)]
    pub no_pager: bool,
    /// Do not ask for passwords (linger never does).
    #[arg(long, global = true)]
    pub no_ask_password: bool,
    /// Which processes kill-session signals: leader or all.
    #[arg(long, global = true, value_name = "WHOM")]
    pub kill_whom: Option<String>,
    /// Signal for kill-session/kill-user ("help" and "list" list them).
    #[arg(short = 's', long, global = true, value_name = "SIGNAL")]
    pub signal: Option<String>,
    /// Journal lines in the status verbs (accepted; linger shows no journal there).
    #[arg(short = 'n', long, global = true, value_name = "N")]
    pub lines: Option<String>,
    /// Journal output mode in the status verbs (accepted; linger shows no journal there).
    #[arg(short = 'o', long, global = true, value_name = "MODE")]
    pub output: Option<String>,
    /// JSON output: short, pretty or off.
    #[arg(long, global = true, value_name = "MODE")]
    pub json: Option<String>,
    /// Operate on a remote host (refused: linger's login manager is local only).
    #[arg(short = 'H', long, global = true, value_name = "HOST")]
    pub host: Option<String>,
    /// Operate on a container (refused: linger's login manager is local only).
    #[arg(short = 'M', long, global = true, value_name = "CONTAINER")]
    pub machine: Option<String>,
}

/// loginctl's verbs.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List current sessions.
    ListSessions,
    /// Show session status (the caller's session without ID).
    SessionStatus { ids: Vec<String> },
    /// Show properties of sessions, or of the manager without ID.
    ShowSession { ids: Vec<String> },
    /// Terminate sessions ("" is the caller's).
    TerminateSession {
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Send a signal to processes of sessions (--signal, --kill-whom).
    KillSession {
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// List logged in (and lingering) users.
    ListUsers,
    /// Show user status (the caller without USER).
    UserStatus { users: Vec<String> },
    /// Show properties of users, or of the manager without USER.
    ShowUser { users: Vec<String> },
    /// Show the manager's properties.
    Show,
    /// Keep users' service managers running without a session (the caller without USER).
    EnableLinger { users: Vec<String> },
    /// Stop lingering (the caller without USER).
    DisableLinger { users: Vec<String> },
    /// Terminate all sessions of users.
    TerminateUser {
        #[arg(required = true)]
        users: Vec<String>,
    },
    /// Send a signal to all processes of users (--signal).
    KillUser {
        #[arg(required = true)]
        users: Vec<String>,
    },
    /// Seat verbs and those that need a seat: refused (linger has no seats).
    #[command(flatten)]
    Seat(SeatCommand),
}

/// Verbs linger refuses: it tracks sessions without seats.
#[derive(Debug, Subcommand)]
pub enum SeatCommand {
    /// Not supported: needs a seat.
    Activate { args: Vec<String> },
    /// Not supported: needs a seat.
    LockSession { args: Vec<String> },
    /// Not supported: needs a seat.
    UnlockSession { args: Vec<String> },
    /// Not supported: needs a seat.
    LockSessions,
    /// Not supported: needs a seat.
    UnlockSessions,
    /// Not supported: linger has no seats.
    ListSeats,
    /// Not supported: linger has no seats.
    SeatStatus { args: Vec<String> },
    /// Not supported: linger has no seats.
    ShowSeat { args: Vec<String> },
    /// Not supported: linger has no seats.
    Attach { args: Vec<String> },
    /// Not supported: linger has no seats.
    FlushDevices,
    /// Not supported: linger has no seats.
    TerminateSeat { args: Vec<String> },
}

/// The refusal every seat verb prints.
pub const NO_SEATS: &str = "Seats are not supported by linger: this system has no seats.";

/// The login daemon's socket: `$LINGER_LOGIN_SOCKET`, else `/run/linger/login`.
pub fn socket() -> PathBuf {
    std::env::var_os("LINGER_LOGIN_SOCKET")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(linger_ipc::login::DEFAULT_SOCKET))
}

/// Connect, with a message that says what to do when the daemon is not running. Root goes
/// through the daemon's root-only socket beside it (no user's connections stand in its way).
pub fn connect() -> Result<Client, String> {
    let path = linger_ipc::login::socket_for(&socket());
    if std::fs::symlink_metadata(&path).is_err() {
        return Err(format!(
            "Failed to connect to the login manager: {} does not exist.\nhint: 'linger daemon --system' is not running; start it as root (or set LINGER_LOGIN_SOCKET).",
            path.display()
        ));
    }
    Client::connect(&path).map_err(|e| match e {
        CallError::Connect { source, .. } => format!(
            "Failed to connect to the login manager at {}: {source}\nhint: is 'linger daemon --system' running?",
            path.display()
        ),
        other => other.to_string(),
    })
}

/// Parse and run.
pub fn main(args: Vec<OsString>, _name: &str) -> ExitCode {
    let cli = match crate::output::parse::<Cli>(args) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let o = &cli.opts;
    if o.host.is_some() {
        return fail(
            "Remote operation (-H/--host) is not supported by linger: its login manager is local only.",
        );
    }
    if o.machine.is_some() {
        return fail(
            "Container operation (-M/--machine) is not supported by linger: its login manager is local only.",
        );
    }
    if let Some(j) = o.json.as_deref()
        && !matches!(j, "short" | "pretty" | "off")
    {
        return fail(&format!(
            "Invalid --json= mode '{j}': expected short, pretty or off."
        ));
    }
    let cmd = cli.command.unwrap_or(Command::ListSessions);
    // The listing and showing verbs page on a terminal, as loginctl's do.
    let _pager = cmd
        .pages()
        .then(|| crate::output::pager::start(o.no_pager, false))
        .flatten();
    run(cmd, o)
}

impl Command {
    fn pages(&self) -> bool {
        matches!(
            self,
            Command::ListSessions
                | Command::ListUsers
                | Command::SessionStatus { .. }
                | Command::ShowSession { .. }
                | Command::UserStatus { .. }
                | Command::ShowUser { .. }
                | Command::Show
        )
    }
}

fn run(cmd: Command, o: &Opts) -> ExitCode {
    use Command as C;
    match cmd {
        C::ListSessions => list::sessions(o),
        C::ListUsers => list::users(o),
        C::SessionStatus { ids } => show::sessions(&ids, o, true),
        C::ShowSession { ids } => show::sessions(&ids, o, false),
        C::UserStatus { users } => show::users(&users, o, true),
        C::ShowUser { users } => show::users(&users, o, false),
        C::Show => show::manager(o),
        C::EnableLinger { users } => act::linger(&users, true),
        C::DisableLinger { users } => act::linger(&users, false),
        C::TerminateSession { ids } => act::terminate_sessions(&ids),
        C::KillSession { ids } => act::kill_sessions(&ids, o),
        C::TerminateUser { users } => act::terminate_users(&users),
        C::KillUser { users } => act::kill_users(&users, o),
        C::Seat(s) => fail(&match s {
            SeatCommand::Activate { .. }
            | SeatCommand::LockSession { .. }
            | SeatCommand::UnlockSession { .. }
            | SeatCommand::LockSessions
            | SeatCommand::UnlockSessions => {
                format!("{NO_SEATS}\nLocking and activating sessions needs a seat.")
            }
            _ => NO_SEATS.to_string(),
        }),
    }
}

/// Print a JSON value as `--json=short|pretty` asks.
pub fn print_json(o: &Opts, v: &serde_json::Value) {
    let text = if o.json.as_deref() == Some("pretty") {
        serde_json::to_string_pretty(v)
    } else {
        serde_json::to_string(v)
    };
    println!("{}", text.unwrap_or_default());
}

/// Whether `--json` asks for JSON.
pub fn json(o: &Opts) -> bool {
    matches!(o.json.as_deref(), Some("short" | "pretty"))
}

/// The human text of a failed call (loginctl prints the bus error's message).
pub fn message(e: &CallError) -> String {
    match e {
        CallError::Remote { message, .. } => message.clone(),
        other => other.to_string(),
    }
}
