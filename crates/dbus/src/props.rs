//! The properties of unit objects: for each systemd interface, the properties linger has,
//! with systemd 252's names, D-Bus types, change-signal behaviour and order (a test checks
//! them against systemd's own introspection data in tests/reference/systemd252/), and how each
//! D-Bus value is made from the manager's one rendering of unit properties (`systemctl
//! show`'s `Name=value` strings, crates/manager/src/props.rs, and beside them what a string
//! cannot carry: command runs, condition checks, µs of realtime timestamps).

use std::collections::{BTreeMap, HashMap};

use linger_ipc::manager::{CommandRun, ConditionCheck};
use serde::ser::{Serialize, SerializeMap, Serializer};
use zbus::zvariant::{ObjectPath, Signature, Type, Value};

/// How a D-Bus value is made from the manager's string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conv {
    /// As is.
    Str,
    /// `yes`/`no`.
    Bool,
    /// A decimal number (`u`, `i`, `t`).
    Int,
    /// A number, `[not set]` → `UINT64_MAX` (systemd's "not set").
    Counter,
    /// Space-separated words.
    Strv,
    /// A realtime timestamp → µs since the epoch (0: never): the manager's exact value,
    /// else parsed back from the string (whole seconds).
    Realtime,
    /// A time span as systemctl prints it → µs (`infinity`: `UINT64_MAX`).
    Span,
    /// An octal mode (`0644`).
    Octal,
    /// `Job=` id → `(uo)` (0, "/" when none).
    Job,
    /// 32 hex digits → 16 bytes (none: empty).
    Id128,
    /// `Listen=` lines `ADDRESS (Type)` → `a(ss)` of (type, address).
    Listen,
    /// From `LoadState=`: `(ss)` error name and message when the unit did not load.
    LoadError,
    /// A resource limit: a number or `infinity` (`UINT64_MAX`).
    Limit,
    /// `SystemCallFilter=`-like lists, `~` first for a deny list → `(bas)` (allow list?, names).
    NameList,
    /// `SystemCallErrorNumber=`: unset is systemd's "kill" (`INT_MAX - 1`).
    Errno,
    /// A command list with each command's last run → `a(sasbttttuii)` (typed, not a string).
    Exec,
    /// The same with flags as words → `a(sasasttttuii)` (the `…Ex` properties).
    ExecEx,
    /// `Conditions`/`Asserts` → `a(sbbsi)` (typed, not a string).
    Checks,
}

/// When a property's change is signalled (`org.freedesktop.DBus.Property.EmitsChangedSignal`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emits {
    /// Never changes while the unit is loaded.
    Const,
    /// PropertiesChanged carries the new value.
    Changes,
    /// PropertiesChanged names it (invalidated).
    Invalidates,
    /// Changes without a signal.
    Silent,
}

use Conv::*;
use Emits::*;

/// One property of an interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prop {
    /// Its name.
    pub name: &'static str,
    /// Its D-Bus type.
    pub sig: &'static str,
    /// How its value is made.
    pub conv: Conv,
    /// When its change is signalled.
    pub emits: Emits,
}

const fn p(name: &'static str, sig: &'static str, conv: Conv, emits: Emits) -> Prop {
    Prop {
        name,
        sig,
        conv,
        emits,
    }
}

/// An interface of unit objects and its properties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitInterface {
    /// `org.freedesktop.systemd1.Service`, …
    pub name: &'static str,
    /// Its properties.
    pub props: &'static [Prop],
}

/// `org.freedesktop.systemd1.Unit`, on every unit object.
pub const UNIT_IFACE: UnitInterface = UnitInterface {
    name: "org.freedesktop.systemd1.Unit",
    props: UNIT,
};

/// The interfaces of the unit `id`'s object, the type's own first (systemd's order, which
/// `systemctl show` keeps).
pub fn interfaces_of(id: &str) -> Vec<UnitInterface> {
    let (name, props): (&'static str, &'static [Prop]) = match id.rsplit('.').next() {
        Some("service") => ("org.freedesktop.systemd1.Service", SERVICE),
        Some("socket") => ("org.freedesktop.systemd1.Socket", SOCKET),
        Some("timer") => ("org.freedesktop.systemd1.Timer", TIMER),
        Some("target") => ("org.freedesktop.systemd1.Target", &[]),
        Some("slice") => ("org.freedesktop.systemd1.Slice", SLICE),
        Some("scope") => ("org.freedesktop.systemd1.Scope", SCOPE),
        _ => return vec![UNIT_IFACE],
    };
    vec![UnitInterface { name, props }, UNIT_IFACE]
}

