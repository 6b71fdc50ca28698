//! `linger ctl` ≙ `systemctl --user`, and the binary invoked as `systemctl`.

mod activation;
mod clean;
mod edit;
mod jobs;
mod links;
mod list;
mod offline;
mod preset;
mod reload_warning;
mod show;
mod status;
mod trigger_warning;
mod verb_parse;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// systemctl's flags that linger supports. One table: `--help` and the man page come from it.
#[derive(Debug, Parser)]
#[command(
    name = "systemctl",
    about = "Query or send control commands to your user service manager (linger).",
    version,
    // `help UNIT` is a verb of its own, as in systemctl.
    disable_help_subcommand = true,
    args_conflicts_with_subcommands = false
)]
pub struct Cli {
    #[command(flatten)]
    pub opts: Opts,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Global options (accepted before or after the command, as systemctl does).
#[derive(Debug, Args, Clone, Default)]
pub struct Opts {
    /// Talk to the calling user's service manager (always the case for linger).
    #[arg(long, global = true)]
    pub user: bool,
    /// Talk to the system manager (not provided by linger's user tools).
    #[arg(long, global = true)]
    pub system: bool,
    /// Do not pipe output into a pager ($SYSTEMD_PAGER, $PAGER, less).
    #[arg(long, global = true)]
    pub no_pager: bool,
    /// Suppress informational output.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Do not wait for jobs to finish.
    #[arg(long, global = true)]
    pub no_block: bool,
    /// Wait for started units to stop again (start), or jobs to finish.
    #[arg(long, global = true)]
    pub wait: bool,
    /// Show all properties/units, including empty or inactive ones.
    #[arg(short, long, global = true)]
    pub all: bool,
    /// Only these unit types (e.g. service,target).
    #[arg(short = 't', long = "type", global = true, value_delimiter = ',')]
    pub types: Vec<String>,
    /// Only units in these states (e.g. failed,active,running).
    #[arg(long, global = true, value_delimiter = ',')]
    pub state: Vec<String>,
    /// Only failed units (= --state=failed).
    #[arg(long, global = true)]
    pub failed: bool,
    /// Properties to show (show), comma separated or repeated.
    #[arg(short = 'p', long = "property", global = true, value_delimiter = ',')]
    pub property: Vec<String>,
    /// Print only the value of properties (show).
    #[arg(long, global = true)]
    pub value: bool,
    /// Show only this property's value (= --property=NAME --value).
    #[arg(short = 'P', global = true, value_name = "NAME")]
    pub value_property: Vec<String>,
    /// Journal lines to show in status.
    #[arg(short = 'n', long = "lines", global = true, default_value_t = 10)]
    pub lines: usize,
    /// Do not ellipsize long lines.
    #[arg(short = 'l', long = "full", global = true)]
    pub full: bool,
    /// Also start/stop the units (enable/disable/mask).
    #[arg(long, global = true)]
    pub now: bool,
    /// Make changes only until the next reboot (enable/mask).
    #[arg(long, global = true)]
    pub runtime: bool,
    /// Signal to send (kill), by name or number.
    #[arg(short = 's', long, global = true)]
    pub signal: Option<String>,
    /// Which processes to kill: main, control, all.
    #[arg(long, global = true)]
    pub kill_whom: Option<String>,
    /// How to queue jobs: replace, fail, isolate, ignore-dependencies, ignore-requirements.
    #[arg(long, global = true)]
    pub job_mode: Option<String>,
    /// Output format: json, json-pretty (where it helps).
    #[arg(short = 'o', long, global = true)]
    pub output: Option<String>,
    /// Show reverse dependencies (list-dependencies).
    #[arg(long, global = true)]
    pub reverse: bool,
    /// Show units ordered after (list-dependencies).
    #[arg(long, global = true)]
    pub after: bool,
    /// Show units ordered before (list-dependencies).
    #[arg(long, global = true)]
    pub before: bool,
    /// Do not print the legend/header.
    #[arg(long, global = true)]
    pub no_legend: bool,
    /// Whether to print the legend/header (yes/no).
    #[arg(long, global = true, value_name = "BOOL", num_args = 0..=1, default_missing_value = "yes")]
    pub legend: Option<String>,
    /// Operate on the unit files under this directory, without a manager (list-unit-files,
    /// is-enabled, enable, disable, reenable, mask, unmask, preset, preset-all; with --global,
    /// as systemctl requires).
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<std::path::PathBuf>,
    /// clean: which directories (runtime, state, cache, logs, configuration, all).
    #[arg(long, global = true, value_delimiter = ',', value_name = "KINDS")]
    pub what: Vec<String>,
    /// preset, preset-all: full, enable-only or disable-only.
    #[arg(long, global = true, value_name = "MODE")]
    pub preset_mode: Option<String>,
    /// The global user unit directories (/etc/systemd/user, …; under --root= if given), read
    /// and changed without a manager (list-unit-files, is-enabled, enable, disable, reenable,
    /// mask, unmask, preset, preset-all).
    #[arg(long, global = true)]
    pub global: bool,
    /// list-dependencies: a plain list, without tree lines and dots.
    #[arg(long, global = true)]
    pub plain: bool,
    /// list-units & co.: the units of local containers too. A user manager has no containers,
    /// so the list is the manager's own, as systemctl --user -r prints it.
    #[arg(short = 'r', long, global = true)]
    pub recursive: bool,
    /// edit: a new unit file with --full even if none exists; enable/mask: replace links.
    #[arg(short = 'f', long, global = true)]
    pub force: bool,
    /// edit: the drop-in file's name (default: override).
    #[arg(long, global = true, value_name = "NAME")]
    pub drop_in: Option<String>,
    /// edit, revert: do not reload the manager afterwards.
    #[arg(long, global = true)]
    pub no_reload: bool,
    /// Ignored for compatibility (linger never asks for passwords).
    #[arg(long, global = true)]
    pub no_ask_password: bool,
}

/// systemctl commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start (activate) units.
    Start { units: Vec<String> },
    /// Stop (deactivate) units.
    Stop { units: Vec<String> },
    /// Start a target (or unit with AllowIsolate=yes) and stop every other unit.
    Isolate { unit: String },
    /// Restart units.
    Restart { units: Vec<String> },
    /// Restart units if running.
    TryRestart { units: Vec<String> },
    /// Reload units.
    Reload { units: Vec<String> },
    /// Reload units if supported, otherwise restart.
    ReloadOrRestart { units: Vec<String> },
    /// Reload if supported, otherwise restart, only if running.
    TryReloadOrRestart { units: Vec<String> },
    /// Freeze units' processes (cgroup freezer) until thawed.
    Freeze { units: Vec<String> },
    /// Resume the processes of frozen units.
    Thaw { units: Vec<String> },
    /// Send a signal to the processes of units.
    Kill { units: Vec<String> },
    /// Show runtime status of units (or of the manager).
    Status { units: Vec<String> },
    /// Show properties of units (or of the manager).
    Show { units: Vec<String> },
    /// Show the unit files and drop-ins.
    Cat { units: Vec<String> },
    /// Edit a drop-in (or with --full the unit file) in $SYSTEMD_EDITOR/$EDITOR, then reload.
    Edit { units: Vec<String> },
    /// Remove the user's drop-ins and overriding unit files, unmask.
    Revert { units: Vec<String> },
    /// List loaded units.
    ListUnits { patterns: Vec<String> },
    /// List installed unit files.
    ListUnitFiles { patterns: Vec<String> },
    /// List timer units, soonest first.
    ListTimers { patterns: Vec<String> },
    /// List socket units and what they listen on.
    ListSockets { patterns: Vec<String> },
    /// Show a unit's dependency tree.
    ListDependencies { unit: Option<String> },
    /// List queued jobs.
    ListJobs,
    /// Enable units (create the [Install] symlinks).
    Enable { units: Vec<String> },
    /// Disable units.
    Disable { units: Vec<String> },
    /// Disable and enable again.
    Reenable { units: Vec<String> },
    /// Check whether units are active.
    IsActive { units: Vec<String> },
    /// Check whether units are enabled.
    IsEnabled { units: Vec<String> },
    /// Check whether units are failed.
    IsFailed { units: Vec<String> },
    /// Mask units (link to /dev/null).
    Mask { units: Vec<String> },
    /// Unmask units.
    Unmask { units: Vec<String> },
    /// Change resource limits of a unit now and persistently (--runtime: until reboot).
    SetProperty {
        unit: String,
        #[arg(required = true)]
        assignments: Vec<String>,
    },
    /// Reload unit files.
    DaemonReload,
    /// Re-execute the manager binary.
    DaemonReexec,
    /// Reset the failed state of units (all when none given).
    ResetFailed { units: Vec<String> },
    /// Set manager environment variables (NAME=VALUE…).
    SetEnvironment { assignments: Vec<String> },
    /// Unset manager environment variables.
    UnsetEnvironment { names: Vec<String> },
    /// Show the manager environment.
    ShowEnvironment,
    /// Is the manager up? (running, degraded, starting)
    IsSystemRunning,
    /// Parse time spans (as systemd-analyze timespan).
    Timespan { spans: Vec<String> },
    /// Parse calendar events (as systemd-analyze calendar).
    Calendar {
        exprs: Vec<String>,
        #[arg(long, default_value_t = 1)]
        iterations: u32,
        #[arg(long)]
        base_time: Option<String>,
    },
    /// Check unit files (as systemd-analyze verify).
    Verify { files: Vec<String> },
    /// Remove a stopped unit's runtime/state/cache/logs/configuration directories.
    Clean { units: Vec<String> },
    /// Enable or disable units as the preset files say.
    Preset { units: Vec<String> },
    /// Enable or disable every unit file as the preset files say.
    PresetAll,
    /// Show the target default.target is (the one the manager starts).
    GetDefault,
    /// Make TARGET the default target.
    SetDefault { target: String },
    /// Make unit files outside the search path available (a link in the config directory).
    Link { paths: Vec<String> },
    /// Make TARGET want the units (links in TARGET.wants/).
    AddWants {
        target: String,
        #[arg(required = true)]
        units: Vec<String>,
    },
    /// Make TARGET require the units (links in TARGET.requires/).
    AddRequires {
        target: String,
        #[arg(required = true)]
        units: Vec<String>,
    },
    /// Copy the named variables of this environment into the manager's.
    ImportEnvironment { names: Vec<String> },
    /// List path units.
    ListPaths { patterns: Vec<String> },
    /// Show the manual pages named in the units' Documentation=.
    Help { units: Vec<String> },
    /// Stop the user manager (like `systemctl --user exit`).
    Exit,
}

