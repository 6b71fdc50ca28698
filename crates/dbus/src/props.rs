//! The properties of the manager, unit and job objects. One table per systemd interface
//! (props/*.rs; a row per property): every property systemd 252 documents in
//! org.freedesktop.systemd1(5), with its name, D-Bus type, change-signal behaviour and order
//! (tests/tables.rs checks them against the man page's listings, tests/reference/systemd252/),
//! how linger's value is made from the manager's one rendering of unit properties
//! (`systemctl show`'s `Name=value` strings, crates/manager/src/props.rs, and beside them what
//! a string cannot carry: command runs, condition checks, µs of realtime timestamps) — or
//! `Absent` where linger has no such setting or state — and systemd's value for a unit that
//! does not have it ([`Unset`]), answered whenever the manager gives no value.

use std::collections::{BTreeMap, HashMap};

use linger_ipc::manager::{CommandRun, ConditionCheck};
use serde::ser::{Serialize, SerializeMap, Serializer};
use zbus::zvariant::{ObjectPath, Signature, Type, Value};

/// How a D-Bus value is made from the manager's string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conv {
    /// linger has no such setting or state: always the row's [`Unset`] value.
    Absent,
    /// As is.
    Str,
    /// As is; empty means not set (the row's [`Unset`] value).
    NonEmpty,
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
    /// `RestrictNamespaces=` as systemctl prints it (`yes`, `no`, allowed names) → the mask
    /// of namespaces a unit may make (`no`: systemd's unset, `UINT64_MAX`).
    Namespaces,
    /// `TimersMonotonic=`'s `{ BASE=SPAN ; next_elapse=… }` entries → `a(stt)`.
    Timers,
    /// `TimersCalendar=`'s `{ OnCalendar=SPEC ; next_elapse=… }` entries → `a(sst)`.
    Calendars,
    /// `EnvironmentFiles=` lines `PATH (ignore_errors=yes)` → `a(sb)`.
    EnvFiles,
    /// An exit-status set as systemctl prints it (`3 USR1`) → `(aiai)`: exit codes, signal
    /// numbers, each ascending.
    ExitStatus,
    /// A timer's next elapse (`NextElapseUSecRealtime`: the exact µs; `…Monotonic`: a span
    /// as systemctl prints it), the engine's one value for `show` and D-Bus
    /// (`linger_engine::TimerRuntime::next_elapse_*`: 0 for the clock a waiting timer has no
    /// trigger on, `UINT64_MAX` once nothing is to come, as systemd 252 answers).
    NextElapse,
    /// A capability set as systemctl prints it (`cap_chown cap_kill`) → its bit mask; every
    /// capability known (the unset set) is systemd's `UINT64_MAX`.
    Capabilities,
}

use Conv::*;

/// systemd's value for a property a unit does not have (a setting it does not set, or one
/// linger does not have at all): taken from what systemd 252 answers for its reference units
/// (tests/reference/systemd252/getall-*.json; tests/tables.rs compares), or, where systemd
/// reports its own process's state that the unit's processes inherit, linger's own (`Own`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unset {
    /// The zero of the type: 0, "", false, "/", an empty array, a structure of zeros.
    Zero,
    /// The largest number of the type (systemd's "infinity" / "not set").
    Max,
    /// `true`.
    Yes,
    /// A number.
    Num(i64),
    /// A string.
    Text(&'static str),
    /// Read from linger's own process (what a unit's processes inherit).
    Own(Own),
}

