//! `StartTransientUnit`: a unit made from D-Bus properties (`a(sv)`), written as a unit file to
//! `$XDG_RUNTIME_DIR/systemd/transient` — where linger's own `systemd-run` writes them, so a
//! transient unit is loaded, shown and removed like any other — then started. Services,
//! timers (with their service in `aux`) and scopes (around the processes in `PIDs`).

use std::path::Path;

use linger_unit::exec_line::{quote_env, quote_word};
use zbus::zvariant::{OwnedValue, Value};

use crate::errors::BusError;

/// `a(sv)`.
pub type Properties = Vec<(String, OwnedValue)>;

/// How a property is written.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Str,
    Bool,
    Int,
    /// µs → `Nus`.
    Usec,
    /// One `KEY=` line per element.
    Strv,
    /// `a(sasb)`: path, argv, ignore failure.
    Exec,
    /// `as` of assignments, each quoted.
    Env,
    /// `a(st)`: (`OnActiveSec`, µs) … → `OnActiveSec=Nus` …
    TimersMonotonic,
    /// `a(ss)`: (`OnCalendar`, spec).
    TimersCalendar,
}

/// Property → (section, unit-file key, kind): the properties systemd-run and the common
/// D-Bus clients send (`man systemd-run`, `org.freedesktop.systemd1(5)`).
const TABLE: &[(&str, &str, &str, Kind)] = &[
    ("Description", "Unit", "Description", Kind::Str),
    ("Documentation", "Unit", "Documentation", Kind::Strv),
    ("Wants", "Unit", "Wants", Kind::Strv),
    ("Requires", "Unit", "Requires", Kind::Strv),
    ("BindsTo", "Unit", "BindsTo", Kind::Strv),
    ("PartOf", "Unit", "PartOf", Kind::Strv),
    ("Conflicts", "Unit", "Conflicts", Kind::Strv),
    ("Before", "Unit", "Before", Kind::Strv),
    ("After", "Unit", "After", Kind::Strv),
    (
        "DefaultDependencies",
        "Unit",
        "DefaultDependencies",
        Kind::Bool,
    ),
    ("CollectMode", "Unit", "CollectMode", Kind::Str),
    ("Type", "Service", "Type", Kind::Str),
    ("RemainAfterExit", "Service", "RemainAfterExit", Kind::Bool),
    ("Restart", "Service", "Restart", Kind::Str),
    ("RestartUSec", "Service", "RestartSec", Kind::Usec),
    ("TimeoutStartUSec", "Service", "TimeoutStartSec", Kind::Usec),
    ("TimeoutStopUSec", "Service", "TimeoutStopSec", Kind::Usec),
    ("RuntimeMaxUSec", "Service", "RuntimeMaxSec", Kind::Usec),
    ("ExecStartPre", "Service", "ExecStartPre", Kind::Exec),
    ("ExecStart", "Service", "ExecStart", Kind::Exec),
    ("ExecStartPost", "Service", "ExecStartPost", Kind::Exec),
    ("ExecReload", "Service", "ExecReload", Kind::Exec),
    ("ExecStop", "Service", "ExecStop", Kind::Exec),
    ("ExecStopPost", "Service", "ExecStopPost", Kind::Exec),
    ("Environment", "Service", "Environment", Kind::Env),
    ("WorkingDirectory", "Service", "WorkingDirectory", Kind::Str),
    ("Nice", "Service", "Nice", Kind::Int),
    ("KillMode", "Service", "KillMode", Kind::Str),
    ("KillSignal", "Service", "KillSignal", Kind::Int),
    ("SendSIGHUP", "Service", "SendSIGHUP", Kind::Bool),
    ("StandardOutput", "Service", "StandardOutput", Kind::Str),
    ("StandardError", "Service", "StandardError", Kind::Str),
    ("Slice", "Service", "Slice", Kind::Str),
    ("MemoryMax", "Service", "MemoryMax", Kind::Int),
    ("MemoryHigh", "Service", "MemoryHigh", Kind::Int),
    ("TasksMax", "Service", "TasksMax", Kind::Int),
    ("CPUWeight", "Service", "CPUWeight", Kind::Int),
    ("OnActiveUSec", "Timer", "OnActiveSec", Kind::Usec),
    ("OnBootUSec", "Timer", "OnBootSec", Kind::Usec),
    ("OnStartupUSec", "Timer", "OnStartupSec", Kind::Usec),
    ("OnUnitActiveUSec", "Timer", "OnUnitActiveSec", Kind::Usec),
    (
        "OnUnitInactiveUSec",
        "Timer",
        "OnUnitInactiveSec",
        Kind::Usec,
    ),
    ("OnCalendar", "Timer", "OnCalendar", Kind::Str),
    ("AccuracyUSec", "Timer", "AccuracySec", Kind::Usec),
    (
        "RandomizedDelayUSec",
        "Timer",
        "RandomizedDelaySec",
        Kind::Usec,
    ),
    ("Persistent", "Timer", "Persistent", Kind::Bool),
    ("WakeSystem", "Timer", "WakeSystem", Kind::Bool),
    (
        "RemainAfterElapse",
        "Timer",
        "RemainAfterElapse",
        Kind::Bool,
    ),
    ("Unit", "Timer", "Unit", Kind::Str),
    ("TimersMonotonic", "Timer", "", Kind::TimersMonotonic),
    ("TimersCalendar", "Timer", "", Kind::TimersCalendar),
];

