//! `linger run` (≙ `systemd-run --user`): run a command as a transient service, or on a
//! schedule through a transient timer.
//!
//! Transient units are unit files written to `$XDG_RUNTIME_DIR/systemd/transient` (the
//! search-path directory systemd uses for them), so they are listed, shown and stopped like
//! any unit, report `UnitFileState=transient`, and vanish with the runtime directory.

use linger_unit::exec_line::{quote_env, quote_word as quote};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use linger_ipc::manager::{self as api, method};
use linger_ipc::unit_status::{self, MainExit};
use serde_json::json;

use crate::connect::connect;
use crate::output::fail;

mod scope;
mod stdio;

/// systemd-run's syntax, for the user manager.
#[derive(Debug, Parser)]
#[command(
    name = "systemd-run",
    about = "Run a command as a transient user service or timer (linger).",
    version,
    trailing_var_arg = true
)]
pub(crate) struct RunArgs {
    /// Talk to the user manager (the only one linger has; accepted for compatibility).
    #[arg(long)]
    user: bool,
    /// Unit name (default: run-uN).
    #[arg(short = 'u', long)]
    unit: Option<String>,
    /// Description.
    #[arg(long)]
    description: Option<String>,
    /// Set a unit property (timer properties with --timer-property).
    #[arg(short = 'p', long = "property", value_name = "NAME=VALUE")]
    property: Vec<String>,
    /// Set an environment variable for the command (NAME alone: its value here).
    #[arg(short = 'E', long = "setenv", value_name = "NAME[=VALUE]")]
    setenv: Vec<String>,
    /// Working directory of the command.
    #[arg(long)]
    working_directory: Option<String>,
    /// Run in the caller's working directory.
    #[arg(short = 'd', long)]
    same_dir: bool,
    /// Slice to place the unit in (`.slice` added when missing).
    #[arg(long)]
    slice: Option<String>,
    /// Nice level of the service's processes (-20…19).
    #[arg(long, allow_negative_numbers = true, value_name = "NICE")]
    nice: Option<String>,
    /// Service type (simple, exec, oneshot, forking, notify).
    #[arg(long)]
    service_type: Option<String>,
    /// Keep the service after its process exited (RemainAfterExit=yes).
    #[arg(short = 'r', long)]
    remain_after_exit: bool,
    /// Collect the unit when it ends even if it failed (CollectMode=inactive-or-failed: its
    /// transient file is removed); without it a failed one's file stays until `reset-failed`.
    #[arg(short = 'G', long)]
    collect: bool,
    /// Wait until the service ended and report how.
    #[arg(long)]
    wait: bool,
    /// Do not wait for the start job.
    #[arg(long)]
    no_block: bool,
    /// Print nothing on success.
    #[arg(short = 'q', long)]
    quiet: bool,
    /// Run the command here, in a new transient scope unit of the user manager.
    #[arg(long)]
    scope: bool,
    /// The service uses this command's standard input, output and error (for pipelines);
    /// waits like --wait.
    #[arg(short = 'P', long)]
    pipe: bool,
    /// Connect the service to this terminal through a new pseudo-terminal (for interactive
    /// programs); waits like --wait.
    #[arg(short = 't', long)]
    pty: bool,
    /// Timer: run after this much time.
    #[arg(long)]
    on_active: Option<String>,
    /// Timer: run this long after boot.
    #[arg(long)]
    on_boot: Option<String>,
    /// Timer: run this long after the manager started.
    #[arg(long)]
    on_startup: Option<String>,
    /// Timer: run this long after the unit last became active.
    #[arg(long)]
    on_unit_active: Option<String>,
    /// Timer: run this long after the unit last became inactive.
    #[arg(long)]
    on_unit_inactive: Option<String>,
    /// Timer: run at these calendar times.
    #[arg(long)]
    on_calendar: Option<String>,
    /// Timer: set a [Timer] property.
    #[arg(long, value_name = "NAME=VALUE")]
    timer_property: Vec<String>,
    /// The command and its arguments.
    #[arg(required = true)]
    command: Vec<String>,
}

