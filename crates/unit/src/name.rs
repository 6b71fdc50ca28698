//! Unit-name grammar: validation, templates and instances, `systemd-escape`.
//!
//! A unit name is `prefix[@instance].type` (systemd.unit(5)): shorter than
//! [`UNIT_NAME_MAX`] bytes, the prefix made of ASCII letters, digits and `:-_.\`, the
//! instance of those plus `@`, the type one of [`UnitType`]'s suffixes. `foo@.service` is a
//! template, `foo@bar.service` an instance of it, `foo.service` a plain name.
//! Behaviour follows systemd 252's `unit-name.c` as its tests and `systemd-escape` show it.

mod alias;
mod escape;
mod slice;
mod unit_type;

use std::fmt;

pub use alias::{AliasError, validate_alias_symlink};
pub use escape::{
    escape, escape_path, from_dbus_path, from_path, from_path_instance, mangle, to_dbus_path,
    to_path, unescape, unescape_path,
};
pub use slice::{slice_is_valid, slice_parent, slice_subslice};
pub use unit_type::UnitType;

/// Unit names must be shorter than this many bytes (systemd's `UNIT_NAME_MAX`).
pub const UNIT_NAME_MAX: usize = 256;

/// Characters allowed in a prefix besides ASCII letters and digits.
const VALID_EXTRA: &[u8] = b":-_.\\";

/// Plain, template or instance (systemd's `UnitNameFlags`, one at a time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    /// `foo.service`
    Plain,
    /// `foo@.service`
    Template,
    /// `foo@bar.service`
    Instance,
}

/// A set of [`NameKind`]s accepted by [`is_valid`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NameKinds {
    /// Accept plain names.
    pub plain: bool,
    /// Accept templates.
    pub template: bool,
    /// Accept instances.
    pub instance: bool,
}

impl NameKinds {
    /// Any kind of name.
    pub const ANY: NameKinds = NameKinds {
        plain: true,
        template: true,
        instance: true,
    };
    /// Plain names only.
    pub const PLAIN: NameKinds = NameKinds {
        plain: true,
        template: false,
        instance: false,
    };
    /// Templates only.
    pub const TEMPLATE: NameKinds = NameKinds {
        plain: false,
        template: true,
        instance: false,
    };
    /// Instances only.
    pub const INSTANCE: NameKinds = NameKinds {
        plain: false,
        template: false,
        instance: true,
    };
    /// Templates or instances.
    pub const TEMPLATE_OR_INSTANCE: NameKinds = NameKinds {
        plain: false,
        template: true,
        instance: true,
    };

    fn accepts(self, kind: NameKind) -> bool {
        match kind {
            NameKind::Plain => self.plain,
            NameKind::Template => self.template,
            NameKind::Instance => self.instance,
        }
    }
}

/// Why a unit name (or a piece of one) was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    /// Not a valid unit name of the kind required.
    #[error("invalid unit name '{0}'")]
    InvalidName(String),
    /// Not a valid prefix (empty, or characters outside `[A-Za-z0-9:_.\-\\]`).
    #[error("invalid unit name prefix '{0}'")]
    InvalidPrefix(String),
    /// Not a valid instance string.
    #[error("invalid unit instance '{0}'")]
    InvalidInstance(String),
    /// Not `.` followed by a unit type.
    #[error("invalid unit type suffix '{0}'")]
    InvalidSuffix(String),
    /// The result would be [`UNIT_NAME_MAX`] bytes or longer.
    #[error("unit name too long: '{0}'")]
    TooLong(String),
    /// A path that has no unit name (`..` components, invalid characters, …).
    #[error("path '{0}' cannot be expressed as a unit name")]
    InvalidPath(String),
    /// An escaped string that does not unescape (`\` not followed by `x` and two hex digits,
    /// or bytes that are not UTF-8).
    #[error("invalid escaping in '{0}'")]
    InvalidEscape(String),
}

/// A parsed, valid unit name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnitName {
    /// Text before `@` (or before the suffix for plain names).
    pub prefix: String,
    /// `None` for plain names, `Some("")` for templates, `Some(i)` for instances.
    pub instance: Option<String>,
    /// The type given by the suffix.
    pub unit_type: UnitType,
}

impl UnitName {
    /// Parse and validate a full unit name.
    pub fn parse(name: &str) -> Result<UnitName, NameError> {
        let (kind, at, dot) =
            classify(name).ok_or_else(|| NameError::InvalidName(name.to_owned()))?;
        let unit_type = UnitType::parse(&name[dot + 1..])
            .ok_or_else(|| NameError::InvalidName(name.to_owned()))?;
        let (prefix, instance) = match (kind, at) {
            (NameKind::Plain, _) | (_, None) => (&name[..dot], None),
            (_, Some(at)) => (&name[..at], Some(name[at + 1..dot].to_owned())),
        };
        Ok(UnitName {
            prefix: prefix.to_owned(),
            instance,
            unit_type,
        })
    }

