//! Borrowing helpers over [`crate::name`] for the settings table and the loader.

use crate::model::UnitType;
use crate::name::{self, NameKind};

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

/// Split and validate a unit name (systemd's grammar, see [`crate::name`]).
pub(crate) fn parse_name(n: &str) -> Option<NameParts<'_>> {
    let (_, instance) = name::to_instance(n).ok()?;
    Some(NameParts {
        prefix: name::to_prefix(n).ok()?,
        instance,
        unit_type: name::type_of(n)?,
    })
}

/// A valid plain or instance name (not a bare template).
pub(crate) fn is_valid_loadable(n: &str) -> bool {
    name::kind_of(n).is_some_and(|k| k != NameKind::Template)
}

/// `foo@bar.service` → `foo@.service`; None for names without an instance.
pub(crate) fn template_of(n: &str) -> Option<String> {
    (name::kind_of(n) == Some(NameKind::Instance))
        .then(|| name::template_of(n).ok())
        .flatten()
}

/// `foo@.service` + `bar` → `foo@bar.service` (None unless `template` is a template).
pub(crate) fn instantiate(template: &str, instance: &str) -> Option<String> {
    (name::kind_of(template) == Some(NameKind::Template))
        .then(|| name::replace_instance(template, instance).ok())
        .flatten()
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
        assert_eq!(
            template_of("foo@bar.service").as_deref(),
            Some("foo@.service")
        );
        assert_eq!(template_of("foo.service"), None);
        assert_eq!(
            instantiate("foo@.service", "x").as_deref(),
            Some("foo@x.service")
        );
        assert_eq!(instantiate("foo.service", "x"), None);
        let p = parse_name("a-b@c.socket").expect("valid");
        assert_eq!(
            (p.prefix, p.instance, p.unit_type),
            ("a-b", Some("c"), UnitType::Socket)
        );
    }
}
