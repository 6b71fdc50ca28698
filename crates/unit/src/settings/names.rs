//! Small unit-name helpers the settings table and loader need.
//!
//! TEMPORARY shim: `crate::name` (helper U1) will own the unit-name grammar; these functions
//! will then delegate to it. Kept minimal and private to the crate.

use crate::model::UnitType;

/// The parts of a unit name: `foo@bar.service` → ("foo", Some("bar"), Service).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameParts<'a> {
    /// Before `@` (or before the suffix).
    pub prefix: &'a str,
    /// After `@`, None if the name has no `@`; Some("") for a template.
    pub instance: Option<&'a str>,
    /// The suffix.
    pub unit_type: UnitType,
}

fn valid_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, ':' | '-' | '_' | '.' | '\\')
}

/// Split and validate a unit name (systemd's grammar: ≤ 255 bytes, `[A-Za-z0-9:_.\\-]`, at
/// most one `@`, a known type suffix).
pub(crate) fn parse_name(name: &str) -> Option<NameParts<'_>> {
    if name.is_empty() || name.len() > 255 {
        return None;
    }
    let (stem, suffix) = name.rsplit_once('.')?;
    let unit_type = UnitType::parse(suffix)?;
    if stem.is_empty() {
        return None;
    }
    let (prefix, instance) = match stem.split_once('@') {
        Some((p, i)) => (p, Some(i)),
        None => (stem, None),
    };
    if prefix.is_empty() || !prefix.chars().all(valid_char) {
        return None;
    }
    if let Some(i) = instance {
        if !i.chars().all(|c| valid_char(c) || c == '@') {
            return None;
        }
    }
    Some(NameParts { prefix, instance, unit_type })
}

/// A valid plain or instance name (not a bare template).
pub(crate) fn is_valid_loadable(name: &str) -> bool {
    parse_name(name).is_some_and(|p| p.instance != Some(""))
}

/// `foo@bar.service` → `foo@.service`; None for names without an instance.
pub(crate) fn template_of(name: &str) -> Option<String> {
    let p = parse_name(name)?;
    match p.instance {
        Some(i) if !i.is_empty() => Some(format!("{}@.{}", p.prefix, p.unit_type.as_str())),
        _ => None,
    }
}

/// `foo@.service` + `bar` → `foo@bar.service`.
pub(crate) fn instantiate(template: &str, instance: &str) -> Option<String> {
    let p = parse_name(template)?;
    (p.instance == Some("")).then(|| format!("{}@{}.{}", p.prefix, instance, p.unit_type.as_str()))
}

/// Undo systemd's name escaping: `\xHH` → byte, `-` → `/` (as `%I`/`%P` do).
pub(crate) fn unescape(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && b.get(i + 1) == Some(&b'x') {
            if let Some(v) = s.get(i + 2..i + 4).and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 4;
                continue;
            }
        }
        out.push(if b[i] == b'-' { b'/' } else { b[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(is_valid_loadable("foo.service"));
        assert!(is_valid_loadable("foo@bar.service"));
        assert!(!is_valid_loadable("foo@.service"));
        assert!(!is_valid_loadable("foo"));
        assert!(!is_valid_loadable("foo.bar"));
        assert!(!is_valid_loadable("a b.service"));
        assert_eq!(template_of("foo@bar.service").as_deref(), Some("foo@.service"));
        assert_eq!(instantiate("foo@.service", "x").as_deref(), Some("foo@x.service"));
        assert_eq!(unescape("home-user\\x2dx"), "home/user-x");
    }
}