/// `a{sv}` in a given order (`systemctl show` prints properties in the order they come).
#[derive(Debug, Default)]
pub struct PropDict<'a>(pub Vec<(&'a str, Value<'a>)>);

impl Type for PropDict<'_> {
    const SIGNATURE: &'static Signature = <HashMap<&str, Value<'static>> as Type>::SIGNATURE;
}

impl Serialize for PropDict<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// A unit's values as the manager gives them: the `Name=value` strings, the command lists,
/// the exact realtime timestamps and the condition checks.
#[derive(Debug, Default)]
pub struct UnitValues {
    /// `systemctl show`'s strings.
    pub strings: BTreeMap<String, String>,
    /// `ExecStart` & co. with each command's last run.
    pub commands: BTreeMap<String, Vec<CommandRun>>,
    /// Realtime timestamps in µs (the strings have whole seconds).
    pub realtime: BTreeMap<String, u64>,
    /// `Conditions`
    pub conditions: Vec<ConditionCheck>,
    /// `Asserts`
    pub asserts: Vec<ConditionCheck>,
}

/// The D-Bus value of `prop` of the unit whose values are `u`.
pub fn unit_value(prop: &Prop, u: &UnitValues) -> Value<'static> {
    let list = || {
        u.commands
            .get(prop.name.trim_end_matches("Ex"))
            .map_or(&[][..], Vec::as_slice)
    };
    match prop.conv {
        Exec => Value::from(
            list()
                .iter()
                .map(|c| {
                    let (path, argv) = (c.path.clone(), c.argv.clone());
                    let (start, exit) = (c.start, c.exit);
                    (
                        path,
                        argv,
                        c.ignore_failure,
                        start.0,
                        start.1,
                        exit.0,
                        exit.1,
                        c.pid,
                        c.code,
                        c.status,
                    )
                })
                .collect::<Vec<_>>(),
        ),
        ExecEx => Value::from(
            list()
                .iter()
                .map(|c| {
                    let (path, argv) = (c.path.clone(), c.argv.clone());
                    // systemd's flag words; linger records only `-` among them.
                    let flags: Vec<String> = match c.ignore_failure {
                        true => vec!["ignore-failure".to_string()],
                        false => Vec::new(),
                    };
                    let (start, exit) = (c.start, c.exit);
                    (
                        path, argv, flags, start.0, start.1, exit.0, exit.1, c.pid, c.code,
                        c.status,
                    )
                })
                .collect::<Vec<_>>(),
        ),
        Checks => {
            let list = match prop.name {
                "Asserts" => &u.asserts,
                _ => &u.conditions,
            };
            Value::from(
                list.iter()
                    .map(|c| {
                        (
                            c.directive.clone(),
                            c.trigger,
                            c.negate,
                            c.parameter.clone(),
                            c.state,
                        )
                    })
                    .collect::<Vec<_>>(),
            )
        }
        Realtime if u.realtime.contains_key(prop.name) => {
            Value::U64(u.realtime.get(prop.name).copied().unwrap_or(0))
        }
        _ => value(prop, &u.strings),
    }
}

