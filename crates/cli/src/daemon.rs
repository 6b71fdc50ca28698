//! `linger daemon --user`: run the user manager (≙ `systemd --user`).

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use linger_manager::ManagerConfig;

/// Run a linger daemon.
#[derive(Debug, Parser)]
#[command(
    name = "linger daemon",
    about = "Run a linger daemon: --user is the per-user service manager (≙ systemd --user), --system the login daemon (≙ systemd-logind)."
)]
pub(crate) struct DaemonArgs {
    /// Run the calling user's service manager.
    #[arg(long)]
    user: bool,
    /// Run the login/linger daemon (root).
    #[arg(long)]
    system: bool,
    /// Also print the manager's own messages on stderr.
    #[arg(long)]
    log_to_stderr: bool,
    /// Extra unit directory searched first (repeatable).
    #[arg(long = "unit-path")]
    unit_path: Vec<PathBuf>,
    /// Do not search /etc/systemd/user and /usr/lib/systemd/user (tests).
    #[arg(long)]
    no_system_units: bool,
    /// The unit to start at startup.
    #[arg(long, default_value = "default.target")]
    unit: String,
    /// State handed over by a previous image of this manager (used by daemon-reexec).
    #[arg(long, hide = true)]
    deserialize: Option<PathBuf>,
    /// Hold the manager's pipes and sockets across a crash (started by the manager itself).
    #[arg(long, hide = true)]
    fd_keeper: bool,
    #[command(flatten)]
    login: SystemArgs,
}

/// `--system` flags: every path of the login daemon can be moved (tests use temp dirs).
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Login daemon (--system)")]
struct SystemArgs {
    /// The varlink socket clients and the PAM module use.
    #[arg(long, value_name = "PATH", default_value = linger_ipc::login::DEFAULT_SOCKET)]
    socket: PathBuf,
    /// The linger registry (one empty file per lingering user).
    #[arg(long, value_name = "DIR", default_value = "/var/lib/systemd/linger")]
    linger_dir: PathBuf,
    /// Where logind.conf and logind.conf.d/ are.
    #[arg(long, value_name = "DIR", default_value = "/etc/linger")]
    config_dir: PathBuf,
    /// Parent of the users' runtime directories.
    #[arg(long, value_name = "DIR", default_value = "/run/user")]
    runtime_dir: PathBuf,
    /// The daemon's runtime state (session counter, notify socket).
    #[arg(long, value_name = "DIR", default_value = "/run/linger/state")]
    state_dir: PathBuf,
    /// A cgroup2 directory to put linger.slice below (default: the daemon's own cgroup).
    #[arg(long, value_name = "DIR")]
    cgroup_root: Option<PathBuf>,
    /// Track sessions by process instead of cgroups (driver none).
    #[arg(long)]
    no_cgroups: bool,
    /// The user manager's command line, words separated by blanks
    /// (default: this program with `daemon --user`).
    #[arg(long, value_name = "COMMAND")]
    user_manager: Option<String>,
    /// Start even where systemd is the init system (tests).
    #[arg(long)]
    ignore_systemd: bool,
    /// Do not mount a tmpfs on runtime directories (plain directories).
    #[arg(long)]
    no_runtime_tmpfs: bool,
    /// Seconds a user manager may take to become ready.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    ready_timeout: u64,
    /// Seconds a user manager may take to stop before it is killed.
    #[arg(long, value_name = "SECS", default_value_t = 10)]
    stop_timeout: u64,
    /// Where the journal's native and stdout sockets are served when no journald does.
    #[arg(long, value_name = "DIR", default_value = "/run/systemd/journal")]
    journal_dir: PathBuf,
    /// The syslog socket served when no syslog daemon does.
    #[arg(long, value_name = "PATH", default_value = "/dev/log")]
    dev_log: PathBuf,
    /// The system journal (root's and system daemons' messages).
    #[arg(long, value_name = "DIR", default_value = linger_journal::config::SYSTEM_JOURNAL)]
    system_journal: PathBuf,
    /// Leave the journal sockets and /dev/log alone.
    #[arg(long)]
    no_journal_sockets: bool,
}

fn login_config(a: SystemArgs) -> linger_login::LoginConfig {
    let mut c = linger_login::LoginConfig {
        socket: a.socket,
        linger_dir: a.linger_dir,
        config_dir: a.config_dir,
        runtime_base: a.runtime_dir,
        state_dir: a.state_dir,
        cgroup_root: a.cgroup_root,
        no_cgroups: a.no_cgroups,
        ignore_systemd: a.ignore_systemd,
        runtime_tmpfs: !a.no_runtime_tmpfs,
        ready_timeout: std::time::Duration::from_secs(a.ready_timeout),
        stop_timeout: std::time::Duration::from_secs(a.stop_timeout),
        journal_sockets: (!a.no_journal_sockets).then_some(linger_login::JournalSockets {
            dir: a.journal_dir,
            dev_log: a.dev_log,
            system_journal: a.system_journal,
        }),
        ..linger_login::LoginConfig::default()
    };
    if let Some(cmd) = a.user_manager {
        c.user_manager = cmd.split_whitespace().map(str::to_string).collect();
    }
    c
}

