//! `org.freedesktop.systemd1.Manager`'s methods and properties, each carried out as one or a
//! few typed calls to the manager (linger_manager's `Call`s).

use linger_ipc::manager::{
    EnvironmentRequest, InstallAction, KillRequest, NamesRequest, PresetMode, UnitRow,
};
use linger_manager::{Answer, Call};
use linger_wire::{JobAction, KillWhom, Signal};
use zbus::message::{Header, Message};
use zbus::zvariant::{ObjectPath, Value};

use crate::errors::BusError;
use crate::front::{Caller, Front, MANAGER, Reply, args, ret, unit_path, valid_unit_name};
use crate::manager_calls::{cancel_job, install, job_exists, list_jobs};
use crate::members::Member;
use crate::paths;
use crate::props::{self, PropDict, object_path};

type UnitListRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    ObjectPath<'static>,
    u32,
    String,
    ObjectPath<'static>,
);

/// Carry out Manager method `m`.
pub async fn call(
    f: &Front,
    msg: &Message,
    hdr: &Header<'_>,
    m: &Member,
    caller: &Caller<'_>,
) -> Reply {
    let job_action = match m.name {
        "StartUnit" => Some(JobAction::Start),
        "StopUnit" => Some(JobAction::Stop),
        "ReloadUnit" => Some(JobAction::Reload),
        "RestartUnit" => Some(JobAction::Restart),
        "TryRestartUnit" => Some(JobAction::TryRestart),
        "ReloadOrRestartUnit" => Some(JobAction::ReloadOrRestart),
        "ReloadOrTryRestartUnit" => Some(JobAction::TryReloadOrRestart),
        _ => None,
    };
    if let Some(action) = job_action {
        let (name, mode): (String, String) = args(msg, MANAGER, m)?;
        return ret(hdr, &f.job(action, &name, &mode).await?);
    }
    match m.name {
        "GetUnitByPID" => {
            let pid: u32 = args(msg, MANAGER, m)?;
            ret(hdr, &unit_path(&f.unit_of_pid(pid, caller, hdr).await?))
        }
        "GetUnitByInvocationID" => {
            let id: Vec<u8> = args(msg, MANAGER, m)?;
            unit_by_invocation_id(f, &id).await?;
            // systemd's object for a run: named after the invocation id (32 hex digits),
            // answering for the unit that has it (dispatch.rs).
            let hex: String = id.iter().map(|b| format!("{b:02x}")).collect();
            ret(hdr, &unit_path(&hex))
        }
        "GetUnit" => {
            let name: String = args(msg, MANAGER, m)?;
            valid_unit_name(&name)?;
            // Only a unit the manager has in memory, as systemd (LoadUnit loads).
            let p = f.unit_values(&name, &["Id"], true).await?.strings;
            ret(
                hdr,
                &unit_path(p.get("Id").map_or(name.as_str(), String::as_str)),
            )
        }
        "LoadUnit" => {
            let name: String = args(msg, MANAGER, m)?;
            valid_unit_name(&name)?;
            let p = f.unit_props(&name, &["Id"]).await?;
            ret(
                hdr,
                &unit_path(p.get("Id").map_or(name.as_str(), String::as_str)),
            )
        }
        "KillUnit" => {
            let (name, whom, signal): (String, String, i32) = args(msg, MANAGER, m)?;
            kill(f, &name, &whom, signal).await?;
            ret(hdr, &())
        }
        "ResetFailedUnit" => {
            let name: String = args(msg, MANAGER, m)?;
            valid_unit_name(&name)?;
            // Of a loaded unit only, as systemd ("Unit NAME not loaded.").
            f.unit_values(&name, &["Id"], true).await?;
            reset_failed(f, vec![name]).await?;
            ret(hdr, &())
        }
        "ResetFailed" => {
            args::<()>(msg, MANAGER, m)?;
            reset_failed(f, Vec::new()).await?;
            ret(hdr, &())
        }
        "StartTransientUnit" => {
            type Aux = Vec<(String, crate::transient::Properties)>;
            let (name, mode, props, aux): (String, String, crate::transient::Properties, Aux) =
                args(msg, MANAGER, m)?;
            ret(hdr, &start_transient(f, &name, &mode, &props, &aux).await?)
        }
        "GetJob" => {
            let id: u32 = args(msg, MANAGER, m)?;
            job_exists(f, id).await?;
            ret(hdr, &object_path(paths::job(id)))
        }
        "CancelJob" => {
            let id: u32 = args(msg, MANAGER, m)?;
            cancel_job(f, id).await?;
            ret(hdr, &())
        }
        "ListUnits" => {
            args::<()>(msg, MANAGER, m)?;
            ret(hdr, &list_units(f, &[], &[]).await?)
        }
        "ListUnitsFiltered" => {
            let states: Vec<String> = args(msg, MANAGER, m)?;
            ret(hdr, &list_units(f, &states, &[]).await?)
        }
        "ListUnitsByPatterns" => {
            let (states, patterns): (Vec<String>, Vec<String>) = args(msg, MANAGER, m)?;
            ret(hdr, &list_units(f, &states, &patterns).await?)
        }
        "ListUnitsByNames" => {
            let names: Vec<String> = args(msg, MANAGER, m)?;
            let all = list_units(f, &[], &[]).await?;
            let mut out = Vec::new();
            for n in names {
                if let Some(row) = all.iter().find(|r| r.0 == n) {
                    out.push(row.clone());
                }
            }
            ret(hdr, &out)
        }
        "ListJobs" => {
            args::<()>(msg, MANAGER, m)?;
            let rows: Vec<(
                u32,
                String,
                String,
                String,
                ObjectPath<'static>,
                ObjectPath<'static>,
            )> = list_jobs(f)
                .await?
                .into_iter()
                .map(|j| {
                    (
                        j.id,
                        j.unit.clone(),
                        j.job_type.as_str().to_string(),
                        if j.running { "running" } else { "waiting" }.to_string(),
                        object_path(paths::job(j.id)),
                        unit_path(&j.unit),
                    )
                })
                .collect();
            ret(hdr, &rows)
        }
        // Connections on the private socket get every signal anyway (as with systemd); on the
        // bus the connection layer keeps track of who subscribed (see bus.rs).
        "Subscribe" | "Unsubscribe" => {
            args::<()>(msg, MANAGER, m)?;
            ret(hdr, &())
        }
        "Reload" => {
            args::<()>(msg, MANAGER, m)?;
            f.ask(Call::Reload).await?;
            ret(hdr, &())
        }
        "Reexecute" => {
            args::<()>(msg, MANAGER, m)?;
            f.ask(Call::Reexec).await?;
            ret(hdr, &())
        }
        "Exit" => {
            args::<()>(msg, MANAGER, m)?;
            f.ask(Call::Exit).await?;
            ret(hdr, &())
        }
        "SetEnvironment" => {
            let set: Vec<String> = args(msg, MANAGER, m)?;
            environment(f, Vec::new(), set).await?;
            ret(hdr, &())
        }
        "UnsetEnvironment" => {
            let unset: Vec<String> = args(msg, MANAGER, m)?;
            environment(f, unset, Vec::new()).await?;
            ret(hdr, &())
        }
        "UnsetAndSetEnvironment" => {
            let (unset, set): (Vec<String>, Vec<String>) = args(msg, MANAGER, m)?;
            environment(f, unset, set).await?;
            ret(hdr, &())
        }
        "ListUnitFiles" => {
            args::<()>(msg, MANAGER, m)?;
            ret(hdr, &unit_files(f, &[], &[]).await?)
        }
        "ListUnitFilesByPatterns" => {
            let (states, patterns): (Vec<String>, Vec<String>) = args(msg, MANAGER, m)?;
            ret(hdr, &unit_files(f, &states, &patterns).await?)
        }
        "GetUnitFileState" => {
            let file: String = args(msg, MANAGER, m)?;
            let name = file.rsplit('/').next().unwrap_or(&file).to_string();
            let answer = f
                .ask(Call::UnitFileStates(NamesRequest { units: vec![name] }))
                .await?;
            let state = match answer {
                Answer::UnitFileStates(r) => r.states.into_iter().next().map(|s| s.state),
                _ => None,
            }
            .filter(|s| !s.is_empty())
            .ok_or_else(|| {
                BusError::new(
                    "org.freedesktop.DBus.Error.FileNotFound",
                    "No such file or directory",
                )
            })?;
            ret(hdr, &state)
        }
        "EnableUnitFiles" | "ReenableUnitFiles" => {
            let (files, runtime, force): (Vec<String>, bool, bool) = args(msg, MANAGER, m)?;
            let action = if m.name == "EnableUnitFiles" {
                InstallAction::Enable
            } else {
                InstallAction::Reenable
            };
            let (changes, carries_install_info) =
                install(f, action, files, runtime, force, PresetMode::Full).await?;
            ret(hdr, &(carries_install_info, changes))
        }
        "MaskUnitFiles" => {
            let (files, runtime, force): (Vec<String>, bool, bool) = args(msg, MANAGER, m)?;
            ret(
                hdr,
                &install(
                    f,
                    InstallAction::Mask,
                    files,
                    runtime,
                    force,
                    PresetMode::Full,
                )
                .await?
                .0,
            )
        }
        "DisableUnitFiles" | "UnmaskUnitFiles" => {
            let (files, runtime): (Vec<String>, bool) = args(msg, MANAGER, m)?;
            let action = if m.name == "DisableUnitFiles" {
                InstallAction::Disable
            } else {
                InstallAction::Unmask
            };
            ret(
                hdr,
                &install(f, action, files, runtime, false, PresetMode::Full)
                    .await?
                    .0,
            )
        }
        "LinkUnitFiles" => {
            let (files, runtime, force): (Vec<String>, bool, bool) = args(msg, MANAGER, m)?;
            let done = install(
                f,
                InstallAction::Link,
                files,
                runtime,
                force,
                PresetMode::Full,
            );
            ret(hdr, &done.await?.0)
        }
        "PresetUnitFiles" => {
            let (files, runtime, force): (Vec<String>, bool, bool) = args(msg, MANAGER, m)?;
            let done = install(
                f,
                InstallAction::Preset,
                files,
                runtime,
                force,
                PresetMode::Full,
            );
            let (changes, carries_install_info) = done.await?;
            ret(hdr, &(carries_install_info, changes))
        }
        "PresetUnitFilesWithMode" => {
            let (files, mode, runtime, force): (Vec<String>, String, bool, bool) =
                args(msg, MANAGER, m)?;
            let mode = preset_mode(&mode)?;
            let done = install(f, InstallAction::Preset, files, runtime, force, mode);
            let (changes, carries_install_info) = done.await?;
            ret(hdr, &(carries_install_info, changes))
        }
        "PresetAllUnitFiles" => {
            let (mode, runtime, force): (String, bool, bool) = args(msg, MANAGER, m)?;
            let mode = preset_mode(&mode)?;
            let done = install(
                f,
                InstallAction::PresetAll,
                Vec::new(),
                runtime,
                force,
                mode,
            );
            ret(hdr, &done.await?.0)
        }
        "SetDefaultTarget" => {
            let (name, force): (String, bool) = args(msg, MANAGER, m)?;
            let done = install(
                f,
                InstallAction::SetDefault,
                vec![name],
                false,
                force,
                PresetMode::Full,
            );
            ret(hdr, &done.await?.0)
        }
        "GetDefaultTarget" => {
            args::<()>(msg, MANAGER, m)?;
            match f.ask(Call::DefaultTarget).await? {
                Answer::DefaultTarget(name) => ret(hdr, &name),
                _ => ret(hdr, &"default.target"),
            }
        }
        "AttachProcessesToUnit" => {
            let (name, sub, pids): (String, String, Vec<u32>) = args(msg, MANAGER, m)?;
            crate::attach::attach(f, &name, &sub, &pids, caller, hdr).await?;
            ret(hdr, &())
        }
        _ => crate::manager_rest::manager_call(f, msg, hdr, m).await,
    }
}