/// The D-Bus value of `prop` of the unit whose manager properties are `props`.
pub fn value(prop: &Prop, props: &BTreeMap<String, String>) -> Value<'static> {
    let raw = props.get(prop.name).map(String::as_str).unwrap_or("");
    match prop.conv {
        Str => Value::from(raw.to_string()),
        Bool => Value::Bool(raw == "yes"),
        Int | Counter | Realtime | Span | Octal | Limit | Errno => number(prop, raw),
        // Typed values (unit_value); a string never carries them.
        Exec | ExecEx | Checks => Value::from(raw.to_string()),
        NameList => {
            let (allow, words) = match raw.strip_prefix('~') {
                Some(rest) => (false, rest),
                None => (!raw.is_empty(), raw),
            };
            let names: Vec<String> = words.split_whitespace().map(str::to_string).collect();
            Value::from((allow, names))
        }
        Strv => Value::from(
            raw.split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>(),
        ),
        Job => {
            let id: u32 = raw.parse().unwrap_or(0);
            let path = if id == 0 {
                "/".to_string()
            } else {
                crate::paths::job(id)
            };
            Value::from((id, object_path(path)))
        }
        Id128 => {
            let bytes: Vec<u8> = (0..raw.len() / 2)
                .filter_map(|i| u8::from_str_radix(raw.get(i * 2..i * 2 + 2)?, 16).ok())
                .collect();
            Value::from(if bytes.len() == 16 { bytes } else { Vec::new() })
        }
        Listen => Value::from(
            raw.lines()
                .filter_map(|l| {
                    let (addr, kind) = l.rsplit_once(" (")?;
                    Some((kind.trim_end_matches(')').to_string(), addr.to_string()))
                })
                .collect::<Vec<_>>(),
        ),
        LoadError => {
            let id = props.get("Id").map(String::as_str).unwrap_or("");
            let (name, message) = match props.get("LoadState").map(String::as_str) {
                Some("not-found") => (
                    "org.freedesktop.systemd1.NoSuchUnit",
                    format!("Unit {id} not found."),
                ),
                Some("masked") => (
                    "org.freedesktop.systemd1.UnitMasked",
                    format!("Unit {id} is masked."),
                ),
                Some("bad-setting") => (
                    "org.freedesktop.systemd1.BadUnitSetting",
                    format!("Unit {id} has a bad unit file setting."),
                ),
                Some("error") => (
                    "org.freedesktop.systemd1.LoadFailed",
                    format!("Unit {id} failed to load properly."),
                ),
                _ => ("", String::new()),
            };
            Value::from((name.to_string(), message))
        }
    }
}

fn number(prop: &Prop, raw: &str) -> Value<'static> {
    let n: u64 = match prop.conv {
        Counter if raw.is_empty() || raw == "[not set]" => u64::MAX,
        Limit if raw == "infinity" => u64::MAX,
        Errno if raw.is_empty() => (i32::MAX - 1) as u64,
        Realtime if raw.is_empty() => 0,
        Realtime => {
            linger_time::parse_timestamp(raw, 0, &jiff::tz::TimeZone::system()).unwrap_or(0)
        }
        Span => linger_time::parse_sec(raw).unwrap_or(0),
        Octal => u64::from_str_radix(raw, 8).unwrap_or(0),
        _ => raw.parse::<i64>().map(|v| v as u64).unwrap_or(0),
    };
    match prop.sig {
        "u" => Value::U32(n as u32),
        "i" => Value::I32(n as i64 as i32),
        "x" => Value::I64(n as i64),
        _ => Value::U64(n),
    }
}

/// `path` as an object path ("/" if it is not one).
pub fn object_path(path: String) -> ObjectPath<'static> {
    ObjectPath::try_from(path).unwrap_or_else(|_| ObjectPath::from_static_str_unchecked("/"))
}

/// `org.freedesktop.systemd1.Manager`: the properties linger has, in systemd's order
/// (`Architecture` and `Environment` are made by the front end: see manager_methods.rs).
pub const MANAGER: &[Prop] = &[
    p("Version", "s", Str, Const),
    p("Features", "s", Str, Const),
    p("Architecture", "s", Str, Const),
    p("Tainted", "s", Str, Const),
    p("UserspaceTimestamp", "t", Realtime, Const),
    p("UserspaceTimestampMonotonic", "t", Int, Const),
    p("FinishTimestamp", "t", Realtime, Const),
    p("FinishTimestampMonotonic", "t", Int, Const),
    p("NNames", "u", Int, Silent),
    p("NFailedUnits", "u", Int, Changes),
    p("NJobs", "u", Int, Silent),
    p("Environment", "as", Strv, Silent),
    p("ControlGroup", "s", Str, Silent),
    p("SystemState", "s", Str, Silent),
];