/// The user's unit search path and specifier values as the manager would compute them from
/// this environment: what the tools that read unit files themselves (systemctl's `edit`,
/// `cat` of a unit without a file, `systemd-analyze`) use, as systemd's tools do.
pub fn user_load_context() -> linger_unit::loader::LoadContext {
    linger_manager::load_context(&manager_config(Vec::new(), true, String::new()))
}

/// The manager configuration from the environment, as systemd --user derives it.
pub fn manager_config(unit_path: Vec<PathBuf>, system_units: bool, unit: String) -> ManagerConfig {
    // The account record the unit crate reads for specifiers: one lookup, systemd's rules.
    let user = linger_unit::specifier::current_user();
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let home = PathBuf::from(&user.home);
    let runtime_dir =
        env("XDG_RUNTIME_DIR").unwrap_or_else(|| PathBuf::from(format!("/run/user/{}", user.uid)));
    let mut environment = vec![
        ("HOME".to_string(), home.display().to_string()),
        ("USER".to_string(), user.name.clone()),
        ("LOGNAME".to_string(), user.name.clone()),
        ("SHELL".to_string(), user.shell.clone()),
        (
            "XDG_RUNTIME_DIR".to_string(),
            runtime_dir.display().to_string(),
        ),
        (
            "PATH".to_string(),
            std::env::var("PATH").unwrap_or_else(|_| {
                "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".into()
            }),
        ),
    ];
    for k in [
        "LANG",
        "LC_ALL",
        "TZ",
        "XDG_CONFIG_HOME",
        "XDG_STATE_HOME",
        "XDG_DATA_HOME",
        "XDG_CACHE_HOME",
    ] {
        if let Ok(v) = std::env::var(k) {
            environment.push((k.to_string(), v));
        }
    }
    ManagerConfig {
        config_home: env("XDG_CONFIG_HOME").unwrap_or_else(|| home.join(".config")),
        state_home: env("XDG_STATE_HOME").unwrap_or_else(|| home.join(".local/state")),
        cache_home: env("XDG_CACHE_HOME").unwrap_or_else(|| home.join(".cache")),
        data_home: env("XDG_DATA_HOME").unwrap_or_else(|| home.join(".local/share")),
        runtime_dir,
        user,
        extra_unit_dirs: unit_path,
        system_unit_dirs: system_units,
        default_unit: unit,
        environment,
        exe: std::env::current_exe().unwrap_or_else(|_| PathBuf::from("linger")),
        args: Vec::new(),
        reexec_state: None,
        cgroups: true,
    }
}

pub fn main(args: Vec<OsString>) -> ExitCode {
    let a = match crate::output::parse::<DaemonArgs>(args) {
        Ok(a) => a,
        Err(code) => return code,
    };
    if a.system && a.user {
        eprintln!("linger daemon: --user and --system exclude each other.");
        return ExitCode::from(1);
    }
    if a.system {
        return linger_login::run(login_config(a.login));
    }
    if a.fd_keeper {
        return ExitCode::from(linger_manager::keeper::serve_stdin());
    }
    if !a.user {
        eprintln!(
            "linger daemon: say which daemon to run: --user (your service manager) or --system (the login daemon)."
        );
        return ExitCode::from(1);
    }
    // daemon-reexec runs us again with the same arguments (minus the hand-over file).
    let mut args = vec!["daemon".to_string(), "--user".to_string()];
    if a.log_to_stderr {
        args.push("--log-to-stderr".into());
    }
    if a.no_system_units {
        args.push("--no-system-units".into());
    }
    for p in &a.unit_path {
        args.push("--unit-path".into());
        args.push(p.display().to_string());
    }
    args.push("--unit".into());
    args.push(a.unit.clone());
    let mut config = manager_config(a.unit_path, !a.no_system_units, a.unit);
    config.args = args;
    config.reexec_state = a.deserialize;
    run_manager(config, a.log_to_stderr)
}

/// The manager, with systemd's D-Bus API beside varlink (for systemd's own clients).
#[cfg(feature = "dbus")]
fn run_manager(config: linger_manager::ManagerConfig, log_to_stderr: bool) -> ExitCode {
    let runtime_dir = config.runtime_dir.clone();
    linger_manager::run_with(config, log_to_stderr, move |requests, sockets| {
        if let Err(e) = linger_dbus::start(requests, runtime_dir.clone(), sockets) {
            #[allow(clippy::print_stderr)]
            {
                eprintln!(
                    "linger: cannot serve D-Bus on {}: {e}; systemd's own clients cannot reach this manager",
                    linger_dbus::socket_path(&runtime_dir).display()
                );
            }
        }
    })
}

/// The manager, reached through varlink only (built without the `dbus` feature).
#[cfg(not(feature = "dbus"))]
fn run_manager(config: linger_manager::ManagerConfig, log_to_stderr: bool) -> ExitCode {
    linger_manager::run(config, log_to_stderr)
}