/// Write the transient unit `name` (and those in `aux`, e.g. a timer's service), load them,
/// start `name` — around `PIDs` for a scope. Nothing is left behind if that is refused.
async fn start_transient(
    f: &Front,
    name: &str,
    mode: &str,
    props: &crate::transient::Properties,
    aux: &[(String, crate::transient::Properties)],
) -> Result<ObjectPath<'static>, BusError> {
    use crate::transient;
    valid_unit_name(name)?;
    if linger_wire::JobMode::parse(mode).is_none() {
        return Err(BusError::invalid_args(format!("Job mode {mode} invalid")));
    }
    let mut units = vec![(name.to_string(), transient::unit_text(name, props)?)];
    for (n, p) in aux {
        valid_unit_name(n)?;
        units.push((n.clone(), transient::unit_text(n, p)?));
    }
    for (n, _) in &units {
        let p = f.unit_props(n, &["LoadState"]).await?;
        if p.get("LoadState").is_some_and(|s| s != "not-found") {
            return Err(BusError::new(
                "org.freedesktop.systemd1.UnitExists",
                format!("Unit {n} was already loaded or has a fragment file."),
            ));
        }
    }
    let mut written = Vec::new();
    let undo = |written: &[std::path::PathBuf]| {
        for p in written {
            let _ = std::fs::remove_file(p);
        }
    };
    for (n, text) in &units {
        match transient::write(&f.runtime_dir, n, text) {
            Ok(p) => written.push(p),
            Err(e) => {
                undo(&written);
                return Err(e);
            }
        }
    }
    let result = async {
        f.ask(Call::Reload).await?;
        if name.ends_with(".scope") {
            let pids = transient::pids(props)?;
            let Some(pid) = pids.first() else {
                return Err(BusError::invalid_args(
                    "A scope needs at least one process (PIDs).",
                ));
            };
            f.ask(Call::StartScope(linger_ipc::manager::StartScopeRequest {
                unit: name.to_string(),
                pid: *pid,
            }))
            .await?;
        }
        f.job(JobAction::Start, name, mode).await
    }
    .await;
    if result.is_err() {
        undo(&written);
        let _ = f.ask(Call::Reload).await;
    }
    result
}