    /// Plain, template or instance.
    pub fn kind(&self) -> NameKind {
        match self.instance.as_deref() {
            None => NameKind::Plain,
            Some("") => NameKind::Template,
            Some(_) => NameKind::Instance,
        }
    }

    /// `foo@.service`
    pub fn is_template(&self) -> bool {
        self.kind() == NameKind::Template
    }

    /// `foo@bar.service`
    pub fn is_instance(&self) -> bool {
        self.kind() == NameKind::Instance
    }

    /// The same template with `instance` filled in (the name must be a template or an
    /// instance, as for systemd's `unit_name_replace_instance()`).
    pub fn with_instance(&self, instance: &str) -> Result<UnitName, NameError> {
        if self.instance.is_none() {
            return Err(NameError::InvalidName(self.to_string()));
        }
        if !instance_is_valid(instance) {
            return Err(NameError::InvalidInstance(instance.to_owned()));
        }
        let n = UnitName {
            instance: Some(instance.to_owned()),
            ..self.clone()
        };
        check_len(n)
    }

    /// The template this name belongs to (`foo@bar.service` → `foo@.service`), if any.
    pub fn template(&self) -> Option<UnitName> {
        self.instance.as_ref()?;
        Some(UnitName {
            instance: Some(String::new()),
            ..self.clone()
        })
    }

    /// `prefix@instance` or `prefix` without the suffix (systemd's `%N`).
    pub fn without_suffix(&self) -> String {
        match &self.instance {
            Some(i) => format!("{}@{}", self.prefix, i),
            None => self.prefix.clone(),
        }
    }
}

impl fmt::Display for UnitName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.without_suffix(), self.unit_type.as_str())
    }
}

impl std::str::FromStr for UnitName {
    type Err = NameError;

    fn from_str(s: &str) -> Result<UnitName, NameError> {
        UnitName::parse(s)
    }
}

fn check_len(n: UnitName) -> Result<UnitName, NameError> {
    let s = n.to_string();
    if s.len() >= UNIT_NAME_MAX {
        Err(NameError::TooLong(s))
    } else {
        Ok(n)
    }
}

fn is_valid_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || VALID_EXTRA.contains(&b)
}

/// Kind, position of the first `@`, position of the suffix dot — if `name` is a valid name.
fn classify(name: &str) -> Option<(NameKind, Option<usize>, usize)> {
    if name.is_empty() || name.len() >= UNIT_NAME_MAX {
        return None;
    }
    let dot = name.rfind('.').filter(|&d| d > 0)?;
    UnitType::parse(&name[dot + 1..])?;
    let bytes = name.as_bytes();
    let mut at = None;
    for (i, &b) in bytes[..dot].iter().enumerate() {
        if b == b'@' {
            at.get_or_insert(i);
        } else if !is_valid_char(b) {
            return None;
        }
    }
    match at {
        Some(0) => None,
        None => Some((NameKind::Plain, None, dot)),
        Some(a) if a + 1 == dot => Some((NameKind::Template, at, dot)),
        Some(_) => Some((NameKind::Instance, at, dot)),
    }
}

/// systemd's `unit_name_is_valid()`: a well-formed name of one of the accepted kinds.
pub fn is_valid(name: &str, kinds: NameKinds) -> bool {
    classify(name).is_some_and(|(k, _, _)| kinds.accepts(k))
}

/// The kind of a valid name, `None` if invalid.
pub fn kind_of(name: &str) -> Option<NameKind> {
    classify(name).map(|(k, _, _)| k)
}

/// The unit type a name's suffix names (the name itself need not be valid otherwise).
pub fn type_of(name: &str) -> Option<UnitType> {
    name.rfind('.')
        .and_then(|d| UnitType::parse(&name[d + 1..]))
}

/// A non-empty prefix of valid characters.
pub fn prefix_is_valid(p: &str) -> bool {
    !p.is_empty() && p.bytes().all(is_valid_char)
}

/// A non-empty instance of valid characters or `@`.
pub fn instance_is_valid(i: &str) -> bool {
    !i.is_empty() && i.bytes().all(|b| b == b'@' || is_valid_char(b))
}

/// `.` followed by a unit type.
pub fn suffix_is_valid(s: &str) -> bool {
    s.strip_prefix('.').and_then(UnitType::parse).is_some()
}