/// `org.freedesktop.systemd1.Unit`: the properties linger has, in systemd's order.
pub const UNIT: &[Prop] = &[
    p("Id", "s", Str, Const),
    p("Names", "as", Strv, Const),
    p("Following", "s", Str, Silent),
    p("Requires", "as", Strv, Const),
    p("Requisite", "as", Strv, Const),
    p("Wants", "as", Strv, Const),
    p("BindsTo", "as", Strv, Const),
    p("PartOf", "as", Strv, Const),
    p("Upholds", "as", Strv, Const),
    p("RequiredBy", "as", Strv, Const),
    p("RequisiteOf", "as", Strv, Const),
    p("WantedBy", "as", Strv, Const),
    p("BoundBy", "as", Strv, Const),
    p("UpheldBy", "as", Strv, Const),
    p("ConsistsOf", "as", Strv, Const),
    p("Conflicts", "as", Strv, Const),
    p("ConflictedBy", "as", Strv, Const),
    p("Before", "as", Strv, Const),
    p("After", "as", Strv, Const),
    p("OnSuccess", "as", Strv, Const),
    p("OnFailure", "as", Strv, Const),
    p("Triggers", "as", Strv, Const),
    p("TriggeredBy", "as", Strv, Const),
    p("Documentation", "as", Strv, Const),
    p("Description", "s", Str, Const),
    p("LoadState", "s", Str, Const),
    p("ActiveState", "s", Str, Changes),
    p("FreezerState", "s", Str, Changes),
    p("SubState", "s", Str, Changes),
    p("FragmentPath", "s", Str, Const),
    p("SourcePath", "s", Str, Const),
    p("DropInPaths", "as", Strv, Const),
    p("UnitFileState", "s", Str, Silent),
    p("UnitFilePreset", "s", Str, Silent),
    p("StateChangeTimestamp", "t", Realtime, Changes),
    p("StateChangeTimestampMonotonic", "t", Int, Changes),
    p("InactiveExitTimestamp", "t", Realtime, Changes),
    p("InactiveExitTimestampMonotonic", "t", Int, Changes),
    p("ActiveEnterTimestamp", "t", Realtime, Changes),
    p("ActiveEnterTimestampMonotonic", "t", Int, Changes),
    p("ActiveExitTimestamp", "t", Realtime, Changes),
    p("ActiveExitTimestampMonotonic", "t", Int, Changes),
    p("InactiveEnterTimestamp", "t", Realtime, Changes),
    p("InactiveEnterTimestampMonotonic", "t", Int, Changes),
    p("CanStart", "b", Bool, Const),
    p("CanStop", "b", Bool, Const),
    p("CanReload", "b", Bool, Const),
    p("CanFreeze", "b", Bool, Const),
    p("Job", "(uo)", Job, Changes),
    p("StopWhenUnneeded", "b", Bool, Const),
    p("RefuseManualStart", "b", Bool, Const),
    p("RefuseManualStop", "b", Bool, Const),
    p("AllowIsolate", "b", Bool, Const),
    p("DefaultDependencies", "b", Bool, Const),
    p("IgnoreOnIsolate", "b", Bool, Const),
    p("NeedDaemonReload", "b", Bool, Silent),
    p("ConditionResult", "b", Bool, Changes),
    p("AssertResult", "b", Bool, Changes),
    p("ConditionTimestamp", "t", Realtime, Changes),
    p("ConditionTimestampMonotonic", "t", Int, Changes),
    p("AssertTimestamp", "t", Realtime, Changes),
    p("AssertTimestampMonotonic", "t", Int, Changes),
    p("Conditions", "a(sbbsi)", Checks, Invalidates),
    p("Asserts", "a(sbbsi)", Checks, Invalidates),
    p("LoadError", "(ss)", LoadError, Const),
    p("StartLimitIntervalUSec", "t", Span, Const),
    p("StartLimitBurst", "u", Int, Const),
    p("InvocationID", "ay", Id128, Changes),
    p("CollectMode", "s", Str, Const),
];

