//! The methods beyond those issue 11 lists — of the Manager, of `Unit` and of the unit types'
//! interfaces (`Service.GetProcesses`, `Scope.Abandon`, …): those linger carries out through
//! the calls it has (freezer, set-property, processes, jobs), and those it refuses, with
//! systemd's own error where a user manager refuses them too (tests/reference/systemd252/
//! gdbus-refuse-*.txt) and `NotSupported` saying so where linger lacks the feature.

use linger_ipc::manager::{FreezerRequest, SetPropertyRequest, UnitsRequest};
use linger_manager::{Answer, Call, Control};
use linger_wire::JobAction;
use zbus::message::{Header, Message};
use zbus::zvariant::{ObjectPath, OwnedValue, Value};

use crate::errors::BusError;
use crate::front::{Caller, Front, MANAGER, Reply, args, ret, unit_path, valid_unit_name};
use crate::members::Member;

const NOT_SUPPORTED: &str = "org.freedesktop.DBus.Error.NotSupported";

fn not_supported(message: impl Into<String>) -> BusError {
    BusError::new(NOT_SUPPORTED, message)
}

/// What linger does not do, said as such.
fn linger_lacks(what: &str) -> BusError {
    not_supported(format!("linger's user manager does not support {what}."))
}

/// A Manager method that is not among manager_methods.rs's.
pub async fn manager_call(f: &Front, msg: &Message, hdr: &Header<'_>, m: &Member) -> Reply {
    let system_only =
        |what: &str| not_supported(format!("{what} only supported for system managers."));
    let dynamic = || not_supported("Dynamic users are only supported in the system instance.");
    match m.name {
        "StartUnitWithFlags" => {
            let (name, mode, flags): (String, String, u64) = args(msg, MANAGER, m)?;
            // systemd 252 knows no flag yet.
            if flags != 0 {
                return Err(BusError::invalid_args(format!(
                    "Invalid 'flags' parameter '{flags}'"
                )));
            }
            ret(hdr, &f.job(JobAction::Start, &name, &mode).await?)
        }
        "StartUnitReplace" => {
            let (old, new, mode): (String, String, String) = args(msg, MANAGER, m)?;
            valid_unit_name(&old)?;
            let queued = crate::manager_calls::list_jobs(f)
                .await?
                .into_iter()
                .any(|j| j.unit == old && j.job_type.as_str() == "start");
            if !queued {
                return Err(BusError::new(
                    crate::errors::name::NO_SUCH_JOB,
                    format!("No job queued for unit {old}"),
                ));
            }
            ret(hdr, &f.job(JobAction::Start, &new, &mode).await?)
        }
        "EnqueueUnitJob" => {
            let (name, job_type, mode): (String, String, String) = args(msg, MANAGER, m)?;
            ret(hdr, &enqueue(f, &name, &job_type, &mode).await?)
        }
        "CleanUnit" => {
            let (name, _mask): (String, Vec<String>) = args(msg, MANAGER, m)?;
            clean(f, &name).await
        }
        "FreezeUnit" | "ThawUnit" => {
            let name: String = args(msg, MANAGER, m)?;
            freezer(f, &name, m.name == "FreezeUnit", true).await?;
            ret(hdr, &())
        }
        "SetUnitProperties" => {
            let (name, runtime, props): (String, bool, Vec<(String, OwnedValue)>) =
                args(msg, MANAGER, m)?;
            set_properties(f, &name, runtime, &props).await?;
            ret(hdr, &())
        }
        "BindMountUnit" => {
            let (name, ..): (String, String, String, bool, bool) = args(msg, MANAGER, m)?;
            bind_mount(f, &name, "bind mounts").await
        }
        "MountImageUnit" => {
            type A = (String, String, String, bool, bool, Vec<(String, String)>);
            let (name, ..): A = args(msg, MANAGER, m)?;
            bind_mount(f, &name, "mount images").await
        }
        // The connection keeps the reference (refs.rs); here the unit is checked.
        "RefUnit" => {
            let name: String = args(msg, MANAGER, m)?;
            valid_unit_name(&name)?;
            f.unit_props(&name, &["Id"]).await?;
            ret(hdr, &())
        }
        "UnrefUnit" => {
            let name: String = args(msg, MANAGER, m)?;
            valid_unit_name(&name)?;
            f.unit_values(&name, &["Id"], true).await?;
            ret(hdr, &())
        }
        "GetUnitProcesses" => {
            let name: String = args(msg, MANAGER, m)?;
            ret(hdr, &processes(f, &name).await?)
        }
        "AbandonScope" => {
            let name: String = args(msg, MANAGER, m)?;
            abandon(f, &name).await?;
            ret(hdr, &())
        }
        "GetUnitByControlGroup" => {
            let cgroup: String = args(msg, MANAGER, m)?;
            ret(hdr, &unit_path(&unit_by_control_group(f, &cgroup).await?))
        }
        "GetJobAfter" | "GetJobBefore" => {
            let id: u32 = args(msg, MANAGER, m)?;
            let after = m.name == "GetJobAfter";
            ret(hdr, &crate::manager_calls::jobs_around(f, id, after).await?)
        }
        "ClearJobs" => {
            args::<()>(msg, MANAGER, m)?;
            for j in crate::manager_calls::list_jobs(f).await? {
                // A job that ended meanwhile needs no cancelling.
                let _ = crate::manager_calls::cancel_job(f, j.id).await;
            }
            ret(hdr, &())
        }
        "SetShowStatus" => {
            let mode: String = args(msg, MANAGER, m)?;
            // linger prints no start-up status, so every valid mode is already in effect.
            match mode.as_str() {
                "" | "yes" | "no" | "true" | "false" | "1" | "0" | "on" | "off" | "auto"
                | "temporary" | "error" => ret(hdr, &()),
                _ => Err(BusError::invalid_args(format!(
                    "Invalid show status '{mode}'"
                ))),
            }
        }
        "Dump"
        | "DumpByFileDescriptor"
        | "DumpUnitsMatchingPatterns"
        | "DumpUnitsMatchingPatternsByFileDescriptor" => {
            let patterns = if m.name.contains("Patterns") {
                args::<Vec<String>>(msg, MANAGER, m)?
            } else {
                args::<()>(msg, MANAGER, m)?;
                Vec::new()
            };
            let text = crate::dump::dump(f, &patterns).await?;
            if m.name.ends_with("ByFileDescriptor") {
                let fd = crate::dump::memfd(&text)?;
                ret(hdr, &zbus::zvariant::Fd::from(fd))
            } else {
                ret(hdr, &text)
            }
        }
        "Reboot" => {
            args::<()>(msg, MANAGER, m)?;
            Err(system_only("Reboot is"))
        }
        "PowerOff" => {
            args::<()>(msg, MANAGER, m)?;
            Err(system_only("Powering off is"))
        }
        "Halt" => {
            args::<()>(msg, MANAGER, m)?;
            Err(system_only("Halt is"))
        }
        "KExec" => {
            args::<()>(msg, MANAGER, m)?;
            Err(system_only("KExec is"))
        }
        "SwitchRoot" => {
            args::<(String, String)>(msg, MANAGER, m)?;
            Err(not_supported(
                "Root switching is only supported by system manager.",
            ))
        }
        "EnqueueMarkedJobs" => {
            args::<()>(msg, MANAGER, m)?;
            // linger marks no unit for reload or restart (the Markers property is empty).
            ret(hdr, &Vec::<ObjectPath<'static>>::new())
        }
        "EnableUnitFilesWithFlags" => {
            let (files, flags): (Vec<String>, u64) = args(msg, MANAGER, m)?;
            let (runtime, force) = install_flags(flags)?;
            let done = crate::manager_calls::install(
                f,
                linger_ipc::manager::InstallAction::Enable,
                files,
                runtime,
                force,
                linger_ipc::manager::PresetMode::Full,
            );
            let (changes, carries_install_info) = done.await?;
            ret(hdr, &(carries_install_info, changes))
        }
        "DisableUnitFilesWithFlags" => {
            let (files, flags): (Vec<String>, u64) = args(msg, MANAGER, m)?;
            let (runtime, _) = install_flags(flags)?;
            let done = crate::manager_calls::install(
                f,
                linger_ipc::manager::InstallAction::Disable,
                files,
                runtime,
                false,
                linger_ipc::manager::PresetMode::Full,
            );
            ret(hdr, &done.await?.0)
        }
        "RevertUnitFiles" => {
            let units: Vec<String> = args(msg, MANAGER, m)?;
            let answer = f.ask(Call::Control(Control::Revert(units))).await?;
            ret(hdr, &changes_of(answer))
        }
        "AddDependencyUnitFiles" => {
            let (units, target, dependency, runtime, force): (
                Vec<String>,
                String,
                String,
                bool,
                bool,
            ) = args(msg, MANAGER, m)?;
            if dependency != "Wants" && dependency != "Requires" {
                return Err(BusError::invalid_args(format!(
                    "Invalid dependency type '{dependency}'"
                )));
            }
            let answer = f
                .ask(Call::Control(Control::AddDependency {
                    units,
                    target,
                    dependency,
                    runtime,
                    force,
                }))
                .await?;
            ret(hdr, &changes_of(answer))
        }
        "GetUnitFileLinks" => {
            let (unit, runtime): (String, bool) = args(msg, MANAGER, m)?;
            let answer = f
                .ask(Call::Control(Control::UnitFileLinks { unit, runtime }))
                .await?;
            let Answer::Paths(paths) = answer else {
                return ret(hdr, &Vec::<String>::new());
            };
            ret(hdr, &paths)
        }
        "SetExitCode" => {
            let code: u8 = args(msg, MANAGER, m)?;
            f.ask(Call::Control(Control::SetExitCode(code))).await?;
            ret(hdr, &())
        }
        "LookupDynamicUserByName" => {
            args::<String>(msg, MANAGER, m)?;
            Err(dynamic())
        }
        "LookupDynamicUserByUID" => {
            args::<u32>(msg, MANAGER, m)?;
            Err(dynamic())
        }
        "GetDynamicUsers" => {
            args::<()>(msg, MANAGER, m)?;
            Err(dynamic())
        }
        other => Err(BusError::unknown_method(other, MANAGER)),
    }
}

/// A `Unit` method of unit `name` that is not among dispatch.rs's.
pub async fn unit_call(
    f: &Front,
    msg: &Message,
    hdr: &Header<'_>,
    name: &str,
    m: &Member,
) -> Reply {
    let iface = crate::props::UNIT_IFACE.name;
    match m.name {
        "EnqueueJob" => {
            let (job_type, mode): (String, String) = args(msg, iface, m)?;
            ret(hdr, &enqueue(f, name, &job_type, &mode).await?)
        }
        "SetProperties" => {
            let (runtime, props): (bool, Vec<(String, OwnedValue)>) = args(msg, iface, m)?;
            set_properties(f, name, runtime, &props).await?;
            ret(hdr, &())
        }
        // The connection keeps the reference (refs.rs).
        "Ref" | "Unref" => {
            args::<()>(msg, iface, m)?;
            ret(hdr, &())
        }
        "Clean" => {
            args::<Vec<String>>(msg, iface, m)?;
            clean(f, name).await
        }
        "Freeze" | "Thaw" => {
            args::<()>(msg, iface, m)?;
            freezer(f, name, m.name == "Freeze", false).await?;
            ret(hdr, &())
        }
        other => Err(BusError::unknown_method(other, iface)),
    }
}

/// A method of a unit type's own interface (`Service.GetProcesses`, `Scope.Abandon`, …).
pub async fn type_call(
    f: &Front,
    msg: &Message,
    hdr: &Header<'_>,
    iface: &str,
    name: &str,
    m: &Member,
    caller: &Caller<'_>,
) -> Reply {
    match m.name {
        "GetProcesses" => {
            args::<()>(msg, iface, m)?;
            ret(hdr, &processes(f, name).await?)
        }
        "AttachProcesses" => {
            let (sub, pids): (String, Vec<u32>) = args(msg, iface, m)?;
            crate::attach::attach(f, name, &sub, &pids, caller, hdr).await?;
            ret(hdr, &())
        }
        "BindMount" => {
            args::<(String, String, bool, bool)>(msg, iface, m)?;
            bind_mount(f, name, "bind mounts").await
        }
        "MountImage" => {
            args::<(String, String, bool, bool, Vec<(String, String)>)>(msg, iface, m)?;
            bind_mount(f, name, "mount images").await
        }
        "Abandon" => {
            args::<()>(msg, iface, m)?;
            abandon(f, name).await?;
            ret(hdr, &())
        }
        other => Err(BusError::unknown_method(other, iface)),
    }
}

/// `EnqueueUnitJob`/`EnqueueJob`: the job, its unit and type; linger does not report the
/// other jobs of the transaction (the list is empty).
async fn enqueue(
    f: &Front,
    name: &str,
    job_type: &str,
    mode: &str,
) -> Result<
    (
        u32,
        ObjectPath<'static>,
        String,
        ObjectPath<'static>,
        String,
        Vec<(
            u32,
            ObjectPath<'static>,
            String,
            ObjectPath<'static>,
            String,
        )>,
    ),
    BusError,
> {
    let action = match job_type {
        "start" => JobAction::Start,
        "stop" => JobAction::Stop,
        "reload" => JobAction::Reload,
        "restart" => JobAction::Restart,
        "try-restart" => JobAction::TryRestart,
        "reload-or-restart" => JobAction::ReloadOrRestart,
        "try-reload-or-restart" => JobAction::TryReloadOrRestart,
        other => {
            return Err(BusError::invalid_args(format!("Job type {other} invalid")));
        }
    };
    let job = f.job(action, name, mode).await?;
    let id: u32 = job
        .as_str()
        .rsplit('/')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let row = crate::manager_calls::list_jobs(f)
        .await?
        .into_iter()
        .find(|j| j.id == id);
    let (unit, kind) = match row {
        Some(j) => (j.unit.clone(), j.job_type.as_str().to_string()),
        None => (name.to_string(), job_type.to_string()),
    };
    Ok((id, job, unit.clone(), unit_path(&unit), kind, Vec::new()))
}

/// `AbandonScope`/`Scope.Abandon`: the running scope `name` is given up by its maker; it
/// ends when its cgroup is empty (systemd's refusals: not loaded, not a scope, `init.scope`,
/// not running).
async fn abandon(f: &Front, name: &str) -> Result<(), BusError> {
    valid_unit_name(name)?;
    // The manager's own scope (systemd's is always loaded; linger's only with cgroups).
    let perpetual = |id: &str| id == "init.scope";
    if perpetual(name) {
        return Err(BusError::new(
            "org.freedesktop.DBus.Error.AccessDenied",
            "Operation not permitted",
        ));
    }
    let p = f.unit_values(name, &["Id", "SubState"], true).await?;
    let id = p
        .strings
        .get("Id")
        .cloned()
        .unwrap_or_else(|| name.to_string());
    if perpetual(&id) {
        return Err(BusError::new(
            "org.freedesktop.DBus.Error.AccessDenied",
            "Operation not permitted",
        ));
    }
    if id.ends_with(".scope")
        && !matches!(
            p.strings.get("SubState").map(String::as_str),
            Some("running" | "abandoned")
        )
    {
        return Err(BusError::new(
            "org.freedesktop.systemd1.ScopeNotRunning",
            format!("Scope {id} is not running, cannot abandon."),
        ));
    }
    f.ask(Call::Control(Control::AbandonScope(id))).await?;
    Ok(())
}

/// Freeze or thaw `name`'s processes (the cgroup freezer; answered when the kernel is done).
/// Freeze or thaw unit `name`: of a loaded unit only for `loaded_only` (systemd 252's
/// FreezeUnit/ThawUnit answer "Unit NAME not loaded." for another; `systemctl freeze` takes a
/// reference first, which loads it), else loading it (the unit's own Freeze/Thaw: its object
/// path loads it).
async fn freezer(f: &Front, name: &str, freeze: bool, loaded_only: bool) -> Result<(), BusError> {
    valid_unit_name(name)?;
    f.unit_values(name, &["Id"], loaded_only).await?;
    f.ask(Call::Freezer(FreezerRequest {
        unit: name.to_string(),
        freeze,
    }))
    .await?;
    Ok(())
}

/// `systemctl set-property`: the resource settings linger can change, as `Name=value`.
async fn set_properties(
    f: &Front,
    name: &str,
    runtime: bool,
    props: &[(String, OwnedValue)],
) -> Result<(), BusError> {
    valid_unit_name(name)?;
    let mut assignments = Vec::new();
    for (key, value) in props {
        let n = match &**value {
            Value::U64(n) => *n,
            _ => return Err(cannot_set(key)),
        };
        let bytes_or_infinity = |n: u64| match n {
            u64::MAX => "infinity".to_string(),
            n => n.to_string(),
        };
        let line = match key.as_str() {
            "MemoryMax" | "MemoryHigh" | "MemorySwapMax" | "MemoryLow" | "TasksMax" => {
                format!("{key}={}", bytes_or_infinity(n))
            }
            "CPUWeight" | "IOWeight" => format!("{key}={n}"),
            // µs of CPU per second → percent.
            "CPUQuotaPerSecUSec" => match n {
                u64::MAX => "CPUQuota=".to_string(),
                n => format!("CPUQuota={}%", n / 10_000),
            },
            _ => return Err(cannot_set(key)),
        };
        assignments.push(line);
    }
    f.ask(Call::SetProperty(SetPropertyRequest {
        unit: name.to_string(),
        assignments,
        runtime,
    }))
    .await?;
    Ok(())
}

fn cannot_set(key: &str) -> BusError {
    BusError::invalid_args(format!("Cannot set property {key}, or unknown property."))
}

/// `CleanUnit`/`Clean`: systemd's answer when there is nothing to clean; linger cleans a
/// unit's directories in its own `systemctl clean`, not over D-Bus.
async fn clean(f: &Front, name: &str) -> Reply {
    valid_unit_name(name)?;
    let wanted = [
        "RuntimeDirectory",
        "StateDirectory",
        "CacheDirectory",
        "LogsDirectory",
        "ConfigurationDirectory",
    ];
    let p = f.unit_props(name, &wanted).await?;
    if wanted
        .iter()
        .all(|k| p.get(*k).is_none_or(|v| v.trim().is_empty()))
    {
        return Err(BusError::new(
            "org.freedesktop.systemd1.NothingToClean",
            "No matching resources found.",
        ));
    }
    Err(linger_lacks(
        "cleaning over D-Bus (linger's 'systemctl --user clean' does it)",
    ))
}

/// `BindMountUnit`/`MountImageUnit`: only a system manager adds mounts to a running unit.
async fn bind_mount(f: &Front, name: &str, what: &str) -> Reply {
    valid_unit_name(name)?;
    f.unit_values(name, &["Id"], true).await?;
    Err(BusError::invalid_args(format!(
        "Adding {what} at runtime is only supported for system managers."
    )))
}

/// The processes of `name` as `a(sus)`: control group, pid, command line — every process
/// in the unit's control group and below, read from the cgroup hierarchy as systemd reads it
/// (`-.slice`: the manager's whole tree); without cgroups, the processes the manager tracks.
async fn processes(f: &Front, name: &str) -> Result<Vec<(String, u32, String)>, BusError> {
    valid_unit_name(name)?;
    if name == "-.slice" {
        let Answer::Manager(m) = f.ask(Call::Manager).await? else {
            return Ok(Vec::new());
        };
        let cgroup = m.strings.get("ControlGroup").cloned().unwrap_or_default();
        return Ok(cgroup_processes(&cgroup).unwrap_or_default());
    }
    let answer = f
        .ask(Call::Units(UnitsRequest {
            units: vec![name.to_string()],
            processes: true,
            properties: vec!["Id".into(), "ControlGroup".into()],
            loaded_only: true,
            ..Default::default()
        }))
        .await?;
    let Answer::Units(mut r) = answer else {
        return Err(BusError::not_loaded(name));
    };
    if r.units.is_empty() {
        return Err(BusError::not_loaded(name));
    }
    let u = r.units.swap_remove(0);
    let cgroup = u
        .properties
        .get("ControlGroup")
        .cloned()
        .unwrap_or_default();
    if let Some(list) = cgroup_processes(&cgroup) {
        return Ok(list);
    }
    Ok(u.processes
        .into_iter()
        .map(|p| (cgroup.clone(), p.pid, p.cmdline))
        .collect())
}

/// Every process in control group `cgroup` (relative to the cgroup2 mount) and below: None
/// when there is no such group to read.
fn cgroup_processes(cgroup: &str) -> Option<Vec<(String, u32, String)>> {
    if cgroup.is_empty() {
        return None;
    }
    let root = linger_cgroup::unified_mount_point()?;
    let top = root.join(cgroup.trim_start_matches('/'));
    if !top.is_dir() {
        return None;
    }
    let mut out = Vec::new();
    let mut pending = vec![(top, cgroup.to_string())];
    while let Some((dir, rel)) = pending.pop() {
        let procs = std::fs::read_to_string(dir.join("cgroup.procs")).unwrap_or_default();
        for pid in procs.lines().filter_map(|l| l.trim().parse::<u32>().ok()) {
            let cmdline = std::fs::read(format!("/proc/{pid}/cmdline"))
                .map(|b| {
                    let words: Vec<String> = b
                        .split(|c| *c == 0)
                        .filter(|w| !w.is_empty())
                        .map(|w| String::from_utf8_lossy(w).into_owned())
                        .collect();
                    words.join(" ")
                })
                .unwrap_or_default();
            out.push((rel.clone(), pid, cmdline));
        }
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                let child = format!("{rel}/{}", e.file_name().to_string_lossy());
                pending.push((e.path(), child));
            }
        }
    }
    Some(out)
}

