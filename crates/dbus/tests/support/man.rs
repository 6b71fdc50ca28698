//! A reader of the interface listings of org.freedesktop.systemd1(5) as `man` prints them
//! (tests/reference/systemd252/org.freedesktop.systemd1.5.txt): interfaces with their
//! methods, signals and properties. Shared by crates/dbus/tests/tables.rs and
//! crates/cli/tests/dbus_api.rs.

use std::collections::BTreeMap;

/// A method or signal: name, (argument name, type) in and out.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ManMember {
    pub name: String,
    pub args: Vec<(String, String)>,
    pub out: Vec<(String, String)>,
}

/// A property: name, type, `readonly`/`readwrite`, EmitsChangedSignal (`true` when unsaid).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ManProperty {
    pub name: String,
    pub sig: String,
    pub access: String,
    pub emits: String,
}

/// One interface's members.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Interface {
    pub methods: Vec<ManMember>,
    pub signals: Vec<ManMember>,
    pub properties: Vec<ManProperty>,
}

/// The interfaces listed in `text`, by name (the standard `{ ... }` ones left out).
pub fn interfaces(text: &str) -> BTreeMap<String, Interface> {
    let mut out: BTreeMap<String, Interface> = BTreeMap::new();
    let mut current: Option<String> = None;
    let mut section = "";
    let mut emits = String::from("true");
    let mut pending = String::new();
    for line in text.lines() {
        let s = line.trim();
        if let Some(rest) = s.strip_prefix("interface ") {
            if let Some(name) = rest.strip_suffix(" {") {
                current = Some(name.to_string());
                out.entry(name.to_string()).or_default();
                section = "";
            }
            continue;
        }
        let Some(name) = &current else { continue };
        match s {
            "methods:" | "signals:" | "properties:" => {
                section = s;
                continue;
            }
            "};" => {
                current = None;
                continue;
            }
            "" => continue,
            _ => {}
        }
        let iface = out.get_mut(name).unwrap();
        if section == "properties:" {
            if let Some(v) = s.strip_prefix("@org.freedesktop.DBus.Property.EmitsChangedSignal(\"")
            {
                emits = v.trim_end_matches("\")").to_string();
                continue;
            }
            if s.starts_with('@') {
                continue;
            }
            let words: Vec<&str> = s.split_whitespace().collect();
            iface.properties.push(ManProperty {
                access: words[0].to_string(),
                sig: words[1].to_string(),
                name: words[2].to_string(),
                emits: std::mem::replace(&mut emits, "true".into()),
            });
        } else if s.starts_with('@') {
            continue;
        } else {
            pending.push(' ');
            pending.push_str(s);
            if !pending.ends_with(';') {
                continue;
            }
            let text = std::mem::take(&mut pending);
            let text = text.trim().trim_end_matches(';').trim_end_matches(')');
            let (mname, args) = text.split_once('(').unwrap();
            let mut m = ManMember {
                name: mname.to_string(),
                ..Default::default()
            };
            for a in args.split(',').map(str::trim).filter(|a| !a.is_empty()) {
                let w: Vec<&str> = a.split_whitespace().collect();
                match w.as_slice() {
                    ["in", t, n] => m.args.push((n.to_string(), t.to_string())),
                    ["out", t, n] => m.out.push((n.to_string(), t.to_string())),
                    [t, n] => m.args.push((n.to_string(), t.to_string())),
                    _ => panic!("argument {a:?}"),
                }
            }
            if section == "methods:" {
                iface.methods.push(m);
            } else {
                iface.signals.push(m);
            }
        }
    }
    out
}