/// `org.freedesktop.systemd1.Service`: the properties linger has, in systemd's order.
pub const SERVICE: &[Prop] = &[
    p("Type", "s", Str, Const),
    p("Restart", "s", Str, Const),
    p("PIDFile", "s", Str, Const),
    p("NotifyAccess", "s", Str, Const),
    p("RestartUSec", "t", Span, Const),
    p("TimeoutStartUSec", "t", Span, Const),
    p("TimeoutStopUSec", "t", Span, Const),
    p("RuntimeMaxUSec", "t", Span, Const),
    p("WatchdogUSec", "t", Span, Silent),
    p("RemainAfterExit", "b", Bool, Const),
    p("MainPID", "u", Int, Changes),
    p("ControlPID", "u", Int, Changes),
    p("BusName", "s", Str, Const),
    p("StatusText", "s", Str, Changes),
    p("StatusErrno", "i", Int, Changes),
    p("Result", "s", Str, Changes),
    p("NRestarts", "u", Int, Changes),
    p("ExecMainStartTimestamp", "t", Realtime, Changes),
    p("ExecMainStartTimestampMonotonic", "t", Int, Changes),
    p("ExecMainExitTimestamp", "t", Realtime, Changes),
    p("ExecMainExitTimestampMonotonic", "t", Int, Changes),
    p("ExecMainPID", "u", Int, Changes),
    p("ExecMainCode", "i", Int, Changes),
    p("ExecMainStatus", "i", Int, Changes),
    p("ExecCondition", "a(sasbttttuii)", Exec, Invalidates),
    p("ExecConditionEx", "a(sasasttttuii)", ExecEx, Invalidates),
    p("ExecStartPre", "a(sasbttttuii)", Exec, Invalidates),
    p("ExecStartPreEx", "a(sasasttttuii)", ExecEx, Invalidates),
    p("ExecStart", "a(sasbttttuii)", Exec, Invalidates),
    p("ExecStartEx", "a(sasasttttuii)", ExecEx, Invalidates),
    p("ExecStartPost", "a(sasbttttuii)", Exec, Invalidates),
    p("ExecStartPostEx", "a(sasasttttuii)", ExecEx, Invalidates),
    p("ExecReload", "a(sasbttttuii)", Exec, Invalidates),
    p("ExecReloadEx", "a(sasasttttuii)", ExecEx, Invalidates),
    p("ExecStop", "a(sasbttttuii)", Exec, Invalidates),
    p("ExecStopEx", "a(sasasttttuii)", ExecEx, Invalidates),
    p("ExecStopPost", "a(sasbttttuii)", Exec, Invalidates),
    p("ExecStopPostEx", "a(sasasttttuii)", ExecEx, Invalidates),
    p("ControlGroup", "s", Str, Silent),
    p("MemoryCurrent", "t", Counter, Silent),
    p("CPUUsageNSec", "t", Counter, Silent),
    p("TasksCurrent", "t", Counter, Silent),
    p("Environment", "as", Strv, Const),
    p("UMask", "u", Octal, Const),
    p("LimitCPU", "t", Limit, Const),
    p("LimitCPUSoft", "t", Limit, Const),
    p("LimitFSIZE", "t", Limit, Const),
    p("LimitFSIZESoft", "t", Limit, Const),
    p("LimitDATA", "t", Limit, Const),
    p("LimitDATASoft", "t", Limit, Const),
    p("LimitSTACK", "t", Limit, Const),
    p("LimitSTACKSoft", "t", Limit, Const),
    p("LimitCORE", "t", Limit, Const),
    p("LimitCORESoft", "t", Limit, Const),
    p("LimitRSS", "t", Limit, Const),
    p("LimitRSSSoft", "t", Limit, Const),
    p("LimitNOFILE", "t", Limit, Const),
    p("LimitNOFILESoft", "t", Limit, Const),
    p("LimitAS", "t", Limit, Const),
    p("LimitASSoft", "t", Limit, Const),
    p("LimitNPROC", "t", Limit, Const),
    p("LimitNPROCSoft", "t", Limit, Const),
    p("LimitMEMLOCK", "t", Limit, Const),
    p("LimitMEMLOCKSoft", "t", Limit, Const),
    p("LimitLOCKS", "t", Limit, Const),
    p("LimitLOCKSSoft", "t", Limit, Const),
    p("LimitSIGPENDING", "t", Limit, Const),
    p("LimitSIGPENDINGSoft", "t", Limit, Const),
    p("LimitMSGQUEUE", "t", Limit, Const),
    p("LimitMSGQUEUESoft", "t", Limit, Const),
    p("LimitNICE", "t", Limit, Const),
    p("LimitNICESoft", "t", Limit, Const),
    p("LimitRTPRIO", "t", Limit, Const),
    p("LimitRTPRIOSoft", "t", Limit, Const),
    p("LimitRTTIME", "t", Limit, Const),
    p("LimitRTTIMESoft", "t", Limit, Const),
    p("WorkingDirectory", "s", Str, Const),
    p("SyslogIdentifier", "s", Str, Const),
    p("PrivateTmp", "b", Bool, Const),
    p("PrivateUsers", "b", Bool, Const),
    p("ProtectHome", "s", Str, Const),
    p("ProtectSystem", "s", Str, Const),
    p("NoNewPrivileges", "b", Bool, Const),
    p("SystemCallFilter", "(bas)", NameList, Const),
    p("SystemCallArchitectures", "as", Strv, Const),
    p("SystemCallErrorNumber", "i", Errno, Const),
    p("LockPersonality", "b", Bool, Const),
    p("RestrictAddressFamilies", "(bas)", NameList, Const),
    p("RuntimeDirectoryPreserve", "s", Str, Const),
    p("RuntimeDirectoryMode", "u", Octal, Const),
    p("RuntimeDirectory", "as", Strv, Const),
    p("StateDirectoryMode", "u", Octal, Const),
    p("StateDirectory", "as", Strv, Const),
    p("CacheDirectoryMode", "u", Octal, Const),
    p("CacheDirectory", "as", Strv, Const),
    p("LogsDirectoryMode", "u", Octal, Const),
    p("LogsDirectory", "as", Strv, Const),
    p("ConfigurationDirectoryMode", "u", Octal, Const),
    p("ConfigurationDirectory", "as", Strv, Const),
    p("MemoryDenyWriteExecute", "b", Bool, Const),
    p("RestrictRealtime", "b", Bool, Const),
    p("KillMode", "s", Str, Const),
    p("KillSignal", "i", Int, Const),
    p("FinalKillSignal", "i", Int, Const),
    p("SendSIGKILL", "b", Bool, Const),
    p("SendSIGHUP", "b", Bool, Const),
];