/// [Unit]-section directives a `-p` may name; everything else goes to [Service].
const UNIT_KEYS: &[&str] = &[
    "Description",
    "Documentation",
    "Wants",
    "Requires",
    "Requisite",
    "BindsTo",
    "PartOf",
    "Upholds",
    "Conflicts",
    "Before",
    "After",
    "OnFailure",
    "OnSuccess",
    "StopWhenUnneeded",
    "RefuseManualStart",
    "RefuseManualStop",
    "DefaultDependencies",
    "JobTimeoutSec",
    "StartLimitIntervalSec",
    "StartLimitBurst",
    "CollectMode",
];

fn resolve_command(cmd: &str) -> Result<String, String> {
    if cmd.contains('/') {
        let p = std::fs::canonicalize(cmd).unwrap_or_else(|_| PathBuf::from(cmd));
        return Ok(p.display().to_string());
    }
    let path = std::env::var("PATH").unwrap_or_else(|_| "/usr/local/bin:/usr/bin:/bin".into());
    path.split(':')
        .map(|d| Path::new(d).join(cmd))
        .find(|p| p.is_file())
        .map(|p| p.display().to_string())
        .ok_or_else(|| format!("Failed to find executable {cmd}: No such file or directory"))
}

fn transient_dir() -> PathBuf {
    crate::connect::runtime_dir().join("systemd/transient")
}

fn fresh_name() -> String {
    let mut b = [0u8; 4];
    let _ = rustix::rand::getrandom(&mut b, rustix::rand::GetRandomFlags::empty());
    format!("run-u{}", u32::from_ne_bytes(b) % 1_000_000)
}

/// Whether a timer option was given (a transient timer + service pair).
fn has_timer(a: &RunArgs) -> bool {
    [
        &a.on_active,
        &a.on_boot,
        &a.on_startup,
        &a.on_unit_active,
        &a.on_unit_inactive,
        &a.on_calendar,
    ]
    .iter()
    .any(|v| v.is_some())
        || !a.timer_property.is_empty()
}

/// `--description`, else the command line; `%` escaped, as systemd-run passes it verbatim
/// (a unit file would expand `%n` in it).
fn description(a: &RunArgs) -> String {
    a.description
        .clone()
        .unwrap_or_else(|| format!("[linger-run] {}", a.command.join(" ")))
        .replace('%', "%%")
}

/// The `[Unit]` section (description and the `-p` keys that belong there) and the lines of
/// the other `-p` keys, for the unit's own section (`[Service]` or `[Scope]`).
fn split_properties(a: &RunArgs) -> Result<(String, String), String> {
    let mut unit = format!("[Unit]\nDescription={}\n", description(a));
    if a.collect {
        unit.push_str("CollectMode=inactive-or-failed\n");
    }
    let mut own = String::new();
    for p in &a.property {
        let Some((k, v)) = p.split_once('=') else {
            return Err(format!("Failed to parse property {p}: expected KEY=VALUE"));
        };
        let k = k.trim();
        let line = format!("{k}={v}\n");
        if UNIT_KEYS.contains(&k) || k.starts_with("Condition") || k.starts_with("Assert") {
            unit.push_str(&line);
        } else {
            own.push_str(&line);
        }
    }
    Ok((unit, own))
}

/// `-E` assignments as (name, value): a bare `NAME` takes the caller's value, as
/// systemd-run(1) says (and is dropped when the caller has none).
fn setenv(a: &RunArgs) -> Vec<(String, String)> {
    a.setenv
        .iter()
        .filter_map(|e| match e.split_once('=') {
            Some((k, v)) => Some((k.to_string(), v.to_string())),
            None => std::env::var(e).ok().map(|v| (e.clone(), v)),
        })
        .collect()
}