/// The loaded unit whose control group is `cgroup`.
async fn unit_by_control_group(f: &Front, cgroup: &str) -> Result<String, BusError> {
    let refuse = || {
        BusError::new(
            crate::errors::name::NO_SUCH_UNIT,
            format!("Control group '{cgroup}' is not valid or not managed by this instance"),
        )
    };
    if !cgroup.starts_with('/') {
        return Err(refuse());
    }
    let Answer::List(list) = f.ask(Call::List(Default::default())).await? else {
        return Err(refuse());
    };
    let answer = f
        .ask(Call::Units(UnitsRequest {
            units: list.units.into_iter().map(|u| u.unit).collect(),
            properties: vec!["Id".into(), "ControlGroup".into()],
            ..Default::default()
        }))
        .await?;
    let Answer::Units(r) = answer else {
        return Err(refuse());
    };
    r.units
        .into_iter()
        .find(|u| {
            u.properties
                .get("ControlGroup")
                .is_some_and(|c| c == cgroup)
        })
        .and_then(|u| u.properties.get("Id").cloned())
        .ok_or_else(refuse)
}

/// `SD_SYSTEMD_UNIT_RUNTIME` (1) and `SD_SYSTEMD_UNIT_FORCE` (2); portable (4) is refused.
fn install_flags(flags: u64) -> Result<(bool, bool), BusError> {
    if flags & !3 != 0 {
        return Err(BusError::invalid_args(format!(
            "Invalid 'flags' parameter '{flags}'"
        )));
    }
    Ok((flags & 1 != 0, flags & 2 != 0))
}

/// What an install call changed, as `a(sss)`: type, file, destination.
fn changes_of(answer: Answer) -> Vec<(String, String, String)> {
    match answer {
        Answer::Install(r) => r
            .changes
            .into_iter()
            .map(|c| (c.kind, c.path, c.source))
            .collect(),
        _ => Vec::new(),
    }
}