/// Parse and run.
pub fn main(args: Vec<OsString>, name: &str) -> ExitCode {
    let cli = match verb_parse::parse_fast(&args).or_else(|| verb_parse::parse_for_verb(&args)) {
        Some(c) => c,
        None => match crate::output::parse::<Cli>(args) {
            Ok(c) => c,
            Err(code) => return code,
        },
    };
    if cli.opts.system {
        eprintln!(
            "{name}: linger manages user services only; '--system' needs the system's own service manager.\nhint: use '{name} --user …' (the default here)."
        );
        return ExitCode::from(1);
    }
    let mut cli = cli;
    match cli
        .opts
        .legend
        .as_deref()
        .map(crate::output::term::parse_bool)
    {
        None | Some(Some(true)) => {}
        Some(Some(false)) => cli.opts.no_legend = true,
        Some(None) => {
            return crate::output::fail(&format!(
                "Failed to parse --legend= argument '{}'.",
                cli.opts.legend.as_deref().unwrap_or("")
            ));
        }
    }
    if !cli.opts.value_property.is_empty() {
        let names = std::mem::take(&mut cli.opts.value_property);
        cli.opts.property.extend(names);
        cli.opts.value = true;
    }
    // --global alone: the machine's own global user unit directories (/etc/systemd/user, …).
    if cli.opts.global && cli.opts.root.is_none() {
        cli.opts.root = Some(std::path::PathBuf::from("/"));
    }
    if cli.opts.root.is_some()
        && !matches!(
            cli.command,
            Some(
                Command::ListUnitFiles { .. }
                    | Command::IsEnabled { .. }
                    | Command::Enable { .. }
                    | Command::Disable { .. }
                    | Command::Reenable { .. }
                    | Command::Mask { .. }
                    | Command::Unmask { .. }
                    | Command::Preset { .. }
                    | Command::PresetAll
            )
        )
    {
        return crate::output::fail(
            "--root= and --global work with list-unit-files, is-enabled, enable, disable, reenable, mask, unmask, preset and preset-all (linger reads and changes the files itself there).",
        );
    }
    let pages = cli.command.as_ref().is_none_or(Command::pages);
    let _pager = pages
        .then(|| crate::output::pager::start(cli.opts.no_pager, false))
        .flatten();
    let Some(cmd) = cli.command else {
        return list::list_units(&cli.opts, &[]);
    };
    run(cmd, &cli.opts)
}

