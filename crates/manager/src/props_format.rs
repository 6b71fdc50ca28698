//! Property values in `systemctl show`'s formats (timestamps, spans, booleans), shared by the
//! property renderers.

use linger_time::{USEC_INFINITY, Usec};

/// systemd's timestamp format (`Mon 2026-11-23 10:00:00 UTC`), empty for "never".
pub fn timestamp(us: Usec) -> String {
    if us == 0 || us == USEC_INFINITY {
        return String::new();
    }
    linger_time::timestamp::format_timestamp(us, &linger_time::local_zone())
}

/// A time span as systemd prints it (`1min 30s`).
pub fn span(us: Usec) -> String {
    linger_time::format_timespan(us, 1)
}

/// `yes` or `no`.
pub fn yes(b: bool) -> String {
    if b { "yes".into() } else { "no".into() }
}

/// Properties as the manager renders them: `show`'s `Name=value` strings, and beside them
/// the exact µs of each realtime timestamp among them (the strings have whole seconds;
/// D-Bus carries µs).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Props {
    /// `Name=value`, as `systemctl show` prints them.
    pub strings: std::collections::BTreeMap<String, String>,
    /// Realtime µs of the timestamp properties (0: never).
    pub realtime: std::collections::BTreeMap<String, Usec>,
}

impl Props {
    /// Set `name` to `value`.
    pub fn insert(&mut self, name: String, value: String) {
        self.strings.insert(name, value);
    }

    /// `NAME=` as a realtime timestamp (0: never).
    pub fn realtime(&mut self, name: &str, us: Usec) {
        self.strings.insert(name.to_string(), timestamp(us));
        self.realtime.insert(name.to_string(), us);
    }

    /// `NAME=` as a realtime timestamp and `NAMEMonotonic=` in µs.
    pub fn stamp(&mut self, name: &str, t: linger_engine::Timestamp) {
        self.realtime(name, t.realtime);
        self.strings
            .insert(format!("{name}Monotonic"), t.monotonic.to_string());
    }
}