/// What systemd reports from its own process for a unit that does not set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Own {
    /// `/proc/self/oom_score_adj`.
    OomScoreAdjust,
    /// `/proc/self/coredump_filter` (hex).
    CoredumpFilter,
    /// `/proc/self/timerslack_ns`.
    TimerSlackNSec,
    /// The nice level.
    Nice,
    /// The I/O scheduling class linger's processes get: none set, so best-effort (2).
    IoClass,
    /// Best-effort's level for the nice level ((nice + 20) / 5), as the kernel derives it.
    IoPriority,
    /// The resource limit the property names (`LimitNOFILE`, `DefaultLimitCORESoft`, …):
    /// linger's own (the open-file soft limit: 1024, as systemd gives its units).
    Rlimit,
    /// `!` + the home directory: a user manager's units start there (`WorkingDirectory=~`,
    /// missing allowed).
    Home,
    /// The slice a unit without `Slice=` is in: `app.slice`; a slice's parent for a slice.
    ParentSlice,
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

/// One property of an interface: one row of a table in props/.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prop {
    /// Its name.
    pub name: &'static str,
    /// Its D-Bus type.
    pub sig: &'static str,
    /// How linger's value is made (`Absent`: linger has none).
    pub conv: Conv,
    /// The value when the manager gives none.
    pub unset: Unset,
    /// When its change is signalled.
    pub emits: Emits,
    /// `readwrite` in systemd (a few Manager properties).
    pub writable: bool,
}

const fn p(name: &'static str, sig: &'static str, conv: Conv, unset: Unset, emits: Emits) -> Prop {
    Prop {
        name,
        sig,
        conv,
        unset,
        emits,
        writable: false,
    }
}

const fn rw(name: &'static str, sig: &'static str, conv: Conv, unset: Unset, emits: Emits) -> Prop {
    Prop {
        writable: true,
        ..p(name, sig, conv, unset, emits)
    }
}

mod cgroup;
mod exec;
mod manager;
mod scope;
mod service;
mod socket;
mod timer;
mod unit;

pub use manager::{LOG_CONTROL, MANAGER};
pub use scope::JOB;

/// An interface of unit objects and its properties, in blocks (systemd shares its
/// control-group, exec and kill blocks between unit types).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitInterface {
    /// `org.freedesktop.systemd1.Service`, …
    pub name: &'static str,
    /// Its properties, block after block.
    pub blocks: &'static [&'static [Prop]],
}

impl UnitInterface {
    /// Every property, in systemd's order.
    pub fn props(&self) -> impl Iterator<Item = &'static Prop> + use<> {
        self.blocks.iter().flat_map(|b| b.iter())
    }
}

/// `org.freedesktop.systemd1.Unit`, on every unit object.
pub const UNIT_IFACE: UnitInterface = UnitInterface {
    name: "org.freedesktop.systemd1.Unit",
    blocks: &[unit::UNIT],
};

/// The interface of each unit type linger has, and the unit name suffix it is for.
pub const TYPE_IFACES: [(&str, UnitInterface); 6] = [
    (
        "service",
        UnitInterface {
            name: "org.freedesktop.systemd1.Service",
            blocks: &[
                service::SERVICE_OWN,
                cgroup::CGROUP,
                exec::EXEC,
                cgroup::KILL,
            ],
        },
    ),
    (
        "socket",
        UnitInterface {
            name: "org.freedesktop.systemd1.Socket",
            blocks: &[socket::SOCKET_OWN, cgroup::CGROUP, exec::EXEC, cgroup::KILL],
        },
    ),
    (
        "target",
        UnitInterface {
            name: "org.freedesktop.systemd1.Target",
            blocks: &[],
        },
    ),
    (
        "timer",
        UnitInterface {
            name: "org.freedesktop.systemd1.Timer",
            blocks: &[timer::TIMER],
        },
    ),
    (
        "slice",
        UnitInterface {
            name: "org.freedesktop.systemd1.Slice",
            blocks: &[cgroup::CGROUP],
        },
    ),
    (
        "scope",
        UnitInterface {
            name: "org.freedesktop.systemd1.Scope",
            blocks: &[scope::SCOPE_OWN, cgroup::CGROUP, cgroup::KILL],
        },
    ),
];

