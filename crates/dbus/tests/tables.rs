//! linger's D-Bus tables against systemd 252: the interface listings of the man page
//! org.freedesktop.systemd1(5) (tests/reference/systemd252/org.freedesktop.systemd1.5.txt) —
//! every property, method and signal systemd documents for the interfaces linger has exists in
//! linger's tables with the same name, type, access, change signal and order, and nothing
//! else does — and the values linger answers for what a unit does not have against what
//! systemd 252 answers for the same unit (getall-*.json, captured by capture-values.sh).
//! crates/cli/tests/dbus_api.rs checks that the objects of a running linger say the same.

use std::collections::BTreeMap;
use std::path::Path;

use linger_dbus::members::{self, Member};
use linger_dbus::props::{self, Conv, Emits, Prop, Unset};
use zbus::zvariant::Value;

#[path = "support/man.rs"]
mod systemd_man;
use systemd_man::Interface;

fn reference(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference/systemd252")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn man() -> BTreeMap<String, Interface> {
    systemd_man::interfaces(&reference("org.freedesktop.systemd1.5.txt"))
}

fn emits_word(e: Emits) -> &'static str {
    match e {
        Emits::Const => "const",
        Emits::Changes => "true",
        Emits::Invalidates => "invalidates",
        Emits::Silent => "false",
    }
}

fn ours_as_man(props: &[&Prop]) -> Vec<(String, String, String, String)> {
    props
        .iter()
        .map(|p| {
            let access = if p.writable { "readwrite" } else { "readonly" };
            (
                p.name.to_string(),
                p.sig.to_string(),
                access.to_string(),
                emits_word(p.emits).to_string(),
            )
        })
        .collect()
}

fn members_as_man(list: &[Member]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|m| {
            let sig = |a: &[(&str, &str)]| a.iter().map(|(n, t)| format!("{t} {n}")).collect();
            (m.name.to_string(), sig(m.args), sig(m.out))
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|(n, i, o): (String, Vec<String>, Vec<String>)| (n, i.join(","), o.join(",")))
        .collect()
}

#[test]
fn every_documented_property_is_there_with_its_type_and_in_order() {
    let man = man();
    let mut ours: Vec<(&str, Vec<&Prop>)> = vec![
        (
            "org.freedesktop.systemd1.Manager",
            props::MANAGER.iter().collect(),
        ),
        ("org.freedesktop.systemd1.Job", props::JOB.iter().collect()),
        (props::UNIT_IFACE.name, props::UNIT_IFACE.props().collect()),
    ];
    for (_, i) in props::TYPE_IFACES {
        ours.push((i.name, i.props().collect()));
    }
    for (name, props) in &ours {
        let theirs = man
            .get(*name)
            .unwrap_or_else(|| panic!("the man page has no {name}"));
        let want: Vec<_> = theirs
            .properties
            .iter()
            .map(|p| {
                (
                    p.name.clone(),
                    p.sig.clone(),
                    p.access.clone(),
                    p.emits.clone(),
                )
            })
            .collect();
        assert_eq!(ours_as_man(props), want, "{name}");
    }
    // Every interface of the man page's listings that linger's unit types have is covered.
    for name in man.keys() {
        assert!(
            ours.iter().any(|(n, _)| n == name),
            "linger has no table for {name}"
        );
    }
}

#[test]
fn every_documented_method_and_signal_is_there_with_its_arguments() {
    let man = man();
    let check = |iface: &str, kind: &str, ours: &[Member]| {
        let i = &man[iface];
        let theirs = if kind == "method" {
            &i.methods
        } else {
            &i.signals
        };
        let want: Vec<(String, String, String)> = theirs
            .iter()
            .map(|m| {
                let sig = |a: &[(String, String)]| {
                    a.iter()
                        .map(|(n, t)| format!("{t} {n}"))
                        .collect::<Vec<_>>()
                        .join(",")
                };
                (m.name.clone(), sig(&m.args), sig(&m.out))
            })
            .collect();
        assert_eq!(members_as_man(ours), want, "{iface} {kind}s");
    };
    for (iface, methods, signals) in members::INTERFACES {
        check(iface, "method", methods);
        check(iface, "signal", signals);
    }
    for name in man.keys() {
        assert!(
            members::INTERFACES.iter().any(|(n, _, _)| n == name),
            "no members table for {name}"
        );
    }
}

/// busctl's JSON form of a D-Bus value (structures as arrays).
fn json(v: &Value<'_>) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        Value::U8(n) => J::from(*n),
        Value::Bool(b) => J::from(*b),
        Value::I16(n) => J::from(*n),
        Value::U16(n) => J::from(*n),
        Value::I32(n) => J::from(*n),
        Value::U32(n) => J::from(*n),
        Value::I64(n) => J::from(*n),
        Value::U64(n) => J::from(*n),
        Value::F64(n) => J::from(*n),
        Value::Str(s) => J::from(s.as_str()),
        Value::ObjectPath(p) => J::from(p.as_str()),
        Value::Array(a) => J::Array(a.iter().map(json).collect()),
        Value::Structure(s) => J::Array(s.fields().iter().map(json).collect()),
        Value::Value(v) => json(v),
        other => panic!("unexpected value {other:?}"),
    }
}

