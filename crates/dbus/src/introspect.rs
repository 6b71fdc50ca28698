//! `org.freedesktop.DBus.Introspectable.Introspect`: the XML description of an object, made
//! from the same tables the dispatcher uses (members.rs, props.rs), so what is described is
//! what answers.

use std::fmt::Write;

use crate::members::{MANAGER_METHODS, MANAGER_SIGNALS, Member};
use crate::props::{Emits, Prop, UnitInterface};

const HEADER: &str = "<!DOCTYPE node PUBLIC \"-//freedesktop//DTD D-BUS Object Introspection 1.0//EN\"\n\"http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd\">\n<node>\n";

const STANDARD: &str = r#" <interface name="org.freedesktop.DBus.Peer">
  <method name="Ping"/>
  <method name="GetMachineId">
   <arg type="s" name="machine_uuid" direction="out"/>
  </method>
 </interface>
 <interface name="org.freedesktop.DBus.Introspectable">
  <method name="Introspect">
   <arg name="xml_data" type="s" direction="out"/>
  </method>
 </interface>
 <interface name="org.freedesktop.DBus.Properties">
  <method name="Get">
   <arg name="interface_name" direction="in" type="s"/>
   <arg name="property_name" direction="in" type="s"/>
   <arg name="value" direction="out" type="v"/>
  </method>
  <method name="GetAll">
   <arg name="interface_name" direction="in" type="s"/>
   <arg name="props" direction="out" type="a{sv}"/>
  </method>
  <method name="Set">
   <arg name="interface_name" direction="in" type="s"/>
   <arg name="property_name" direction="in" type="s"/>
   <arg name="value" direction="in" type="v"/>
  </method>
  <signal name="PropertiesChanged">
   <arg type="s" name="interface_name"/>
   <arg type="a{sv}" name="changed_properties"/>
   <arg type="as" name="invalidated_properties"/>
  </signal>
 </interface>
"#;

fn members(x: &mut String, methods: &[Member], signals: &[Member]) {
    for m in methods {
        let _ = writeln!(x, "  <method name=\"{}\">", m.name);
        for (n, t) in m.args {
            let _ = writeln!(x, "   <arg type=\"{t}\" name=\"{n}\" direction=\"in\"/>");
        }
        for (n, t) in m.out {
            let _ = writeln!(x, "   <arg type=\"{t}\" name=\"{n}\" direction=\"out\"/>");
        }
        x.push_str("  </method>\n");
    }
    for s in signals {
        let _ = writeln!(x, "  <signal name=\"{}\">", s.name);
        for (n, t) in s.args {
            let _ = writeln!(x, "   <arg type=\"{t}\" name=\"{n}\"/>");
        }
        x.push_str("  </signal>\n");
    }
}

fn property(x: &mut String, p: &Prop) {
    let (name, sig) = (p.name, p.sig);
    let access = if p.writable { "readwrite" } else { "read" };
    let _ = writeln!(
        x,
        "  <property name=\"{name}\" type=\"{sig}\" access=\"{access}\">"
    );
    let value = match p.emits {
        Emits::Const => Some("const"),
        Emits::Invalidates => Some("invalidates"),
        Emits::Silent => Some("false"),
        Emits::Changes => None,
    };
    if let Some(v) = value {
        let _ = writeln!(
            x,
            "   <annotation name=\"org.freedesktop.DBus.Property.EmitsChangedSignal\" value=\"{v}\"/>"
        );
    }
    x.push_str("  </property>\n");
}

fn children(x: &mut String, names: &[String]) {
    for n in names {
        let _ = writeln!(x, " <node name=\"{n}\"/>");
    }
}

/// A node that is only a parent of others (`/`, `/org`, …, `/org/freedesktop/systemd1/unit`).
pub fn parent(child_nodes: &[String]) -> String {
    let mut x = String::from(HEADER);
    x.push_str(STANDARD);
    children(&mut x, child_nodes);
    x.push_str("</node>\n");
    x
}

/// The manager object.
pub fn manager() -> String {
    let mut x = String::from(HEADER);
    x.push_str(STANDARD);
    x.push_str(" <interface name=\"org.freedesktop.systemd1.Manager\">\n");
    for p in crate::props::MANAGER {
        property(&mut x, p);
    }
    members(&mut x, MANAGER_METHODS, MANAGER_SIGNALS);
    x.push_str(" </interface>\n");
    children(&mut x, &["unit".to_string(), "job".to_string()]);
    x.push_str("</node>\n");
    x
}

/// A unit object with these interfaces (the type's own, then `Unit`).
pub fn unit(interfaces: &[UnitInterface]) -> String {
    let mut x = String::from(HEADER);
    x.push_str(STANDARD);
    for i in interfaces {
        let _ = writeln!(x, " <interface name=\"{}\">", i.name);
        for p in i.props() {
            property(&mut x, p);
        }
        let (_, methods, signals) = crate::members::of(i.name);
        members(&mut x, methods, signals);
        x.push_str(" </interface>\n");
    }
    x.push_str("</node>\n");
    x
}

/// A job object.
pub fn job() -> String {
    let mut x = String::from(HEADER);
    x.push_str(STANDARD);
    x.push_str(" <interface name=\"org.freedesktop.systemd1.Job\">\n");
    members(&mut x, crate::members::JOB_METHODS, &[]);
    for p in crate::props::JOB {
        property(&mut x, p);
    }
    x.push_str(" </interface>\n</node>\n");
    x
}

/// The log control object (`/org/freedesktop/LogControl1`).
pub fn log_control() -> String {
    let mut x = String::from(HEADER);
    x.push_str(STANDARD);
    x.push_str(" <interface name=\"org.freedesktop.LogControl1\">\n");
    for p in crate::props::LOG_CONTROL {
        property(&mut x, p);
    }
    x.push_str(" </interface>\n</node>\n");
    x
}