/// The interfaces of the unit `id`'s object, the type's own first (systemd's order, which
/// `systemctl show` keeps).
pub fn interfaces_of(id: &str) -> Vec<UnitInterface> {
    let suffix = id.rsplit('.').next().unwrap_or("");
    match TYPE_IFACES.iter().find(|(s, _)| *s == suffix) {
        Some((_, i)) => vec![*i, UNIT_IFACE],
        None => vec![UNIT_IFACE],
    }
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

/// Besides a property itself, what the manager must give for its value: `Id` (every unset
/// value that names the unit), `LoadState` for `LoadError`, `FragmentPath` for `Transient`
/// (front.rs).
pub fn made_from(prop: &str) -> &'static [&'static str] {
    match prop {
        "LoadError" => &["Id", "LoadState"],
        "Transient" => &["Id", "FragmentPath"],
        // The clients' references are the front end's (refs.rs), kept by the names used.
        "Refs" => &["Id", "Names"],
        _ => &["Id"],
    }
}

/// The D-Bus value of `prop` of the unit (or manager) whose values are `u`: linger's where
/// the manager gave one, else the row's [`Unset`] value.
pub fn unit_value(prop: &Prop, u: &UnitValues) -> Value<'static> {
    let list = || u.commands.get(prop.name.trim_end_matches("Ex"));
    match prop.conv {
        Absent => unset_value(prop, u),
        Exec | ExecEx => match list() {
            Some(runs) => commands(runs, prop.conv == ExecEx),
            None => unset_value(prop, u),
        },
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
        // The engine's value (linger_engine::TimerRuntime::next_elapse_*), as `show` has it:
        // the realtime one in µs beside its string, the monotonic one an exact span.
        NextElapse => match u.realtime.get(prop.name) {
            Some(us) => Value::U64(*us),
            None => match u
                .strings
                .get(prop.name)
                .map(|raw| linger_time::parse_sec(raw))
            {
                Some(Ok(us)) => Value::U64(us),
                _ => unset_value(prop, u),
            },
        },
        Realtime if u.realtime.contains_key(prop.name) => {
            Value::U64(u.realtime.get(prop.name).copied().unwrap_or(0))
        }
        // Made from LoadState and Id.
        LoadError => value(prop, &u.strings),
        NonEmpty if u.strings.get(prop.name).is_none_or(String::is_empty) => unset_value(prop, u),
        _ if !u.strings.contains_key(prop.name) => unset_value(prop, u),
        _ => value(prop, &u.strings),
    }
}