/// `org.freedesktop.systemd1.Socket`: the properties linger has, in systemd's order.
pub const SOCKET: &[Prop] = &[
    p("Backlog", "u", Int, Const),
    p("SocketMode", "u", Octal, Const),
    p("DirectoryMode", "u", Octal, Const),
    p("Accept", "b", Bool, Const),
    p("PassCredentials", "b", Bool, Const),
    p("RemoveOnStop", "b", Bool, Const),
    p("Listen", "a(ss)", Listen, Const),
    p("MaxConnections", "u", Int, Const),
    p("Result", "s", Str, Changes),
    p("NConnections", "u", Int, Silent),
    p("NAccepted", "u", Int, Silent),
    p("NRefused", "u", Int, Silent),
    p("FileDescriptorName", "s", Str, Silent),
    p("TriggerLimitIntervalUSec", "t", Span, Const),
    p("TriggerLimitBurst", "u", Int, Const),
    p("ControlGroup", "s", Str, Silent),
    p("MemoryCurrent", "t", Counter, Silent),
    p("CPUUsageNSec", "t", Counter, Silent),
    p("TasksCurrent", "t", Counter, Silent),
];

/// `org.freedesktop.systemd1.Timer`: the properties linger has, in systemd's order.
pub const TIMER: &[Prop] = &[
    p("Unit", "s", Str, Const),
    p("OnClockChange", "b", Bool, Const),
    p("OnTimezoneChange", "b", Bool, Const),
    p("NextElapseUSecRealtime", "t", Realtime, Changes),
    p("NextElapseUSecMonotonic", "t", Span, Changes),
    p("LastTriggerUSec", "t", Realtime, Changes),
    p("LastTriggerUSecMonotonic", "t", Int, Changes),
    p("Result", "s", Str, Changes),
    p("AccuracyUSec", "t", Span, Const),
    p("RandomizedDelayUSec", "t", Span, Const),
    p("FixedRandomDelay", "b", Bool, Const),
    p("Persistent", "b", Bool, Const),
    p("WakeSystem", "b", Bool, Const),
    p("RemainAfterElapse", "b", Bool, Const),
];

/// `org.freedesktop.systemd1.Slice`: the properties linger has, in systemd's order.
pub const SLICE: &[Prop] = &[
    p("ControlGroup", "s", Str, Silent),
    p("MemoryCurrent", "t", Counter, Silent),
    p("CPUUsageNSec", "t", Counter, Silent),
    p("TasksCurrent", "t", Counter, Silent),
];

/// `org.freedesktop.systemd1.Scope`: the properties linger has, in systemd's order.
pub const SCOPE: &[Prop] = &[
    p("ControlGroup", "s", Str, Silent),
    p("MemoryCurrent", "t", Counter, Silent),
    p("CPUUsageNSec", "t", Counter, Silent),
    p("TasksCurrent", "t", Counter, Silent),
];
