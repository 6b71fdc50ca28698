//! `Dump`/`DumpByFileDescriptor` (`systemd-analyze --user dump`) and the `…MatchingPatterns`
//! variants: the manager's state as text, in systemd's layout (`Manager:`, `Timestamp …:`,
//! then `-> Unit NAME:` with a tab before each `Key: value`, a job as `-> Job N:` inside its
//! unit). The lines are those linger has: each unit's common block, its dependencies (without
//! systemd's `(origin-…)` notes — linger does not record where a dependency came from) and its
//! type's state, read from the same properties `systemctl --user show` prints.

use std::fmt::Write;

use linger_ipc::manager::UnitsRequest;
use linger_manager::{Answer, Call};

use crate::errors::BusError;
use crate::front::Front;

/// The unit's common block: (systemd's label, linger's property; "" where the value is made
/// here).
const COMMON: &[(&str, &str)] = &[
    ("Description", "Description"),
    ("Instance", ""),
    ("Unit Load State", "LoadState"),
    ("Unit Active State", "ActiveState"),
    ("State Change Timestamp", "StateChangeTimestamp"),
    ("Inactive Exit Timestamp", "InactiveExitTimestamp"),
    ("Active Enter Timestamp", "ActiveEnterTimestamp"),
    ("Active Exit Timestamp", "ActiveExitTimestamp"),
    ("Inactive Enter Timestamp", "InactiveEnterTimestamp"),
    ("Need Daemon Reload", "NeedDaemonReload"),
    ("Transient", "Transient"),
    ("Slice", "Slice"),
    ("CGroup", "ControlGroup"),
    ("Invocation ID", "InvocationID"),
    ("Fragment Path", "FragmentPath"),
    ("Source Path", "SourcePath"),
];

/// Dependency kinds, in systemd's order.
const DEPENDENCIES: &[&str] = &[
    "Requires",
    "Requisite",
    "Wants",
    "BindsTo",
    "PartOf",
    "Upholds",
    "RequiredBy",
    "RequisiteOf",
    "WantedBy",
    "BoundBy",
    "UpheldBy",
    "ConsistsOf",
    "Conflicts",
    "ConflictedBy",
    "Before",
    "After",
    "OnSuccess",
    "OnSuccessOf",
    "OnFailure",
    "OnFailureOf",
    "Triggers",
    "TriggeredBy",
    "PropagatesReloadTo",
    "ReloadPropagatedFrom",
    "PropagatesStopTo",
    "StopPropagatedFrom",
    "JoinsNamespaceOf",
];

/// After the dependencies: (label, property).
const FLAGS: &[(&str, &str)] = &[
    ("StopWhenUnneeded", "StopWhenUnneeded"),
    ("RefuseManualStart", "RefuseManualStart"),
    ("RefuseManualStop", "RefuseManualStop"),
    ("DefaultDependencies", "DefaultDependencies"),
    ("OnSuccessJobMode", "OnSuccessJobMode"),
    ("OnFailureJobMode", "OnFailureJobMode"),
    ("IgnoreOnIsolate", "IgnoreOnIsolate"),
];

/// The type's own block, its state line first: (label, property).
fn type_block(id: &str) -> &'static [(&'static str, &'static str)] {
    match id.rsplit('.').next().unwrap_or("") {
        "service" => &[
            ("Service State", "SubState"),
            ("Result", "Result"),
            ("RemainAfterExit", "RemainAfterExit"),
            ("Type", "Type"),
            ("Restart", "Restart"),
            ("NotifyAccess", "NotifyAccess"),
            ("Main PID", "MainPID"),
            ("Control PID", "ControlPID"),
            ("Bus Name", "BusName"),
            ("RestartSec", "RestartUSec"),
            ("TimeoutStartSec", "TimeoutStartUSec"),
            ("TimeoutStopSec", "TimeoutStopUSec"),
            ("RuntimeMaxSec", "RuntimeMaxUSec"),
            ("WatchdogSec", "WatchdogUSec"),
            ("KillMode", "KillMode"),
            ("KillSignal", "KillSignal"),
            ("SendSIGKILL", "SendSIGKILL"),
            ("SendSIGHUP", "SendSIGHUP"),
            ("WorkingDirectory", "WorkingDirectory"),
        ],
        "socket" => &[
            ("Socket State", "SubState"),
            ("Result", "Result"),
            ("Accept", "Accept"),
            ("Backlog", "Backlog"),
            ("SocketMode", "SocketMode"),
            ("DirectoryMode", "DirectoryMode"),
            ("MaxConnections", "MaxConnections"),
            ("Listen", "Listen"),
        ],
        "timer" => &[
            ("Timer State", "SubState"),
            ("Result", "Result"),
            ("Unit", "Unit"),
            ("Persistent", "Persistent"),
            ("WakeSystem", "WakeSystem"),
            ("Accuracy", "AccuracyUSec"),
            ("RemainAfterElapse", "RemainAfterElapse"),
            ("OnClockChange", "OnClockChange"),
            ("OnTimeZoneChange", "OnTimezoneChange"),
        ],
        "scope" => &[("Scope State", "SubState"), ("Result", "Result")],
        "slice" => &[("Slice State", "SubState")],
        "target" => &[("Target State", "SubState")],
        _ => &[],
    }
}