/// The prefix of a valid name (`foo@bar.service` → `foo`).
pub fn to_prefix(name: &str) -> Result<&str, NameError> {
    let (_, at, dot) = classify(name).ok_or_else(|| NameError::InvalidName(name.to_owned()))?;
    Ok(&name[..at.unwrap_or(dot)])
}

/// The kind and instance of a valid name: `None` for plain names, `Some("")` for templates.
pub fn to_instance(name: &str) -> Result<(NameKind, Option<&str>), NameError> {
    let (kind, at, dot) = classify(name).ok_or_else(|| NameError::InvalidName(name.to_owned()))?;
    Ok((kind, at.map(|a| &name[a + 1..dot])))
}

/// `foo@xyz.service` or `foo@.service` with another instance.
pub fn replace_instance(name: &str, instance: &str) -> Result<String, NameError> {
    UnitName::parse(name)?
        .with_instance(instance)
        .map(|n| n.to_string())
}

/// The template of an instance or template name (`foo@bar.service` → `foo@.service`).
pub fn template_of(name: &str) -> Result<String, NameError> {
    let n = UnitName::parse(name)?;
    n.template()
        .map(|t| t.to_string())
        .ok_or_else(|| NameError::InvalidName(name.to_owned()))
}

/// The name with another suffix (`foo@x.mount`, `.service` → `foo@x.service`).
pub fn change_suffix(name: &str, suffix: &str) -> Result<String, NameError> {
    let (_, _, dot) = classify(name).ok_or_else(|| NameError::InvalidName(name.to_owned()))?;
    if !suffix_is_valid(suffix) {
        return Err(NameError::InvalidSuffix(suffix.to_owned()));
    }
    let s = format!("{}{}", &name[..dot], suffix);
    if s.len() >= UNIT_NAME_MAX {
        Err(NameError::TooLong(s))
    } else {
        Ok(s)
    }
}

/// Assemble `prefix[@instance]suffix` (suffix with its dot), validating every piece.
pub fn build(prefix: &str, instance: Option<&str>, suffix: &str) -> Result<String, NameError> {
    if !prefix_is_valid(prefix) {
        return Err(NameError::InvalidPrefix(prefix.to_owned()));
    }
    if let Some(i) = instance.filter(|i| !instance_is_valid(i)) {
        return Err(NameError::InvalidInstance(i.to_owned()));
    }
    let unit_type = suffix
        .strip_prefix('.')
        .and_then(UnitType::parse)
        .ok_or_else(|| NameError::InvalidSuffix(suffix.to_owned()))?;
    check_len(UnitName {
        prefix: prefix.to_owned(),
        instance: instance.map(str::to_owned),
        unit_type,
    })
    .map(|n| n.to_string())
}

/// Whether two names share their prefix (text before `@`, or before the last `.`).
pub fn prefix_equal(a: &str, b: &str) -> bool {
    fn prefix(s: &str) -> Option<&str> {
        s.find('@').or_else(|| s.rfind('.')).map(|p| &s[..p])
    }
    matches!((prefix(a), prefix(b)), (Some(x), Some(y)) if x == y)
}

/// A plain name whose prefix ends in `_` and 16 lowercase hex digits (systemd's form for
/// path-derived names too long to spell out).
pub fn is_hashed(name: &str) -> bool {
    if !is_valid(name, NameKinds::PLAIN) {
        return false;
    }
    let Ok(prefix) = to_prefix(name) else {
        return false;
    };
    let b = prefix.as_bytes();
    b.len() > 17
        && b[b.len() - 17] == b'_'
        && b[b.len() - 16..]
            .iter()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_kinds() {
        let n = UnitName::parse("foo@bar@baz.service").ok();
        assert_eq!(
            n.as_ref().map(|n| n.instance.as_deref()),
            Some(Some("bar@baz"))
        );
        assert_eq!(
            n.map(|n| n.to_string()).as_deref(),
            Some("foo@bar@baz.service")
        );
        assert!(UnitName::parse("foo@.service").is_ok_and(|n| n.is_template()));
        assert!(UnitName::parse("@x.service").is_err());
        assert!(UnitName::parse("foo.waldo").is_err());
        let long = format!("{}.service", "a".repeat(UNIT_NAME_MAX - 8));
        assert!(!is_valid(&long, NameKinds::ANY));
        assert!(is_valid(&long[1..], NameKinds::ANY));
    }

    #[test]
    fn with_instance() {
        let t = UnitName::parse("getty@.service").ok();
        let i = t
            .and_then(|t| t.with_instance("tty1").ok())
            .map(|n| n.to_string());
        assert_eq!(i.as_deref(), Some("getty@tty1.service"));
        assert!(UnitName::parse("a.service").is_ok_and(|n| n.with_instance("x").is_err()));
    }
}
