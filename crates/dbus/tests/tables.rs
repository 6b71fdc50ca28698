//! linger's D-Bus tables against systemd 252's own introspection data
//! (tests/reference/systemd252/introspect-*.txt, captured by capture.sh): every property,
//! method and signal linger has exists in systemd with the same name, type and argument
//! types, and properties come in systemd's order (`systemctl show` prints them in that order).

use std::path::Path;

use linger_dbus::members::{self, Member};
use linger_dbus::props::{self, Emits};

fn reference(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/reference/systemd252")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The text of `<interface name="NAME">` … `</interface>` in `xml`.
fn interface<'a>(xml: &'a str, name: &str) -> &'a str {
    let start = xml
        .find(&format!("<interface name=\"{name}\">"))
        .unwrap_or_else(|| panic!("no interface {name}"));
    let end = xml[start..]
        .find("</interface>")
        .map(|e| start + e)
        .unwrap();
    &xml[start..end]
}

/// `(name, type, emits-changed annotation)` of each property, in order.
fn properties(iface: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for chunk in iface.split("<property ").skip(1) {
        let attr = |a: &str| {
            let i = chunk.find(&format!("{a}=\"")).unwrap() + a.len() + 2;
            chunk[i..i + chunk[i..].find('"').unwrap()].to_string()
        };
        let body = &chunk[..chunk.find("</property>").unwrap_or(chunk.len())];
        let emits = body
            .split("EmitsChangedSignal\" value=\"")
            .nth(1)
            .map(|v| v[..v.find('"').unwrap()].to_string())
            .unwrap_or_else(|| "true".into());
        out.push((attr("name"), attr("type"), emits));
    }
    out
}

/// The argument types of method or signal `name` in `iface` ((in, out)).
fn member_types(iface: &str, kind: &str, name: &str) -> (Vec<String>, Vec<String>) {
    let start = iface
        .find(&format!("<{kind} name=\"{name}\""))
        .unwrap_or_else(|| panic!("systemd has no {kind} {name}"));
    let rest = &iface[start..];
    let end = rest
        .find(&format!("</{kind}>"))
        .unwrap_or_else(|| rest.find("/>").unwrap());
    let (mut ins, mut outs) = (Vec::new(), Vec::new());
    for arg in rest[..end].split("<arg ").skip(1) {
        let ty = arg
            .split("type=\"")
            .nth(1)
            .map(|t| t[..t.find('"').unwrap()].to_string())
            .unwrap();
        if arg.contains("direction=\"out\"") {
            outs.push(ty);
        } else {
            ins.push(ty);
        }
    }
    (ins, outs)
}

fn check_props(file: &str, iface_name: &str, ours: &[props::Prop]) {
    let xml = reference(file);
    let theirs = properties(interface(&xml, iface_name));
    let mut last = 0;
    for p in ours {
        let pos = theirs
            .iter()
            .position(|(n, _, _)| n == p.name)
            .unwrap_or_else(|| panic!("systemd's {iface_name} has no property {}", p.name));
        let (_, ty, emits) = &theirs[pos];
        assert_eq!(ty, p.sig, "{iface_name}.{}", p.name);
        let want = match p.emits {
            Emits::Const => "const",
            Emits::Changes => "true",
            Emits::Invalidates => "invalidates",
            Emits::Silent => "false",
        };
        assert_eq!(emits, want, "{iface_name}.{} EmitsChangedSignal", p.name);
        assert!(
            pos >= last,
            "{iface_name}.{} is out of systemd's order",
            p.name
        );
        last = pos;
    }
}

#[test]
fn unit_properties_are_systemds() {
    check_props(
        "introspect-ref_2dsimple_2eservice.txt",
        "org.freedesktop.systemd1.Unit",
        props::UNIT_IFACE.props,
    );
    for (file, unit) in [
        ("introspect-ref_2dsimple_2eservice.txt", "x.service"),
        ("introspect-ref_2esocket.txt", "x.socket"),
        ("introspect-ref_2etimer.txt", "x.timer"),
        ("introspect-app_2eslice.txt", "x.slice"),
        ("introspect-init_2escope.txt", "x.scope"),
        ("introspect-default_2etarget.txt", "x.target"),
    ] {
        let ifaces = props::interfaces_of(unit);
        assert_eq!(ifaces.len(), 2, "{unit}");
        assert_eq!(
            ifaces[1],
            props::UNIT_IFACE,
            "the type's interface comes first"
        );
        check_props(file, ifaces[0].name, ifaces[0].props);
    }
}

fn check_members(file: &str, iface_name: &str, kind: &str, ours: &[Member]) {
    let xml = reference(file);
    let iface = interface(&xml, iface_name);
    for m in ours {
        let (ins, outs) = member_types(iface, kind, m.name);
        let our_in: Vec<String> = m.args.iter().map(|(_, t)| t.to_string()).collect();
        let our_out: Vec<String> = m.out.iter().map(|(_, t)| t.to_string()).collect();
        assert_eq!(our_in, ins, "{iface_name}.{} arguments", m.name);
        assert_eq!(our_out, outs, "{iface_name}.{} results", m.name);
    }
}

#[test]
fn methods_and_signals_are_systemds() {
    let manager = "org.freedesktop.systemd1.Manager";
    check_members(
        "introspect-manager.txt",
        manager,
        "method",
        members::MANAGER_METHODS,
    );
    check_members(
        "introspect-manager.txt",
        manager,
        "signal",
        members::MANAGER_SIGNALS,
    );
    check_members(
        "introspect-ref_2dsimple_2eservice.txt",
        "org.freedesktop.systemd1.Unit",
        "method",
        members::UNIT_METHODS,
    );
    check_props("introspect-manager.txt", manager, props::MANAGER);
}