/// The unit name systemd-run would use for `--unit=` (escaped like systemd's
/// `unit_name_mangle`: `has space` → `has\x20space.service`) or a fresh `run-uN`; without
/// the type suffix.
fn base_name(a: &RunArgs, suffix: &str) -> Result<String, String> {
    let Some(u) = &a.unit else {
        return Ok(fresh_name());
    };
    let (name, _) = linger_unit::name::mangle(u, suffix, false)
        .map_err(|e| format!("Failed to mangle unit name: {e}"))?;
    let base = [".service", ".timer", ".scope"]
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .unwrap_or(&name);
    if !linger_unit::name::is_valid(
        &format!("{base}{suffix}"),
        linger_unit::name::NameKinds::ANY,
    ) {
        return Err(format!("Invalid unit name: {u}"));
    }
    Ok(base.to_string())
}

/// Refuse what systemd-run refuses before anything is created: properties it does not know
/// (`-p Bogus=1`), values the unit-file parser would reject or ignore, timer expressions
/// that do not parse (with the parser's reason). `own` is the unit's own section.
fn validate(a: &RunArgs, own: &str, texts: &[(&str, &str)]) -> Result<(), String> {
    use linger_unit::settings::systemd_knows;
    for p in &a.property {
        let key = p.split_once('=').map_or(p.as_str(), |(k, _)| k.trim());
        if !systemd_knows("Unit", key) && !systemd_knows(own, key) {
            return Err(format!("Unknown assignment: {p}"));
        }
    }
    for p in &a.timer_property {
        let key = p.split_once('=').map_or(p.as_str(), |(k, _)| k.trim());
        if !systemd_knows("Unit", key) && !systemd_knows("Timer", key) {
            return Err(format!("Unknown assignment: {p}"));
        }
    }
    if let Some(c) = &a.on_calendar {
        linger_time::CalendarSpec::parse(c)
            .map_err(|e| format!("Failed to parse calendar event specification: {e}"))?;
    }
    for (flag, v) in [
        ("--on-active", &a.on_active),
        ("--on-boot", &a.on_boot),
        ("--on-startup", &a.on_startup),
        ("--on-unit-active", &a.on_unit_active),
        ("--on-unit-inactive", &a.on_unit_inactive),
    ] {
        if let Some(v) = v {
            linger_time::parse_sec(v)
                .map_err(|e| format!("Failed to parse {flag}= parameter: {e}"))?;
        }
    }
    for (name, text) in texts {
        let unit_type =
            linger_unit::name::type_of(name).ok_or_else(|| format!("Invalid unit name: {name}"))?;
        let mut b = linger_unit::settings::UnitBuilder::new(name, unit_type);
        let identity = |s: &str| Ok(s.replace("%%", "%"));
        let actx = linger_unit::settings::ApplyContext {
            expand: &identity,
            expand_name: &identity,
            home: None,
        };
        b.apply_bytes(text.as_bytes(), None, &actx);
        // A unit file would load with the setting ignored; systemd-run refuses it.
        if let Some(d) = b.config().diagnostics.first() {
            let why = d.message.strip_suffix(", ignoring.").unwrap_or(&d.message);
            return Err(format!("Invalid property for {name}: {why}."));
        }
    }
    Ok(())
}

/// `--slice=NAME` as a slice unit name (`foo` → `foo.slice`, as systemd-run mangles it).
fn slice(a: &RunArgs) -> Result<Option<String>, String> {
    a.slice
        .as_deref()
        .map(|s| {
            linger_unit::name::mangle(s, ".slice", false)
                .map(|(n, _)| n)
                .map_err(|e| format!("Failed to mangle slice name '{s}': {e}"))
        })
        .transpose()
}