/// Properties that only steer the D-Bus side and have no unit-file form: accepted, and
/// without effect here (`AddRef`: linger does not collect a unit while a client holds it;
/// `PIDs` are handled by the caller).
const NOT_WRITTEN: &[&str] = &["AddRef", "PIDs"];

fn refused(name: &str) -> BusError {
    BusError::new(
        crate::errors::name::PROPERTY_READ_ONLY,
        format!("Cannot set property {name}, or unknown property."),
    )
}

/// The unit file of unit `id` for `props`.
pub fn unit_text(id: &str, props: &Properties) -> Result<String, BusError> {
    let kind_section = match id.rsplit('.').next() {
        Some("service") => "Service",
        Some("timer") => "Timer",
        Some("scope") => "Scope",
        _ => {
            return Err(BusError::invalid_args(format!(
                "Unit type {} does not support transient units.",
                id.rsplit('.').next().unwrap_or("")
            )));
        }
    };
    let mut sections: Vec<(&str, String)> =
        vec![("Unit", String::new()), (kind_section, String::new())];
    for (name, value) in props {
        if NOT_WRITTEN.contains(&name.as_str()) {
            continue;
        }
        let Some(&(_, section, key, kind)) = TABLE.iter().find(|(n, ..)| n == name) else {
            return Err(refused(name));
        };
        // Service settings of a scope are its cgroup settings, written to [Scope].
        let section = match (section, kind_section) {
            ("Service", "Scope")
                if matches!(
                    key,
                    "Slice"
                        | "MemoryMax"
                        | "MemoryHigh"
                        | "TasksMax"
                        | "CPUWeight"
                        | "KillMode"
                        | "KillSignal"
                        | "SendSIGHUP"
                ) =>
            {
                "Scope"
            }
            ("Unit", _) => "Unit",
            (s, k) if s == k => s,
            _ => return Err(refused(name)),
        };
        let lines = lines(key, kind, value)
            .ok_or_else(|| BusError::invalid_args(format!("Invalid value for property {name}.")))?;
        if let Some((_, text)) = sections.iter_mut().find(|(s, _)| *s == section) {
            text.push_str(&lines);
        }
    }
    let mut out = String::new();
    for (section, text) in sections {
        if !text.is_empty() || section == kind_section {
            out.push_str(&format!("[{section}]\n{text}"));
        }
    }
    Ok(out)
}