/// The loaded unit whose current run has invocation id `id` (16 bytes).
pub(crate) async fn unit_by_invocation_id(f: &Front, id: &[u8]) -> Result<String, BusError> {
    if id.len() != 16 {
        return Err(BusError::invalid_args("Invalid invocation ID"));
    }
    let hex: String = id.iter().map(|b| format!("{b:02x}")).collect();
    let Answer::List(list) = f.ask(Call::List(Default::default())).await? else {
        return Err(BusError::new(crate::errors::name::FAILED, "no unit list"));
    };
    let answer = f
        .ask(Call::Units(linger_ipc::manager::UnitsRequest {
            units: list.units.into_iter().map(|u| u.unit).collect(),
            properties: vec!["Id".into(), "InvocationID".into()],
            ..Default::default()
        }))
        .await?;
    if let Answer::Units(r) = answer
        && let Some(u) = r
            .units
            .into_iter()
            .find(|u| u.properties.get("InvocationID") == Some(&hex))
        && let Some(unit) = u.properties.get("Id")
    {
        return Ok(unit.clone());
    }
    Err(BusError::new(
        "org.freedesktop.systemd1.NoUnitForInvocationID",
        format!("No unit with the specified invocation ID {hex} known."),
    ))
}

/// `KillUnit`/`Unit.Kill`.
pub async fn kill(f: &Front, name: &str, whom: &str, signal: i32) -> Result<(), BusError> {
    valid_unit_name(name)?;
    let whom = if whom.is_empty() {
        KillWhom::All
    } else {
        KillWhom::parse(whom)
            .ok_or_else(|| BusError::invalid_args(format!("Invalid who argument {whom}")))?
    };
    let signal = Signal::new(signal)
        .filter(|_| signal > 0 && signal < 65)
        .ok_or_else(|| BusError::invalid_args("Signal number out of range."))?;
    // systemd kills loaded units only ("Unit NAME not loaded.").
    f.unit_values(name, &["Id"], true).await?;
    f.ask(Call::Kill(KillRequest {
        units: vec![name.to_string()],
        whom,
        signal,
    }))
    .await?;
    Ok(())
}