/// The transient unit files for `a`: (service text, timer text).
fn unit_texts(a: &RunArgs) -> Result<(String, Option<String>), String> {
    let mut argv = a.command.clone();
    argv[0] = resolve_command(&argv[0])?;
    let (unit, properties) = split_properties(a)?;
    let mut service = String::from("[Service]\n");
    let cmdline: Vec<String> = argv.iter().map(|s| quote(s)).collect();
    service.push_str(&format!("ExecStart={}\n", cmdline.join(" ")));
    for (k, v) in setenv(a) {
        service.push_str(&format!("Environment={}\n", quote_env(&format!("{k}={v}"))));
    }
    let cwd = if a.same_dir {
        std::env::current_dir()
            .ok()
            .map(|p| p.display().to_string())
    } else {
        a.working_directory.clone()
    };
    if let Some(d) = cwd {
        // Verbatim, like the description: a directory named `a%nb` is not a specifier.
        service.push_str(&format!("WorkingDirectory={}\n", d.replace('%', "%%")));
    }
    if let Some(t) = &a.service_type {
        service.push_str(&format!("Type={t}\n"));
    }
    if a.remain_after_exit {
        service.push_str("RemainAfterExit=yes\n");
    }
    if let Some(s) = slice(a)? {
        service.push_str(&format!("Slice={s}\n"));
    }
    if let Some(n) = &a.nice {
        service.push_str(&format!("Nice={n}\n"));
    }
    service.push_str(&properties);
    let triggers = [
        ("OnActiveSec", &a.on_active),
        ("OnBootSec", &a.on_boot),
        ("OnStartupSec", &a.on_startup),
        ("OnUnitActiveSec", &a.on_unit_active),
        ("OnUnitInactiveSec", &a.on_unit_inactive),
        ("OnCalendar", &a.on_calendar),
    ];
    let timer = if has_timer(a) {
        let mut t = format!(
            "[Unit]\nDescription={}\n[Timer]\nRemainAfterElapse=no\n",
            description(a)
        );
        for (k, v) in triggers {
            if let Some(v) = v {
                t.push_str(&format!("{k}={v}\n"));
            }
        }
        for p in &a.timer_property {
            if !p.contains('=') {
                return Err(format!(
                    "Failed to parse timer property {p}: expected KEY=VALUE"
                ));
            }
            t.push_str(&format!("{p}\n"));
        }
        Some(t)
    } else {
        None
    };
    Ok((format!("{unit}{service}"), timer))
}