fn lines(key: &str, kind: Kind, value: &OwnedValue) -> Option<String> {
    let v: &Value<'_> = value;
    let one = |s: String| Some(format!("{key}={s}\n"));
    match (kind, v) {
        (Kind::Str, Value::Str(s)) => one(s.as_str().replace('\n', " ")),
        (Kind::Bool, Value::Bool(b)) => one(if *b { "yes" } else { "no" }.into()),
        (Kind::Int, Value::I32(n)) => one(n.to_string()),
        (Kind::Int, Value::U32(n)) => one(n.to_string()),
        (Kind::Int, Value::U64(n)) => one(if *n == u64::MAX {
            "infinity".into()
        } else {
            n.to_string()
        }),
        (Kind::Int, Value::I64(n)) => one(n.to_string()),
        (Kind::Usec, Value::U64(n)) => one(if *n == u64::MAX {
            "infinity".into()
        } else {
            format!("{n}us")
        }),
        (Kind::Strv, _) => {
            let list = <Vec<String>>::try_from(value.try_clone().ok()?).ok()?;
            Some(list.iter().map(|s| format!("{key}={s}\n")).collect())
        }
        (Kind::Env, _) => {
            let list = <Vec<String>>::try_from(value.try_clone().ok()?).ok()?;
            Some(
                list.iter()
                    .map(|s| format!("{key}={}\n", quote_env(s)))
                    .collect(),
            )
        }
        (Kind::Exec, _) => {
            let cmds =
                <Vec<(String, Vec<String>, bool)>>::try_from(value.try_clone().ok()?).ok()?;
            let mut out = String::new();
            for (path, argv, ignore) in cmds {
                if !path.starts_with('/') || argv.is_empty() {
                    return None;
                }
                let mut line = format!(
                    "{key}={}@{} ",
                    if ignore { "-" } else { "" },
                    quote_word(&path)
                );
                line.push_str(
                    &argv
                        .iter()
                        .map(|a| quote_word(a))
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                out.push_str(&line);
                out.push('\n');
            }
            Some(out)
        }
        (Kind::TimersMonotonic, _) => {
            let list = <Vec<(String, u64)>>::try_from(value.try_clone().ok()?).ok()?;
            let mut out = String::new();
            for (base, usec) in list {
                // systemd-run says `OnActiveSec`; the property documents `OnActiveUSec`.
                let key = base
                    .strip_suffix("USec")
                    .or_else(|| base.strip_suffix("Sec"))?;
                if !matches!(
                    key,
                    "OnActive" | "OnBoot" | "OnStartup" | "OnUnitActive" | "OnUnitInactive"
                ) {
                    return None;
                }
                out.push_str(&format!("{key}Sec={usec}us\n"));
            }
            Some(out)
        }
        (Kind::TimersCalendar, _) => {
            let list = <Vec<(String, String)>>::try_from(value.try_clone().ok()?).ok()?;
            let mut out = String::new();
            for (base, spec) in list {
                if base != "OnCalendar" {
                    return None;
                }
                out.push_str(&format!("OnCalendar={spec}\n"));
            }
            Some(out)
        }
        _ => None,
    }
}

/// The PIDs a scope is made around.
pub fn pids(props: &Properties) -> Result<Vec<u32>, BusError> {
    match props.iter().find(|(n, _)| n == "PIDs") {
        None => Ok(Vec::new()),
        Some((_, v)) => v
            .try_clone()
            .ok()
            .and_then(|v| <Vec<u32>>::try_from(v).ok())
            .ok_or_else(|| BusError::invalid_args("Invalid value for property PIDs.")),
    }
}

/// Write `text` as transient unit `id` under `runtime_dir` (refusing to replace one).
pub fn write(runtime_dir: &Path, id: &str, text: &str) -> Result<std::path::PathBuf, BusError> {
    let dir = runtime_dir.join("systemd/transient");
    let path = dir.join(id);
    if path.exists() {
        return Err(BusError::new(
            "org.freedesktop.systemd1.UnitExists",
            format!("Unit {id} was already loaded or has a fragment file."),
        ));
    }
    linger_unit::transient::write(&dir, id, text).map_err(|e| {
        BusError::new(
            crate::errors::name::FAILED,
            format!("{}: {e}", path.display()),
        )
    })?;
    Ok(path)
}
