//! systemd's object paths: `/org/freedesktop/systemd1/unit/<escaped name>` and
//! `/org/freedesktop/systemd1/job/<id>`. The one escaper for D-Bus object path elements
//! (sd-bus's `sd_bus_path_encode`): every byte that is not `[A-Za-z0-9]`, and a leading digit,
//! becomes `_xx` (two lowercase hex digits); the empty string is `_`.

/// The manager object.
pub const MANAGER: &str = "/org/freedesktop/systemd1";
/// Where unit objects live.
pub const UNIT_PREFIX: &str = "/org/freedesktop/systemd1/unit/";
/// sd-bus's log control object (the manager's log level and target).
pub const LOG_CONTROL: &str = "/org/freedesktop/LogControl1";
/// Where job objects live.
pub const JOB_PREFIX: &str = "/org/freedesktop/systemd1/job/";

/// One path element for `s`.
pub fn escape(s: &str) -> String {
    if s.is_empty() {
        return "_".into();
    }
    let mut out = String::with_capacity(s.len() * 3);
    for (i, b) in s.bytes().enumerate() {
        if b.is_ascii_alphabetic() || (b.is_ascii_digit() && i > 0) {
            out.push(b as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push('_');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xf)] as char);
        }
    }
    out
}

/// The string a path element stands for (None: not a valid escape).
pub fn unescape(s: &str) -> Option<String> {
    if s == "_" {
        return Some(String::new());
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'_' {
            // Two hex digits exactly (from_str_radix alone would take `_+f`).
            let hex = bytes.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else if b.is_ascii_alphanumeric() {
            out.push(b);
            i += 1;
        } else {
            return None;
        }
    }
    String::from_utf8(out).ok()
}

/// The object path of unit `id`.
pub fn unit(id: &str) -> String {
    format!("{UNIT_PREFIX}{}", escape(id))
}

/// The object path of job `id`.
pub fn job(id: u32) -> String {
    format!("{JOB_PREFIX}{id}")
}

/// What an object path names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Object {
    /// The manager.
    Manager,
    /// A unit, by (unescaped) name.
    Unit(String),
    /// A job.
    Job(u32),
    /// The log control object.
    LogControl,
}

impl Object {
    /// The object at `path`, if it can be one of ours.
    pub fn at(path: &str) -> Option<Object> {
        if path == MANAGER {
            return Some(Object::Manager);
        }
        if path == LOG_CONTROL {
            return Some(Object::LogControl);
        }
        if let Some(e) = path.strip_prefix(UNIT_PREFIX) {
            return unescape(e).map(Object::Unit);
        }
        if let Some(n) = path.strip_prefix(JOB_PREFIX) {
            return n.parse().ok().filter(|n| *n > 0).map(Object::Job);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_systemd_does() {
        // Paths systemd 252 uses (tests/reference/systemd252/introspect-*.txt).
        assert_eq!(
            unit("ref-simple.service"),
            "/org/freedesktop/systemd1/unit/ref_2dsimple_2eservice"
        );
        assert_eq!(escape("app.slice"), "app_2eslice");
        assert_eq!(escape("1foo"), "_31foo");
        assert_eq!(escape("a1"), "a1");
        assert_eq!(escape("foo@x\\x2d.service"), "foo_40x_5cx2d_2eservice");
        assert_eq!(escape(""), "_");
        for s in ["ref-simple.service", "1foo", "", "ünï@x.service", "a_b"] {
            assert_eq!(unescape(&escape(s)).as_deref(), Some(s));
        }
        assert_eq!(unescape("bad_zz"), None);
        assert_eq!(unescape("a-b"), None);
        assert_eq!(unescape("a_2"), None);
        assert_eq!(unescape("a_+f"), None);
        assert_eq!(unescape("a_-1"), None);
        assert_eq!(unescape("a_2E"), Some("a.".into()));
    }

    #[test]
    fn objects_by_path() {
        assert_eq!(Object::at(MANAGER), Some(Object::Manager));
        assert_eq!(
            Object::at("/org/freedesktop/systemd1/unit/a_2eservice"),
            Some(Object::Unit("a.service".into()))
        );
        assert_eq!(
            Object::at("/org/freedesktop/systemd1/job/42"),
            Some(Object::Job(42))
        );
        assert_eq!(Object::at("/org/freedesktop/systemd1/job/0"), None);
        assert_eq!(Object::at("/org/freedesktop/systemd1/nope"), None);
    }
}