/// A command list with each command's last run (`a(sasbttttuii)`, or with flag words
/// `a(sasasttttuii)`).
fn commands(runs: &[CommandRun], flag_words: bool) -> Value<'static> {
    if !flag_words {
        return Value::from(
            runs.iter()
                .map(|c| {
                    let (start, exit) = (c.start, c.exit);
                    (
                        c.path.clone(),
                        c.argv.clone(),
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
        );
    }
    Value::from(
        runs.iter()
            .map(|c| {
                // systemd's flag words; linger records only `-` among them.
                let flags: Vec<String> = match c.ignore_failure {
                    true => vec!["ignore-failure".to_string()],
                    false => Vec::new(),
                };
                let (start, exit) = (c.start, c.exit);
                (
                    c.path.clone(),
                    c.argv.clone(),
                    flags,
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
    )
}

/// The row's [`Unset`] value (for the unit whose values are `u`: a slice's parent needs its
/// name).
pub fn unset_value(prop: &Prop, u: &UnitValues) -> Value<'static> {
    let id = u.strings.get("Id").map(String::as_str).unwrap_or("");
    match prop.unset {
        Unset::Zero => zero(&signature(prop)),
        Unset::Max => typed_number(prop.sig, u64::MAX, true),
        Unset::Yes => Value::Bool(true),
        Unset::Num(n) => typed_number(prop.sig, n as u64, false),
        Unset::Text(s) => Value::from(s.to_string()),
        Unset::Own(own) => own_value(prop, own, id),
    }
}

fn signature(prop: &Prop) -> Signature {
    Signature::try_from(prop.sig).unwrap_or(Signature::Str)
}

/// The zero value of a D-Bus type.
fn zero(sig: &Signature) -> Value<'static> {
    match sig {
        Signature::U8 => Value::U8(0),
        Signature::Bool => Value::Bool(false),
        Signature::I16 => Value::I16(0),
        Signature::U16 => Value::U16(0),
        Signature::I32 => Value::I32(0),
        Signature::U32 => Value::U32(0),
        Signature::I64 => Value::I64(0),
        Signature::U64 => Value::U64(0),
        Signature::F64 => Value::F64(0.0),
        Signature::ObjectPath => Value::from(object_path("/".to_string())),
        Signature::Array(child) => Value::Array(zbus::zvariant::Array::new(child)),
        Signature::Dict { key, value } => Value::Dict(zbus::zvariant::Dict::new(key, value)),
        Signature::Structure(fields) => fields
            .iter()
            .fold(zbus::zvariant::StructureBuilder::new(), |b, f| {
                b.append_field(zero(f))
            })
            .build()
            .map(Value::Structure)
            // Only an empty structure fails, and D-Bus has none.
            .unwrap_or_else(|_| Value::from(String::new())),
        _ => Value::from(String::new()),
    }
}

/// `n` as a value of the number type `sig` (`max`: the type's largest value).
fn typed_number(sig: &str, n: u64, max: bool) -> Value<'static> {
    match sig {
        "y" => Value::U8(if max { u8::MAX } else { n as u8 }),
        "q" => Value::U16(if max { u16::MAX } else { n as u16 }),
        "n" => Value::I16(if max { i16::MAX } else { n as i16 }),
        "u" => Value::U32(if max { u32::MAX } else { n as u32 }),
        "i" => Value::I32(if max { i32::MAX } else { n as i64 as i32 }),
        "x" => Value::I64(if max { i64::MAX } else { n as i64 }),
        "d" => Value::F64(n as i64 as f64),
        _ => Value::U64(n),
    }
}

/// What systemd reads from its own process, read from linger's.
fn own_value(prop: &Prop, own: Own, id: &str) -> Value<'static> {
    let proc_self = |file: &str| std::fs::read_to_string(format!("/proc/self/{file}")).ok();
    let nice = || {
        rustix::process::getpriority_process(None)
            .unwrap_or(0)
            .clamp(-20, 19)
    };
    match own {
        Own::OomScoreAdjust => Value::I32(
            proc_self("oom_score_adj")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(0),
        ),
        Own::CoredumpFilter => Value::U64(
            proc_self("coredump_filter")
                .and_then(|s| u64::from_str_radix(s.trim(), 16).ok())
                .unwrap_or(0),
        ),
        Own::TimerSlackNSec => Value::U64(
            proc_self("timerslack_ns")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(0),
        ),
        Own::Nice => Value::I32(nice()),
        Own::IoClass => Value::I32(2),
        Own::IoPriority => Value::I32((nice() + 20) / 5),
        Own::Rlimit => {
            let name = prop.name.trim_start_matches("Default");
            let (key, soft) = match name.strip_suffix("Soft") {
                Some(k) => (k, true),
                None => (name, false),
            };
            let limits = linger_unit::value::rlimit_by_key(key).and_then(|(number, _)| {
                if number == linger_exec::limits::RLIMIT_NOFILE {
                    let d = linger_exec::limits::default_nofile();
                    Some((d.soft, d.hard))
                } else {
                    linger_exec::limits::current(number)
                }
            });
            let (s, h) = limits.unwrap_or((u64::MAX, u64::MAX));
            Value::U64(if soft { s } else { h })
        }
        Own::Home => Value::from(format!(
            "!{}",
            std::env::var("HOME").unwrap_or_else(|_| "/".into())
        )),
        Own::ParentSlice => Value::from(parent_slice(id)),
    }
}

/// The slice the unit `id` is in when it does not say: a slice's parent by its name
/// (`a-b.slice` → `a.slice`, `a.slice` → `-.slice`, `-.slice` → none), else `app.slice`.
pub fn parent_slice(id: &str) -> String {
    match id.strip_suffix(".slice") {
        Some("-") => String::new(),
        Some(stem) => match stem.rsplit_once('-') {
            Some((parent, _)) => format!("{parent}.slice"),
            None => "-.slice".into(),
        },
        None => "app.slice".into(),
    }
}

/// The D-Bus value of `prop` from the manager's strings `props`.
pub fn value(prop: &Prop, props: &BTreeMap<String, String>) -> Value<'static> {
    let raw = props.get(prop.name).map(String::as_str).unwrap_or("");
    match prop.conv {
        Str | NonEmpty => Value::from(raw.to_string()),
        Bool => Value::Bool(raw == "yes"),
        Namespaces => Value::U64(match raw {
            "yes" => 0,
            "no" | "" => u64::MAX,
            names => names
                .split_whitespace()
                .filter_map(linger_unit::model::namespace_flag)
                .fold(0, |mask, flag| mask | flag),
        }),
        Capabilities => Value::U64(
            if raw == linger_unit::value::capability_set_text(u64::MAX) {
                u64::MAX
            } else {
                raw.split_whitespace()
                    .filter_map(linger_unit::value::capability_from_name)
                    .fold(0, |mask, cap| mask | 1 << cap)
            },
        ),
        Int | Counter | Realtime | Span | Octal | Limit | Errno => number(prop, raw),
        // Typed values (unit_value); a string never carries them.
        Absent | Exec | ExecEx | Checks | NextElapse => zero(&signature(prop)),
        Timers | Calendars => {
            let mut entries = Vec::new();
            for entry in raw.split('}') {
                let entry = entry.trim().trim_start_matches('{').trim();
                let Some((base, rest)) = entry.split_once('=') else {
                    continue;
                };
                let spec = rest.split(" ; ").next().unwrap_or("").trim();
                entries.push((base.to_string(), spec.to_string()));
            }
            // next_elapse is not computed per entry (`n/a`): 0.
            if prop.conv == Timers {
                Value::from(
                    entries
                        .into_iter()
                        .map(|(b, s)| (b, linger_time::parse_sec(&s).unwrap_or(0), 0u64))
                        .collect::<Vec<_>>(),
                )
            } else {
                Value::from(
                    entries
                        .into_iter()
                        .map(|(b, s)| (b, s, 0u64))
                        .collect::<Vec<_>>(),
                )
            }
        }
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
        EnvFiles => Value::from(
            raw.lines()
                .filter_map(|l| {
                    let (path, flag) = l.rsplit_once(" (ignore_errors=")?;
                    Some((path.to_string(), flag.trim_end_matches(')') == "yes"))
                })
                .collect::<Vec<_>>(),
        ),
        ExitStatus => {
            let (mut codes, mut signals) = (Vec::new(), Vec::new());
            for word in raw.split_whitespace() {
                match word.parse::<i32>() {
                    Ok(n) => codes.push(n),
                    Err(_) => signals.extend(linger_wire::Signal::parse(word).map(|s| s.number())),
                }
            }
            codes.sort_unstable();
            signals.sort_unstable();
            Value::from((codes, signals))
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
        Realtime => linger_time::parse_timestamp(raw, 0, &linger_time::local_zone()).unwrap_or(0),
        Span => linger_time::parse_sec(raw).unwrap_or(0),
        Octal => u64::from_str_radix(raw, 8).unwrap_or(0),
        _ => raw.parse::<i64>().map(|v| v as u64).unwrap_or(0),
    };
    typed_number(prop.sig, n, false)
}

/// `path` as an object path ("/" if it is not one).
pub fn object_path(path: String) -> ObjectPath<'static> {
    ObjectPath::try_from(path).unwrap_or_else(|_| ObjectPath::from_static_str_unchecked("/"))
}
