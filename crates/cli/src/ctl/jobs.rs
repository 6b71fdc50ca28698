//! start/stop/… (jobs), kill, enable/disable/mask (install), environment, simple calls.

use std::process::ExitCode;

use linger_ipc::manager::{self as api, Change, ErrorKind, method};
use linger_ipc::unit_status;
use linger_wire::{ActiveState, JobAction, JobMode, KillWhom, Signal};
use serde_json::json;

use super::Opts;
use crate::connect::connect;
use crate::output::fail;
use crate::unit_names::expand_names;

/// Queue jobs and (unless --no-block) wait for them, printing systemctl's failure messages.
pub fn jobs(action: &str, units: &[String], o: &Opts) -> ExitCode {
    if units.is_empty() {
        return fail(&format!(
            "Too few arguments: '{action}' needs at least one unit name."
        ));
    }
    let Some(job_action) = JobAction::parse(action) else {
        return fail(&format!("Unknown job action '{action}'."));
    };
    let mode = match o.job_mode.as_deref().map(str::parse::<JobMode>) {
        None => JobMode::Replace,
        Some(Ok(m)) => m,
        Some(Err(e)) => return fail(&format!("Invalid --job-mode= value: {e}.")),
    };
    let units = match expand_names(units) {
        Ok(u) if u.is_empty() => return ExitCode::SUCCESS,
        Ok(u) => u,
        Err(e) => return fail(&e),
    };
    let mut client = match connect() {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    // `start --wait` follows the units from before the start: one that ends at once is seen
    // ending, and a collected transient unit stays loaded while followed.
    let changes = if o.wait && action == "start" {
        match crate::watch::Changes::subscribe(&units) {
            Ok(c) => Some(c),
            Err(e) => return fail(&e),
        }
    } else {
        None
    };
    let req = api::JobsRequest {
        action: job_action,
        units,
        mode,
        no_block: o.no_block,
    };
    let reply = match client.call(method::JOBS, serde_json::to_value(&req).unwrap_or_default()) {
        Ok(v) => v,
        Err(e) => return fail(&e.to_string()),
    };
    let reply: api::JobsReply = serde_json::from_value(reply).unwrap_or_default();
    if !o.quiet {
        // The manager says which units' files changed; one that does not say is asked.
        let mut ask = Vec::new();
        for j in reply.jobs.iter().filter(|j| j.job != 0) {
            match j.need_daemon_reload {
                Some(true) => eprintln!("{}", super::reload_warning::line(&j.unit)),
                Some(false) => {}
                None => ask.push(j.unit.clone()),
            }
        }
        super::reload_warning::warn_changed(&ask);
    }
    let mut code = 0u8;
    let verb = match action {
        "stop" => "stop",
        "reload" => "reload",
        "restart" | "try-restart" | "reload-or-restart" | "try-reload-or-restart" => "restart",
        _ => "start",
    };
    for j in &reply.jobs {
        if j.job == 0 {
            eprintln!("Failed to {verb} {}: {}", j.unit, j.message);
            let kind = j.error.as_ref().map_or(ErrorKind::Failed, |e| e.kind);
            // systemctl points at the logs unless the refusal says it all.
            if !matches!(
                kind,
                ErrorKind::NoSuchUnit | ErrorKind::UnitMasked | ErrorKind::JobTypeNotApplicable
            ) {
                let dashes = if j.unit.starts_with('-') { " --" } else { "" };
                eprintln!(
                    "See user logs and 'systemctl --user status{dashes} {}' for details.",
                    j.unit
                );
            }
            code = exit_status(kind);
        } else if !j.message.is_empty() {
            eprintln!("{}", j.message);
            code = 1;
        }
    }
    if action == "stop" && !o.quiet {
        let stopped: Vec<String> = reply
            .jobs
            .iter()
            .filter(|j| j.job != 0)
            .map(|j| j.unit.clone())
            .collect();
        super::trigger_warning::warn_stopped(&stopped);
    }
    if let Some(changes) = changes
        && code == 0
    {
        return wait_inactive(&req.units, changes);
    }
    ExitCode::from(code)
}

/// systemctl's exit status for a refused job (LSB codes, as systemctl 252 maps its D-Bus
/// errors): 4 refused by the unit's rules, 5 no such unit, 3 not applicable, 6 not loadable.
fn exit_status(kind: ErrorKind) -> u8 {
    match kind {
        ErrorKind::OnlyByDependency
        | ErrorKind::NoIsolation
        | ErrorKind::TransactionIsDestructive => 4,
        ErrorKind::NoSuchUnit => 5,
        ErrorKind::JobTypeNotApplicable => 3,
        ErrorKind::LoadFailed => 6,
        _ => 1,
    }
}

/// `isolate UNIT`: a start job in isolate mode; a name without a suffix is a target.
pub fn isolate(unit: &str, o: &Opts) -> ExitCode {
    let name = linger_unit::name::mangle(unit, ".target", true)
        .map(|(n, _)| n)
        .unwrap_or_else(|_| unit.to_string());
    let o = Opts {
        job_mode: Some(JobMode::Isolate.as_str().to_string()),
        ..o.clone()
    };
    jobs("start", &[name], &o)
}

/// `start --wait`: block until every unit is inactive or failed again (exit 1 if one failed),
/// following `changes` (subscribed before the start).
fn wait_inactive(units: &[String], mut changes: crate::watch::Changes) -> ExitCode {
    let Ok(mut c) = connect() else {
        return ExitCode::from(1);
    };
    let req = api::UnitsRequest {
        units: units.to_vec(),
        properties: vec![unit_status::ID.into(), unit_status::ACTIVE_STATE.into()],
        ..Default::default()
    };
    let Ok(rows) = crate::unit_pages::units(&mut c, &req) else {
        return ExitCode::from(1);
    };
    drop(c);
    // The state of each unit (by id), kept current from the changes.
    let mut states: std::collections::BTreeMap<String, ActiveState> = rows
        .iter()
        .map(|u| {
            let s = u.status();
            (
                s.id.to_string(),
                s.active_state.unwrap_or(ActiveState::Inactive),
            )
        })
        .collect();
    loop {
        if states.values().all(|s| s.is_inactive_or_failed()) {
            let failed = states.values().any(|s| *s == ActiveState::Failed);
            return ExitCode::from(u8::from(failed));
        }
        let Ok(batch) = changes.next() else {
            return ExitCode::from(1);
        };
        for ch in batch {
            if let Change::UnitChanged { unit, active, .. } = ch
                && let Some(s) = states.get_mut(&unit)
            {
                *s = active;
            }
        }
    }
}

/// Signal from `TERM`, `SIGTERM` or `15` (the unit-file parser's rules).
pub fn parse_signal(s: &str) -> Option<Signal> {
    linger_unit::value::parse_signal(s)
        .ok()
        .and_then(Signal::new)
}

/// `kill`.
pub fn kill(units: &[String], o: &Opts) -> ExitCode {
    let signal = match o.signal.as_deref().map(parse_signal) {
        None => Signal::TERM,
        Some(Some(s)) => s,
        Some(None) => {
            return fail(&format!(
                "Failed to parse signal string {}.",
                o.signal.as_deref().unwrap_or("")
            ));
        }
    };
    let whom = match o.kill_whom.as_deref().map(str::parse::<KillWhom>) {
        None => KillWhom::All,
        Some(Ok(w)) => w,
        Some(Err(e)) => return fail(&format!("Invalid --kill-whom= value: {e}.")),
    };
    let units = match expand_names(units) {
        Ok(u) => u,
        Err(e) => return fail(&e),
    };
    let mut client = match connect() {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let req = api::KillRequest {
        units,
        whom,
        signal,
    };
    match client.call(method::KILL, serde_json::to_value(&req).unwrap_or_default()) {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("Failed to kill unit: {e}")),
    }
}

/// `freeze`/`thaw`: one request per unit (patterns match loaded units); each answers when
/// the kernel has done it.
pub fn freezer(units: &[String], freeze: bool) -> ExitCode {
    let verb = if freeze { "freeze" } else { "thaw" };
    if units.is_empty() {
        return fail(&format!(
            "Too few arguments: '{verb}' needs at least one unit name."
        ));
    }
    let units = match expand_names(units) {
        Ok(u) => u,
        Err(e) => return fail(&e),
    };
    let mut client = match connect() {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let mut code = ExitCode::SUCCESS;
    for unit in units {
        let req = api::FreezerRequest {
            unit: unit.clone(),
            freeze,
        };
        if let Err(e) = client.call(
            method::FREEZER,
            serde_json::to_value(&req).unwrap_or_default(),
        ) {
            eprintln!("Failed to {verb} unit {unit}: {e}");
            code = ExitCode::from(1);
        }
    }
    code
}

/// The names an install verb sends, as systemctl 252 makes them: a unit file named by its
/// path is made absolute (`enable`/`reenable` link it first); `disable` goes by its file
/// name with systemctl's warning; `mask`/`unmask` take no paths.
fn install_names(action: &str, units: &[String]) -> Result<Vec<String>, String> {
    let mut warned = false;
    let mut names = Vec::new();
    for u in units {
        if !u.contains('/') {
            names.push(crate::unit_names::mangle(u));
            continue;
        }
        let path: std::path::PathBuf = std::path::absolute(u)
            .map_err(|e| format!("Failed to {action} unit: {u}: {e}"))?
            .components()
            .collect();
        match action {
            "mask" | "unmask" => return Err(format!("Failed to {action}: Invalid argument.")),
            "disable" => {
                if !warned {
                    eprintln!(
                        "Warning: Can't execute disable on the unit file path. Proceeding with the unit name."
                    );
                    warned = true;
                }
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                names.push(name.unwrap_or_default());
            }
            _ => names.push(path.to_string_lossy().into_owned()),
        }
    }
    Ok(names)
}

/// enable/disable/reenable/mask/unmask, then `--now` start/stop.
pub fn install(action: &str, units: &[String], o: &Opts) -> ExitCode {
    if units.is_empty() {
        return fail(&format!(
            "Too few arguments: '{action}' needs at least one unit name."
        ));
    }
    let install_action = match action {
        "enable" => api::InstallAction::Enable,
        "disable" => api::InstallAction::Disable,
        "reenable" => api::InstallAction::Reenable,
        "mask" => api::InstallAction::Mask,
        "unmask" => api::InstallAction::Unmask,
        other => return fail(&format!("Unknown install action '{other}'.")),
    };
    let names = match install_names(action, units) {
        Ok(n) => n,
        Err(e) => return fail(&e),
    };
    let r = match &o.root {
        // --global [--root=]: the files themselves; no manager is told (none runs for them).
        Some(root) => match super::offline::install(action, &names, root, o.runtime, o.force) {
            Ok(r) => r,
            // systemctl's words for a change it makes itself (not through a manager).
            Err(e) => return fail(&format!("Failed to {action} unit, {e}")),
        },
        None => {
            let mut client = match connect() {
                Ok(c) => c,
                Err(e) => return fail(&e),
            };
            let req = api::InstallRequest {
                action: install_action,
                units: names.clone(),
                runtime: o.runtime,
                force: o.force,
                preset_mode: Default::default(),
            };
            let reply = match client.call(
                method::INSTALL,
                serde_json::to_value(&req).unwrap_or_default(),
            ) {
                Ok(v) => v,
                Err(e) => return fail(&format!("Failed to {action} unit: {e}")),
            };
            serde_json::from_value(reply).unwrap_or_default()
        }
    };
    print_changes(&r, o);
    if o.now && o.root.is_none() {
        let job = match action {
            "enable" | "reenable" => Some("start"),
            "disable" | "mask" => Some("stop"),
            _ => None,
        };
        if let Some(j) = job {
            let plain: Vec<String> = names
                .iter()
                .map(|n| n.rsplit('/').next().unwrap_or(n).to_string())
                .collect();
            return jobs(if action == "reenable" { "restart" } else { j }, &plain, o);
        }
    }
    ExitCode::SUCCESS
}

/// What an install operation changed, as systemctl prints it (nothing with `--quiet`).
pub fn print_changes(r: &api::InstallReply, o: &Opts) {
    if o.quiet {
        return;
    }
    for c in &r.changes {
        match c.kind.as_str() {
            "symlink" => eprintln!("Created symlink {} → {}.", c.path, c.source),
            "destination not present" => eprintln!(
                "Unit {} is added as a dependency to a non-existent unit {}.",
                c.source, c.path
            ),
            _ => eprintln!("Removed \"{}\".", c.path),
        }
    }
    for w in &r.warnings {
        eprintln!("{w}");
    }
}

/// `reset-failed [UNIT…]` (all failed units when none is named; a pattern that matches no
/// loaded unit resets nothing).
pub fn reset_failed(units: &[String]) -> ExitCode {
    let names = match expand_names(units) {
        Ok(n) => n,
        Err(e) => return fail(&e),
    };
    if names.is_empty() && !units.is_empty() {
        return ExitCode::SUCCESS;
    }
    simple(method::RESET_FAILED, json!({ "units": names }))
}

/// A call with no output.
pub fn simple(m: &str, params: serde_json::Value) -> ExitCode {
    let mut client = match connect() {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    match client.call(m, params) {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => fail(&e.to_string()),
    }
}

/// set-/unset-/show-environment.
pub fn environment(set: &[String], unset: &[String], show: bool) -> ExitCode {
    for kv in set {
        if !kv.contains('=') {
            return fail(&format!(
                "Not a valid environment variable assignment: {kv}"
            ));
        }
    }
    let mut client = match connect() {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    match client.call(method::ENVIRONMENT, json!({ "set": set, "unset": unset })) {
        Ok(v) => {
            if show {
                let mut vars: Vec<String> = v
                    .get("environment")
                    .and_then(|e| serde_json::from_value(e.clone()).ok())
                    .unwrap_or_default();
                vars.sort();
                for line in vars {
                    println!("{line}");
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}

/// `import-environment [NAME…]`: the named variables (all, without names, as systemctl 252
/// still does) of this process's environment into the manager's.
pub fn import_environment(names: &[String]) -> ExitCode {
    let mut set = Vec::new();
    if names.is_empty() {
        eprintln!("Calling import-environment without a list of variable names is deprecated.");
        for (k, v) in std::env::vars() {
            set.push(format!("{k}={v}"));
        }
    } else {
        for n in names {
            // Patterns (`LC_*`) match the variables' names.
            let pattern = n.as_bytes();
            let mut any = false;
            for (k, v) in std::env::vars() {
                if k == *n || linger_journal::glob::glob_match(pattern, k.as_bytes()) {
                    set.push(format!("{k}={v}"));
                    any = true;
                }
            }
            if !any && !crate::unit_names::is_glob(n) {
                eprintln!("Ignoring unset variable \"{n}\".");
            }
        }
    }
    environment(&set, &[], false)
}