/// The whole dump; `patterns` (shell globs on unit names) keep only the units they match.
pub async fn dump(f: &Front, patterns: &[String]) -> Result<String, BusError> {
    let mut out = String::new();
    // The manager's lines head a whole dump only (as systemd's).
    if patterns.is_empty()
        && let Answer::Manager(m) = f.ask(Call::Manager).await?
    {
        let get = |k: &str| m.strings.get(k).cloned().unwrap_or_default();
        let _ = writeln!(out, "Manager: linger {}", get("Version"));
        let _ = writeln!(out, "Features: {}", get("Features"));
        for (label, key) in [
            ("userspace", "UserspaceTimestamp"),
            ("finish", "FinishTimestamp"),
        ] {
            let t = get(key);
            if !t.is_empty() {
                let _ = writeln!(out, "Timestamp {label}: {t}");
            }
        }
    }
    let Answer::List(list) = f.ask(Call::List(Default::default())).await? else {
        return Ok(out);
    };
    let units: Vec<String> = list
        .units
        .into_iter()
        .map(|u| u.unit)
        .filter(|u| crate::unit_patterns::matches(patterns, u))
        .collect();
    let jobs = crate::manager_calls::list_jobs(f).await?;
    let answer = f
        .ask(Call::Units(UnitsRequest {
            units,
            loaded_only: true,
            ..Default::default()
        }))
        .await?;
    let Answer::Units(r) = answer else {
        return Ok(out);
    };
    for u in r.units {
        let p = &u.properties;
        let get = |k: &str| p.get(k).map(String::as_str).unwrap_or("");
        let id = get("Id");
        let _ = writeln!(out, "-> Unit {id}:");
        for (label, key) in COMMON {
            let value = match *key {
                "" => instance(id),
                k => get(k).to_string(),
            };
            let shown = match (*key, value.is_empty()) {
                // systemd's dump leaves out what a unit does not have, timestamps aside.
                (k, true) if k.ends_with("Timestamp") => "n/a".to_string(),
                (_, true) if *label != "Description" => continue,
                (_, _) => value,
            };
            let _ = writeln!(out, "\t{label}: {shown}");
        }
        for kind in DEPENDENCIES {
            for other in get(kind).split_whitespace() {
                let _ = writeln!(out, "\t{kind}: {other}");
            }
        }
        for (label, key) in FLAGS.iter().chain(type_block(id)) {
            let v = get(key);
            if !v.is_empty() {
                let _ = writeln!(out, "\t{label}: {v}");
            }
        }
        for j in jobs.iter().filter(|j| j.unit == id) {
            let state = if j.running { "running" } else { "waiting" };
            let _ = writeln!(out, "\t-> Job {}:", j.id);
            let _ = writeln!(out, "\t\tAction: {id} -> {}", j.job_type.as_str());
            let _ = writeln!(out, "\t\tState: {state}");
        }
    }
    Ok(out)
}

/// `n/a`, or the instance of a template's instance (`foo@bar.service`: `bar`).
fn instance(id: &str) -> String {
    match linger_unit::name::UnitName::parse(id) {
        Ok(n) => n
            .instance
            .filter(|i| !i.is_empty())
            .unwrap_or_else(|| "n/a".to_string()),
        Err(_) => "n/a".to_string(),
    }
}

/// A memfd holding `text`, read from its start (`DumpByFileDescriptor`).
pub fn memfd(text: &str) -> Result<std::os::fd::OwnedFd, BusError> {
    let failed = |e: rustix::io::Errno| {
        BusError::new(
            crate::errors::name::FAILED,
            format!("Failed to make the dump file: {e}"),
        )
    };
    let fd = rustix::fs::memfd_create("dump", rustix::fs::MemfdFlags::CLOEXEC).map_err(failed)?;
    let mut left = text.as_bytes();
    while !left.is_empty() {
        let n = rustix::io::write(&fd, left).map_err(failed)?;
        left = &left[n..];
    }
    rustix::fs::seek(&fd, rustix::fs::SeekFrom::Start(0)).map_err(failed)?;
    Ok(fd)
}