/// What linger answers that differs from the capture on purpose, and why.
const DIFFERENT_ON_PURPOSE: &[(&str, &str)] = &[
    // Facts of the machine or of systemd's run, not settings.
    (
        "Virtualization",
        "systemd detected a container; linger does not detect it",
    ),
    ("GeneratorsStartTimestamp", "when systemd ran generators"),
    (
        "GeneratorsStartTimestampMonotonic",
        "when systemd ran generators",
    ),
    ("GeneratorsFinishTimestamp", "when systemd ran generators"),
    (
        "GeneratorsFinishTimestampMonotonic",
        "when systemd ran generators",
    ),
    ("UnitsLoadStartTimestamp", "when systemd loaded units"),
    (
        "UnitsLoadStartTimestampMonotonic",
        "when systemd loaded units",
    ),
    ("UnitsLoadFinishTimestamp", "when systemd loaded units"),
    (
        "UnitsLoadFinishTimestampMonotonic",
        "when systemd loaded units",
    ),
    ("NInstalledJobs", "jobs systemd ran since it started"),
    ("UnitPath", "systemd's search path of the capture's user"),
    (
        "ControlGroupId",
        "the cgroup's inode number on the capture's machine",
    ),
    // systemd's DefaultTasksMax= is 15% of the machine's pid limit; linger sets no default
    // limit on tasks, so an unlimited unit is what it is.
    ("DefaultTasksMax", "linger has no default task limit"),
    ("TasksMax", "linger has no default task limit"),
    // Values of the capture's units that are not "unset" values.
    ("SliceOf", "the units in the capture's app.slice"),
    (
        "RequiresMountsFor",
        "systemd adds a socket file's directory; linger has no mount dependencies",
    ),
    (
        "CPUWeight",
        "Debian's app.slice sets CPUWeight=100 (linger reports it where it applies it)",
    ),
    ("init.scope ControlGroup", "the capture's manager's cgroup"),
    ("init.scope Slice", "systemd's own init.scope is in -.slice"),
    (
        "init.scope Perpetual",
        "systemd's own init.scope; linger has no perpetual units",
    ),
    (
        "init.scope Transient",
        "systemd's own init.scope is transient",
    ),
    (
        "default.target CanIsolate",
        "linger reports it from the unit (AllowIsolate=)",
    ),
];

fn capture(name: &str) -> serde_json::Map<String, serde_json::Value> {
    let v: serde_json::Value = serde_json::from_str(&reference(&format!("getall-{name}.json")))
        .unwrap_or_else(|e| panic!("getall-{name}.json: {e}"));
    v["data"][0].as_object().cloned().unwrap()
}

#[test]
fn what_a_unit_does_not_have_is_answered_as_systemd_answers_it() {
    let units = [
        ("ref_2dsimple_2eservice", "ref-simple.service"),
        ("ref_2esocket", "ref.socket"),
        ("ref_2etimer", "ref.timer"),
        ("app_2eslice", "app.slice"),
        ("init_2escope", "init.scope"),
        ("default_2etarget", "default.target"),
    ];
    let mut checked = 0;
    let mut wrong = Vec::new();
    let mut check = |p: &Prop, id: &str, theirs: &serde_json::Map<String, serde_json::Value>| {
        // linger's own process's values: not the capture's.
        if matches!(p.unset, Unset::Own(_)) && p.name != "Slice"
            || DIFFERENT_ON_PURPOSE
                .iter()
                .any(|(n, _)| *n == p.name || *n == format!("{id} {}", p.name))
        {
            return;
        }
        let mut values = props::UnitValues::default();
        values.strings.insert("Id".into(), id.into());
        let ours = json(&props::unset_value(p, &values));
        let want = &theirs
            .get(p.name)
            .unwrap_or_else(|| panic!("capture of {id} has no {}", p.name));
        assert_eq!(want["type"], p.sig, "{id} {}", p.name);
        if ours != want["data"] {
            wrong.push(format!(
                "{id} {}: linger {ours}, systemd {}",
                p.name, want["data"]
            ));
        }
        checked += 1;
    };
    for (file, id) in units {
        let theirs = capture(file);
        for i in props::interfaces_of(id) {
            // A type's own block is always rendered by the manager where linger has the
            // setting; the shared blocks fall back to the unset value where it has not.
            for p in i.props() {
                if p.conv == Conv::Absent || !is_own_block(i.name, p) {
                    check(p, id, &theirs);
                }
            }
        }
    }
    let theirs = capture("manager");
    for p in props::MANAGER.iter().filter(|p| p.conv == Conv::Absent) {
        check(p, "", &theirs);
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(checked > 500, "only {checked} values compared");
}

/// Whether `p` is in the first block of interface `iface` (the type's own properties).
fn is_own_block(iface: &str, p: &Prop) -> bool {
    let i = props::TYPE_IFACES
        .iter()
        .map(|(_, i)| *i)
        .chain([props::UNIT_IFACE])
        .find(|i| i.name == iface)
        .unwrap();
    i.blocks.first().is_some_and(|b| b.iter().any(|x| x == p))
}