impl Command {
    /// Whether the verb's output goes through a pager (on a terminal), as systemctl's does.
    fn pages(&self) -> bool {
        matches!(
            self,
            Command::Status { .. }
                | Command::Show { .. }
                | Command::Cat { .. }
                | Command::ListUnits { .. }
                | Command::ListUnitFiles { .. }
                | Command::ListTimers { .. }
                | Command::ListSockets { .. }
                | Command::ListDependencies { .. }
                | Command::ListJobs
                | Command::ShowEnvironment
                | Command::ListPaths { .. }
        )
    }
}

fn run(cmd: Command, o: &Opts) -> ExitCode {
    use Command as C;
    match cmd {
        C::Start { units } => jobs::jobs("start", &units, o),
        C::Isolate { unit } => jobs::isolate(&unit, o),
        C::Stop { units } => jobs::jobs("stop", &units, o),
        C::Restart { units } => jobs::jobs("restart", &units, o),
        C::TryRestart { units } => jobs::jobs("try-restart", &units, o),
        C::Reload { units } => jobs::jobs("reload", &units, o),
        C::ReloadOrRestart { units } => jobs::jobs("reload-or-restart", &units, o),
        C::TryReloadOrRestart { units } => jobs::jobs("try-reload-or-restart", &units, o),
        C::Kill { units } => jobs::kill(&units, o),
        C::Freeze { units } => jobs::freezer(&units, true),
        C::Thaw { units } => jobs::freezer(&units, false),
        C::Status { units } => status::status(&units, o),
        C::Show { units } => show::show(&units, o),
        C::Cat { units } => show::cat(&units),
        C::Edit { units } => edit::edit(&units, o),
        C::GetDefault => links::get_default(),
        C::Preset { units } => preset::preset(&units, o),
        C::Clean { units } => clean::clean(&units, o),
        C::PresetAll => preset::preset_all(o),
        C::SetDefault { target } => links::set_default(&target, o),
        C::Link { paths } => links::link(&paths, o),
        C::AddWants { target, units } => links::add_dependency("wants", &target, &units, o),
        C::AddRequires { target, units } => links::add_dependency("requires", &target, &units, o),
        C::ImportEnvironment { names } => jobs::import_environment(&names),
        C::ListPaths { patterns } => activation::list_paths(o, &patterns),
        C::Help { units } => show::help(&units),
        C::Revert { units } => edit::revert(&units, o),
        C::ListUnits { patterns } => list::list_units(o, &patterns),
        C::ListUnitFiles { patterns } => list::list_unit_files(o, &patterns),
        C::ListTimers { patterns } => activation::list_timers(o, &patterns),
        C::ListSockets { patterns } => activation::list_sockets(o, &patterns),
        C::ListDependencies { unit } => {
            list::list_dependencies(o, unit.as_deref().unwrap_or("default.target"))
        }
        C::ListJobs => list::list_jobs(o),
        C::Enable { units } => jobs::install("enable", &units, o),
        C::Disable { units } => jobs::install("disable", &units, o),
        C::Reenable { units } => jobs::install("reenable", &units, o),
        C::Mask { units } => jobs::install("mask", &units, o),
        C::Unmask { units } => jobs::install("unmask", &units, o),
        C::IsActive { units } => show::is_state(&units, o, show::Check::Active),
        C::IsFailed { units } => show::is_state(&units, o, show::Check::Failed),
        C::IsEnabled { units } => show::is_enabled(&units, o),
        C::SetProperty { unit, assignments } => jobs::simple(
            linger_ipc::manager::method::SET_PROPERTY,
            serde_json::json!({
                "unit": crate::unit_names::mangle(&unit),
                "assignments": assignments,
                "runtime": o.runtime,
            }),
        ),
        C::DaemonReload => jobs::simple(linger_ipc::manager::method::RELOAD, serde_json::json!({})),
        C::DaemonReexec => jobs::simple(linger_ipc::manager::method::REEXEC, serde_json::json!({})),
        C::Exit => jobs::simple(linger_ipc::manager::method::EXIT, serde_json::json!({})),
        C::ResetFailed { units } => jobs::reset_failed(&units),
        C::SetEnvironment { assignments } => jobs::environment(&assignments, &[], false),
        C::UnsetEnvironment { names } => jobs::environment(&[], &names, false),
        C::ShowEnvironment => jobs::environment(&[], &[], true),
        C::IsSystemRunning => show::is_system_running(o),
        C::Timespan { spans } => crate::analyze::timespan(&spans),
        C::Calendar {
            exprs,
            iterations,
            base_time,
        } => crate::analyze::calendar(&exprs, iterations, base_time.as_deref()),
        C::Verify { files } => crate::analyze::verify(&files),
    }
}