/// Entry point for `linger run` and the `systemd-run` personality.
pub fn main(args: Vec<OsString>) -> ExitCode {
    let a = match crate::output::parse::<RunArgs>(args) {
        Ok(a) => a,
        Err(code) => return code,
    };
    let stdio = stdio::mode(a.pipe, a.pty);
    if a.scope {
        if stdio.is_some() {
            return fail("--pty/--pipe is not compatible in --scope mode.");
        }
        return scope::run(&a);
    }
    let wait = a.wait || stdio.is_some();
    if wait && (a.no_block || has_timer(&a)) {
        let what = if a.wait { "--wait" } else { "--pipe/--pty" };
        return fail(&format!(
            "{what} may not be combined with --no-block or the timer options."
        ));
    }
    let base = match base_name(&a, ".service") {
        Ok(b) => b,
        Err(e) => return fail(&e),
    };
    let (service, timer) = match unit_texts(&a) {
        Ok(t) => t,
        Err(e) => return fail(&e),
    };
    let dir = transient_dir();
    let svc_name = format!("{base}.service");
    let timer_name = format!("{base}.timer");
    let mut texts = vec![(svc_name.as_str(), service.as_str())];
    if let Some(t) = &timer {
        texts.push((timer_name.as_str(), t.as_str()));
    }
    if let Err(e) = validate(&a, "Service", &texts) {
        return fail(&e);
    }
    // Until the start job is queued, a refusal takes the files away again.
    let remove_files = || {
        let _ = std::fs::remove_file(dir.join(&svc_name));
        if timer.is_some() {
            let _ = std::fs::remove_file(dir.join(&timer_name));
        }
    };
    if dir.join(&svc_name).exists() {
        return fail(&format!(
            "Failed to start transient service unit: Unit {svc_name} was already loaded or has a fragment file."
        ));
    }
    let write = |name: &str, text: &str| {
        linger_unit::transient::write(&dir, name, text)
            .map(drop)
            .map_err(|e| {
                format!(
                    "Failed to write transient unit {}: {e}",
                    dir.join(name).display()
                )
            })
    };
    if let Err(e) = write(&svc_name, &service) {
        return fail(&e);
    }
    if let Some(t) = &timer
        && let Err(e) = write(&timer_name, t)
    {
        remove_files();
        return fail(&e);
    }
    let mut client = match connect() {
        Ok(c) => c,
        Err(e) => {
            remove_files();
            return fail(&e);
        }
    };
    if let Err(e) = client.call(method::RELOAD, json!({})) {
        remove_files();
        return fail(&e.to_string());
    }
    let attached = match stdio.map(|m| stdio::attach(&mut client, &svc_name, m)) {
        Some(Ok(a)) => Some(a),
        Some(Err(e)) => {
            remove_files();
            return fail(&e);
        }
        None => None,
    };
    // Followed from before the start: a service that ends at once is seen ending, and the
    // manager keeps it loaded (for its result) while this follows it, even when collected.
    let changes = if wait {
        match crate::watch::Changes::subscribe(std::slice::from_ref(&svc_name)) {
            Ok(c) => Some(c),
            Err(e) => {
                remove_files();
                let _ = client.call(method::RELOAD, json!({}));
                return fail(&e);
            }
        }
    } else {
        None
    };
    let start = if timer.is_some() {
        &timer_name
    } else {
        &svc_name
    };
    let req = api::JobsRequest {
        action: linger_wire::JobAction::Start,
        units: vec![start.clone()],
        mode: linger_wire::JobMode::Fail,
        no_block: a.no_block,
    };
    let what = if timer.is_some() { "timer" } else { "service" };
    let reply = match client.call(method::JOBS, serde_json::to_value(req).unwrap_or_default()) {
        Ok(v) => serde_json::from_value::<api::JobsReply>(v).unwrap_or_default(),
        Err(e) => {
            remove_files();
            let _ = client.call(method::RELOAD, json!({}));
            return fail(&format!("Failed to start transient {what} unit: {e}"));
        }
    };
    // A start that failed (a dependency, a condition of the unit's setup) is not waited for;
    // one that was refused outright leaves nothing behind.
    if let Some(j) = reply
        .jobs
        .iter()
        .find(|j| j.job == 0 || !j.message.is_empty())
    {
        if j.job == 0 {
            remove_files();
            let _ = client.call(method::RELOAD, json!({}));
        }
        return fail(&format!(
            "Failed to start transient {what} unit: {}",
            j.message
        ));
    }
    if !a.quiet {
        if timer.is_some() {
            eprintln!("Running timer as unit: {timer_name}");
            eprintln!("Will run service as unit: {svc_name}");
        } else {
            eprintln!("Running as unit: {svc_name}");
        }
    }
    if let Some(changes) = changes {
        // The relay (with --pty) must hand the terminal back before the summary is printed.
        let (code, summary) = wait_for_end(&mut client, changes, &svc_name);
        if let Some(att) = attached {
            att.finish();
        }
        if !a.quiet
            && let Some(text) = summary
        {
            eprint!("{text}");
        }
        return code;
    }
    ExitCode::SUCCESS
}

fn props(
    client: &mut linger_ipc::Client,
    unit: &str,
    names: &[&str],
) -> Option<api::UnitProperties> {
    let req = api::UnitsRequest {
        units: vec![unit.to_string()],
        properties: names.iter().map(|s| (*s).to_string()).collect(),
        ..Default::default()
    };
    crate::unit_pages::units(client, &req).ok()?.pop()
}

/// systemd-run's exit status after `--wait`: 0 whenever the service ended cleanly (incl.
/// `SuccessExitStatus=`), the main process's exit status when it exited with one, 255 when a
/// signal ended it, else 1.
fn wait_exit_code(result: &str, main_exit: Option<MainExit>) -> u8 {
    match (result, main_exit) {
        ("success", _) => 0,
        (_, Some(MainExit::Exited(status))) if status > 0 => u8::try_from(status).unwrap_or(1),
        (_, Some(MainExit::Killed(_) | MainExit::Dumped(_))) => 255,
        _ => 1,
    }
}