/// `ResetFailedUnit` (no names: `ResetFailed`).
pub async fn reset_failed(f: &Front, units: Vec<String>) -> Result<(), BusError> {
    f.ask(Call::ResetFailed(NamesRequest { units })).await?;
    Ok(())
}

async fn environment(
    f: &Front,
    unset: Vec<String>,
    set: Vec<String>,
) -> Result<Vec<String>, BusError> {
    let valid_name = |n: &str| {
        !n.is_empty()
            && !n.starts_with(|c: char| c.is_ascii_digit())
            && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    if set
        .iter()
        .any(|kv| kv.split_once('=').is_none_or(|(k, _)| !valid_name(k)))
    {
        return Err(BusError::invalid_args("Invalid environment assignments"));
    }
    if unset.iter().any(|k| !valid_name(k)) {
        return Err(BusError::invalid_args("Invalid environment variable names"));
    }
    match f
        .ask(Call::Environment(EnvironmentRequest { set, unset }))
        .await?
    {
        Answer::Environment(e) => Ok(e),
        _ => Ok(Vec::new()),
    }
}

fn row(u: &UnitRow, jobs: &[linger_ipc::manager::JobRow]) -> UnitListRow {
    let job = jobs.iter().find(|j| j.unit == u.unit);
    (
        u.unit.clone(),
        u.description.clone(),
        u.load.as_str().to_string(),
        u.active.as_str().to_string(),
        u.sub.as_str().to_string(),
        String::new(),
        unit_path(&u.unit),
        job.map_or(0, |j| j.id),
        job.map(|j| j.job_type.as_str().to_string())
            .unwrap_or_default(),
        object_path(job.map_or_else(|| "/".to_string(), |j| paths::job(j.id))),
    )
}

async fn list_units(
    f: &Front,
    states: &[String],
    patterns: &[String],
) -> Result<Vec<UnitListRow>, BusError> {
    let Answer::List(list) = f.ask(Call::List(Default::default())).await? else {
        return Ok(Vec::new());
    };
    let jobs = list_jobs(f).await?;
    Ok(list
        .units
        .iter()
        .filter(|u| {
            states.is_empty()
                || states
                    .iter()
                    .any(|s| s == u.load.as_str() || s == u.active.as_str() || s == u.sub.as_str())
        })
        .filter(|u| crate::unit_patterns::matches(patterns, &u.unit))
        .map(|u| row(u, &jobs))
        .collect())
}

async fn unit_files(
    f: &Front,
    states: &[String],
    patterns: &[String],
) -> Result<Vec<(String, String)>, BusError> {
    let Answer::UnitFiles(r) = f.ask(Call::ListUnitFiles).await? else {
        return Ok(Vec::new());
    };
    Ok(r.files
        .into_iter()
        .filter(|row| states.is_empty() || states.contains(&row.state))
        .filter(|row| {
            crate::unit_patterns::matches(
                patterns,
                row.path.rsplit('/').next().unwrap_or(&row.path),
            )
        })
        .map(|row| (row.path, row.state))
        .collect())
}

/// A preset mode a client gave (systemd's words).
fn preset_mode(mode: &str) -> Result<PresetMode, BusError> {
    PresetMode::parse(mode)
        .ok_or_else(|| BusError::invalid_args(format!("Unknown preset mode: {mode}")))
}

/// The Manager's properties (only `only`, when given).
pub async fn properties(f: &Front, only: Option<&str>) -> Result<PropDict<'static>, BusError> {
    if let Some(p) = only
        && !props::MANAGER.iter().any(|x| x.name == p)
    {
        return Err(BusError::unknown_property(MANAGER, p));
    }
    let Answer::Manager(m) = f.ask(Call::Manager).await? else {
        return Ok(PropDict::default());
    };
    let mut values = props::UnitValues {
        strings: m.strings,
        realtime: m.realtime,
        ..Default::default()
    };
    values
        .strings
        .insert("Architecture".into(), architecture().into());
    let environment = if only.is_none_or(|p| p == "Environment") {
        environment(f, Vec::new(), Vec::new()).await?
    } else {
        Vec::new()
    };
    let mut out = PropDict::default();
    for p in props::MANAGER
        .iter()
        .filter(|p| only.is_none_or(|o| o == p.name))
    {
        let value = match p.name {
            "Environment" => Value::from(environment.clone()),
            _ => props::unit_value(p, &values),
        };
        out.0.push((p.name, value));
    }
    Ok(out)
}

/// systemd's architecture name for this build.
fn architecture() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "x86-64",
        "x86" => "x86",
        "aarch64" => "arm64",
        "arm" => "arm",
        "riscv64" => "riscv64",
        "powerpc64" => "ppc64",
        "s390x" => "s390x",
        other => other,
    }
}
