//! Unit names as users and peers type them (`linger ctl start NAME`, names in requests,
//! `systemd-escape`, D-Bus object paths): parsing, mangling and the escapes.
//!
//! Invariants: `systemd-escape -u` undoes `systemd-escape`; a D-Bus label decodes back to
//! the name it was made from; a mangled name is a valid name; a parsed name's template and
//! instance rebuild it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use linger_unit::name::{self, UnitName};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if !s.contains('\0') {
        assert_eq!(name::unescape(&name::escape(s)).as_deref(), Ok(s));
    }
    assert_eq!(
        name::from_dbus_path(&name::to_dbus_path(s)).as_deref(),
        Ok(s)
    );
    if let Ok(n) = name::from_dbus_path(s) {
        let _ = name::to_dbus_path(&n);
    }
    if let Ok(parsed) = UnitName::parse(s) {
        let instance = name::to_instance(s)
            .ok()
            .and_then(|(_, i)| i)
            .filter(|i| !i.is_empty());
        if let (Some(template), Some(instance)) = (parsed.template(), instance) {
            let rebuilt = name::replace_instance(&template.to_string(), instance);
            assert_eq!(rebuilt.as_deref(), Ok(s));
        }
        let _ = name::to_path(s);
    }
    for glob in [false, true] {
        if let Ok((mangled, _)) = name::mangle(s, ".service", glob) {
            assert!(
                glob || UnitName::parse(&mangled).is_ok(),
                "{s:?} → {mangled:?}"
            );
        }
    }
    if let Ok(p) = name::escape_path(s) {
        let _ = name::unescape_path(&p);
    }
    let _ = name::unescape_path(s);
    let _ = name::from_path(s, ".mount");
    let _ = name::slice_parent(s);
    let _ = linger_unit::exec_line::parse_exec_line(s);
    let _ = linger_unit::value::parse_signal(s);
});