/// `--wait`: until the service is inactive or failed (followed through the manager's change
/// stream `changes`, subscribed before the start; read once before and after); the exit
/// code, and the report systemd-run prints (None when the unit could not be queried).
fn wait_for_end(
    client: &mut linger_ipc::Client,
    mut changes: crate::watch::Changes,
    unit: &str,
) -> (ExitCode, Option<String>) {
    let names = [
        unit_status::ACTIVE_STATE,
        unit_status::RESULT,
        unit_status::EXEC_MAIN_CODE,
        unit_status::EXEC_MAIN_STATUS,
    ];
    let failed_query = || (fail(&format!("Failed to query {unit}.")), None);
    loop {
        let Some(u) = props(client, unit, &names) else {
            return failed_query();
        };
        let s = u.status();
        if s.active_state
            .is_some_and(linger_wire::ActiveState::is_inactive_or_failed)
        {
            let (how, what) = match s.main_exit {
                Some(MainExit::Exited(status)) => ("exited", status.to_string()),
                Some(MainExit::Killed(signal)) => {
                    ("killed", linger_engine::signal_name(signal).into())
                }
                Some(MainExit::Dumped(signal)) => {
                    ("dumped", linger_engine::signal_name(signal).into())
                }
                None => ("exited", "0".into()),
            };
            let summary = format!(
                "Finished with result: {}\nMain processes terminated with: code={how}/status={what}\n",
                s.result
            );
            return (
                ExitCode::from(wait_exit_code(s.result, s.main_exit)),
                Some(summary),
            );
        }
        // Until the unit is down: then its result is read again.
        loop {
            let Ok(batch) = changes.next() else {
                return failed_query();
            };
            let down = batch.iter().any(|c| {
                matches!(c, linger_ipc::manager::Change::UnitChanged { active, .. } if active.is_inactive_or_failed())
            });
            if down {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_is_not_expanded_as_specifiers() {
        let a = RunArgs::try_parse_from([
            "systemd-run",
            "--working-directory=/tmp/a%n",
            "echo",
            "50%n",
        ])
        .unwrap();
        let (service, _) = unit_texts(&a).unwrap();
        assert!(
            service.starts_with("[Unit]\nDescription=[linger-run] echo 50%%n\n[Service]\n"),
            "{service}"
        );
        assert!(
            service.contains("\nWorkingDirectory=/tmp/a%%n\n"),
            "{service}"
        );
        let a = RunArgs::try_parse_from([
            "systemd-run",
            "--description=100%",
            "-p",
            "ConditionPathExists=/x",
            "/bin/true",
        ])
        .unwrap();
        let (unit, own) = split_properties(&a).unwrap();
        assert_eq!(unit, "[Unit]\nDescription=100%%\nConditionPathExists=/x\n");
        assert_eq!(own, "");
    }

    #[test]
    fn a_bare_setenv_name_takes_the_callers_value() {
        let a = RunArgs::try_parse_from([
            "systemd-run",
            "-E",
            "PATH",
            "-E",
            "LINGER_TEST_SURELY_UNSET",
            "-E",
            "A=b=c",
            "/bin/true",
        ])
        .unwrap();
        let path = std::env::var("PATH").unwrap();
        assert_eq!(
            setenv(&a),
            vec![("PATH".into(), path), ("A".into(), "b=c".into())]
        );
    }

    #[test]
    fn dollars_are_doubled_only_where_variables_expand() {
        assert_eq!(quote("$HOME"), "\"$$HOME\"");
        assert_eq!(quote_env("PRICE=$5"), "\"PRICE=$5\"");
        assert_eq!(quote_env("A=50%"), "\"A=50%%\"");
    }

    #[test]
    fn wait_exit_codes_follow_systemd_run() {
        let exited = |n| Some(MainExit::Exited(n));
        assert_eq!(wait_exit_code("success", exited(0)), 0);
        assert_eq!(
            wait_exit_code("success", exited(3)),
            0,
            "SuccessExitStatus=3"
        );
        assert_eq!(wait_exit_code("exit-code", exited(7)), 7);
        assert_eq!(wait_exit_code("signal", Some(MainExit::Killed(9))), 255);
        assert_eq!(wait_exit_code("core-dump", Some(MainExit::Dumped(11))), 255);
        assert_eq!(wait_exit_code("timeout", None), 1);
    }
}
